// Finding duplicates among a million contacts and 200,000 accounts, through
// crmcore (db.duplicates().find / matches) against the floor beneath it: raw
// SQLite grouping the same key indexes (emails, phones, names; registration
// numbers and VAT ids), which any set-based duplicate search must read at
// least once. The ratio says what pairing, scoring and sorting add.
//
//   [CRM_BENCH_CONTACTS=1000000] crm_duplicate_find_bench
//
// The file is built once (raw inserts, kept in the temp directory as
// crmcore-bench-duplicates-N-schemaV.crm): N contacts with names drawn from
// a few common Baltic, Slavic, German and English names and many rarer ones
// (so that common names are shared by hundreds), 85% with an email and 60%
// with a phone; 2% are duplicates of an earlier contact (the name in other
// case, and its email, its phone or only its name); 0.1% share one of 50
// office addresses. N/5 accounts with registration numbers and VAT ids, 1%
// of them duplicates written with other spacing and punctuation.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>

#include "crm/crm.hpp"
#include "support/data_file.hpp"
#include "support/paired_main.hpp"
#include "text/latin_key.hpp"
#include "text/unicode.hpp"

namespace {

using namespace crm;
namespace pt = boost::posix_time;

const Instant kNow = crm::bench::data_file_now();

std::int64_t contact_count() { return crm::bench::size_from_env("CRM_BENCH_CONTACTS", 1000000); }

// ---- the data file ---------------------------------------------------------

const char* kFirst[] = {"Jānis", "Anna", "Ona", "Olena", "Pēteris", "Jürgen", "Sarah", "Mārtiņš", "Rūta", "Taras",
                        "Ilze", "Andris", "Līga", "Tomas", "Rasa", "Marius", "Oksana", "Dmitrijs", "Katrin", "Thomas",
                        "Emma", "James", "Kristīne", "Edgars", "Inga", "Vytautas", "Natalia", "Sergii", "Monika",
                        "Lukas", "Agnė", "Karlis", "Laura", "Ivan", "Olga", "Stefan", "Julia", "Oliver", "Sofia",
                        "Mikk"};
const char* kLast[] = {"Bērziņš", "Kazlauskienė", "Kovalchuk", "Tamm", "Müller", "O'Connor", "Ozola", "Jankauskas",
                       "Virtanen", "Nowak", "Taylor", "Kalniņa", "Ozoliņš", "Liepa", "Petraitis", "Shevchenko",
                       "Schmidt", "Smith", "Krūmiņa", "Vaitkus", "Melnyk", "Fischer", "Jones", "Saar", "Balodis",
                       "Žukauskas", "Bondarenko", "Weber", "Brown", "Kask"};

struct Person {
  std::string first, last, email, phone;
};

std::string upper_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return text;
}

// A new person, or (2%) a duplicate of an earlier one.
Person person(std::mt19937_64& random, std::int64_t i, const std::vector<Person>& earlier) {
  if (i > 1000 && random() % 100 < 2) {
    Person copy = earlier[static_cast<std::size_t>(random() % earlier.size())];
    copy.first = upper_ascii(copy.first);
    const int kind = static_cast<int>(random() % 10);
    if (kind < 5) {  // the same email in other case
      copy.email = upper_ascii(copy.email);
      copy.phone.clear();
    } else if (kind < 8) {  // the same phone
      copy.email.clear();
    } else {  // only the name
      copy.email.clear();
      copy.phone.clear();
    }
    return copy;
  }
  Person p;
  p.first = kFirst[random() % std::size(kFirst)];
  p.last = random() % 100 < 30 ? std::string(kLast[random() % std::size(kLast)])
                               : "Family" + std::to_string(random() % 20000);
  if (random() % 1000 < 1)
    p.email = "office" + std::to_string(random() % 50) + "@firm.lv";
  else if (random() % 100 < 85)
    p.email = "c" + std::to_string(i) + "@mail" + std::to_string(i % 100) + ".example";
  if (random() % 100 < 60) p.phone = "+3712" + std::to_string(1000000 + i);
  return p;
}

void fill_contacts(SQLite::Database& db, std::int64_t contacts, std::mt19937_64& random, const std::string& stamp) {
  SQLite::Transaction tx(db);
  SQLite::Statement contact(db,
      "INSERT INTO contacts (id, first_name, last_name, name_key, latin_key, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement email(db,
      "INSERT INTO contact_emails (contact_id, position, address, address_key, is_primary) VALUES (?, 0, ?, ?, 1)");
  SQLite::Statement phone(db,
      "INSERT INTO contact_phones (contact_id, position, kind, raw, e164) VALUES (?, 0, 'mobile', ?, ?)");
  std::vector<Person> people;
  people.reserve(static_cast<std::size_t>(contacts));
  for (std::int64_t i = 1; i <= contacts; ++i) {
    Person p = person(random, i, people);
    contact.bind(1, i);
    contact.bind(2, p.first);
    contact.bind(3, p.last);
    contact.bind(4, detail::match_key(p.last + " " + p.first));
    if (const std::string latin = detail::distinct_latin_key(p.last + " " + p.first); latin.empty())
      contact.bind(5);
    else
      contact.bind(5, latin);
    contact.bind(6, stamp);
    contact.bind(7, stamp);
    contact.exec();
    contact.reset();
    if (!p.email.empty()) {
      email.bind(1, i);
      email.bind(2, p.email);
      email.bind(3, detail::casefold(p.email));
      email.exec();
      email.reset();
    }
    if (!p.phone.empty()) {
      phone.bind(1, i);
      phone.bind(2, p.phone);
      phone.bind(3, p.phone);
      phone.exec();
      phone.reset();
    }
    people.push_back(std::move(p));
  }
  tx.commit();
}

void fill_accounts(SQLite::Database& db, std::int64_t accounts, std::mt19937_64& random, const std::string& stamp) {
  SQLite::Transaction tx(db);
  SQLite::Statement account(db,
      "INSERT INTO accounts (name, name_key, registration_number, vat_id, email, email_key, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::int64_t i = 1; i <= accounts; ++i) {
    std::int64_t n = i;
    std::string registration;
    if (i > 100 && random() % 100 < 1) {
      n = 1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(i - 1));
      const std::string digits = std::to_string(40003000000 + n);
      registration = digits.substr(0, 5) + " " + digits.substr(5, 3) + "-" + digits.substr(8);
    } else {
      registration = std::to_string(40003000000 + n);
    }
    const std::string name = "Company " + std::to_string(n) + " SIA";
    account.bind(1, name);
    account.bind(2, detail::match_key(name));
    account.bind(3, registration);
    if (random() % 2) account.bind(4, "LV" + std::to_string(40003000000 + n)); else account.bind(4);
    if (random() % 2) {
      account.bind(5, "info@company" + std::to_string(n) + ".lv");
      account.bind(6, "info@company" + std::to_string(n) + ".lv");
    } else {
      account.bind(5);
      account.bind(6);
    }
    account.bind(7, stamp);
    account.bind(8, stamp);
    account.exec();
    account.reset();
  }
  tx.commit();
}

std::string prepare_file() {
  const std::int64_t contacts = contact_count();
  return crm::bench::cached_data_file("duplicates", contacts, [&](const std::string& building) {
    Database::open(building, crm::bench::data_file_options()).close();
    SQLite::Database db(building, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA cache_size = -2000000");
    std::mt19937_64 random(7);
    const std::string stamp = format_instant(kNow - pt::hours(24 * 400));
    fill_contacts(db, contacts, random, stamp);
    fill_accounts(db, contacts / 5, random, stamp);
    db.exec("ANALYZE");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  });
}

const std::string& file() {
  static const std::string path = prepare_file();
  return path;
}

// ---- the floor: grouping the key indexes by hand ----------------------------

// Counts the key values held more than once, for each of `keys` ("table.column").
std::int64_t group_keys(SQLite::Database& db, const std::vector<std::pair<const char*, const char*>>& keys) {
  std::int64_t shared = 0;
  for (const auto& [table, column] : keys)
    shared += db.execAndGet(std::string("SELECT count(*) FROM (SELECT ") + column + " FROM " + table + " WHERE " +
                            column + " IS NOT NULL GROUP BY " + column + " HAVING count(*) > 1)")
                  .getInt64();
  return shared;
}

const std::vector<std::pair<const char*, const char*>> kContactKeys = {
    {"contact_emails", "address_key"}, {"contact_phones", "e164"}, {"contacts", "name_key"}};
const std::vector<std::pair<const char*, const char*>> kAccountKeys = {{"accounts", "email_key"},
                                                                       {"accounts", "phone_e164"},
                                                                       {"accounts", "registration_key"},
                                                                       {"accounts", "vat_key"},
                                                                       {"accounts", "name_key"}};

// ---- the benchmarks --------------------------------------------------------

void find_crmcore(benchmark::State& state, RecordKind kind, DuplicateQuery query) {
  Database db = Database::open(file(), crm::bench::data_file_options());
  std::size_t pairs = 0;
  for (auto _ : state) pairs = db.duplicates().find(kind, query).size();
  state.counters["pairs"] = static_cast<double>(pairs);
}

void find_sqlite(benchmark::State& state, const std::vector<std::pair<const char*, const char*>>* keys) {
  SQLite::Database db(file(), SQLite::OPEN_READONLY);
  std::int64_t shared = 0;
  for (auto _ : state) shared = group_keys(db, *keys);
  state.counters["shared_keys"] = static_cast<double>(shared);
}

// One incoming contact checked before it is inserted, as an importer does;
// a common name (shared by hundreds) unless `query` leaves out names alone.
void match_crmcore(benchmark::State& state, DuplicateQuery query) {
  Database db = Database::open(file(), crm::bench::data_file_options());
  const ContactData incoming{.first_name = "Anna", .last_name = "Ozola", .emails = {{"C500000@mail0.example"}},
                             .phones = {{PhoneKind::mobile, "+37121500001"}}};
  std::size_t found = 0;
  for (auto _ : state) found = db.duplicates().matches(incoming, query).size();
  state.counters["matches"] = static_cast<double>(found);
}

// The same three index lookups by hand, for live contacts.
void match_sqlite(benchmark::State& state) {
  SQLite::Database db(file(), SQLite::OPEN_READONLY);
  SQLite::Statement lookup(db,
      "SELECT count(*) FROM contacts WHERE deleted_at IS NULL AND id IN (SELECT contact_id FROM contact_emails "
      "WHERE address_key = ?1 UNION SELECT contact_id FROM contact_phones WHERE e164 = ?2 UNION SELECT id FROM "
      "contacts WHERE name_key = ?3)");
  std::int64_t found = 0;
  for (auto _ : state) {
    lookup.bind(1, "c500000@mail0.example");
    lookup.bind(2, "+37121500001");
    lookup.bind(3, "ozola anna");
    lookup.executeStep();
    found = lookup.getColumn(0).getInt64();
    lookup.reset();
  }
  state.counters["matches"] = static_cast<double>(found);
}

void register_benchmarks() {
  const std::string among = "_among_" + std::to_string(contact_count());
  const auto slow = [](benchmark::internal::Benchmark* b) {
    b->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3)->ReportAggregatesOnly(true);
  };
  slow(benchmark::RegisterBenchmark(("find/contacts" + among + "/crmcore").c_str(), find_crmcore,
                                    RecordKind::contact, DuplicateQuery{}));
  slow(benchmark::RegisterBenchmark(("find_strong/contacts_score_80" + among + "/crmcore").c_str(), find_crmcore,
                                    RecordKind::contact, DuplicateQuery{.limit = 100000, .min_score = 80}));
  slow(benchmark::RegisterBenchmark(("find_many/contacts_limit_100000" + among + "/crmcore").c_str(), find_crmcore,
                                    RecordKind::contact, DuplicateQuery{.limit = 100000}));
  slow(benchmark::RegisterBenchmark(("group_keys/contacts" + among + "/sqlite").c_str(), find_sqlite, &kContactKeys));
  slow(benchmark::RegisterBenchmark(("find/accounts" + among + "/crmcore").c_str(), find_crmcore,
                                    RecordKind::account, DuplicateQuery{}));
  slow(benchmark::RegisterBenchmark(("group_keys/accounts" + among + "/sqlite").c_str(), find_sqlite, &kAccountKeys));
  benchmark::RegisterBenchmark(("match/contact" + among + "/crmcore").c_str(), match_crmcore, DuplicateQuery{})
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark(("match_score_80/contact_score_80" + among + "/crmcore").c_str(), match_crmcore,
                               DuplicateQuery{.min_score = 80})
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark(("match_raw/contact" + among + "/sqlite").c_str(), match_sqlite)
      ->Unit(benchmark::kMicrosecond);
}

}  // namespace

int main(int argc, char** argv) {
  return crm::bench::run_paired_benchmarks_after([] { file(); }, register_benchmarks, argc, argv);
}
