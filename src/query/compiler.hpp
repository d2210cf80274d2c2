// The segment language's back end: a Filter over one kind of record to one
// SQL boolean expression with bound parameters. No text of the filter is
// pasted into the SQL: field names select SQL from the catalog, values are
// bound. Fields are resolved against the built-in catalog and the database's
// custom fields; unknown names and type mismatches throw Error(parse_error)
// with the position of the condition and the nearest valid name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/filter.hpp"

namespace crm::detail {

class Session;

/// A named parameter of compiled SQL (":f1") and its value.
struct SqlParameter {
  std::string name;
  std::variant<std::int64_t, double, std::string> value;
};

/// A compiled filter: SQL true for the rows of the record table that match.
struct CompiledFilter {
  std::string sql;
  std::vector<SqlParameter> parameters;
};

/// Binds each of `parameters` to its name in `statement` (a RawStatement or
/// an SQLite::Statement).
template <class Statement>
void bind_parameters(Statement& statement, const std::vector<SqlParameter>& parameters) {
  for (const SqlParameter& parameter : parameters)
    std::visit([&](const auto& value) { statement.bind(parameter.name.c_str(), value); }, parameter.value);
}

/// Compiles `filter` over records of `kind` whose table has the alias
/// `alias` in the enclosing statement. Parameters are named ":<prefix>N", so
/// two filters compiled with different prefixes can share a statement.
/// Relative dates resolve against the session's clock at this moment.
CompiledFilter compile_filter(Session& session, RecordKind kind, const Filter& filter, std::string_view alias,
                              std::string_view prefix = "f");

/// The names a filter over `kind` can use: built-in fields and aggregates,
/// "activity_count" where it applies, "account.<field>" prefixes excluded,
/// then the custom fields of `kind` in order.
std::vector<std::string> filter_field_names(Session& session, RecordKind kind);

/// The SQL expression ListQuery::sort_field names on records of `kind` in
/// table `alias`: a custom field or a single-valued built-in field. Throws
/// Error(invalid_argument) naming the field and the nearest valid name.
std::string sort_expression(Session& session, RecordKind kind, std::string_view name, std::string_view alias);

/// Days as "MM-DD" on which a birthday falls within [today, today + days]
/// (29 February also when that range holds 28 February of a common year).
std::vector<std::string> birthday_days(const Date& today, int days);

}  // namespace crm::detail
