// Reading logged changes for other modules (the timelines show a record's
// changes among its activities).
#pragma once

#include <cstdint>
#include <vector>

#include "crm/audit.hpp"
#include "storage/session.hpp"

namespace crm::detail {

/// The entries of the logged changes numbered `seqs`, one per field, by seq.
/// Reads no visibility: the caller has checked that the session reads the
/// record.
std::vector<AuditEntry> audit_entries_with_seqs(Session& session, const std::vector<std::int64_t>& seqs);

}  // namespace crm::detail
