// Full-text search through crmcore (db.search().find) against the floor
// beneath it: the same FTS5 query by hand on the same file, for one word of
// each kind people type: a Latvian name without diacritics, a Cyrillic name,
// a Cyrillic name typed in Latin, a German name with its umlaut written out,
// and an email address. The data file holds CRM_BENCH_CONTACTS contacts
// (default 200000) with the names of the contact benchmarks (Latvian,
// Lithuanian, Ukrainian in Cyrillic, German), created through crmcore.
//
//   [CRM_BENCH_CONTACTS=200000] crm_search_bench [--benchmark_filter=...]
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>

#include "crm/crm.hpp"
#include "support/contact_rows.hpp"
#include "support/data_file.hpp"
#include "support/paired_main.hpp"

namespace {

using namespace crm;

std::int64_t contact_count() { return crm::bench::size_from_env("CRM_BENCH_CONTACTS", 200000); }

const std::string& file() {
  static const std::string path =
      crm::bench::cached_data_file("search", contact_count(), [](const std::string& building) {
        crm::bench::add_owner_users(building, crm::bench::kContactOwners);
        Database db = Database::open(building, crm::bench::data_file_options());
        Transaction transaction(db);
        for (const ContactData& data : crm::bench::make_contacts(static_cast<int>(contact_count()), false))
          db.contacts().create(data);
        transaction.commit();
      });
  return path;
}

constexpr SearchQuery kQuery{};  // every kind, the default limit

void search_crmcore(benchmark::State& state, const char* text) {
  Database db = Database::open(file(), crm::bench::data_file_options());
  std::size_t hits = 0;
  for (auto _ : state) hits = db.search().find(text, kQuery).size();
  state.counters["hits"] = static_cast<double>(hits);
}

// The query the search runs, with the expression written by hand for the
// word as stored (the floor: no expression building, no spelling variants).
void search_sqlite(benchmark::State& state, const char* expression) {
  SQLite::Database db(file(), SQLite::OPEN_READONLY);
  SQLite::Statement query(db,
                          "SELECT kind, record_id, title, snippet(search_index, 3, '[', ']', '…', 16), rank "
                          "FROM search_index WHERE search_index MATCH ? ORDER BY rank, rowid LIMIT ?");
  std::size_t hits = 0;
  for (auto _ : state) {
    query.bind(1, expression);
    query.bind(2, static_cast<std::int64_t>(kQuery.limit));
    hits = 0;
    while (query.executeStep()) ++hits;
    query.reset();
  }
  state.counters["hits"] = static_cast<double>(hits);
}

void register_benchmarks() {
  const std::string among = "_among_" + std::to_string(contact_count());
  const struct {
    const char* name;
    const char* text;
    const char* expression;
  } cases[] = {
      {"latvian_ascii", "berzins", "\"berzins\""},
      {"cyrillic", "Ковальчук", "\"ковальчук\""},
      {"cyrillic_typed_in_latin", "kovalchuk", "\"kovalchuk\""},
      {"umlaut_written_out", "schaefer", "\"schaefer\""},
      {"email", "person12345@example.lv", "\"person12345@example.lv\""},
  };
  for (const auto& c : cases) {
    benchmark::RegisterBenchmark(("find/" + std::string(c.name) + among + "/crmcore").c_str(), search_crmcore, c.text)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("match/" + std::string(c.name) + among + "/sqlite").c_str(), search_sqlite,
                                 c.expression)
        ->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace

int main(int argc, char** argv) {
  return crm::bench::run_paired_benchmarks_after([] { file(); }, register_benchmarks, argc, argv);
}
