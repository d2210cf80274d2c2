// The record classes Account, Contact (their fields from the record
// descriptors, see py_fields.hpp) and Employment.
#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include "crm/crm.hpp"
#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_fields.hpp"

namespace py = pybind11;

namespace crm::python {

std::string quoted(const std::string& text) { return py::repr(py::str(text)).cast<std::string>(); }

void apply_fields(py::object record, const py::kwargs& fields, const char* method) {
  py::object type = py::type::of(record);
  for (auto [key, value] : fields) {
    const std::string name = key.cast<std::string>();
    if (name.starts_with("_") || !py::hasattr(type, name.c_str()))
      throw py::type_error(std::string(method) + "() got an unexpected keyword argument '" + name + "'");
    py::object descriptor = type.attr(name.c_str());
    if (!py::hasattr(descriptor, "fset") || descriptor.attr("fset").is_none())
      throw py::type_error(std::string(method) + "() got read-only field '" + name + "'");
    if (PyUnicode_Check(value.ptr()) && !PyUnicode_AsUTF8AndSize(value.ptr(), nullptr)) {
      PyErr_Clear();  // a str with lone surrogates: the Python form of invalid UTF-8
      const std::string field =
          py::str(type.attr("__name__")).cast<std::string>() + "." + name;
      std::string lowered = field;
      lowered[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lowered[0])));
      throw Error(ErrorCode::invalid_argument, lowered + ": text is not valid Unicode (it holds a lone surrogate)",
                  lowered);
    }
    py::setattr(record, name.c_str(), value);
  }
}

py::dict record_to_dict(py::handle record) {
  py::dict result;
  for (py::handle name : py::type::of(record).attr("_fields")) {
    py::object value = record.attr(name);
    if (py::isinstance<py::list>(value)) {
      py::list plain;
      for (py::handle item : value) {
        if (py::isinstance<Email>(item))
          plain.append(item.attr("address"));
        else if (py::isinstance<Phone>(item))
          plain.append(item.attr("e164").cast<std::string>().empty() ? item.attr("number") : item.attr("e164"));
        else
          plain.append(item);
      }
      value = plain;
    } else if (py::isinstance<Birthday>(value)) {
      value = py::str(value);
    }
    result[name] = value;
  }
  return result;
}

void register_records(py::module_& m) {
  py::class_<Account> account(m, "Account",
                      "An account (organization). Set fields as attributes or as keyword arguments to "
                      "Accounts.create()/update(); empty text means unset.");
  account.def(py::init<>(), "An empty account; fill it and pass it to db.accounts.create().")
      .def("__repr__",
           [](const Account& a) {
             return "<Account " + id_label(a.id) + " " + quoted(a.name) +
                    (a.address.country.empty() ? "" : " " + a.address.country) + " v" + std::to_string(a.version) +
                    (a.deleted_at ? " deleted" : "") + ">";
           });
  bind_record_fields(account, RecordKind::account);

  py::class_<Contact> contact(m, "Contact",
                      "A contact (person). Set fields as attributes or keyword arguments to "
                      "Contacts.create()/update(); list fields are replaced, not edited in place.");
  contact.def(py::init<>(), "An empty contact; fill it and pass it to db.contacts.create().")
      .def_property_readonly("primary_email", &Contact::primary_email, "The primary email address, or ''.")
      .def("__repr__",
           [](const Contact& c) {
             const std::string name = c.first_name.empty() ? c.last_name : c.first_name + " " + c.last_name;
             return "<Contact " + id_label(c.id) + " " + quoted(name) +
                    " v" + std::to_string(c.version) + (c.deleted_at ? " deleted" : "") + ">";
           });
  bind_record_fields(contact, RecordKind::contact, {"primary_email"});

  py::class_<Employment>(m, "Employment", "A contact working, or having worked, for an account.")
      .def_readonly("id", &Employment::id, "Row id.")
      .def_readonly("contact", &Employment::contact, "The person's contact id.")
      .def_readonly("account", &Employment::account, "The organization's account id.")
      .def_readonly("title", &Employment::title, "Job title in this position.")
      .def_readonly("started_on", &Employment::started_on, "First day (datetime.date), or None when unknown.")
      .def_readonly("ended_on", &Employment::ended_on, "Last day (datetime.date), or None while current.")
      .def_property_readonly("current", &Employment::current, "True while the employment has not ended.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__repr__",
           [](const Employment& e) {
             return "<Employment " + std::to_string(e.id.value()) + " contact " + std::to_string(e.contact.value()) +
                    " at account " + std::to_string(e.account.value()) + (e.current() ? " current" : " ended") + ">";
           })
      .def(py::self == py::self)
      .attr("_fields") = py::make_tuple("id", "contact", "account", "title", "started_on", "ended_on", "current");
}

}  // namespace crm::python
