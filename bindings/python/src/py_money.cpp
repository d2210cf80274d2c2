#include "py_money.hpp"

#include "crm/error.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

// An attribute of a module, looked up once and kept for the life of the
// process (a leaked strong reference). Callers hold the GIL, which also guards
// the cache; no C++ static-init guard, so a lookup that releases the GIL cannot
// deadlock against another thread waiting on the guard.
py::handle cached(PyObject*& slot, const char* module, const char* name) {
  if (!slot) slot = py::object(py::module_::import(module).attr(name)).release().ptr();
  return slot;
}

}  // namespace

py::handle decimal_type() {
  static PyObject* slot = nullptr;
  return cached(slot, "decimal", "Decimal");
}

py::handle money_type() {
  static PyObject* slot = nullptr;
  return cached(slot, "crmcore", "Money");
}

std::string decimal_text(py::handle amount) {
  static PyObject* format = nullptr;
  // Decimal(amount) first: format(5, "f") is "5.000000" and big ints would go through float.
  return cached(format, "builtins", "format")(decimal_type()(amount), "f").cast<std::string>();
}

py::object to_python_money(const Money& money) {
  return money_type()(decimal_type()(money.amount_string()), std::string(money.currency()));
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
  out = Money::from_decimal(decimal_text(amount), value.attr("currency").cast<std::string>());
  return true;
}

}  // namespace crm::python
