// Deals as reports read them: live opportunities `o`, their date, and how the
// options reach them.
#pragma once

#include <string_view>

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

}  // namespace crm::detail
