// The filter builder in Python, close to crm::filters:
//   crmcore.field("industry") == "Retail" & crmcore.birthday_within_days(7)
// gives the same tree as crmcore.Filter('industry = "Retail" and birthday within next 7 days').
// Literals: str, int, decimal.Decimal (a number), crmcore.Money, datetime.date,
// bool, and crmcore.today(...) / this_period(...) / last_period(...) / next_period(...).
#include <array>
#include <utility>

#include "py_bindings.hpp"
#include "py_convert.hpp"
#include "py_filter.hpp"
#include "py_money.hpp"

#include <datetime.h>  // after Python.h

namespace py = pybind11;

namespace crm::python {
namespace {

using filters::Term;

// A Term and how it was made, for its repr.
struct PyTerm {
  Term term;
  std::string label;
};

std::string type_name(py::handle value) { return py::str(py::type::of(value).attr("__name__")).cast<std::string>(); }

[[noreturn]] void not_a_literal(py::handle value, const char* what, const std::string& hint = "") {
  throw py::type_error(std::string(what) + ": a filter value is str, int, decimal.Decimal, crmcore.Money, "
                       "datetime.date, bool, crmcore.today(...) or a period, not " + type_name(value) + hint);
}

// Through the decimal text, which checks the 18 digits a filter number can
// hold (filters::number(std::int64_t) takes 19 and the text would not read back).
Number number_from_int(py::handle value) { return filters::number(py::str(value).cast<std::string>()); }

// The literal kinds that are Python objects of their own.
std::optional<Literal> object_literal(py::handle value) {
  if (py::isinstance<RelativeDate>(value)) return value.cast<RelativeDate>();
  if (py::isinstance<Period>(value)) return value.cast<Period>();
  if (py::isinstance(value, decimal_type())) return filters::number(decimal_text(value));
  if (py::isinstance(value, money_type())) {
    Money money;
    money_from_python(value, money);
    return money;
  }
  return std::nullopt;
}

// The values of in_(): a list (or any iterable) of literals, or one period.
std::vector<Literal> literals_from_python(py::handle values) {
  if (py::isinstance<Period>(values)) return {values.cast<Period>()};
  if (py::isinstance<py::str>(values) || !py::isinstance<py::iterable>(values))
    throw py::type_error("in_: expected a list of values, not " + type_name(values));
  std::vector<Literal> literals;
  for (py::handle value : values) literals.push_back(literal_from_python(value, "in_"));
  return literals;
}

// Unit names, singular and plural.
template <class Unit, std::size_t N>
Unit unit_named(const std::string& name, const std::array<std::pair<const char*, Unit>, N>& units,
                const char* field, const char* choices) {
  for (const auto& [unit_name, unit] : units)
    if (name == unit_name || name == std::string(unit_name) + "s") return unit;
  throw Error(ErrorCode::invalid_argument, std::string(field) + ": '" + name + "' is not one of " + choices, field);
}

template <class Unit, std::size_t N>
std::string name_of(Unit unit, const std::array<std::pair<const char*, Unit>, N>& units) {
  for (const auto& [unit_name, u] : units)
    if (u == unit) return unit_name;
  return "?";
}

constexpr std::array<std::pair<const char*, RelativeDate::Unit>, 4> kDayUnits{{{"day", RelativeDate::Unit::day},
                                                                                {"week", RelativeDate::Unit::week},
                                                                                {"month", RelativeDate::Unit::month},
                                                                                {"year", RelativeDate::Unit::year}}};
constexpr std::array<std::pair<const char*, Period::Unit>, 4> kPeriodUnits{{{"week", Period::Unit::week},
                                                                             {"month", Period::Unit::month},
                                                                             {"quarter", Period::Unit::quarter},
                                                                             {"year", Period::Unit::year}}};

Period::Unit period_unit(const std::string& name) {
  return unit_named(name, kPeriodUnits, "period.unit", "'week', 'month', 'quarter', 'year'");
}

std::string relative_date_repr(const RelativeDate& d) {
  if (d.amount == 0 && d.unit == RelativeDate::Unit::day) return "today()";
  if (d.unit == RelativeDate::Unit::day) return "today(" + std::to_string(d.amount) + ")";
  return "today(" + std::to_string(d.amount) + ", " + quoted(name_of(d.unit, kDayUnits)) + ")";
}

std::string period_repr(const Period& p) {
  const char* which = p.offset < 0 ? "last_period" : p.offset > 0 ? "next_period" : "this_period";
  return std::string(which) + "(" + quoted(name_of(p.unit, kPeriodUnits)) + ")";
}

void bind_relative_values(py::module_& m) {
  py::class_<RelativeDate>(m, "RelativeDate",
                           "A date relative to the day a filter runs: crmcore.today(-30) is 'today - 30 days'.")
      .def_readonly("amount", &RelativeDate::amount, "Added to today (negative: back in time).")
      .def_property_readonly(
          "unit", [](const RelativeDate& d) { return name_of(d.unit, kDayUnits); },
          "What amount counts: 'day', 'week', 'month' or 'year'.")
      .def("__eq__", [](const RelativeDate& a, const RelativeDate& b) { return a == b; }, py::is_operator())
      .def("__hash__",
           [](const RelativeDate& d) { return py::hash(py::make_tuple(d.amount, static_cast<int>(d.unit))); })
      .def("__repr__", &relative_date_repr);
  py::class_<Period>(m, "Period",
                     "A calendar period relative to today: crmcore.this_period('quarter') is 'this quarter'. "
                     "Compared with a date it stands for all its days.")
      .def_property_readonly(
          "unit", [](const Period& p) { return name_of(p.unit, kPeriodUnits); },
          "'week' (from Monday), 'month', 'quarter' or 'year'.")
      .def_readonly("offset", &Period::offset, "-1 last, 0 this, 1 next.")
      .def("__eq__", [](const Period& a, const Period& b) { return a == b; }, py::is_operator())
      .def("__hash__", [](const Period& p) { return py::hash(py::make_tuple(p.offset, static_cast<int>(p.unit))); })
      .def("__repr__", &period_repr);
  m.def(
      "today",
      [](IntArg<int> amount, const std::string& unit) {
        return filters::today(amount, unit_named(unit, kDayUnits, "today.unit", "'day', 'week', 'month', 'year'"));
      },
      py::arg("amount") = 0, py::arg("unit") = "day",
      "A date relative to the day the filter runs: today() is 'today', today(-30) 'today - 30 days', "
      "today(2, 'week') 'today + 2 weeks'; unit: 'day', 'week', 'month' or 'year'.");
  m.def(
      "this_period", [](const std::string& unit) { return filters::this_period(period_unit(unit)); },
      py::arg("unit"), "'this week', 'this month', 'this quarter' or 'this year' (unit: 'week', 'month', ...).");
  m.def(
      "last_period", [](const std::string& unit) { return filters::last_period(period_unit(unit)); },
      py::arg("unit"), "'last week', 'last month', 'last quarter' or 'last year'.");
  m.def(
      "next_period", [](const std::string& unit) { return filters::next_period(period_unit(unit)); },
      py::arg("unit"), "'next week', 'next month', 'next quarter' or 'next year'.");
}

// Term.__eq__ and the other comparisons: Term <op> literal.
template <Filter (Term::*Op)(Literal) const>
Filter compare(const PyTerm& t, const LiteralArg& value) {
  return (t.term.*Op)(value.value);
}

void bind_term_comparisons(py::class_<PyTerm>& term) {
  // (spaces keep "operator> >" and "operator<= >" from reading as >> and <=>)
  term.def("__eq__", &compare<&Term::operator== >, py::is_operator())
      .def("__ne__", &compare<&Term::operator!= >, py::is_operator())
      .def("__lt__", &compare<&Term::operator< >, py::is_operator())
      .def("__le__", &compare<&Term::operator<= >, py::is_operator())
      .def("__gt__", &compare<&Term::operator> >, py::is_operator())
      .def("__ge__", &compare<&Term::operator>= >, py::is_operator());
  term.attr("__hash__") = py::none();  // == makes a Filter, not a bool
}

void bind_term(py::module_& m) {
  py::class_<PyTerm> term(m, "Term",
                          "The start of a condition on a field, from crmcore.field() or crmcore.activity_count(): "
                          "compare it (==, !=, <, <=, >, >=) with a value, or call one of its methods, to get a "
                          "Filter.");
  bind_term_comparisons(term);
  term.def(
          "in_", [](const PyTerm& t, py::object values) { return t.term.in(literals_from_python(values)); },
          py::arg("values"), "'field in (values...)' from a non-empty list, or 'field in <period>' from one period.")
      .def(
          "between",
          [](const PyTerm& t, const LiteralArg& low, const LiteralArg& high) {
            return t.term.between(low.value, high.value);
          },
          py::arg("low"), py::arg("high"), "'field between low and high', both ends included.")
      .def(
          "contains", [](const PyTerm& t, std::string text) { return t.term.contains(std::move(text)); },
          py::arg("text"), "'field contains \"text\"', ignoring case and diacritics.")
      .def(
          "starts_with", [](const PyTerm& t, std::string text) { return t.term.starts_with(std::move(text)); },
          py::arg("text"), "'field starts with \"text\"', ignoring case and diacritics.")
      .def(
          "matches", [](const PyTerm& t, std::string text) { return t.term.matches(std::move(text)); },
          py::arg("text"), "'field ~ \"text\"': equal ignoring case and diacritics.")
      .def("is_empty", [](const PyTerm& t) { return t.term.is_empty(); }, "'field is empty' (no value).")
      .def("is_not_empty", [](const PyTerm& t) { return t.term.is_not_empty(); }, "'field is not empty'.")
      .def("__bool__",
           [](const PyTerm& t) -> bool {
             throw py::type_error("'" + t.label + "' is not a condition; compare it with a value (==, <, ...)");
           })
      .def("__repr__", [](const PyTerm& t) { return "<Term " + t.label + ">"; });
}

PyTerm activity_count(const std::optional<FilterArg>& where, const std::optional<LiteralArg>& since) {
  std::optional<Filter> condition;
  if (where) condition = where->get();
  std::optional<Literal> earliest;
  if (since) earliest = since->value;
  const Term term = filters::activity_count(std::move(condition), std::move(earliest));
  std::string label = (term == filters::number(0)).to_string();  // "activity_count(...) = 0"
  return {term, label.substr(0, label.rfind(" = "))};
}

// has_opportunity(), has_activity() and has_contact() from an optional FilterArg.
template <Filter (*Has)(std::optional<Filter>)>
Filter has(const std::optional<FilterArg>& where) {
  return Has(where ? std::optional<Filter>(where->get()) : std::nullopt);
}

void bind_builder_functions(py::module_& m) {
  m.def(
      "field", [](const std::string& name) { return PyTerm{filters::field(name), name}; },
      py::arg("name"),
      "A Term on a field by name: 'industry', 'account.industry', a custom field, an aggregate such as "
      "'won_revenue'. ValidationError for a name the language cannot say.");
  m.def("activity_count", &activity_count, py::arg("where") = py::none(), py::arg("since") = py::none(),
        "A Term counting related activities: activity_count(where='kind = call', since=crmcore.today(-90)) >= 3. "
        "where: a Filter or text on the activities; since: their earliest start.");
  m.def("birthday_within_days", &filters::birthday_within_days, py::arg("days"),
        "'birthday within next <days> days' (0: today only; 0..3660).");
  m.def("tagged", &filters::tagged, py::arg("tag"), "'tagged \"tag\"' (tags compare ignoring case).");
  m.def("has_opportunity", &has<&filters::has_opportunity>, py::arg("where") = py::none(),
        "'has opportunity(where)': a related deal (that meets where, a Filter or text).");
  m.def("has_activity", &has<&filters::has_activity>, py::arg("where") = py::none(),
        "'has activity(where)': a related activity (that meets where).");
  m.def("has_contact", &has<&filters::has_contact>, py::arg("where") = py::none(),
        "'has contact(where)': a related contact (that meets where).");
}

}  // namespace

Literal literal_from_python(py::handle value, const char* what) {
  if (!PyDateTimeAPI) PyDateTime_IMPORT;  // the C API pointer is per translation unit
  if (!PyDateTimeAPI) throw py::error_already_set();
  PyObject* p = value.ptr();
  if (PyBool_Check(p)) return p == Py_True;  // before int: bool is an int in Python
  if (PyLong_Check(p)) return number_from_int(value);
  if (PyUnicode_Check(p)) return value.cast<std::string>();
  if (auto literal = object_literal(value)) return *literal;
  if (PyDateTime_Check(p)) not_a_literal(value, what, " (a datetime; give its .date())");
  if (PyDate_Check(p)) return date_from_python(value, what);
  if (PyFloat_Check(p)) not_a_literal(value, what, " (use decimal.Decimal for exact numbers)");
  if (value.is_none()) not_a_literal(value, what, " (use .is_empty() to test for no value)");
  not_a_literal(value, what);
}

void register_filter_builder(py::module_& m) {
  bind_relative_values(m);
  bind_term(m);
  bind_builder_functions(m);
}

}  // namespace crm::python
