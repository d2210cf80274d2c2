// Schema version 13: the privacy law — legal holds, and erasures in the
// audit trail.
//
// `legal_holds` keeps a person (a contact or a lead) whose data must be
// preserved (a lawsuit, an audit by the authorities): while a hold is
// placed, the person can be neither erased nor purged. The triggers per
// person table refuse a purge with "crm_legal_hold:<kind>", which
// storage/errors.cpp turns into a conflict; the erasure checks the hold
// itself first. A hold goes only when it is released.
//
// `audit_log` is made again with 'erase' among its operations: an erasure is
// logged with the names of the fields it blanked and no values. Its rows
// keep their seq, and the sequence keeps its place, so no seq is reused.
// Frozen once released.
#pragma once

#include <string_view>
#include <utility>

namespace crm::detail {

/// The tables of persons that may be held, and the kind names their holds carry.
inline constexpr std::pair<std::string_view, std::string_view> kSchemaV13HeldTables[] = {{"contacts", "contact"},
                                                                                       {"leads", "lead"}};

/// The purge check of one table of kSchemaV13HeldTables: "{table}" and
/// "{kind}" are replaced.
inline constexpr std::string_view kSchemaV13HoldTrigger = R"sql(
CREATE TRIGGER {table}_legal_hold BEFORE DELETE ON {table}
WHEN EXISTS (SELECT 1 FROM legal_holds WHERE kind = '{kind}' AND record_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'crm_legal_hold:{kind}'); END;
)sql";

/// The tables of version 13 (the hold triggers follow, per person table).
inline constexpr std::string_view kSchemaV13 = R"sql(
CREATE TABLE legal_holds (
  kind       TEXT NOT NULL CHECK (kind IN ('contact', 'lead')),
  record_id  INTEGER NOT NULL,
  reason     TEXT NOT NULL CHECK (length(reason) > 0),
  placed_at  TEXT NOT NULL,
  placed_by  TEXT,
  PRIMARY KEY (kind, record_id)
) WITHOUT ROWID;

CREATE TEMP TABLE crm_v13_sequence AS SELECT seq FROM main.sqlite_sequence WHERE name = 'audit_log';
CREATE TABLE audit_log_v13 (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  tx         INTEGER NOT NULL,
  at         TEXT NOT NULL,
  user       TEXT,
  origin     TEXT,
  kind       TEXT NOT NULL CHECK (kind IN ('account', 'contact', 'lead', 'opportunity', 'activity')),
  record_id  INTEGER NOT NULL,
  operation  TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete', 'restore', 'purge', 'merge',
                                                'stage_change', 'link', 'unlink', 'erase')),
  changes    TEXT NOT NULL
);
INSERT INTO audit_log_v13 (seq, tx, at, user, origin, kind, record_id, operation, changes)
SELECT seq, tx, at, user, origin, kind, record_id, operation, changes FROM audit_log ORDER BY seq;
DROP TABLE audit_log;
ALTER TABLE audit_log_v13 RENAME TO audit_log;
CREATE INDEX audit_log_record ON audit_log(kind, record_id);
CREATE INDEX audit_log_user ON audit_log(user, at);
CREATE INDEX audit_log_at ON audit_log(at);
INSERT INTO main.sqlite_sequence (name, seq)
SELECT 'audit_log', seq FROM crm_v13_sequence
WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_sequence WHERE name = 'audit_log');
UPDATE main.sqlite_sequence SET seq = max(seq, (SELECT seq FROM crm_v13_sequence))
WHERE name = 'audit_log' AND EXISTS (SELECT 1 FROM crm_v13_sequence);
DROP TABLE crm_v13_sequence;
)sql";

}  // namespace crm::detail
