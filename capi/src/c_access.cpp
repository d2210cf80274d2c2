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

}  // extern "C"
