#include "report/periods.hpp"

#include <cstdio>

namespace crm::detail {
namespace {

using boost::gregorian::days;

std::string two_digits(int value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", value);
  return text;
}

ReportPeriod iso_week(const Date& day) {
  const Date monday = day - days((day.day_of_week().as_number() + 6) % 7);
  const Date thursday = monday + days(3);  // the ISO year is the Thursday's
  return {std::to_string(static_cast<int>(thursday.year())) + "-W" + two_digits(monday.week_number()), monday,
          monday + days(6)};
}

ReportPeriod month(const Date& day) {
  const int year = day.year();
  const int m = day.month();
  return {std::to_string(year) + "-" + two_digits(m), Date(year, m, 1), day.end_of_month()};
}

ReportPeriod quarter(const Date& day) {
  const int year = day.year();
  const int q = (day.month() - 1) / 3 + 1;
  const Date first(year, (q - 1) * 3 + 1, 1);
  return {std::to_string(year) + "-Q" + std::to_string(q), first, Date(year, q * 3, 1).end_of_month()};
}

}  // namespace

ReportPeriod period_of(const Date& day, ReportInterval interval) {
  switch (interval) {
    case ReportInterval::week: return iso_week(day);
    case ReportInterval::month: return month(day);
    case ReportInterval::quarter: break;
  }
  return quarter(day);
}

std::vector<ReportPeriod> periods_between(const Date& first, const Date& last, ReportInterval interval) {
  std::vector<ReportPeriod> periods;
  for (Date day = first; day <= last;) {
    periods.push_back(period_of(day, interval));
    day = periods.back().last + days(1);
  }
  return periods;
}

std::optional<DayRange> report_range(const ReportOptions& options, std::optional<Date> data_first,
                                     std::optional<Date> data_last) {
  const std::optional<Date> first = options.start ? options.start : data_first;
  const std::optional<Date> last = options.end ? options.end : data_last;
  if (!first || !last) return std::nullopt;
  return DayRange{*first, *last};
}

void widen(std::optional<Date>& first, std::optional<Date>& last, const Date& day) {
  if (!first || day < *first) first = day;
  if (!last || day > *last) last = day;
}

}  // namespace crm::detail
