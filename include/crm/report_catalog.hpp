// crmcore: the catalog of reports — for each report its name, what it
// shows, the options it accepts and the columns of its table. Reports::run()
// dispatches through it, each report refuses the options it does not list,
// and the C ABI, the Python module and the crm program describe the reports
// from it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/report.hpp"
#include "crm/table.hpp"

namespace crm {

/// A setting of ReportOptions, as a report accepts it or not.
enum class ReportOption { start, end, as_of, owner, pipeline, segment, interval, group, days };
/// "start", "end", "as_of", "owner", "pipeline", "segment", "interval", "group" or "days".
std::string_view report_option_name(ReportOption option) noexcept;
/// The option named `name`, or nullopt.
std::optional<ReportOption> report_option_from_name(std::string_view name) noexcept;
/// What the option does, in one sentence.
std::string_view report_option_doc(ReportOption option) noexcept;

/// "integer", "real", "text", "date", "instant" or "decimal".
std::string_view column_type_name(ColumnType type) noexcept;

/// One column of a report's table.
struct ReportColumnInfo {
  std::string name{};                  ///< "won_amount".
  ColumnType type = ColumnType::text;  ///< The type of its cells.
  std::string doc{};                   ///< What a cell holds, and when it is null.
};

/// What a report is and takes.
struct ReportInfo {
  std::string name{};     ///< The name Reports::run() takes ("forecast").
  std::string title{};    ///< What it shows, in one line.
  std::string summary{};  ///< What it shows: the records, the range's date, the order of rows.
  /// The options it accepts, in ReportOption order. A range, owner,
  /// pipeline, segment or group (other than the default owner) it does not
  /// accept is refused with invalid_argument; an interval or days it does
  /// not use is ignored; as_of every report accepts.
  std::vector<ReportOption> options{};
  std::vector<ReportGroup> groups{};         ///< The groupings it accepts (with ReportOption::group).
  std::vector<RecordKind> segment_kinds{};   ///< The kinds of segment it accepts (with ReportOption::segment).
  int default_days = 0;                      ///< What days = 0 stands for (with ReportOption::days).
  std::vector<ReportColumnInfo> columns{};   ///< The columns of its table, in order.

  /// Whether the report accepts `option`.
  bool accepts(ReportOption option) const noexcept;
  /// What `option` does in this report: report_option_doc(), and the
  /// groupings, segment kinds or default days it takes.
  std::string option_doc(ReportOption option) const;
  /// The columns as its Table has them.
  std::vector<Column> table_columns() const;
};

/// Every report, in the order Reports::names() lists them. Static storage;
/// safe on any thread.
const std::vector<ReportInfo>& report_catalog();
/// The report called `name`; invalid_argument listing the names for any other.
const ReportInfo& report_info(std::string_view name);

}  // namespace crm
