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

#include <cstdint>
#include <string_view>

#include "storage/session.hpp"

namespace crm::detail {

/// The setting that turns the trail on ("on", the default) or off ("off").
inline constexpr std::string_view kAuditTrailSetting = "audit_trail";
/// The setting with the days entries are kept ("0" or none: forever).
inline constexpr std::string_view kAuditRetentionSetting = "audit_retention_days";
/// The setting with how many of the newest entries are kept ("0" or none: all).
inline constexpr std::string_view kAuditRetentionEntriesSetting = "audit_retention_entries";
/// The setting with the greatest seq retention removed ("0" or none: none
/// removed): a change feed reader behind it has missed entries.
inline constexpr std::string_view kAuditExpiredThroughSetting = "audit_expired_through";

/// How long entries are kept: by age and by count (0: no limit).
struct AuditRetention {
  int days = 0;                ///< Entries older than this many days go.
  std::int64_t entries = 0;    ///< Only this many of the newest entries stay.
};

/// The retention the settings give.
AuditRetention read_audit_retention(Session& session);

/// Makes `session` record its writes in the audit trail: the triggers, the
/// notes' table and the transaction steps. Once per connection, on a
/// writable connection whose schema is current; a no-op otherwise or again.
void install_audit_journal(Session& session);

/// Deletes the entries `retention` no longer keeps, and records the greatest
/// seq deleted (kAuditExpiredThroughSetting).
void expire_audit_entries(Session& session, const AuditRetention& retention);

/// The greatest seq retention has removed (0: none).
std::int64_t audit_expired_through(Session& session);

}  // namespace crm::detail
