// crm::Money <-> crmcore.Money (a decimal.Decimal amount and a currency code);
// "1234.50 EUR" text is accepted too.
#pragma once

#include <string>

#include <pybind11/pybind11.h>

#include "crm/money.hpp"

namespace crm::python {

/// decimal.Decimal and crmcore.Money, looked up once (call with the GIL held;
/// crmcore.Money only once the crmcore package is imported).
pybind11::handle decimal_type();
pybind11::handle money_type();
/// Decimal(amount) in fixed-point notation ("5", "12.50"), exact for big ints.
std::string decimal_text(pybind11::handle amount);

/// crmcore.Money for `money`.
pybind11::object to_python_money(const Money& money);
/// A Money from crmcore.Money (or anything with amount and currency) or
/// "<amount> <CODE>" text; throws Error(invalid_argument) for bad values,
/// returns false for other types.
bool money_from_python(pybind11::handle value, Money& out);

}  // namespace crm::python

namespace pybind11::detail {

template <>
struct type_caster<crm::Money> {
  PYBIND11_TYPE_CASTER(crm::Money, const_name("crmcore.Money"));
  bool load(handle source, bool) { return crm::python::money_from_python(source, value); }
  static handle cast(const crm::Money& money, return_value_policy, handle) {
    return crm::python::to_python_money(money).release();
  }
};

}  // namespace pybind11::detail
