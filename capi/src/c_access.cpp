// Rights through the C ABI: the scope a user has, and the setting for
// records without an owner.
#include "c_handles.hpp"

using namespace crm::capi;

extern "C" {

crm_status crm_access_scope(crm_db* db, const char* login, const char* kind, const char* action, char** out_scope) {
  CRM_REQUIRE(out_scope);
  *out_scope = nullptr;
  CRM_REQUIRE(login);
  CRM_REQUIRE(kind);
  CRM_REQUIRE(action);
  CRM_WITH_DB(db, {
    const crm::Scope scope =
        database.access().scope(text(login), record_kind_of(kind), crm::action_from_name(text(action)));
    *out_scope = owned_copy(std::string(crm::scope_name(scope)));
    return CRM_OK;
  });
}

crm_status crm_access_unassigned_visibility(crm_db* db, char** out_setting) {
  CRM_REQUIRE(out_setting);
  *out_setting = nullptr;
  CRM_WITH_DB(db, {
    *out_setting = owned_copy(std::string(crm::unassigned_visibility_name(database.access().unassigned_visibility())));
    return CRM_OK;
  });
}

crm_status crm_access_set_unassigned_visibility(crm_db* db, const char* setting) {
  CRM_REQUIRE(setting);
  CRM_WITH_DB(db, {
    database.access().set_unassigned_visibility(crm::unassigned_visibility_from_name(text(setting)));
    return CRM_OK;
  });
}

crm_status crm_access_share(crm_db* db, const char* kind, int64_t record_id, const char* login, int64_t team_id,
                            const char* level) {
  CRM_REQUIRE(kind);
  if ((login != nullptr && *login != '\0') == (team_id != 0))
    return misuse(__func__, "give either login or team_id (not both, not neither)");
  CRM_WITH_DB(db, {
    const crm::RecordKind record_kind = record_kind_of(kind);
    const crm::ShareLevel share_level = level ? crm::share_level_from_name(level) : crm::ShareLevel::read;
    if (team_id != 0) database.access().share_with_team(record_kind, record_id, crm::TeamId(team_id), share_level);
    else database.access().share_with_user(record_kind, record_id, login, share_level);
    return CRM_OK;
  });
}

crm_status crm_access_unshare(crm_db* db, const char* kind, int64_t record_id, const char* login, int64_t team_id,
                              int* out_removed) {
  if (out_removed) *out_removed = 0;
  CRM_REQUIRE(kind);
  if ((login != nullptr && *login != '\0') == (team_id != 0))
    return misuse(__func__, "give either login or team_id (not both, not neither)");
  CRM_WITH_DB(db, {
    const crm::RecordKind record_kind = record_kind_of(kind);
    const bool removed = team_id != 0 ? database.access().unshare_with_team(record_kind, record_id, crm::TeamId(team_id))
                                      : database.access().unshare_with_user(record_kind, record_id, login);
    if (out_removed) *out_removed = removed ? 1 : 0;
    return CRM_OK;
  });
}

crm_status crm_access_shares(crm_db* db, const char* kind, int64_t record_id, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(kind);
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<ShareItem>(db, database.access().shares(record_kind_of(kind), record_id));
    return CRM_OK;
  });
}

crm_status crm_cursor_share(const crm_cursor* cursor, const char** out_login, int64_t* out_team_id,
                            const char** out_level) {
  CRM_REQUIRE(cursor);
  const ShareItem* item = nullptr;
  const crm_status status = cursor_record(cursor, &item, __func__);
  if (status != CRM_OK) return status;
  if (out_login) *out_login = item->record.user.c_str();
  if (out_team_id) *out_team_id = item->record.team ? item->record.team->value() : 0;
  if (out_level) *out_level = crm::share_level_name(item->record.level).data();
  return CRM_OK;
}

}  // extern "C"
