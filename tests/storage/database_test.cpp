#include "crm/database.hpp"

#include <fstream>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "storage/errors.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::TempDir;

std::string pragma(const std::string& path, const std::string& name) {
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  return raw.execAndGet("PRAGMA " + name).getString();
}

TEST(Database, CreatesFileWithWalAndCurrentSchema) {
  TempDir dir;
  const std::string path = dir.file("new.crm");
  {
    Database db = Database::open(path);
    EXPECT_TRUE(db.is_open());
    EXPECT_EQ(db.path(), path);
    EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  }
  EXPECT_EQ(pragma(path, "journal_mode"), "wal");
  EXPECT_EQ(pragma(path, "user_version"), std::to_string(Database::latest_schema_version()));
}

TEST(Database, EnforcesForeignKeys) {
  Database db = Database::open_in_memory();
  ContactData contact;
  contact.last_name = "Ozola";
  contact.account = AccountId(999);
  auto error = EXPECT_CRM_ERROR(db.contacts().create(contact), ErrorCode::not_found);
  EXPECT_EQ(error.field(), "contact.account");
}

TEST(Database, MissingFileWithoutCreateIsNotFound) {
  TempDir dir;
  OpenOptions options;
  options.create = false;
  EXPECT_CRM_ERROR(Database::open(dir.file("absent.crm"), options), ErrorCode::not_found);
  EXPECT_CRM_ERROR(Database::open(""), ErrorCode::invalid_argument);
}

TEST(Database, RefusesFileFromNewerLibrary) {
  TempDir dir;
  const std::string path = dir.file("future.crm");
  Database::open(path).close();
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 999");
  }
  auto error = EXPECT_CRM_ERROR(Database::open(path), ErrorCode::unsupported);
  EXPECT_NE(std::string(error.what()).find("999"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("newer"), std::string::npos) << error.what();
}

TEST(Database, RefusesForeignSqliteFileAndGarbage) {
  TempDir dir;
  const std::string foreign = dir.file("other.db");
  {
    SQLite::Database raw(foreign, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
  }
  EXPECT_CRM_ERROR(Database::open(foreign), ErrorCode::corrupt);
  const std::string garbage = dir.file("garbage.crm");
  std::ofstream(garbage) << std::string(8192, 'x');
  EXPECT_CRM_ERROR(Database::open(garbage), ErrorCode::corrupt);
}

TEST(Database, ClosedDatabaseFailsClearly) {
  Database db = Database::open_in_memory();
  db.close();
  db.close();  // harmless twice
  EXPECT_FALSE(db.is_open());
  auto error = EXPECT_CRM_ERROR(db.accounts(), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("closed"), std::string::npos);
  Database moved = Database::open_in_memory();
  Database target = std::move(moved);
  EXPECT_FALSE(moved.is_open());
  EXPECT_TRUE(target.is_open());
}

TEST(Database, TransactionCommitsOrRollsBack) {
  Database db = Database::open_in_memory();
  {
    Transaction tx(db);
    db.accounts().create({.name = "Kept"});
    tx.commit();
  }
  {
    Transaction tx(db);
    db.accounts().create({.name = "Dropped"});
  }  // no commit: rolled back
  const auto page = db.accounts().list();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].name, "Kept");
}

TEST(Database, NestedTransactionRollsBackOnlyItsPart) {
  Database db = Database::open_in_memory();
  Transaction outer(db);
  db.accounts().create({.name = "Outer"});
  {
    Transaction inner(db);
    db.accounts().create({.name = "Inner"});
    inner.rollback();
  }
  outer.commit();
  EXPECT_EQ(db.accounts().list().items.size(), 1u);
  EXPECT_CRM_ERROR(outer.commit(), ErrorCode::invalid_argument);
}

TEST(Database, FailedWriteInsideTransactionLeavesEarlierWorkIntact) {
  Database db = Database::open_in_memory();
  Transaction tx(db);
  db.accounts().create({.name = "First", .external_ref = "C-1"});
  EXPECT_CRM_ERROR(db.accounts().create({.name = "Second", .external_ref = "C-1"}), ErrorCode::already_exists);
  tx.commit();
  EXPECT_EQ(db.accounts().list().items.size(), 1u);
}

TEST(Database, TransactionOutlivingCloseIsSafe) {
  Database db = Database::open_in_memory();
  Transaction tx = db.transaction();
  db.accounts().create({.name = "Pending"});
  db.close();
  tx.rollback();  // connection kept alive until here; no crash
  SUCCEED();
}

TEST(Database, CloseRollsBackAPendingTransactionAndReleasesTheConnectionAtOnce) {
  TempDir dir;
  const std::string path = dir.file("close.crm");
  Database db = Database::open(path);
  Transaction tx = db.transaction();
  db.accounts().create({.name = "Pending"});
  db.close();
  // The write lock is gone: another connection writes without waiting.
  OpenOptions impatient;
  impatient.busy_timeout = std::chrono::milliseconds(0);
  Database other = Database::open(path, impatient);
  other.accounts().create({.name = "Other"});
  // The pending transaction was rolled back and cannot commit any more.
  const Error error = EXPECT_CRM_ERROR(tx.commit(), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("closed"), std::string::npos) << error.what();
  const auto page = other.accounts().list();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].name, "Other");
}

TEST(Database, AClockUsingItsOwnDatabaseIsRefused) {
  Database* self = nullptr;
  std::string refused;
  OpenOptions options;
  options.clock = [&] {
    if (self) {
      try {
        self->accounts().count();
      } catch (const Error& e) {
        refused = e.what();
      }
    }
    return Instant(Date(2025, 3, 14), boost::posix_time::hours(10));
  };
  Database db = Database::open_in_memory(options);
  self = &db;
  db.accounts().create({.name = "Stamped"});
  EXPECT_NE(refused.find("callback of its own operation"), std::string::npos) << refused;
}

TEST(Database, SecondWriterWaitsThenFailsBusy) {
  TempDir dir;
  const std::string path = dir.file("busy.crm");
  Database first = Database::open(path);
  OpenOptions impatient;
  impatient.busy_timeout = std::chrono::milliseconds(50);
  Database second = Database::open(path, impatient);
  Transaction hold(first);
  first.accounts().create({.name = "Holding the lock"});
  EXPECT_CRM_ERROR(second.accounts().create({.name = "Blocked"}), ErrorCode::busy);
  hold.commit();
  EXPECT_NO_THROW(second.accounts().create({.name = "Now free"}));
  EXPECT_EQ(second.accounts().list().items.size(), 2u);
}

TEST(Database, ReadOnlyConnectionRefusesWrites) {
  TempDir dir;
  const std::string path = dir.file("ro.crm");
  Database::open(path).accounts().create({.name = "Existing"});
  OpenOptions options;
  options.read_only = true;
  Database db = Database::open(path, options);
  EXPECT_EQ(db.accounts().list().items.size(), 1u);
  EXPECT_CRM_ERROR(db.accounts().create({.name = "New"}), ErrorCode::permission_denied);
}

TEST(Database, BackupCopiesEverythingWhileOpen) {
  TempDir dir;
  Database db = Database::open(dir.file("main.crm"));
  db.accounts().create({.name = "SIA Backup", .external_ref = "B-1"});
  db.backup_to(dir.file("copy.crm"));
  Database copy = Database::open(dir.file("copy.crm"));
  ASSERT_TRUE(copy.accounts().find_by_external_ref("B-1"));
  EXPECT_EQ(copy.accounts().find_by_external_ref("B-1")->name, "SIA Backup");
  EXPECT_CRM_ERROR(db.backup_to(dir.file("main.crm")), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.backup_to(dir.file("no/such/dir/x.crm")), ErrorCode::io);
}

TEST(Database, IntegrityCheckIsEmptyForSoundFileAndReportsBrokenLinks) {
  TempDir dir;
  const std::string path = dir.file("check.crm");
  {
    Database db = Database::open(path);
    EXPECT_TRUE(db.integrity_check().empty());
  }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA foreign_keys = OFF");
    raw.exec("INSERT INTO account_tags (account_id, tag_key, tag) VALUES (42, 'x', 'x')");
  }
  Database db = Database::open(path);
  const auto problems = db.integrity_check();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("account_tags"), std::string::npos) << problems[0];
}

TEST(Database, RefusesUnknownDefaultRegion) {
  OpenOptions options;
  options.default_region = "XX";
  auto error = EXPECT_CRM_ERROR(Database::open_in_memory(options), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "default_region");
}

}  // namespace
}  // namespace crm

namespace crm {
namespace {

// A trigger that fails the third statement of a contact create (its email)
// stands in for any failure in the middle of a write.
class HalfWrittenTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::string path = dir.file("half.crm");
  Database db = Database::open(path);

  void SetUp() override {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("CREATE TRIGGER refuse_email BEFORE INSERT ON contact_emails WHEN NEW.address = 'boom@x.lv' "
             "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");
  }

  static ContactData doomed() {
    ContactData data;
    data.last_name = "Half";
    data.phones = {{PhoneKind::mobile, "+371 26 000 001", ""}};
    data.emails = {{"boom@x.lv", true}};
    data.tags = {"t"};
    return data;
  }

  std::int64_t rows(const char* table) {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    return raw.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
  }
};

TEST_F(HalfWrittenTest, FailedCreateLeavesNoHalfRowOnItsOwn) {
  EXPECT_THROW(db.contacts().create(doomed()), Error);
  EXPECT_EQ(rows("contacts"), 0);
  EXPECT_EQ(rows("contact_phones"), 0);
}

TEST_F(HalfWrittenTest, FailedCreateLeavesNoHalfRowInsideCallersTransaction) {
  Transaction tx(db);
  db.contacts().create({.last_name = "Kept"});
  EXPECT_THROW(db.contacts().create(doomed()), Error);
  tx.commit();
  EXPECT_EQ(rows("contacts"), 1);
  EXPECT_EQ(rows("contact_phones"), 0);
  EXPECT_EQ(rows("contact_tags"), 0);
  EXPECT_EQ(db.contacts().list().items.at(0).last_name, "Kept");
}

TEST_F(HalfWrittenTest, FailedUpdateInsideCallersTransactionRollsBackOnlyItself) {
  Contact contact = db.contacts().create({.last_name = "Before", .emails = {{"ok@x.lv", true}}});
  Transaction tx(db);
  db.contacts().create({.last_name = "Kept"});
  contact.last_name = "After";
  contact.emails = {{"boom@x.lv", true}};
  EXPECT_THROW(db.contacts().update(contact), Error);
  tx.commit();
  const Contact stored = db.contacts().get(contact.id);
  EXPECT_EQ(stored.last_name, "Before");
  EXPECT_EQ(stored.emails.at(0).address, "ok@x.lv");
  EXPECT_EQ(stored.version, 1);
  EXPECT_EQ(rows("contacts"), 2);
}

}  // namespace
}  // namespace crm

#include <atomic>
#include <thread>

namespace crm {
namespace {

TEST(Database, ManyConnectionsCreatingOneNewFileAtOnceAllSucceed) {
  test::TempDir dir;
  for (int round = 0; round < 15; ++round) {
    const std::string path = dir.file("race-" + std::to_string(round) + ".crm");
    std::atomic<int> opened{0};
    std::vector<std::string> failures(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        try {
          Database db = Database::open(path);
          if (db.schema_version() == Database::latest_schema_version()) ++opened;
        } catch (const Error& error) {
          failures[static_cast<std::size_t>(t)] = error.what();
        }
      });
    for (auto& thread : threads) thread.join();
    for (const auto& failure : failures) EXPECT_EQ(failure, "") << "round " << round;
    EXPECT_EQ(opened.load(), 4) << "round " << round;
  }
}

TEST(Database, BackupToALockedDestinationFailsBusyInsteadOfPretending) {
  test::TempDir dir;
  Database db = Database::open(dir.file("source.crm"));
  db.accounts().create({.name = "Only in the source"});
  const std::string destination = dir.file("locked.crm");
  SQLite::Database holder(destination, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  holder.exec("CREATE TABLE old (x)");
  holder.exec("BEGIN EXCLUSIVE");
  OpenOptions impatient;
  impatient.busy_timeout = std::chrono::milliseconds(50);
  Database hurried = Database::open(dir.file("source.crm"), impatient);
  EXPECT_CRM_ERROR(hurried.backup_to(destination), ErrorCode::busy);
  holder.exec("ROLLBACK");
  hurried.backup_to(destination);
  EXPECT_EQ(Database::open(destination).accounts().count(), 1);
}

}  // namespace
}  // namespace crm

#include "storage/session.hpp"

namespace crm {
namespace {

// SQLite rolls a whole transaction back by itself after some errors (disk
// full, I/O). Later writes must not commit one by one as if nothing happened.
TEST(WriteScopes, WritesAfterSQLiteRolledBackTheTransactionFail) {
  detail::Session session(":memory:", OpenOptions{});
  detail::WriteScope outer(session);
  session.execute("CREATE TABLE t (x)");
  session.execute("ROLLBACK");  // what SQLite does on its own after SQLITE_FULL
  EXPECT_CRM_ERROR(detail::WriteScope inner(session), ErrorCode::conflict);
  EXPECT_CRM_ERROR(outer.commit(), ErrorCode::conflict);  // nothing left to commit
}

TEST(WriteScopes, NestedScopeNoticesTheLostTransactionAtCommit) {
  detail::Session session(":memory:", OpenOptions{});
  detail::WriteScope outer(session);
  detail::WriteScope inner(session);
  session.execute("ROLLBACK");
  EXPECT_CRM_ERROR(inner.commit(), ErrorCode::conflict);
}

// SQLite's limits on one statement are the caller's input being too large,
// not a failing disk: invalid_argument, never io.
TEST(Database, EngineLimitsAreInvalidArgumentNotIo) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE);
  std::string deep = "SELECT 1";
  for (int i = 0; i < 1500; ++i) deep += " OR 1";
  std::string variables = "SELECT ?";
  for (int i = 0; i < 40'000; ++i) variables += ", ?";
  const std::string huge(2'000'000, 'x');
  sqlite3_limit(raw.getHandle(), SQLITE_LIMIT_LENGTH, 1'000'000);
  for (const std::string& sql : {deep, variables, "SELECT '" + huge + "'"}) {
    const Error error = EXPECT_CRM_ERROR(detail::guarded([&] { raw.exec(sql); }), ErrorCode::invalid_argument);
    EXPECT_EQ(std::string(error.what()).find("internal"), std::string::npos) << error.what();
  }
  // Other SQLite errors are not taken for the caller's input.
  EXPECT_CRM_ERROR(detail::guarded([&] { raw.exec("SELECT * FROM no_such_table"); }), ErrorCode::io);
}

}  // namespace
}  // namespace crm
