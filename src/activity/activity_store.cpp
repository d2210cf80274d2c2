#include "activity/activity_store.hpp"

#include <unordered_map>

#include "activity/activity_table.hpp"
#include "model/custom_field_store.hpp"
#include "storage/raw_statement.hpp"
#include "storage/record_table.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"

namespace crm::detail {
namespace {

constexpr const char* kDataColumns =
    "kind, subject, subject_key, body, status, starts_at, duration_seconds, direction, outcome, phone, phone_e164, "
    "email, owner, reminder_at, recurrence_unit, recurrence_interval, recurrence_business, recurrence_calendar, "
    "account_id, contact_id, opportunity_id, lead_id, completed_at, previous_id, custom";

void bind_data(SQLite::Statement& s, const ActivityRow& row, const std::optional<Instant>& completed_at,
               ActivityId previous) {
  const ActivityData& d = row.data;
  s.bind(1, std::string(activity_kind_name(d.kind)));
  s.bind(2, d.subject);
  s.bind(3, row.subject_key);
  bind_text_or_null(s, 4, d.body);
  s.bind(5, std::string(activity_status_name(d.status)));
  s.bind(6, format_instant(d.starts_at));
  s.bind(7, d.duration_seconds);
  bind_text_or_null(s, 8, std::string(direction_name(d.direction)));
  int index = 9;
  for (const std::string* text : {&d.outcome, &d.phone, &row.phone_e164, &d.email, &d.owner})
    bind_text_or_null(s, index++, *text);
  bind_text_or_null(s, 14, d.reminder_at ? format_instant(*d.reminder_at) : std::string());
  if (d.recurrence) {
    s.bind(15, std::string(recurrence_unit_name(d.recurrence->unit)));
    s.bind(16, d.recurrence->interval);
    s.bind(17, d.recurrence->business_days_only ? 1 : 0);
    bind_text_or_null(s, 18, d.recurrence->calendar);
  } else {
    s.bind(15);
    s.bind(16);
    s.bind(17, 0);
    s.bind(18);
  }
  bind_id_or_null(s, 19, d.account);
  bind_id_or_null(s, 20, d.contact);
  bind_id_or_null(s, 21, d.opportunity);
  bind_id_or_null(s, 22, d.lead);
  bind_text_or_null(s, 23, completed_at ? format_instant(*completed_at) : std::string());
  bind_id_or_null(s, 24, previous);
  bind_text_or_null(s, 25, row.custom_json);
}

std::string text(sqlite3_stmt* row, int i) {
  const auto* value = reinterpret_cast<const char*>(sqlite3_column_text(row, i));
  return value ? std::string(value, static_cast<std::size_t>(sqlite3_column_bytes(row, i))) : std::string();
}

template <class IdType>
IdType id_at(sqlite3_stmt* row, int i) {
  return sqlite3_column_type(row, i) == SQLITE_NULL ? IdType() : IdType(sqlite3_column_int64(row, i));
}

std::optional<Instant> instant_at(sqlite3_stmt* row, int i) {
  if (sqlite3_column_type(row, i) == SQLITE_NULL) return std::nullopt;
  return parse_instant(text(row, i));
}

// Reads one row of kSelect through the C API: these are read by the thousand
// for timelines and agendas.
Activity read_activity(sqlite3_stmt* row) {
  Activity a;
  a.id = ActivityId(sqlite3_column_int64(row, 0));
  a.version = sqlite3_column_int64(row, 1);
  a.created_at = *instant_at(row, 2);
  a.updated_at = *instant_at(row, 3);
  a.deleted_at = instant_at(row, 4);
  a.kind = activity_kind_from_name(text(row, 5)).value_or(ActivityKind::note);
  a.subject = text(row, 6);
  a.body = text(row, 7);
  a.status = activity_status_from_name(text(row, 8)).value_or(ActivityStatus::planned);
  a.starts_at = *instant_at(row, 9);
  a.duration_seconds = sqlite3_column_int64(row, 10);
  a.direction = direction_from_name(text(row, 11)).value_or(Direction::none);
  a.outcome = text(row, 12);
  a.phone = text(row, 13);
  a.phone_e164 = text(row, 14);
  a.email = text(row, 15);
  a.owner = text(row, 16);
  a.reminder_at = instant_at(row, 17);
  if (sqlite3_column_type(row, 18) != SQLITE_NULL) {
    a.recurrence = Recurrence{recurrence_unit_from_name(text(row, 18)).value_or(RecurrenceUnit::week),
                              sqlite3_column_int(row, 19), sqlite3_column_int(row, 20) != 0, text(row, 21)};
  }
  a.previous = id_at<ActivityId>(row, 22);
  a.completed_at = instant_at(row, 23);
  a.account = id_at<AccountId>(row, 24);
  a.contact = id_at<ContactId>(row, 25);
  a.opportunity = id_at<OpportunityId>(row, 26);
  a.lead = id_at<LeadId>(row, 27);
  return a;
}

constexpr const char* kSelect =
    "SELECT id, version, created_at, updated_at, deleted_at, kind, subject, body, status, starts_at, "
    "duration_seconds, direction, outcome, phone, phone_e164, email, owner, reminder_at, recurrence_unit, "
    "recurrence_interval, recurrence_business, recurrence_calendar, previous_id, completed_at, account_id, "
    "contact_id, opportunity_id, lead_id, custom FROM activities WHERE id IN (SELECT value FROM json_each(:ids))";

}  // namespace

std::int64_t insert_activity(Session& session, const ActivityRow& row, const Instant& now, ActivityId previous,
                             std::optional<Instant> completed_at) {
  static const std::string sql = record_insert_sql("activities", kDataColumns);
  auto insert = session.prepare(sql);
  bind_data(*insert, row, completed_at, previous);
  return write_record(session, kActivityTable, *insert, kDataColumns, now, 0, {});
}

void update_activity(Session& session, std::int64_t id, const ActivityRow& row, const Instant& now,
                     std::optional<Instant> completed_at, ActivityId previous) {
  static const std::string sql = record_update_sql("activities", kDataColumns);
  auto update = session.prepare(sql);
  bind_data(*update, row, completed_at, previous);
  write_record(session, kActivityTable, *update, kDataColumns, now, id, {});
}

std::vector<Activity> load_activities(Session& session, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  RawStatement statement(session, kSelect);
  statement.bind(":ids", ids_json(ids));
  std::unordered_map<std::int64_t, Activity> by_id;
  by_id.reserve(ids.size());
  CustomDecoder custom(session, RecordKind::activity);
  while (statement.step()) {
    Activity activity = read_activity(statement.handle());
    activity.custom = custom.decode(text(statement.handle(), sqlite3_column_count(statement.handle()) - 1));  // last
    by_id.emplace(activity.id.value(), std::move(activity));
  }
  return in_order(ids, by_id);
}

std::vector<std::int64_t> activity_ids(Session& session, const std::string& sql, const std::vector<std::string>& texts) {
  auto statement = session.prepare(sql);
  for (std::size_t i = 0; i < texts.size(); ++i) statement->bind(static_cast<int>(i + 1), texts[i]);
  std::vector<std::int64_t> ids;
  while (statement->executeStep()) ids.push_back(statement->getColumn(0).getInt64());
  return ids;
}

}  // namespace crm::detail
