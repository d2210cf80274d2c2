#include "storage/migrations.hpp"

#include <fstream>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "storage/session.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::TempDir;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes the frozen schema-version-1 file from its SQL dump.
std::string write_v1_file(const TempDir& dir) {
  const std::string path = dir.file("v1.crm");
  SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  raw.exec(read_file(CRM_TEST_FIXTURES "/schema_v1.sql"));
  return path;
}

TEST(Migrations, OpensFileWrittenBySchemaVersion1WithAllItsData) {
  TempDir dir;
  const std::string path = write_v1_file(dir);
  OpenOptions options;
  options.default_region = "LV";
  Database db = Database::open(path, options);
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  EXPECT_TRUE(db.integrity_check().empty());

  const auto account = db.accounts().find_by_external_ref("ERP-7");
  ASSERT_TRUE(account);
  EXPECT_EQ(account->name, "SIA Vecā Firma");
  EXPECT_EQ(account->tags, std::vector<std::string>{"VIP"});
  EXPECT_EQ(db.accounts().subsidiaries(account->id).at(0).name, "UAB Naujoji");

  const auto janis = db.contacts().find_by_phone("+371 26 123 456");
  ASSERT_EQ(janis.size(), 1u);
  EXPECT_EQ(janis[0].last_name, "Bērziņš");
  EXPECT_EQ(janis[0].account, account->id);
  EXPECT_EQ(janis[0].birthday, (Birthday{std::nullopt, 2, 29}));
  EXPECT_EQ(db.contacts().list({.deleted = DeletedFilter::only}).items.at(0).last_name, "Ковальчук");

  // The file keeps working for writes after the upgrade, custom fields included.
  db.custom_fields().define(RecordKind::contact, {.name = "tier"});
  Contact updated = janis[0];
  updated.job_title = "CEO";
  updated.custom["tier"] = "gold";
  EXPECT_EQ(db.contacts().update(updated).version, janis[0].version + 1);
  EXPECT_EQ(db.contacts().get(updated.id).custom, (CustomValues{{"tier", "gold"}}));
}

TEST(Migrations, OlderFileCanBeBackedUpBeforeMigrating) {
  TempDir dir;
  const std::string path = write_v1_file(dir);
  OpenOptions options;
  options.migrate = false;
  Database db = Database::open(path, options);
  db.backup_to(dir.file("before-upgrade.crm"));
  ASSERT_EQ(db.schema_version(), 1);
  EXPECT_CRM_ERROR(db.accounts(), ErrorCode::unsupported);
  db.migrate();
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  EXPECT_NO_THROW(db.accounts());
  // The backup is the file as it was: still version 1, with its data.
  Database backup = Database::open(dir.file("before-upgrade.crm"), options);
  EXPECT_EQ(backup.schema_version(), 1);
  backup.migrate();
  EXPECT_TRUE(backup.accounts().find_by_external_ref("ERP-7"));
}

// A migration list whose last step fails, to prove all steps share one transaction.
TEST(Migrations, FailingStepLeavesTheFileUntouched) {
  TempDir dir;
  const std::string path = dir.file("fail.crm");
  detail::Session session(path, OpenOptions{});
  const detail::Migration steps[] = {
      {1, "tables", "CREATE TABLE crm_migrations (version INTEGER PRIMARY KEY, summary TEXT, applied_at TEXT);"
                    "CREATE TABLE first (id INTEGER PRIMARY KEY);"},
      {2, "broken", "CREATE TABLE second (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);"},
  };
  EXPECT_THROW(detail::migrate(session, steps), std::exception);
  EXPECT_EQ(session.schema_version(), 0);
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 0);
  EXPECT_FALSE(raw.tableExists("first"));
  EXPECT_FALSE(raw.tableExists("second"));
}

TEST(Migrations, AppliedStepsAreLoggedAndVersionRecorded) {
  TempDir dir;
  const std::string path = dir.file("log.crm");
  Database::open(path).close();
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::latest_schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM crm_migrations").getInt(), Database::latest_schema_version());
  EXPECT_EQ(static_cast<int>(detail::schema_migrations().size()), Database::latest_schema_version());
}

}  // namespace
}  // namespace crm
