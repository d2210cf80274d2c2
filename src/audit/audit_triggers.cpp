// The temporary triggers that note every change of an audited field, made
// from the record descriptors (model/audited_fields), and the notes' table.
#include <algorithm>
#include <array>

#include "audit/audit_notes.hpp"
#include "listing/record_list.hpp"

namespace crm::detail {
namespace {

using model::AuditedField;
using model::AuditedShape;

std::vector<NoteColumns> derive_note_columns(RecordKind kind) {
  std::vector<NoteColumns> columns;
  std::size_t first = 0;
  const auto& fields = model::audited_fields(kind);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].shape == AuditedShape::side) continue;
    columns.push_back({&fields[i], i, first});
    first += fields[i].columns.size();
  }
  return columns;
}

// "v0, v1, ..." and "<old of column 1>, <new of column 1>, ..." over the
// record's noted columns, `before`/`after` being "OLD", "NEW" or "" (none).
std::pair<std::string, std::string> value_lists(RecordKind kind, std::string_view before, std::string_view after) {
  std::string names, values;
  std::size_t at = 0;
  for (const NoteColumns& noted : note_columns(kind))
    for (const std::string& column : noted.field->columns) {
      for (std::string_view row : {before, after}) {
        if (!row.empty()) {
          names += (names.empty() ? "v" : ", v") + std::to_string(at);
          values += (values.empty() ? "" : ", ") + std::string(row) + "." + column;
        }
        ++at;
      }
    }
  return {names, values};
}

std::string note_sql(std::string_view table, std::string_view id, std::string_view operation,
                     std::string_view names, std::string_view values) {
  return "INSERT INTO " + std::string(kAuditNotesTable) + " (tbl, record_id, operation" +
         (names.empty() ? "" : ", ") + std::string(names) + ") VALUES ('" + std::string(table) + "', " +
         std::string(id) + ", " + std::string(operation) + (values.empty() ? "" : ", ") + std::string(values) + ");";
}

void add_record_triggers(Session& session, RecordKind kind) {
  const std::string table(record_table_of(kind).table);
  std::string changed = "OLD.deleted_at IS NOT NEW.deleted_at";
  for (const NoteColumns& noted : note_columns(kind))
    for (const std::string& column : noted.field->columns) changed += " OR OLD." + column + " IS NOT NEW." + column;
  const std::string prefix = "CREATE TEMP TRIGGER IF NOT EXISTS crm_audit_" + table;
  const auto created = value_lists(kind, "", "NEW");
  const auto updated = value_lists(kind, "OLD", "NEW");
  const auto purged = value_lists(kind, "OLD", "");
  session.db().exec(prefix + "_insert AFTER INSERT ON main." + table + " WHEN crm_audit_on() BEGIN " +
                    note_sql(table, "NEW.id", "coalesce(crm_audit_operation(), 'create')", created.first,
                             created.second) +
                    " END");
  session.db().exec(prefix + "_update AFTER UPDATE ON main." + table + " WHEN crm_audit_on() AND (" + changed +
                    ") BEGIN " +
                    note_sql(table, "NEW.id",
                             "coalesce(crm_audit_operation(), CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at "
                             "IS NOT NULL THEN 'delete' WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL "
                             "THEN 'restore' ELSE 'update' END)",
                             updated.first, updated.second) +
                    " END");
  session.db().exec(prefix + "_delete AFTER DELETE ON main." + table + " WHEN crm_audit_on() BEGIN " +
                    note_sql(table, "OLD.id", "coalesce(crm_audit_operation(), 'purge')", purged.first,
                             purged.second) +
                    " END");
}

// "json_object('a', <row>.a, ...)" over what a side table's row says: its
// columns but the row's id, the link, its position and match keys. A table
// that keeps history (an `ended_on` column: employments) counts only its
// rows in force; an ended row is NULL, no value.
std::string side_value(Session& session, const AuditedField& field, std::string_view row) {
  auto columns = session.prepare("SELECT name FROM pragma_table_info(?)");
  columns->bind(1, field.side_table);
  std::string sql = "json_object(";
  bool first = true, keeps_history = false;
  while (columns->executeStep()) {
    const std::string name = columns->getColumn(0).getString();
    if (name == "ended_on") keeps_history = true;
    if (name == "id" || name == "ended_on" || name == field.link || name == "position" || name.ends_with("_key"))
      continue;
    if (!first) sql += ", ";
    first = false;
    sql += "'" + name + "', " + std::string(row) + "." + name;
  }
  sql += ")";
  return keeps_history ? "CASE WHEN " + std::string(row) + ".ended_on IS NULL THEN " + sql + " END" : sql;
}

void add_side_triggers(Session& session, RecordKind kind, const AuditedField& field) {
  const std::string table(record_table_of(kind).table);
  const std::string before = side_value(session, field, "OLD");
  const std::string after = side_value(session, field, "NEW");
  const std::string old_id = "OLD." + field.link;
  const std::string new_id = "NEW." + field.link;
  const std::string operation = "coalesce(crm_audit_operation(), 'update'), '" + field.name + "'";
  const std::string prefix = "CREATE TEMP TRIGGER IF NOT EXISTS crm_audit_" + field.side_table + "_" + field.name;
  // A row that goes with its record (a purge's cascade) is not a change of a field.
  const std::string record_lives = "EXISTS (SELECT 1 FROM main." + table + " WHERE id = " + old_id + ")";
  // what the row shows alone: its value column (an email's address), or the whole row
  const std::string value_column(field.info->sql.column);
  const auto shown = [&](std::string_view row, const std::string& whole) {
    return value_column.empty() ? whole : "CASE WHEN (" + whole + ") IS NOT NULL THEN " + std::string(row) + "." + value_column + " END";
  };
  const std::string removed = before + ", " + shown("OLD", before);
  const std::string added = after + ", " + shown("NEW", after);
  session.db().exec(prefix + "_insert AFTER INSERT ON main." + field.side_table + " WHEN crm_audit_on() BEGIN " +
                    note_sql(table, new_id, operation, "field, side_new, shown_new", added) + " END");
  session.db().exec(prefix + "_update AFTER UPDATE ON main." + field.side_table + " WHEN crm_audit_on() BEGIN " +
                    note_sql(table, old_id, operation, "field, side_old, shown_old", removed) + " " +
                    note_sql(table, new_id, operation, "field, side_new, shown_new", added) + " END");
  session.db().exec(prefix + "_delete AFTER DELETE ON main." + field.side_table + " WHEN crm_audit_on() AND " +
                    record_lives + " BEGIN " +
                    note_sql(table, old_id, operation, "field, side_old, shown_old", removed) + " END");
}

}  // namespace

const std::vector<NoteColumns>& note_columns(RecordKind kind) {
  static const auto all = [] {
    std::array<std::vector<NoteColumns>, 5> columns;
    for (RecordKind each : all_record_kinds()) columns[static_cast<std::size_t>(each)] = derive_note_columns(each);
    return columns;
  }();
  return all[static_cast<std::size_t>(kind)];
}

std::size_t noted_column_count(RecordKind kind) {
  const auto& columns = note_columns(kind);
  return columns.empty() ? 0 : columns.back().first + columns.back().field->columns.size();
}

std::size_t note_value_columns() {
  std::size_t most = 0;
  for (RecordKind kind : all_record_kinds()) most = std::max(most, 2 * noted_column_count(kind));
  return most;
}

void add_audit_triggers(Session& session) {
  std::string values;
  for (std::size_t i = 0; i < note_value_columns(); ++i) values += ", v" + std::to_string(i);
  session.execute("CREATE TEMP TABLE IF NOT EXISTS " + std::string(kAuditNotesTable) +
                  " (tbl TEXT NOT NULL, record_id INTEGER NOT NULL, operation TEXT NOT NULL, field TEXT, "
                  "side_old TEXT, side_new TEXT, shown_old, shown_new" + values + ")");
  for (RecordKind kind : all_record_kinds()) {
    add_record_triggers(session, kind);
    for (const AuditedField& field : model::audited_fields(kind))
      if (field.shape == AuditedShape::side) add_side_triggers(session, kind, field);
  }
}

}  // namespace crm::detail
