// Conversions between crmcore's value types and Python's:
//   crm::Date    <-> datetime.date
//   crm::Instant <-> datetime.datetime, timezone-aware in UTC (naive ones are refused)
//   crm::Id<Tag> <-> int (0 <-> None)
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <string>

#include <pybind11/pybind11.h>

#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/time.hpp"

namespace crm::python {

/// Imports the datetime C API once; call before converting.
void import_datetime();

/// datetime.timezone.utc.
pybind11::object utc();

/// A datetime.date for `date`.
pybind11::object to_python_date(const Date& date);
/// A timezone-aware UTC datetime.datetime for `instant`.
pybind11::object to_python_instant(const Instant& instant);
/// A date from a datetime.date (not a datetime) or "YYYY-MM-DD" text;
/// throws Error(invalid_argument) naming `field` otherwise.
Date date_from_python(pybind11::handle value, const char* field);
/// An instant from a timezone-aware datetime.datetime or ISO-8601 text with
/// an offset; a naive datetime throws Error(invalid_argument) naming `field`.
Instant instant_from_python(pybind11::handle value, const char* field);

/// A file path given as str, bytes or os.PathLike, as text (os.fsdecode()).
std::string path_from_python(pybind11::handle path);
/// A Python int as a 64-bit integer; OverflowError naming `what` and the
/// value when it does not fit.
std::int64_t int64_from_python(pybind11::handle value, const char* what);

/// The name of `value`'s Python type ("str"), for messages.
std::string python_type_name(pybind11::handle value);

/// `text` as a str, or None when there is none.
inline pybind11::object optional_text(const std::optional<std::string>& text) {
  return text ? pybind11::object(pybind11::str(*text)) : pybind11::object(pybind11::none());
}

/// A Python int as an integer of type T; OverflowError naming the value and
/// the range when it does not fit (pybind11's own caster would report a
/// TypeError, "incompatible function arguments").
template <class T>
T integer_from_python(pybind11::handle value) {
  static_assert(std::is_integral_v<T> && sizeof(T) <= sizeof(std::int64_t));
  const pybind11::int_ number = pybind11::reinterpret_borrow<pybind11::object>(value);
  int overflow = 0;
  const long long wide = PyLong_AsLongLongAndOverflow(number.ptr(), &overflow);
  if (wide == -1 && PyErr_Occurred()) throw pybind11::error_already_set();
  const bool fits = overflow == 0 && std::in_range<T>(wide);
  if (!fits)
    throw std::overflow_error(pybind11::str(value).cast<std::string>() + " does not fit: the value must lie in " +
                              std::to_string(std::numeric_limits<T>::min()) + ".." +
                              std::to_string(std::numeric_limits<T>::max()));
  return static_cast<T>(wide);
}

/// An integer argument of a bound function: a Python int (or an object with
/// __index__) that must fit T, OverflowError otherwise (integer_from_python());
/// a float or str does not match, as with pybind11's own integers.
template <class T>
struct IntArg {
  T value{};
  operator T() const noexcept { return value; }  // NOLINT: used as the T it holds
};

}  // namespace crm::python

namespace pybind11::detail {

/// Loads crm::python::IntArg<T> from a Python int with its range checked.
template <class T>
struct type_caster<crm::python::IntArg<T>> {
  PYBIND11_TYPE_CASTER(crm::python::IntArg<T>, const_name("int"));

  bool load(handle source, bool convert) {
    if (!source || PyFloat_Check(source.ptr())) return false;
    if (PyLong_Check(source.ptr())) {
      value.value = crm::python::integer_from_python<T>(source);
      return true;
    }
    if (!convert || !PyIndex_Check(source.ptr())) return false;
    const object index = reinterpret_steal<object>(PyNumber_Index(source.ptr()));
    if (!index) {
      PyErr_Clear();
      return false;
    }
    value.value = crm::python::integer_from_python<T>(index);
    return true;
  }

  static handle cast(const crm::python::IntArg<T>& source, return_value_policy, handle) {
    return int_(source.value).release();
  }
};

}  // namespace pybind11::detail

namespace crm::python {

/// The name of the Python record class whose .id is an Id<Tag> ("" for none).
template <class Tag>
constexpr const char* record_class_for = "";
template <>
inline constexpr const char* record_class_for<AccountTag> = "Account";
template <>
inline constexpr const char* record_class_for<ContactTag> = "Contact";
template <>
inline constexpr const char* record_class_for<EmploymentTag> = "Employment";
template <>
inline constexpr const char* record_class_for<PipelineTag> = "Pipeline";
template <>
inline constexpr const char* record_class_for<StageTag> = "Stage";
template <>
inline constexpr const char* record_class_for<LostReasonTag> = "LostReason";
template <>
inline constexpr const char* record_class_for<ProductTag> = "Product";
template <>
inline constexpr const char* record_class_for<OpportunityTag> = "Opportunity";
template <>
inline constexpr const char* record_class_for<StageChangeTag> = "StageChange";
template <>
inline constexpr const char* record_class_for<LeadTag> = "Lead";
template <>
inline constexpr const char* record_class_for<ActivityTag> = "Activity";
template <>
inline constexpr const char* record_class_for<CustomFieldTag> = "CustomField";
template <>
inline constexpr const char* record_class_for<SegmentTag> = "Segment";
template <>
inline constexpr const char* record_class_for<LeadSourceTag> = "LeadSource";
template <>
inline constexpr const char* record_class_for<CampaignTag> = "Campaign";
template <>
inline constexpr const char* record_class_for<UserTag> = "User";
template <>
inline constexpr const char* record_class_for<TeamTag> = "Team";

}  // namespace crm::python

namespace pybind11::detail {

template <>
struct type_caster<crm::Date> {
  PYBIND11_TYPE_CASTER(crm::Date, const_name("datetime.date"));
  bool load(handle source, bool) {
    if (source.is_none()) return false;
    value = crm::python::date_from_python(source, "date");
    return true;
  }
  static handle cast(const crm::Date& date, return_value_policy, handle) {
    return crm::python::to_python_date(date).release();
  }
};

template <>
struct type_caster<crm::Instant> {
  PYBIND11_TYPE_CASTER(crm::Instant, const_name("datetime.datetime"));
  bool load(handle source, bool) {
    if (source.is_none()) return false;
    value = crm::python::instant_from_python(source, "instant");
    return true;
  }
  static handle cast(const crm::Instant& instant, return_value_policy, handle) {
    if (instant.is_special()) return none().release();
    return crm::python::to_python_instant(instant).release();
  }
};

template <class Tag>
struct type_caster<crm::Id<Tag>> {
  PYBIND11_TYPE_CASTER(crm::Id<Tag>, const_name("int | None"));
  bool load(handle source, bool) {
    if (source.is_none()) {
      value = crm::Id<Tag>();
      return true;
    }
    if (!PyLong_Check(source.ptr())) {
      // a record stands for its id, but only a record of the same kind
      const char* expected = crm::python::record_class_for<Tag>;
      if (*expected == '\0' || !hasattr(source, "id")) return false;
      if (str(type::of(source).attr("__name__")).cast<std::string>() != expected) return false;
      return load(source.attr("id"), false);
    }
    value = crm::Id<Tag>(crm::python::int64_from_python(source, "id"));
    return true;
  }
  static handle cast(crm::Id<Tag> id, return_value_policy, handle) {
    if (!id) return none().release();
    return PyLong_FromLongLong(id.value());
  }
};

}  // namespace pybind11::detail
