// The parts of the _crmcore extension module, registered in this order.
#pragma once

#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "crm/custom_field.hpp"

namespace crm::python {

/// Money helpers, Birthday, Email, Phone, Consent.
void register_values(pybind11::module_& module);
/// Account, Contact, Employment records.
void register_records(pybind11::module_& module);
/// Database, Transaction, the account and contact stores and the pagers, open().
void register_database(pybind11::module_& module);
/// CustomField and CustomFields (db.custom_fields).
void register_custom_fields(pybind11::module_& module);
/// RecordField and record_fields(): the descriptors of the record kinds.
void register_record_fields(pybind11::module_& module);

/// Sets the attributes named in `fields` on `record` (a bound record
/// object), refusing unknown names and read-only ones with TypeError.
void apply_fields(pybind11::object record, const pybind11::kwargs& fields, const char* method);

/// `text` as Python's repr() writes it ('Anna').
std::string quoted(const std::string& text);

/// The id as text for a repr, "new" when unset.
template <class Id>
std::string id_label(Id id) {
  return id ? std::to_string(id.value()) : std::string("new");
}

/// The record as a dict of its public attributes (for to_records()).
pybind11::dict record_to_dict(pybind11::handle record);

/// Adds version, created_at and updated_at, and for records that can be
/// soft-deleted deleted_at and deleted, and to_dict(), to a record class.
template <class Record, class... Options>
void bind_record_stamps(pybind11::class_<Record, Options...>& cls) {
  cls.def_readonly("version", &Record::version, "Incremented by every change; update() checks it.")
      .def_readonly("created_at", &Record::created_at, "When created (UTC datetime).")
      .def_readonly("updated_at", &Record::updated_at, "When last changed (UTC datetime).")
      .def("to_dict", [](pybind11::handle self) { return record_to_dict(self); }, "The fields as a dict.");
  if constexpr (requires(Record r) { r.deleted_at.has_value(); })
    cls.def_readonly("deleted_at", &Record::deleted_at, "When soft-deleted (UTC datetime), or None.")
        .def_property_readonly("deleted", [](const Record& r) { return r.deleted_at.has_value(); },
                               "True while soft-deleted.");
}

/// One custom value as Python has it: str (text, choice), int, decimal.Decimal,
/// crmcore.Money, datetime.date, bool, or a list of str (choices).
pybind11::object custom_value_to_python(const CustomValue& value);
/// A custom value from those Python types (a tuple of str is a list of
/// choices); TypeError naming `field` for any other type.
CustomValue custom_value_from_python(pybind11::handle value, const std::string& field);
/// A record's custom values as a dict {field name: value}.
pybind11::dict custom_values_to_python(const CustomValues& values);
/// Custom values from a dict {field name: value} (None or {} for none; a
/// None value leaves the field without one); `kind` names the fields in
/// errors ("contact" gives "contact.custom.tier").
CustomValues custom_values_from_python(pybind11::handle values, RecordKind kind);

/// Adds the `custom` attribute (a dict of custom values) to a record class.
template <class Record, class... Options>
void bind_custom_values(pybind11::class_<Record, Options...>& cls, RecordKind kind) {
  cls.def_property(
      "custom", [](const Record& r) { return custom_values_to_python(r.custom); },
      [kind](Record& r, pybind11::handle values) { r.custom = custom_values_from_python(values, kind); },
      "Custom field values as a dict {field name: value} (assign a new dict to change them): str for text and "
      "choice, int, decimal.Decimal, crmcore.Money, datetime.date, bool, list of str for choices.");
}

/// The items of a list field as T: crmcore.<python_class> objects as they
/// are, tuples unpacked into that class's constructor, anything else passed
/// to it alone ("26 123 456" becomes Phone("26 123 456")).
template <class T>
std::vector<T> items_from(pybind11::handle value, const char* python_class) {
  namespace py = pybind11;
  if (py::isinstance<py::str>(value))
    throw py::type_error(std::string("expected a list of ") + python_class + ", not a str");
  py::object type = py::module_::import("crmcore._crmcore").attr(python_class);
  std::vector<T> items;
  for (py::handle item : value) {
    if (py::isinstance(item, type))
      items.push_back(item.cast<T>());
    else if (py::isinstance<py::tuple>(item))
      items.push_back(type(*py::reinterpret_borrow<py::tuple>(item)).template cast<T>());
    else
      items.push_back(type(item).template cast<T>());
  }
  return items;
}

}  // namespace crm::python
