// Reports rebuilt from the deals' stage history: the funnel, and the open
// pipeline at past month ends.
#include <map>
#include <unordered_map>

#include "crm/error.hpp"
#include "report/deal_subject.hpp"
#include "report/report_registry.hpp"
#include "report/report_result.hpp"
#include "storage/session.hpp"

namespace crm {

using namespace detail;

namespace {

using boost::gregorian::days;

struct FunnelStage {
  std::string name;
  std::int64_t position = 0;
  std::int64_t reached = 0, current = 0;
  double stay_days = 0;
  std::int64_t stays = 0;
};

PipelineId funnel_pipeline(Session& session, PipelineId chosen) {
  if (chosen) return chosen;
  auto statement = session.prepare("SELECT id FROM pipelines WHERE is_default = 1");
  if (!statement->executeStep()) throw Error(ErrorCode::not_found, "pipeline: there is no default pipeline", "pipeline");
  return PipelineId(statement->getColumn(0).getInt64());
}

// The open and won stages of `pipeline`, open ones first, each by position;
// `index` maps a stage id to its place.
std::vector<FunnelStage> funnel_stages(Session& session, PipelineId pipeline,
                                       std::unordered_map<std::int64_t, std::size_t>& index) {
  auto statement = session.prepare(
      "SELECT id, name, position FROM stages WHERE pipeline_id = ? AND removed_at IS NULL AND kind <> 'lost' "
      "ORDER BY kind = 'won', position");
  statement->bind(1, pipeline.value());
  std::vector<FunnelStage> stages;
  while (statement->executeStep()) {
    index[statement->getColumn(0).getInt64()] = stages.size();
    stages.push_back({statement->getColumn(1).getString(), statement->getColumn(2).getInt64()});
  }
  if (stages.empty())
    throw Error(ErrorCode::not_found, "pipeline: no pipeline " + std::to_string(pipeline.value()), "pipeline");
  return stages;
}

double days_between(const std::string& from, const std::string& to) {
  return static_cast<double>((parse_instant(to) - parse_instant(from)).total_seconds()) / 86400.0;
}

// One stage change as the history reports read it.
struct Change {
  std::int64_t deal = 0, stage = 0;
  std::string at;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::int64_t probability = 0;
};

// Calls `deal(changes)` with each deal's changes, oldest first, of the deals `where` selects.
template <class PerDeal>
void for_each_history(Session& session, const SqlConditions& where, PerDeal&& deal) {
  const std::string sql =
      "SELECT c.opportunity_id, c.to_stage_id, c.changed_at, c.amount_minor, c.currency, c.probability FROM "
      "stage_changes c JOIN opportunities o ON o.id = c.opportunity_id WHERE o.deleted_at IS NULL" +
      where.and_terms() + " ORDER BY c.opportunity_id, c.changed_at, c.id";
  std::vector<Change> changes;
  for_each_row(session.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
    Change change{row.getColumn(0).getInt64(), row.getColumn(1).getInt64(), row.getColumn(2).getString(),
                  row.getColumn(3).getInt64(), row.getColumn(4).getString(), row.getColumn(5).getInt64()};
    if (!changes.empty() && changes.back().deal != change.deal) {
      deal(changes);
      changes.clear();
    }
    changes.push_back(std::move(change));
  });
  if (!changes.empty()) deal(changes);
}

void count_funnel(std::vector<FunnelStage>& stages, const std::unordered_map<std::int64_t, std::size_t>& index,
                  const std::vector<Change>& changes) {
  std::optional<std::size_t> furthest;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto place = index.find(changes[i].stage);
    if (place == index.end()) continue;
    if (!furthest || place->second > *furthest) furthest = place->second;
    if (i + 1 == changes.size()) continue;  // still there: not a finished stay
    stages[place->second].stay_days += days_between(changes[i].at, changes[i + 1].at);
    ++stages[place->second].stays;
  }
  if (furthest)
    for (std::size_t k = 0; k <= *furthest; ++k) ++stages[k].reached;
}

// The month ends of the range, or the 12 up to `today`.
std::vector<Date> month_ends(const ReportOptions& options, const Date& today) {
  std::vector<Date> ends;
  if (options.start || options.end) {
    const Date first = options.start ? *options.start : (options.end->end_of_month() - boost::gregorian::months(11)).end_of_month();
    const Date last = options.end ? *options.end : today;
    for (Date end = first.end_of_month(); end <= last; end = (end + days(1)).end_of_month()) ends.push_back(end);
    return ends;
  }
  Date last = today == today.end_of_month() ? today : Date(today.year(), today.month(), 1) - days(1);
  for (int i = 0; i < 12; ++i) {
    ends.insert(ends.begin(), last);
    last = Date(last.year(), last.month(), 1) - days(1);
  }
  return ends;
}

struct MonthEndCells {
  std::int64_t deals = 0;
  MoneySum amount, weighted;
};

std::unordered_map<std::int64_t, bool> open_stages(Session& session) {
  std::unordered_map<std::int64_t, bool> open;
  auto statement = session.prepare("SELECT id, kind = 'open' FROM stages");
  while (statement->executeStep()) open[statement->getColumn(0).getInt64()] = statement->getColumn(1).getInt() != 0;
  return open;
}

}  // namespace

Report Reports::funnel(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::funnel, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    const PipelineId pipeline = funnel_pipeline(session_, options.pipeline);
    std::unordered_map<std::int64_t, std::size_t> index;
    std::vector<FunnelStage> stages = funnel_stages(session_, pipeline, index);
    SqlConditions where = scope_conditions(session_, options, deal_subject(name));
    add_instant_range(where, options, "o.created_at");
    where.add("o.pipeline_id = :funnel_pipeline", ":funnel_pipeline", pipeline.value());
    for_each_history(session_, where, [&](const std::vector<Change>& changes) { count_funnel(stages, index, changes); });
    for_each_row(session_.prepare("SELECT o.stage_id, count(*) FROM opportunities o WHERE o.deleted_at IS NULL" +
                                  where.and_terms() + " GROUP BY o.stage_id"),
                 where.parameters, [&](SQLite::Statement& row) {
                   const auto place = index.find(row.getColumn(0).getInt64());
                   if (place != index.end()) stages[place->second].current = row.getColumn(1).getInt64();
                 });
    Table table(report.table_columns());
    for (std::size_t i = 0; i < stages.size(); ++i) {
      const FunnelStage& stage = stages[i];
      table.add_row();
      table.set_text(0, stage.name);
      table.set_integer(1, stage.position);
      table.set_integer(2, stage.reached);
      if (i + 1 < stages.size())
        set_ratio(table, 3, static_cast<double>(stages[i + 1].reached), static_cast<double>(stage.reached));
      set_ratio(table, 4, stage.stay_days, static_cast<double>(stage.stays));
      table.set_integer(5, stage.current);
    }
    return finished_report(name, base, std::move(table));
  });
}

Report Reports::open_pipeline_history(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::open_pipeline_history, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    const std::vector<Date> ends = month_ends(options, report_day(session_, options));
    const std::unordered_map<std::int64_t, bool> open = open_stages(session_);
    std::vector<std::string> cutoffs;  // a month end's changes sort before the next day
    for (const Date& end : ends) cutoffs.push_back(format_date(end + days(1)));
    std::vector<MonthEndCells> cells(ends.size());
    const SqlConditions where = scope_conditions(session_, options, deal_subject(name));
    for_each_history(session_, where, [&](const std::vector<Change>& changes) {
      std::size_t next = 0;  // the first change after the month end
      for (std::size_t m = 0; m < ends.size(); ++m) {
        while (next < changes.size() && changes[next].at < cutoffs[m]) ++next;
        if (next == 0) continue;
        const Change& last = changes[next - 1];
        const auto stage = open.find(last.stage);
        if (stage == open.end() || !stage->second) continue;
        const auto rate = base.rate_id(last.currency, ends[m]);
        ++cells[m].deals;
        cells[m].amount.add(last.currency, rate, ends[m], last.amount_minor);
        cells[m].weighted.add(last.currency, rate, ends[m], divide_rounded(last.amount_minor * last.probability, 100));
      }
    });
    Table table(report.table_columns());
    for (std::size_t m = 0; m < ends.size(); ++m) {
      table.add_row();
      table.set_text(0, format_date(ends[m]));
      table.set_integer(1, cells[m].deals);
      table.set_money(2, base.money(base.total(cells[m].amount)));
      table.set_money(3, base.money(base.total(cells[m].weighted)));
    }
    return finished_report(name, base, std::move(table));
  });
}

}  // namespace crm
