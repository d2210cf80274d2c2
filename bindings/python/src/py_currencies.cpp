// The base currency and the dated exchange rates (db.currencies).
#include "crm/crm.hpp"
#include "py_money.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct PyCurrencies {
  SharedDatabase db;
};

// A rate as decimal text: str as written, decimal.Decimal or int formatted
// exactly; float refused, as for money.
std::string rate_text(py::handle rate) {
  if (py::isinstance<py::str>(rate)) return rate.cast<std::string>();
  if (py::isinstance<py::float_>(rate))
    throw Error(ErrorCode::invalid_argument, "rate: use decimal.Decimal or str, not float, for a rate", "rate");
  if (py::isinstance(rate, decimal_type()) || (PyLong_Check(rate.ptr()) && !PyBool_Check(rate.ptr())))
    return decimal_text(rate);
  throw py::type_error("rate: expected a decimal.Decimal or str, not " +
                       py::str(py::type::of(rate).attr("__name__")).cast<std::string>());
}

std::string rate_repr(const ExchangeRate& r) {
  return "<ExchangeRate " + r.from + " -> " + r.to + " from " + format_date(r.valid_from) + ": " + r.rate + ">";
}

void bind_exchange_rate(py::module_& m) {
  py::class_<ExchangeRate>(m, "ExchangeRate",
                           "How many units of to_currency one unit of from_currency buys from valid_from on, until "
                           "the pair's next rate.")
      .def_readonly("from_currency", &ExchangeRate::from, "ISO 4217 code converted from ('USD').")
      .def_readonly("to_currency", &ExchangeRate::to, "ISO 4217 code converted to ('EUR').")
      .def_readonly("valid_from", &ExchangeRate::valid_from, "First day the rate applies (datetime.date).")
      .def_property_readonly(
          "rate", [](const ExchangeRate& r) { return decimal_type()(r.rate); },
          "The rate as an exact decimal.Decimal, as written in canonical form.")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const ExchangeRate& a, const ExchangeRate& b) { return a == b; })
      .def("__repr__", &rate_repr)
      .attr("_fields") = py::make_tuple("from_currency", "to_currency", "valid_from", "rate");
}

// Today by the connection's clock (UTC) when `day` is not given.
Date day_or_today(Database& d, const std::optional<Date>& day) { return day.value_or(d.now().date()); }

void bind_rates(py::class_<PyCurrencies>& cls) {
  cls.def(
         "set_rate",
         [](PyCurrencies& self, const std::string& from, const std::string& to, const Date& valid_from,
            py::handle rate) {
           const std::string text = rate_text(rate);
           return self.db->run([&](Database& d) { return d.currencies().set_rate(from, to, valid_from, text); });
         },
         py::arg("from_"), py::arg("to"), py::arg("valid_from"), py::arg("rate"),
         "Records (or replaces) the rate of from_ -> to valid from `valid_from` (datetime.date): one unit of from_ "
         "buys `rate` (decimal.Decimal or str: positive, at most 12 decimals, 18 digits in all) units of to. "
         "ValidationError for unknown or equal codes or a bad rate. Returns the ExchangeRate.")
      .def(
          "remove_rate",
          [](PyCurrencies& self, const std::string& from, const std::string& to, const Date& valid_from) {
            self.db->run([&](Database& d) { d.currencies().remove_rate(from, to, valid_from); });
          },
          py::arg("from_"), py::arg("to"), py::arg("valid_from"),
          "Deletes the rate of from_ -> to starting on `valid_from`; NotFoundError when there is none.")
      .def(
          "rate",
          [](PyCurrencies& self, const std::string& from, const std::string& to, std::optional<Date> day) {
            return self.db->run([&](Database& d) { return d.currencies().rate(from, to, day_or_today(d, day)); });
          },
          py::arg("from_"), py::arg("to"), py::arg("day") = py::none(),
          "The ExchangeRate of from_ -> to valid on `day` (default today): the latest one starting on or before "
          "it. NotFoundError naming the pair and the day when there is none.")
      .def(
          "rates",
          [](PyCurrencies& self, const std::string& from, const std::string& to) {
            return self.db->run([&](Database& d) { return d.currencies().rates(from, to); });
          },
          py::arg("from_") = "", py::arg("to") = "",
          "The rates of one pair (both codes given), of one source currency (only from_), or all (neither); by "
          "pair, then day (a list of ExchangeRate).")
      .def(
          "convert",
          [](PyCurrencies& self, const Money& amount, const std::string& to, std::optional<Date> day) {
            return self.db->run([&](Database& d) { return d.currencies().convert(amount, to, day_or_today(d, day)); });
          },
          py::arg("money"), py::arg("to"), py::arg("day") = py::none(),
          "`money` (crmcore.Money or '12.50 USD') in currency `to` at the rate valid on `day` (default today), "
          "rounded half away from zero to the minor unit; itself when already in `to`. NotFoundError naming the "
          "pair and the day without a rate.");
}

void bind_currencies(py::module_& m) {
  py::class_<PyCurrencies> cls(m, "Currencies",
                               "The base currency reports sum in and the dated exchange rates: db.currencies. A new "
                               "database's base currency is EUR. Conversion is exact: amount x rate, rounded half "
                               "away from zero to the target's minor unit.");
  cls.def_property_readonly(
         "base", [](PyCurrencies& self) { return self.db->run([](Database& d) { return d.currencies().base(); }); },
         "The base currency ('EUR'): reports' money columns are in it. set_base() changes it.")
      .def(
          "set_base",
          [](PyCurrencies& self, const std::string& code) { self.db->run([&](Database& d) { d.currencies().set_base(code); }); },
          py::arg("code"), "Makes `code` the base currency; ValidationError for an unknown code.");
  bind_rates(cls);
  cls.def("__repr__", [](PyCurrencies&) { return std::string("<crmcore currencies>"); });
}

}  // namespace

void register_currencies(py::module_& m) {
  bind_exchange_rate(m);
  bind_currencies(m);
  add_store_property<PyCurrencies>(m, "currencies", "The base currency and the exchange rates.");
}

}  // namespace crm::python
