// Saved segments (db.segments): dynamic segments (a filter evaluated on each
// read) and static lists (members kept), their members, counts and exports,
// and filters checked or counted against a database.
#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_filter.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct PySegments {
  SharedDatabase db;
};

RecordKind kind_named(const std::string& name) { return record_kind_named(name, "segment.record_kind"); }

// Record ids given to add_members(), remove_members() and contains(): ints,
// or records, which must all be of one kind (checked against the segment's).
struct MemberIds {
  std::vector<std::int64_t> ids;
  std::optional<RecordKind> kind;  // of the record objects given, if any
};

void add_member_id(MemberIds& out, py::handle item) {
  if (PyLong_Check(item.ptr()) && !PyBool_Check(item.ptr())) {
    out.ids.push_back(int64_from_python(item, "segment.members"));
    return;
  }
  const auto kind = record_object_kind(item);
  if (!kind) throw py::type_error("segment.members: expected record ids (int) or records, not " + python_type_name(item));
  if (out.kind && *out.kind != *kind)
    throw Error(ErrorCode::invalid_argument, "segment.members: records of different kinds given together",
                "segment.members");
  py::object id = item.attr("id");
  if (id.is_none())
    throw Error(ErrorCode::invalid_argument, "segment.members: a record that is not stored has no id",
                "segment.members");
  out.kind = kind;
  out.ids.push_back(int64_from_python(id, "segment.members"));
}

// One id or record, or an iterable of them.
MemberIds member_ids(py::handle records) {
  MemberIds out;
  if (py::isinstance<py::str>(records))
    throw py::type_error("segment.members: expected record ids (int) or records, not str");
  if (!py::isinstance<py::iterable>(records)) {
    add_member_id(out, records);
    return out;
  }
  for (py::handle item : records) add_member_id(out, item);
  return out;
}

// The segment, after refusing record objects of another kind than its own.
// Runs inside PyDatabase::run(), without the GIL: no Python calls here.
Segment segment_for(Database& d, SegmentId id, const MemberIds& members) {
  Segment segment = d.segments().get(id);
  if (members.kind && *members.kind != segment.record_kind)
    throw Error(ErrorCode::invalid_argument,
                "segment.members: '" + segment.name + "' holds " +
                    std::string(record_kind_name(segment.record_kind)) + " records, not " +
                    std::string(record_kind_name(*members.kind)) + " records",
                "segment.members");
  return segment;
}

// The keywords of list() but segment=: members() and select() take the
// segment as their first argument.
#define MEMBER_FILTER_ARG_LIST                                                                              \
  py::arg("owner") = "", py::arg("tag") = "", py::arg("country") = "", py::arg("where") = "",               \
      py::arg("deleted") = "exclude", py::arg("sort") = "name", py::arg("sort_field") = "",                 \
      py::arg("descending") = false, py::arg("page_size") = kDefaultPageSize
#define MEMBER_FILTER_PARAMS                                                                                \
  const std::string &owner, const std::string &tag, const std::string &country, const WhereText &where,     \
      const std::string &deleted, const std::string &sort, const std::string &sort_field, bool descending,  \
      std::size_t page_size
#define MEMBER_QUERY(segment)                                                                               \
  Filters{owner, tag, country, where.text, segment, deleted, sort, sort_field, descending, page_size}.query()

// The column names of select(segment, "a", "b") or select(segment, ["a", "b"]).
std::vector<std::string> column_names(const py::args& names) {
  py::handle source = names;
  if (names.size() == 1 && (py::isinstance<py::list>(names[0]) || py::isinstance<py::tuple>(names[0])))
    source = names[0];
  std::vector<std::string> columns;
  for (py::handle name : source) columns.push_back(name.cast<std::string>());
  return columns;
}

// An iterator over member ids, fetched page by page (the first page now).
py::object member_iterator(const SharedDatabase& db, SegmentId id, ListQuery query) {
  std::unique_ptr<RecordPagerBase> pager = std::make_unique<RecordPager<std::int64_t>>(
      db, std::move(query), [id](Database& d, const ListQuery& q) { return d.segments().members(id, q); });
  py::object fetch = py::cast(std::move(pager)).attr("fetch");
  py::object pages = py::module_::import("builtins").attr("iter")(fetch, py::list());
  return py::module_::import("itertools").attr("chain").attr("from_iterable")(pages);
}

std::string segment_repr(const Segment& s) {
  const bool dynamic = s.kind == SegmentKind::dynamic;
  return "<Segment " + id_label(s.id) + " " + std::string(record_kind_name(s.record_kind)) + " " + quoted(s.name) +
         (dynamic ? " dynamic: " + s.filter : std::string(" list")) + " v" + std::to_string(s.version) + ">";
}

void bind_segment(py::module_& m) {
  py::class_<Segment> segment(m, "Segment",
                              "A saved segment: a dynamic one (a filter, evaluated on each read) or a static list "
                              "(members added and removed by hand). db.segments makes and reads them.");
  segment.def_readonly("id", &Segment::id, "Row id.")
      .def_property_readonly(
          "record_kind", [](const Segment& s) { return std::string(record_kind_name(s.record_kind)); },
          "What its members are: 'account', 'contact', 'lead' or 'opportunity'.")
      .def_readonly("name", &Segment::name, "Unique per record kind, ignoring case and diacritics.")
      .def_property_readonly(
          "kind", [](const Segment& s) { return std::string(segment_kind_name(s.kind)); }, "'dynamic' or 'list'.")
      .def_property_readonly(
          "filter",
          [](const Segment& s) -> std::optional<Filter> {
            if (s.kind != SegmentKind::dynamic || s.filter.empty()) return std::nullopt;
            return Filter::parse(s.filter);
          },
          "A dynamic segment's Filter (str() gives its text as saved); None for a list.")
      .def("__repr__", &segment_repr);
  bind_record_stamps(segment);
  segment.attr("_fields") =
      py::make_tuple("id", "record_kind", "name", "kind", "filter", "version", "created_at", "updated_at");
}

// check() and count() of filters that are not saved.
void bind_filter_checks(py::class_<PySegments>& cls) {
  cls.def(
         "check",
         [](PySegments& self, const std::string& kind, const FilterArg& filter) {
           const RecordKind on = record_kind_named(kind, "kind");
           self.db->run([&](Database& d) { d.segments().check(on, filter.get()); });
           return filter.get();
         },
         py::arg("kind"), py::arg("filter"),
         "Checks that `filter` (text or a Filter) runs on records of `kind` ('contact', ...) here: its fields exist "
         "and its values fit their types. Returns the Filter; ParseError with .line, .column and the nearest valid "
         "names ('did you mean ...') otherwise.")
      .def(
          "count",
          [](PySegments& self, const std::string& kind, const FilterArg& filter) {
            const RecordKind on = record_kind_named(kind, "kind");
            return self.db->run([&](Database& d) { return d.segments().count(on, filter.get()); });
          },
          py::arg("kind"), py::arg("filter"),
          "How many live records of `kind` ('contact', ...) the filter (text or a Filter) selects.")
      .def(
          "count",
          [](PySegments& self, SegmentId id) {
            return self.db->run([&](Database& d) { return d.segments().count(id); });
          },
          py::arg("segment"), "How many live records are members of the segment (id or Segment) now.");
}

// create, create_list, freeze, get, find, list, rename, set_filter, remove.
void bind_segment_definitions(py::class_<PySegments>& cls) {
  cls.def(
         "create",
         [](PySegments& self, const std::string& kind, const std::string& name, const FilterArg& filter) {
           const RecordKind on = kind_named(kind);
           return self.db->run([&](Database& d) { return d.segments().create(on, name, filter.get()); });
         },
         py::arg("kind"), py::arg("name"), py::arg("filter"),
         "Saves a dynamic segment of `kind` ('account', 'contact', 'lead' or 'opportunity') with a filter (text or a "
         "Filter, checked first: ParseError). AlreadyExistsError when the name is taken.")
      .def(
          "create_list",
          [](PySegments& self, const std::string& kind, const std::string& name) {
            const RecordKind on = kind_named(kind);
            return self.db->run([&](Database& d) { return d.segments().create_list(on, name); });
          },
          py::arg("kind"), py::arg("name"), "Saves an empty static list of `kind`; add_members() fills it.")
      .def(
          "freeze",
          [](PySegments& self, SegmentId id, const std::string& name) {
            return self.db->run([&](Database& d) { return d.segments().freeze(id, name); });
          },
          py::arg("segment"), py::arg("name"),
          "A new static list called `name` holding the segment's current members (a snapshot).")
      .def(
          "get",
          [](PySegments& self, SegmentId id) {
            return self.db->run([&](Database& d) { return d.segments().get(id); });
          },
          py::arg("segment"), "The segment with this id (a Segment is accepted too); NotFoundError if none.")
      .def(
          "find",
          [](PySegments& self, const std::string& kind, const std::string& name) {
            const RecordKind on = kind_named(kind);
            return self.db->run([&](Database& d) { return d.segments().find(on, name); });
          },
          py::arg("kind"), py::arg("name"),
          "The segment of `kind` called `name` (ignoring case and diacritics), or None.")
      .def(
          "list",
          [](PySegments& self, std::optional<std::string> kind) {
            std::optional<RecordKind> on;
            if (kind) on = kind_named(*kind);
            return self.db->run([&](Database& d) { return d.segments().list(on); });
          },
          py::arg("kind") = py::none(), "Every segment, or those of one record kind, by kind and name (a list).");
}

void bind_segment_changes(py::class_<PySegments>& cls) {
  cls.def(
         "rename",
         [](PySegments& self, SegmentId id, const std::string& name) {
           return self.db->run([&](Database& d) { return d.segments().rename(id, name); });
         },
         py::arg("segment"), py::arg("name"), "Renames a segment; AlreadyExistsError when the name is taken.")
      .def(
          "set_filter",
          [](PySegments& self, SegmentId id, const FilterArg& filter) {
            return self.db->run([&](Database& d) { return d.segments().set_filter(id, filter.get()); });
          },
          py::arg("segment"), py::arg("filter"),
          "Replaces a dynamic segment's filter (text or a Filter, checked first); ValidationError for a list.")
      .def(
          "remove", [](PySegments& self, SegmentId id) { self.db->run([&](Database& d) { d.segments().remove(id); }); },
          py::arg("segment"), "Removes the segment (a list's memberships with it); the records stay.");
}

void bind_membership(py::class_<PySegments>& cls) {
  cls.def(
         "add_members",
         [](PySegments& self, SegmentId id, py::handle records) {
           const MemberIds members = member_ids(records);
           self.db->run([&](Database& d) {
             segment_for(d, id, members);
             d.segments().add_members(id, members.ids);
           });
         },
         py::arg("segment"), py::arg("records"),
         "Adds records (ids or records, one or a list) to a static list; ones already in it stay once. "
         "NotFoundError naming the first that is not a live record of the list's kind, ValidationError for a "
         "dynamic segment; nothing is added then.")
      .def(
          "remove_members",
          [](PySegments& self, SegmentId id, py::handle records) {
            const MemberIds members = member_ids(records);
            self.db->run([&](Database& d) {
              segment_for(d, id, members);
              d.segments().remove_members(id, members.ids);
            });
          },
          py::arg("segment"), py::arg("records"),
          "Removes records (ids or records, one or a list) from a static list; ones not in it are ignored.")
      .def(
          "contains",
          [](PySegments& self, SegmentId id, py::handle record) {
            const MemberIds member = member_ids(record);
            if (member.ids.size() != 1) throw py::type_error("contains: expected one record id or record");
            return self.db->run([&](Database& d) {
              segment_for(d, id, member);
              return d.segments().contains(id, member.ids.front());
            });
          },
          py::arg("segment"), py::arg("record"), "True when the record (an id or a record) is a live member now.");
}

void bind_member_reads(py::class_<PySegments>& cls) {
  cls.def(
         "members",
         [](PySegments& self, SegmentId id, MEMBER_FILTER_PARAMS) {
           return member_iterator(self.db, id, MEMBER_QUERY(id));
         },
         py::arg("segment"), py::kw_only(), MEMBER_FILTER_ARG_LIST,
         "An iterator over the ids of the segment's members, fetched page_size at a time, in the order asked. The "
         "keywords of list() (but segment=) narrow and order them.")
      .def(
          "select",
          [](PySegments& self, SegmentId id, const py::args& names, MEMBER_FILTER_PARAMS) {
            const std::vector<std::string> columns = column_names(names);
            auto pager = std::make_unique<RowPager>(self.db, MEMBER_QUERY(id),
                                                    [id, columns](Database& d, const ListQuery& q) {
                                                      return d.segments().select(id, columns, q);
                                                    });
            return wrap("Rows", py::cast(std::move(pager)));
          },
          py::arg("segment"), MEMBER_FILTER_ARG_LIST,
          "The named columns of the segment's members (as the record kind's select() offers them, custom fields by "
          "name; given one by one or as a list) as a lazy iterator of tuples, like select() of the stores: has "
          "columns, to_records() and to_pandas(). The keywords of list() (but segment=) narrow and order them.");
}

#undef MEMBER_FILTER_ARG_LIST
#undef MEMBER_FILTER_PARAMS
#undef MEMBER_QUERY

}  // namespace

void register_segments(py::module_& m) {
  bind_segment(m);
  py::class_<PySegments> cls(m, "Segments",
                             "Saved segments and filters run against the database: db.segments. Record kinds are "
                             "named as custom fields name them ('contact', 'account', 'lead', 'opportunity'); "
                             "segments are given by id or as Segment objects.");
  bind_filter_checks(cls);
  bind_segment_definitions(cls);
  bind_segment_changes(cls);
  bind_membership(cls);
  bind_member_reads(cls);
  cls.def("__repr__", [](PySegments&) { return std::string("<crmcore segments>"); });
  add_store_property<PySegments>(m, "segments", "Saved segments (dynamic filters and static lists) and filter checks.");
}

}  // namespace crm::python
