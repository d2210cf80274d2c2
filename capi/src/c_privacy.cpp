// The privacy law through the C ABI: a person's export and erasure as JSON
// text, legal holds placed, released and read as table cursors.
#include "c_handles.hpp"
#include "c_select.hpp"

using namespace crm::capi;

extern "C" {

crm_status crm_privacy_export_person(crm_db* db, const char* kind, int64_t record_id, char** out_json) {
  CRM_REQUIRE(out_json);
  *out_json = nullptr;
  CRM_REQUIRE(kind);
  CRM_WITH_DB(db, {
    *out_json = owned_copy(database.privacy().export_person(record_kind_of(kind), record_id));
    return CRM_OK;
  });
}

crm_status crm_privacy_erase(crm_db* db, const char* kind, int64_t record_id, char** out_report) {
  if (out_report) *out_report = nullptr;
  CRM_REQUIRE(kind);
  CRM_WITH_DB(db, {
    const crm::ErasureReport report = database.privacy().erase(record_kind_of(kind), record_id);
    if (out_report) *out_report = owned_copy(crm::erasure_report_json(report));
    return CRM_OK;
  });
}

crm_status crm_privacy_place_hold(crm_db* db, const char* kind, int64_t record_id, const char* reason) {
  CRM_REQUIRE(kind);
  CRM_REQUIRE(reason);
  CRM_WITH_DB(db, {
    require_utf8(reason, "reason");
    database.privacy().place_hold(record_kind_of(kind), record_id, reason);
    return CRM_OK;
  });
}

crm_status crm_privacy_release_hold(crm_db* db, const char* kind, int64_t record_id) {
  CRM_REQUIRE(kind);
  CRM_WITH_DB(db, {
    database.privacy().release_hold(record_kind_of(kind), record_id);
    return CRM_OK;
  });
}

crm_status crm_privacy_holds(crm_db* db, const char* kind, int64_t record_id, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    std::vector<crm::LegalHold> holds;
    if (!kind) {
      holds = database.privacy().holds();
    } else if (auto hold = database.privacy().hold(record_kind_of(kind), record_id)) {
      holds.push_back(std::move(*hold));
    }
    *out_cursor = table_cursor(crm::legal_hold_table(holds));
    return CRM_OK;
  });
}

}  // extern "C"
