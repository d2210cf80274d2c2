// How writes reach the audit trail. Temporary triggers on every record table
// and every side table of an audited field (audit/audit_triggers.cpp, made
// from model/audited_fields) note each changed row, old and new values, in a
// temporary table of the connection (audit/audit_notes.hpp), so that
// SQLite's own statement, savepoint and transaction rollbacks take back the
// notes of work they take back. Right before the outermost transaction
// commits, the notes become the entries of `audit_log` (schema version 12):
// one per record and operation, with the fields that really changed, shown
// as text.
#pragma once

#include "storage/session.hpp"

namespace crm::detail {

/// The setting that turns the trail on ("on", the default) or off ("off").
inline constexpr std::string_view kAuditTrailSetting = "audit_trail";
/// The setting with the days entries are kept ("0" or none: forever).
inline constexpr std::string_view kAuditRetentionSetting = "audit_retention_days";

/// Makes `session` record its writes in the audit trail: the triggers, the
/// notes' table and the transaction steps. Once per connection, on a
/// writable connection whose schema is current; a no-op otherwise or again.
void install_audit_journal(Session& session);

/// Deletes the entries older than `days` days (none when `days` is 0).
void expire_audit_entries(Session& session, int days);

}  // namespace crm::detail
