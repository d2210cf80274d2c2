// Users and teams through the C ABI.
#include "c_records.hpp"

using namespace crm::capi;
using crm::User;

namespace {

constexpr TextField<User> kFields[] = {
    {"login", [](User& u) { return &u.login; }, true},
    {"name", [](User& u) { return &u.name; }, true},
    {"email", [](User& u) { return &u.email; }, true},
    {"time_zone", [](User& u) { return &u.time_zone; }, true},
};

constexpr ParsedField<User> kParsed[] = {
    {"roles", [](User& u, const std::string& v) { u.roles = crm::roles_from_list(v); },
     [](const User& u) { return crm::roles_list(u.roles); }},
};

constexpr IntField<User> kIntegers[] = {
    {"id", [](const User& u) { return u.id.value(); }, nullptr},
    {"team_id", [](const User& u) { return u.team ? u.team->value() : std::int64_t{0}; }, nullptr},
    {"active", [](const User& u) { return std::int64_t{u.active ? 1 : 0}; }, nullptr},
};

crm_status give(crm::User user, crm_user** out) {
  if (out) *out = new crm_user{std::move(user), {}};
  return CRM_OK;
}

std::optional<crm::TeamId> team_or_none(int64_t id) {
  if (id == 0) return std::nullopt;
  return crm::TeamId(id);
}

}  // namespace

extern "C" {

/* ---- users ---- */

crm_status crm_user_new(crm_user** out_user) {
  CRM_REQUIRE(out_user);
  *out_user = nullptr;
  return guard([&] { return give({}, out_user); });
}

void crm_user_free(crm_user* user) { delete user; }

crm_status crm_user_set(crm_user* user, const char* field, const char* value) {
  return set_field<crm_user>(user, kFields, field, value, __func__, kParsed);
}

crm_status crm_user_get_field(const crm_user* user, const char* field, const char** out_value) {
  return get_field<crm_user>(user, kFields, field, out_value, __func__, kParsed);
}

crm_status crm_user_get_int(const crm_user* user, const char* field, int64_t* out_value) {
  return get_int_field<crm_user>(user, kIntegers, field, out_value, __func__);
}

crm_status crm_user_set_team(crm_user* user, int64_t team_id) {
  CRM_REQUIRE(user);
  user->record.team = team_or_none(team_id);
  return CRM_OK;
}

crm_status crm_user_set_active(crm_user* user, int active) {
  CRM_REQUIRE(user);
  user->record.active = active != 0;
  return CRM_OK;
}

crm_status crm_user_create(crm_db* db, const crm_user* data, crm_user** out_created) {
  if (out_created) *out_created = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, { return give(database.users().create(data->record), out_created); });
}

crm_status crm_user_get(crm_db* db, int64_t id, crm_user** out_user) {
  CRM_REQUIRE(out_user);
  *out_user = nullptr;
  CRM_WITH_DB(db, { return give(database.users().get(crm::UserId(id)), out_user); });
}

crm_status crm_user_find(crm_db* db, const char* login, crm_user** out_user) {
  CRM_REQUIRE(out_user);
  *out_user = nullptr;
  CRM_REQUIRE(login);
  CRM_WITH_DB(db, {
    auto found = database.users().find(login);
    return found ? give(std::move(*found), out_user) : CRM_OK;
  });
}

crm_status crm_user_update(crm_db* db, const crm_user* user, crm_user** out_updated) {
  if (out_updated) *out_updated = nullptr;
  CRM_REQUIRE(user);
  CRM_WITH_DB(db, { return give(database.users().update(user->record.id, user->record), out_updated); });
}

crm_status crm_user_list(crm_db* db, int active_only, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_user>(db, database.users().list(active_only != 0));
    return CRM_OK;
  });
}

crm_status crm_cursor_user(const crm_cursor* cursor, const crm_user** out_user) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_user);
  return cursor_record(cursor, out_user, __func__);
}

crm_status crm_user_owned_records(crm_db* db, const char* login, int64_t* out_count) {
  CRM_REQUIRE(login);
  CRM_REQUIRE(out_count);
  CRM_WITH_DB(db, {
    *out_count = database.users().owned_records(login);
    return CRM_OK;
  });
}

/* ---- teams ---- */

crm_status crm_team_create(crm_db* db, const char* name, int64_t parent_id, int64_t* out_id) {
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    const crm::Team team = database.teams().create(name, team_or_none(parent_id));
    if (out_id) *out_id = team.id.value();
    return CRM_OK;
  });
}

crm_status crm_team_find(crm_db* db, const char* name, int64_t* out_id) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_id);
  CRM_WITH_DB(db, {
    const auto found = database.teams().find(name);
    *out_id = found ? found->id.value() : 0;
    return CRM_OK;
  });
}

crm_status crm_team_get(crm_db* db, int64_t id, char** out_name, int64_t* out_parent_id) {
  if (out_name) *out_name = nullptr;
  if (out_parent_id) *out_parent_id = 0;
  CRM_WITH_DB(db, {
    const crm::Team team = database.teams().get(crm::TeamId(id));
    if (out_name) *out_name = owned_copy(team.name);
    if (out_parent_id) *out_parent_id = team.parent ? team.parent->value() : 0;
    return CRM_OK;
  });
}

crm_status crm_team_list(crm_db* db, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<TeamItem>(db, database.teams().list());
    return CRM_OK;
  });
}

crm_status crm_team_below(crm_db* db, int64_t id, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<TeamItem>(db, database.teams().below(crm::TeamId(id)));
    return CRM_OK;
  });
}

crm_status crm_cursor_team(const crm_cursor* cursor, int64_t* out_id, const char** out_name, int64_t* out_parent_id) {
  CRM_REQUIRE(cursor);
  const TeamItem* item = nullptr;
  const crm_status status = cursor_record(cursor, &item, __func__);
  if (status != CRM_OK) return status;
  if (out_id) *out_id = item->record.id.value();
  if (out_name) *out_name = item->record.name.c_str();
  if (out_parent_id) *out_parent_id = item->record.parent ? item->record.parent->value() : 0;
  return CRM_OK;
}

crm_status crm_team_rename(crm_db* db, int64_t id, const char* name) {
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    database.teams().rename(crm::TeamId(id), name);
    return CRM_OK;
  });
}

crm_status crm_team_move(crm_db* db, int64_t id, int64_t parent_id) {
  CRM_WITH_DB(db, {
    database.teams().move(crm::TeamId(id), team_or_none(parent_id));
    return CRM_OK;
  });
}

crm_status crm_team_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.teams().remove(crm::TeamId(id));
    return CRM_OK;
  });
}

crm_status crm_team_members(crm_db* db, int64_t id, int with_teams_below, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_user>(db, database.teams().members(crm::TeamId(id), with_teams_below != 0));
    return CRM_OK;
  });
}

}  // extern "C"
