// Creating contacts through crmcore against raw SQLite prepared inserts of
// the same, already normalized rows into the same tables, in one transaction
// each, on a fresh file each time; and updating them. Each crmcore case also
// runs with the audit trail off ("crmcore_audit_off"), to show its cost.
// Then reading the change feed those creates left, page by page, against a
// hand-written SELECT of the same rows with their JSON parsed into the same
// triples.
//
//   [CRM_BENCH_ROWS=1000000] crm_contact_create_bench [--benchmark_filter=...]
#include <cstdlib>
#include <optional>
#include <filesystem>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "crm/crm.hpp"
#include "support/contact_rows.hpp"
#include "support/data_file.hpp"
#include "support/paired_main.hpp"

namespace {

using namespace crm;

OpenOptions bench_options() {
  OpenOptions options;
  options.default_region = "LV";
  return options;
}

// A fresh database file; with the audit trail off unless `audited`.
Database fresh_database(bool audited) {
  Database db = Database::open(bench::fresh_database_file("crm-bench-api.crm"), bench_options());
  if (!audited) db.audit().set_enabled(false);
  return db;
}

void create_through_api(benchmark::State& state, bool national_phones, bool audited) {
  const auto input = bench::make_contacts(static_cast<int>(state.range(0)), national_phones);
  for (auto _ : state) {
    state.PauseTiming();
    Database db = fresh_database(audited);
    state.ResumeTiming();
    Transaction transaction(db);
    Contacts& contacts = db.contacts();
    for (const ContactData& d : input) benchmark::DoNotOptimize(contacts.create(d));
    transaction.commit();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Changes every contact's job title and adds an email, one update each, in
// one transaction (the contacts made beforehand, outside the timing).
void update_through_api(benchmark::State& state, bool audited) {
  const auto input = bench::make_contacts(static_cast<int>(state.range(0)), false);
  for (auto _ : state) {
    state.PauseTiming();
    Database db = fresh_database(audited);
    std::vector<Contact> stored;
    {
      Transaction transaction(db);
      for (const ContactData& d : input) stored.push_back(db.contacts().create(d));
      transaction.commit();
    }
    state.ResumeTiming();
    Transaction transaction(db);
    Contacts& contacts = db.contacts();
    for (Contact& contact : stored) {
      contact.job_title = "Head of " + contact.job_title;
      benchmark::DoNotOptimize(contacts.update(contact));
    }
    transaction.commit();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The raw floor of update_through_api: one UPDATE per contact.
void update_raw(benchmark::State& state) {
  const auto rows = bench::normalize_for_raw(bench::make_contacts(static_cast<int>(state.range(0)), false));
  for (auto _ : state) {
    state.PauseTiming();
    SQLite::Database db(bench::fresh_database_file("crm-bench-raw.crm"), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = FULL");
    bench::insert_raw_contacts(db, rows, rows.size());
    state.ResumeTiming();
    SQLite::Transaction transaction(db);
    SQLite::Statement update(db, "UPDATE contacts SET job_title = ?, updated_at = ?, version = version + 1 WHERE id = ?");
    const std::string stamp = format_instant(utc_now());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      update.bind(1, "Head of " + rows[i].data.job_title);
      update.bind(2, stamp);
      update.bind(3, static_cast<std::int64_t>(i + 1));
      update.exec();
      update.reset();
    }
    transaction.commit();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

constexpr std::size_t kFeedPage = 10000;

// The file the feed cases read: the contacts created once, audited.
const std::string& feed_file(std::int64_t rows) {
  static const std::string path = [rows] {
    const std::string file = bench::fresh_database_file("crm-bench-feed.crm");
    Database db = Database::open(file, bench_options());
    Transaction transaction(db);
    for (const ContactData& d : bench::make_contacts(static_cast<int>(rows), false)) db.contacts().create(d);
    transaction.commit();
    return file;
  }();
  return path;
}

// Reads the whole feed through db.changes().since(), a page at a time.
void feed_through_api(benchmark::State& state) {
  Database db = Database::open(feed_file(state.range(0)), bench_options());
  std::int64_t read = 0;
  for (auto _ : state) {
    read = 0;
    std::int64_t cursor = 0;
    for (auto page = db.changes().since(cursor, {}, kFeedPage); !page.empty();
         page = db.changes().since(cursor, {}, kFeedPage)) {
      read += static_cast<std::int64_t>(page.size());
      cursor = page.back().seq;
      benchmark::DoNotOptimize(page);
    }
  }
  state.SetItemsProcessed(state.iterations() * read);
}

// The raw floor of feed_through_api: the same pages by hand, each change's
// JSON parsed into its [field, old, new] triples.
void feed_raw(benchmark::State& state) {
  SQLite::Database db(feed_file(state.range(0)), SQLite::OPEN_READONLY);
  SQLite::Statement page(db,
                         "SELECT seq, tx, at, coalesce(user, ''), coalesce(origin, ''), kind, record_id, operation, "
                         "changes FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?");
  struct Triple {
    std::string field;
    std::optional<std::string> old_value, new_value;
  };
  std::int64_t read = 0;
  for (auto _ : state) {
    read = 0;
    std::int64_t cursor = 0;
    for (bool more = true; more;) {
      page.bind(1, cursor);
      page.bind(2, static_cast<std::int64_t>(kFeedPage));
      more = false;
      while (page.executeStep()) {
        more = true;
        ++read;
        cursor = page.getColumn(0).getInt64();
        std::vector<Triple> triples;
        for (const auto& triple : nlohmann::json::parse(page.getColumn(8).getString())) {
          Triple t{triple[0].get<std::string>(), {}, {}};
          if (triple[1].is_string()) t.old_value = triple[1].get<std::string>();
          if (triple[2].is_string()) t.new_value = triple[2].get<std::string>();
          triples.push_back(std::move(t));
        }
        benchmark::DoNotOptimize(triples);
        benchmark::DoNotOptimize(page.getColumn(2).getString());
      }
      page.reset();
    }
  }
  state.SetItemsProcessed(state.iterations() * read);
}

void insert_raw(benchmark::State& state, bool national_phones) {
  const auto rows = bench::normalize_for_raw(bench::make_contacts(static_cast<int>(state.range(0)), national_phones));
  for (auto _ : state) {
    state.PauseTiming();
    SQLite::Database db(bench::fresh_database_file("crm-bench-raw.crm"), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = FULL");
    state.ResumeTiming();
    bench::insert_raw_contacts(db, rows, rows.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Rows per run: CRM_BENCH_ROWS (default 100000). Each case runs 5 times on a
// fresh file; the median is compared.
void register_benchmarks() {
  const std::int64_t rows = crm::bench::size_from_env("CRM_BENCH_ROWS", 100000);
  for (bool national : {false, true}) {
    const std::string phones = national ? "contacts_national_phones" : "contacts_international_phones";
    benchmark::RegisterBenchmark(("create_through_api/" + phones + "/crmcore").c_str(), create_through_api, national, true)
        ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark(("create_through_api/" + phones + "/crmcore_audit_off").c_str(), create_through_api,
                                 national, false)
        ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark(("insert_raw/" + phones + "/sqlite").c_str(), insert_raw, national)
        ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
  }
  benchmark::RegisterBenchmark("update_through_api/job_title/crmcore", update_through_api, true)
      ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
  benchmark::RegisterBenchmark("update_through_api/job_title/crmcore_audit_off", update_through_api, false)
      ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
  benchmark::RegisterBenchmark("update_raw/job_title/sqlite", update_raw)
      ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
  benchmark::RegisterBenchmark("feed_through_api/changes_since/crmcore", feed_through_api)
      ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
  benchmark::RegisterBenchmark("feed_raw/changes_since/sqlite", feed_raw)
      ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
}

}  // namespace

int main(int argc, char** argv) {
  register_benchmarks();
  return crm::bench::run_paired_benchmarks(argc, argv);
}
