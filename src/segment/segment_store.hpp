// Saved segments below the public API: their rows, and the SQL condition
// that selects a segment's members in a list query.
#pragma once

#include <string_view>

#include "crm/segment.hpp"
#include "query/compiler.hpp"

namespace crm::detail {

class Session;

/// The segment with `id`; throws Error(not_found).
Segment load_segment(Session& session, SegmentId id);

/// SQL true for the rows of table `alias` (records of `kind`) that are
/// members of segment `id`, with its parameters (prefixed "s"). Throws
/// not_found for an unknown segment, invalid_argument when it holds records
/// of another kind, parse_error when a dynamic segment's saved filter no
/// longer runs (a custom field it names was removed).
CompiledFilter segment_condition(Session& session, RecordKind kind, SegmentId id, std::string_view alias);

}  // namespace crm::detail
