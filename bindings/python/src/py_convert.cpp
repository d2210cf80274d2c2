#include "py_convert.hpp"

#include <datetime.h>

namespace py = pybind11;

namespace crm::python {

void import_datetime() {
  if (!PyDateTimeAPI) PyDateTime_IMPORT;
  if (!PyDateTimeAPI) throw py::error_already_set();
}

py::object utc() {
  import_datetime();
  return py::reinterpret_borrow<py::object>(PyDateTime_TimeZone_UTC);
}

py::object to_python_date(const Date& date) {
  import_datetime();
  PyObject* result = PyDate_FromDate(date.year(), date.month(), date.day());
  if (!result) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(result);
}

py::object to_python_instant(const Instant& instant) {
  import_datetime();
  const Date day = instant.date();
  const auto time = instant.time_of_day();
  const auto micros = static_cast<int>(time.fractional_seconds() * (1000000 / time.ticks_per_second()));
  PyObject* result = PyDateTimeAPI->DateTime_FromDateAndTime(
      day.year(), day.month(), day.day(), static_cast<int>(time.hours()), static_cast<int>(time.minutes()),
      static_cast<int>(time.seconds()), micros, PyDateTime_TimeZone_UTC, PyDateTimeAPI->DateTimeType);
  if (!result) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(result);
}

namespace {

// Boost.Date_Time covers the years 1400..9999; outside, refuse with a clear error.
Date checked_date(int year, int month, int day, const char* field) {
  if (year < 1400 || year > 9999)
    throw Error(ErrorCode::invalid_argument,
                std::string(field) + ": year " + std::to_string(year) + " is outside 1400..9999", field);
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), static_cast<unsigned short>(day));
}

}  // namespace

Date date_from_python(py::handle value, const char* field) {
  import_datetime();
  if (PyUnicode_Check(value.ptr())) return parse_date(value.cast<std::string>());
  if (!PyDate_Check(value.ptr()) || PyDateTime_Check(value.ptr()))
    throw Error(ErrorCode::invalid_argument,
                std::string(field) + ": expected a datetime.date or 'YYYY-MM-DD', got " +
                    py::str(py::type::of(value).attr("__name__")).cast<std::string>(),
                field);
  return checked_date(PyDateTime_GET_YEAR(value.ptr()), PyDateTime_GET_MONTH(value.ptr()),
                      PyDateTime_GET_DAY(value.ptr()), field);
}

Instant instant_from_python(py::handle value, const char* field) {
  import_datetime();
  if (PyUnicode_Check(value.ptr())) return parse_instant(value.cast<std::string>());
  if (!PyDateTime_Check(value.ptr()))
    throw Error(ErrorCode::invalid_argument,
                std::string(field) + ": expected a timezone-aware datetime.datetime, got " +
                    py::str(py::type::of(value).attr("__name__")).cast<std::string>(),
                field);
  if (value.attr("utcoffset")().is_none())
    throw Error(ErrorCode::invalid_argument,
                std::string(field) + ": a naive datetime has no time zone; give tzinfo (e.g. datetime.timezone.utc)",
                field);
  py::object in_utc = value.attr("astimezone")(utc());
  PyObject* p = in_utc.ptr();
  const Date day = checked_date(PyDateTime_GET_YEAR(p), PyDateTime_GET_MONTH(p), PyDateTime_GET_DAY(p), field);
  namespace pt = boost::posix_time;
  return Instant(day, pt::hours(PyDateTime_DATE_GET_HOUR(p)) + pt::minutes(PyDateTime_DATE_GET_MINUTE(p)) +
                          pt::seconds(PyDateTime_DATE_GET_SECOND(p)) +
                          pt::microseconds(PyDateTime_DATE_GET_MICROSECOND(p)));
}

std::string path_from_python(py::handle path) {
  return py::module_::import("os").attr("fsdecode")(path).cast<std::string>();
}

std::int64_t int64_from_python(py::handle value, const char* what) {
  int overflow = 0;
  const long long number = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
  if (overflow) {
    const std::string message =
        std::string(what) + ": " + py::str(value).cast<std::string>() + " does not fit in a 64-bit integer";
    PyErr_SetString(PyExc_OverflowError, message.c_str());
    throw py::error_already_set();
  }
  if (number == -1 && PyErr_Occurred()) throw py::error_already_set();
  return number;
}

std::string python_type_name(pybind11::handle value) {
  return pybind11::str(pybind11::type::of(value).attr("__name__")).cast<std::string>();
}

}  // namespace crm::python
