// Listing the records of one kind: a page of ids, of selected columns, or a
// count, for a ListQuery with its owner, country, tag, deleted, sort and
// paging fields plus a `where` filter in the segment language and a saved
// segment. Sits above query/ (it compiles filters) and below the record
// modules that call it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/list.hpp"
#include "crm/table.hpp"
#include "storage/record_table.hpp"

namespace crm::detail {

class Session;

/// Conditions a record kind adds to ListQuery's (" AND ..." SQL with named
/// parameters, and their values).
struct ExtraFilter {
  std::string where;
  std::vector<std::pair<std::string, std::int64_t>> integers;
  std::vector<std::pair<std::string, std::string>> texts;

  /// Adds "AND <sql>" binding `value` to `name` (":name" in sql).
  void add(const std::string& sql, const std::string& name, std::int64_t value);
  /// Adds "AND <sql>" binding text `value` to `name`.
  void add(const std::string& sql, const std::string& name, const std::string& value);
  /// Adds "AND <sql>" without parameters.
  void add(const std::string& sql);
};

/// The table of the records of `kind`, for the shared record helpers.
const RecordTable& record_table_of(RecordKind kind);

/// The ids of one listed page plus the token for the next.
struct IdPage {
  std::vector<std::int64_t> ids;
  std::string next;
};

/// The ids of one page of `query`, validated (limit, token, country).
IdPage list_ids(Session& session, RecordKind kind, const ListQuery& query, const ExtraFilter& extra = {});

/// A column select() can read: its name, SQL expression, type, and the join
/// (if any) the expression reads from; a join shared by several chosen
/// columns is added once.
struct SelectableColumn {
  std::string_view name;
  std::string_view sql;
  ColumnType type;
  std::string_view join = {};
  /// Money (ColumnType::decimal): the SQL of its currency code; `sql` is the amount in minor units.
  std::string_view currency = {};

  constexpr SelectableColumn(std::string_view name, std::string_view sql, ColumnType type, std::string_view join = {},
                             std::string_view currency = {})
      : name(name), sql(sql), type(type), join(join), currency(currency) {}
};

/// The name and type of each of `available`, for selectable_columns().
std::vector<Column> column_list(std::span<const SelectableColumn> available);

/// One page of the `wanted` columns (names from `available`) of the rows of
/// `query`, in its order. Throws invalid_argument naming an unknown column.
TablePage select_page(Session& session, RecordKind kind, const ListQuery& query,
                      std::span<const SelectableColumn> available, const std::vector<std::string>& wanted,
                      const ExtraFilter& extra = {});

/// How many rows match the filters of `query` (paging fields ignored).
std::int64_t count_rows(Session& session, RecordKind kind, const ListQuery& query, const ExtraFilter& extra = {});

}  // namespace crm::detail
