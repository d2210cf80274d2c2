// The change feed: the audit trail read in seq order, each change with all
// its fields; a cursor behind what retention kept is refused.
#include "crm/changes.hpp"

#include "audit/audit_journal.hpp"
#include "audit/audit_reader.hpp"
#include "crm/error.hpp"

namespace crm {

Table change_table(const std::vector<Change>& changes) {
  std::vector<AuditEntry> entries;
  for (const Change& change : changes) detail::unfold_change(change, entries);
  return audit_table(entries);
}

std::vector<Change> Changes::since(std::int64_t cursor, const std::vector<RecordKind>& kinds, std::size_t limit) const {
  return detail::guarded_read(session_, [&] {
    if (cursor < 0)
      throw Error(ErrorCode::invalid_argument, "cursor: " + std::to_string(cursor) + " is negative (0: the start)",
                  "cursor");
    if (limit < 1 || limit > kMaxLimit)
      throw Error(ErrorCode::invalid_argument,
                  "limit: " + std::to_string(limit) + " is not between 1 and " + std::to_string(kMaxLimit), "limit");
    const std::int64_t expired = detail::audit_expired_through(session_);
    if (cursor < expired)
      throw Error(ErrorCode::cursor_expired,
                  "changes: the feed no longer has the changes after " + std::to_string(cursor) +
                      " (retention removed those up to " + std::to_string(expired) +
                      "); read the records again, then follow the feed from its latest seq",
                  "cursor");
    return detail::audit_changes_after(session_, cursor, kinds, limit);
  });
}

std::int64_t Changes::latest() const {
  return detail::guarded_read(session_, [&] {
    auto newest = session_.prepare("SELECT seq FROM main.sqlite_sequence WHERE name = 'audit_log'");
    const std::int64_t seq = newest->executeStep() ? newest->getColumn(0).getInt64() : 0;
    newest->reset();
    return seq;
  });
}

std::int64_t Changes::earliest_cursor() const {
  return detail::guarded_read(session_, [&] { return detail::audit_expired_through(session_); });
}

}  // namespace crm
