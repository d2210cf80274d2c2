// The periods of periodic reports: ISO weeks, months and quarters with their
// labels, over common/periods.hpp's calendar arithmetic.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crm/report.hpp"

namespace crm::detail {

/// One period: its label ("2025-W09", "2025-03", "2025-Q1") and its days.
struct ReportPeriod {
  std::string label;
  Date first;
  Date last;
};

/// The period of `interval` holding `day`.
ReportPeriod period_of(const Date& day, ReportInterval interval);

/// Every period from the one holding `first` to the one holding `last`, in
/// order; empty when `first` is after `last`.
std::vector<ReportPeriod> periods_between(const Date& first, const Date& last, ReportInterval interval);

/// The days a periodic report covers: options.start and options.end where
/// set, else the earliest and latest day of the data; nullopt when neither
/// the options nor the data give a day.
struct DayRange {
  Date first;
  Date last;
};
std::optional<DayRange> report_range(const ReportOptions& options, std::optional<Date> data_first,
                                     std::optional<Date> data_last);

}  // namespace crm::detail
