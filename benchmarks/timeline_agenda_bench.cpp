// An account's timeline and a user's agenda among millions of activities,
// through crmcore against hand-written SQL reading the same rows (every
// column of the activity, copied out) on the same file, in one run.
//
//   [CRM_BENCH_ACTIVITIES=5000000] crm_timeline_agenda_bench
//
// The file is built once (raw inserts, then kept in the temp directory):
// 20,000 accounts, 50,000 contacts employed there, 100 owners, activities
// over five years, mostly done in the past and planned in the future.
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>

#include "crm/crm.hpp"
#include "support/data_file.hpp"
#include "support/paired_main.hpp"

namespace {

using namespace crm;
namespace pt = boost::posix_time;

constexpr int kAccounts = 20000;
constexpr int kContacts = 50000;
constexpr int kOwners = 100;
const Instant kNow = crm::bench::data_file_now();

std::int64_t activity_count() { return crm::bench::size_from_env("CRM_BENCH_ACTIVITIES", 5000000); }

std::string owner(int n) { return "user" + std::to_string(n); }

// Inserts the rows of the benchmark file; the connection is closed (its WAL
// checkpointed and removed) before the file is renamed into place.
void fill(const std::string& building, std::int64_t total) {
  SQLite::Database db(building, SQLite::OPEN_READWRITE);
  db.exec("PRAGMA synchronous = OFF");
  SQLite::Transaction tx(db);
  const std::string stamp = format_instant(kNow);
  SQLite::Statement account(db, "INSERT INTO accounts (name, name_key, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?)");
  for (int i = 1; i <= kAccounts; ++i) {
    account.bind(1, "Account " + std::to_string(i));
    account.bind(2, "account " + std::to_string(i));
    account.bind(3, owner(i % kOwners));
    account.bind(4, stamp);
    account.bind(5, stamp);
    account.exec();
    account.reset();
  }
  SQLite::Statement contact(db, "INSERT INTO contacts (last_name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)");
  SQLite::Statement job(db, "INSERT INTO employments (contact_id, account_id, started_on) VALUES (?, ?, '2018-01-01')");
  for (int i = 1; i <= kContacts; ++i) {
    contact.bind(1, "Person " + std::to_string(i));
    contact.bind(2, "person " + std::to_string(i));
    contact.bind(3, stamp);
    contact.bind(4, stamp);
    contact.exec();
    contact.reset();
    job.bind(1, i);
    job.bind(2, 1 + i % kAccounts);
    job.exec();
    job.reset();
  }
  SQLite::Statement activity(db,
      "INSERT INTO activities (kind, subject, subject_key, status, starts_at, duration_seconds, owner, account_id, "
      "contact_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 600, ?, ?, ?, ?, ?)");
  std::mt19937_64 random(42);
  const char* kinds[] = {"call", "meeting", "email", "task", "note", "sms"};
  const Instant start(Date(2021, 1, 1));
  const std::int64_t span = (kNow - start).total_seconds() + 180LL * 86400;  // until half a year ahead
  for (std::int64_t i = 0; i < total; ++i) {
    const Instant when = start + pt::seconds(static_cast<long>(random() % static_cast<std::uint64_t>(span)));
    const bool future = when > kNow;
    const int contact_id = 1 + static_cast<int>(random() % kContacts);
    const bool via_contact = random() % 2 == 0;
    activity.bind(1, kinds[random() % 6]);
    activity.bind(2, "Activity " + std::to_string(i));
    activity.bind(3, "activity " + std::to_string(i));
    activity.bind(4, future || random() % 50 == 0 ? "planned" : (random() % 10 ? "done" : "cancelled"));
    activity.bind(5, format_instant(when));
    activity.bind(6, owner(static_cast<int>(random() % kOwners)));
    if (via_contact) activity.bind(7); else activity.bind(7, 1 + static_cast<int>(random() % kAccounts));
    if (via_contact) activity.bind(8, contact_id); else activity.bind(8);
    activity.bind(9, stamp);
    activity.bind(10, stamp);
    activity.exec();
    activity.reset();
  }
  tx.commit();
  db.exec("ANALYZE");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

// Builds the file once with prepared inserts (the API's validation is not what is measured here).
std::string prepare_file() {
  const std::int64_t total = activity_count();
  return crm::bench::cached_data_file("activities", total, [&](const std::string& building) {
    crm::bench::add_owner_users(building, kOwners);
    fill(building, total);
  });
}


const std::string& file() {
  static const std::string path = prepare_file();
  return path;
}

// What the hand-written side copies out of each row, like the library does.
struct RawActivity {
  std::vector<std::string> text;
  std::int64_t id = 0;
};

constexpr const char* kColumns =
    "a.id, a.version, a.created_at, a.updated_at, a.deleted_at, a.kind, a.subject, a.body, a.status, a.starts_at, "
    "a.duration_seconds, a.direction, a.outcome, a.phone, a.phone_e164, a.email, a.owner, a.reminder_at, "
    "a.recurrence_unit, a.recurrence_interval, a.recurrence_business, a.recurrence_calendar, a.previous_id, "
    "a.completed_at, a.account_id, a.contact_id, a.opportunity_id, a.lead_id, a.custom";

void read_rows(SQLite::Statement& statement, std::vector<RawActivity>& out) {
  while (statement.executeStep()) {
    RawActivity row;
    row.id = statement.getColumn(0).getInt64();
    for (int c = 1; c < statement.getColumnCount(); ++c) row.text.push_back(statement.getColumn(c).getString());
    out.push_back(std::move(row));
  }
}

std::string account_timeline_sql() {
  return std::string("SELECT ") + kColumns +
         " FROM activities a WHERE a.account_id = :id AND a.deleted_at IS NULL "
         "UNION ALL SELECT " + kColumns +
         " FROM activities a WHERE a.contact_id IN (SELECT contact_id FROM employments WHERE account_id = :id) "
         "AND (a.account_id IS NULL OR a.account_id <> :id) AND a.deleted_at IS NULL AND EXISTS (SELECT 1 FROM "
         "employments e WHERE e.contact_id = a.contact_id AND e.account_id = :id AND (e.started_on IS NULL OR "
         "a.starts_at >= e.started_on) AND (e.ended_on IS NULL OR a.starts_at < date(e.ended_on, '+1 day'))) "
         "ORDER BY 10 DESC, 1 DESC LIMIT 50";
}

void account_timeline_crmcore(benchmark::State& state) {
  Database db = Database::open(file(), crm::bench::data_file_options());
  std::mt19937 random(7);
  std::size_t entries = 0;
  for (auto _ : state) {
    const AccountId account(1 + static_cast<int>(random() % kAccounts));
    entries += db.timelines().account(account, {.limit = 50}).items.size();
  }
  state.counters["entries/call"] = static_cast<double>(entries) / static_cast<double>(state.iterations());
}

void account_timeline_sqlite(benchmark::State& state) {
  SQLite::Database db(file(), SQLite::OPEN_READONLY);
  SQLite::Statement statement(db, account_timeline_sql());
  std::mt19937 random(7);
  std::size_t entries = 0;
  for (auto _ : state) {
    statement.bind(":id", 1 + static_cast<int>(random() % kAccounts));
    std::vector<RawActivity> rows;
    read_rows(statement, rows);
    statement.reset();
    entries += rows.size();
  }
  state.counters["entries/call"] = static_cast<double>(entries) / static_cast<double>(state.iterations());
}

void agenda_crmcore(benchmark::State& state) {
  Database db = Database::open(file(), crm::bench::data_file_options());
  std::mt19937 random(9);
  std::size_t entries = 0;
  for (auto _ : state) {
    const Agenda agenda = db.activities().agenda(owner(static_cast<int>(random() % kOwners)), "UTC", Date(2025, 3, 17),
                                                 Date(2025, 3, 21));
    entries += agenda.overdue.size() + agenda.today.size() + agenda.upcoming.size();
  }
  state.counters["entries/call"] = static_cast<double>(entries) / static_cast<double>(state.iterations());
}

void agenda_sqlite(benchmark::State& state) {
  SQLite::Database db(file(), SQLite::OPEN_READONLY);
  const std::string planned = std::string("SELECT ") + kColumns +
                              " FROM activities a WHERE a.owner = ? AND a.status = 'planned' AND a.deleted_at IS NULL";
  SQLite::Statement overdue(db, planned + " AND a.starts_at < ? ORDER BY a.starts_at, a.id");
  SQLite::Statement range(db, planned + " AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.id");
  std::mt19937 random(9);
  std::size_t entries = 0;
  for (auto _ : state) {
    const std::string who = owner(static_cast<int>(random() % kOwners));
    std::vector<RawActivity> rows;
    overdue.bind(1, who);
    overdue.bind(2, "2025-03-14T00:00:00.000000Z");
    read_rows(overdue, rows);
    overdue.reset();
    for (const auto& [from, to] : {std::pair{"2025-03-14T00:00:00.000000Z", "2025-03-15T00:00:00.000000Z"},
                                   std::pair{"2025-03-17T00:00:00.000000Z", "2025-03-22T00:00:00.000000Z"}}) {
      range.bind(1, who);
      range.bind(2, from);
      range.bind(3, to);
      read_rows(range, rows);
      range.reset();
    }
    entries += rows.size();
  }
  state.counters["entries/call"] = static_cast<double>(entries) / static_cast<double>(state.iterations());
}

void register_benchmarks() {
  const std::string n = std::to_string(activity_count());
  auto add = [&](const std::string& name, void (*function)(benchmark::State&)) {
    benchmark::RegisterBenchmark(name.c_str(), function)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->Repetitions(3)
        ->ReportAggregatesOnly(true);
  };
  add("timeline/account_timeline_among_" + n + "/crmcore", account_timeline_crmcore);
  add("timeline_raw/account_timeline_among_" + n + "/sqlite", account_timeline_sqlite);
  add("agenda/agenda_among_" + n + "/crmcore", agenda_crmcore);
  add("agenda_raw/agenda_among_" + n + "/sqlite", agenda_sqlite);
}

}  // namespace

int main(int argc, char** argv) {
  file();  // build the data file first, outside any measurement
  register_benchmarks();
  return crm::bench::run_paired_benchmarks(argc, argv);
}
