// Schema version 12: the audit trail, the one append-only log of committed
// changes (DESIGN.md, "History and events").
//
// One row of `audit_log` is one change of one record made by one transaction:
// `seq` grows with every entry and is never reused (AUTOINCREMENT, so even
// after retention removes the oldest entries); `tx` is the seq of the first
// entry its transaction wrote, shared by all of them; `at` is when the
// transaction wrote them (ISO 8601 UTC, as every instant of the file);
// `user` the acting user's login (NULL for a system session); `origin` the
// embedder's tag (NULL when none); `kind` and `record_id` the record;
// `operation` one of create, update, delete, restore, purge, merge,
// stage_change, link, unlink; `changes` a JSON array of [field, old, new] triples (values as
// text or NULL; a field with several values, such as emails, gives one
// triple per value removed or added). The library writes the rows when the
// transaction commits (audit/audit_journal.cpp); nothing updates them except
// a privacy erasure, which blanks personal values. Frozen once released.
#pragma once

#include <string_view>

namespace crm::detail {

/// The tables and indexes of version 12.
inline constexpr std::string_view kSchemaV12 = R"sql(
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  tx         INTEGER NOT NULL,
  at         TEXT NOT NULL,
  user       TEXT,
  origin     TEXT,
  kind       TEXT NOT NULL CHECK (kind IN ('account', 'contact', 'lead', 'opportunity', 'activity')),
  record_id  INTEGER NOT NULL,
  operation  TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete', 'restore', 'purge', 'merge', 'stage_change', 'link', 'unlink')),
  changes    TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log(kind, record_id);
CREATE INDEX audit_log_user ON audit_log(user, at);
CREATE INDEX audit_log_at ON audit_log(at);
)sql";

}  // namespace crm::detail
