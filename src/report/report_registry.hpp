// The report registry inside the library: which method runs each report of
// report_catalog(), and the check of a report's options against its entry.
#pragma once

#include "crm/report.hpp"
#include "crm/report_catalog.hpp"

namespace crm::detail {

class Session;

/// A member of Reports that runs one report.
using ReportMethod = Report (Reports::*)(const ReportOptions&) const;

/// The method that runs `report` (an entry of report_catalog()).
ReportMethod report_method(const ReportInfo& report);

/// The catalog entry of the report `method` runs, once `options` passed its
/// check: invalid_argument for a range, owner, pipeline or segment the
/// report does not accept, a segment of a kind it does not take, a group it
/// does not take (other than the default owner where it takes none), or
/// negative days. Settings it does not use (interval, days, as_of) are
/// ignored. Loads the segment, hence the session.
const ReportInfo& checked_report(Session& session, ReportMethod method, const ReportOptions& options);

/// options.days, or the report's default_days when 0.
int report_days(const ReportInfo& report, const ReportOptions& options);

}  // namespace crm::detail
