// The privacy law in Python: db.privacy.export_person(record) as a dict,
// db.privacy.erase(record), legal holds, and the ErasureReport and
// LegalHold objects they give.
#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_enums.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct PyPrivacy {
  SharedDatabase db;
};

void bind_values(py::module_& m) {
  py::class_<ErasureReport>(m, "ErasureReport", "What db.privacy.erase() changed.")
      .def_property_readonly(
          "persons",
          [](const ErasureReport& r) {
            py::list persons;
            for (const auto& [kind, id] : r.persons) persons.append(py::make_tuple(std::string(record_kind_name(kind)), id));
            return persons;
          },
          "The persons erased as (kind, id): the one asked for, and for a contact the leads converted into it.")
      .def_readonly("fields", &ErasureReport::fields, "The personal fields blanked, by name.")
      .def_readonly("activities", &ErasureReport::activities,
                    "Activities whose texts, address or number carried their emails or phone numbers.")
      .def_readonly("audit_entries", &ErasureReport::audit_entries,
                    "Audit entries whose values for them were blanked (the entries stay).")
      .def_readonly("merges", &ErasureReport::merges, "Merge history rows whose snapshot was blanked.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const ErasureReport& a, const ErasureReport& b) { return a == b; })
      .def("__repr__",
           [](const ErasureReport& r) {
             return "<ErasureReport " + std::to_string(r.persons.size()) + " persons, " +
                    std::to_string(r.fields.size()) + " fields>";
           })
      .attr("_fields") = py::make_tuple("persons", "fields", "activities", "audit_entries", "merges");

  py::class_<LegalHold>(m, "LegalHold", "A hold that keeps a person from being erased or purged.")
      .def_property_readonly("kind", [](const LegalHold& h) { return std::string(record_kind_name(h.kind)); },
                             "'contact' or 'lead'.")
      .def_readonly("record_id", &LegalHold::record_id, "The person's id.")
      .def_readonly("reason", &LegalHold::reason, "Why it was placed.")
      .def_readonly("placed_at", &LegalHold::placed_at, "When it was placed (UTC).")
      .def_readonly("placed_by", &LegalHold::placed_by, "The login that placed it; '' for a system session.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const LegalHold& a, const LegalHold& b) { return a == b; })
      .def("__repr__",
           [](const LegalHold& h) {
             return "<LegalHold " + std::string(record_kind_name(h.kind)) + " " + std::to_string(h.record_id) + ">";
           })
      .attr("_fields") = py::make_tuple("kind", "record_id", "reason", "placed_at", "placed_by");
}

void bind_privacy(py::module_& m) {
  py::class_<PyPrivacy>(m, "Privacy",
                        "The privacy law: db.privacy. A person (a contact or a lead) as one document, their "
                        "erasure, legal holds.")
      .def(
          "export_person",
          [](PyPrivacy& self, py::handle record, const std::optional<std::string>& kind) {
            const auto [person_kind, id] = stored_record_of(record, kind);
            const std::string text =
                self.db->run([&](Database& d) { return d.privacy().export_person(person_kind, id); });
            return py::module_::import("json").attr("loads")(text);
          },
          py::arg("record"), py::kw_only(), py::arg("kind") = py::none(),
          "Everything about `record` (a contact or lead, or its id with `kind`) as one dict, the JSON document "
          "of the C++ Privacy::export_person(): person, consent_history, employment, deals, activities, leads, "
          "merges, legal_hold, audit. json.dumps() it to hand it over. Needs the export right; NotFoundError "
          "for a person you do not read.")
      .def(
          "erase",
          [](PyPrivacy& self, py::handle record, const std::optional<std::string>& kind) {
            const auto [person_kind, id] = stored_record_of(record, kind);
            return self.db->run([&](Database& d) { return d.privacy().erase(person_kind, id); });
          },
          py::arg("record"), py::kw_only(), py::arg("kind") = py::none(),
          "Erases the person `record` (a contact or lead, or its id with `kind`) in one transaction: personal "
          "fields cleared (a required name becomes '[erased]'; consents stay as proof), their emails and numbers "
          "taken out of activities, merge history and the audit trail (the entries stay), the search index and "
          "duplicate keys without them. Returns an ErasureReport. ConflictError under a legal hold; needs the "
          "delete right.")
      .def(
          "place_hold",
          [](PyPrivacy& self, py::handle record, const std::string& reason, const std::optional<std::string>& kind) {
            const auto [person_kind, id] = stored_record_of(record, kind);
            self.db->run([&](Database& d) { d.privacy().place_hold(person_kind, id, reason); });
          },
          py::arg("record"), py::arg("reason"), py::kw_only(), py::arg("kind") = py::none(),
          "Places a legal hold on the person (or replaces its reason): one line of 1 to 1000 bytes. While it is "
          "placed the person can be neither erased nor purged. Administrators only.")
      .def(
          "release_hold",
          [](PyPrivacy& self, py::handle record, const std::optional<std::string>& kind) {
            const auto [person_kind, id] = stored_record_of(record, kind);
            self.db->run([&](Database& d) { d.privacy().release_hold(person_kind, id); });
          },
          py::arg("record"), py::kw_only(), py::arg("kind") = py::none(),
          "Releases the hold on the person; NotFoundError when none is placed. Administrators only.")
      .def(
          "hold",
          [](PyPrivacy& self, py::handle record, const std::optional<std::string>& kind) {
            const auto [person_kind, id] = stored_record_of(record, kind);
            return self.db->run([&](Database& d) { return d.privacy().hold(person_kind, id); });
          },
          py::arg("record"), py::kw_only(), py::arg("kind") = py::none(),
          "The LegalHold on the person, or None.")
      .def(
          "holds", [](PyPrivacy& self) { return self.db->run([](Database& d) { return d.privacy().holds(); }); },
          "Every LegalHold placed, by kind then id.")
      .def("__repr__", [](PyPrivacy&) { return std::string("<crmcore privacy>"); });
}

}  // namespace

void register_privacy(py::module_& m) {
  bind_values(m);
  bind_privacy(m);
  add_store_property<PyPrivacy>(m, "privacy", "The privacy law: a person's data as one document, erasure, legal holds.");
}

}  // namespace crm::python
