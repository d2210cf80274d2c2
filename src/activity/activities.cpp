#include "activity/activity_row.hpp"
#include "activity/activity_store.hpp"
#include "activity/activity_table.hpp"
#include "common/fields.hpp"
#include "common/time_zone.hpp"
#include "contact/contact_table.hpp"
#include "crm/activity.hpp"
#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "employment/employment_links.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/record_lookup.hpp"

namespace crm {
namespace {

using namespace detail;

Activity load_one(Session& session, ActivityId id) {
  auto activities = load_activities(session, {id.value()});
  if (activities.empty())
    throw Error(ErrorCode::not_found, "activity " + std::to_string(id.value()) + " does not exist", "activity");
  return std::move(activities.front());
}

// The stored activity, which must be live and, for `what`, still planned.
Activity planned(Session& session, ActivityId id, const char* what) {
  Activity stored = load_one(session, id);
  if (stored.deleted_at)
    throw Error(ErrorCode::conflict, "activity " + std::to_string(id.value()) + " is deleted; restore it first");
  if (stored.status != ActivityStatus::planned)
    throw Error(ErrorCode::conflict, "activity " + std::to_string(id.value()) + " is " +
                                         std::string(activity_status_name(stored.status)) + "; only planned ones can be " +
                                         what);
  return stored;
}

// completed_at follows the status: kept while done, stamped when it becomes done.
std::optional<Instant> completion_time(const Activity& stored, const ActivityData& changed, const Instant& now) {
  if (changed.status != ActivityStatus::done) return std::nullopt;
  return stored.status == ActivityStatus::done ? stored.completed_at : std::optional<Instant>(now);
}

void save(Session& session, const Activity& stored, const ActivityData& changed, std::optional<Instant> completed_at) {
  const bool was_unlinked = !(stored.account || stored.contact || stored.opportunity || stored.lead);
  const ActivityRow row = normalize_activity(session, changed, &stored, was_unlinked);
  update_activity(session, stored.id.value(), row, session.now(), completed_at, stored.previous);
}

ExtraFilter filter_sql(const ActivityFilter& filter) {
  ExtraFilter extra;
  if (filter.kind) extra.add("activities.kind = :f_kind", ":f_kind", std::string(activity_kind_name(*filter.kind)));
  if (filter.status)
    extra.add("activities.status = :f_status", ":f_status", std::string(activity_status_name(*filter.status)));
  if (filter.account) extra.add("activities.account_id = :f_account", ":f_account", filter.account.value());
  if (filter.contact) extra.add("activities.contact_id = :f_contact", ":f_contact", filter.contact.value());
  if (filter.opportunity)
    extra.add("activities.opportunity_id = :f_opportunity", ":f_opportunity", filter.opportunity.value());
  if (filter.lead) extra.add("activities.lead_id = :f_lead", ":f_lead", filter.lead.value());
  return extra;
}

}  // namespace

Activity Activities::create(const ActivityData& data) {
  return guarded([&] {
    WriteScope scope(session_, Atomicity::added_rows);
    const ActivityRow row = normalize_activity(session_, data, nullptr);
    const std::int64_t id = insert_activity(session_, row, session_.now(), ActivityId(),
                                            row.data.status == ActivityStatus::done
                                                ? std::optional<Instant>(session_.now())
                                                : std::nullopt);
    scope.added_root("activities", id);
    return scope.commit_returning([&] { return load_one(session_, ActivityId(id)); });
  });
}

Activity Activities::get(ActivityId id) const {
  return guarded_read(session_, [&] { return load_one(session_, id); });
}

Activity Activities::update(const Activity& activity) {
  return guarded([&] {
    WriteScope scope(session_);
    require_version(session_, kActivityTable, activity.id.value(), activity.version);
    const Activity stored = load_one(session_, activity.id);
    save(session_, stored, activity, completion_time(stored, activity, session_.now()));
    return scope.commit_returning([&] { return load_one(session_, activity.id); });
  });
}

Completion Activities::complete(ActivityId id, const std::string& outcome, std::optional<Instant> completed_at) {
  return guarded([&] {
    WriteScope scope(session_);
    const Activity stored = planned(session_, id, "completed");
    ActivityData done = stored;
    done.status = ActivityStatus::done;
    done.reminder_at.reset();
    if (!outcome.empty()) done.outcome = outcome;
    save(session_, stored, done, completed_at.value_or(session_.now()));
    std::optional<Activity> next;
    if (stored.recurrence) {
      ActivityData following = stored;
      following.external_ref.clear();  // the embedding system's key names the occurrence it gave
      following.starts_at = next_occurrence(session_, *stored.recurrence, stored.starts_at);
      if (stored.reminder_at) following.reminder_at = following.starts_at - (stored.starts_at - *stored.reminder_at);
      const ActivityRow row = normalize_activity(session_, following, &stored, true);
      next = load_one(session_, ActivityId(insert_activity(session_, row, session_.now(), id)));
    }
    return scope.commit_returning([&] { return Completion{load_one(session_, id), next}; });
  });
}

Activity Activities::cancel(ActivityId id) {
  return guarded([&] {
    WriteScope scope(session_);
    const Activity stored = planned(session_, id, "cancelled");
    ActivityData cancelled = stored;
    cancelled.status = ActivityStatus::cancelled;
    cancelled.reminder_at.reset();
    save(session_, stored, cancelled, std::nullopt);
    return scope.commit_returning([&] { return load_one(session_, id); });
  });
}

Activity Activities::attach_to_contact(ActivityId id, ContactId contact) {
  return guarded([&] {
    WriteScope scope(session_);
    const Activity stored = load_one(session_, id);
    if (stored.deleted_at)
      throw Error(ErrorCode::conflict, "activity " + std::to_string(id.value()) + " is deleted; restore it first");
    require_live(session_, kContactTable, contact.value(), "contact");
    ActivityData attached = stored;
    attached.contact = contact;
    if (!attached.account) attached.account = current_account(session_, contact.value());
    save(session_, stored, attached, stored.completed_at);
    return scope.commit_returning([&] { return load_one(session_, id); });
  });
}

Activity Activities::remove(ActivityId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kActivityTable, id.value(), true);
    return scope.commit_returning([&] { return get(id); });
  });
}

Activity Activities::restore(ActivityId id) {
  return guarded([&] {
    WriteScope scope(session_);
    set_deleted(session_, kActivityTable, id.value(), false);
    return scope.commit_returning([&] { return get(id); });
  });
}

void Activities::purge(ActivityId id) {
  guarded([&] { detail::purge(session_, kActivityTable, id.value()); });
}

Page<Activity> Activities::list(const ListQuery& query, const ActivityFilter& filter) const {
  return guarded_read(session_, [&] {
    IdPage ids = list_ids(session_, RecordKind::activity, query, filter_sql(filter));
    return Page<Activity>{load_activities(session_, ids.ids), std::move(ids.next)};
  });
}

std::int64_t Activities::count(const ListQuery& query, const ActivityFilter& filter) const {
  return guarded_read(session_, [&] { return count_rows(session_, RecordKind::activity, query, filter_sql(filter)); });
}

std::optional<Activity> Activities::find_by_external_ref(const std::string& external_ref) const {
  return guarded_read(session_, [&] {
    return find_live_by_external_ref(session_, kActivityTable, external_ref, load_activities);
  });
}

Agenda Activities::agenda(const std::string& owner, const std::string& time_zone, std::optional<Date> from,
                          std::optional<Date> to) const {
  return guarded_read(session_, [&] {
    const std::string who = require_line(owner, "owner");
    const TimeZone zone = TimeZone::named(time_zone);
    const Date today = zone.local_date(session_.now());
    const std::string start_today = format_instant(zone.start_of_day(today));
    const std::string start_tomorrow = format_instant(zone.start_of_day(today + boost::gregorian::days(1)));
    static const std::string planned =
        "SELECT id FROM activities WHERE owner = ? AND status = 'planned' AND deleted_at IS NULL";
    Agenda agenda;
    agenda.overdue = load_activities(
        session_, activity_ids(session_, planned + " AND starts_at < ? ORDER BY starts_at, id", {who, start_today}));
    agenda.today = load_activities(
        session_, activity_ids(session_, planned + " AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
                               {who, start_today, start_tomorrow}));
    if (from || to) {
      if (!from || !to) throw Error(ErrorCode::invalid_argument, "from/to: give both ends of the range", "from");
      if (*to < *from) throw Error(ErrorCode::invalid_argument, "to: is before from", "to");
      agenda.upcoming = load_activities(
          session_,
          activity_ids(session_, planned + " AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
                       {who, format_instant(zone.start_of_day(*from)),
                        format_instant(zone.start_of_day(*to + boost::gregorian::days(1)))}));
    }
    return agenda;
  });
}

std::vector<Activity> Activities::reminders_due(const Instant& at, std::optional<Instant> since) const {
  return guarded_read(session_, [&] {
    static const std::string sql =
        "SELECT id FROM activities WHERE reminder_at IS NOT NULL AND status = 'planned' AND deleted_at IS NULL "
        "AND reminder_at <= ? AND reminder_at > ? ORDER BY reminder_at, id";
    return load_activities(session_, activity_ids(session_, sql, {format_instant(at),
                                                                  since ? format_instant(*since) : std::string()}));
  });
}

}  // namespace crm
