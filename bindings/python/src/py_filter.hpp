// The segment language in Python: crmcore.Filter (text or built with
// crmcore.field(...) == ..., &, |, ~), and the conversions every entry point
// that takes a filter shares.
#pragma once

#include <optional>
#include <string>

#include <pybind11/pybind11.h>

#include "crm/filter.hpp"

namespace crm::python {

/// A crmcore.Filter as it is, or filter text parsed (ParseError with line
/// and column); TypeError naming `what` for anything else.
Filter filter_from_python(pybind11::handle value, const char* what);
/// The text of a `where=` keyword: filter text as given (so that error
/// positions point into it), a crmcore.Filter printed, "" for None or "";
/// TypeError for anything else.
std::string where_text(pybind11::handle where);

/// A value in a filter from Python: str, int, decimal.Decimal (a number),
/// crmcore.Money, datetime.date, bool, RelativeDate or Period; TypeError
/// naming `what` for anything else.
Literal literal_from_python(pybind11::handle value, const char* what);

/// Arguments that convert as the functions above do, for signatures that
/// show their Python types. Conversion errors raise at once (ParseError,
/// TypeError) instead of trying another overload.
struct FilterArg {
  std::optional<Filter> filter;
  const Filter& get() const { return *filter; }
};
struct WhereText {
  std::string text;
};
struct LiteralArg {
  Literal value;
};

/// Registers crmcore.Filter.
void register_filters(pybind11::module_& module);
/// Registers Term, RelativeDate, Period and the builder functions (field,
/// tagged, has_activity, today, this_period, ...); after register_filters().
void register_filter_builder(pybind11::module_& module);

}  // namespace crm::python

namespace pybind11::detail {

template <>
struct type_caster<crm::python::FilterArg> {
  PYBIND11_TYPE_CASTER(crm::python::FilterArg, const_name("Filter | str"));
  bool load(handle source, bool) {
    if (source.is_none()) return false;
    value.filter = crm::python::filter_from_python(source, "filter");
    return true;
  }
  static handle cast(const crm::python::FilterArg& arg, return_value_policy policy, handle parent) {
    return make_caster<crm::Filter>::cast(arg.get(), policy, parent);
  }
};

template <>
struct type_caster<crm::python::WhereText> {
  PYBIND11_TYPE_CASTER(crm::python::WhereText, const_name("str | Filter"));
  bool load(handle source, bool) {
    value.text = crm::python::where_text(source);
    return true;
  }
  static handle cast(const crm::python::WhereText& where, return_value_policy, handle) {
    return str(where.text).release();
  }
};

template <>
struct type_caster<crm::python::LiteralArg> {
  PYBIND11_TYPE_CASTER(crm::python::LiteralArg,
                       const_name("str | int | Decimal | Money | datetime.date | bool | RelativeDate | Period"));
  bool load(handle source, bool) {
    value.value = crm::python::literal_from_python(source, "value");
    return true;
  }
  static handle cast(const crm::python::LiteralArg&, return_value_policy, handle) { return none().release(); }
};

}  // namespace pybind11::detail
