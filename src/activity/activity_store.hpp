// Reading and writing activity rows.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "activity/activity_row.hpp"
#include "crm/activity.hpp"

namespace crm::detail {

class Session;

/// Inside a write: inserts the activity (version 1) and returns its id.
/// `previous` and `completed_at` are stored as given.
std::int64_t insert_activity(Session& session, const ActivityRow& row, const Instant& now, ActivityId previous = {},
                             std::optional<Instant> completed_at = std::nullopt);

/// Inside a write: overwrites activity `id`, bumping its version.
void update_activity(Session& session, std::int64_t id, const ActivityRow& row, const Instant& now,
                     std::optional<Instant> completed_at, ActivityId previous);

/// The activities with `ids` (missing ones skipped), in the order of `ids`.
std::vector<Activity> load_activities(Session& session, const std::vector<std::int64_t>& ids);

/// Ids of the rows of `sql` (first column), which has one text parameter per `texts`.
std::vector<std::int64_t> activity_ids(Session& session, const std::string& sql, const std::vector<std::string>& texts);

}  // namespace crm::detail
