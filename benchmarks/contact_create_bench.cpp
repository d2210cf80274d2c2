// Creating contacts through crmcore against raw SQLite prepared inserts of
// the same, already normalized rows into the same tables, in one transaction
// each, on a fresh file each time.
//
//   [CRM_BENCH_ROWS=1000000] crm_contact_create_bench [--benchmark_filter=...]
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>

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

void create_through_api(benchmark::State& state, bool national_phones) {
  const auto input = bench::make_contacts(static_cast<int>(state.range(0)), national_phones);
  for (auto _ : state) {
    state.PauseTiming();
    Database db = Database::open(bench::fresh_database_file("crm-bench-api.crm"), bench_options());
    state.ResumeTiming();
    Transaction transaction(db);
    Contacts& contacts = db.contacts();
    for (const ContactData& d : input) benchmark::DoNotOptimize(contacts.create(d));
    transaction.commit();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
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
    benchmark::RegisterBenchmark(("create_through_api/" + phones + "/crmcore").c_str(), create_through_api, national)
        ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark(("insert_raw/" + phones + "/sqlite").c_str(), insert_raw, national)
        ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true);
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_benchmarks();
  return crm::bench::run_paired_benchmarks(argc, argv);
}
