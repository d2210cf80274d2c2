#include "activity/activity_store.hpp"

#include <unordered_map>

#include "activity/activity_table.hpp"
#include "model/custom_field_store.hpp"
#include "model/plain_columns.hpp"
#include "storage/raw_statement.hpp"
#include "storage/record_table.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"

namespace crm::detail {
namespace {

// The plain columns (from the descriptors), then what the store derives; custom last.
const std::string& data_columns() {
  static const std::string columns = model::plain_column_list<ActivityData>() +
                                     ", subject_key, phone_e164, recurrence_unit, recurrence_interval, "
                                     "recurrence_business, recurrence_calendar, completed_at, previous_id, custom";
  return columns;
}

void bind_data(SQLite::Statement& s, const ActivityRow& row, const std::optional<Instant>& completed_at,
               ActivityId previous) {
  const ActivityData& d = row.data;
  int index = model::bind_plain_columns(s, 1, d);
  s.bind(index++, row.subject_key);
  bind_text_or_null(s, index++, row.phone_e164);
  if (d.recurrence) {
    s.bind(index++, std::string(recurrence_unit_name(d.recurrence->unit)));
    s.bind(index++, d.recurrence->interval);
    s.bind(index++, d.recurrence->business_days_only ? 1 : 0);
    bind_text_or_null(s, index++, d.recurrence->calendar);
  } else {
    s.bind(index++);
    s.bind(index++);
    s.bind(index++, 0);
    s.bind(index++);
  }
  bind_text_or_null(s, index++, completed_at ? format_instant(*completed_at) : std::string());
  bind_id_or_null(s, index++, previous);
  bind_text_or_null(s, index, row.custom_json);
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

// Reads one row of select_sql() through the C API: these are read by the thousand
// for timelines and agendas.
Activity read_activity(sqlite3_stmt* row) {
  Activity a;
  a.id = ActivityId(sqlite3_column_int64(row, 0));
  a.version = sqlite3_column_int64(row, 1);
  a.created_at = *instant_at(row, 2);
  a.updated_at = *instant_at(row, 3);
  a.deleted_at = instant_at(row, 4);
  int i = model::read_plain_columns<ActivityData>(row, 5, a);
  ++i;  // subject_key
  a.phone_e164 = text(row, i++);
  if (sqlite3_column_type(row, i) != SQLITE_NULL) {
    a.recurrence = Recurrence{recurrence_unit_from_name(text(row, i)).value_or(RecurrenceUnit::week),
                              sqlite3_column_int(row, i + 1), sqlite3_column_int(row, i + 2) != 0, text(row, i + 3)};
  }
  i += 4;
  a.completed_at = instant_at(row, i++);
  a.previous = id_at<ActivityId>(row, i);
  return a;
}

const std::string& select_sql() {
  static const std::string sql = std::string("SELECT ") + kRecordMetaColumns + ", " + data_columns() +
                                 " FROM activities WHERE id IN (SELECT value FROM json_each(:ids))";
  return sql;
}

}  // namespace

std::int64_t insert_activity(Session& session, const ActivityRow& row, const Instant& now, ActivityId previous,
                             std::optional<Instant> completed_at) {
  static const std::string sql = record_insert_sql("activities", data_columns());
  auto insert = session.prepare(sql);
  bind_data(*insert, row, completed_at, previous);
  return write_record(session, kActivityTable, *insert, data_columns(), now, 0, row.data.external_ref);
}

void update_activity(Session& session, std::int64_t id, const ActivityRow& row, const Instant& now,
                     std::optional<Instant> completed_at, ActivityId previous) {
  static const std::string sql = record_update_sql("activities", data_columns());
  auto update = session.prepare(sql);
  bind_data(*update, row, completed_at, previous);
  write_record(session, kActivityTable, *update, data_columns(), now, id, row.data.external_ref);
}

std::vector<Activity> load_activities(Session& session, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  RawStatement statement(session, select_sql());
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
