// Reading stages and pipelines, for the pipeline module and the deals in them.
#pragma once

#include <optional>

#include "crm/pipeline.hpp"

namespace crm::detail {

class Session;

/// The stage with `id` (removed ones too), or nullopt.
std::optional<Stage> find_stage(Session& session, StageId id);
/// The stage with `id`; throws not_found naming `field`.
Stage require_stage(Session& session, StageId id, const char* field);
/// The pipeline with `id` and its active stages; throws not_found naming `field`.
Pipeline require_pipeline(Session& session, PipelineId id, const char* field);
/// The default pipeline.
Pipeline default_pipeline(Session& session);
/// The lost reason with `id`; throws not_found naming `field`.
LostReason require_lost_reason(Session& session, LostReasonId id, const char* field);

}  // namespace crm::detail
