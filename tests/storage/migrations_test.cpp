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

// A file at schema version 6, whose records name their lead source and
// deal campaign in free text, in several spellings of the same names.
std::string write_v6_file_with_free_text_origins(const TempDir& dir) {
  const std::string path = dir.file("v6.crm");
  detail::Session session(path, OpenOptions{});
  detail::migrate(session, detail::schema_migrations().first(6));
  session.db().exec(R"sql(
    INSERT INTO accounts (id, name, name_key, lead_source, created_at, updated_at) VALUES
      (1, 'Alfa', 'alfa', 'Web', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z'),
      (2, 'Beta', 'beta', 'web ', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z'),
      (3, 'Gamma', 'gamma', 'Referral', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z'),
      (4, 'Delta', 'delta', NULL, '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
    INSERT INTO contacts (id, last_name, name_key, lead_source, created_at, updated_at) VALUES
      (1, 'Ozola', 'ozola', 'WEB', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
    INSERT INTO leads (id, last_name, name_key, source, status, created_at, updated_at) VALUES
      (1, 'Liepa', 'liepa', 'Réferral', 'new', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z'),
      (2, 'Kalna', 'kalna', '  ', 'new', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
    INSERT INTO opportunities (id, account_id, name, name_key, amount_minor, currency, pipeline_id, stage_id,
                               probability, lead_source, campaign, created_at, updated_at)
      SELECT 1, 1, 'Licences', 'licences', 10000, 'EUR', pipeline_id, id, 10, 'web', 'Spring fair',
             '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z' FROM stages ORDER BY id LIMIT 1;
    INSERT INTO opportunities (id, account_id, name, name_key, amount_minor, currency, pipeline_id, stage_id,
                               probability, lead_source, campaign, created_at, updated_at)
      SELECT 2, 3, 'Support', 'support', 20000, 'EUR', pipeline_id, id, 10, NULL, 'spring  FAIR',
             '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z' FROM stages ORDER BY id LIMIT 1;
  )sql");
  return path;
}

TEST(Migrations, EveryDistinctOwnerTextBecomesAnActiveUserAndKeepsItsRecords) {
  TempDir dir;
  const std::string path = write_v1_file(dir);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE accounts SET owner = 'Jānis Kalniņš' WHERE id = 2; UPDATE contacts SET owner = 'Olena' WHERE id = 1;"
             "UPDATE contacts SET owner = 'anna' WHERE id = 2");
  }
  Database db = Database::open(path);
  EXPECT_TRUE(db.integrity_check().empty());
  std::vector<std::string> logins;
  for (const User& user : db.users().list()) {
    logins.push_back(user.login);
    EXPECT_EQ(user.name, user.login);
    EXPECT_TRUE(user.active);
    EXPECT_TRUE(user.roles.empty());
  }
  EXPECT_EQ(logins, (std::vector<std::string>{"Jānis Kalniņš", "Olena", "anna"}));
  EXPECT_EQ(db.accounts().get(AccountId(1)).owner, "anna");
  EXPECT_EQ(db.accounts().get(AccountId(2)).owner, "Jānis Kalniņš");
  EXPECT_EQ(db.users().owned_records("anna"), 1);  // contact 2 is deleted
  // The records stay writable with their owners; a new owner must be a user.
  Contact olena_owned = db.contacts().get(ContactId(1));
  olena_owned.job_title = "CEO";
  EXPECT_EQ(db.contacts().update(olena_owned).owner, "Olena");
  olena_owned = db.contacts().get(ContactId(1));
  olena_owned.owner = "nobody";
  EXPECT_EQ(EXPECT_CRM_ERROR(db.contacts().update(olena_owned), ErrorCode::invalid_argument).field(), "contact.owner");
}

TEST(Migrations, FreeTextLeadSourcesAndCampaignsBecomeOneRecordPerFoldedName) {
  TempDir dir;
  Database db = Database::open(write_v6_file_with_free_text_origins(dir));
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  EXPECT_TRUE(db.integrity_check().empty());
  std::vector<std::string> sources;
  for (const LeadSource& source : db.lead_sources().list()) sources.push_back(source.name);
  EXPECT_EQ(sources, (std::vector<std::string>{"Referral", "Web"}));
  EXPECT_EQ(db.accounts().get(AccountId(1)).lead_source, "Web");
  EXPECT_EQ(db.accounts().get(AccountId(2)).lead_source, "Web");
  EXPECT_EQ(db.accounts().get(AccountId(3)).lead_source, "Referral");
  EXPECT_EQ(db.accounts().get(AccountId(4)).lead_source, "");
  EXPECT_EQ(db.contacts().get(ContactId(1)).lead_source, "Web");
  EXPECT_EQ(db.leads().get(LeadId(1)).source, "Referral");
  EXPECT_EQ(db.leads().get(LeadId(2)).source, "");
  EXPECT_EQ(db.opportunities().get(OpportunityId(1)).lead_source, "Web");
  const auto campaigns = db.campaigns().list();
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_EQ(campaigns[0].name, "Spring fair");
  EXPECT_EQ(campaigns[0].channel, CampaignChannel::other);
  EXPECT_EQ(campaigns[0].cost, Money(0, "EUR"));
  EXPECT_FALSE(campaigns[0].starts_on);
  EXPECT_EQ(db.opportunities().get(OpportunityId(1)).campaign, "Spring fair");
  EXPECT_EQ(db.opportunities().get(OpportunityId(2)).campaign, "Spring fair");
  EXPECT_EQ(db.currencies().base(), "EUR");
  // The free-text columns are gone; the records still save.
  SQLite::Database raw(dir.file("v6.crm"), SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM pragma_table_info('opportunities') WHERE name IN "
                           "('lead_source', 'campaign')").getInt(), 0);
  Account beta = db.accounts().get(AccountId(2));
  beta.campaign = "SPRING FAIR";
  EXPECT_EQ(db.accounts().update(beta).campaign, "Spring fair");
}

// A file at schema version 7 with deals (every one with an account, as
// version 7 required), their history, tags and activities.
std::string write_v7_file_with_deals(const TempDir& dir) {
  const std::string path = dir.file("v7.crm");
  detail::Session session(path, OpenOptions{});
  detail::migrate(session, detail::schema_migrations().first(7));
  session.db().exec(R"sql(
    INSERT INTO accounts (id, name, name_key, created_at, updated_at) VALUES
      (1, 'SIA Koks', 'siakoks', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
    INSERT INTO opportunities (id, account_id, name, name_key, amount_minor, currency, pipeline_id, stage_id,
                               probability, external_ref, created_at, updated_at, version)
      SELECT 1, 1, 'Jumta remonts', 'jumtaremonts', 250000, 'EUR', pipeline_id, id, 10, 'D-1',
             '2025-01-01T00:00:00.000000Z', '2025-01-02T00:00:00.000000Z', 3 FROM stages ORDER BY id LIMIT 1;
    INSERT INTO opportunity_tags (opportunity_id, tag, tag_key) VALUES (1, 'roof', 'roof');
    INSERT INTO activities (id, kind, subject, subject_key, status, starts_at, account_id, opportunity_id,
                            created_at, updated_at)
      VALUES (1, 'call', 'Pirmais zvans', 'pirmaiszvans', 'done', '2025-01-03T10:00:00.000000Z', 1, 1,
              '2025-01-03T10:00:00.000000Z', '2025-01-03T10:00:00.000000Z');
  )sql");
  const bool required = session.db().execAndGet(
      "SELECT \"notnull\" FROM pragma_table_info('opportunities') WHERE name = 'account_id'").getInt() == 1;
  EXPECT_TRUE(required) << "version 7 requires a deal's account";
  return path;
}

TEST(Migrations, Version7DealsKeepEverythingAndTheAccountBecomesOptional) {
  TempDir dir;
  const std::string path = write_v7_file_with_deals(dir);
  Database db = Database::open(path);
  ASSERT_EQ(db.schema_version(), Database::latest_schema_version());
  EXPECT_TRUE(db.integrity_check().empty());

  const Opportunity old = db.opportunities().get(OpportunityId(1));
  EXPECT_EQ(old.account, AccountId(1));
  EXPECT_EQ(old.name, "Jumta remonts");
  EXPECT_EQ(old.amount, Money::parse("2500.00 EUR"));
  EXPECT_EQ(old.external_ref, "D-1");
  EXPECT_EQ(old.tags, std::vector<std::string>{"roof"});
  EXPECT_EQ(old.version, 3);
  EXPECT_EQ(db.activities().get(ActivityId(1)).opportunity, old.id);
  EXPECT_EQ(db.activities().get(ActivityId(1)).external_ref, "");

  // The same connection writes a deal without an account at once.
  const Opportunity orphan = db.opportunities().create({.name = "Bez klienta", .amount = Money::parse("10 EUR")});
  EXPECT_FALSE(db.opportunities().get(orphan.id).account);
  // Foreign keys, indexes and the search triggers of deals still work.
  EXPECT_CRM_ERROR(db.opportunities().create({.account = AccountId(404), .name = "X", .amount = Money::parse("1 EUR")}),
                   ErrorCode::not_found);
  EXPECT_EQ(db.search().find("klienta").at(0).id, orphan.id.value());
  EXPECT_EQ(db.search().find("jumta").at(0).id, old.id.value());
  EXPECT_CRM_ERROR(db.accounts().purge(AccountId(1)), ErrorCode::conflict);  // its deal still refers to it

  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("SELECT \"notnull\" FROM pragma_table_info('opportunities') WHERE name = 'account_id'")
                .getInt(), 0);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM pragma_foreign_key_list('opportunities') WHERE \"from\" = 'account_id' "
                           "AND \"table\" = 'accounts'").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name IN ('opportunities_account', "
                           "'search_opportunities_insert', 'activities_external_ref')").getInt(), 3);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt(), 0);
}

TEST(Migrations, Version8RefusesAnOpportunitiesTableItDoesNotRecognize) {
  TempDir dir;
  const std::string path = dir.file("odd.crm");
  {
    detail::Session session(path, OpenOptions{});
    detail::migrate(session, detail::schema_migrations().first(7));
    // Written by hand, not by crmcore: the column's definition differs.
    session.db().exec("PRAGMA writable_schema = ON");
    session.db().exec("UPDATE sqlite_schema SET sql = replace(sql, 'account_id             INTEGER NOT NULL', "
                      "'account_id INTEGER NOT NULL') WHERE name = 'opportunities'");
    const int cookie = session.db().execAndGet("PRAGMA schema_version").getInt();
    session.db().exec("PRAGMA schema_version = " + std::to_string(cookie + 1));
    session.db().exec("PRAGMA writable_schema = OFF");
  }
  const Error error = EXPECT_CRM_ERROR(Database::open(path), ErrorCode::corrupt);
  EXPECT_NE(std::string(error.what()).find("opportunities.account_id"), std::string::npos) << error.what();
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 7);  // nothing changed
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
  // One log row per migration, in increasing versions (a number may be free
  // while branches that each add one are merged).
  std::string versions;
  int previous = 0;
  for (const detail::Migration& step : detail::schema_migrations()) {
    EXPECT_GT(step.version, previous);
    previous = step.version;
    versions += (versions.empty() ? "" : ",") + std::to_string(step.version);
  }
  EXPECT_EQ(previous, Database::latest_schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT group_concat(version) FROM (SELECT version FROM crm_migrations ORDER BY version)")
                .getString(),
            versions);
}

}  // namespace
}  // namespace crm
