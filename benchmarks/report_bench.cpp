// The two reports a sales manager opens first — pipeline by stage and the
// forecast by month — over a million deals with their stage history,
// through crmcore (db.reports()) against hand-written SQL doing the same
// work on the same file: grouping the live deals, converting USD and GBP to
// EUR with the rate valid on each deal's date. The ratio is what the
// library adds (its exact per-rate conversion, the stage list, the periods).
//
//   [CRM_BENCH_DEALS=1000000] crm_report_bench
//
// The file is built once (raw inserts, kept in the temp directory as
// crmcore-bench-reports-N-schemaV.crm): N deals over 5000 accounts and 8
// owners in the default pipeline, 85% in EUR, 10% USD, 5% GBP, with monthly
// USD and GBP rates over 2024-2025; expected close dates over those two
// years; 30% won and 20% lost (close date set), the rest open in one of four
// stages; three stage changes per deal on average.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>

#include "crm/crm.hpp"
#include "support/data_file.hpp"
#include "support/paired_main.hpp"

namespace {

using namespace crm;
namespace pt = boost::posix_time;
using boost::gregorian::days;

const Instant kNow = crm::bench::data_file_now();

std::int64_t deal_count() { return crm::bench::size_from_env("CRM_BENCH_DEALS", 1000000); }

// ---- the data file ---------------------------------------------------------

void fill_rates(SQLite::Database& db) {
  SQLite::Statement rate(db, "INSERT INTO exchange_rates (from_currency, to_currency, valid_from, rate) VALUES (?, 'EUR', ?, ?)");
  for (int month = 0; month < 24; ++month) {
    const std::string day = format_date(Date(2024 + month / 12, month % 12 + 1, 1));
    for (const auto& [currency, value] : {std::pair{"USD", 0.88 + month * 0.004}, std::pair{"GBP", 1.15 + month * 0.002}}) {
      char text[16];
      std::snprintf(text, sizeof text, "%.4f", value);
      rate.bind(1, currency);
      rate.bind(2, day);
      rate.bind(3, text);
      rate.exec();
      rate.reset();
    }
  }
}

void fill_accounts(SQLite::Database& db, const std::string& stamp) {
  SQLite::Statement account(db, "INSERT INTO accounts (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)");
  for (int i = 1; i <= 5000; ++i) {
    account.bind(1, i);
    account.bind(2, "Company " + std::to_string(i));
    account.bind(3, "company " + std::to_string(i));
    account.bind(4, stamp);
    account.bind(5, stamp);
    account.exec();
    account.reset();
  }
}

// Stage ids of the default pipeline: 1..4 open (10, 20, 50, 75 %), 5 won, 6 lost.
constexpr int kProbability[] = {0, 10, 20, 50, 75, 100, 0};

void fill_deals(SQLite::Database& db, std::int64_t deals, std::mt19937_64& random) {
  SQLite::Statement deal(db,
      "INSERT INTO opportunities (id, account_id, name, name_key, amount_minor, currency, expected_close, pipeline_id, "
      "stage_id, probability, closed_on, lost_reason_id, owner, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement change(db,
      "INSERT INTO stage_changes (opportunity_id, from_stage_id, to_stage_id, changed_at, amount_minor, currency, "
      "probability, lost_reason_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const Date first(2024, 1, 1);
  for (std::int64_t i = 1; i <= deals; ++i) {
    const int pick = static_cast<int>(random() % 100);
    const char* currency = pick < 85 ? "EUR" : pick < 95 ? "USD" : "GBP";
    const std::int64_t amount = 50000 + static_cast<std::int64_t>(random() % 5000000);
    const Date expected = first + days(static_cast<long>(random() % 730));
    const int end = static_cast<int>(random() % 100);
    const int stage = end < 30 ? 5 : end < 50 ? 6 : 1 + static_cast<int>(random() % 4);
    const Date created = expected - days(30 + static_cast<long>(random() % 120));
    const std::string name = "Deal " + std::to_string(i);
    deal.bind(1, i);
    deal.bind(2, 1 + static_cast<std::int64_t>(random() % 5000));
    deal.bind(3, name);
    deal.bind(4, "deal " + std::to_string(i));
    deal.bind(5, amount);
    deal.bind(6, currency);
    deal.bind(7, format_date(expected));
    deal.bind(8, stage);
    deal.bind(9, kProbability[stage]);
    if (stage >= 5) deal.bind(10, format_date(expected)); else deal.bind(10);
    if (stage == 6) deal.bind(11, 1); else deal.bind(11);
    deal.bind(12, "user" + std::to_string(random() % 8));
    deal.bind(13, format_instant(Instant(created, pt::hours(9))));
    deal.bind(14, format_instant(Instant(expected, pt::hours(9))));
    deal.exec();
    deal.reset();
    // created in stage 1, then a step or two, then where it stands
    int from = 0;
    Date day = created;
    for (int to : {1, stage >= 5 ? 3 : std::max(1, stage - 1), stage}) {
      if (to == from) continue;
      change.bind(1, i);
      if (from) change.bind(2, from); else change.bind(2);
      change.bind(3, to);
      change.bind(4, format_instant(Instant(day, pt::hours(9))));
      change.bind(5, amount);
      change.bind(6, currency);
      change.bind(7, kProbability[to]);
      if (to == 6) change.bind(8, 1); else change.bind(8);
      change.exec();
      change.reset();
      from = to;
      day = std::min(expected, day + days(10 + static_cast<long>(random() % 20)));
    }
  }
}

std::string prepare_file() {
  const std::int64_t deals = deal_count();
  return crm::bench::cached_data_file("reports", deals, [&](const std::string& building) {
    crm::bench::add_owner_users(building, 8);
    SQLite::Database db(building, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA cache_size = -2000000");
    db.exec("UPDATE search_control SET deferred = 1 WHERE id = 1");  // a scratch file: no search index
    std::mt19937_64 random(11);
    SQLite::Transaction tx(db);
    fill_rates(db);
    fill_accounts(db, format_instant(kNow - pt::hours(24 * 800)));
    fill_deals(db, deals, random);
    tx.commit();
    db.exec("ANALYZE");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  });
}

const std::string& file() {
  static const std::string path = prepare_file();
  return path;
}

ReportOptions report_options() {
  ReportOptions options;
  options.as_of = kNow.date();
  return options;
}

// ---- the floor: the same reports in hand-written SQL ------------------------

// Each live deal with its day and the rate to EUR valid then (1 for EUR).
constexpr const char* kDealsInEuros =
    "SELECT o.stage_id, o.amount_minor, o.probability, o.day, CASE WHEN o.currency = 'EUR' THEN 1.0 ELSE "
    "(SELECT CAST(r.rate AS REAL) FROM exchange_rates r WHERE r.from_currency = o.currency AND r.to_currency = 'EUR' "
    "AND r.valid_from <= o.day ORDER BY r.valid_from DESC LIMIT 1) END AS rate FROM (SELECT stage_id, amount_minor, "
    "probability, currency, coalesce(closed_on, expected_close, :today) AS day FROM opportunities WHERE deleted_at "
    "IS NULL) o";

std::string pipeline_sql() {
  return std::string("SELECT s.name, count(x.stage_id), round(sum(x.amount_minor * x.rate)), "
                     "round(sum(x.amount_minor * x.probability / 100.0 * x.rate)) FROM stages s LEFT JOIN (") +
         kDealsInEuros + ") x ON x.stage_id = s.id WHERE s.pipeline_id = 1 AND s.removed_at IS NULL "
                         "GROUP BY s.id ORDER BY s.position";
}

std::string forecast_sql() {
  return std::string("SELECT substr(x.day, 1, 7) AS month, sum(s.kind = 'won'), sum(s.kind = 'open'), "
                     "round(sum(CASE WHEN s.kind = 'won' THEN x.amount_minor * x.rate END)), "
                     "round(sum(CASE WHEN s.kind = 'open' THEN x.amount_minor * x.probability / 100.0 * x.rate END)), "
                     "round(sum(x.amount_minor * x.rate)) FROM (") +
         kDealsInEuros + ") x JOIN stages s ON s.id = x.stage_id WHERE s.kind <> 'lost' GROUP BY month ORDER BY month";
}

// ---- the benchmarks --------------------------------------------------------

void report_crmcore(benchmark::State& state, std::string_view name) {
  Database db = Database::open(file(), crm::bench::data_file_options());
  std::size_t rows = 0;
  for (auto _ : state) rows = db.reports().run(name, report_options()).table.row_count();
  state.counters["rows"] = static_cast<double>(rows);
}

void report_sqlite(benchmark::State& state, std::string sql) {
  SQLite::Database db(file(), SQLite::OPEN_READONLY);
  SQLite::Statement statement(db, sql);
  std::size_t rows = 0;
  for (auto _ : state) {
    statement.bind(":today", format_date(kNow.date()));
    rows = 0;
    while (statement.executeStep()) ++rows;
    statement.reset();
  }
  state.counters["rows"] = static_cast<double>(rows);
}

void register_benchmarks() {
  const std::string of = "_of_" + std::to_string(deal_count()) + "_deals";
  const auto slow = [](benchmark::internal::Benchmark* b) {
    b->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3)->ReportAggregatesOnly(true);
  };
  slow(benchmark::RegisterBenchmark(("report/pipeline_by_stage" + of + "/crmcore").c_str(), report_crmcore,
                                    "pipeline_by_stage"));
  slow(benchmark::RegisterBenchmark(("hand_sql/pipeline_by_stage" + of + "/sqlite").c_str(), report_sqlite,
                                    pipeline_sql()));
  slow(benchmark::RegisterBenchmark(("report/forecast" + of + "/crmcore").c_str(), report_crmcore, "forecast"));
  slow(benchmark::RegisterBenchmark(("hand_sql/forecast" + of + "/sqlite").c_str(), report_sqlite, forecast_sql()));
  // Rebuilt from 3M stage changes; no hand-written twin.
  benchmark::RegisterBenchmark(("report/open_pipeline_history" + of + "/crmcore").c_str(), report_crmcore,
                               "open_pipeline_history")
      ->Unit(benchmark::kMillisecond)
      ->Iterations(1);
}

}  // namespace

int main(int argc, char** argv) {
  return crm::bench::run_paired_benchmarks_after([] { file(); }, register_benchmarks, argc, argv);
}
