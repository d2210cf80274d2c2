// Schema version 8: history as it was, imported from another CRM.
//
// A deal may have no account (Salesforce and most CRMs allow it):
// opportunities.account_id loses its NOT NULL. SQLite cannot drop a
// constraint with ALTER TABLE; migrations.cpp edits the stored CREATE TABLE
// text instead, by SQLite's documented PRAGMA writable_schema procedure
// for removing NOT NULL constraints (kSchemaV8DealAccountBefore becomes
// kSchemaV8DealAccountAfter), bumps the schema cookie and runs an
// integrity check, all in the migration's transaction. Rows, indexes,
// triggers and foreign keys are untouched.
//
// Activities gain external_ref, the embedding system's key (a Salesforce
// Task or Event id), unique when set like the other kinds'. Frozen once released.
#pragma once

#include <string_view>

namespace crm::detail {

inline constexpr std::string_view kSchemaV8 = R"sql(
ALTER TABLE activities ADD COLUMN external_ref TEXT;
CREATE UNIQUE INDEX activities_external_ref ON activities(external_ref) WHERE external_ref IS NOT NULL;
)sql";

/// The definition of opportunities.account_id as schema version 2 wrote it.
inline constexpr std::string_view kSchemaV8DealAccountBefore =
    "account_id             INTEGER NOT NULL REFERENCES accounts(id)";
/// The same column, nullable.
inline constexpr std::string_view kSchemaV8DealAccountAfter = "account_id             INTEGER REFERENCES accounts(id)";

}  // namespace crm::detail
