#include "storage/migrations.hpp"

#include <initializer_list>
#include <string>
#include <utility>

#include "crm/error.hpp"
#include "storage/session.hpp"
#include "storage/schema_v1.hpp"
#include "storage/schema_v2.hpp"
#include "storage/schema_v3.hpp"
#include "storage/schema_v4.hpp"
#include "storage/schema_v5.hpp"
#include "storage/schema_v6.hpp"
#include "storage/schema_v7.hpp"
#include "storage/schema_v8.hpp"
#include "storage/schema_v9.hpp"
#include "storage/schema_v10.hpp"
#include "storage/schema_v11.hpp"
#include "storage/schema_v12.hpp"
#include "storage/schema_v13.hpp"

namespace crm::detail {
namespace {

int pragma_int(Session& session, const char* pragma) {
  auto statement = session.prepare(std::string("PRAGMA ") + pragma);
  statement->executeStep();
  return statement->getColumn(0).getInt();
}

// Version 8: opportunities.account_id becomes nullable. SQLite's documented
// PRAGMA writable_schema procedure, which may remove a NOT NULL constraint:
// edit the stored CREATE TABLE, bump the schema cookie so that every
// connection rereads the schema, check the file. Runs in the migration's transaction.
void drop_deal_account_not_null(Session& session) {
  const int cookie = pragma_int(session, "schema_version");
  session.db().exec("PRAGMA writable_schema = ON");
  auto edit = session.prepare(
      "UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2) "
      "WHERE type = 'table' AND name = 'opportunities' AND instr(sql, ?1) > 0");
  edit->bind(1, std::string(kSchemaV8DealAccountBefore));
  edit->bind(2, std::string(kSchemaV8DealAccountAfter));
  const int edited = edit->exec();
  session.db().exec("PRAGMA schema_version = " + std::to_string(cookie + 1));
  session.db().exec("PRAGMA writable_schema = OFF");
  if (edited != 1)
    throw Error(ErrorCode::corrupt, "database: '" + session.path() +
                                        "': opportunities.account_id is not defined as schema version 2 wrote it");
  auto check = session.prepare("PRAGMA integrity_check");
  while (check->executeStep())
    if (const std::string line = check->getColumn(0).getString(); line != "ok")
      throw Error(ErrorCode::corrupt, "database: '" + session.path() + "' after making deals' account optional: " + line);
}

// `text` with each {mark} replaced by its value.
std::string filled(std::string_view text,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string sql(text);
  for (const auto& [mark, value] : values)
    for (std::size_t at = sql.find(mark); at != std::string::npos; at = sql.find(mark, at + value.size()))
      sql.replace(at, mark.size(), value);
  return sql;
}

// Version 10: the triggers that keep every record's owner an active user,
// made per table from one template.
void add_owner_triggers(Session& session) {
  for (std::string_view table : kSchemaV10OwnerTables)
    session.db().exec(filled(kSchemaV10OwnerTriggers, {{"{table}", table}}));
}

// Version 11: the trigger per record table that takes a purged record's
// shares with it.
void add_share_triggers(Session& session) {
  for (const auto& [table, kind] : kSchemaV11SharedTables)
    session.db().exec(filled(kSchemaV11ShareTrigger, {{"{table}", table}, {"{kind}", kind}}));
}

// Version 13: the trigger per person table that refuses to purge a person
// under a legal hold.
void add_legal_hold_triggers(Session& session) {
  for (const auto& [table, kind] : kSchemaV13HeldTables)
    session.db().exec(filled(kSchemaV13HoldTrigger, {{"{table}", table}, {"{kind}", kind}}));
}

constexpr Migration kMigrations[] = {
    {1, "accounts, contacts, emails, phones, tags, consents, employment history", kSchemaV1},
    {2, "pipelines, stages, products, opportunities, stage history, leads, activities, holidays", kSchemaV2},
    {3, "custom fields on accounts, contacts, leads, opportunities and activities", kSchemaV3},
    {4, "saved segments: dynamic filters and static lists", kSchemaV4},
    {5, "full-text search index over accounts, contacts, leads, deals and activities", kSchemaV5},
    {6, "merge history of accounts and contacts", kSchemaV6},
    {7, "lead sources and campaigns as records, exchange rates and the base currency", kSchemaV7},
    {8, "deals without an account; external_ref on activities", kSchemaV8, drop_deal_account_not_null},
    {9, "names' ASCII Latin spellings (latin_key) for search and duplicates", kSchemaV9},
    {10, "users, teams and roles; every record's owner an active user", kSchemaV10, add_owner_triggers},
    {11, "records shared with a user or a team", kSchemaV11, add_share_triggers},
    {12, "the audit trail: who changed which fields of which record, when", kSchemaV12},
    {13, "legal holds on persons; erasures in the audit trail", kSchemaV13, add_legal_hold_triggers},
};

bool has_user_tables(Session& session) {
  auto statement = session.prepare(
      "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  statement->executeStep();
  return statement->getColumn(0).getInt() > 0;
}

}  // namespace

std::span<const Migration> schema_migrations() noexcept { return kMigrations; }

void check_schema_compatible(Session& session, std::span<const Migration> migrations) {
  ReadScope snapshot(session);  // the version and the tables from one state of the file
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  const int version = session.reread_schema_version();
  if (version > latest)
    throw Error(ErrorCode::unsupported,
                "database: '" + session.path() + "' has schema version " + std::to_string(version) +
                    ", written by a newer crmcore; this library reads versions up to " + std::to_string(latest));
  if (version == 0 && has_user_tables(session))
    throw Error(ErrorCode::corrupt,
                "database: '" + session.path() + "' is a SQLite file but not a crmcore database");
}

void migrate(Session& session, std::span<const Migration> migrations,
             const std::function<void(Session&)>& before_commit) {
  check_schema_compatible(session, migrations);
  if (!migrations.empty() && session.schema_version() == migrations.back().version) return;
  // Under the write lock, look again: another connection may have migrated
  // (or created) the file since.
  WriteScope scope(session);
  check_schema_compatible(session, migrations);
  const int from = session.schema_version();
  for (const Migration& migration : migrations) {
    if (migration.version <= from) continue;
    session.db().exec(std::string(migration.sql));
    if (migration.then) migration.then(session);
    auto log = session.prepare("INSERT INTO crm_migrations (version, summary, applied_at) VALUES (?, ?, ?)");
    log->bind(1, migration.version);
    log->bind(2, std::string(migration.summary));
    log->bind(3, format_instant(session.now()));
    log->exec();
    session.db().exec("PRAGMA user_version = " + std::to_string(migration.version));
  }
  session.set_schema_version(migrations.back().version);
  try {
    if (before_commit) before_commit(session);
    scope.commit();
  } catch (...) {
    session.set_schema_version(from);
    throw;
  }
}

}  // namespace crm::detail
