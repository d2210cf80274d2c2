// Calendar arithmetic shared by the segment language ("in this quarter",
// "last month") and the periodic reports: months added with clamping, the
// ISO week, month, quarter or year holding a day, and the ones before and
// after it.
#pragma once

#include "crm/time.hpp"

namespace crm::detail {

/// The length of a calendar period. Weeks are ISO weeks, Monday to Sunday.
enum class PeriodUnit { week, month, quarter, year };

/// A calendar period: its first and last day (inclusive).
struct CalendarPeriod {
  Date first;
  Date last;

  friend bool operator==(const CalendarPeriod&, const CalendarPeriod&) = default;
};

/// An ISO 8601 week: the year its Thursday falls in, and its number 1..53.
struct IsoWeek {
  int year = 0;
  int week = 0;

  friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
};

/// `day` moved by `months` months (back when negative), the day of month
/// clamped to the target month's last day (31 January + 1 month = 28 or 29
/// February). invalid_argument when the result lies outside 1400..9999.
Date add_months(const Date& day, int months);

/// The period of `unit` holding `day`.
CalendarPeriod period_containing(const Date& day, PeriodUnit unit);

/// The period `offset` periods after the one holding `day` (before it when
/// negative; 0: the one holding it). Months, quarters and years outside
/// 1400..9999 are invalid_argument (as add_months()).
CalendarPeriod period_after(const Date& day, PeriodUnit unit, int offset);

/// The ISO week holding `day` (1 January may belong to the previous year's
/// week 52 or 53, 31 December to the next year's week 1).
IsoWeek iso_week(const Date& day);

}  // namespace crm::detail
