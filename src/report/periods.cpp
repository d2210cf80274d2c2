#include "report/periods.hpp"

#include <cstdio>

#include "common/periods.hpp"

namespace crm::detail {
namespace {

std::string two_digits(int value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", value);
  return text;
}

// The label of `period`, a period of `interval`.
std::string label(const CalendarPeriod& period, ReportInterval interval) {
  const std::string year = std::to_string(static_cast<int>(period.first.year()));
  switch (interval) {
    case ReportInterval::week: {
      const IsoWeek week = iso_week(period.first);
      return std::to_string(week.year) + "-W" + two_digits(week.week);
    }
    case ReportInterval::month: return year + "-" + two_digits(period.first.month());
    case ReportInterval::quarter: break;
  }
  return year + "-Q" + std::to_string((period.first.month() - 1) / 3 + 1);
}

PeriodUnit unit_of(ReportInterval interval) {
  switch (interval) {
    case ReportInterval::week: return PeriodUnit::week;
    case ReportInterval::month: return PeriodUnit::month;
    case ReportInterval::quarter: break;
  }
  return PeriodUnit::quarter;
}

}  // namespace

ReportPeriod period_of(const Date& day, ReportInterval interval) {
  const CalendarPeriod period = period_containing(day, unit_of(interval));
  return {label(period, interval), period.first, period.last};
}

std::vector<ReportPeriod> periods_between(const Date& first, const Date& last, ReportInterval interval) {
  std::vector<ReportPeriod> periods;
  for (Date day = first; day <= last;) {
    periods.push_back(period_of(day, interval));
    day = periods.back().last + boost::gregorian::days(1);
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

}  // namespace crm::detail
