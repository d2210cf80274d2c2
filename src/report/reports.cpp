// The names of intervals and groupings, and Reports::names() and run()
// through the report catalog.
#include "common/enum_names.hpp"
#include "crm/error.hpp"
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

namespace {

// The enumerator named `name` in `table`; else invalid_argument on `field`
// listing the names ("interval: 'x' is not week, month or quarter").
template <class Enum>
Enum require_name(std::span<const EnumName<Enum>> table, std::string_view name, const std::string& field) {
  if (const auto value = detail::from_name<Enum>(table, name)) return *value;
  std::string names;
  for (std::size_t i = 0; i < table.size(); ++i)
    names += (i == 0 ? "" : i + 1 == table.size() ? " or " : ", ") + std::string(table[i].second);
  throw Error(ErrorCode::invalid_argument, field + ": '" + std::string(name) + "' is not " + names, field);
}

}  // namespace

ReportInterval require_report_interval(std::string_view name) {
  return require_name<ReportInterval>(kIntervals, name, "interval");
}

ReportGroup require_report_group(std::string_view name) { return require_name<ReportGroup>(kGroups, name, "group"); }

std::vector<std::string> Reports::names() {
  std::vector<std::string> names;
  for (const ReportInfo& report : report_catalog()) names.push_back(report.name);
  return names;
}

Report Reports::run(std::string_view name, const ReportOptions& options) const {
  return (this->*detail::report_method(report_info(name)))(options);
}

}  // namespace crm
