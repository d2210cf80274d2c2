// The names of intervals and groupings, and Reports::names() and run()
// through the report catalog.
#include "common/enum_names.hpp"
#include "crm/report.hpp"
#include "crm/report_catalog.hpp"
#include "report/report_registry.hpp"

namespace crm {
namespace {

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
  for (const ReportInfo& report : report_catalog()) names.push_back(report.name);
  return names;
}

Report Reports::run(std::string_view name, const ReportOptions& options) const {
  return (this->*detail::report_method(report_info(name)))(options);
}

}  // namespace crm
