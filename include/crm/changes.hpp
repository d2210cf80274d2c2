// crmcore: the change feed — every committed change, in order, for the
// programs that follow the CRM (an ERP's sync, a plugin, a data warehouse).
//
// The feed is the audit trail (crm/audit.hpp) read as a stream: each change
// of one record by one transaction once, in the order of its seq (which
// grows with every commit and is never reused), with all the fields it
// changed. A reader keeps the seq of the last change it handled, its
// cursor, and asks for what came after it; nothing of a rolled-back
// transaction is ever in it. Retention (Audit::set_retention_days(),
// Audit::set_retention_entries()) removes the oldest changes: a reader whose
// cursor is behind them gets cursor_expired, never a silent gap, and must
// read the records again before it follows the feed from latest(). While
// the trail is turned off (Audit::set_enabled(false)) no change is logged,
// so the feed has nothing of that time either.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/audit.hpp"
#include "crm/custom_field.hpp"
#include "crm/table.hpp"
#include "crm/time.hpp"

namespace crm {

/// One field of a change: its name and its values before and after, as text
/// (the shapes of AuditEntry::old_value and AuditEntry::new_value).
struct FieldChange {
  std::string field{};                     ///< "job_title", "emails", a custom field's name.
  std::optional<std::string> old_value{};  ///< The value before; nullopt when none.
  std::optional<std::string> new_value{};  ///< The value after; nullopt when none.
  /// Equal when every member is.
  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

/// One committed change of one record.
struct Change {
  std::int64_t seq = 0;   ///< Its place in the feed: grows, never reused; the cursor after it.
  std::int64_t tx = 0;    ///< Its transaction: the seq of the transaction's first change.
  Instant at{};           ///< When it was committed (the database's clock).
  std::string user{};     ///< The acting user's login; "" for a system session.
  std::string origin{};   ///< The embedder's tag; "" when none.
  RecordKind kind = RecordKind::contact;              ///< The record's kind.
  std::int64_t record_id = 0;                         ///< The record's id.
  AuditOperation operation = AuditOperation::update;  ///< What happened.
  /// The fields it changed, in the record's field order; a field of several
  /// values (emails, phones, tags, consents, a deal's contacts and
  /// products, the employer) once per value removed (old set) or added
  /// (new set). Empty for a change of no field (a delete, a restore).
  std::vector<FieldChange> fields{};
  /// Equal when every member is.
  friend bool operator==(const Change&, const Change&) = default;
};

/// `changes` as a table, one row per field (a change of no field one row
/// with field ""), with the columns of audit_table(): what the C ABI's
/// cursors, Python's to_pandas() and the crm program show.
Table change_table(const std::vector<Change>& changes);

namespace detail {
class Session;
struct StoreAccess;
}  // namespace detail

/// The change feed of a Database (db.changes()). Throws crm::Error.
class Changes {
 public:
  /// The most changes since() gives at once.
  static constexpr std::size_t kMaxLimit = 100000;

  /// The changes after `cursor` (a seq; 0 for the start of the feed), in
  /// seq order: of records of `kinds` (every kind when empty), at most
  /// `limit` (1 to kMaxLimit, else invalid_argument). A session acting as a
  /// user gets only the changes of records it reads (a purged record's with
  /// the read scope all). To follow the feed, call again with the seq of
  /// the last change handled. cursor_expired when retention has removed
  /// changes after `cursor`: read the records again, then follow from
  /// latest(). invalid_argument for a negative cursor.
  std::vector<Change> since(std::int64_t cursor, const std::vector<RecordKind>& kinds = {},
                            std::size_t limit = 1000) const;

  /// The seq of the newest change (0 when none): where a reader that has
  /// just read every record starts following.
  std::int64_t latest() const;

  /// The smallest cursor since() still accepts: the greatest seq retention
  /// removed (0 while it has removed none).
  std::int64_t earliest_cursor() const;

 private:
  friend struct detail::StoreAccess;
  explicit Changes(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
