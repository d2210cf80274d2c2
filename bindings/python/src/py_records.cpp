// The record classes: Account, Contact, Employment.
#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include "crm/crm.hpp"
#include "py_bindings.hpp"
#include "py_convert.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

// Contact.birthday accepts a Birthday, a datetime.date, 'YYYY-MM-DD' / '--MM-DD' text or None.
std::optional<Birthday> birthday_from(py::handle value) {
  if (value.is_none()) return std::nullopt;
  if (py::isinstance<Birthday>(value)) return value.cast<Birthday>();
  if (py::isinstance<py::str>(value)) return Birthday::parse(value.cast<std::string>());
  const Date date = date_from_python(value, "contact.birthday");
  return Birthday{date.year(), date.month(), date.day()};
}

// Contact.consents accepts Consent objects, (channel, granted[, changed_at])
// tuples, or a {channel: granted} dict.
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

// The address fields of an account, flattened onto the Python class.
#define CRM_ADDRESS_FIELD(name)                                                                          \
  def_property(                                                                                           \
      #name, [](const Account& a) { return a.address.name; },                                             \
      [](Account& a, std::string value) { a.address.name = std::move(value); }, "Address: " #name ".")

}  // namespace

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
      .def_readonly("id", &Account::id, "Row id, None before it is stored.")
      .def_readwrite("name", &Account::name, "The organization's name (required).")
      .def_readwrite("registration_number", &Account::registration_number, "Company register number.")
      .def_readwrite("vat_id", &Account::vat_id, "VAT identification number.")
      .def_readwrite("industry", &Account::industry, "Industry or sector.")
      .def_readwrite("website", &Account::website, "Web address.")
      .def_readwrite("phone", &Account::phone, "Main phone number as written.")
      .def_readonly("phone_e164", &Account::phone_e164, "The main phone in E.164, set when stored.")
      .def_readwrite("email", &Account::email, "Main email address.")
      .CRM_ADDRESS_FIELD(street)
      .CRM_ADDRESS_FIELD(city)
      .CRM_ADDRESS_FIELD(postal_code)
      .CRM_ADDRESS_FIELD(region)
      .CRM_ADDRESS_FIELD(country)
      .def_readwrite("parent", &Account::parent, "The parent account's id (an Account is accepted too), or None.")
      .def_readwrite("owner", &Account::owner, "The user responsible for the account.")
      .def_readwrite("lead_source", &Account::lead_source,
                     "How the account was found: a lead source by name ('web'), added to db.lead_sources when new.")
      .def_readwrite("campaign", &Account::campaign, "The campaign that brought it, by name; it must exist.")
      .def_readwrite("external_ref", &Account::external_ref, "The ERP's customer code; unique when set.")
      .def_readwrite("tags", &Account::tags, "Labels (assign a new list to change them).")
      .def_readwrite("description", &Account::description, "Free text.")
      .def("__repr__",
           [](const Account& a) {
             return "<Account " + id_label(a.id) + " " + quoted(a.name) +
                    (a.address.country.empty() ? "" : " " + a.address.country) + " v" + std::to_string(a.version) +
                    (a.deleted_at ? " deleted" : "") + ">";
           });
  bind_record_stamps(account);
  bind_custom_values(account, RecordKind::account);
  account.attr("_fields") = py::make_tuple(
      "id", "version", "name", "registration_number", "vat_id", "industry", "website", "phone", "phone_e164", "email",
      "street", "city", "postal_code", "region", "country", "parent", "owner", "lead_source", "campaign", "external_ref",
      "tags", "description", "custom", "created_at", "updated_at", "deleted_at");

  py::class_<Contact> contact(m, "Contact",
                      "A contact (person). Set fields as attributes or keyword arguments to "
                      "Contacts.create()/update(); list fields are replaced, not edited in place.");
  contact.def(py::init<>(), "An empty contact; fill it and pass it to db.contacts.create().")
      .def_readonly("id", &Contact::id, "Row id, None before it is stored.")
      .def_readwrite("first_name", &Contact::first_name, "Given name(s).")
      .def_readwrite("last_name", &Contact::last_name, "Family name (required).")
      .def_property(
          "emails", [](const Contact& c) { return c.emails; },
          [](Contact& c, py::handle value) { c.emails = items_from<Email>(value, "Email"); },
          "Email objects, primary first; accepts plain addresses too.")
      .def_property(
          "phones", [](const Contact& c) { return c.phones; },
          [](Contact& c, py::handle value) { c.phones = items_from<Phone>(value, "Phone"); },
          "Phone objects; accepts plain numbers (mobile) and (number, kind) pairs too.")
      .def_readwrite("job_title", &Contact::job_title, "Current job title.")
      .def_property(
          "birthday", [](const Contact& c) { return c.birthday; },
          [](Contact& c, py::handle value) { c.birthday = birthday_from(value); },
          "A Birthday (year may be None); accepts datetime.date and 'YYYY-MM-DD' / '--MM-DD'.")
      .def_readwrite("preferred_language", &Contact::preferred_language, "Language tag such as 'lv' or 'en-GB'.")
      .def_readwrite("country", &Contact::country, "Country of residence, ISO 3166-1 alpha-2.")
      .def_readwrite("owner", &Contact::owner, "The user responsible for the contact.")
      .def_readwrite("lead_source", &Contact::lead_source,
                     "How the contact was found: a lead source by name, added to db.lead_sources when new.")
      .def_readwrite("campaign", &Contact::campaign, "The campaign that brought them, by name; it must exist.")
      .def_readwrite("external_ref", &Contact::external_ref, "The embedding system's key; unique when set.")
      .def_property(
          "consents", [](const Contact& c) { return c.consents; },
          [](Contact& c, py::handle value) { c.consents = consents_from(value); },
          "Consent objects; accepts a {channel: granted} dict too.")
      .def_readwrite("tags", &Contact::tags, "Labels (assign a new list to change them).")
      .def_readwrite("description", &Contact::description, "Free text.")
      .def_readwrite("account", &Contact::account,
                     "The current employer's account id, or None; changing it moves the person on update.")
      .def_property_readonly("primary_email", &Contact::primary_email, "The primary email address, or ''.")
      .def("__repr__",
           [](const Contact& c) {
             const std::string name = c.first_name.empty() ? c.last_name : c.first_name + " " + c.last_name;
             return "<Contact " + id_label(c.id) + " " + quoted(name) +
                    " v" + std::to_string(c.version) + (c.deleted_at ? " deleted" : "") + ">";
           });
  bind_record_stamps(contact);
  bind_custom_values(contact, RecordKind::contact);
  contact.attr("_fields") = py::make_tuple(
      "id", "version", "first_name", "last_name", "primary_email", "emails", "phones", "job_title", "birthday",
      "preferred_language", "country", "owner", "lead_source", "campaign", "external_ref", "tags", "description",
      "account", "custom", "created_at", "updated_at", "deleted_at");

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
