#include "model/select_columns.hpp"

#include "crm/record_fields.hpp"

namespace crm::model {
namespace {

/// The select() type of a field's column, or nullopt when select() does not read it as one column.
std::optional<ColumnType> column_type(const FieldInfo& field) {
  switch (field.type) {
    case RecordFieldType::text:
    case RecordFieldType::birthday:
    case RecordFieldType::enumeration: return ColumnType::text;
    case RecordFieldType::integer:
    case RecordFieldType::duration:
    case RecordFieldType::percent:
    case RecordFieldType::reference: return ColumnType::integer;
    case RecordFieldType::date: return ColumnType::date;
    case RecordFieldType::instant: return ColumnType::instant;
    default: return std::nullopt;
  }
}

}  // namespace

std::vector<SelectColumn> plain_select_columns(RecordKind kind, std::string_view table) {
  const std::string t(table);
  std::vector<SelectColumn> columns;
  for (const FieldInfo& field : record_fields(kind)) {
    if (!field.has(FieldRole::select)) continue;
    const FieldSql& sql = field.sql;
    if (field.type == RecordFieldType::tags) {
      columns.push_back({std::string(field.name),
                         "(SELECT group_concat(" + std::string(sql.column) + ", ', ') FROM (SELECT " +
                             std::string(sql.column) + " FROM " + std::string(sql.table) + " WHERE " +
                             std::string(sql.link) + " = " + t + ".id ORDER BY " + std::string(sql.column) + "_key))",
                         ColumnType::text});
      continue;
    }
    if (field.type == RecordFieldType::money) {  // the exact amount with its currency, then as stored
      const std::string minor = t + "." + std::string(sql.column), currency = t + "." + std::string(sql.currency);
      columns.push_back({std::string(field.name), minor, ColumnType::decimal, "", currency});
      columns.push_back({std::string(sql.column), minor, ColumnType::integer});
      columns.push_back({std::string(sql.currency), currency, ColumnType::text});
      continue;
    }
    const auto type = column_type(field);
    if (!type || field.storage == FieldStorage::side_table || field.storage == FieldStorage::custom_json) continue;
    // The row of `sql.table` that column `sql.column` points to, joined once
    // for every field reading it (a deal's stage and stage_kind).
    const std::string alias = t + "_" + std::string(sql.column);
    const std::string join = "LEFT JOIN " + std::string(sql.table) + " " + alias + " ON " + alias + ".id = " + t +
                             "." + std::string(sql.column);
    if (field.type == RecordFieldType::text && !sql.table.empty()) {  // a name kept in `sql.table`
      columns.push_back({std::string(field.name), alias + ".name", ColumnType::text, join});
      continue;
    }
    if (field.type == RecordFieldType::enumeration && !sql.table.empty()) {  // a value of the row it points to
      columns.push_back({std::string(field.name), alias + "." + std::string(sql.lookup_key), ColumnType::text, join});
      continue;
    }
    if (!sql.lookup_key.empty()) {  // a named link (a deal's pipeline): its id column and its name
      columns.push_back({std::string(sql.column), t + "." + std::string(sql.column), ColumnType::integer});
      columns.push_back({std::string(field.name), alias + ".name", ColumnType::text, join});
      continue;
    }
    // A link to another record reads as its id column ("parent_id"); the row id as "id".
    const bool link = field.type == RecordFieldType::reference && !field.has(FieldRole::key);
    const std::string name(link ? sql.column : field.filter_field());
    columns.push_back({name, t + "." + std::string(sql.selected.empty() ? sql.column : sql.selected), *type});
  }
  return columns;
}

}  // namespace crm::model
