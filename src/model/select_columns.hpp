// The select() columns of the plain fields of a record kind, from the record
// descriptors: fields with FieldRole::select stored in a column of the
// record's table, names looked up in another table, and tags.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/table.hpp"

namespace crm::model {

/// A column select() can read: its name, SQL expression, type and the join it reads from.
struct SelectColumn {
  std::string name;     ///< As select() names it ("street", "parent_id").
  std::string sql;      ///< Its expression over `table`.
  ColumnType type = ColumnType::text;  ///< Its type.
  std::string join{};   ///< The join the expression reads from, or empty.
  /// Money (type decimal): the expression of its currency code; `sql` is then
  /// the amount in minor units, and the cell is set with Table::set_money().
  std::string currency{};
};

/// The columns of the fields of `kind` with FieldRole::select that a column
/// of `table` (the kind's SQL table), a name table or a tag table holds, in
/// descriptor order: a link by name gives its id column and its name
/// ("pipeline_id", "pipeline"); money its exact amount with its currency
/// (a decimal column), minor units and currency ("amount", "amount_minor",
/// "currency"). Fields kept elsewhere
/// (a contact's emails, phones and employer) are the record concept's own.
std::vector<SelectColumn> plain_select_columns(RecordKind kind, std::string_view table);

/// `owned` as the storage layer's column views (Column is detail::SelectableColumn);
/// `owned` must outlive them.
template <class Column>
std::vector<Column> column_views(const std::vector<SelectColumn>& owned) {
  std::vector<Column> views;
  for (const SelectColumn& column : owned)
    views.emplace_back(column.name, column.sql, column.type, column.join, column.currency);
  return views;
}

}  // namespace crm::model
