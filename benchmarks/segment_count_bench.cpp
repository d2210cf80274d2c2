// Counting a segment of contacts (three conditions) among a million, through
// crmcore (db.segments().count) against the hand-written SQL a careful
// developer would write for the same count on the same file, in one run.
//
//   [CRM_BENCH_CONTACTS=1000000] [CRM_BENCH_EXPLAIN=1] crm_segment_count_bench
//
// The file is built once (raw inserts, then kept in the temp directory as
// crmcore-bench-segments-N-schemaV.crm): N contacts, N/5 accounts with
// industries and countries, current and past employments, tags, birthdays,
// a custom field, and 3N activities over two years, most of them on
// contacts. Before measuring, both sides of every case must give the same
// count; CRM_BENCH_EXPLAIN=1 also prints the compiled SQL and the query
// plans of both statements.
//
// A sales rep's count and first list page of one segment are compared with
// the administrator's (sales_rep_vs_administrator: `ratio` is rep / admin),
// and with the administrator's narrowed to the rep's owner.
//
// Each case is run as a pair (crmcore, then sqlite: the ratio of the medians
// is printed at the end) and interleaved (both in turns: the `ratio` counter,
// steadier when other work shares the machine).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include "crm/crm.hpp"
#include "query/compiler.hpp"
#include "storage/session.hpp"
#include "support/data_file.hpp"
#include "support/paired_main.hpp"
#include "text/unicode.hpp"

namespace {

using namespace crm;
namespace pt = boost::posix_time;

const Instant kNow = crm::bench::data_file_now();
constexpr int kOwners = 50;

std::int64_t contact_count() { return crm::bench::size_from_env("CRM_BENCH_CONTACTS", 1000000); }

// ---- the data file ---------------------------------------------------------

// A value drawn by weight: {value, weight}, weights summing to 100.
template <class T>
const T& weighted(std::mt19937_64& random, const std::vector<std::pair<T, int>>& choices) {
  int roll = static_cast<int>(random() % 100);
  for (const auto& [value, weight] : choices) {
    if (roll < weight) return value;
    roll -= weight;
  }
  return choices.back().first;
}

const std::vector<std::pair<std::string, int>> kCountries = {{"LV", 30}, {"LT", 20}, {"EE", 15}, {"DE", 10}, {"PL", 8},
                                                             {"FI", 6},  {"GB", 5},  {"UA", 4},  {"SE", 2}};
const std::vector<std::pair<std::string, int>> kIndustries = {
    {"Retail", 12},     {"Manufacturing", 14}, {"Logistics", 10}, {"IT", 12},         {"Construction", 9},
    {"Finance", 7},     {"Healthcare", 6},     {"Education", 5},  {"Agriculture", 5}, {"Energy", 4},
    {"Hospitality", 6}, {"Public sector", 4},  {"Media", 6}};
const std::vector<std::pair<std::string, int>> kKinds = {{"call", 35}, {"meeting", 15}, {"email", 30},
                                                         {"task", 10}, {"note", 7},     {"sms", 3}};
const char* kTitles[] = {"CEO", "CFO", "Sales manager", "Chief accountant", "IT manager", "Buyer", "Engineer"};
const char* kFirst[] = {"Jānis", "Anna", "Ona", "Olena", "Pēteris", "Jürgen", "Sarah", "Mārtiņš", "Rūta", "Taras"};
const char* kLast[] = {"Bērziņš", "Kazlauskienė", "Kovalchuk", "Tamm", "Müller", "O'Connor", "Ozola", "Jankauskas",
                       "Virtanen", "Nowak", "Taylor", "Kalniņa"};
const char* kTiers[] = {"gold", "silver", "bronze"};

std::string owner(int n) { return "user" + std::to_string(n); }

// Inserts the rows of the benchmark file: the shapes a CRM accumulates,
// with the contact's country mostly its employer's.
void fill(const std::string& building, std::int64_t contacts, std::int64_t tier_field) {
  SQLite::Database db(building, SQLite::OPEN_READWRITE);
  db.exec("PRAGMA synchronous = OFF");
  db.exec("PRAGMA cache_size = -2000000");  // 2 GB: random index inserts stay in memory
  std::mt19937_64 random(42);
  const std::string stamp = format_instant(kNow - pt::hours(24 * 800));
  const std::int64_t accounts = contacts / 5;
  std::vector<std::string> account_country(static_cast<std::size_t>(accounts) + 1);
  {
    SQLite::Transaction tx(db);
    SQLite::Statement account(db,
        "INSERT INTO accounts (name, name_key, industry, city, country, owner, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::int64_t i = 1; i <= accounts; ++i) {
      const std::string& country = weighted(random, kCountries);
      account_country[static_cast<std::size_t>(i)] = country;
      account.bind(1, "Account " + std::to_string(i) + " SIA");
      account.bind(2, "account " + std::to_string(i) + " sia");
      account.bind(3, weighted(random, kIndustries));
      account.bind(4, "City " + std::to_string(random() % 300));
      account.bind(5, country);
      account.bind(6, owner(static_cast<int>(random() % kOwners)));
      account.bind(7, stamp);
      account.bind(8, stamp);
      account.exec();
      account.reset();
    }
    tx.commit();
  }
  std::vector<std::int64_t> employer(static_cast<std::size_t>(contacts) + 1, 0);
  {
    SQLite::Transaction tx(db);
    SQLite::Statement contact(db,
        "INSERT INTO contacts (first_name, last_name, name_key, job_title, birthday, country, owner, created_at, "
        "updated_at, custom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement job(db,
        "INSERT INTO employments (contact_id, account_id, title, started_on, ended_on) VALUES (?, ?, ?, ?, ?)");
    SQLite::Statement tag(db, "INSERT INTO contact_tags (contact_id, tag_key, tag) VALUES (?, ?, ?)");
    for (std::int64_t i = 1; i <= contacts; ++i) {
      const bool employed = random() % 100 < 90;
      const std::int64_t at = 1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(accounts));
      std::string country = employed && random() % 100 < 85 ? account_country[static_cast<std::size_t>(at)]
                                                             : weighted(random, kCountries);
      const char* first = kFirst[random() % 10];
      const char* last = kLast[random() % 12];
      contact.bind(1, first);
      contact.bind(2, last);
      contact.bind(3, detail::match_key(std::string(last) + " " + first));
      contact.bind(4, kTitles[random() % 7]);
      if (random() % 100 < 75) {
        const Birthday birthday{random() % 10 ? std::optional<int>(1950 + static_cast<int>(random() % 55)) : std::nullopt,
                                1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28)};
        contact.bind(5, birthday.to_string());
      } else {
        contact.bind(5);
      }
      if (random() % 100 < 5) contact.bind(6); else contact.bind(6, country);
      contact.bind(7, owner(static_cast<int>(random() % kOwners)));
      contact.bind(8, stamp);
      contact.bind(9, stamp);
      if (random() % 100 < 30)
        contact.bind(10, "{\"" + std::to_string(tier_field) + "\":\"" + kTiers[random() % 3] + "\"}");
      else
        contact.bind(10);
      contact.exec();
      contact.reset();
      if (random() % 100 < 20) {  // a past job
        job.bind(1, i);
        job.bind(2, 1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(accounts)));
        job.bind(3, kTitles[random() % 7]);
        job.bind(4, "2015-02-01");
        job.bind(5, "2019-12-31");
        job.exec();
        job.reset();
      }
      if (employed) {
        employer[static_cast<std::size_t>(i)] = at;
        job.bind(1, i);
        job.bind(2, at);
        job.bind(3, kTitles[random() % 7]);
        job.bind(4, "2020-01-01");
        job.bind(5);
        job.exec();
        job.reset();
      }
      for (const auto& [name, percent] : {std::pair{"VIP", 3}, std::pair{"Newsletter", 35}, std::pair{"Partner", 6},
                                          std::pair{"Event 2024", 10}}) {
        if (static_cast<int>(random() % 100) >= percent) continue;
        tag.bind(1, i);
        tag.bind(2, detail::casefold(name));
        tag.bind(3, name);
        tag.exec();
        tag.reset();
      }
    }
    tx.commit();
  }
  {
    // Activities in the order they happened, over two years up to a month ahead;
    // 40% of the contacts are the busy ones.
    const std::int64_t total = 3 * contacts;
    const std::int64_t span = 730LL * 86400 + 30LL * 86400;
    const Instant start = kNow - pt::hours(730 * 24);
    std::vector<std::int64_t> offsets(static_cast<std::size_t>(total));
    for (auto& offset : offsets) offset = static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(span));
    std::sort(offsets.begin(), offsets.end());
    SQLite::Transaction tx(db);
    SQLite::Statement activity(db,
        "INSERT INTO activities (kind, subject, subject_key, status, starts_at, duration_seconds, direction, owner, "
        "completed_at, account_id, contact_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::int64_t i = 0; i < total; ++i) {
      const Instant when = start + pt::seconds(static_cast<long>(offsets[static_cast<std::size_t>(i)]));
      const std::string at = format_instant(when);
      const std::string& kind = weighted(random, kKinds);
      const bool future = when > kNow;
      const std::string status = future ? "planned" : (random() % 100 < 90 ? "done" : (random() % 5 ? "cancelled" : "planned"));
      std::int64_t contact = 0;
      std::int64_t account = 0;
      if (random() % 100 < 85) {
        contact = random() % 100 < 60 ? 5 * static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(contacts / 5)) + 1 +
                                            static_cast<std::int64_t>(random() % 2)
                                      : 1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(contacts));
        if (random() % 100 < 60) account = employer[static_cast<std::size_t>(contact)];
      } else {
        account = 1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(accounts));
      }
      const std::string subject = kind + " " + std::to_string(i);
      activity.bind(1, kind);
      activity.bind(2, subject);
      activity.bind(3, subject);
      activity.bind(4, status);
      activity.bind(5, at);
      activity.bind(6, static_cast<std::int64_t>(kind == "meeting" ? 3600 : kind == "call" ? random() % 1200 : 0));
      if (kind == "call") activity.bind(7, random() % 2 ? "inbound" : "outbound"); else activity.bind(7);
      activity.bind(8, owner(static_cast<int>(random() % kOwners)));
      if (status == "done") activity.bind(9, at); else activity.bind(9);
      if (account) activity.bind(10, account); else activity.bind(10);
      if (contact) activity.bind(11, contact); else activity.bind(11);
      activity.bind(12, at);
      activity.bind(13, at);
      activity.exec();
      activity.reset();
    }
    tx.commit();
  }
  db.exec("ANALYZE");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

// Builds the file once: the schema and a custom field through the library,
// the rows with prepared inserts (the API's validation is not what is measured).
std::string prepare_file() {
  const std::int64_t contacts = contact_count();
  return crm::bench::cached_data_file("segments", contacts, [&](const std::string& building) {
    crm::bench::add_owner_users(building, kOwners);
    Database db = Database::open(building, crm::bench::data_file_options());
    const std::int64_t tier_field = db.custom_fields()
                                        .define(RecordKind::contact, {.name = "tier", .type = CustomFieldType::choice,
                                                                      .choices = {"gold", "silver", "bronze"}})
                                        .id.value();
    db.close();
    fill(building, contacts, tier_field);
  });
}

const std::string& file() {
  static const std::string path = prepare_file();
  return path;
}

// ---- the cases -------------------------------------------------------------

// A segment and the SQL a developer would write by hand for its count, with
// the values bound to ?1, ?2, ... (as text).
struct Case {
  std::string name;
  std::string filter;
  std::string sql;
  std::vector<std::string> values;
};

const std::vector<Case>& cases() {
  // today = 2025-03-14: today - 90 days = 2024-12-14; birthdays 03-14 .. 04-13.
  static const std::vector<Case> all = {
      {"lv_retail_called_90d",
       R"(country = "LV" and account.industry = "Retail" and has activity(kind = call and start >= today - 90 days))",
       "SELECT count(*) FROM contacts c "
       "WHERE c.deleted_at IS NULL AND c.country = ?1 "
       "AND EXISTS (SELECT 1 FROM employments e JOIN accounts a ON a.id = e.account_id "
       "WHERE e.contact_id = c.id AND e.ended_on IS NULL AND a.deleted_at IS NULL AND a.industry = ?2) "
       "AND EXISTS (SELECT 1 FROM activities x WHERE x.contact_id = c.id AND x.deleted_at IS NULL "
       "AND x.kind = ?3 AND x.starts_at >= ?4)",
       {"LV", "Retail", "call", "2024-12-14"}},
      // The same segment, written starting from the employees of Retail
      // accounts (a scan of the accounts, then employments by account),
      // which is faster here than starting from the contacts in Latvia.
      {"lv_retail_called_90d_retail_first",
       R"(country = "LV" and account.industry = "Retail" and has activity(kind = call and start >= today - 90 days))",
       "SELECT count(*) FROM contacts c "
       "WHERE c.deleted_at IS NULL AND c.country = ?1 "
       "AND c.id IN (SELECT e.contact_id FROM accounts a JOIN employments e ON e.account_id = a.id "
       "WHERE a.industry = ?2 AND a.deleted_at IS NULL AND e.ended_on IS NULL) "
       "AND EXISTS (SELECT 1 FROM activities x WHERE x.contact_id = c.id AND x.deleted_at IS NULL "
       "AND x.kind = ?3 AND x.starts_at >= ?4)",
       {"LV", "Retail", "call", "2024-12-14"}},
      {"vip_birthday_quiet_90d",
       R"(tagged "vip" and birthday within next 30 days and last_activity_at < today - 90 days)",
       "SELECT count(*) FROM contact_tags t JOIN contacts c ON c.id = t.contact_id "
       "WHERE t.tag_key = ?1 AND c.deleted_at IS NULL AND substr(c.birthday, -5) BETWEEN ?2 AND ?3 "
       "AND (SELECT max(x.starts_at) FROM activities x WHERE x.contact_id = c.id AND x.deleted_at IS NULL "
       "AND x.status = 'done') < ?4",
       {"vip", "03-14", "04-13", "2024-12-14"}},
      // A common tag beside a selective indexed field: the owner's index
      // leads. Guards against compiling every `tagged` so that it leads.
      {"owner_newsletter_lv",
       R"(owner = "user7" and tagged "newsletter" and country = "LV")",
       "SELECT count(*) FROM contacts c "
       "WHERE c.deleted_at IS NULL AND c.owner = ?1 AND c.country = ?3 "
       "AND EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag_key = ?2)",
       {"user7", "newsletter", "LV"}},
  };
  return all;
}

// ---- hand-written SQL through the C API --------------------------------------

struct RawConnection {
  sqlite3* handle = nullptr;
  explicit RawConnection(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      throw std::runtime_error("cannot open " + path);
    sqlite3_exec(handle, "PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr);  // as crmcore's connection
  }
  ~RawConnection() { sqlite3_close_v2(handle); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
};

// Prepares, binds, steps and finalizes the statement: what one count costs.
std::int64_t raw_count(sqlite3* db, const Case& c) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, c.sql.c_str(), static_cast<int>(c.sql.size()), &statement, nullptr) != SQLITE_OK)
    throw std::runtime_error(sqlite3_errmsg(db));
  for (std::size_t i = 0; i < c.values.size(); ++i)
    sqlite3_bind_text(statement, static_cast<int>(i + 1), c.values[i].c_str(), static_cast<int>(c.values[i].size()),
                      SQLITE_STATIC);
  if (sqlite3_step(statement) != SQLITE_ROW) {
    sqlite3_finalize(statement);
    throw std::runtime_error(sqlite3_errmsg(db));
  }
  const std::int64_t n = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return n;
}

void print_plan(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  const std::string explain = "EXPLAIN QUERY PLAN " + sql;
  if (sqlite3_prepare_v2(db, explain.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "  (no plan: %s)\n", sqlite3_errmsg(db));
    return;
  }
  std::map<int, int> depth{{0, 0}};
  while (sqlite3_step(statement) == SQLITE_ROW) {
    const int id = sqlite3_column_int(statement, 0);
    const int parent = sqlite3_column_int(statement, 1);
    depth[id] = depth[parent] + 1;
    std::fprintf(stderr, "  %*s%s\n", 2 * depth[id], "", reinterpret_cast<const char*>(sqlite3_column_text(statement, 3)));
  }
  sqlite3_finalize(statement);
}

// Both sides of every case count the same contacts (the `where` list filter
// too); with CRM_BENCH_EXPLAIN set, prints their SQL and query plans.
void check_cases() {
  const bool explain = std::getenv("CRM_BENCH_EXPLAIN") != nullptr;
  Database db = Database::open(file(), crm::bench::data_file_options());
  detail::Session session(file(), crm::bench::data_file_options());
  RawConnection raw(file());
  for (const Case& c : cases()) {
    const Filter filter = Filter::parse(c.filter);
    const std::int64_t ours = db.segments().count(RecordKind::contact, filter);
    const std::int64_t listed = db.contacts().count({.where = c.filter});
    const std::int64_t theirs = raw_count(raw.handle, c);
    std::fprintf(stderr, "%s: %lld contacts (crmcore), %lld (contacts().count where), %lld (hand SQL)\n",
                 c.name.c_str(), static_cast<long long>(ours), static_cast<long long>(listed),
                 static_cast<long long>(theirs));
    if (ours != theirs || listed != theirs) {
      std::fprintf(stderr, "the counts differ: the hand-written SQL is not equivalent\n");
      std::exit(1);
    }
    if (!explain) continue;
    const detail::CompiledFilter compiled = detail::compile_filter(session, RecordKind::contact, filter, "contacts");
    const std::string ours_sql = "SELECT count(*) FROM contacts WHERE contacts.deleted_at IS NULL AND " + compiled.sql;
    std::fprintf(stderr, " crmcore: %s\n", ours_sql.c_str());
    for (const auto& parameter : compiled.parameters)
      std::visit([&](const auto& value) {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::string>)
          std::fprintf(stderr, "   %s = '%s'\n", parameter.name.c_str(), value.c_str());
        else
          std::fprintf(stderr, "   %s = %s\n", parameter.name.c_str(), std::to_string(value).c_str());
      }, parameter.value);
    print_plan(session.db().getHandle(), ours_sql);
    std::fprintf(stderr, " hand SQL: %s\n", c.sql.c_str());
    print_plan(raw.handle, c.sql);
  }
}

// ---- the benchmarks --------------------------------------------------------

void count_crmcore(benchmark::State& state, const Case* c) {
  Database db = Database::open(file(), crm::bench::data_file_options());
  const Filter filter = Filter::parse(c->filter);
  std::int64_t n = 0;
  for (auto _ : state) n = db.segments().count(RecordKind::contact, filter);
  state.counters["contacts"] = static_cast<double>(n);
}

void count_sqlite(benchmark::State& state, const Case* c) {
  RawConnection raw(file());
  std::int64_t n = 0;
  for (auto _ : state) n = raw_count(raw.handle, *c);
  state.counters["contacts"] = static_cast<double>(n);
}

// Both sides in turns (which goes first alternates), so that the load of a
// shared machine weighs on both alike: the counter `ratio` is the median of
// the per-turn ratios crmcore / sqlite; the time is that of both together.
void count_interleaved(benchmark::State& state, const Case* c) {
  Database db = Database::open(file(), crm::bench::data_file_options());
  const Filter filter = Filter::parse(c->filter);
  RawConnection raw(file());
  const auto seconds = [](auto&& body) {
    const auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(body());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::vector<double> ratios;
  double ours_total = 0;
  double raw_total = 0;
  for (auto _ : state) {
    const auto ours = [&] { return db.segments().count(RecordKind::contact, filter); };
    const auto theirs = [&] { return raw_count(raw.handle, *c); };
    double ours_time = 0;
    double raw_time = 0;
    if (ratios.size() % 2 == 0) {
      ours_time = seconds(ours);
      raw_time = seconds(theirs);
    } else {
      raw_time = seconds(theirs);
      ours_time = seconds(ours);
    }
    state.SetIterationTime(ours_time + raw_time);
    ratios.push_back(ours_time / raw_time);
    ours_total += ours_time;
    raw_total += raw_time;
  }
  std::sort(ratios.begin(), ratios.end());
  const std::size_t n = ratios.size();
  state.counters["ratio"] = n % 2 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  state.counters["crmcore_ms"] = 1000 * ours_total / static_cast<double>(n);
  state.counters["sqlite_ms"] = 1000 * raw_total / static_cast<double>(n);
}

// ---- a sales rep against the administrator ----------------------------------

// The rep (user7, sales_rep: their own records and the unassigned ones) and
// an administrator, given their roles on the data file (the system session,
// idempotent); the filter both run.
constexpr const char* kRepLogin = "user7";
constexpr const char* kAdminLogin = "bench-admin";
constexpr const char* kRepFilter = R"(country = "LV" and tagged "newsletter")";

void grant_bench_roles() {
  Database db = Database::open(file(), crm::bench::data_file_options());
  std::optional<User> admin = db.users().find(kAdminLogin);
  if (!admin) db.users().create({.login = kAdminLogin, .roles = {Role::administrator}});
  User rep = db.users().require(kRepLogin);
  if (rep.roles != std::vector<Role>{Role::sales_rep}) {
    rep.roles = {Role::sales_rep};
    db.users().update(rep.id, rep);
  }
}

// The rep's count (list = false) or first page of 50 by name (list = true)
// and the administrator's, in turns: `ratio` is the median rep / admin. The
// administrator runs the same filter, or (narrowed) the filter with the
// rep's owner added: what the rep's view costs beyond the records it keeps.
void rep_against_admin(benchmark::State& state, bool list, bool narrowed) {
  Database admin = Database::open(file(), crm::bench::data_file_options());
  admin.set_user(kAdminLogin);
  Database rep = admin.as_user(kRepLogin);
  const std::string admin_filter =
      narrowed ? std::string(kRepFilter) + " and owner = \"" + kRepLogin + "\"" : std::string(kRepFilter);
  const auto run = [&](Database& db) -> std::int64_t {
    const std::string& where = &db == &admin ? admin_filter : std::string(kRepFilter);
    if (!list) return db.segments().count(RecordKind::contact, Filter::parse(where));
    return static_cast<std::int64_t>(db.contacts().list({.where = where, .limit = 50}).items.size());
  };
  const auto seconds = [](auto&& body) {
    const auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(body());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::vector<double> ratios;
  double rep_total = 0;
  double admin_total = 0;
  for (auto _ : state) {
    double rep_time = 0;
    double admin_time = 0;
    if (ratios.size() % 2 == 0) {
      rep_time = seconds([&] { return run(rep); });
      admin_time = seconds([&] { return run(admin); });
    } else {
      admin_time = seconds([&] { return run(admin); });
      rep_time = seconds([&] { return run(rep); });
    }
    state.SetIterationTime(rep_time + admin_time);
    ratios.push_back(rep_time / admin_time);
    rep_total += rep_time;
    admin_total += admin_time;
  }
  std::sort(ratios.begin(), ratios.end());
  const std::size_t n = ratios.size();
  state.counters["ratio"] = n % 2 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  state.counters["rep_ms"] = 1000 * rep_total / static_cast<double>(n);
  state.counters["admin_ms"] = 1000 * admin_total / static_cast<double>(n);
  state.counters["rep_rows"] = static_cast<double>(run(rep));
  state.counters["admin_rows"] = static_cast<double>(run(admin));
}

void register_benchmarks() {
  const std::string among = "_among_" + std::to_string(contact_count());
  for (const Case& c : cases()) {
    for (const auto& [name, function] : {std::pair{"segment_count/" + c.name + among + "/crmcore", &count_crmcore},
                                         std::pair{"segment_count_raw/" + c.name + among + "/sqlite", &count_sqlite}})
      benchmark::RegisterBenchmark(name.c_str(), function, &c)
          ->Unit(benchmark::kMillisecond)->MinTime(2.0)->Repetitions(5)->ReportAggregatesOnly(true);
  }
  for (const Case& c : cases())
    benchmark::RegisterBenchmark(("segment_count_interleaved/" + c.name + among).c_str(), count_interleaved, &c)
        ->Unit(benchmark::kMillisecond)->UseManualTime()->MinTime(6.0)->Repetitions(3)->ReportAggregatesOnly(true);
  for (const bool narrowed : {false, true})
    for (const bool list : {false, true})
      benchmark::RegisterBenchmark(("sales_rep_vs_administrator" + std::string(narrowed ? "_narrowed_to_the_rep/" : "/") +
                                    (list ? "list_page" : "count") + among)
                                       .c_str(),
                                   rep_against_admin, list, narrowed)
          ->Unit(benchmark::kMillisecond)->UseManualTime()->MinTime(6.0)->Repetitions(3)->ReportAggregatesOnly(true);
}

}  // namespace

int main(int argc, char** argv) {
  check_cases();  // builds the data file first, outside any measurement
  grant_bench_roles();
  register_benchmarks();
  return crm::bench::run_paired_benchmarks(argc, argv);
}
