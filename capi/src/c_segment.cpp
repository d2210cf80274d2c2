// Saved segments through the C ABI: dynamic segments and static lists, their
// members, and exports of the members' columns.
#include <limits>

#include "c_records.hpp"
#include "c_select.hpp"

using namespace crm::capi;

namespace {

/// A member's record id on a cursor (crm_cursor_segment_member()).
struct MemberItem {
  std::int64_t record;
  FormattedText formatted;
};

crm_status give(crm::Segment segment, crm_segment** out) {
  if (out) *out = new crm_segment{std::move(segment), {}};
  return CRM_OK;
}

// The filter text from C: UTF-8 (invalid_argument naming "filter") that parses.
crm::Filter parse_filter(const char* filter) {
  require_utf8(filter, "filter");
  return crm::Filter::parse(filter);
}

// An array of record ids from C; NULL is allowed for none.
std::vector<std::int64_t> id_list(const int64_t* record_ids, size_t count) {
  if (count > std::numeric_limits<std::ptrdiff_t>::max() / sizeof(int64_t))
    throw crm::Error(crm::ErrorCode::invalid_argument, "count: " + std::to_string(count) + " ids is too many", "count");
  return record_ids ? std::vector<std::int64_t>(record_ids, record_ids + count) : std::vector<std::int64_t>();
}

}  // namespace

extern "C" {

void crm_segment_free(crm_segment* segment) { delete segment; }

crm_status crm_segment_id(const crm_segment* segment, int64_t* out_id) {
  CRM_REQUIRE(segment);
  CRM_REQUIRE(out_id);
  *out_id = segment->record.id.value();
  return CRM_OK;
}

crm_status crm_segment_record_kind(const crm_segment* segment, const char** out_kind) {
  CRM_REQUIRE(segment);
  CRM_REQUIRE(out_kind);
  return guard([&] {
    *out_kind = segment->formatted.keep("record_kind", std::string(crm::record_kind_name(segment->record.record_kind)));
    return CRM_OK;
  });
}

crm_status crm_segment_name(const crm_segment* segment, const char** out_name) {
  CRM_REQUIRE(segment);
  CRM_REQUIRE(out_name);
  *out_name = segment->record.name.c_str();
  return CRM_OK;
}

crm_status crm_segment_get_kind(const crm_segment* segment, crm_segment_kind* out_kind) {
  CRM_REQUIRE(segment);
  CRM_REQUIRE(out_kind);
  *out_kind = segment->record.kind == crm::SegmentKind::list ? CRM_SEGMENT_LIST : CRM_SEGMENT_DYNAMIC;
  return CRM_OK;
}

crm_status crm_segment_filter(const crm_segment* segment, const char** out_filter) {
  CRM_REQUIRE(segment);
  CRM_REQUIRE(out_filter);
  *out_filter = segment->record.filter.c_str();
  return CRM_OK;
}

crm_status crm_segment_version(const crm_segment* segment, int64_t* out_version) {
  CRM_REQUIRE(segment);
  CRM_REQUIRE(out_version);
  *out_version = segment->record.version;
  return CRM_OK;
}

crm_status crm_segment_created_at(const crm_segment* segment, const char** out_instant) {
  CRM_REQUIRE(segment);
  CRM_REQUIRE(out_instant);
  return guard([&] {
    *out_instant = segment->formatted.keep("created_at", instant_text(segment->record.created_at));
    return CRM_OK;
  });
}

crm_status crm_segment_updated_at(const crm_segment* segment, const char** out_instant) {
  CRM_REQUIRE(segment);
  CRM_REQUIRE(out_instant);
  return guard([&] {
    *out_instant = segment->formatted.keep("updated_at", instant_text(segment->record.updated_at));
    return CRM_OK;
  });
}

crm_status crm_segment_create(crm_db* db, const char* record_kind, const char* name, const char* filter,
                              crm_segment** out_segment) {
  if (out_segment) *out_segment = nullptr;
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(name);
  CRM_REQUIRE(filter);
  CRM_WITH_DB(db, {
    return give(database.segments().create(record_kind_of(record_kind), name, parse_filter(filter)), out_segment);
  });
}

crm_status crm_segment_create_list(crm_db* db, const char* record_kind, const char* name, crm_segment** out_segment) {
  if (out_segment) *out_segment = nullptr;
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, { return give(database.segments().create_list(record_kind_of(record_kind), name), out_segment); });
}

crm_status crm_segment_freeze(crm_db* db, int64_t id, const char* name, crm_segment** out_list) {
  if (out_list) *out_list = nullptr;
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, { return give(database.segments().freeze(crm::SegmentId(id), name), out_list); });
}

crm_status crm_segment_get(crm_db* db, int64_t id, crm_segment** out_segment) {
  CRM_REQUIRE(out_segment);
  *out_segment = nullptr;
  CRM_WITH_DB(db, { return give(database.segments().get(crm::SegmentId(id)), out_segment); });
}

crm_status crm_segment_find(crm_db* db, const char* record_kind, const char* name, crm_segment** out_segment) {
  CRM_REQUIRE(out_segment);
  *out_segment = nullptr;
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    auto found = database.segments().find(record_kind_of(record_kind), name);
    return found ? give(std::move(*found), out_segment) : CRM_OK;
  });
}

crm_status crm_segment_list(crm_db* db, const char* record_kind, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    std::optional<crm::RecordKind> kind;
    if (record_kind && *record_kind) kind = record_kind_of(record_kind);
    *out_cursor = cursor_over<crm_segment>(db, database.segments().list(kind));
    return CRM_OK;
  });
}

crm_status crm_cursor_segment(const crm_cursor* cursor, const crm_segment** out_segment) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_segment);
  return cursor_record(cursor, out_segment, __func__);
}

crm_status crm_segment_rename(crm_db* db, int64_t id, const char* name, crm_segment** out_segment) {
  if (out_segment) *out_segment = nullptr;
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, { return give(database.segments().rename(crm::SegmentId(id), name), out_segment); });
}

crm_status crm_segment_set_filter(crm_db* db, int64_t id, const char* filter, crm_segment** out_segment) {
  if (out_segment) *out_segment = nullptr;
  CRM_REQUIRE(filter);
  CRM_WITH_DB(db, {
    return give(database.segments().set_filter(crm::SegmentId(id), parse_filter(filter)), out_segment);
  });
}

crm_status crm_segment_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.segments().remove(crm::SegmentId(id));
    return CRM_OK;
  });
}

crm_status crm_segment_add_members(crm_db* db, int64_t id, const int64_t* record_ids, size_t count) {
  if (count > 0) CRM_REQUIRE(record_ids);
  CRM_WITH_DB(db, {
    database.segments().add_members(crm::SegmentId(id), id_list(record_ids, count));
    return CRM_OK;
  });
}

crm_status crm_segment_remove_members(crm_db* db, int64_t id, const int64_t* record_ids, size_t count) {
  if (count > 0) CRM_REQUIRE(record_ids);
  CRM_WITH_DB(db, {
    database.segments().remove_members(crm::SegmentId(id), id_list(record_ids, count));
    return CRM_OK;
  });
}

crm_status crm_segment_count(crm_db* db, int64_t id, int64_t* out_count) {
  CRM_REQUIRE(out_count);
  CRM_WITH_DB(db, {
    *out_count = database.segments().count(crm::SegmentId(id));
    return CRM_OK;
  });
}

crm_status crm_segment_contains(crm_db* db, int64_t id, int64_t record_id, int* out_contains) {
  CRM_REQUIRE(out_contains);
  CRM_WITH_DB(db, {
    *out_contains = database.segments().contains(crm::SegmentId(id), record_id) ? 1 : 0;
    return CRM_OK;
  });
}

crm_status crm_segment_members(crm_db* db, int64_t id, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    const crm::SegmentId segment(id);
    const crm::ListQuery list = plain_query(query, "segment members");
    database.segments().get(segment);  // reports a missing segment before a cursor is handed out
    *out_cursor = paging_cursor<MemberItem>(db, list, [segment](crm::Database& d, const crm::ListQuery& q) {
      return d.segments().members(segment, q);
    });
    return CRM_OK;
  });
}

crm_status crm_cursor_segment_member(const crm_cursor* cursor, int64_t* out_record_id) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_record_id);
  const MemberItem* member = nullptr;
  const crm_status status = cursor_record(cursor, &member, __func__);
  if (status == CRM_OK) *out_record_id = member->record;
  return status;
}

crm_status crm_segment_select(crm_db* db, int64_t id, const char* columns, const crm_query* query,
                              crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(columns);
  CRM_WITH_DB(db, {
    (void)database;  // the cursor reads through the shared state; its first page is read now
    const crm::SegmentId segment(id);
    *out_cursor = select_cursor(db, columns, plain_query(query, "segment members"),
                                [segment](crm::Database& d, const auto& names, const auto& q) {
                                  return d.segments().select(segment, names, q);
                                });
    return CRM_OK;
  });
}

}  // extern "C"
