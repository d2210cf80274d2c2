#include "common/periods.hpp"

#include <algorithm>

#include "crm/error.hpp"

namespace crm::detail {
namespace {

using boost::gregorian::days;

Date monday_of(const Date& day) { return day - days((day.day_of_week().as_number() + 6) % 7); }

// The length of `unit` in months (weeks are not counted in months).
int months_in(PeriodUnit unit) {
  switch (unit) {
    case PeriodUnit::quarter: return 3;
    case PeriodUnit::year: return 12;
    case PeriodUnit::week:
    case PeriodUnit::month: break;
  }
  return 1;
}

}  // namespace

Date add_months(const Date& day, int months) {
  const int index = day.year() * 12 + (day.month() - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  if (year < 1400 || year > 9999) throw Error(ErrorCode::invalid_argument, "the date lies outside 1400..9999");
  const int last = boost::gregorian::gregorian_calendar::end_of_month_day(year, month);
  return Date(year, month, std::min<int>(day.day(), last));
}

CalendarPeriod period_containing(const Date& day, PeriodUnit unit) {
  switch (unit) {
    case PeriodUnit::week: {
      const Date monday = monday_of(day);
      return {monday, monday + days(6)};
    }
    case PeriodUnit::month: return {Date(day.year(), day.month(), 1), day.end_of_month()};
    case PeriodUnit::quarter: {
      const int first_month = (day.month() - 1) / 3 * 3 + 1;
      return {Date(day.year(), first_month, 1), Date(day.year(), first_month + 2, 1).end_of_month()};
    }
    case PeriodUnit::year: break;
  }
  return {Date(day.year(), 1, 1), Date(day.year(), 12, 31)};
}

CalendarPeriod period_after(const Date& day, PeriodUnit unit, int offset) {
  const CalendarPeriod holding = period_containing(day, unit);
  if (unit == PeriodUnit::week) {
    const Date monday = holding.first + days(7 * offset);
    return {monday, monday + days(6)};
  }
  const Date first = add_months(holding.first, months_in(unit) * offset);
  return period_containing(first, unit);
}

IsoWeek iso_week(const Date& day) {
  const Date thursday = monday_of(day) + days(3);  // the ISO year is the Thursday's
  return {static_cast<int>(thursday.year()), static_cast<int>(day.week_number())};
}

}  // namespace crm::detail
