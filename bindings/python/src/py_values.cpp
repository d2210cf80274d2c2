// Small value types: money helpers, Birthday, Email, Phone, Consent.
#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include "crm/contact.hpp"
#include "crm/money.hpp"
#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_enums.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

Birthday birthday(std::optional<int> year, int month, int day) {
  Birthday value{year, month, day};
  value.validate(Date(9999, 12, 31), "birthday");
  return value;
}

std::string birthday_repr(const Birthday& b) { return "Birthday('" + b.to_string() + "')"; }

PhoneKind phone_kind(const std::string& name) {
  return enum_from_name(name, phone_kind_from_name, "phone.kind", "'mobile', 'work', 'home', 'other'");
}

ConsentChannel channel(const std::string& name) {
  return enum_from_name(name, consent_channel_from_name, "consent.channel", "'email', 'phone', 'sms', 'post'");
}

}  // namespace

void register_values(py::module_& m) {
  m.def("currency_minor_digits", &currency_minor_digits, py::arg("currency"),
        "Digits of the minor unit of an ISO 4217 currency: 2 for 'EUR', 0 for 'JPY', 3 for 'KWD'.");
  m.def(
      "_money_parse",
      [](const std::string& text) {
        const Money money = Money::parse(text);
        return py::make_tuple(money.amount_string(), std::string(money.currency()));
      },
      py::arg("text"), "Parses '1234.50 EUR' into ('1234.50', 'EUR'); used by Money.parse().");
  m.def(
      "_money_normalize",
      [](const std::string& amount, const std::string& currency) {
        return Money::from_decimal(amount, currency).amount_string();
      },
      py::arg("amount"), py::arg("currency"),
      "Checks a decimal amount against the currency's minor unit and returns it with exactly that many digits.");

  py::class_<Birthday>(m, "Birthday", "A birthday whose year may be unknown.")
      .def(py::init(&birthday), py::arg("year") = py::none(), py::kw_only(), py::arg("month"), py::arg("day"),
           "A birthday; year may be None. 29 February needs a leap year or no year.")
      .def_static("parse", &Birthday::parse, py::arg("text"), "Reads 'YYYY-MM-DD' or '--MM-DD'.")
      .def_readonly("year", &Birthday::year, "The year, or None when unknown.")
      .def_readonly("month", &Birthday::month, "Month 1-12.")
      .def_readonly("day", &Birthday::day, "Day of the month.")
      .def(
          "to_date",
          [](const Birthday& b, std::optional<int> year) {
            if (!b.year && !year)
              throw Error(ErrorCode::invalid_argument, "birthday: the year is unknown; pass year=", "year");
            Birthday in_year{year ? year : b.year, b.month, b.day};
            in_year.validate(Date(9999, 12, 31), "year");  // 29 February needs a leap year
            return Date(static_cast<unsigned short>(*in_year.year), static_cast<unsigned short>(b.month),
                        static_cast<unsigned short>(b.day));
          },
          py::arg("year") = py::none(), "The birthday as a datetime.date, in `year` when given.")
      .def("__str__", &Birthday::to_string, "'YYYY-MM-DD' or '--MM-DD'.")
      .def("__repr__", &birthday_repr)
      .def(py::self == py::self)
      .def("__hash__", [](const Birthday& b) { return py::hash(py::str(b.to_string())); });

  py::class_<Email>(m, "Email", "An email address of a contact.")
      .def(py::init([](std::string address, bool primary) { return Email{std::move(address), primary}; }),
           py::arg("address"), py::arg("primary") = false, "An address; primary marks the main one.")
      .def_readwrite("address", &Email::address, "The address as written.")
      .def_readwrite("primary", &Email::primary, "True for the contact's main address.")
      .def("__repr__", [](const Email& e) {
        return "Email('" + e.address + "'" + (e.primary ? ", primary=True)" : ")");
      })
      .def(py::self == py::self);

  py::class_<Phone>(m, "Phone", "A phone number of a contact.")
      .def(py::init([](std::string number, const std::string& kind, bool unreadable) {
             return Phone{phone_kind(kind), std::move(number), "", unreadable};
           }),
           py::arg("number"), py::arg("kind") = "mobile", py::kw_only(), py::arg("unreadable") = false,
           "A number as written ('26 123 456', '+371 26 123 456'); kind is mobile, work, home or other. "
           "unreadable=True keeps a number that cannot be read as one as written, flagged, instead of "
           "refusing it.")
      .def_property(
          "kind", [](const Phone& p) { return std::string(phone_kind_name(p.kind)); },
          [](Phone& p, const std::string& kind) { p.kind = phone_kind(kind); }, "'mobile', 'work', 'home' or 'other'.")
      .def_readwrite("number", &Phone::raw, "The number as written; kept as given.")
      .def_readonly("e164", &Phone::e164, "The E.164 form, set when stored ('+37126123456'); '' when unreadable.")
      .def_readwrite("unreadable", &Phone::unreadable,
                     "True for a number kept as written that cannot be read as a phone number (no E.164; "
                     "calls, duplicates and phone lookups do not find it).")
      .def("__repr__", [](const Phone& p) {
        return "Phone('" + p.raw + "', kind='" + std::string(phone_kind_name(p.kind)) + "'" +
               (p.e164.empty() ? "" : ", e164='" + p.e164 + "'") + (p.unreadable ? ", unreadable=True" : "") + ")";
      })
      .def(py::self == py::self);

  py::class_<Consent>(m, "Consent", "A contact's marketing consent on one channel.")
      .def(py::init([](const std::string& name, bool granted, std::optional<Instant> changed_at) {
             return Consent{channel(name), granted, changed_at.value_or(Instant())};
           }),
           py::arg("channel"), py::arg("granted"), py::arg("changed_at") = py::none(),
           "channel is email, phone, sms or post; changed_at (aware datetime) defaults to the time it is stored.")
      .def_property_readonly(
          "channel", [](const Consent& c) { return std::string(consent_channel_name(c.channel)); },
          "'email', 'phone', 'sms' or 'post'.")
      .def_readwrite("granted", &Consent::granted, "True when the contact agreed.")
      .def_property_readonly(
          "changed_at", [](const Consent& c) { return c.changed_at; },
          "When the answer was given (UTC datetime), or None until stored.")
      .def("__repr__", [](const Consent& c) {
        return "Consent('" + std::string(consent_channel_name(c.channel)) + "', " + (c.granted ? "True" : "False") +
               (c.changed_at.is_special() ? "" : ", changed_at='" + format_instant(c.changed_at) + "'") + ")";
      })
      .def(py::self == py::self);
}

}  // namespace crm::python
