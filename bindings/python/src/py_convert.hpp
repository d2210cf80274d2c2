// Conversions between crmcore's value types and Python's:
//   crm::Date    <-> datetime.date
//   crm::Instant <-> datetime.datetime, timezone-aware in UTC (naive ones are refused)
//   crm::Id<Tag> <-> int (0 <-> None)
#pragma once

#include <cstdint>
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

}  // namespace crm::python

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
