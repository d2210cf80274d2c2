// Pipelines, their stages and the lost reasons through the C ABI.
#include "c_records.hpp"

using namespace crm::capi;

namespace {

crm_status give(crm::Pipeline pipeline, crm_pipeline** out) {
  if (out) *out = new crm_pipeline(std::move(pipeline));
  return CRM_OK;
}

crm_status give(crm::Stage stage, crm_stage** out) {
  if (out) *out = new crm_stage{std::move(stage)};
  return CRM_OK;
}

// The C++ kind of a C stage kind, or invalid_argument naming `field`.
crm::StageKind stage_kind_of(const crm_stage_kind& kind, const std::string& field) {
  const int value = crm::capi::c_enum_value(kind);
  switch (value) {
    case CRM_STAGE_OPEN: return crm::StageKind::open;
    case CRM_STAGE_WON: return crm::StageKind::won;
    case CRM_STAGE_LOST: return crm::StageKind::lost;
  }
  throw crm::Error(crm::ErrorCode::invalid_argument,
                   field + ": " + std::to_string(value) + " is not a stage kind", field);
}

crm_stage_kind c_kind(crm::StageKind kind) {
  switch (kind) {
    case crm::StageKind::won: return CRM_STAGE_WON;
    case crm::StageKind::lost: return CRM_STAGE_LOST;
    case crm::StageKind::open: break;
  }
  return CRM_STAGE_OPEN;
}

crm::StageData stage_data(const char* name, int probability, const crm_stage_kind& kind, const std::string& field) {
  return crm::StageData{name, probability, stage_kind_of(kind, field)};
}

}  // namespace

extern "C" {

void crm_pipeline_free(crm_pipeline* pipeline) { delete pipeline; }

crm_status crm_pipeline_id(const crm_pipeline* pipeline, int64_t* out_id) {
  CRM_REQUIRE(pipeline);
  CRM_REQUIRE(out_id);
  *out_id = pipeline->record.id.value();
  return CRM_OK;
}

crm_status crm_pipeline_name(const crm_pipeline* pipeline, const char** out_name) {
  CRM_REQUIRE(pipeline);
  CRM_REQUIRE(out_name);
  *out_name = pipeline->record.name.c_str();
  return CRM_OK;
}

crm_status crm_pipeline_is_default(const crm_pipeline* pipeline, int* out_is_default) {
  CRM_REQUIRE(pipeline);
  CRM_REQUIRE(out_is_default);
  *out_is_default = pipeline->record.is_default ? 1 : 0;
  return CRM_OK;
}

crm_status crm_pipeline_stage_count(const crm_pipeline* pipeline, size_t* out_count) {
  CRM_REQUIRE(pipeline);
  CRM_REQUIRE(out_count);
  *out_count = pipeline->stages.size();
  return CRM_OK;
}

crm_status crm_pipeline_stage(const crm_pipeline* pipeline, size_t index, const crm_stage** out_stage) {
  CRM_REQUIRE(pipeline);
  CRM_REQUIRE(out_stage);
  return element(pipeline->stages, index, out_stage, __func__);
}

void crm_stage_free(crm_stage* stage) { delete stage; }

crm_status crm_stage_id(const crm_stage* stage, int64_t* out_id) {
  CRM_REQUIRE(stage);
  CRM_REQUIRE(out_id);
  *out_id = stage->record.id.value();
  return CRM_OK;
}

crm_status crm_stage_pipeline(const crm_stage* stage, int64_t* out_pipeline_id) {
  CRM_REQUIRE(stage);
  CRM_REQUIRE(out_pipeline_id);
  *out_pipeline_id = stage->record.pipeline.value();
  return CRM_OK;
}

crm_status crm_stage_name(const crm_stage* stage, const char** out_name) {
  CRM_REQUIRE(stage);
  CRM_REQUIRE(out_name);
  *out_name = stage->record.name.c_str();
  return CRM_OK;
}

crm_status crm_stage_probability(const crm_stage* stage, int* out_probability) {
  CRM_REQUIRE(stage);
  CRM_REQUIRE(out_probability);
  *out_probability = stage->record.probability;
  return CRM_OK;
}

crm_status crm_stage_get_kind(const crm_stage* stage, crm_stage_kind* out_kind) {
  CRM_REQUIRE(stage);
  CRM_REQUIRE(out_kind);
  *out_kind = c_kind(stage->record.kind);
  return CRM_OK;
}

crm_status crm_stage_position(const crm_stage* stage, int* out_position) {
  CRM_REQUIRE(stage);
  CRM_REQUIRE(out_position);
  *out_position = stage->record.position;
  return CRM_OK;
}

crm_status crm_stage_removed(const crm_stage* stage, int* out_removed) {
  CRM_REQUIRE(stage);
  CRM_REQUIRE(out_removed);
  *out_removed = stage->record.removed ? 1 : 0;
  return CRM_OK;
}

crm_status crm_pipeline_create(crm_db* db, const char* name, size_t stage_count, const char* const* stage_names,
                               const int* probabilities, const crm_stage_kind* kinds, crm_pipeline** out_pipeline) {
  if (out_pipeline) *out_pipeline = nullptr;
  CRM_REQUIRE(name);
  if (stage_count > 0) {
    CRM_REQUIRE(stage_names);
    CRM_REQUIRE(probabilities);
    CRM_REQUIRE(kinds);
    for (size_t i = 0; i < stage_count; ++i)
      if (!stage_names[i]) return misuse(__func__, "stage_names must not hold NULL");
  }
  CRM_WITH_DB(db, {
    std::vector<crm::StageData> stages;
    for (size_t i = 0; i < stage_count; ++i)
      stages.push_back(stage_data(stage_names[i], probabilities[i], kinds[i], "kinds[" + std::to_string(i) + "]"));
    return give(database.pipelines().create(name, stages), out_pipeline);
  });
}

crm_status crm_pipeline_get(crm_db* db, int64_t id, crm_pipeline** out_pipeline) {
  CRM_REQUIRE(out_pipeline);
  *out_pipeline = nullptr;
  CRM_WITH_DB(db, { return give(database.pipelines().get(crm::PipelineId(id)), out_pipeline); });
}

crm_status crm_pipeline_find(crm_db* db, const char* name, crm_pipeline** out_pipeline) {
  CRM_REQUIRE(out_pipeline);
  *out_pipeline = nullptr;
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    auto found = database.pipelines().find(name);
    return found ? give(std::move(*found), out_pipeline) : CRM_OK;
  });
}

crm_status crm_pipeline_default(crm_db* db, crm_pipeline** out_pipeline) {
  CRM_REQUIRE(out_pipeline);
  *out_pipeline = nullptr;
  CRM_WITH_DB(db, { return give(database.pipelines().default_pipeline(), out_pipeline); });
}

crm_status crm_pipeline_list(crm_db* db, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_pipeline>(db, database.pipelines().list());
    return CRM_OK;
  });
}

crm_status crm_cursor_pipeline(const crm_cursor* cursor, const crm_pipeline** out_pipeline) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_pipeline);
  return cursor_record(cursor, out_pipeline, __func__);
}

crm_status crm_pipeline_rename(crm_db* db, int64_t id, const char* name, crm_pipeline** out_pipeline) {
  if (out_pipeline) *out_pipeline = nullptr;
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, { return give(database.pipelines().rename(crm::PipelineId(id), name), out_pipeline); });
}

crm_status crm_pipeline_set_default(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.pipelines().set_default(crm::PipelineId(id));
    return CRM_OK;
  });
}

crm_status crm_pipeline_reorder_stages(crm_db* db, int64_t pipeline_id, size_t count, const int64_t* stage_ids) {
  if (count > 0) CRM_REQUIRE(stage_ids);
  CRM_WITH_DB(db, {
    std::vector<crm::StageId> order;
    for (size_t i = 0; i < count; ++i) order.emplace_back(stage_ids[i]);
    database.pipelines().reorder_stages(crm::PipelineId(pipeline_id), order);
    return CRM_OK;
  });
}

crm_status crm_stage_get(crm_db* db, int64_t id, crm_stage** out_stage) {
  CRM_REQUIRE(out_stage);
  *out_stage = nullptr;
  CRM_WITH_DB(db, { return give(database.pipelines().stage(crm::StageId(id)), out_stage); });
}

crm_status crm_stage_add(crm_db* db, int64_t pipeline_id, const char* name, int probability, crm_stage_kind kind,
                         int position, crm_stage** out_stage) {
  if (out_stage) *out_stage = nullptr;
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    const std::optional<int> at = position == 0 ? std::nullopt : std::optional<int>(position);
    const crm::StageData data = stage_data(name, probability, kind, "kind");
    return give(database.pipelines().add_stage(crm::PipelineId(pipeline_id), data, at), out_stage);
  });
}

crm_status crm_stage_update(crm_db* db, int64_t id, const char* name, int probability, crm_stage_kind kind,
                            crm_stage** out_stage) {
  if (out_stage) *out_stage = nullptr;
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    return give(database.pipelines().update_stage(crm::StageId(id), stage_data(name, probability, kind, "kind")),
                out_stage);
  });
}

crm_status crm_stage_remove(crm_db* db, int64_t id, int64_t move_to) {
  CRM_WITH_DB(db, {
    database.pipelines().remove_stage(crm::StageId(id), crm::StageId(move_to));
    return CRM_OK;
  });
}

crm_status crm_lost_reason_list(crm_db* db, int include_inactive, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<LostReasonItem>(db, database.pipelines().lost_reasons(include_inactive != 0));
    return CRM_OK;
  });
}

crm_status crm_cursor_lost_reason(const crm_cursor* cursor, int64_t* out_id, const char** out_name, int* out_active) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_id);
  CRM_REQUIRE(out_name);
  CRM_REQUIRE(out_active);
  const LostReasonItem* item = nullptr;
  const crm_status status = cursor_record(cursor, &item, __func__);
  if (status != CRM_OK) return status;
  *out_id = item->record.id.value();
  *out_name = item->record.name.c_str();
  *out_active = item->record.active ? 1 : 0;
  return CRM_OK;
}

crm_status crm_lost_reason_add(crm_db* db, const char* name, int64_t* out_id) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_id);
  CRM_WITH_DB(db, {
    *out_id = database.pipelines().add_lost_reason(name).id.value();
    return CRM_OK;
  });
}

crm_status crm_lost_reason_set_active(crm_db* db, int64_t id, int active) {
  CRM_WITH_DB(db, {
    database.pipelines().set_lost_reason_active(crm::LostReasonId(id), active != 0);
    return CRM_OK;
  });
}

crm_status crm_lost_reason_find(crm_db* db, const char* name, int64_t* out_id) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_id);
  CRM_WITH_DB(db, {
    const auto found = database.pipelines().find_lost_reason(name);
    *out_id = found ? found->id.value() : 0;
    return CRM_OK;
  });
}

}  // extern "C"
