// Moving everything that refers to a merged record over to the survivor.
#pragma once

#include <cstdint>

#include "crm/custom_field.hpp"

namespace crm::detail {

class Session;

/// Inside a write: points every reference to record `other` of `kind`
/// (kRecordReferences) at `survivor` instead, bumping the version of the
/// versioned rows moved and of the static lists whose members change.
/// Companion rows (OnMerge::unite) are left to the caller.
void repoint_references(Session& session, RecordKind kind, std::int64_t survivor, std::int64_t other);

}  // namespace crm::detail
