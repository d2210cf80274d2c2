// Importing a CSV file of contacts (with emails and phones) through crmcore
// against raw SQLite prepared inserts of the same rows, already cleaned,
// keyed and normalized, into the same tables; both commit every 2000 rows,
// on a fresh file each time. Reports rows per second and the peak resident
// memory of each run (which for the raw case includes the prepared rows).
//
//   [CRM_BENCH_ROWS=1000000] crm_import_bench [--benchmark_filter=...]
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>

#include "crm/crm.hpp"
#include "io/csv_writer.hpp"
#include "support/contact_rows.hpp"
#include "support/data_file.hpp"
#include "support/paired_main.hpp"

namespace {

using namespace crm;

constexpr std::size_t kBatchRows = 2000;

// Forgets the process's peak resident memory so far (Linux clear_refs "5").
void reset_peak_memory() { std::ofstream("/proc/self/clear_refs") << "5"; }

// The peak resident memory since the last reset, in MiB (VmHWM).
double peak_memory_mib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

// "<temp dir>/crmcore-bench-import-<rows>-<phones>.csv", written once.
std::string csv_file(int rows, bool national_phones) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("crmcore-bench-import-" + std::to_string(rows) + (national_phones ? "-national" : "-international") +
                     ".csv");
  if (std::filesystem::exists(path)) return path.string();
  const std::string building = path.string() + ".building";
  {
    std::ofstream out(building, std::ios::binary);
    detail::CsvWriter writer(out);
    writer.write_row(std::vector<std::string>{"First Name", "Last Name", "Email", "Mobile Phone", "Job Title",
                                              "Birthday", "Country", "Owner", "External Ref"});
    for (const ContactData& d : bench::make_contacts(rows, national_phones))
      writer.write_row(std::vector<std::string>{d.first_name, d.last_name, d.emails[0].address, d.phones[0].raw,
                                                d.job_title, d.birthday->to_string(), d.country, d.owner,
                                                d.external_ref});
  }
  std::filesystem::rename(building, path);
  return path.string();
}

void import_csv(benchmark::State& state, bool national_phones, DuplicateAction on_duplicate) {
  const int rows = static_cast<int>(state.range(0));
  const std::string csv = csv_file(rows, national_phones);
  ImportOptions options;
  options.kind = RecordKind::contact;
  options.on_duplicate = on_duplicate;
  options.batch_rows = kBatchRows;
  OpenOptions open;
  open.default_region = "LV";
  double peak = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Database db = Database::open(bench::fresh_database_file("crm-bench-import.crm"), open);
    reset_peak_memory();
    state.ResumeTiming();
    const ImportResult result = db.imports().read_file(csv, options);
    state.PauseTiming();
    peak = std::max(peak, peak_memory_mib());
    if (result.inserted != rows) state.SkipWithError(("imported " + std::to_string(result.inserted)).c_str());
    state.ResumeTiming();
  }
  state.counters["peak_MiB"] = peak;
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void insert_raw(benchmark::State& state, bool national_phones) {
  const auto rows = bench::normalize_for_raw(bench::make_contacts(static_cast<int>(state.range(0)), national_phones));
  double peak = 0;
  for (auto _ : state) {
    state.PauseTiming();
    SQLite::Database db(bench::fresh_database_file("crm-bench-import-raw.crm"), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = FULL");
    reset_peak_memory();
    state.ResumeTiming();
    bench::insert_raw_contacts(db, rows, kBatchRows);
    state.PauseTiming();
    peak = std::max(peak, peak_memory_mib());
    state.ResumeTiming();
  }
  state.counters["peak_MiB"] = peak;
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Rows per run: CRM_BENCH_ROWS (default 1000000). Each case runs 3 times;
// the medians are compared. The duplicate-checking import (the default of
// ImportOptions) has no raw twin: compare it with the raw case by hand.
void register_benchmarks() {
  const std::int64_t rows = bench::size_from_env("CRM_BENCH_ROWS", 1000000);
  for (bool national : {false, true}) {
    const std::string phones = national ? "contacts_national_phones" : "contacts_international_phones";
    benchmark::RegisterBenchmark(("import_csv/" + phones + "/crmcore").c_str(), import_csv, national,
                                 DuplicateAction::ignore)
        ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->UseRealTime()->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark(("import_csv/" + phones + "_reporting_duplicates/crmcore").c_str(), import_csv,
                                 national, DuplicateAction::report)
        ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->UseRealTime()->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark(("insert_raw/" + phones + "/sqlite").c_str(), insert_raw, national)
        ->Arg(rows)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->UseRealTime()->ReportAggregatesOnly(true);
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_benchmarks();
  return crm::bench::run_paired_benchmarks(argc, argv);
}
