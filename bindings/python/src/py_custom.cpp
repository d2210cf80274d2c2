// Custom fields: their definitions (CustomField, db.custom_fields) and the
// conversion of custom values between Python and crm::CustomValue that every
// record kind's `custom` attribute uses.
#include <pybind11/stl.h>

#include "crm/crm.hpp"
#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_enums.hpp"
#include "py_money.hpp"
#include "py_stores.hpp"

#include <datetime.h>  // after Python.h

namespace py = pybind11;

namespace crm::python {
namespace {

constexpr const char* kFieldTypes =
    "'text', 'integer', 'decimal', 'money', 'date', 'boolean', 'choice', 'choices'";

RecordKind record_kind(const std::string& name) {
  return record_kind_named(name, "custom_field.record_kind");
}

CustomFieldType field_type(const std::string& name) {
  return enum_from_name(name, custom_field_type_from_name, "custom_field.type", kFieldTypes);
}

std::string type_name(py::handle value) { return py::str(py::type::of(value).attr("__name__")).cast<std::string>(); }

[[noreturn]] void wrong_type(py::handle value, const std::string& field, const std::string& hint = "") {
  throw py::type_error(field + ": a custom value is str, int, decimal.Decimal, crmcore.Money, datetime.date, "
                               "bool or a list of str, not " + type_name(value) + hint);
}

// A decimal from its text, with errors naming the field instead of "decimal".
CustomValue decimal_value(const std::string& text, const std::string& field) {
  try {
    return CustomValue::decimal(text);
  } catch (const Error& error) {
    std::string message = error.what();
    if (message.starts_with("decimal: ")) message.erase(0, 9);
    throw Error(ErrorCode::invalid_argument, field + ": " + message, field);
  }
}

// The optional default a definition gets from Python: None for none.
std::optional<CustomValue> default_from(py::handle value) {
  if (value.is_none()) return std::nullopt;
  return custom_value_from_python(value, "custom_field.default_value");
}

py::object optional_value(const std::optional<CustomValue>& value) {
  return value ? custom_value_to_python(*value) : py::none();
}

struct PyCustomFields {
  SharedDatabase db;
};

void bind_custom_field(py::module_& m) {
  py::class_<CustomField> field(m, "CustomField",
                                "A custom field defined on one kind of record: db.custom_fields.define() makes one.");
  field.def_readonly("id", &CustomField::id, "Row id.")
      .def_property_readonly(
          "record_kind", [](const CustomField& f) { return std::string(record_kind_name(f.record_kind)); },
          "The kind of record that carries it: 'account', 'contact', 'lead', 'opportunity' or 'activity'.")
      .def_readonly("name", &CustomField::name, "Unique per record kind (case-insensitive); the key in record.custom.")
      .def_property_readonly(
          "type", [](const CustomField& f) { return std::string(custom_field_type_name(f.type)); },
          "'text', 'integer', 'decimal', 'money', 'date', 'boolean', 'choice' or 'choices'; cannot change.")
      .def_readonly("choices", &CustomField::choices, "The choices of a choice or choices field, else [].")
      .def_readonly("required", &CustomField::required, "True when records must have a value.")
      .def_property_readonly(
          "default", [](const CustomField& f) { return optional_value(f.default_value); },
          "The value new records get when they have none, or None.")
      .def_readonly("indexed", &CustomField::indexed, "True when its values are indexed for fast filtering.")
      .def_readonly("position", &CustomField::position, "1-based order among the fields of its record kind.")
      .def_readonly("created_at", &CustomField::created_at, "When defined (UTC datetime).")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__repr__", [](const CustomField& f) {
        return "<CustomField " + id_label(f.id) + " " + std::string(record_kind_name(f.record_kind)) + "." + f.name +
               " " + std::string(custom_field_type_name(f.type)) + (f.required ? " required" : "") +
               (f.indexed ? " indexed" : "") + ">";
      });
  field.attr("_fields") = py::make_tuple("id", "record_kind", "name", "type", "choices", "required", "default",
                                         "indexed", "position", "created_at");
}

void bind_custom_fields_store(py::module_& m) {
  py::class_<PyCustomFields>(m, "CustomFields",
                             "The custom fields of accounts, contacts, leads, opportunities and activities: "
                             "db.custom_fields. Records carry their values in record.custom.")
      .def(
          "define",
          [](PyCustomFields& self, const std::string& kind, const std::string& name, const std::string& type,
             std::vector<std::string> choices, bool required, py::handle default_value, bool indexed) {
            const RecordKind on = record_kind(kind);
            CustomFieldData data;
            data.name = name;
            data.type = field_type(type);
            data.choices = std::move(choices);
            data.required = required;
            data.default_value = default_from(default_value);
            data.indexed = indexed;
            return self.db->run([&](Database& d) { return d.custom_fields().define(on, data); });
          },
          py::arg("kind"), py::arg("name"), py::arg("type") = "text", py::kw_only(),
          py::arg("choices") = std::vector<std::string>(), py::arg("required") = false,
          py::arg("default") = py::none(), py::arg("indexed") = false,
          "Defines a field on records of `kind` ('contact', ...) of `type` ('text', 'integer', 'decimal', 'money', "
          "'date', 'boolean', 'choice', 'choices'); choice fields need choices. Records stored before get no value "
          "(default applies to new records). AlreadyExistsError when the name is taken.")
      .def(
          "get",
          [](PyCustomFields& self, CustomFieldId id) {
            return self.db->run([&](Database& d) { return d.custom_fields().get(id); });
          },
          py::arg("field"), "The field with this id (a CustomField is accepted too); NotFoundError if none.")
      .def(
          "find",
          [](PyCustomFields& self, const std::string& kind, const std::string& name) {
            const RecordKind on = record_kind(kind);
            return self.db->run([&](Database& d) { return d.custom_fields().find(on, name); });
          },
          py::arg("kind"), py::arg("name"), "The field of `kind` with this name (case-insensitive), or None.")
      .def(
          "list",
          [](PyCustomFields& self, const std::string& kind) {
            const RecordKind on = record_kind(kind);
            return self.db->run([&](Database& d) { return d.custom_fields().list(on); });
          },
          py::arg("kind"), "The fields of `kind` in order (a list).")
      .def(
          "update",
          [](PyCustomFields& self, CustomFieldId id, std::optional<std::string> name,
             std::optional<std::vector<std::string>> choices, std::optional<bool> required, py::handle default_value,
             std::optional<bool> indexed) {
            const std::optional<CustomValue> new_default = default_from(default_value);
            return self.db->run([&](Database& d) {
              CustomFieldData data = d.custom_fields().get(id);
              if (name) data.name = *name;
              if (choices) data.choices = *choices;
              if (required) data.required = *required;
              if (new_default) data.default_value = new_default;
              if (indexed) data.indexed = *indexed;
              return d.custom_fields().update(id, data);
            });
          },
          py::arg("field"), py::kw_only(), py::arg("name") = py::none(), py::arg("choices") = py::none(),
          py::arg("required") = py::none(), py::arg("default") = py::none(), py::arg("indexed") = py::none(),
          "Changes what is given and keeps the rest; the type cannot change. Renaming keeps the records' values. "
          "default='' (or []) removes the default. ConflictError when a dropped choice is still used by records.")
      .def(
          "remove",
          [](PyCustomFields& self, CustomFieldId id) {
            self.db->run([&](Database& d) { d.custom_fields().remove(id); });
          },
          py::arg("field"), "Removes the field and its values from every record of its kind.")
      .def("__repr__", [](PyCustomFields&) { return std::string("<crmcore custom fields>"); });
}

}  // namespace

py::object custom_value_to_python(const CustomValue& value) {
  return std::visit(
      [](const auto& held) -> py::object {
        using T = std::decay_t<decltype(held)>;
        if constexpr (std::is_same_v<T, CustomValue::Decimal>)
          return decimal_type()(held.text);
        else if constexpr (std::is_same_v<T, Money>)
          return to_python_money(held);
        else if constexpr (std::is_same_v<T, Date>)
          return to_python_date(held);
        else
          return py::cast(held);  // str, int, bool, list of str
      },
      value.get());
}

CustomValue custom_value_from_python(py::handle value, const std::string& field) {
  if (!PyDateTimeAPI) PyDateTime_IMPORT;  // the C API pointer is per translation unit
  if (!PyDateTimeAPI) throw py::error_already_set();
  PyObject* p = value.ptr();
  if (PyBool_Check(p)) return CustomValue(p == Py_True);  // before int: bool is an int in Python
  if (PyLong_Check(p)) {
    int overflow = 0;
    const long long number = PyLong_AsLongLongAndOverflow(p, &overflow);
    if (overflow)
      throw Error(ErrorCode::invalid_argument, field + ": " + py::str(value).cast<std::string>() +
                                                   " does not fit a 64-bit integer", field);
    if (number == -1 && PyErr_Occurred()) throw py::error_already_set();
    return CustomValue(static_cast<std::int64_t>(number));
  }
  if (PyUnicode_Check(p)) return CustomValue(value.cast<std::string>());
  if (py::isinstance(value, decimal_type())) return decimal_value(decimal_text(value), field);
  if (py::isinstance(value, money_type())) {
    Money money;
    money_from_python(value, money);
    return CustomValue(money);
  }
  if (PyDateTime_Check(p)) wrong_type(value, field, " (a datetime; give its .date())");
  if (PyDate_Check(p)) return CustomValue(date_from_python(value, field.c_str()));
  if (PyList_Check(p) || PyTuple_Check(p)) {
    std::vector<std::string> choices;
    for (py::handle item : value) {
      if (!PyUnicode_Check(item.ptr()))
        throw py::type_error(field + ": choices are str, not " + type_name(item));
      choices.push_back(item.cast<std::string>());
    }
    return CustomValue(std::move(choices));
  }
  if (PyFloat_Check(p)) wrong_type(value, field, " (use decimal.Decimal for exact numbers)");
  wrong_type(value, field);
}

py::dict custom_values_to_python(const CustomValues& values) {
  py::dict result;
  for (const auto& [name, value] : values) result[py::str(name)] = custom_value_to_python(value);
  return result;
}

CustomValues custom_values_from_python(py::handle values, RecordKind kind) {
  CustomValues result;
  if (values.is_none()) return result;
  const std::string prefix = std::string(record_kind_name(kind)) + ".custom";
  if (!py::isinstance<py::dict>(values))
    throw py::type_error(prefix + ": expected a dict {field name: value}, not " + type_name(values));
  for (auto [key, value] : py::reinterpret_borrow<py::dict>(values)) {
    if (!py::isinstance<py::str>(key))
      throw py::type_error(prefix + ": field names are str, not " + type_name(key));
    const std::string name = key.cast<std::string>();
    if (value.is_none()) continue;
    result.insert_or_assign(name, custom_value_from_python(value, prefix + "." + name));
  }
  return result;
}

void register_custom_fields(py::module_& m) {
  m.def(
      "parse_custom_value",
      [](const std::string& type, const std::string& text) {
        const CustomFieldType parsed_type =
            enum_from_name(type, custom_field_type_from_name, "type", kFieldTypes);
        return custom_value_to_python(CustomValue::parse(parsed_type, text));
      },
      py::arg("type"), py::arg("text"),
      "Reads `text` as a custom value of `type` ('text', 'integer', 'decimal', 'money', 'date', 'boolean', "
      "'choice', 'choices') the way a spreadsheet cell gives it: '42', '12.50', '1200.00 EUR', '2025-01-31', "
      "'yes'/'no', choices separated by ';'. Returns the value as record.custom holds it (str, int, "
      "decimal.Decimal, crmcore.Money, datetime.date, bool, list of str); ValidationError when it does not read.");
  bind_custom_field(m);
  bind_custom_fields_store(m);
  add_store_property<PyCustomFields>(
      m, "custom_fields", "The custom field definitions of accounts, contacts, leads, deals and activities.");
}

}  // namespace crm::python
