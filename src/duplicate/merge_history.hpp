// The merges table: one row per merge.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crm/duplicates.hpp"

namespace crm::detail {

class Session;

/// Inside a write: records that `merged` of `kind` was merged into
/// `survivor` now, by the connection's user, with the choices and the
/// snapshot (both JSON).
void record_merge(Session& session, RecordKind kind, std::int64_t survivor, std::int64_t merged,
                  const std::string& choices_json, const std::string& snapshot_json);

/// The merges into `survivor` of `kind`, newest first.
std::vector<MergeRecord> load_merge_history(Session& session, RecordKind kind, std::int64_t survivor);

}  // namespace crm::detail
