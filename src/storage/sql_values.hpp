// Reading and binding the value conventions of the schema: NULL for unset
// text, ISO-8601 text for dates and instants.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "crm/money.hpp"
#include "crm/time.hpp"

namespace crm::detail {

/// Binds `value`, or NULL when it is empty.
void bind_text_or_null(SQLite::Statement& statement, int index, const std::string& value);
/// Binds a date as 'YYYY-MM-DD', or NULL.
void bind_date_or_null(SQLite::Statement& statement, int index, const std::optional<Date>& value);

/// The text in column `index`, or "" for NULL.
std::string column_text(SQLite::Statement& statement, int index);
/// The instant in column `index` (must not be NULL).
Instant column_instant(SQLite::Statement& statement, int index);
/// The instant in column `index`, or nullopt for NULL.
std::optional<Instant> column_optional_instant(SQLite::Statement& statement, int index);
/// The date in column `index`, or nullopt for NULL.
std::optional<Date> column_optional_date(SQLite::Statement& statement, int index);

/// Binds an amount to two parameters: minor units and currency code.
void bind_money(SQLite::Statement& statement, int minor_index, int currency_index, const Money& money);
/// The amount in two columns: minor units and currency code.
Money column_money(SQLite::Statement& statement, int minor_index, int currency_index);
/// Binds an id, or NULL for an unset (0) id.
template <class IdType>
void bind_id_or_null(SQLite::Statement& statement, int index, IdType id) {
  if (id)
    statement.bind(index, id.value());
  else
    statement.bind(index);
}
/// The id in column `index`, unset for NULL.
template <class IdType>
IdType column_id(SQLite::Statement& statement, int index) {
  auto column = statement.getColumn(index);
  return column.isNull() ? IdType() : IdType(column.getInt64());
}

/// A JSON array of ids ("[1,2,3]") to bind for `IN (SELECT value FROM json_each(?))`.
std::string ids_json(const std::vector<std::int64_t>& ids);

/// Reads the maintained columns id, version, created_at, updated_at,
/// deleted_at (in this order, starting at `first`) into a record.
template <class Record>
void read_record_meta(SQLite::Statement& statement, int first, Record& record) {
  record.id = decltype(record.id)(statement.getColumn(first).getInt64());
  record.version = statement.getColumn(first + 1).getInt64();
  record.created_at = column_instant(statement, first + 2);
  record.updated_at = column_instant(statement, first + 3);
  record.deleted_at = column_optional_instant(statement, first + 4);
}

/// The column list read by read_record_meta().
inline constexpr const char* kRecordMetaColumns = "id, version, created_at, updated_at, deleted_at";

}  // namespace crm::detail
