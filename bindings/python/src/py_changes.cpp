// The change feed in Python: db.changes_since(cursor, kinds=None, limit=1000)
// and db.changes (since, latest, earliest_cursor), giving ChangeEntry objects.
#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_enums.hpp"
#include "py_stores.hpp"

#include "crm/record_fields.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct PyChanges {
  SharedDatabase db;
};

// The fields of `change` as a dict name -> (old, new); a field of several
// values (a side table's rows: emails, phones, tags, consents, the
// employer, a deal's contacts and products) maps to (removed, added) lists.
py::dict fields_of(const Change& change) {
  py::dict fields;
  for (const FieldChange& field : change.fields) {
    const FieldInfo* info = find_record_field(change.kind, field.field);
    if (!info || info->storage != FieldStorage::side_table) {
      fields[py::str(field.field)] = py::make_tuple(optional_text(field.old_value), optional_text(field.new_value));
      continue;
    }
    py::str name(field.field);
    if (!fields.contains(name)) fields[name] = py::make_tuple(py::list(), py::list());
    py::tuple lists = fields[name];
    if (field.old_value) lists[0].cast<py::list>().append(*field.old_value);
    if (field.new_value) lists[1].cast<py::list>().append(*field.new_value);
  }
  return fields;
}

std::vector<RecordKind> kinds_of(const std::optional<std::vector<std::string>>& names) {
  std::vector<RecordKind> kinds;
  if (names)
    for (const std::string& name : *names) kinds.push_back(record_kind_named(name, "kinds"));
  return kinds;
}

std::vector<Change> changes_since(const SharedDatabase& db, std::int64_t cursor,
                                  const std::optional<std::vector<std::string>>& kinds, std::int64_t limit) {
  const std::vector<RecordKind> wanted = kinds_of(kinds);
  const std::size_t most = limit < 0 ? 0 : static_cast<std::size_t>(limit);
  return db->run([&](Database& d) { return d.changes().since(cursor, wanted, most); });
}

constexpr const char* kSinceDoc =
    "The changes committed after `cursor` (the seq of the last change handled; 0 for the start), in order: a "
    "list of ChangeEntry, of records of `kinds` (a list of kind names; None for all), at most `limit` (1 to "
    "100000). Only changes of records you read. Call again with the last entry's seq to follow the feed. "
    "CursorExpiredError when retention removed changes after `cursor`: read the records again, then follow "
    "from db.changes.latest().";

void bind_change(py::module_& m) {
  py::class_<Change>(m, "ChangeEntry", "One committed change of one record, with every field it changed.")
      .def_readonly("seq", &Change::seq, "Its place in the feed: grows, never reused; the cursor after it.")
      .def_readonly("txn", &Change::tx, "Its transaction: the seq of the transaction's first change.")
      .def_readonly("at", &Change::at, "When it was committed (UTC).")
      .def_property_readonly("kind", [](const Change& c) { return std::string(record_kind_name(c.kind)); },
                             "The record's kind.")
      .def_readonly("id", &Change::record_id, "The record's id.")
      .def_property_readonly("op", [](const Change& c) { return std::string(audit_operation_name(c.operation)); },
                             "'create', 'update', 'delete', 'restore', 'purge', 'merge', 'stage_change', 'link', "
                             "'unlink' or 'erase'.")
      .def_property_readonly("fields", &fields_of,
                             "The fields it changed: name -> (old, new) as text or None; a field of several values "
                             "(emails, phones, tags, consents, the employer, a deal's contacts and products) -> "
                             "(removed, added) lists.")
      .def_readonly("user", &Change::user, "The acting user's login; '' for a system session.")
      .def_readonly("origin", &Change::origin, "The embedder's origin tag; '' when none.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const Change& a, const Change& b) { return a == b; })
      .def("__repr__",
           [](const Change& c) {
             return "<ChangeEntry " + std::to_string(c.seq) + " " + std::string(audit_operation_name(c.operation)) +
                    " " + std::string(record_kind_name(c.kind)) + " " + std::to_string(c.record_id) + ">";
           })
      .attr("_fields") = py::make_tuple("seq", "txn", "at", "kind", "id", "op", "fields", "user", "origin");
}

void bind_changes(py::module_& m) {
  py::class_<PyChanges>(m, "Changes",
                        "The change feed: db.changes. Every committed change once, in order; nothing of "
                        "rolled-back work.")
      .def(
          "since",
          [](PyChanges& self, std::int64_t cursor, const std::optional<std::vector<std::string>>& kinds,
             std::int64_t limit) { return changes_since(self.db, cursor, kinds, limit); },
          py::arg("cursor"), py::arg("kinds") = py::none(), py::arg("limit") = 1000, kSinceDoc)
      .def(
          "latest", [](PyChanges& self) { return self.db->run([](Database& d) { return d.changes().latest(); }); },
          "The seq of the newest change (0 when none): where a reader that has just read every record starts.")
      .def(
          "earliest_cursor",
          [](PyChanges& self) { return self.db->run([](Database& d) { return d.changes().earliest_cursor(); }); },
          "The smallest cursor since() accepts (0 until retention has removed a change).")
      .def("__repr__", [](PyChanges&) { return std::string("<crmcore changes>"); });
  database_class(m).def(
      "changes_since",
      [](const SharedDatabase& db, std::int64_t cursor, const std::optional<std::vector<std::string>>& kinds,
         std::int64_t limit) { return changes_since(db, cursor, kinds, limit); },
      py::arg("cursor"), py::arg("kinds") = py::none(), py::arg("limit") = 1000, kSinceDoc);
}

}  // namespace

void register_changes(py::module_& m) {
  bind_change(m);
  bind_changes(m);
  add_store_property<PyChanges>(m, "changes", "The change feed: every committed change, in order.");
}

}  // namespace crm::python
