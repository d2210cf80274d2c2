// Reading logged changes for other modules (the timelines show a record's
// changes among its activities; the change feed reads the log in order).
#pragma once

#include <cstdint>
#include <vector>

#include "crm/audit.hpp"
#include "crm/changes.hpp"
#include "storage/session.hpp"

namespace crm::detail {

/// The entries of the logged changes numbered `seqs`, one per field, by seq.
/// Reads no visibility: the caller has checked that the session reads the
/// record.
std::vector<AuditEntry> audit_entries_with_seqs(Session& session, const std::vector<std::int64_t>& seqs);

/// The changes with a seq greater than `after_seq`, of `kinds` (every kind
/// when empty), of records the session reads (a purged record's with the
/// read scope all), at most `limit`, by seq.
std::vector<Change> audit_changes_after(Session& session, std::int64_t after_seq, const std::vector<RecordKind>& kinds,
                                        std::size_t limit);

/// Appends `change` to `entries` as one entry per field (one with field ""
/// for a change of no field).
void unfold_change(const Change& change, std::vector<AuditEntry>& entries);

}  // namespace crm::detail
