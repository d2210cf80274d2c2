// The properties of the record classes (Account, Contact, Lead, Opportunity,
// Activity), defined from the record descriptors (crm/record_fields.hpp): one
// property per field, its conversion chosen by the member's C++ type. A field
// added to a descriptor table becomes a property with no change here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "crm/record_fields.hpp"
#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_enums.hpp"

namespace crm::python {

/// A copy of `text` that lives as long as the module (for names and docs).
const char* kept_text(std::string_view text);

/// Contact.birthday accepts a Birthday, a datetime.date, 'YYYY-MM-DD' /
/// '--MM-DD' text or None; `field` names it in errors.
std::optional<Birthday> birthday_from(pybind11::handle value, const std::string& field);
/// Contact.consents accepts Consent objects, (channel, granted[, changed_at])
/// tuples, or a {channel: granted} dict.
std::vector<Consent> consents_from(pybind11::handle value);
/// An instant that is unset (None) until stored, such as Activity.starts_at.
Instant instant_or_unset(pybind11::handle value, const std::string& field);

namespace field_values {

/// The Python class of the items of a list member, or "" when it has none.
template <class Item>
inline constexpr const char* item_class = "";
template <>
inline constexpr const char* item_class<Email> = "Email";
template <>
inline constexpr const char* item_class<Phone> = "Phone";
template <>
inline constexpr const char* item_class<OpportunityContact> = "OpportunityContact";
template <>
inline constexpr const char* item_class<LineItem> = "LineItem";

template <class T>
inline constexpr bool is_list = false;
template <class T>
inline constexpr bool is_list<std::vector<T>> = true;

}  // namespace field_values

/// Defines the property for one descriptor field of `Record` on `cls`; a
/// field the library maintains is read-only. `kind` names fields in errors
/// ("lead.status").
template <class Record, class... Options>
void bind_field(pybind11::class_<Record, Options...>& cls, const RecordField<Record>& field, RecordKind kind) {
  namespace py = pybind11;
  namespace values = field_values;
  const char* name = kept_text(surface_field_name(field));
  const char* doc = kept_text(field.info.doc);
  const std::string qualified = std::string(record_kind_name(kind)) + "." + name;
  const bool read_only = field.info.has(FieldRole::maintained);
  if (field.address_part) {
    const auto whole = std::get<Address Record::*>(field.member);
    const auto part = field.address_part;
    cls.def_property(
        name, [whole, part](const Record& r) { return (r.*whole).*part; },
        [whole, part](Record& r, std::string value) { (r.*whole).*part = std::move(value); }, doc);
    return;
  }
  std::visit(
      [&](auto pointer) {
        using Value = std::remove_cvref_t<decltype(std::declval<Record&>().*pointer)>;
        if constexpr (std::is_same_v<Value, Address>) {
          // the whole address: its parts are properties of their own
        } else if constexpr (std::is_same_v<Value, CustomValues>) {
          bind_custom_values(cls, kind);
        } else if constexpr (std::is_enum_v<Value>) {
          const auto getter = [pointer](const Record& r) { return std::string(enum_value_name(r.*pointer)); };
          if (read_only) {
            cls.def_property_readonly(name, getter, doc);
          } else {
            std::string choices;
            for (std::string_view choice : field.info.values)
              choices += (choices.empty() ? "'" : ", '") + std::string(choice) + "'";
            cls.def_property(
                name, getter,
                [pointer, qualified, choices](Record& r, const std::string& text) {
                  r.*pointer = enum_from_name(
                      text, [](std::string_view t) { return enum_value_from_name(t, static_cast<Value*>(nullptr)); },
                      qualified.c_str(), choices.c_str());
                },
                doc);
          }
        } else if (read_only) {
          cls.def_readonly(name, pointer, doc);
        } else if constexpr (std::is_same_v<Value, std::optional<Birthday>>) {
          cls.def_property(
              name, [pointer](const Record& r) { return r.*pointer; },
              [pointer, qualified](Record& r, py::handle value) { r.*pointer = birthday_from(value, qualified); }, doc);
        } else if constexpr (std::is_same_v<Value, std::vector<Consent>>) {
          cls.def_property(
              name, [pointer](const Record& r) { return r.*pointer; },
              [pointer](Record& r, py::handle value) { r.*pointer = consents_from(value); }, doc);
        } else if constexpr (std::is_same_v<Value, Instant>) {
          cls.def_property(
              name, [pointer](const Record& r) { return r.*pointer; },
              [pointer, qualified](Record& r, py::handle value) { r.*pointer = instant_or_unset(value, qualified); },
              doc);
        } else if constexpr (values::is_list<Value>) {
          using Item = typename Value::value_type;
          if constexpr (*values::item_class<Item> != '\0') {
            cls.def_property(
                name, [pointer](const Record& r) { return r.*pointer; },
                [pointer](Record& r, py::handle value) { r.*pointer = items_from<Item>(value, values::item_class<Item>); },
                doc);
          } else {
            cls.def_readwrite(name, pointer, doc);
          }
        } else {
          cls.def_readwrite(name, pointer, doc);
        }
      },
      field.member);
}

/// Defines every descriptor field of `Record` as a property of `cls`, plus
/// `deleted` and to_dict(), and sets `_fields` (what to_dict() and
/// to_pandas() give): the fields in descriptor order, then `extra` (names of
/// properties the class defines itself, such as Contact.primary_email), and
/// `_money_fields`: those of type money (crmcore.Money values, which
/// Records.to_records() and to_pandas() split into an amount and a currency).
template <class Record, class... Options>
void bind_record_fields(pybind11::class_<Record, Options...>& cls, RecordKind kind,
                        std::initializer_list<const char*> extra = {}) {
  namespace py = pybind11;
  py::list names, money;
  for (const RecordField<Record>& field : record_fields<Record>()) {
    bind_field(cls, field, kind);
    if (field.info.type != RecordFieldType::address) names.append(py::str(std::string(surface_field_name(field))));
    if (field.info.type == RecordFieldType::money) money.append(py::str(std::string(surface_field_name(field))));
  }
  cls.attr("_money_fields") = py::tuple(money);
  for (const char* name : extra) names.append(py::str(name));
  cls.def_property_readonly("deleted", [](const Record& r) { return r.deleted_at.has_value(); },
                            "True while soft-deleted.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.");
  cls.attr("_fields") = py::tuple(names);
}

}  // namespace crm::python
