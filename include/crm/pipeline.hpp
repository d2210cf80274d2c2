// crmcore: sales pipelines, their ordered stages, and the reasons deals are lost.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/ids.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// Whether a stage is still in progress or closes the deal.
enum class StageKind { open, won, lost };

/// "open", "won" or "lost".
std::string_view stage_kind_name(StageKind kind) noexcept;
/// The kind named `name`, or nullopt.
std::optional<StageKind> stage_kind_from_name(std::string_view name) noexcept;

/// What a caller sets on a stage.
struct StageData {
  std::string name{};                   ///< Unique within its pipeline (case-insensitive).
  int probability = 0;                  ///< Default win probability of deals here, 0..100.
  StageKind kind = StageKind::open;     ///< Open, won or lost.
};

/// A stage of a pipeline.
struct Stage : StageData {
  StageId id{};              ///< Row id.
  PipelineId pipeline{};     ///< The pipeline it belongs to.
  int position = 0;          ///< 1-based order within the pipeline.
  bool removed = false;      ///< True once removed; kept so that history keeps its name.
};

/// A named sales pipeline and its active stages in order.
struct Pipeline {
  PipelineId id{};             ///< Row id.
  std::string name{};          ///< Unique name (case-insensitive).
  bool is_default = false;     ///< The pipeline new deals go to when none is named.
  std::vector<Stage> stages{}; ///< Active stages, in order.

  /// The first open stage (where new deals start). Throws not_found if none.
  const Stage& first_open_stage() const;
  /// The active stage named `name`, ignoring case and diacritics as stage
  /// names are unique ("negotiation" finds "Negotiation"). Throws not_found
  /// naming the pipeline's stages when none matches.
  const Stage& stage(std::string_view name) const;
};

/// A reason a deal was lost, from a configurable list.
struct LostReason {
  LostReasonId id{};    ///< Row id.
  std::string name{};   ///< Unique name (case-insensitive).
  bool active = true;   ///< Inactive reasons stay on old deals but cannot be chosen.
};

/// The pipelines of a Database (db.pipelines()). A new database has one
/// default pipeline, "Sales": Prospecting, Qualification, Proposal,
/// Negotiation, Won, Lost. Every write is one transaction. Throws crm::Error.
class Pipelines {
 public:

  /// A new pipeline with these stages in order. Needs at least one open, one
  /// won and one lost stage; names must be unique (invalid_argument, or
  /// already_exists for a taken pipeline name).
  Pipeline create(const std::string& name, const std::vector<StageData>& stages);
  /// The pipeline with `id`. Throws not_found.
  Pipeline get(PipelineId id) const;
  /// The pipeline called `name` (case-insensitive), if any.
  std::optional<Pipeline> find(const std::string& name) const;
  /// The default pipeline.
  Pipeline default_pipeline() const;
  /// Every pipeline, default first, then by name.
  std::vector<Pipeline> list() const;
  /// Renames a pipeline.
  Pipeline rename(PipelineId id, const std::string& name);
  /// Makes `id` the default pipeline.
  Pipeline set_default(PipelineId id);

  /// The stage with `id` (also a removed one). Throws not_found.
  Stage stage(StageId id) const;
  /// Adds a stage at 1-based `position` (default: after the last open stage).
  Stage add_stage(PipelineId pipeline, const StageData& data, std::optional<int> position = std::nullopt);
  /// Renames a stage or changes its default probability or kind. Deals in it
  /// keep their probability; the pipeline must keep an open, a won and a lost
  /// stage. The kind of a stage holding deals cannot change (conflict).
  Stage update_stage(StageId id, const StageData& data);
  /// Puts the active stages in this order; `order` must list each exactly once.
  Pipeline reorder_stages(PipelineId pipeline, const std::vector<StageId>& order);
  /// Removes a stage. When deals are in it, `move_to` (another active stage of
  /// the same pipeline) is required and they move there, with the move in
  /// their stage history. The stage row is kept for history.
  Pipeline remove_stage(StageId id, StageId move_to = StageId());

  /// The lost reasons, by name; inactive ones only with `include_inactive`.
  std::vector<LostReason> lost_reasons(bool include_inactive = false) const;
  /// Adds a lost reason; already_exists when the name is taken.
  LostReason add_lost_reason(const std::string& name);
  /// Activates or retires a lost reason.
  LostReason set_lost_reason_active(LostReasonId id, bool active);
  /// The active lost reason called `name`, if any.
  std::optional<LostReason> find_lost_reason(const std::string& name) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Pipelines(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
