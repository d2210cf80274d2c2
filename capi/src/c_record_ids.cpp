// Typed id and version accessors of the record handles that first read them
// by name (crm_<kind>_get_int(record, "id", ...)): one function per kind, as
// crm_account_id() and crm_contact_id() have always been.
#include "c_handles.hpp"

using namespace crm::capi;

extern "C" {

crm_status crm_opportunity_id(const crm_opportunity* opportunity, int64_t* out_id) {
  CRM_REQUIRE(opportunity);
  CRM_REQUIRE(out_id);
  *out_id = opportunity->record.id.value();
  return CRM_OK;
}

crm_status crm_opportunity_version(const crm_opportunity* opportunity, int64_t* out_version) {
  CRM_REQUIRE(opportunity);
  CRM_REQUIRE(out_version);
  *out_version = opportunity->record.version;
  return CRM_OK;
}

crm_status crm_stage_change_id(const crm_stage_change* change, int64_t* out_id) {
  CRM_REQUIRE(change);
  CRM_REQUIRE(out_id);
  *out_id = change->record.id.value();
  return CRM_OK;
}

crm_status crm_lead_id(const crm_lead* lead, int64_t* out_id) {
  CRM_REQUIRE(lead);
  CRM_REQUIRE(out_id);
  *out_id = lead->record.id.value();
  return CRM_OK;
}

crm_status crm_lead_version(const crm_lead* lead, int64_t* out_version) {
  CRM_REQUIRE(lead);
  CRM_REQUIRE(out_version);
  *out_version = lead->record.version;
  return CRM_OK;
}

crm_status crm_activity_id(const crm_activity* activity, int64_t* out_id) {
  CRM_REQUIRE(activity);
  CRM_REQUIRE(out_id);
  *out_id = activity->record.id.value();
  return CRM_OK;
}

crm_status crm_activity_version(const crm_activity* activity, int64_t* out_version) {
  CRM_REQUIRE(activity);
  CRM_REQUIRE(out_version);
  *out_version = activity->record.version;
  return CRM_OK;
}

}  // extern "C"
