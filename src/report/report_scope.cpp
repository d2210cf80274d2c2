#include "report/report_scope.hpp"

#include <algorithm>

#include "crm/error.hpp"
#include "query/catalog.hpp"
#include "segment/segment_store.hpp"
#include "storage/session.hpp"

namespace crm::detail {
namespace {

std::string report_text(std::string_view report) { return "report " + std::string(report); }

// The segment's condition over the record its row links to: direct on the
// report's own alias, else an EXISTS over the linked table.
std::string linked_condition(Session& session, RecordKind kind, SegmentId id, const std::string& link,
                             std::vector<SqlParameter>& parameters) {
  const std::string table(record_table_name(kind));
  CompiledFilter filter = segment_condition(session, kind, id, "segment_member");
  for (SqlParameter& parameter : filter.parameters) parameters.push_back(std::move(parameter));
  return "EXISTS (SELECT 1 FROM " + table + " segment_member WHERE segment_member.id = " + link + " AND (" +
         filter.sql + "))";
}

void add_segment(Session& session, SqlConditions& conditions, const ReportOptions& options,
                 const ReportSubject& subject) {
  if (!options.segment) return;
  const RecordKind kind = load_segment(session, options.segment).record_kind;
  const auto link = std::find_if(subject.segment_links.begin(), subject.segment_links.end(),
                                 [&](const auto& entry) { return entry.first == kind; });
  if (link == subject.segment_links.end()) {
    std::string kinds;
    for (const auto& [k, sql] : subject.segment_links) kinds += (kinds.empty() ? "" : ", ") + std::string(record_kind_name(k));
    throw Error(ErrorCode::invalid_argument,
                "segment: " + report_text(subject.report) + " takes a segment of " + kinds + ", not of " +
                    std::string(record_kind_name(kind)),
                "segment");
  }
  conditions.add(linked_condition(session, kind, options.segment, link->second, conditions.parameters));
}

}  // namespace

void SqlConditions::add(std::string term, std::string name, std::variant<std::int64_t, double, std::string> value) {
  terms.push_back(std::move(term));
  parameters.push_back({std::move(name), std::move(value)});
}

std::string SqlConditions::and_terms() const {
  std::string out;
  for (const std::string& term : terms) out += " AND " + term;
  return out;
}

SqlConditions scope_conditions(Session& session, const ReportOptions& options, const ReportSubject& subject) {
  SqlConditions conditions;
  if (!options.owner.empty()) conditions.add(subject.owner_column + " = :owner", ":owner", options.owner);
  if (options.pipeline) {
    if (subject.pipeline_column.empty())
      throw Error(ErrorCode::invalid_argument, "pipeline: " + report_text(subject.report) + " does not filter by pipeline",
                  "pipeline");
    conditions.add(subject.pipeline_column + " = :pipeline", ":pipeline", options.pipeline.value());
  }
  add_segment(session, conditions, options, subject);
  return conditions;
}

void add_day_range(SqlConditions& conditions, const ReportOptions& options, std::string_view day_sql) {
  if (options.start) conditions.add(std::string(day_sql) + " >= :range_start", ":range_start", format_date(*options.start));
  if (options.end) conditions.add(std::string(day_sql) + " <= :range_end", ":range_end", format_date(*options.end));
}

void add_instant_range(SqlConditions& conditions, const ReportOptions& options, std::string_view instant_sql) {
  // Instants are ISO text: a day's instants sort from "YYYY-MM-DD" up to the next day's.
  if (options.start) conditions.add(std::string(instant_sql) + " >= :range_start", ":range_start", format_date(*options.start));
  if (options.end)
    conditions.add(std::string(instant_sql) + " < :range_after", ":range_after",
                   format_date(*options.end + boost::gregorian::days(1)));
}

Date report_day(Session& session, const ReportOptions& options) {
  return options.as_of ? *options.as_of : session.today();
}

}  // namespace crm::detail
