// Activities, agendas, reminders and telephony through the C ABI.
#include "c_custom.hpp"
#include "c_fields.hpp"

using namespace crm::capi;
using crm::Activity;

namespace {

// The recurrence of a task, made (weekly) when a part of it is set first.
crm::Recurrence& recurrence(Activity& a) {
  if (!a.recurrence) a.recurrence.emplace();
  return *a.recurrence;
}

// Besides the descriptor fields, C reads and sets the parts of a task's
// recurrence (the descriptors' `recurrence`) as fields of their own.
constexpr ParsedField<Activity> kRecurrenceText[] = {
    {"recurrence_unit",
     [](Activity& a, const std::string& v) {
       if (v.empty()) {
         a.recurrence.reset();
         return;
       }
       const auto unit = crm::recurrence_unit_from_name(v);
       if (!unit)
         throw crm::Error(crm::ErrorCode::invalid_argument,
                          "activity.recurrence_unit: '" + v + "' is not a recurrence unit (day, week, month or \"\")",
                          "activity.recurrence_unit");
       recurrence(a).unit = *unit;
     },
     [](const Activity& a) {
       return a.recurrence ? std::string(crm::recurrence_unit_name(a.recurrence->unit)) : std::string();
     }},
    {"recurrence_calendar",
     [](Activity& a, const std::string& v) {
       if (a.recurrence || !v.empty()) recurrence(a).calendar = v;
     },
     [](const Activity& a) { return a.recurrence ? a.recurrence->calendar : std::string(); }},
};

constexpr IntField<Activity> kRecurrenceIntegers[] = {
    {"recurrence_interval",
     [](const Activity& a) { return static_cast<std::int64_t>(a.recurrence ? a.recurrence->interval : 0); },
     [](Activity& a, std::int64_t v) { recurrence(a).interval = narrow_int(v, "activity.recurrence_interval"); }},
    {"recurrence_business_days",
     [](const Activity& a) {
       return static_cast<std::int64_t>(a.recurrence && a.recurrence->business_days_only ? 1 : 0);
     },
     [](Activity& a, std::int64_t v) {
       if (v != 0 && v != 1)
         throw crm::Error(crm::ErrorCode::invalid_argument,
                          "activity.recurrence_business_days: " + std::to_string(v) + " is neither 0 nor 1",
                          "activity.recurrence_business_days");
       if (a.recurrence || v) recurrence(a).business_days_only = v == 1;
     }},
};

crm_status give(crm::Activity activity, crm_activity** out) {
  if (out) *out = new crm_activity{std::move(activity), {}};
  return CRM_OK;
}

}  // namespace

extern "C" {

crm_status crm_activity_new(crm_activity** out_activity) {
  CRM_REQUIRE(out_activity);
  *out_activity = nullptr;
  return guard([&] { return give({}, out_activity); });
}

void crm_activity_free(crm_activity* activity) { delete activity; }

crm_status crm_activity_set(crm_activity* activity, const char* field, const char* value) {
  return set_described(activity, field, value, __func__, kRecurrenceText);
}

crm_status crm_activity_get_field(const crm_activity* activity, const char* field, const char** out_value) {
  return get_described(activity, field, out_value, __func__, kRecurrenceText);
}

crm_status crm_activity_set_int(crm_activity* activity, const char* field, int64_t value) {
  return set_described_int(activity, field, value, __func__, kRecurrenceIntegers);
}

crm_status crm_activity_get_int(const crm_activity* activity, const char* field, int64_t* out_value) {
  return get_described_int(activity, field, out_value, __func__, kRecurrenceIntegers);
}

CRM_CUSTOM_FUNCTIONS(activity)

crm_status crm_activity_create(crm_db* db, const crm_activity* data, crm_activity** out_created) {
  if (out_created) *out_created = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, {
    return give(database.activities().create(typed_record(database, crm::RecordKind::activity, data->record)),
                out_created);
  });
}

crm_status crm_activity_get(crm_db* db, int64_t id, crm_activity** out_activity) {
  CRM_REQUIRE(out_activity);
  *out_activity = nullptr;
  CRM_WITH_DB(db, { return give(database.activities().get(crm::ActivityId(id)), out_activity); });
}

crm_status crm_activity_update(crm_db* db, const crm_activity* activity, crm_activity** out_updated) {
  if (out_updated) *out_updated = nullptr;
  CRM_REQUIRE(activity);
  CRM_WITH_DB(db, {
    return give(database.activities().update(typed_record(database, crm::RecordKind::activity, activity->record)),
                out_updated);
  });
}

crm_status crm_activity_complete(crm_db* db, int64_t id, const char* outcome, const char* completed_at,
                                 crm_activity** out_completed, crm_activity** out_next) {
  if (out_completed) *out_completed = nullptr;
  if (out_next) *out_next = nullptr;
  CRM_WITH_DB(db, {
    std::optional<crm::Instant> when;
    if (completed_at) when = crm::parse_instant(completed_at);
    crm::Completion completion = database.activities().complete(crm::ActivityId(id), text(outcome), when);
    // both handles are made before either is handed out, so a failure leaves both NULL
    std::unique_ptr<crm_activity> completed(new crm_activity{std::move(completion.completed), {}});
    std::unique_ptr<crm_activity> next;
    if (completion.next) next.reset(new crm_activity{std::move(*completion.next), {}});
    if (out_completed) *out_completed = completed.release();
    if (out_next) *out_next = next.release();
    return CRM_OK;
  });
}

crm_status crm_activity_cancel(crm_db* db, int64_t id, crm_activity** out_activity) {
  if (out_activity) *out_activity = nullptr;
  CRM_WITH_DB(db, { return give(database.activities().cancel(crm::ActivityId(id)), out_activity); });
}

crm_status crm_activity_attach_to_contact(crm_db* db, int64_t id, int64_t contact_id, crm_activity** out_activity) {
  if (out_activity) *out_activity = nullptr;
  CRM_WITH_DB(db, {
    return give(database.activities().attach_to_contact(crm::ActivityId(id), crm::ContactId(contact_id)),
                out_activity);
  });
}

crm_status crm_activity_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.activities().remove(crm::ActivityId(id));
    return CRM_OK;
  });
}

crm_status crm_activity_restore(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.activities().restore(crm::ActivityId(id));
    return CRM_OK;
  });
}

crm_status crm_activity_purge(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.activities().purge(crm::ActivityId(id));
    return CRM_OK;
  });
}

crm_status crm_activity_list(crm_db* db, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    const crm::ActivityFilter filter = activity_filter(query);
    database.activities();  // checks the schema is usable before a cursor is handed out
    *out_cursor = paging_cursor<crm_activity>(db, list_query(query),
                                              [filter](crm::Database& d, const crm::ListQuery& q) {
                                                return d.activities().list(q, filter);
                                              });
    return CRM_OK;
  });
}

crm_status crm_activity_count(crm_db* db, const crm_query* query, int64_t* out_count) {
  CRM_REQUIRE(out_count);
  CRM_WITH_DB(db, {
    *out_count = database.activities().count(list_query(query), activity_filter(query));
    return CRM_OK;
  });
}

crm_status crm_activity_find_by_external_ref(crm_db* db, const char* external_ref, crm_activity** out_activity) {
  CRM_REQUIRE(out_activity);
  *out_activity = nullptr;
  CRM_REQUIRE(external_ref);
  CRM_WITH_DB(db, {
    auto found = database.activities().find_by_external_ref(external_ref);
    return found ? give(std::move(*found), out_activity) : CRM_OK;
  });
}

crm_status crm_cursor_activity(const crm_cursor* cursor, const crm_activity** out_activity) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_activity);
  return cursor_record(cursor, out_activity, __func__);
}

crm_status crm_activity_agenda(crm_db* db, const char* owner, const char* time_zone, const char* from, const char* to,
                               crm_cursor** out_overdue, crm_cursor** out_today, crm_cursor** out_upcoming) {
  if (out_overdue) *out_overdue = nullptr;
  if (out_today) *out_today = nullptr;
  if (out_upcoming) *out_upcoming = nullptr;
  CRM_REQUIRE(owner);
  CRM_WITH_DB(db, {
    crm::Agenda agenda = database.activities().agenda(owner, time_zone ? time_zone : "UTC",
                                                      optional_date(text(from)), optional_date(text(to)));
    // all three cursors are made before any is handed out, so a failure leaves them NULL
    std::unique_ptr<crm_cursor> overdue(cursor_over<crm_activity>(db, std::move(agenda.overdue)));
    std::unique_ptr<crm_cursor> today(cursor_over<crm_activity>(db, std::move(agenda.today)));
    std::unique_ptr<crm_cursor> upcoming(cursor_over<crm_activity>(db, std::move(agenda.upcoming)));
    if (out_overdue) *out_overdue = overdue.release();
    if (out_today) *out_today = today.release();
    if (out_upcoming) *out_upcoming = upcoming.release();
    return CRM_OK;
  });
}

crm_status crm_activity_reminders_due(crm_db* db, const char* at, const char* since, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(at);
  CRM_WITH_DB(db, {
    std::optional<crm::Instant> after;
    if (since) after = crm::parse_instant(since);
    *out_cursor = cursor_over<crm_activity>(db, database.activities().reminders_due(crm::parse_instant(at), after));
    return CRM_OK;
  });
}

crm_status crm_telephony_record_call(crm_db* db, const crm_activity* call, crm_activity** out_activity,
                                     int64_t* out_contact_id, int64_t* out_account_id) {
  if (out_activity) *out_activity = nullptr;
  CRM_REQUIRE(call);
  CRM_WITH_DB(db, {
    const crm::Activity& c = call->record;
    crm::CallReport report;
    report.number = c.phone;
    report.started_at = c.starts_at;  // not a date: now
    report.duration_seconds = c.duration_seconds;
    report.direction = c.direction;
    report.owner = c.owner;
    report.subject = c.subject;
    report.outcome = c.outcome;
    report.notes = c.body;
    crm::LoggedCall logged = database.telephony().record_call(report);
    std::unique_ptr<crm_activity> activity(new crm_activity{std::move(logged.activity), {}});
    if (out_contact_id) *out_contact_id = logged.contact ? logged.contact->id.value() : 0;
    if (out_account_id) *out_account_id = logged.account ? logged.account->id.value() : 0;
    if (out_activity) *out_activity = activity.release();
    return CRM_OK;
  });
}

crm_status crm_telephony_attach_unmatched(crm_db* db, int64_t contact_id, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_activity>(db, database.telephony().attach_unmatched(crm::ContactId(contact_id)));
    return CRM_OK;
  });
}

}  // extern "C"
