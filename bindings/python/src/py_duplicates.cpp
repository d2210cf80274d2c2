// Duplicates and merging (db.duplicates): pairs of accounts or contacts that
// look like the same organization or person, the stored records new data
// would duplicate, merging two records, and the merge history.
#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct PyDuplicates {
  SharedDatabase db;
};

// 'account' or 'contact'; ValidationError for any other name.
RecordKind kind_named(const std::string& name) {
  const RecordKind kind = record_kind_named(name, "duplicates.kind");
  if (kind != RecordKind::account && kind != RecordKind::contact)
    throw Error(ErrorCode::invalid_argument,
                "duplicates.kind: duplicates are found among accounts and contacts, not " + name + " records",
                "duplicates.kind");
  return kind;
}

// The id of `value`: an int or a record of the kind; TypeError naming `field` otherwise.
template <class IdType>
IdType id_of(py::handle value, const char* field, const char* record_class) {
  try {
    return value.cast<IdType>();
  } catch (const py::cast_error&) {
    throw py::type_error(std::string(field) + ": expected an id (int) or a " + record_class + ", not " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>());
  }
}

py::list reason_names(const std::vector<DuplicateReason>& reasons) {
  py::list names;
  for (DuplicateReason reason : reasons) names.append(std::string(duplicate_reason_name(reason)));
  return names;
}

py::object parse_json(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

// The pairs as one page of a crmcore.Records, which gives to_records() and to_pandas().
class PairPager : public RecordPagerBase {
 public:
  explicit PairPager(std::vector<DuplicatePair> pairs) : pairs_(std::move(pairs)) {}
  py::list fetch() override {
    py::list out;
    for (DuplicatePair& pair : pairs_) out.append(py::cast(std::move(pair)));
    pairs_.clear();
    return out;
  }

 private:
  std::vector<DuplicatePair> pairs_;
};

// {"job_title": "other", ...} as MergeChoices; ValidationError for a side
// that is neither "survivor" nor "other".
MergeChoices choices_from(const std::map<std::string, std::string>& take) {
  MergeChoices choices;
  for (const auto& [field, side] : take)
    choices.fields[field] = enum_from_name(side, merge_side_from_name, "merge.take", "'survivor', 'other'");
  return choices;
}

std::string pair_repr(const DuplicatePair& p) {
  std::string reasons;
  for (DuplicateReason reason : p.reasons)
    reasons += (reasons.empty() ? "" : ", ") + std::string(duplicate_reason_name(reason));
  return "<DuplicatePair " + std::string(record_kind_name(p.kind)) + " " + std::to_string(p.first_id) + " and " +
         std::to_string(p.second_id) + " score " + std::to_string(p.score) + ": " + reasons + ">";
}

void bind_results(py::module_& m) {
  py::class_<DuplicatePair> pair(
      m, "DuplicatePair", "Two live records that look like the same organization or person (db.duplicates.find()).");
  pair.def_property_readonly("kind", [](const DuplicatePair& p) { return std::string(record_kind_name(p.kind)); },
                             "'account' or 'contact'.")
      .def_readonly("first_id", &DuplicatePair::first_id, "The smaller id of the two.")
      .def_readonly("second_id", &DuplicatePair::second_id, "The larger id.")
      .def_readonly("score", &DuplicatePair::score, "1..100: how likely they are one (see crmcore.Duplicates).")
      .def_property_readonly("reasons", [](const DuplicatePair& p) { return reason_names(p.reasons); },
                             "Why, as a list of 'same_email', 'same_phone', 'same_registration_number', "
                             "'same_vat_id', 'same_name'.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const DuplicatePair& a, const DuplicatePair& b) { return a == b; })
      .def("__repr__", &pair_repr);
  pair.attr("_fields") = py::make_tuple("kind", "first_id", "second_id", "score", "reasons");

  py::class_<DuplicateMatch> match(m, "DuplicateMatch",
                                   "A live record that new data would duplicate (db.duplicates.matches()).");
  match.def_readonly("id", &DuplicateMatch::id, "The stored record.")
      .def_readonly("score", &DuplicateMatch::score, "1..100.")
      .def_property_readonly("reasons", [](const DuplicateMatch& d) { return reason_names(d.reasons); },
                             "Why, as a list of reason names.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const DuplicateMatch& a, const DuplicateMatch& b) { return a == b; })
      .def("__repr__", [](const DuplicateMatch& d) {
        return "<DuplicateMatch " + std::to_string(d.id) + " score " + std::to_string(d.score) + ">";
      });
  match.attr("_fields") = py::make_tuple("id", "score", "reasons");

  py::class_<MergeRecord> merge(m, "MergeRecord", "One merge of the history (db.duplicates.history()).");
  merge.def_readonly("id", &MergeRecord::id, "Row id in the history.")
      .def_property_readonly("kind", [](const MergeRecord& r) { return std::string(record_kind_name(r.kind)); },
                             "'account' or 'contact'.")
      .def_readonly("survivor_id", &MergeRecord::survivor_id, "The record that stayed.")
      .def_readonly("merged_id", &MergeRecord::merged_id, "The record merged into it (deleted since).")
      .def_readonly("merged_at", &MergeRecord::merged_at, "When (UTC datetime).")
      .def_readonly("merged_by", &MergeRecord::merged_by, "The connection's user then ('' when none).")
      .def_property_readonly("choices", [](const MergeRecord& r) { return parse_json(r.choices_json); },
                             "The choices given, {'job_title': 'other', ...}.")
      .def_property_readonly("merged_record", [](const MergeRecord& r) { return parse_json(r.merged_record_json); },
                             "The merged record as it was just before the merge, as a dict of its fields.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__repr__", [](const MergeRecord& r) {
        return "<MergeRecord " + std::to_string(r.id) + ": " + std::string(record_kind_name(r.kind)) + " " +
               std::to_string(r.merged_id) + " into " + std::to_string(r.survivor_id) + ">";
      });
  merge.attr("_fields") =
      py::make_tuple("id", "kind", "survivor_id", "merged_id", "merged_at", "merged_by", "choices", "merged_record");
}

// find() and matches().
void bind_finding(py::class_<PyDuplicates>& cls) {
  cls.def(
         "find",
         [](PyDuplicates& self, const std::string& kind, IntArg<std::size_t> limit, IntArg<int> min_score) {
           const RecordKind on = kind_named(kind);
           auto pairs = self.db->run([&](Database& d) {
             return d.duplicates().find(on, {.limit = limit, .min_score = min_score});
           });
           std::unique_ptr<RecordPagerBase> pager = std::make_unique<PairPager>(std::move(pairs));
           return wrap("Records", py::cast(std::move(pager)));
         },
         py::arg("kind"), py::kw_only(), py::arg("limit") = 1000, py::arg("min_score") = 1,
         "Pairs of live records of `kind` ('account' or 'contact') that look like duplicates, best score first: "
         "crmcore.Records of DuplicatePair (iterate once; has to_records() and to_pandas()). limit: at most this "
         "many (1..100000); min_score: only pairs scoring at least this (1..100; 80 leaves out pairs that share "
         "only a name).")
      .def(
          "matches",
          [](PyDuplicates& self, const std::string& kind, py::object record, IntArg<std::size_t> limit, IntArg<int> min_score,
             const py::kwargs& fields) {
            const RecordKind on = kind_named(kind);
            const DuplicateQuery query{.limit = limit, .min_score = min_score};
            if (on == RecordKind::account) {
              const Account data = with_fields<Account>(record, fields, "matches");
              return self.db->run([&](Database& d) { return d.duplicates().matches(data, query); });
            }
            const Contact data = with_fields<Contact>(record, fields, "matches");
            return self.db->run([&](Database& d) { return d.duplicates().matches(data, query); });
          },
          py::arg("kind"), py::arg("record") = py::none(), py::kw_only(), py::arg("limit") = 1000,
          py::arg("min_score") = 1,
          "The live records of `kind` that a new record would duplicate (what to ask before inserting), best "
          "score first: a list of DuplicateMatch. The new record is a Contact or Account, a dict, and/or keyword "
          "fields. ValidationError for an email or phone that create() would refuse.");
}

// merge() and history().
void bind_merging(py::class_<PyDuplicates>& cls) {
  cls.def(
         "merge",
         [](PyDuplicates& self, const std::string& kind, py::handle survivor, py::handle other,
            const std::map<std::string, std::string>& take) -> py::object {
           const RecordKind on = kind_named(kind);
           const MergeChoices choices = choices_from(take);
           if (on == RecordKind::account) {
             const auto keep = id_of<AccountId>(survivor, "merge.survivor", "Account");
             const auto gone = id_of<AccountId>(other, "merge.other", "Account");
             return py::cast(self.db->run([&](Database& d) { return d.duplicates().merge(keep, gone, choices); }));
           }
           const auto keep = id_of<ContactId>(survivor, "merge.survivor", "Contact");
           const auto gone = id_of<ContactId>(other, "merge.other", "Contact");
           return py::cast(self.db->run([&](Database& d) { return d.duplicates().merge(keep, gone, choices); }));
         },
         py::arg("kind"), py::arg("survivor"), py::arg("other"), py::kw_only(),
         py::arg("take") = std::map<std::string, std::string>{},
         "Merges record `other` into `survivor` (ids or records of `kind`, 'account' or 'contact') in one "
         "transaction and returns the survivor as stored. take={'job_title': 'other', ...} chooses where a field "
         "comes from ('survivor' or 'other', even when empty); other fields keep the survivor's value, or take "
         "the other's when the survivor has none. Emails, phones, tags and consents are united; every activity, "
         "deal, employment, lead conversion, list membership (and, for accounts, subsidiary) of the other moves "
         "to the survivor; the other is deleted for good and the merge recorded. ValidationError for the same "
         "record twice or an unknown field, NotFoundError, ConflictError for a deleted record; nothing is "
         "written then.")
      .def(
          "history",
          [](PyDuplicates& self, const std::string& kind, py::handle record) {
            const RecordKind on = kind_named(kind);
            const std::int64_t id = on == RecordKind::account
                                        ? id_of<AccountId>(record, "record", "Account").value()
                                        : id_of<ContactId>(record, "record", "Contact").value();
            return self.db->run([&](Database& d) { return d.duplicates().history(on, id); });
          },
          py::arg("kind"), py::arg("record"),
          "The merges into the record (an id or record of `kind`), newest first: a list of MergeRecord.");
}

}  // namespace

void register_duplicates(py::module_& m) {
  bind_results(m);
  py::class_<PyDuplicates> cls(
      m, "Duplicates",
      "Finding duplicate accounts and contacts and merging them: db.duplicates. Reasons and their weights: "
      "same_registration_number and same_vat_id 95 (ignoring case, spaces and punctuation), same_email 90, "
      "same_phone 80, same_name 40 (ignoring case, diacritics and spaces, or the same ASCII Latin spelling: "
      "'Kozlowski' and 'Kozłowski', 'Mueller' and 'Müller', 'Ivanov' and 'Иванов'). A score is 100 x (1 - product of "
      "(1 - weight/100)), rounded: email alone 90, email and name 94, email and phone 98.");
  bind_finding(cls);
  bind_merging(cls);
  cls.def("__repr__", [](PyDuplicates&) { return std::string("<crmcore duplicates>"); });
  add_store_property<PyDuplicates>(m, "duplicates", "Finding duplicate accounts and contacts, and merging them.");
}

}  // namespace crm::python
