#include "py_errors.hpp"

#include <array>

#include <boost/date_time/gregorian/greg_date.hpp>

#include "crm/error.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

// Every class: its name, the code it stands for, extra built-in bases and doc.
struct ErrorClass {
  const char* name;
  ErrorCode code;
  PyObject* builtin_base;  // besides crmcore.Error, or nullptr
  const char* doc;
};

// The exception class for each ErrorCode (index = code), filled at import.
std::array<PyObject*, 12> classes{};

void translate(const Error& error) {
  const auto index = static_cast<std::size_t>(error.code());
  PyObject* type = index < classes.size() && classes[index] ? classes[index] : classes[0];
  py::object instance = py::reinterpret_borrow<py::object>(type)(error.what());
  instance.attr("code") = std::string(error_code_name(error.code()));
  instance.attr("field") = error.field();
  instance.attr("line") = error.line();
  instance.attr("column") = error.column();
  PyErr_SetObject(type, instance.ptr());
}

}  // namespace

void register_errors(py::module_& module) {
  PyObject* base = PyErr_NewExceptionWithDoc(
      "crmcore.Error",
      "Base class of every crmcore failure. Attributes: code (the error code name, e.g. 'not_found'), "
      "field (the input field concerned, or ''), line and column (for ParseError, else 0).",
      PyExc_Exception, nullptr);
  classes[0] = base;
  module.add_object("Error", py::reinterpret_borrow<py::object>(base));
  const ErrorClass subclasses[] = {
      {"NotFoundError", ErrorCode::not_found, PyExc_LookupError, "The record, file or name does not exist."},
      {"ValidationError", ErrorCode::invalid_argument, PyExc_ValueError,
       "Input failed validation (also a ValueError); the message names the field and the value."},
      {"AlreadyExistsError", ErrorCode::already_exists, nullptr, "A unique value such as an external_ref is taken."},
      {"ConflictError", ErrorCode::conflict, nullptr,
       "The record changed since it was read (stale version) or is in a state that forbids the change."},
      {"PermissionDeniedError", ErrorCode::permission_denied, PyExc_PermissionError,
       "The file or connection does not allow the change (read-only)."},
      {"BusyError", ErrorCode::busy, nullptr, "Another connection held a lock longer than the busy timeout."},
      {"StorageError", ErrorCode::io, PyExc_OSError, "The operating system failed to read or write the file."},
      {"CorruptError", ErrorCode::corrupt, nullptr, "The file is not a crmcore database or is damaged."},
      {"ParseError", ErrorCode::parse_error, PyExc_ValueError,
       "Text could not be parsed; line and column say where (also a ValueError)."},
      {"UnsupportedError", ErrorCode::unsupported, nullptr,
       "Valid but not supported, e.g. a file written by a newer crmcore."},
      {"CursorExpiredError", ErrorCode::cursor_expired, nullptr,
       "A change feed cursor behind what the feed keeps (retention removed entries after it): read everything "
       "again, then follow the feed from db.changes.latest()."},
  };
  for (const ErrorClass& entry : subclasses) {
    py::tuple bases = entry.builtin_base ? py::make_tuple(py::handle(base), py::handle(entry.builtin_base))
                                         : py::make_tuple(py::handle(base));
    PyObject* type = PyErr_NewExceptionWithDoc((std::string("crmcore.") + entry.name).c_str(), entry.doc,
                                               bases.ptr(), nullptr);
    if (!type) throw py::error_already_set();
    classes[static_cast<std::size_t>(entry.code)] = type;
    module.add_object(entry.name, py::reinterpret_borrow<py::object>(type));
  }
  py::register_exception_translator([](std::exception_ptr pointer) {
    try {
      if (pointer) std::rethrow_exception(pointer);
    } catch (const Error& error) {
      translate(error);
    } catch (const boost::gregorian::bad_year& error) {  // impossible dates built in the bindings
      translate(Error(ErrorCode::invalid_argument, std::string("date: ") + error.what()));
    } catch (const boost::gregorian::bad_month& error) {
      translate(Error(ErrorCode::invalid_argument, std::string("date: ") + error.what()));
    } catch (const boost::gregorian::bad_day_of_month& error) {
      translate(Error(ErrorCode::invalid_argument, std::string("date: ") + error.what()));
    } catch (const py::cast_error& error) {  // a value of the wrong type (bytes for str) inside a list or dict
      PyErr_SetString(PyExc_TypeError, error.what());
    }
  });
}

}  // namespace crm::python
