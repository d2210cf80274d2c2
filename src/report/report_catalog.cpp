// The one list of reports: each report's name, what it shows, the options it
// accepts, its columns, and the method that runs it. Every surface (C++,
// the C ABI, Python, the crm program) reads it.
#include "crm/report_catalog.hpp"

#include <algorithm>
#include <array>

#include "common/enum_names.hpp"
#include "crm/error.hpp"
#include "report/report_registry.hpp"
#include "segment/segment_store.hpp"
#include "storage/session.hpp"

namespace crm {
namespace {

using detail::ReportMethod;
using O = ReportOption;
using T = ColumnType;

constexpr detail::EnumName<ReportOption> kOptionNames[] = {
    {O::start, "start"},       {O::end, "end"},         {O::as_of, "as_of"},
    {O::owner, "owner"},       {O::pipeline, "pipeline"}, {O::segment, "segment"},
    {O::interval, "interval"}, {O::group, "group"},     {O::days, "days"}};

constexpr detail::EnumName<ReportOption> kOptionDocs[] = {
    {O::start, "First day of the range (inclusive); unset: from the earliest record."},
    {O::end, "Last day of the range (inclusive); unset: to the latest record."},
    {O::as_of, "The report's today; unset: today by the connection's clock (UTC)."},
    {O::owner, "Only records of this user."},
    {O::pipeline, "Only deals of this pipeline."},
    {O::segment, "Only records in this saved segment, of one of the kinds the report takes."},
    {O::interval, "The length of the periods: week (ISO), month (the default) or quarter."},
    {O::group, "What the rows stand for: one of the groupings the report takes, owner by default."},
    {O::days, "The number of days the report looks at; 0: the report's default."}};

constexpr detail::EnumName<ColumnType> kColumnTypes[] = {
    {T::integer, "integer"}, {T::real, "real"},         {T::text, "text"},
    {T::date, "date"},       {T::instant, "instant"}, {T::decimal, "decimal"}};

// A column of the catalog.
ReportColumnInfo column(std::string name, ColumnType type, std::string doc) {
  return {std::move(name), type, std::move(doc)};
}

// The columns shared by leads and lead_conversion, after their own.
void add_lead_counts(std::vector<ReportColumnInfo>& columns) {
  columns.push_back(column("leads", T::integer, "Leads created."));
  columns.push_back(column("converted", T::integer, "Those of them converted."));
  columns.push_back(column("conversion_rate", T::real, "converted / leads; null without leads."));
}

// One report: its description and the method that runs it.
struct Entry {
  ReportMethod method;
  ReportInfo info;
};

std::vector<Entry> make_entries() {
  const std::vector<ReportOption> deal_options{O::start, O::end, O::as_of, O::owner, O::pipeline, O::segment};
  const std::vector<RecordKind> deal_kinds{RecordKind::opportunity, RecordKind::account, RecordKind::contact};
  const std::vector<RecordKind> activity_kinds{RecordKind::account, RecordKind::contact, RecordKind::opportunity,
                                               RecordKind::lead};
  const std::vector<ReportGroup> lead_groups{ReportGroup::lead_source, ReportGroup::campaign, ReportGroup::industry,
                                             ReportGroup::job_title, ReportGroup::owner};
  const std::string period_doc = "The period: \"2025-03\" (month), \"2025-Q1\" (quarter) or \"2025-W09\" (ISO week).";

  std::vector<Entry> entries;
  entries.push_back({&Reports::pipeline_by_stage,
                     {.name = "pipeline_by_stage",
                      .title = "deals per stage of each pipeline: count, amount, weighted amount",
                      .summary = "Each active stage of each pipeline (or of the pipeline option) in order, with the "
                                 "deals whose date is in the range.",
                      .options = deal_options,
                      .segment_kinds = deal_kinds,
                      .columns = {column("pipeline", T::text, "The pipeline's name."),
                                  column("stage", T::text, "The stage's name."),
                                  column("stage_kind", T::text, "open, won or lost."),
                                  column("position", T::integer, "The stage's place in its pipeline."),
                                  column("deals", T::integer, "Deals in the stage."),
                                  column("amount", T::decimal, "Their amount."),
                                  column("weighted_amount", T::decimal, "Their amount x probability / 100.")}}});
  entries.push_back({&Reports::forecast,
                     {.name = "forecast",
                      .title = "won, weighted open and best-case amounts per interval of the deals' dates",
                      .summary = "Per period (interval) of the deals' dates, the won and open deals (lost ones do not "
                                 "count); every period of the range, empty ones as zero.",
                      .options = {O::start, O::end, O::as_of, O::owner, O::pipeline, O::segment, O::interval},
                      .segment_kinds = deal_kinds,
                      .columns = {column("period", T::text, period_doc),
                                  column("period_start", T::date, "Its first day."),
                                  column("period_end", T::date, "Its last day."),
                                  column("won_deals", T::integer, "Deals won in it."),
                                  column("open_deals", T::integer, "Open deals dated in it."),
                                  column("committed", T::decimal, "The won amount."),
                                  column("weighted", T::decimal, "The open amount x probability / 100."),
                                  column("best_case", T::decimal, "committed + the open amount.")}}});
  entries.push_back(
      {&Reports::win_rates,
       {.name = "win_rates",
        .title = "won and lost deals, win rate, average deal and sales cycle per group",
        .summary = "Deals closed in the range per group; by product a deal counts under each product of its line "
                   "items, with that product's line totals as its amount. By won_amount, largest first, then group.",
        .options = {O::start, O::end, O::as_of, O::owner, O::pipeline, O::segment, O::group},
        .groups = {ReportGroup::owner, ReportGroup::lead_source, ReportGroup::product, ReportGroup::campaign},
        .segment_kinds = deal_kinds,
        .columns = {column("group", T::text, "The owner, lead source, product or campaign; null for none."),
                    column("won", T::integer, "Deals won."),
                    column("lost", T::integer, "Deals lost."),
                    column("win_rate", T::real, "won / (won + lost), 0..1; null without closed deals."),
                    column("won_amount", T::decimal, "The amount of the won deals."),
                    column("average_deal", T::decimal, "won_amount / won; null without won deals."),
                    column("average_cycle_days", T::real,
                           "Mean days from creation to close of the won deals (deals closed before they were "
                           "recorded, as imported history, left out); null without such deals.")}}});
  entries.push_back(
      {&Reports::funnel,
       {.name = "funnel",
        .title = "deals that reached each stage of a pipeline, conversion and days spent there",
        .summary = "The open and won stages of one pipeline (the pipeline option or the default) in order, over the "
                   "deals created in the range, from the stage history. A deal reached a stage when it ever was in it "
                   "or in a later one (won counts as last), so the counts never grow down the funnel.",
        .options = deal_options,
        .segment_kinds = deal_kinds,
        .columns = {column("stage", T::text, "The stage's name."),
                    column("position", T::integer, "Its place in the pipeline."),
                    column("reached", T::integer, "Deals that reached it."),
                    column("conversion", T::real,
                           "reached of the next stage / reached here; null on the last stage or without deals."),
                    column("average_days", T::real, "Mean length in days of finished stays in the stage; null "
                                                    "without any."),
                    column("current", T::integer, "Deals in the stage now.")}}});
  {
    std::vector<ReportColumnInfo> columns{
        column("period", T::text, period_doc), column("period_start", T::date, "Its first day."),
        column("group", T::text, "The lead source, campaign, industry, job title or owner; null for none.")};
    add_lead_counts(columns);
    entries.push_back({&Reports::leads,
                       {.name = "leads",
                        .title = "leads created per interval and group, and how many converted",
                        .summary = "Leads created in the range per period (interval) and group, every group in every "
                                   "period.",
                        .options = {O::start, O::end, O::as_of, O::owner, O::segment, O::interval, O::group},
                        .groups = lead_groups,
                        .segment_kinds = {RecordKind::lead},
                        .columns = std::move(columns)}});
  }
  {
    std::vector<ReportColumnInfo> columns{
        column("group", T::text, "The lead source, campaign, industry, job title or owner; null for none.")};
    add_lead_counts(columns);
    entries.push_back({&Reports::lead_conversion,
                       {.name = "lead_conversion",
                        .title = "leads and their conversion rate per group",
                        .summary = "Leads created in the range per group, most leads first.",
                        .options = {O::start, O::end, O::as_of, O::owner, O::segment, O::group},
                        .groups = lead_groups,
                        .segment_kinds = {RecordKind::lead},
                        .columns = std::move(columns)}});
  }
  entries.push_back(
      {&Reports::campaign_return,
       {.name = "campaign_return",
        .title = "campaigns ranked by return: cost, leads, cost per lead, won deals and revenue, ROI",
        .summary = "Campaigns starting in the range (undated ones only without a range), ranked by return on "
                   "investment, best first, campaigns without cost last. The owner is the campaign's; a segment of "
                   "leads narrows the leads counted, one of deals, accounts or contacts the won deals, and so does a "
                   "pipeline.",
        .options = deal_options,
        .segment_kinds = {RecordKind::lead, RecordKind::opportunity, RecordKind::account, RecordKind::contact},
        .columns = {column("rank", T::integer, "The place by roi, 1 first."),
                    column("campaign", T::text, "The campaign's name."),
                    column("channel", T::text, "Its channel."),
                    column("cost", T::decimal, "Its cost, converted on its start day."),
                    column("leads", T::integer, "Leads of the campaign."),
                    column("cost_per_lead", T::decimal, "cost / leads; null without leads."),
                    column("won_deals", T::integer, "Won deals of the campaign."),
                    column("won_revenue", T::decimal, "Their amount."),
                    column("roi", T::real, "(won_revenue - cost) / cost; null without cost.")}}});
  entries.push_back(
      {&Reports::activities_per_week,
       {.name = "activities_per_week",
        .title = "calls, meetings, emails, tasks, notes and sms per owner and ISO week",
        .summary = "Activities (not cancelled) starting in the range per ISO week and owner, every owner in every "
                   "week.",
        .options = {O::start, O::end, O::as_of, O::owner, O::segment},
        .segment_kinds = activity_kinds,
        .columns = {column("week", T::text, "The ISO week (\"2025-W09\")."),
                    column("week_start", T::date, "Its Monday."),
                    column("owner", T::text, "The activities' owner; null for none."),
                    column("call", T::integer, "Calls."),
                    column("meeting", T::integer, "Meetings."),
                    column("email", T::integer, "Emails."),
                    column("task", T::integer, "Tasks."),
                    column("note", T::integer, "Notes."),
                    column("sms", T::integer, "Text messages."),
                    column("total", T::integer, "All of them.")}}});
  entries.push_back({&Reports::overdue_tasks,
                     {.name = "overdue_tasks",
                      .title = "planned tasks past their due day per owner",
                      .summary = "Planned tasks due before as_of (and in the range) per owner, the owner of the oldest "
                                 "first.",
                      .options = {O::start, O::end, O::as_of, O::owner, O::segment},
                      .segment_kinds = activity_kinds,
                      .columns = {column("owner", T::text, "The tasks' owner; null for none."),
                                  column("overdue", T::integer, "Planned tasks due before as_of."),
                                  column("oldest_due", T::date, "The due day of the oldest."),
                                  column("most_days_overdue", T::integer, "Days from it to as_of.")}}});
  entries.push_back(
      {&Reports::at_risk_accounts,
       {.name = "at_risk_accounts",
        .title = "accounts nobody has been in touch with lately",
        .summary = "Live accounts with no activity (of the account, its deals or its contacts) in the last days "
                   "(the days option) up to as_of. Never-touched first, then the longest silent.",
        .options = {O::as_of, O::owner, O::segment, O::days},
        .segment_kinds = {RecordKind::account},
        .default_days = 90,
        .columns = {column("account_id", T::integer, "The account's id."),
                    column("account", T::text, "Its name."),
                    column("owner", T::text, "Its owner; null for none."),
                    column("last_activity", T::date, "The day of its last activity; null for never."),
                    column("days_since", T::integer, "Days from it to as_of; null for never."),
                    column("open_deals", T::integer, "Its open deals."),
                    column("open_amount", T::decimal, "Their amount.")}}});
  entries.push_back(
      {&Reports::upcoming_birthdays,
       {.name = "upcoming_birthdays",
        .title = "contacts whose birthday comes in the next few days",
        .summary = "Live contacts whose birthday falls in the days (the days option) from as_of (29 February on 28 "
                   "February in common years). Soonest first.",
        .options = {O::as_of, O::owner, O::segment, O::days},
        .segment_kinds = {RecordKind::contact, RecordKind::account},
        .default_days = 7,
        .columns = {column("contact_id", T::integer, "The contact's id."),
                    column("name", T::text, "Their name."),
                    column("account", T::text, "Their current employer; null for none."),
                    column("next_birthday", T::date, "The day of the next birthday."),
                    column("turns", T::integer, "The age they turn; null without a birth year."),
                    column("days_until", T::integer, "Days from as_of to it.")}}});
  entries.push_back(
      {&Reports::open_pipeline_history,
       {.name = "open_pipeline_history",
        .title = "open deals and their value at each month end, from the stage history",
        .summary = "Per month end in the range (default: the 12 month ends up to as_of), the deals open at the end "
                   "of that day as the stage history shows them, with the amount and probability of their last "
                   "change then, converted on the month end.",
        .options = deal_options,
        .segment_kinds = deal_kinds,
        .columns = {column("month_end", T::date, "The month's last day."),
                    column("open_deals", T::integer, "Deals open at its end."),
                    column("open_amount", T::decimal, "Their amount."),
                    column("weighted_amount", T::decimal, "Their amount x probability / 100.")}}});
  return entries;
}

const std::vector<Entry>& entries() {
  static const std::vector<Entry> all = make_entries();
  return all;
}

std::string report_text(const ReportInfo& report) { return "report " + report.name; }

template <class Item, class Name>
std::string joined(const std::vector<Item>& items, Name&& name) {
  std::string text;
  for (const Item& item : items) text += (text.empty() ? "" : ", ") + std::string(name(item));
  return text;
}

[[noreturn]] void refuse(const ReportInfo& report, ReportOption option, const std::string& what) {
  const std::string field(report_option_name(option));
  throw Error(ErrorCode::invalid_argument, field + ": " + report_text(report) + " " + what, field);
}

void check_segment(detail::Session& session, const ReportInfo& report, SegmentId segment) {
  if (!report.accepts(O::segment)) refuse(report, O::segment, "does not take a segment");
  const RecordKind kind = detail::load_segment(session, segment).record_kind;
  if (std::find(report.segment_kinds.begin(), report.segment_kinds.end(), kind) == report.segment_kinds.end())
    refuse(report, O::segment,
           "takes a segment of " + joined(report.segment_kinds, record_kind_name) + ", not of " +
               std::string(record_kind_name(kind)));
}

void check_group(const ReportInfo& report, ReportGroup group) {
  if (std::find(report.groups.begin(), report.groups.end(), group) != report.groups.end()) return;
  if (report.groups.empty() && group == ReportGroup::owner) return;  // the default of every report
  if (report.groups.empty()) refuse(report, O::group, "has no groups");
  refuse(report, O::group,
         "groups by " + joined(report.groups, report_group_name) + ", not by " + std::string(report_group_name(group)));
}

}  // namespace

std::string_view column_type_name(ColumnType type) noexcept { return detail::name_of<ColumnType>(kColumnTypes, type); }

std::string_view report_option_name(ReportOption option) noexcept {
  return detail::name_of<ReportOption>(kOptionNames, option);
}

std::optional<ReportOption> report_option_from_name(std::string_view name) noexcept {
  return detail::from_name<ReportOption>(kOptionNames, name);
}

std::string_view report_option_doc(ReportOption option) noexcept {
  return detail::name_of<ReportOption>(kOptionDocs, option);
}

bool ReportInfo::accepts(ReportOption option) const noexcept {
  return std::find(options.begin(), options.end(), option) != options.end();
}

std::string ReportInfo::option_doc(ReportOption option) const {
  std::string doc(report_option_doc(option));
  if (option == O::group) doc += " Here: " + joined(groups, report_group_name) + ".";
  if (option == O::segment) doc += " Here: of " + joined(segment_kinds, record_kind_name) + ".";
  if (option == O::days) doc += " Default here: " + std::to_string(default_days) + ".";
  return doc;
}

std::vector<Column> ReportInfo::table_columns() const {
  std::vector<Column> table;
  for (const ReportColumnInfo& c : columns) table.push_back({c.name, c.type});
  return table;
}

const std::vector<ReportInfo>& report_catalog() {
  static const std::vector<ReportInfo> catalog = [] {
    std::vector<ReportInfo> infos;
    for (const Entry& entry : entries()) infos.push_back(entry.info);
    return infos;
  }();
  return catalog;
}

const ReportInfo& report_info(std::string_view name) {
  for (const ReportInfo& report : report_catalog())
    if (report.name == name) return report;
  throw Error(ErrorCode::invalid_argument,
              "report: no report '" + std::string(name) + "'; the reports are " +
                  joined(report_catalog(), [](const ReportInfo& r) { return r.name; }),
              "report");
}

namespace detail {

ReportMethod report_method(const ReportInfo& report) {
  for (const Entry& entry : entries())
    if (entry.info.name == report.name) return entry.method;
  throw Error(ErrorCode::not_found, "report: no report '" + report.name + "'", "report");
}

const ReportInfo& checked_report(Session& session, ReportMethod method, const ReportOptions& options) {
  const auto entry = std::find_if(entries().begin(), entries().end(), [&](const Entry& e) { return e.method == method; });
  if (entry == entries().end()) throw Error(ErrorCode::not_found, "report: a report method without a catalog entry");
  // The catalog's vector of ReportInfo is in the entries' order.
  const ReportInfo& report = report_catalog()[static_cast<std::size_t>(entry - entries().begin())];
  if ((options.start || options.end) && !report.accepts(O::start))
    refuse(report, options.start ? O::start : O::end, "does not take a date range");
  if (!options.owner.empty() && !report.accepts(O::owner)) refuse(report, O::owner, "does not filter by owner");
  if (options.pipeline && !report.accepts(O::pipeline)) refuse(report, O::pipeline, "does not filter by pipeline");
  if (options.segment) check_segment(session, report, options.segment);
  check_group(report, options.group);
  if (options.days < 0)
    throw Error(ErrorCode::invalid_argument, "days: " + std::to_string(options.days) + " is negative", "days");
  return report;
}

int report_days(const ReportInfo& report, const ReportOptions& options) {
  return options.days == 0 ? report.default_days : options.days;
}

}  // namespace detail
}  // namespace crm
