// Report names, the names of intervals and groupings, and Reports::run().
#include <array>
#include <utility>

#include "common/enum_names.hpp"
#include "crm/error.hpp"
#include "crm/report.hpp"

namespace crm {
namespace {

using ReportMethod = Report (Reports::*)(const ReportOptions&) const;

constexpr std::array<std::pair<std::string_view, ReportMethod>, 12> kReports{{
    {"pipeline_by_stage", &Reports::pipeline_by_stage},
    {"forecast", &Reports::forecast},
    {"win_rates", &Reports::win_rates},
    {"funnel", &Reports::funnel},
    {"leads", &Reports::leads},
    {"lead_conversion", &Reports::lead_conversion},
    {"campaign_return", &Reports::campaign_return},
    {"activities_per_week", &Reports::activities_per_week},
    {"overdue_tasks", &Reports::overdue_tasks},
    {"at_risk_accounts", &Reports::at_risk_accounts},
    {"upcoming_birthdays", &Reports::upcoming_birthdays},
    {"open_pipeline_history", &Reports::open_pipeline_history},
}};

using detail::EnumName;

constexpr EnumName<ReportInterval> kIntervals[] = {
    {ReportInterval::week, "week"}, {ReportInterval::month, "month"}, {ReportInterval::quarter, "quarter"}};
constexpr EnumName<ReportGroup> kGroups[] = {
    {ReportGroup::owner, "owner"},       {ReportGroup::lead_source, "lead_source"},
    {ReportGroup::product, "product"},   {ReportGroup::campaign, "campaign"},
    {ReportGroup::industry, "industry"}, {ReportGroup::job_title, "job_title"}};

}  // namespace

std::string_view report_interval_name(ReportInterval interval) noexcept {
  return detail::name_of<ReportInterval>(kIntervals, interval);
}

std::optional<ReportInterval> report_interval_from_name(std::string_view name) noexcept {
  return detail::from_name<ReportInterval>(kIntervals, name);
}

std::string_view report_group_name(ReportGroup group) noexcept { return detail::name_of<ReportGroup>(kGroups, group); }

std::optional<ReportGroup> report_group_from_name(std::string_view name) noexcept {
  return detail::from_name<ReportGroup>(kGroups, name);
}
std::vector<std::string> Reports::names() {
  std::vector<std::string> names;
  for (const auto& [name, method] : kReports) names.emplace_back(name);
  return names;
}

Report Reports::run(std::string_view name, const ReportOptions& options) const {
  for (const auto& [report, method] : kReports)
    if (report == name) return (this->*method)(options);
  std::string known;
  for (const auto& [report, method] : kReports) known += (known.empty() ? "" : ", ") + std::string(report);
  throw Error(ErrorCode::invalid_argument, "report: no report '" + std::string(name) + "'; the reports are " + known,
              "report");
}

}  // namespace crm
