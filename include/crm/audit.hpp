// crmcore: the audit trail — who changed which fields of which record, when.
//
// Every committed write of a record (account, contact, lead, deal, activity)
// leaves entries in one append-only log (DESIGN.md, "History and events"):
// create, update, delete, restore, purge, merge and a deal's stage change,
// whatever made it (the API, an import, a merge, a lead's conversion, a
// cascade). Work rolled back leaves nothing. The entries carry the acting
// user (empty for a system session), the embedder's origin tag
// (OpenOptions::origin, Database::set_origin()), the transaction and, per
// field, the old and new value as text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/table.hpp"
#include "crm/time.hpp"

namespace crm {

/// What a logged change did to its record.
enum class AuditOperation {
  create,        ///< "create": the record was made.
  update,        ///< "update": fields changed.
  delete_,       ///< "delete": soft-deleted (restorable).
  restore,       ///< "restore": undeleted.
  purge,         ///< "purge": removed for good; the entry keeps its last values as old.
  merge,         ///< "merge": changed or removed by merging duplicates.
  stage_change,  ///< "stage_change": a deal moved to another stage (with whatever else changed).
  link,          ///< "link": only links to other records were added (an employer, a deal's contact).
  unlink,        ///< "unlink": only links to other records were removed.
  /// "erase": a person's personal data was erased (crm/privacy.hpp); the
  /// entry names the fields blanked, with no values.
  erase,
};
/// The name of `operation` ("stage_change"; delete_ is "delete").
std::string_view audit_operation_name(AuditOperation operation) noexcept;
/// The operation called `name`; invalid_argument otherwise.
AuditOperation audit_operation_from_name(std::string_view name);

/// One field of one logged change. A change that touches no field (a
/// delete, a restore) is one entry with an empty `field`; a change of several
/// fields is one entry per field, sharing `seq`.
struct AuditEntry {
  std::int64_t seq = 0;       ///< The change's place in the log: grows, never reused.
  std::int64_t tx = 0;        ///< The transaction: the seq of its first change.
  Instant at{};               ///< When the transaction wrote it (the database's clock).
  std::string user{};         ///< The acting user's login; empty for a system session.
  std::string origin{};       ///< The embedder's tag; empty when none.
  RecordKind kind = RecordKind::contact;  ///< The record's kind.
  std::int64_t record_id = 0;             ///< The record's id.
  AuditOperation operation = AuditOperation::update;  ///< What happened.
  /// The field by its name on every surface ("job_title", "amount", "stage", "city",
  /// "emails"), a custom field by its name; empty when no field changed.
  std::string field{};
  /// The value before, as text ("1200.00 EUR", a stage's name, an ISO date);
  /// nullopt when there was none. A field of several values (emails, phones,
  /// tags, consents, a deal's contacts and products, the employer) has one
  /// entry per value removed (old set) or added (new set).
  std::optional<std::string> old_value{};
  std::optional<std::string> new_value{};  ///< The value after; nullopt when none.
  /// Equal when every member is.
  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

/// Which logged changes Audit::find() returns; unset members do not filter.
struct AuditQuery {
  std::optional<RecordKind> kind{};        ///< Only records of this kind.
  std::optional<std::int64_t> record_id{}; ///< Only this record (with `kind`).
  std::optional<std::string> user{};       ///< Only changes by this login ("" : by system sessions).
  std::optional<Instant> from{};           ///< Only changes at or after this instant.
  std::optional<Instant> until{};          ///< Only changes before this instant.
  std::int64_t after_seq = 0;              ///< Only changes with a greater seq (paging).
  /// At most this many changes (1 to 100000), each with all its fields.
  std::size_t limit = 1000;
};

/// `entries` as a table, one row per entry, with the columns seq, tx
/// (integers), at (ISO 8601 text), user, origin, kind, record_id (integer),
/// operation, field, old and new (text; old and new NULL when none): what
/// the C ABI's cursors, Python's to_pandas() and the crm program show.
Table audit_table(const std::vector<AuditEntry>& entries);

namespace detail {
class Session;
struct StoreAccess;
}  // namespace detail

/// The audit trail of a Database (db.audit()).
class Audit {
 public:
  /// The changes of record `record_id` of `kind`, oldest first, one entry
  /// per field. A session acting as a user sees the history of the records
  /// it reads (not_found otherwise); a purged record's history only with the
  /// read scope all. not_found when the record never existed.
  std::vector<AuditEntry> history(RecordKind kind, std::int64_t record_id) const;
  /// The changes `query` selects in log order (by seq), one entry per field;
  /// a session acting as a user gets only those of records it reads.
  /// invalid_argument for a limit out of range or a record_id without kind.
  std::vector<AuditEntry> find(const AuditQuery& query = {}) const;
  /// True when writes are logged (the default). Only a system session or
  /// an administrator may turn it off, and every later write then goes
  /// unlogged until it is turned on again: the database-wide setting
  /// `audit_trail`.
  bool enabled() const;
  /// Turns logging on or off for every connection (from their next write
  /// transaction); permission_denied unless system session or administrator.
  void set_enabled(bool enabled);
  /// How many days entries are kept; 0 (the default) keeps them forever.
  int retention_days() const;
  /// Keeps entries `days` days (0: forever; at most 36500, else
  /// invalid_argument); older ones go as later transactions commit, the
  /// first at once. permission_denied unless system session or administrator.
  void set_retention_days(int days);
  /// How many of the newest entries are kept; 0 (the default) keeps all.
  std::int64_t retention_entries() const;
  /// Keeps only the `entries` newest entries (0: all; negative is
  /// invalid_argument); older ones go as later transactions commit, the
  /// first at once. A change feed reader behind what retention removed gets
  /// cursor_expired (crm/changes.hpp). permission_denied unless system
  /// session or administrator.
  void set_retention_entries(std::int64_t entries);

 private:
  friend struct detail::StoreAccess;
  explicit Audit(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
