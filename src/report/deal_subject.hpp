// Deals as reports read them: live opportunities `o`, their date, and how the
// options reach them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <SQLiteCpp/Statement.h>

#include "report/base_money.hpp"
#include "report/report_scope.hpp"

namespace crm::detail {

/// A deal's date: its close date when closed, its expected close when open,
/// else the report's day (bound as :as_of).
inline constexpr std::string_view kDealDaySql = "coalesce(o.closed_on, o.expected_close, :as_of)";

/// Owner, pipeline and segment (of deals, accounts or primary contacts) over `o`.
ReportSubject deal_subject(std::string_view report);

/// The scope conditions of `options` over deals `o`, the deal-date range
/// when `day_sql` is given, and the parameters of kDealDaySql and `base`.
SqlConditions deal_conditions(Session& session, const ReportOptions& options, std::string_view report,
                              std::string_view day_sql, const BaseCurrency& base);

/// Count, amount and weighted amount of some deals, per currency and rate.
struct DealTotals {
  std::int64_t deals = 0;
  MoneySum amount;
  MoneySum weighted;

  /// Adds the crm_money_parts() result in column `column` of `row` (NULL: nothing).
  void add(SQLite::Statement& row, int column);
};

/// "SELECT keys, <deal totals> FROM from WHERE <live deals, extra_where and
/// where> GROUP BY keys": one pass that sums per currency and rate inside
/// each group (crm_money_parts), read back with DealTotals::add().
std::string deal_totals_sql(const BaseCurrency& base, std::string_view keys, std::string_view from,
                            const SqlConditions& where, std::string_view extra_where = {});

}  // namespace crm::detail
