// crmcore.Filter: a filter in the segment language, read from text or built
// with the builder (py_filter_builder.cpp), printed back with str().
#include "py_filter.hpp"

#include "py_bindings.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

std::string type_name(py::handle value) { return py::str(py::type::of(value).attr("__name__")).cast<std::string>(); }

// Python's comparison protocol: returning the NotImplemented singleton from
// __eq__/__ne__ tells Python to ask the other operand, and to fall back to
// identity when neither knows (so Filter("x = 1") == "x = 1" is False).
py::object defer_to_other_operand() { return py::reinterpret_borrow<py::object>(Py_NotImplemented); }

// a == b when b is a Filter; otherwise defer, so that Python tries b's way.
py::object equal(const Filter& a, py::handle b, bool want) {
  if (!py::isinstance<Filter>(b)) return defer_to_other_operand();
  return py::bool_((a == b.cast<const Filter&>()) == want);
}

constexpr const char* kFilterDoc =
    "A filter in the segment language: an immutable condition tree. Filter(text) or Filter.parse(text) reads text "
    "such as 'industry = \"Retail\" and country in (\"LV\", \"LT\")' (ParseError with line and column when it does "
    "not read; field names are checked when it runs against a database). The builder gives equal trees: "
    "crmcore.field('industry') == 'Retail'. Combine with & (and), | (or), ~ (not); a str operand is parsed. "
    "str() prints text that reads back to an equal filter; == compares trees; hashable and picklable.";

}  // namespace

Filter filter_from_python(py::handle value, const char* what) {
  if (py::isinstance<Filter>(value)) return value.cast<Filter>();
  if (py::isinstance<py::str>(value)) return Filter::parse(value.cast<std::string>());
  throw py::type_error(std::string(what) + ": expected a crmcore.Filter or filter text, not " + type_name(value));
}

std::string where_text(py::handle where) {
  if (where.is_none()) return {};
  if (py::isinstance<py::str>(where)) return where.cast<std::string>();
  if (py::isinstance<Filter>(where)) return where.cast<const Filter&>().to_string();
  throw py::type_error("where: expected filter text or a crmcore.Filter, not " + type_name(where));
}

void register_filters(py::module_& m) {
  py::class_<Filter>(m, "Filter", kFilterDoc)
      .def(py::init([](const FilterArg& text) { return text.get(); }), py::arg("text"),
           "Reads filter text (a Filter is taken as it is); ParseError with line and column when it does not read.")
      .def_static(
          "parse", [](const std::string& text) { return Filter::parse(text); }, py::arg("text"),
          "Reads filter text; ParseError with .line and .column when it does not read.")
      .def("__str__", &Filter::to_string, "The text form, which Filter() reads back to an equal filter.")
      .def("__repr__", [](const Filter& f) { return "Filter(" + quoted(f.to_string()) + ")"; })
      .def("__eq__", [](const Filter& a, py::handle b) { return equal(a, b, true); })
      .def("__ne__", [](const Filter& a, py::handle b) { return equal(a, b, false); })
      .def("__hash__", [](const Filter& f) { return py::hash(py::str(f.to_string())); })
      .def("__and__", [](const Filter& a, const FilterArg& b) { return a && b.get(); })
      .def("__rand__", [](const Filter& a, const FilterArg& b) { return b.get() && a; })
      .def("__or__", [](const Filter& a, const FilterArg& b) { return a || b.get(); })
      .def("__ror__", [](const Filter& a, const FilterArg& b) { return b.get() || a; })
      .def("__invert__", [](const Filter& a) { return !a; })
      .def("__bool__",
           [](const Filter&) -> bool {
             throw py::type_error("a crmcore.Filter has no truth value; combine filters with &, | and ~, "
                                  "not 'and', 'or' and 'not'");
           })
      .def(py::pickle([](const Filter& f) { return f.to_string(); },
                      [](const std::string& text) { return Filter::parse(text); }));
}

}  // namespace crm::python
