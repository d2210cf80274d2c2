// Reports over the deals as they stand: pipeline by stage, forecast, win rates.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "crm/error.hpp"
#include "report/deal_subject.hpp"
#include "report/periods.hpp"
#include "report/report_registry.hpp"
#include "report/report_result.hpp"
#include "storage/session.hpp"

namespace crm {

using namespace detail;

namespace {

struct StageRow {
  std::string pipeline, stage, kind;
  std::int64_t position = 0;
  DealTotals totals;
};

std::vector<StageRow> active_stages(Session& session, PipelineId pipeline, std::unordered_map<std::int64_t, std::size_t>& index) {
  std::vector<StageRow> rows;
  auto statement = session.prepare(
      "SELECT p.name, s.id, s.name, s.kind, s.position FROM stages s JOIN pipelines p ON p.id = s.pipeline_id "
      "WHERE s.removed_at IS NULL AND (?1 = 0 OR p.id = ?1) ORDER BY p.is_default DESC, p.name_key, s.position");
  statement->bind(1, pipeline.value());
  while (statement->executeStep()) {
    index[statement->getColumn(1).getInt64()] = rows.size();
    rows.push_back({statement->getColumn(0).getString(), statement->getColumn(2).getString(),
                    statement->getColumn(3).getString(), statement->getColumn(4).getInt64(), {}});
  }
  if (pipeline && rows.empty())
    throw Error(ErrorCode::not_found, "pipeline: no pipeline " + std::to_string(pipeline.value()), "pipeline");
  return rows;
}

// Whether each stage is a won stage.
std::unordered_map<std::int64_t, bool> won_stages(Session& session) {
  std::unordered_map<std::int64_t, bool> won;
  auto statement = session.prepare("SELECT id, kind = 'won' FROM stages");
  while (statement->executeStep()) won[statement->getColumn(0).getInt64()] = statement->getColumn(1).getInt() != 0;
  return won;
}

// The deals of one day, stage and currency, as the forecast sums them.
struct DealGroupKey {
  std::string day, currency;
  std::int64_t stage = 0;
  bool operator==(const DealGroupKey&) const = default;
};

struct DealGroupKeyHash {
  std::size_t operator()(const DealGroupKey& key) const noexcept {
    const std::size_t h = std::hash<std::string>()(key.day) * 31 + std::hash<std::string>()(key.currency);
    return h * 31 + std::hash<std::int64_t>()(key.stage);
  }
};

struct DealGroupSums {
  std::int64_t deals = 0, amount = 0, weighted = 0;
};

void add_money(std::int64_t& sum, std::int64_t minor) {
  if (__builtin_add_overflow(sum, minor, &sum)) throw Error(ErrorCode::invalid_argument, "report: a sum of money overflows");
}

// Forecast cells of one period.
struct ForecastCells {
  std::int64_t won_deals = 0, open_deals = 0;
  MoneySum committed, weighted, open_amount;
};

// The group a deal counts under in win_rates, as SQL over `o` (and `li`, the
// deal's products).
std::string win_group_sql(ReportGroup group) {
  switch (group) {
    case ReportGroup::owner: return "o.owner";
    case ReportGroup::lead_source: return "(SELECT name FROM lead_sources WHERE id = o.lead_source_id)";
    case ReportGroup::campaign: return "(SELECT name FROM campaigns WHERE id = o.campaign_id)";
    case ReportGroup::product: return "(SELECT name FROM products WHERE id = li.product_id)";
    default: return "NULL";
  }
}

struct WinCells {
  std::int64_t won = 0, lost = 0;
  double won_cycle_days = 0;
  std::int64_t won_with_cycle = 0;  // won deals recorded before they closed
  MoneySum won_amount;
};

}  // namespace

Report Reports::pipeline_by_stage(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::pipeline_by_stage, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    const SqlConditions where = deal_conditions(session_, options, name, kDealDaySql, base);
    std::unordered_map<std::int64_t, std::size_t> index;
    std::vector<StageRow> rows = active_stages(session_, options.pipeline, index);
    // From the stages through the deals' stage index: the groups come in order, nothing is sorted.
    const std::string sql = deal_totals_sql(base, "s.id", "stages s JOIN opportunities o ON o.stage_id = s.id", where);
    for_each_row(session_.prepare(sql), where.parameters,
                 [&](SQLite::Statement& row) {
                   const auto stage = index.find(row.getColumn(0).getInt64());
                   if (stage != index.end()) rows[stage->second].totals.add(row, 1);
                 });
    Table table(report.table_columns());
    for (const StageRow& row : rows) {
      table.add_row();
      table.set_text(0, row.pipeline);
      table.set_text(1, row.stage);
      table.set_text(2, row.kind);
      table.set_integer(3, row.position);
      table.set_integer(4, row.totals.deals);
      table.set_money(5, base.money(base.total(row.totals.amount)));
      table.set_money(6, base.money(base.total(row.totals.weighted)));
    }
    return finished_report(name, base, std::move(table));
  });
}

Report Reports::forecast(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::forecast, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    const SqlConditions where = deal_conditions(session_, options, name, kDealDaySql, base);
    // One scan of the live deals, summed per day, stage and currency here
    // rather than by an SQL GROUP BY: that sorts every row first, which is
    // most of the time on a connection whose temporary storage is in memory
    // (Session). The rate of each currency is then looked up once per day
    // (BaseCurrency caches it), not per deal.
    const std::string sql = "SELECT " + std::string(kDealDaySql) + ", o.stage_id, o.currency, o.amount_minor, " +
                            std::string(kWeightedAmountSql) +
                            " FROM opportunities o WHERE o.deleted_at IS NULL AND o.stage_id NOT IN (SELECT id FROM "
                            "stages WHERE kind = 'lost')" +
                            where.and_terms();
    // The statement converts nothing itself: it takes no base currency.
    std::vector<SqlParameter> parameters = where.parameters;
    std::erase_if(parameters, [&](const SqlParameter& parameter) { return parameter.name == base.parameter().name; });
    std::unordered_map<DealGroupKey, DealGroupSums, DealGroupKeyHash> groups;
    DealGroupKey key;
    for_each_row(session_.prepare(sql), parameters, [&](SQLite::Statement& row) {
      key.day.assign(row.getColumn(0).getText(), static_cast<std::size_t>(row.getColumn(0).getBytes()));
      key.stage = row.getColumn(1).getInt64();
      key.currency.assign(row.getColumn(2).getText(), static_cast<std::size_t>(row.getColumn(2).getBytes()));
      DealGroupSums& sums = groups[key];
      ++sums.deals;
      add_money(sums.amount, row.getColumn(3).getInt64());
      add_money(sums.weighted, row.getColumn(4).getInt64());
    });
    const std::unordered_map<std::int64_t, bool> won = won_stages(session_);
    // By day for weeks; by month for months and quarters (a period never splits one).
    std::map<Date, std::pair<DealTotals, DealTotals>> days;  // won, open
    for (const auto& [group, sums] : groups) {
      const Date deal_day = parse_date(group.day.substr(0, 10));
      const Date period_key =
          options.interval == ReportInterval::week ? deal_day : Date(deal_day.year(), deal_day.month(), 1);
      auto& [won_totals, open_totals] = days[period_key];
      DealTotals& totals = won.at(group.stage) ? won_totals : open_totals;
      const std::optional<std::int64_t> rate = base.rate_id(group.currency, deal_day);
      totals.deals += sums.deals;
      totals.amount.add(group.currency, rate, deal_day, sums.amount);
      totals.weighted.add(group.currency, rate, deal_day, sums.weighted);
    }
    std::optional<DayRange> range = report_range(options, days.empty() ? std::nullopt : std::optional(days.begin()->first),
                                                 days.empty() ? std::nullopt : std::optional(days.rbegin()->first));
    Table table(report.table_columns());
    if (!range) return finished_report(name, base, std::move(table));
    for (const ReportPeriod& period : periods_between(range->first, range->last, options.interval)) {
      ForecastCells cells;
      for (auto day = days.lower_bound(period.first); day != days.end() && day->first <= period.last; ++day) {
        const auto& [won, open] = day->second;
        cells.won_deals += won.deals;
        cells.open_deals += open.deals;
        cells.committed.add(won.amount);
        cells.weighted.add(open.weighted);
        cells.open_amount.add(open.amount);
      }
      const std::int64_t committed = base.total(cells.committed);
      table.add_row();
      table.set_text(0, period.label);
      table.set_text(1, format_date(period.first));
      table.set_text(2, format_date(period.last));
      table.set_integer(3, cells.won_deals);
      table.set_integer(4, cells.open_deals);
      table.set_money(5, base.money(committed));
      table.set_money(6, base.money(base.total(cells.weighted)));
      table.set_money(7, base.money(committed + base.total(cells.open_amount)));
    }
    return finished_report(name, base, std::move(table));
  });
}

Report Reports::win_rates(const ReportOptions& options) const {
  return guarded_read(session_, [&] {
    const ReportInfo& report = checked_report(session_, &Reports::win_rates, options);
    const std::string_view name = report.name;
    BaseCurrency base(session_);
    const SqlConditions where = deal_conditions(session_, options, name, "o.closed_on", base);
    const bool by_product = options.group == ReportGroup::product;
    // By product a deal counts once per product, with that product's line totals.
    const std::string from =
        "opportunities o JOIN stages s ON s.id = o.stage_id" +
        std::string(by_product ? " LEFT JOIN (SELECT opportunity_id, product_id, sum(total_minor) AS total_minor FROM "
                                 "line_items GROUP BY opportunity_id, product_id) li ON li.opportunity_id = o.id"
                               : "");
    const std::string amount = by_product ? "coalesce(li.total_minor, o.amount_minor)" : "o.amount_minor";
    const std::string day(kDealDaySql);
    // Deals closed before they were recorded (imported history) have no known cycle.
    const std::string cycle =
        "(CASE WHEN o.closed_on >= substr(o.created_at, 1, 10) THEN julianday(o.closed_on) - "
        "julianday(substr(o.created_at, 1, 10)) END)";
    const std::string sql = "SELECT " + win_group_sql(options.group) + " AS grp, s.kind, o.currency, " +
                            base.rate_id_sql("o.currency", day) + " AS rate_id, min(" + day + "), count(*), sum(" +
                            amount + "), sum(" + cycle + "), count(" + cycle + ") FROM " +
                            from + " WHERE o.deleted_at IS NULL AND s.kind IN ('won', 'lost')" + where.and_terms() +
                            " GROUP BY grp, s.kind, o.currency, rate_id";
    std::map<std::optional<std::string>, WinCells> groups;
    for_each_row(session_.prepare(sql), where.parameters, [&](SQLite::Statement& row) {
      WinCells& cells = groups[optional_text(row, 0)];
      if (row.getColumn(1).getString() == "lost") {
        cells.lost += row.getColumn(5).getInt64();
        return;
      }
      cells.won += row.getColumn(5).getInt64();
      cells.won_amount.add(row.getColumn(2).getString(), optional_id(row, 3), day_column(row, 4),
                           row.getColumn(6).getInt64());
      cells.won_cycle_days += row.getColumn(7).getDouble();
      cells.won_with_cycle += row.getColumn(8).getInt64();
    });
    struct Line {
      std::optional<std::string> group;
      const WinCells* cells;
      std::int64_t won_amount;
    };
    std::vector<Line> lines;
    for (const auto& [group, cells] : groups) lines.push_back({group, &cells, base.total(cells.won_amount)});
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.won_amount > b.won_amount; });
    Table table(report.table_columns());
    for (const Line& line : lines) {
      const WinCells& cells = *line.cells;
      table.add_row();
      set_optional_text(table, 0, line.group);
      table.set_integer(1, cells.won);
      table.set_integer(2, cells.lost);
      set_ratio(table, 3, static_cast<double>(cells.won), static_cast<double>(cells.won + cells.lost));
      table.set_money(4, base.money(line.won_amount));
      if (cells.won > 0) table.set_money(5, base.money(divide_rounded(line.won_amount, cells.won)));
      set_ratio(table, 6, cells.won_cycle_days, static_cast<double>(cells.won_with_cycle));
    }
    return finished_report(name, base, std::move(table));
  });
}

}  // namespace crm
