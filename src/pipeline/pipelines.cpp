#include <algorithm>
#include <set>

#include "common/enum_names.hpp"
#include "common/fields.hpp"
#include "crm/error.hpp"
#include "crm/pipeline.hpp"
#include "opportunity/opportunity_store.hpp"
#include "pipeline/pipeline_store.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

constexpr detail::EnumName<StageKind> kStageKinds[] = {
    {StageKind::open, "open"}, {StageKind::won, "won"}, {StageKind::lost, "lost"}};

}  // namespace

std::string_view stage_kind_name(StageKind kind) noexcept { return detail::name_of<StageKind>(kStageKinds, kind); }
std::optional<StageKind> stage_kind_from_name(std::string_view name) noexcept {
  return detail::from_name<StageKind>(kStageKinds, name);
}

const Stage& Pipeline::first_open_stage() const {
  for (const Stage& stage : stages)
    if (stage.kind == StageKind::open) return stage;
  throw Error(ErrorCode::not_found, "pipeline " + std::to_string(id.value()) + " has no open stage", "pipeline");
}

const Stage& Pipeline::stage(std::string_view name) const {
  const std::string key = detail::match_key(name);
  std::string names;
  for (const Stage& each : stages) {
    if (detail::match_key(each.name) == key) return each;
    names += (names.empty() ? "" : ", ") + each.name;
  }
  throw Error(ErrorCode::not_found,
              "stage: pipeline '" + this->name + "' has no stage '" + std::string(name) + "' (it has " + names + ")",
              "stage");
}

namespace detail {
namespace {

constexpr const char* kStageColumns = "id, pipeline_id, name, position, probability, kind, removed_at IS NOT NULL";

Stage read_stage(SQLite::Statement& s) {
  Stage stage;
  stage.id = StageId(s.getColumn(0).getInt64());
  stage.pipeline = PipelineId(s.getColumn(1).getInt64());
  stage.name = s.getColumn(2).getString();
  stage.position = s.getColumn(3).getInt();
  stage.probability = s.getColumn(4).getInt();
  stage.kind = stage_kind_from_name(s.getColumn(5).getString()).value_or(StageKind::open);
  stage.removed = s.getColumn(6).getInt() != 0;
  return stage;
}

std::vector<Stage> active_stages(Session& session, PipelineId pipeline) {
  auto statement = session.prepare(std::string("SELECT ") + kStageColumns +
                                   " FROM stages WHERE pipeline_id = ? AND removed_at IS NULL ORDER BY position, id");
  statement->bind(1, pipeline.value());
  std::vector<Stage> stages;
  while (statement->executeStep()) stages.push_back(read_stage(*statement));
  return stages;
}

// The pipeline matching `where`, whose one parameter (if any) `bind` binds.
template <class Bind>
std::optional<Pipeline> pipeline_where(Session& session, const char* where, Bind bind) {
  auto statement = session.prepare(std::string("SELECT id, name, is_default FROM pipelines WHERE ") + where);
  bind(*statement);
  if (!statement->executeStep()) return std::nullopt;
  Pipeline pipeline{PipelineId(statement->getColumn(0).getInt64()), statement->getColumn(1).getString(),
                    statement->getColumn(2).getInt() != 0, {}};
  pipeline.stages = active_stages(session, pipeline.id);
  return pipeline;
}

StageData clean_stage(const StageData& in, const std::string& field) {
  StageData out{require_line(in.name, field + ".name"), in.probability, in.kind};
  if (in.probability < 0 || in.probability > 100)
    throw Error(ErrorCode::invalid_argument,
                field + ".probability: " + std::to_string(in.probability) + " is outside 0..100", field + ".probability");
  if (!stage_kind_from_name(stage_kind_name(in.kind)))
    throw Error(ErrorCode::invalid_argument, field + ".kind: unknown stage kind", field + ".kind");
  return out;
}

// A pipeline needs somewhere to start, to win and to lose.
void require_every_kind(const std::vector<Stage>& stages, const std::string& field) {
  for (StageKind kind : {StageKind::open, StageKind::won, StageKind::lost})
    if (std::none_of(stages.begin(), stages.end(), [&](const Stage& s) { return s.kind == kind; }))
      throw Error(ErrorCode::invalid_argument,
                  field + ": a pipeline needs at least one " + std::string(stage_kind_name(kind)) + " stage", field);
}

void require_unique_names(const std::vector<Stage>& stages, const std::string& field) {
  std::set<std::string> keys;
  for (const Stage& stage : stages)
    if (!keys.insert(match_key(stage.name)).second)
      throw Error(ErrorCode::invalid_argument, field + ": stage name " + quote(stage.name) + " is used twice", field);
}

void insert_stage(Session& session, PipelineId pipeline, const StageData& data, int position) {
  auto insert = session.prepare(
      "INSERT INTO stages (pipeline_id, name, name_key, position, probability, kind) VALUES (?, ?, ?, ?, ?, ?)");
  insert->bind(1, pipeline.value());
  insert->bind(2, data.name);
  insert->bind(3, match_key(data.name));
  insert->bind(4, position);
  insert->bind(5, data.probability);
  insert->bind(6, std::string(stage_kind_name(data.kind)));
  insert->exec();
}

void renumber(Session& session, const std::vector<Stage>& stages) {
  auto update = session.prepare("UPDATE stages SET position = ? WHERE id = ?");
  for (std::size_t i = 0; i < stages.size(); ++i) {
    update->bind(1, static_cast<int>(i + 1));
    update->bind(2, stages[i].id.value());
    update->exec();
    update->reset();
  }
}

[[noreturn]] void name_taken(const std::string& what, const std::string& name) {
  throw Error(ErrorCode::already_exists, what + ": " + quote(name) + " already exists", what);
}

LostReason read_reason(SQLite::Statement& s) {
  return {LostReasonId(s.getColumn(0).getInt64()), s.getColumn(1).getString(), s.getColumn(2).getInt() != 0};
}

}  // namespace

std::optional<Stage> find_stage(Session& session, StageId id) {
  auto statement = session.prepare(std::string("SELECT ") + kStageColumns + " FROM stages WHERE id = ?");
  statement->bind(1, id.value());
  if (!statement->executeStep()) return std::nullopt;
  return read_stage(*statement);
}

Stage require_stage(Session& session, StageId id, const char* field) {
  if (auto stage = find_stage(session, id)) return *stage;
  throw Error(ErrorCode::not_found, std::string(field) + ": stage " + std::to_string(id.value()) + " does not exist",
              field);
}

Pipeline require_pipeline(Session& session, PipelineId id, const char* field) {
  if (auto pipeline = pipeline_where(session, "id = ?", [&](SQLite::Statement& s) { s.bind(1, id.value()); }))
    return *pipeline;
  throw Error(ErrorCode::not_found,
              std::string(field) + ": pipeline " + std::to_string(id.value()) + " does not exist", field);
}

Pipeline default_pipeline(Session& session) {
  if (auto pipeline = pipeline_where(session, "is_default = 1", [](SQLite::Statement&) {})) return *pipeline;
  throw Error(ErrorCode::not_found, "pipeline: there is no default pipeline", "pipeline");
}

LostReason require_lost_reason(Session& session, LostReasonId id, const char* field) {
  auto statement = session.prepare("SELECT id, name, active FROM lost_reasons WHERE id = ?");
  statement->bind(1, id.value());
  if (statement->executeStep()) return read_reason(*statement);
  throw Error(ErrorCode::not_found,
              std::string(field) + ": lost reason " + std::to_string(id.value()) + " does not exist", field);
}

}  // namespace detail

using namespace detail;

Pipeline Pipelines::create(const std::string& name, const std::vector<StageData>& stage_data) {
  return guarded([&] {
    const std::string clean_name = require_line(name, "pipeline.name");
    std::vector<Stage> stages;
    for (std::size_t i = 0; i < stage_data.size(); ++i) {
      Stage stage;
      static_cast<StageData&>(stage) = clean_stage(stage_data[i], "pipeline.stages[" + std::to_string(i) + "]");
      stages.push_back(stage);
    }
    require_every_kind(stages, "pipeline.stages");
    require_unique_names(stages, "pipeline.stages");
    WriteScope scope(session_);
    auto insert = session_.prepare("INSERT INTO pipelines (name, name_key, is_default, created_at) VALUES (?, ?, 0, ?)");
    insert->bind(1, clean_name);
    insert->bind(2, match_key(clean_name));
    insert->bind(3, format_instant(session_.now()));
    try {
      insert->exec();
    } catch (...) {
      if (is_unique_violation("pipelines.name_key")) name_taken("pipeline.name", clean_name);
      throw;
    }
    const PipelineId id(session_.last_insert_id());
    for (std::size_t i = 0; i < stages.size(); ++i) insert_stage(session_, id, stages[i], static_cast<int>(i + 1));
    return scope.commit_returning([&] { return require_pipeline(session_, id, "pipeline"); });
  });
}

Pipeline Pipelines::get(PipelineId id) const {
  return guarded_read(session_, [&] { return require_pipeline(session_, id, "pipeline"); });
}

std::optional<Pipeline> Pipelines::find(const std::string& name) const {
  return guarded_read(session_, [&] {
    const std::string key = match_key(clean_line(name, "name"));
    return pipeline_where(session_, "name_key = ?", [&](SQLite::Statement& s) { s.bind(1, key); });
  });
}

Pipeline Pipelines::default_pipeline() const {
  return guarded_read(session_, [&] { return detail::default_pipeline(session_); });
}

std::vector<Pipeline> Pipelines::list() const {
  return guarded_read(session_, [&] {
    auto statement = session_.prepare("SELECT id FROM pipelines ORDER BY is_default DESC, name_key, id");
    std::vector<std::int64_t> ids;
    while (statement->executeStep()) ids.push_back(statement->getColumn(0).getInt64());
    std::vector<Pipeline> pipelines;
    for (std::int64_t id : ids) pipelines.push_back(require_pipeline(session_, PipelineId(id), "pipeline"));
    return pipelines;
  });
}

Pipeline Pipelines::rename(PipelineId id, const std::string& name) {
  return guarded([&] {
    const std::string clean_name = require_line(name, "pipeline.name");
    WriteScope scope(session_);
    require_pipeline(session_, id, "pipeline");
    auto update = session_.prepare("UPDATE pipelines SET name = ?, name_key = ? WHERE id = ?");
    update->bind(1, clean_name);
    update->bind(2, match_key(clean_name));
    update->bind(3, id.value());
    try {
      update->exec();
    } catch (...) {
      if (is_unique_violation("pipelines.name_key")) name_taken("pipeline.name", clean_name);
      throw;
    }
    return scope.commit_returning([&] { return require_pipeline(session_, id, "pipeline"); });
  });
}

Pipeline Pipelines::set_default(PipelineId id) {
  return guarded([&] {
    WriteScope scope(session_);
    require_pipeline(session_, id, "pipeline");
    session_.execute("UPDATE pipelines SET is_default = 0 WHERE is_default = 1");
    auto update = session_.prepare("UPDATE pipelines SET is_default = 1 WHERE id = ?");
    update->bind(1, id.value());
    update->exec();
    return scope.commit_returning([&] { return require_pipeline(session_, id, "pipeline"); });
  });
}

Stage Pipelines::stage(StageId id) const {
  return guarded_read(session_, [&] { return require_stage(session_, id, "stage"); });
}

Stage Pipelines::add_stage(PipelineId pipeline_id, const StageData& data, std::optional<int> position) {
  return guarded([&] {
    Stage added;
    static_cast<StageData&>(added) = clean_stage(data, "stage");
    WriteScope scope(session_);
    Pipeline pipeline = require_pipeline(session_, pipeline_id, "stage.pipeline");
    int last_open = 0;
    for (std::size_t i = 0; i < pipeline.stages.size(); ++i)
      if (pipeline.stages[i].kind == StageKind::open) last_open = static_cast<int>(i + 1);
    const int at = position.value_or(last_open + 1);
    if (at < 1 || at > static_cast<int>(pipeline.stages.size()) + 1)
      throw Error(ErrorCode::invalid_argument,
                  "stage.position: " + std::to_string(at) + " is outside 1.." +
                      std::to_string(pipeline.stages.size() + 1),
                  "stage.position");
    std::vector<Stage> all = pipeline.stages;
    all.insert(all.begin() + (at - 1), added);
    require_unique_names(all, "stage.name");
    insert_stage(session_, pipeline_id, added, at);
    all[static_cast<std::size_t>(at - 1)].id = StageId(session_.last_insert_id());
    renumber(session_, all);
    return scope.commit_returning([&] { return require_stage(session_, all[static_cast<std::size_t>(at - 1)].id, "stage"); });
  });
}

namespace {

// How many deals (also soft-deleted ones) are in the stage.
std::int64_t deals_in_stage(Session& session, StageId id) {
  auto count = session.prepare("SELECT count(*) FROM opportunities WHERE stage_id = ?");
  count->bind(1, id.value());
  count->executeStep();
  return count->getColumn(0).getInt64();
}

}  // namespace

Stage Pipelines::update_stage(StageId id, const StageData& data) {
  return guarded([&] {
    const StageData clean = clean_stage(data, "stage");
    WriteScope scope(session_);
    const Stage stored = require_stage(session_, id, "stage");
    if (stored.removed) throw Error(ErrorCode::conflict, "stage " + std::to_string(id.value()) + " was removed");
    if (clean.kind != stored.kind)
      if (const std::int64_t deals = deals_in_stage(session_, id))
        throw Error(ErrorCode::conflict,
                    "stage.kind: stage '" + stored.name + "' holds " + std::to_string(deals) +
                        " deals; its kind (" + std::string(stage_kind_name(stored.kind)) +
                        ") can change only when it is empty",
                    "stage.kind");
    std::vector<Stage> stages = active_stages(session_, stored.pipeline);
    for (Stage& stage : stages)
      if (stage.id == id) static_cast<StageData&>(stage) = clean;
    require_every_kind(stages, "stage.kind");
    require_unique_names(stages, "stage.name");
    auto update = session_.prepare("UPDATE stages SET name = ?, name_key = ?, probability = ?, kind = ? WHERE id = ?");
    update->bind(1, clean.name);
    update->bind(2, match_key(clean.name));
    update->bind(3, clean.probability);
    update->bind(4, std::string(stage_kind_name(clean.kind)));
    update->bind(5, id.value());
    update->exec();
    return scope.commit_returning([&] { return require_stage(session_, id, "stage"); });
  });
}

Pipeline Pipelines::reorder_stages(PipelineId pipeline_id, const std::vector<StageId>& order) {
  return guarded([&] {
    WriteScope scope(session_);
    const Pipeline pipeline = require_pipeline(session_, pipeline_id, "pipeline");
    std::vector<StageId> current;
    for (const Stage& stage : pipeline.stages) current.push_back(stage.id);
    std::vector<StageId> sorted_current = current;
    std::vector<StageId> sorted_order = order;
    std::sort(sorted_current.begin(), sorted_current.end());
    std::sort(sorted_order.begin(), sorted_order.end());
    if (sorted_current != sorted_order)
      throw Error(ErrorCode::invalid_argument,
                  "order: must name each of the pipeline's " + std::to_string(current.size()) +
                      " active stages exactly once",
                  "order");
    std::vector<Stage> stages;
    for (StageId id : order)
      stages.push_back(*std::find_if(pipeline.stages.begin(), pipeline.stages.end(),
                                     [&](const Stage& s) { return s.id == id; }));
    renumber(session_, stages);
    return scope.commit_returning([&] { return require_pipeline(session_, pipeline_id, "pipeline"); });
  });
}

Pipeline Pipelines::remove_stage(StageId id, StageId move_to) {
  return guarded([&] {
    WriteScope scope(session_);
    const Stage stage = require_stage(session_, id, "stage");
    if (stage.removed) throw Error(ErrorCode::conflict, "stage '" + stage.name + "' is already removed");
    std::vector<Stage> remaining = active_stages(session_, stage.pipeline);
    std::erase_if(remaining, [&](const Stage& s) { return s.id == id; });
    require_every_kind(remaining, "stage");
    const std::int64_t deals = deals_in_stage(session_, id);
    if (deals > 0) {
      if (!move_to)
        throw Error(ErrorCode::invalid_argument,
                    "move_to: stage '" + stage.name + "' still holds " + std::to_string(deals) +
                        " deals; name the stage they move to",
                    "move_to");
      const Stage target = require_stage(session_, move_to, "move_to");
      if (target.removed || target.id == id || target.pipeline != stage.pipeline || target.kind != stage.kind)
        throw Error(ErrorCode::invalid_argument,
                    "move_to: deals must move to another active " + std::string(stage_kind_name(stage.kind)) +
                        " stage of the same pipeline",
                    "move_to");
      move_deals_between_stages(session_, stage, target);
    }
    auto remove = session_.prepare("UPDATE stages SET removed_at = ? WHERE id = ?");
    remove->bind(1, format_instant(session_.now()));
    remove->bind(2, id.value());
    remove->exec();
    renumber(session_, remaining);
    return scope.commit_returning([&] { return require_pipeline(session_, stage.pipeline, "pipeline"); });
  });
}

std::vector<LostReason> Pipelines::lost_reasons(bool include_inactive) const {
  return guarded_read(session_, [&] {
    auto statement = session_.prepare(include_inactive
                                          ? "SELECT id, name, active FROM lost_reasons ORDER BY name_key"
                                          : "SELECT id, name, active FROM lost_reasons WHERE active = 1 ORDER BY name_key");
    std::vector<LostReason> reasons;
    while (statement->executeStep()) reasons.push_back(read_reason(*statement));
    return reasons;
  });
}

LostReason Pipelines::add_lost_reason(const std::string& name) {
  return guarded([&] {
    const std::string clean_name = require_line(name, "lost_reason.name");
    WriteScope scope(session_);
    auto insert = session_.prepare("INSERT INTO lost_reasons (name, name_key) VALUES (?, ?)");
    insert->bind(1, clean_name);
    insert->bind(2, match_key(clean_name));
    try {
      insert->exec();
    } catch (...) {
      if (is_unique_violation("lost_reasons.name_key")) name_taken("lost_reason.name", clean_name);
      throw;
    }
    const LostReasonId id(session_.last_insert_id());
    return scope.commit_returning([&] { return require_lost_reason(session_, id, "lost_reason"); });
  });
}

LostReason Pipelines::set_lost_reason_active(LostReasonId id, bool active) {
  return guarded([&] {
    WriteScope scope(session_);
    require_lost_reason(session_, id, "lost_reason");
    auto update = session_.prepare("UPDATE lost_reasons SET active = ? WHERE id = ?");
    update->bind(1, active ? 1 : 0);
    update->bind(2, id.value());
    update->exec();
    return scope.commit_returning([&] { return require_lost_reason(session_, id, "lost_reason"); });
  });
}

std::optional<LostReason> Pipelines::find_lost_reason(const std::string& name) const {
  return guarded_read(session_, [&]() -> std::optional<LostReason> {
    auto statement = session_.prepare("SELECT id, name, active FROM lost_reasons WHERE name_key = ? AND active = 1");
    statement->bind(1, match_key(clean_line(name, "name")));
    if (!statement->executeStep()) return std::nullopt;
    return read_reason(*statement);
  });
}

}  // namespace crm
