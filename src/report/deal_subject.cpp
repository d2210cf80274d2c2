#include "report/deal_subject.hpp"

#include "crm/time.hpp"

namespace crm::detail {

ReportSubject deal_subject(std::string_view report) {
  return {report,
          "o.owner",
          "o.pipeline_id",
          {{RecordKind::opportunity, "o.id"}, {RecordKind::account, "o.account_id"},
           {RecordKind::contact, "o.primary_contact_id"}}};
}

SqlConditions deal_conditions(Session& session, const ReportOptions& options, std::string_view report,
                              std::string_view day_sql, const BaseCurrency& base) {
  SqlConditions where = scope_conditions(session, options, deal_subject(report));
  if (!day_sql.empty()) add_day_range(where, options, day_sql);
  where.parameters.push_back(base.parameter());
  where.parameters.push_back({":as_of", format_date(report_day(session, options))});
  return where;
}

}  // namespace crm::detail
