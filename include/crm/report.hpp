// crmcore: reports a sales manager reads on Monday morning — pipeline,
// forecast, win rates, funnel, leads, campaign return, activity, at-risk
// accounts, birthdays and the history of the open pipeline.
//
// Every report is a Table plus the currency of its money columns and the
// exchange rates it used. Money columns are ColumnType::decimal in the base
// currency (db.currencies().base()): amounts are summed per currency and
// rate in minor units, each sum is converted once with the rate valid on the
// records' date, rounded half away from zero. A record in another currency
// without a rate on its date fails the report with not_found naming the
// pair and the day, never a silent zero. Periodic reports list every period
// of the range, empty ones as zero.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/currency.hpp"
#include "crm/ids.hpp"
#include "crm/table.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// The length of the periods of a periodic report.
enum class ReportInterval { week, month, quarter };
/// "week", "month" or "quarter".
std::string_view report_interval_name(ReportInterval interval) noexcept;
/// The interval named `name`, or nullopt.
std::optional<ReportInterval> report_interval_from_name(std::string_view name) noexcept;
/// The interval named `name`; otherwise Error(invalid_argument) on field
/// "interval" naming every interval ("... is not week, month or quarter").
/// Every surface parses the option through this.
ReportInterval require_report_interval(std::string_view name);

/// What the rows of a grouped report stand for.
enum class ReportGroup { owner, lead_source, product, campaign, industry, job_title };
/// "owner", "lead_source", "product", "campaign", "industry" or "job_title".
std::string_view report_group_name(ReportGroup group) noexcept;
/// The grouping named `name`, or nullopt.
std::optional<ReportGroup> report_group_from_name(std::string_view name) noexcept;
/// The grouping named `name`; otherwise Error(invalid_argument) on field
/// "group" naming every grouping. Every surface parses the option through this.
ReportGroup require_report_group(std::string_view name);

/// Filters and settings of a report. Each report says which date the range
/// applies to; a filter a report cannot apply (a pipeline for leads, a
/// grouping it has no column for) is refused with invalid_argument.
/// report_catalog() lists the options each report accepts.
struct ReportOptions {
  std::optional<Date> start{};  ///< First day of the range (inclusive); unset: from the earliest record.
  std::optional<Date> end{};    ///< Last day of the range (inclusive); unset: to the latest record.
  std::string owner{};          ///< Only records of this user.
  PipelineId pipeline{};        ///< Only deals of this pipeline.
  /// Only records in this saved segment: a segment of the report's records,
  /// or of accounts (records of those accounts) or contacts (records of
  /// those people) where the report's records have one.
  SegmentId segment{};
  ReportInterval interval = ReportInterval::month;  ///< Periods of the periodic reports.
  ReportGroup group = ReportGroup::owner;           ///< Rows of the grouped reports.
  int days = 0;                 ///< Days a report looks at; 0: its default (ReportInfo::default_days).
  std::optional<Date> as_of{};  ///< The report's "today"; unset: today by the connection's clock (UTC).
};

/// A report's result.
struct Report {
  std::string name{};                      ///< The report ("forecast").
  std::string currency{};                  ///< Currency of its decimal (money) columns.
  Table table{};                           ///< Its rows.
  std::vector<ExchangeRate> rates_used{};  ///< Each rate applied, by pair then day.
};

/// The reports of a Database (db.reports()). Reading only; each report reads
/// one snapshot of the file. Deals are live (not deleted) opportunities; a
/// deal's date is its close date when closed, its expected close when open,
/// else the report's as_of day; money of deals converts on that date.
/// Throws crm::Error.
class Reports {
 public:

  /// The report names run() takes, in report_catalog() order.
  static std::vector<std::string> names();
  /// The report called `name` (one of names()); invalid_argument listing
  /// the names for any other.
  Report run(std::string_view name, const ReportOptions& options = {}) const;

  // One method per report. What each shows, the options it accepts and its
  // columns are in crm/report_catalog.hpp: report_info(<its name>).

  /// The deals per stage of each pipeline.
  Report pipeline_by_stage(const ReportOptions& options = {}) const;
  /// Won, weighted open and best-case amounts per period.
  Report forecast(const ReportOptions& options = {}) const;
  /// Won and lost deals, win rate, average deal and cycle per group.
  Report win_rates(const ReportOptions& options = {}) const;
  /// The deals that reached each stage of a pipeline.
  Report funnel(const ReportOptions& options = {}) const;
  /// Leads created per period and group, and how many converted.
  Report leads(const ReportOptions& options = {}) const;
  /// Leads and their conversion rate per group.
  Report lead_conversion(const ReportOptions& options = {}) const;
  /// Campaigns ranked by return on investment.
  Report campaign_return(const ReportOptions& options = {}) const;
  /// Activities per ISO week and owner, by kind.
  Report activities_per_week(const ReportOptions& options = {}) const;
  /// Planned tasks past their due day per owner.
  Report overdue_tasks(const ReportOptions& options = {}) const;
  /// Accounts without activity lately.
  Report at_risk_accounts(const ReportOptions& options = {}) const;
  /// Contacts whose birthday comes soon.
  Report upcoming_birthdays(const ReportOptions& options = {}) const;
  /// The open pipeline at past month ends, from the stage history.
  Report open_pipeline_history(const ReportOptions& options = {}) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Reports(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
