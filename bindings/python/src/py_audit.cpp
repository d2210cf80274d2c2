// The audit trail in Python: db.audit.history(record), db.audit.find(...),
// its settings, and the AuditEntry rows they give.
#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_enums.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct PyAudit {
  SharedDatabase db;
};

void bind_entry(py::module_& m) {
  py::class_<AuditEntry>(m, "AuditEntry",
                         "One field of one logged change (a change of no field, such as a delete, has field '').")
      .def_readonly("seq", &AuditEntry::seq, "The change's place in the log: grows, never reused.")
      .def_readonly("tx", &AuditEntry::tx, "The transaction: the seq of its first change.")
      .def_readonly("at", &AuditEntry::at, "When the transaction wrote it (UTC).")
      .def_readonly("user", &AuditEntry::user, "The acting user's login; '' for a system session.")
      .def_readonly("origin", &AuditEntry::origin, "The embedder's origin tag; '' when none.")
      .def_property_readonly("kind", [](const AuditEntry& e) { return std::string(record_kind_name(e.kind)); },
                             "The record's kind.")
      .def_readonly("record_id", &AuditEntry::record_id, "The record's id.")
      .def_property_readonly(
          "operation", [](const AuditEntry& e) { return std::string(audit_operation_name(e.operation)); },
          "'create', 'update', 'delete', 'restore', 'purge', 'merge', 'stage_change', 'link', 'unlink' or 'erase'.")
      .def_readonly("field", &AuditEntry::field, "The field ('job_title', a custom field's name); '' for none.")
      .def_property_readonly("old", [](const AuditEntry& e) { return optional_text(e.old_value); },
                             "The value before, as text; None when there was none.")
      .def_property_readonly("new", [](const AuditEntry& e) { return optional_text(e.new_value); },
                             "The value after, as text; None when there is none.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const AuditEntry& a, const AuditEntry& b) { return a == b; })
      .def("__repr__",
           [](const AuditEntry& e) {
             return "<AuditEntry " + std::to_string(e.seq) + " " + std::string(audit_operation_name(e.operation)) +
                    " " + std::string(record_kind_name(e.kind)) + " " + std::to_string(e.record_id) +
                    (e.field.empty() ? "" : " " + e.field) + ">";
           })
      .attr("_fields") = py::make_tuple("seq", "tx", "at", "user", "origin", "kind", "record_id", "operation",
                                        "field", "old", "new");
}

void bind_audit(py::module_& m) {
  py::class_<PyAudit>(m, "Audit",
                      "The audit trail: db.audit. Every committed write of a record leaves entries: who, the "
                      "origin tag, when, and per field the old and new value; rolled-back work leaves nothing.")
      .def(
          "history",
          [](PyAudit& self, py::handle record, const std::optional<std::string>& kind) {
            const auto [record_kind, id] = stored_record_of(record, kind);
            return self.db->run([&](Database& d) { return d.audit().history(record_kind, id); });
          },
          py::arg("record"), py::kw_only(), py::arg("kind") = py::none(),
          "The changes of `record` (a record, or its id with `kind`), oldest first: a list of AuditEntry, one "
          "per field. NotFoundError for a record that never existed or that you do not read.")
      .def(
          "find",
          [](PyAudit& self, const std::optional<std::string>& kind, const py::object& record,
             const std::optional<std::string>& user, const std::optional<Instant>& since,
             const std::optional<Instant>& until, std::int64_t after_seq, std::int64_t limit) {
            AuditQuery query;
            if (kind) query.kind = record_kind_named(*kind, "kind");
            if (!record.is_none()) {
              const auto [record_kind, id] = stored_record_of(record, kind);
              query.kind = record_kind;
              query.record_id = id;
            }
            query.user = user;
            query.from = since;
            query.until = until;
            query.after_seq = after_seq;
            query.limit = limit < 0 ? 0 : static_cast<std::size_t>(limit);
            return self.db->run([&](Database& d) { return d.audit().find(query); });
          },
          py::kw_only(), py::arg("kind") = py::none(), py::arg("record") = py::none(), py::arg("user") = py::none(),
          py::arg("since") = py::none(), py::arg("until") = py::none(), py::arg("after_seq") = 0,
          py::arg("limit") = 1000,
          "The changes in log order, one AuditEntry per field: of records of `kind`, of one `record`, by `user` "
          "('' for system sessions), at or after `since` and before `until` (aware datetimes), with a seq "
          "greater than `after_seq`, at most `limit` changes (1 to 100000). Only records you read.")
      .def_property(
          "enabled", [](PyAudit& self) { return self.db->run([](Database& d) { return d.audit().enabled(); }); },
          [](PyAudit& self, bool on) { self.db->run([&](Database& d) { d.audit().set_enabled(on); }); },
          "True while writes are logged (the default). Setting it needs the system session or an administrator.")
      .def_property(
          "retention_days",
          [](PyAudit& self) { return self.db->run([](Database& d) { return d.audit().retention_days(); }); },
          [](PyAudit& self, int days) { self.db->run([&](Database& d) { d.audit().set_retention_days(days); }); },
          "Days entries are kept; 0 (the default) keeps them forever. Setting it deletes older entries and "
          "needs the system session or an administrator.")
      .def_property(
          "retention_entries",
          [](PyAudit& self) { return self.db->run([](Database& d) { return d.audit().retention_entries(); }); },
          [](PyAudit& self, std::int64_t entries) {
            self.db->run([&](Database& d) { d.audit().set_retention_entries(entries); });
          },
          "How many of the newest entries are kept; 0 (the default) keeps all. Setting it deletes older entries "
          "and needs the system session or an administrator; a change feed reader behind them gets "
          "CursorExpiredError.")
      .def("__repr__", [](PyAudit&) { return std::string("<crmcore audit>"); });
}

}  // namespace

void register_audit(py::module_& m) {
  bind_entry(m);
  bind_audit(m);
  add_store_property<PyAudit>(m, "audit", "The audit trail: who changed which fields of which record, when.");
}

}  // namespace crm::python
