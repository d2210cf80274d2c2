// The conversions the descriptor-defined record properties share, and
// crmcore.record_fields(): the descriptors themselves, for Python.
#include "py_fields.hpp"

#include <deque>

namespace py = pybind11;

namespace crm::python {
namespace {

/// One field of a record kind as crmcore.record_fields() describes it.
struct FieldDescription {
  std::string name;
  std::string type;
  std::string doc;
  std::vector<std::string> roles;
  bool read_only = false;
};

/// The names of the roles of `info`, as Python gives them.
std::vector<std::string> role_names(const FieldInfo& info) {
  using R = FieldRole;
  constexpr std::pair<R, const char*> kRoles[] = {
      {R::filter, "filter"},         {R::sort, "sort"},         {R::select, "select"},
      {R::csv_read, "csv_read"},     {R::csv_write, "csv_write"}, {R::merge_choose, "merge_choose"},
      {R::merge_unite, "merge_unite"},     {R::personal, "personal"}, {R::audited, "audited"},
      {R::maintained, "read_only"},    {R::key, "key"},
  };
  std::vector<std::string> roles;
  for (const auto& [role, role_name] : kRoles)
    if (info.has(role)) roles.emplace_back(role_name);
  return roles;
}

template <class Record>
std::vector<FieldDescription> describe() {
  std::vector<FieldDescription> fields;
  for (const RecordField<Record>& field : record_fields<Record>())
    fields.push_back({std::string(surface_field_name(field)), std::string(record_field_type_name(field.info.type)), std::string(field.info.doc),
                      role_names(field.info), field.info.has(FieldRole::maintained)});
  return fields;
}

std::vector<FieldDescription> describe(RecordKind kind) {
  switch (kind) {
    case RecordKind::account: return describe<Account>();
    case RecordKind::contact: return describe<Contact>();
    case RecordKind::lead: return describe<Lead>();
    case RecordKind::opportunity: return describe<Opportunity>();
    case RecordKind::activity: return describe<Activity>();
  }
  return {};
}

}  // namespace

const char* kept_text(std::string_view text) {
  static std::deque<std::string> texts;  // a deque never moves what it holds
  return texts.emplace_back(text).c_str();
}

std::optional<Birthday> birthday_from(py::handle value, const std::string& field) {
  if (value.is_none()) return std::nullopt;
  if (py::isinstance<Birthday>(value)) return value.cast<Birthday>();
  if (py::isinstance<py::str>(value)) return Birthday::parse(value.cast<std::string>());
  const Date date = date_from_python(value, field.c_str());
  return Birthday{date.year(), date.month(), date.day()};
}

std::vector<Consent> consents_from(py::handle value) {
  if (py::isinstance<py::dict>(value)) {
    py::object consent_type = py::module_::import("crmcore._crmcore").attr("Consent");
    std::vector<Consent> consents;
    for (auto [channel, granted] : py::reinterpret_borrow<py::dict>(value))
      consents.push_back(consent_type(channel, granted).cast<Consent>());
    return consents;
  }
  return items_from<Consent>(value, "Consent");
}

Instant instant_or_unset(py::handle value, const std::string& field) {
  if (value.is_none()) return Instant();
  return instant_from_python(value, field.c_str());
}

void register_record_fields(py::module_& m) {
  py::class_<FieldDescription>(m, "RecordField",
                               "One built-in field of a record kind, from the library's one description of each "
                               "kind: what crmcore.record_fields() lists.")
      .def_readonly("name", &FieldDescription::name, "The property's name ('job_title', 'street').")
      .def_readonly("type", &FieldDescription::type,
                    "'text', 'integer', 'duration' (seconds), 'percent' (0..100 or None), 'money', 'date', 'instant', "
                    "'boolean', 'birthday', 'enumeration', "
                    "'reference', 'emails', 'phones', 'tags', 'consents', 'deal_contacts', 'line_items', "
                    "'recurrence', 'address' or 'custom'.")
      .def_readonly("doc", &FieldDescription::doc, "One line for people.")
      .def_readonly("roles", &FieldDescription::roles,
                    "What it takes part in: 'filter', 'sort', 'select', 'csv_read', 'csv_write', 'merge_choose' "
                    "(a merge takes one side's value), 'merge_unite' (a merge keeps both sides'), 'personal', "
                    "'audited', 'read_only', 'key' (identifies the record: id, external_ref).")
      .def_readonly("read_only", &FieldDescription::read_only, "True when the library maintains it.")
      .def("__repr__", [](const FieldDescription& f) { return "<RecordField " + f.name + " " + f.type + ">"; });
  m.def(
      "record_fields",
      [](const std::string& kind) { return describe(record_kind_named(kind, "record_kind")); }, py::arg("kind"),
      "The built-in fields of records of `kind` ('account', 'contact', 'lead', 'opportunity', 'activity') in "
      "export order: a list of RecordField. The record classes have a property for each (an address part by its "
      "own name; the whole address, type 'address', is only its parts); custom fields are in db.custom_fields.");
}

}  // namespace crm::python
