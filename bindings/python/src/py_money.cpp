#include "py_money.hpp"

#include "crm/error.hpp"

namespace py = pybind11;

namespace crm::python {

py::object to_python_money(const Money& money) {
  py::object decimal = py::module_::import("decimal").attr("Decimal");
  py::object money_class = py::module_::import("crmcore").attr("Money");
  return money_class(decimal(money.amount_string()), std::string(money.currency()));
}

bool money_from_python(py::handle value, Money& out) {
  if (py::isinstance<py::str>(value)) {
    out = Money::parse(value.cast<std::string>());
    return true;
  }
  if (!py::hasattr(value, "amount") || !py::hasattr(value, "currency")) return false;
  py::object amount = value.attr("amount");
  if (py::isinstance<py::float_>(amount))
    throw Error(ErrorCode::invalid_argument, "amount: use decimal.Decimal, not float, for money", "amount");
  const std::string text = py::module_::import("builtins").attr("format")(amount, "f").cast<std::string>();
  out = Money::from_decimal(text, value.attr("currency").cast<std::string>());
  return true;
}

}  // namespace crm::python
