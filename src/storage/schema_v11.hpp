// Schema version 11: records shared explicitly with a user or a team, and
// owner indexes that include the records without an owner.
//
// `record_shares` lets one record (kind and id) be read — or, at level
// 'edit', also changed — by a user, or by the members of a team and of the
// teams below it, beyond what their roles reach. A share goes with its record
// (each record table's trigger deletes them when the row is purged) and with
// its team (ON DELETE CASCADE); users are never deleted. Frozen once released.
#pragma once

#include <string_view>
#include <utility>

namespace crm::detail {

/// The record tables and the kind names their shares carry, in the order
/// their purge triggers are made.
inline constexpr std::pair<std::string_view, std::string_view> kSchemaV11SharedTables[] = {
    {"accounts", "account"}, {"contacts", "contact"}, {"leads", "lead"},
    {"opportunities", "opportunity"}, {"activities", "activity"}};

/// The trigger of one table of kSchemaV11SharedTables: "{table}" and "{kind}"
/// are replaced.
inline constexpr std::string_view kSchemaV11ShareTrigger = R"sql(
CREATE TRIGGER {table}_shares_purge AFTER DELETE ON {table}
BEGIN DELETE FROM record_shares WHERE kind = '{kind}' AND record_id = OLD.id; END;
)sql";

/// The table of version 11 (the triggers follow, per record table).
inline constexpr std::string_view kSchemaV11 = R"sql(
CREATE TABLE record_shares (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  user_id     INTEGER REFERENCES users(id),
  team_id     INTEGER REFERENCES teams(id) ON DELETE CASCADE,
  level       TEXT NOT NULL CHECK (level IN ('read', 'edit')),
  created_at  TEXT NOT NULL,
  CHECK ((user_id IS NULL) <> (team_id IS NULL))
);
CREATE UNIQUE INDEX record_shares_user ON record_shares(kind, record_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX record_shares_team ON record_shares(kind, record_id, team_id) WHERE team_id IS NOT NULL;
CREATE INDEX record_shares_by_user ON record_shares(user_id, kind) WHERE user_id IS NOT NULL;
CREATE INDEX record_shares_by_team ON record_shares(team_id, kind) WHERE team_id IS NOT NULL;

-- What a user acting on the database sees is "their owners, or no owner, or
-- shared with them": with NULL owners in the index, each part is an index
-- lookup (SQLite's OR by union) instead of a scan.
DROP INDEX accounts_owner;
CREATE INDEX accounts_owner ON accounts(owner);
DROP INDEX contacts_owner;
CREATE INDEX contacts_owner ON contacts(owner);
DROP INDEX leads_owner;
CREATE INDEX leads_owner ON leads(owner);
DROP INDEX opportunities_owner;
CREATE INDEX opportunities_owner ON opportunities(owner);
)sql";

}  // namespace crm::detail
