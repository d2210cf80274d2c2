#include <charconv>
#include <unordered_map>

#include "account/account_table.hpp"
#include "activity/activity_store.hpp"
#include "audit/audit_reader.hpp"
#include "common/fields.hpp"
#include "contact/contact_table.hpp"
#include "crm/error.hpp"
#include "crm/timeline.hpp"
#include "lead/lead_table.hpp"
#include "opportunity/opportunity_store.hpp"
#include "opportunity/opportunity_table.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"

namespace crm {
namespace {

using namespace detail;

// Each branch selects (kind, id, at): 'a' for activities, 's' for stage
// changes, 'c' for the record's logged changes (audit_log, when :changes is 1).
#define CRM_LIVE_ACTIVITY "(:deleted = 1 OR a.deleted_at IS NULL)"
#define CRM_CHANGES_OF(kind) \
  " UNION ALL SELECT 'c', l.seq, l.at FROM audit_log l WHERE :changes = 1 AND l.kind = '" kind "' AND l.record_id = :id"

constexpr const char* kAccountEvents =
    "SELECT 'a' AS kind, a.id AS id, a.starts_at AS at FROM activities a WHERE a.account_id = :id AND "
    CRM_LIVE_ACTIVITY
    " UNION ALL "
    "SELECT 'a', a.id, a.starts_at FROM activities a WHERE a.contact_id IN "
    "(SELECT contact_id FROM employments WHERE account_id = :id) AND (a.account_id IS NULL OR a.account_id <> :id) "
    "AND " CRM_LIVE_ACTIVITY
    " AND EXISTS (SELECT 1 FROM employments e WHERE e.contact_id = a.contact_id AND e.account_id = :id "
    "AND (e.started_on IS NULL OR a.starts_at >= e.started_on) "
    "AND (e.ended_on IS NULL OR a.starts_at < date(e.ended_on, '+1 day')))"
    " UNION ALL "
    "SELECT 's', sc.id, sc.changed_at FROM stage_changes sc WHERE sc.opportunity_id IN "
    "(SELECT id FROM opportunities WHERE account_id = :id)" CRM_CHANGES_OF("account");

constexpr const char* kContactEvents =
    "SELECT 'a' AS kind, a.id AS id, a.starts_at AS at FROM activities a WHERE a.contact_id = :id AND "
    CRM_LIVE_ACTIVITY
    " UNION ALL "
    "SELECT 's', sc.id, sc.changed_at FROM stage_changes sc WHERE sc.opportunity_id IN "
    "(SELECT id FROM opportunities WHERE primary_contact_id = :id)" CRM_CHANGES_OF("contact");

constexpr const char* kOpportunityEvents =
    "SELECT 'a' AS kind, a.id AS id, a.starts_at AS at FROM activities a WHERE a.opportunity_id = :id AND "
    CRM_LIVE_ACTIVITY
    " UNION ALL "
    "SELECT 's', sc.id, sc.changed_at FROM stage_changes sc WHERE sc.opportunity_id = :id" CRM_CHANGES_OF("opportunity");

constexpr const char* kLeadEvents =
    "SELECT 'a' AS kind, a.id AS id, a.starts_at AS at FROM activities a WHERE a.lead_id = :id AND " CRM_LIVE_ACTIVITY
    CRM_CHANGES_OF("lead");

#undef CRM_LIVE_ACTIVITY
#undef CRM_CHANGES_OF

struct Position {
  std::string at;
  std::string kind;
  std::int64_t id = 0;
};

// Tokens read "<at>|<kind>|<id>".
Position parse_after(const std::string& token) {
  const auto first = token.find('|');
  const auto second = first == std::string::npos ? first : token.find('|', first + 1);
  Position position;
  if (second != std::string::npos) {
    position.at = token.substr(0, first);
    position.kind = token.substr(first + 1, second - first - 1);
    const char* begin = token.data() + second + 1;
    const char* end = token.data() + token.size();
    auto [stop, ec] = std::from_chars(begin, end, position.id);
    if (ec == std::errc{} && stop == end && (position.kind == "a" || position.kind == "s" || position.kind == "c")) return position;
  }
  throw Error(ErrorCode::invalid_argument, "after: " + quote(token) + " is not a timeline page token", "after");
}

Page<TimelineEntry> timeline(Session& session, const char* events, std::int64_t id, const TimelineQuery& query) {
  if (query.limit < 1 || query.limit > 1000)
    throw Error(ErrorCode::invalid_argument, "limit: " + std::to_string(query.limit) + " is outside 1..1000", "limit");
  const bool paged = !query.after.empty();
  const Position after = paged ? parse_after(query.after) : Position{};
  // Ordered by (at, id, kind): each branch walks its (link, starts_at) index
  // in that order already, so SQLite merges the branches instead of sorting
  // them; kind only breaks a tie between an activity and a stage change.
  std::string sql = std::string("SELECT kind, id, at FROM (") + events + ")";
  if (paged) sql += " WHERE (at, id, kind) < (:after_at, :after_id, :after_kind)";
  sql += " ORDER BY at DESC, id DESC, kind DESC LIMIT :limit";
  auto statement = session.prepare(sql);
  statement->bind(":id", id);
  statement->bind(":deleted", query.include_deleted ? 1 : 0);
  statement->bind(":changes", query.include_changes ? 1 : 0);
  if (paged) {
    statement->bind(":after_at", after.at);
    statement->bind(":after_kind", after.kind);
    statement->bind(":after_id", after.id);
  }
  statement->bind(":limit", static_cast<std::int64_t>(query.limit) + 1);
  std::vector<Position> rows;
  while (statement->executeStep())
    rows.push_back({statement->getColumn(2).getString(), statement->getColumn(0).getString(),
                    statement->getColumn(1).getInt64()});
  Page<TimelineEntry> page;
  if (rows.size() > query.limit) {
    rows.resize(query.limit);
    const Position& last = rows.back();
    page.next = last.at + "|" + last.kind + "|" + std::to_string(last.id);
  }
  std::vector<std::int64_t> activity_ids, change_ids, logged_ids;
  for (const Position& row : rows)
    (row.kind == "a" ? activity_ids : row.kind == "s" ? change_ids : logged_ids).push_back(row.id);
  std::unordered_map<std::int64_t, std::vector<AuditEntry>> logged;
  for (AuditEntry& field : audit_entries_with_seqs(session, logged_ids)) logged[field.seq].push_back(std::move(field));
  std::unordered_map<std::int64_t, Activity> activities;
  for (Activity& activity : load_activities(session, activity_ids)) activities.emplace(activity.id.value(), std::move(activity));
  std::unordered_map<std::int64_t, StageChange> changes;
  for (StageChange& change : load_stage_changes(session, change_ids)) changes.emplace(change.id.value(), change);
  for (const Position& row : rows) {
    TimelineEntry entry;
    entry.at = parse_instant(row.at);
    if (row.kind == "a")
      entry.activity = std::move(activities.at(row.id));
    else if (row.kind == "s")
      entry.stage_change = changes.at(row.id);
    else
      entry.changes = std::move(logged.at(row.id));
    page.items.push_back(std::move(entry));
  }
  return page;
}

}  // namespace

Page<TimelineEntry> Timelines::account(AccountId id, const TimelineQuery& query) const {
  return guarded_read(session_, [&] {
    require_exists(session_, kAccountTable, id.value());
    return timeline(session_, kAccountEvents, id.value(), query);
  });
}

Page<TimelineEntry> Timelines::contact(ContactId id, const TimelineQuery& query) const {
  return guarded_read(session_, [&] {
    require_exists(session_, kContactTable, id.value());
    return timeline(session_, kContactEvents, id.value(), query);
  });
}

Page<TimelineEntry> Timelines::opportunity(OpportunityId id, const TimelineQuery& query) const {
  return guarded_read(session_, [&] {
    require_exists(session_, kOpportunityTable, id.value());
    return timeline(session_, kOpportunityEvents, id.value(), query);
  });
}

Page<TimelineEntry> Timelines::lead(LeadId id, const TimelineQuery& query) const {
  return guarded_read(session_, [&] {
    require_exists(session_, kLeadTable, id.value());
    return timeline(session_, kLeadEvents, id.value(), query);
  });
}

}  // namespace crm
