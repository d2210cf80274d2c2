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
    const auto type = column_type(field);
    if (!type || field.storage == FieldStorage::side_table || field.storage == FieldStorage::custom_json) continue;
    if (field.type == RecordFieldType::text && !sql.table.empty()) {  // a name kept in `sql.table`
      const std::string alias = t + "_" + std::string(field.name);
      columns.push_back({std::string(field.name), alias + ".name", ColumnType::text,
                         "LEFT JOIN " + std::string(sql.table) + " " + alias + " ON " + alias + ".id = " + t + "." +
                             std::string(sql.column)});
      continue;
    }
    if (!sql.lookup_key.empty() || (field.type == RecordFieldType::enumeration && !sql.table.empty())) continue;
    // A link to another record reads as its id column ("parent_id"); the row id as "id".
    const bool link = field.type == RecordFieldType::reference && !field.has(FieldRole::key);
    const std::string name(link ? sql.column : field.filter_field());
    columns.push_back({name, t + "." + std::string(sql.selected.empty() ? sql.column : sql.selected), *type});
  }
  return columns;
}

}  // namespace crm::model
