// Reports over leads and campaigns: leads per period, lead conversion,
// campaign return.
#include <algorithm>
#include <map>
#include <set>

#include "crm/error.hpp"
#include "report/deal_subject.hpp"
#include "report/periods.hpp"
#include "report/report_registry.hpp"
#include "report/report_result.hpp"
#include "segment/segment_store.hpp"
#include "storage/session.hpp"

namespace crm {

using namespace detail;

namespace {

ReportSubject lead_subject(std::string_view report) { return {report, "l.owner", "", {{RecordKind::lead, "l.id"}}}; }

std::string lead_group_sql(ReportGroup group) {
  switch (group) {
    case ReportGroup::lead_source: return "(SELECT name FROM lead_sources WHERE id = l.lead_source_id)";
    case ReportGroup::campaign: return "(SELECT name FROM campaigns WHERE id = l.campaign_id)";
    case ReportGroup::industry: return "nullif(l.industry, '')";
    case ReportGroup::job_title: return "nullif(l.job_title, '')";
    default: return "l.owner";
  }
}

struct LeadCount {
  std::int64_t leads = 0, converted = 0;
};

// Leads created in the range, per day and group; `groups` collects the groups seen.
std::map<std::pair<Date, std::optional<std::string>>, LeadCount> leads_per_day(
    Session& session, const ReportOptions& options, std::string_view report, std::set<std::optional<std::string>>& groups) {
  SqlConditions where = scope_conditions(session, options, lead_subject(report));
  add_instant_range(where, options, "l.created_at");
  const std::string sql = "SELECT substr(l.created_at, 1, 10) AS day, " + lead_group_sql(options.group) +
                          " AS grp, count(*), count(l.converted_at) FROM leads l WHERE l.deleted_at IS NULL" +
                          where.and_terms() + " GROUP BY day, grp";
  std::map<std::pair<Date, std::optional<std::string>>, LeadCount> counts;
  for_each_row(session.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
    const std::optional<std::string> group = optional_text(row, 1);
    groups.insert(group);
    counts[{day_column(row, 0), group}] = {row.getColumn(2).getInt64(), row.getColumn(3).getInt64()};
  });
  return counts;
}

void set_lead_counts(Table& table, std::size_t first, const LeadCount& count) {
  table.set_integer(first, count.leads);
  table.set_integer(first + 1, count.converted);
  set_ratio(table, first + 2, static_cast<double>(count.converted), static_cast<double>(count.leads));
}

struct CampaignLine {
  std::int64_t id = 0;
  std::string name, channel;
  MoneySum cost_sum, revenue_sum;
  std::int64_t leads = 0, won_deals = 0;
  std::int64_t cost = 0, revenue = 0;
  std::optional<double> roi;
};

// Splits options for campaign_return: the owner is the campaign's; a segment
// of leads narrows the leads, one of deals, accounts or contacts the deals.
std::pair<ReportOptions, ReportOptions> deal_and_lead_options(Session& session, const ReportOptions& options) {
  ReportOptions deals = options, leads = options;
  deals.owner.clear();
  leads.owner.clear();
  leads.pipeline = {};
  deals.start = deals.end = leads.start = leads.end = std::nullopt;
  if (options.segment) {
    const bool of_leads = load_segment(session, options.segment).record_kind == RecordKind::lead;
    (of_leads ? deals : leads).segment = {};
  }
  return {deals, leads};
}

std::vector<CampaignLine> campaigns_in_range(Session& session, const ReportOptions& options, std::string_view report,
                                             BaseCurrency& base, const ReportOptions& lead_options) {
  SqlConditions where;
  if (!options.owner.empty()) where.add("c.owner = :owner", ":owner", options.owner);
  add_day_range(where, options, "c.starts_on");
  const SqlConditions leads = scope_conditions(session, lead_options, lead_subject(report));
  for (const SqlParameter& parameter : leads.parameters) where.parameters.push_back(parameter);
  where.parameters.push_back(base.parameter());
  const std::string day = "coalesce(c.starts_on, substr(c.created_at, 1, 10))";
  const std::string sql = "SELECT c.id, c.name, c.channel, c.currency, " + base.rate_id_sql("c.currency", day) + ", " +
                          day + ", c.cost_minor, (SELECT count(*) FROM leads l WHERE l.campaign_id = c.id AND "
                          "l.deleted_at IS NULL" + leads.and_terms() + ") FROM campaigns c WHERE 1" + where.and_terms();
  std::vector<CampaignLine> lines;
  for_each_row(session.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
    CampaignLine line;
    line.id = row.getColumn(0).getInt64();
    line.name = row.getColumn(1).getString();
    line.channel = row.getColumn(2).getString();
    line.cost_sum.add(row.getColumn(3).getString(), optional_id(row, 4), day_column(row, 5), row.getColumn(6).getInt64());
    line.leads = row.getColumn(7).getInt64();
    lines.push_back(std::move(line));
  });
  return lines;
}

void add_won_deals(Session& session, const ReportOptions& deal_options, std::string_view report, BaseCurrency& base,
                   std::vector<CampaignLine>& lines) {
  std::map<std::int64_t, CampaignLine*> by_id;
  for (CampaignLine& line : lines) by_id[line.id] = &line;
  const SqlConditions where = deal_conditions(session, deal_options, report, {}, base);
  const std::string sql = deal_totals_sql(base, "o.campaign_id", "opportunities o JOIN stages s ON s.id = o.stage_id",
                                          where, " AND s.kind = 'won' AND o.campaign_id IS NOT NULL");
  for_each_row(session.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
    const auto line = by_id.find(row.getColumn(0).getInt64());
    if (line == by_id.end()) return;
    DealTotals won;
    won.add(row, 1);
    line->second->won_deals += won.deals;
    line->second->revenue_sum.add(won.amount);
  });
}

}  // namespace

Report Reports::leads(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::leads, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    std::set<std::optional<std::string>> groups;
    const auto counts = leads_per_day(session_, options, name, groups);
    const auto range = report_range(options, counts.empty() ? std::nullopt : std::optional(counts.begin()->first.first),
                                    counts.empty() ? std::nullopt : std::optional(counts.rbegin()->first.first));
    Table table(report.table_columns());
    if (!range) return finished_report(name, base, std::move(table));
    for (const ReportPeriod& period : periods_between(range->first, range->last, options.interval)) {
      std::map<std::optional<std::string>, LeadCount> cells;
      for (auto it = counts.lower_bound({period.first, std::nullopt}); it != counts.end() && it->first.first <= period.last; ++it) {
        cells[it->first.second].leads += it->second.leads;
        cells[it->first.second].converted += it->second.converted;
      }
      for (const auto& group : groups) {
        table.add_row();
        table.set_text(0, period.label);
        table.set_text(1, format_date(period.first));
        set_optional_text(table, 2, group);
        set_lead_counts(table, 3, cells[group]);
      }
    }
    return finished_report(name, base, std::move(table));
  });
}

Report Reports::lead_conversion(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::lead_conversion, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    std::set<std::optional<std::string>> groups;
    std::map<std::optional<std::string>, LeadCount> totals;
    for (const auto& [key, count] : leads_per_day(session_, options, name, groups)) {
      totals[key.second].leads += count.leads;
      totals[key.second].converted += count.converted;
    }
    std::vector<std::pair<std::optional<std::string>, LeadCount>> lines(totals.begin(), totals.end());
    std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.second.leads > b.second.leads; });
    Table table(report.table_columns());
    for (const auto& [group, count] : lines) {
      table.add_row();
      set_optional_text(table, 0, group);
      set_lead_counts(table, 1, count);
    }
    return finished_report(name, base, std::move(table));
  });
}

Report Reports::campaign_return(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::campaign_return, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    const auto [deal_options, lead_options] = deal_and_lead_options(session_, options);
    std::vector<CampaignLine> lines = campaigns_in_range(session_, options, name, base, lead_options);
    add_won_deals(session_, deal_options, name, base, lines);
    for (CampaignLine& line : lines) {
      line.cost = base.total(line.cost_sum);
      line.revenue = base.total(line.revenue_sum);
      if (line.cost > 0) line.roi = static_cast<double>(line.revenue - line.cost) / static_cast<double>(line.cost);
    }
    std::stable_sort(lines.begin(), lines.end(), [](const CampaignLine& a, const CampaignLine& b) {
      if (a.roi.has_value() != b.roi.has_value()) return a.roi.has_value();
      if (a.roi && *a.roi != *b.roi) return *a.roi > *b.roi;
      return a.name < b.name;
    });
    Table table(report.table_columns());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const CampaignLine& line = lines[i];
      table.add_row();
      table.set_integer(0, static_cast<std::int64_t>(i + 1));
      table.set_text(1, line.name);
      table.set_text(2, line.channel);
      table.set_money(3, base.money(line.cost));
      table.set_integer(4, line.leads);
      if (line.leads > 0) table.set_money(5, base.money(divide_rounded(line.cost, line.leads)));
      table.set_integer(6, line.won_deals);
      table.set_money(7, base.money(line.revenue));
      if (line.roi) table.set_real(8, *line.roi);
    }
    return finished_report(name, base, std::move(table));
  });
}

}  // namespace crm
