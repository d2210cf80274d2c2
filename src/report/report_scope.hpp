// What a report's options add to its SQL: the owner, pipeline, segment and
// date-range conditions over the report's records, with their parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/report.hpp"
#include "query/compiler.hpp"

namespace crm::detail {

class Session;

/// SQL conditions joined with AND, and the parameters they bind.
struct SqlConditions {
  std::vector<std::string> terms;
  std::vector<SqlParameter> parameters;

  /// Adds a condition binding nothing.
  void add(std::string term) { terms.push_back(std::move(term)); }
  /// Adds a condition binding `name` to `value`.
  void add(std::string term, std::string name, std::variant<std::int64_t, double, std::string> value);
  /// " AND t1 AND t2 ..." (empty without terms), to follow a WHERE clause.
  std::string and_terms() const;
};

/// The records a report reads, as options reach them: the table alias, the
/// owner column, the pipeline column (empty: the report does not filter by
/// pipeline) and, per record kind a segment may hold, the SQL giving the id
/// of the record of that kind this row belongs to.
struct ReportSubject {
  std::string_view report;
  std::string owner_column;
  std::string pipeline_column;
  std::vector<std::pair<RecordKind, std::string>> segment_links;
};

/// The conditions of options.owner, options.pipeline and options.segment
/// over `subject`. Throws invalid_argument when the report cannot apply one
/// (a pipeline, or a segment of a kind it has no link to).
SqlConditions scope_conditions(Session& session, const ReportOptions& options, const ReportSubject& subject);

/// Adds "`day_sql` within [start, end]" for a date-valued SQL expression.
void add_day_range(SqlConditions& conditions, const ReportOptions& options, std::string_view day_sql);
/// Adds "`instant_sql` on a day within [start, end]" for an ISO instant column.
void add_instant_range(SqlConditions& conditions, const ReportOptions& options, std::string_view instant_sql);

/// The report's "today": options.as_of or the session's day.
Date report_day(Session& session, const ReportOptions& options);

/// Runs `sql` with `parameters` and calls `row(statement)` for each row.
template <class Statement, class Row>
void for_each_row(Statement statement, const std::vector<SqlParameter>& parameters, Row&& row) {
  bind_parameters(*statement, parameters);
  while (statement->executeStep()) row(*statement);
}

}  // namespace crm::detail
