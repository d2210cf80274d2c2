// Schema version 10: the people who work in the CRM.
//
// `teams` form a tree (`parent_id`; a team's name is unique ignoring case and
// diacritics, `name_key`). `users` have a login (unique, exactly as written:
// the text records name as their owner), a display name, an email, an IANA
// time zone, at most one team and an active flag; users are deactivated, never
// deleted, so every owner keeps its user. `user_roles` holds the role names
// granted to a user.
//
// Every record's `owner` (accounts, contacts, leads, deals, activities,
// campaigns) becomes a user: each distinct owner text is inserted as an active
// user whose login and name are that text, so nothing is lost. From here on,
// triggers refuse a record whose owner is not an active user's login when it
// is written or its owner changes (a deactivated user's existing records stay
// theirs and stay editable). The trigger's message is
// "crm_owner_not_active_user:<table>"; the library checks first and says more.
// Frozen once released.
#pragma once

#include <string_view>

namespace crm::detail {

/// The tables whose `owner` names a user, in the order their triggers are made.
inline constexpr std::string_view kSchemaV10OwnerTables[] = {"accounts",   "contacts",   "leads",
                                                             "opportunities", "activities", "campaigns"};

/// The two triggers of `table` (one of kSchemaV10OwnerTables): "{table}" is
/// replaced by the table's name.
inline constexpr std::string_view kSchemaV10OwnerTriggers = R"sql(
CREATE TRIGGER {table}_owner_insert BEFORE INSERT ON {table}
WHEN NEW.owner IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users WHERE login = NEW.owner AND active = 1)
BEGIN SELECT RAISE(ABORT, 'crm_owner_not_active_user:{table}'); END;
CREATE TRIGGER {table}_owner_update BEFORE UPDATE OF owner ON {table}
WHEN NEW.owner IS NOT NULL AND NEW.owner IS NOT OLD.owner
     AND NOT EXISTS (SELECT 1 FROM users WHERE login = NEW.owner AND active = 1)
BEGIN SELECT RAISE(ABORT, 'crm_owner_not_active_user:{table}'); END;
)sql";

/// The tables and users of version 10 (the triggers follow, per table).
inline constexpr std::string_view kSchemaV10 = R"sql(
CREATE TABLE teams (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL UNIQUE,
  parent_id   INTEGER REFERENCES teams(id),
  created_at  TEXT NOT NULL
);
CREATE INDEX teams_parent ON teams(parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  login       TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  email       TEXT,
  time_zone   TEXT,
  team_id     INTEGER REFERENCES teams(id),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX users_team ON users(team_id) WHERE team_id IS NOT NULL;

CREATE TABLE user_roles (
  user_id  INTEGER NOT NULL REFERENCES users(id),
  role     TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

INSERT INTO users (login, name, created_at, updated_at)
SELECT owner, owner, strftime('%Y-%m-%dT%H:%M:%f000Z', 'now'), strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
FROM (SELECT owner FROM accounts UNION SELECT owner FROM contacts UNION SELECT owner FROM leads
      UNION SELECT owner FROM opportunities UNION SELECT owner FROM activities UNION SELECT owner FROM campaigns)
WHERE owner IS NOT NULL AND owner <> ''
ORDER BY owner;

)sql";

}  // namespace crm::detail
