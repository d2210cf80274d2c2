#include "report/deal_subject.hpp"

#include <SQLiteCpp/Column.h>

#include "crm/time.hpp"
#include "report/report_result.hpp"
#include "storage/sql_money_parts.hpp"

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

void DealTotals::add(SQLite::Statement& row, int column) {
  if (row.getColumn(column).isNull()) return;
  for (const MoneyPart& part : parse_money_parts(row.getColumn(column).getString())) {
    const Date day = parse_date(part.earliest_day);
    deals += part.count;
    amount.add(part.currency, part.rate_id, day, part.amount);
    weighted.add(part.currency, part.rate_id, day, part.weighted);
  }
}

std::string deal_totals_sql(const BaseCurrency& base, std::string_view keys, std::string_view from,
                            const SqlConditions& where, std::string_view extra_where) {
  const std::string day(kDealDaySql);
  return "SELECT " + std::string(keys) + ", crm_money_parts(o.currency, " + base.rate_id_sql("o.currency", day) +
         ", " + day + ", o.amount_minor, " + std::string(kWeightedAmountSql) + ") FROM " + std::string(from) +
         " WHERE o.deleted_at IS NULL" + std::string(extra_where) + where.and_terms() + " GROUP BY " +
         std::string(keys);
}

}  // namespace crm::detail
