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

#include "common/phone.hpp"
#include "crm/crm.hpp"
#include "support/data_file.hpp"
#include "support/paired_main.hpp"
#include "text/unicode.hpp"

namespace {

using namespace crm;

const char* kFirst[] = {"Jānis", "Anna", "Ona", "Олена", "Пётр", "Jürgen", "Sarah", "Mārtiņš", "Rūta", "Тарас"};
const char* kLast[] = {"Bērziņš", "Kazlauskienė", "Ковальчук", "Смирнова", "Müller", "O'Connor", "Ozola",
                       "Jankauskas", "Шевченко", "Schäfer", "Taylor", "Kalniņa"};
const char* kTitles[] = {"CEO", "CFO", "Sales manager", "Chief accountant", "IT manager"};
const char* kCountries[] = {"LV", "LT", "UA", "DE", "GB"};

// The input rows: what a caller passes to Contacts::create.
std::vector<ContactData> make_input(int rows, bool national_phones) {
  std::vector<ContactData> input;
  input.reserve(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i) {
    ContactData d;
    d.first_name = kFirst[i % 10];
    d.last_name = kLast[(i / 10) % 12];
    d.emails = {{"person" + std::to_string(i) + "@example.lv", true}};
    const std::string digits = std::to_string(20000000 + i % 9999999);
    d.phones = {{PhoneKind::mobile, national_phones ? digits.substr(0, 2) + " " + digits.substr(2, 3) + " " + digits.substr(5)
                                                     : "+371 " + digits, ""}};
    d.job_title = kTitles[i % 5];
    d.country = kCountries[i % 5];
    d.owner = "owner" + std::to_string(i % 20);
    d.external_ref = "C-" + std::to_string(i);
    d.birthday = Birthday{1960 + i % 40, 1 + i % 12, 1 + i % 28};
    input.push_back(std::move(d));
  }
  return input;
}

// The same rows as raw SQLite receives them: already cleaned, keyed, normalized.
struct RawRow {
  ContactData data;
  std::string name_key;
  std::string email_key;
  std::string e164;
};

std::vector<RawRow> normalize_for_raw(const std::vector<ContactData>& input) {
  detail::PhoneNormalizer phones("LV");
  std::vector<RawRow> rows;
  rows.reserve(input.size());
  for (const ContactData& d : input)
    rows.push_back({d, detail::match_key(d.last_name + " " + d.first_name), detail::casefold(d.emails[0].address),
                    *phones.to_e164(d.phones[0].raw)});
  return rows;
}

std::string fresh_file(const char* name) {
  const auto path = std::filesystem::temp_directory_path() / name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

OpenOptions bench_options() {
  OpenOptions options;
  options.default_region = "LV";
  return options;
}

void create_through_api(benchmark::State& state, bool national_phones) {
  const auto input = make_input(static_cast<int>(state.range(0)), national_phones);
  for (auto _ : state) {
    state.PauseTiming();
    Database db = Database::open(fresh_file("crm-bench-api.crm"), bench_options());
    state.ResumeTiming();
    Transaction transaction(db);
    Contacts& contacts = db.contacts();
    for (const ContactData& d : input) benchmark::DoNotOptimize(contacts.create(d));
    transaction.commit();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void insert_raw(benchmark::State& state, bool national_phones) {
  const auto rows = normalize_for_raw(make_input(static_cast<int>(state.range(0)), national_phones));
  const std::string stamp = format_instant(utc_now());
  for (auto _ : state) {
    state.PauseTiming();
    const std::string path = fresh_file("crm-bench-raw.crm");
    Database::open(path).close();  // the same schema and indexes
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = FULL");
    state.ResumeTiming();
    SQLite::Transaction transaction(db);
    SQLite::Statement contact(db,
                              "INSERT INTO contacts (first_name, last_name, name_key, job_title, birthday, "
                              "preferred_language, country, owner, lead_source, external_ref, description, "
                              "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, NULL, ?, ?, 1)");
    SQLite::Statement email(db,
                            "INSERT INTO contact_emails (contact_id, position, address, address_key, is_primary) "
                            "VALUES (?, 0, ?, ?, 1)");
    SQLite::Statement phone(db, "INSERT INTO contact_phones (contact_id, position, kind, raw, e164) VALUES (?, 0, 'mobile', ?, ?)");
    for (const RawRow& row : rows) {
      const ContactData& d = row.data;
      contact.bind(1, d.first_name);
      contact.bind(2, d.last_name);
      contact.bind(3, row.name_key);
      contact.bind(4, d.job_title);
      contact.bind(5, d.birthday->to_string());
      contact.bind(6, d.country);
      contact.bind(7, d.owner);
      contact.bind(8, d.external_ref);
      contact.bind(9, stamp);
      contact.bind(10, stamp);
      contact.exec();
      contact.reset();
      const std::int64_t id = db.getLastInsertRowid();
      email.bind(1, id);
      email.bind(2, d.emails[0].address);
      email.bind(3, row.email_key);
      email.exec();
      email.reset();
      phone.bind(1, id);
      phone.bind(2, d.phones[0].raw);
      phone.bind(3, row.e164);
      phone.exec();
      phone.reset();
    }
    transaction.commit();
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
