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

/// What the rows of a grouped report stand for.
enum class ReportGroup { owner, lead_source, product, campaign, industry, job_title };
/// "owner", "lead_source", "product", "campaign", "industry" or "job_title".
std::string_view report_group_name(ReportGroup group) noexcept;
/// The grouping named `name`, or nullopt.
std::optional<ReportGroup> report_group_from_name(std::string_view name) noexcept;

/// Filters and settings of a report. Each report says which date the range
/// applies to; a filter a report cannot apply (a pipeline for leads, a
/// grouping it has no column for) is refused with invalid_argument.
struct ReportOptions {
  std::optional<Date> start{};  ///< First day of the range (inclusive); unset: from the earliest record.
  std::optional<Date> end{};    ///< Last day of the range (inclusive); unset: to the latest record.
  std::string owner{};          ///< Only records of this user.
  PipelineId pipeline{};        ///< Only deals of this pipeline.
  /// Only records in this saved segment: a segment of the report's records,
  /// or of accounts (records of those accounts) or contacts (records of
  /// those people) where the report's records have one.
  SegmentId segment{};
  ReportInterval interval = ReportInterval::month;  ///< Periods of forecast, leads and activities.
  ReportGroup group = ReportGroup::owner;           ///< Rows of win_rates, leads and lead_conversion.
  int days = 0;                 ///< N of at_risk_accounts (default 90) and upcoming_birthdays (default 7).
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

  /// The report names run() takes, in the order below.
  static std::vector<std::string> names();
  /// The report called `name` (one of names()); invalid_argument listing
  /// the names for any other.
  Report run(std::string_view name, const ReportOptions& options = {}) const;

  /// "pipeline_by_stage": each active stage of each pipeline (or of
  /// options.pipeline) in order, with deals whose date is in the range.
  /// Columns: pipeline, stage, stage_kind (text), position, deals (integer),
  /// amount, weighted_amount (decimal: amount x probability / 100).
  Report pipeline_by_stage(const ReportOptions& options = {}) const;
  /// "forecast": per period of the deals' dates (options.interval), won and
  /// open deals (lost ones do not count). Columns: period ("2025-03",
  /// "2025-Q1", "2025-W09"), period_start, period_end (date), won_deals,
  /// open_deals (integer), committed (won amount), weighted (open amount x
  /// probability), best_case (committed + open amount) (decimal).
  Report forecast(const ReportOptions& options = {}) const;
  /// "win_rates": deals closed in the range, per options.group (owner,
  /// lead_source, product or campaign; a deal counts under each product of
  /// its line items, with that product's line totals as its amount). Columns:
  /// group (text, null for none), won, lost (integer), win_rate (real 0..1,
  /// null without closed deals), won_amount, average_deal (decimal),
  /// average_cycle_days (real: creation day to close day of won deals;
  /// deals closed before they were recorded, as imported history, left out).
  /// By won_amount, largest first, then group.
  Report win_rates(const ReportOptions& options = {}) const;
  /// "funnel": the open and won stages of one pipeline (options.pipeline or
  /// the default) in order, over deals created in the range, from the stage
  /// history. A deal reached a stage when it ever was in it or in a later
  /// one (won counts as last), so the counts never grow down the funnel.
  /// Columns: stage (text), position, reached (integer), conversion (real:
  /// reached of the next stage / reached here; null on the last),
  /// average_days (real: mean length of finished stays in the stage),
  /// current (integer: deals in the stage now).
  Report funnel(const ReportOptions& options = {}) const;
  /// "leads": leads created in the range per period and options.group
  /// (lead_source, campaign, industry, job_title or owner), every group in
  /// every period. Columns: period (text), period_start (date), group (text,
  /// null for none), leads, converted (integer), conversion_rate (real, null
  /// without leads).
  Report leads(const ReportOptions& options = {}) const;
  /// "lead_conversion": leads created in the range per options.group.
  /// Columns: group, leads, converted, conversion_rate. By leads, most first.
  Report lead_conversion(const ReportOptions& options = {}) const;
  /// "campaign_return": campaigns starting in the range (undated ones only
  /// without a range). Columns: rank (integer, by roi, best first; campaigns
  /// without cost last), campaign, channel (text), cost (decimal, converted
  /// on its start day), leads (integer: leads of the campaign), cost_per_lead
  /// (decimal, null without leads), won_deals (integer), won_revenue
  /// (decimal), roi (real: (won_revenue - cost) / cost, null without cost).
  Report campaign_return(const ReportOptions& options = {}) const;
  /// "activities_per_week": activities (not cancelled) starting in the range
  /// per ISO week and owner, every owner in every week. Columns: week
  /// ("2025-W09"), week_start (date, Monday), owner (text), call, meeting,
  /// email, task, note, sms, total (integer).
  Report activities_per_week(const ReportOptions& options = {}) const;
  /// "overdue_tasks": planned tasks due before as_of (and in the range) per
  /// owner. Columns: owner (text), overdue (integer), oldest_due (date),
  /// most_days_overdue (integer). Most overdue first.
  Report overdue_tasks(const ReportOptions& options = {}) const;
  /// "at_risk_accounts": live accounts with no activity (of the account, its
  /// deals or its contacts) in the options.days days up to as_of. Columns:
  /// account_id (integer), account, owner (text), last_activity (date, null
  /// for never), days_since (integer, null for never), open_deals (integer),
  /// open_amount (decimal). Never-touched first, then longest silent.
  Report at_risk_accounts(const ReportOptions& options = {}) const;
  /// "upcoming_birthdays": live contacts whose birthday falls in the
  /// options.days days from as_of (29 February on 28 February in common
  /// years). Columns: contact_id (integer), name (text), account (text:
  /// current employer, null for none), next_birthday (date), turns (integer,
  /// null without a birth year), days_until (integer). Soonest first.
  Report upcoming_birthdays(const ReportOptions& options = {}) const;
  /// "open_pipeline_history": per month end in the range (default: the 12
  /// month ends up to as_of), the deals open at the end of that day as the
  /// stage history shows them, with the amount and probability of their
  /// last change then, converted on the month end. Columns: month_end
  /// (date), open_deals (integer), open_amount, weighted_amount (decimal).
  Report open_pipeline_history(const ReportOptions& options = {}) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Reports(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
