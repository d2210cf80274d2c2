// Filters in the segment language through the C ABI: normalizing their text,
// and checking and counting them against a database.
#include "c_handles.hpp"

using namespace crm::capi;

namespace {

// The filter text from C, checked to be UTF-8 (invalid_argument naming "filter").
std::string_view filter_text(const char* filter) {
  require_utf8(filter, "filter");
  return filter;
}

}  // namespace

extern "C" {

crm_status crm_filter_normalize(const char* filter, char** out_text) {
  CRM_REQUIRE(out_text);
  *out_text = nullptr;
  CRM_REQUIRE(filter);
  return guard([&] {
    *out_text = owned_copy(crm::Filter::parse(filter_text(filter)).to_string());
    return CRM_OK;
  });
}

crm_status crm_filter_check(crm_db* db, const char* record_kind, const char* filter) {
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(filter);
  CRM_WITH_DB(db, {
    database.segments().parse(record_kind_of(record_kind), filter_text(filter));
    return CRM_OK;
  });
}

crm_status crm_filter_count(crm_db* db, const char* record_kind, const char* filter, int64_t* out_count) {
  CRM_REQUIRE(out_count);
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(filter);
  CRM_WITH_DB(db, {
    const crm::RecordKind kind = record_kind_of(record_kind);
    *out_count = database.segments().count(kind, database.segments().parse(kind, filter_text(filter)));
    return CRM_OK;
  });
}

}  // extern "C"
