// Timelines of accounts, contacts, deals and leads through the C ABI.
#include "c_handles.hpp"
#include "c_select.hpp"

using namespace crm::capi;

namespace {

// Entries fetched per round trip; the cursor pages through the whole timeline.
constexpr std::size_t kTimelinePage = 100;

// A cursor over the timeline `read(timelines, id, query)` of record `id`.
// The first page is read now, so that a missing record fails here rather
// than at the first crm_cursor_next().
template <class Id, class Read>
crm_cursor* timeline(const crm_db* db, crm::Database& database, Id id, int include_deleted, Read read,
                     bool include_changes = false) {
  crm::TimelineQuery query;
  query.limit = kTimelinePage;
  query.include_deleted = include_deleted != 0;
  query.include_changes = include_changes;
  auto first = std::make_shared<crm::Page<crm::TimelineEntry>>(read(database.timelines(), id, query));
  return timeline_cursor(db, query, [first, read, id](crm::Database& d, const crm::TimelineQuery& q) mutable {
    if (!first) return read(d.timelines(), id, q);
    crm::Page<crm::TimelineEntry> page = std::move(*first);
    first.reset();
    return page;
  });
}

template <class Id>
using TimelineMethod = crm::Page<crm::TimelineEntry> (crm::Timelines::*)(Id, const crm::TimelineQuery&) const;

// Sets *out to a cursor over the timeline Method of record `id`.
template <class Id, TimelineMethod<Id> Method>
crm_status open_timeline(const crm_db* db, crm::Database& database, std::int64_t id, int include_deleted,
                         crm_cursor** out, bool include_changes = false) {
  *out = timeline(
      db, database, Id(id), include_deleted,
      [](crm::Timelines& t, Id record, const crm::TimelineQuery& q) { return (t.*Method)(record, q); },
      include_changes);
  return CRM_OK;
}

}  // namespace

extern "C" {

crm_status crm_timeline_account(crm_db* db, int64_t account_id, int include_deleted, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    return (open_timeline<crm::AccountId, &crm::Timelines::account>)(
        db, database, account_id, include_deleted, out_cursor);
  });
}

crm_status crm_timeline_contact(crm_db* db, int64_t contact_id, int include_deleted, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    return (open_timeline<crm::ContactId, &crm::Timelines::contact>)(
        db, database, contact_id, include_deleted, out_cursor);
  });
}

crm_status crm_timeline_opportunity(crm_db* db, int64_t opportunity_id, int include_deleted, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    return (open_timeline<crm::OpportunityId, &crm::Timelines::opportunity>)(
        db, database, opportunity_id, include_deleted, out_cursor);
  });
}

crm_status crm_timeline_lead(crm_db* db, int64_t lead_id, int include_deleted, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    return (open_timeline<crm::LeadId, &crm::Timelines::lead>)(db, database, lead_id, include_deleted, out_cursor);
  });
}

crm_status crm_timeline_with_changes(crm_db* db, const char* kind, int64_t record_id, int include_deleted,
                                     crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(kind);
  CRM_WITH_DB(db, {
    switch (record_kind_of(kind)) {
      case crm::RecordKind::account:
        return (open_timeline<crm::AccountId, &crm::Timelines::account>)(db, database, record_id, include_deleted,
                                                                          out_cursor, true);
      case crm::RecordKind::contact:
        return (open_timeline<crm::ContactId, &crm::Timelines::contact>)(db, database, record_id, include_deleted,
                                                                          out_cursor, true);
      case crm::RecordKind::opportunity:
        return (open_timeline<crm::OpportunityId, &crm::Timelines::opportunity>)(db, database, record_id,
                                                                                  include_deleted, out_cursor, true);
      case crm::RecordKind::lead:
        return (open_timeline<crm::LeadId, &crm::Timelines::lead>)(db, database, record_id, include_deleted,
                                                                    out_cursor, true);
      case crm::RecordKind::activity:
        break;
    }
    throw crm::Error(crm::ErrorCode::invalid_argument, "kind: an activity has no timeline", "kind");
  });
}

crm_status crm_cursor_timeline_changes(const crm_cursor* cursor, crm_cursor** out_fields) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_fields);
  *out_fields = nullptr;
  const TimelineItem* item = nullptr;
  const crm_status status = cursor_record(cursor, &item, __func__);
  if (status != CRM_OK) return status;
  return guard([&] {
    *out_fields = table_cursor(crm::audit_table(item->record.changes));
    return CRM_OK;
  });
}

crm_status crm_cursor_timeline_entry(const crm_cursor* cursor, const crm_activity** out_activity,
                                     const crm_stage_change** out_change) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_activity);
  CRM_REQUIRE(out_change);
  const TimelineItem* item = nullptr;
  const crm_status status = cursor_record(cursor, &item, __func__);
  if (status != CRM_OK) return status;
  *out_activity = item->activity ? &*item->activity : nullptr;
  *out_change = item->change ? &*item->change : nullptr;
  return CRM_OK;
}

}  // extern "C"
