// Reading and writing opportunity rows, their companions and stage history.
#pragma once

#include <cstdint>
#include <vector>

#include "crm/opportunity.hpp"
#include "opportunity/opportunity_row.hpp"

namespace crm::detail {

class Session;

/// Inside a write: inserts the deal (version 1) with its companions and
/// records its first stage; returns its id.
std::int64_t insert_opportunity(Session& session, const OpportunityRow& row, const Instant& now);

/// Inside a write: overwrites deal `id` and its companions, bumping its
/// version, and records a stage change when the stage differs from `stored`.
void update_opportunity(Session& session, const Opportunity& stored, const OpportunityRow& row, const Instant& now);

/// The deals with `ids` (missing ones skipped), in the order of `ids`.
std::vector<Opportunity> load_opportunities(Session& session, const std::vector<std::int64_t>& ids);

/// The stage changes of one deal, oldest first.
std::vector<StageChange> load_stage_history(Session& session, OpportunityId id);

/// The stage changes with `ids`, in the order of `ids`.
std::vector<StageChange> load_stage_changes(Session& session, const std::vector<std::int64_t>& ids);

/// Inside a write: moves every deal in stage `from` to stage `to` (same
/// pipeline, same kind), recording each move.
void move_deals_between_stages(Session& session, const Stage& from, const Stage& to);

}  // namespace crm::detail
