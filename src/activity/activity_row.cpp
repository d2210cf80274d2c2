#include "activity/activity_row.hpp"

#include "account/account_table.hpp"
#include "calendar/business_days.hpp"
#include "common/enum_names.hpp"
#include "common/fields.hpp"
#include "model/plain_columns.hpp"
#include "contact/contact_table.hpp"
#include "crm/error.hpp"
#include "model/custom_field_store.hpp"
#include "lead/lead_table.hpp"
#include "opportunity/opportunity_table.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

constexpr detail::EnumName<ActivityKind> kKinds[] = {
    {ActivityKind::call, "call"}, {ActivityKind::meeting, "meeting"}, {ActivityKind::email, "email"},
    {ActivityKind::task, "task"}, {ActivityKind::note, "note"},       {ActivityKind::sms, "sms"}};
constexpr detail::EnumName<ActivityStatus> kStatuses[] = {
    {ActivityStatus::planned, "planned"}, {ActivityStatus::done, "done"}, {ActivityStatus::cancelled, "cancelled"}};
constexpr detail::EnumName<Direction> kDirections[] = {
    {Direction::none, ""}, {Direction::inbound, "inbound"}, {Direction::outbound, "outbound"}};
constexpr detail::EnumName<RecurrenceUnit> kUnits[] = {
    {RecurrenceUnit::day, "day"}, {RecurrenceUnit::week, "week"}, {RecurrenceUnit::month, "month"}};

}  // namespace

std::string_view activity_kind_name(ActivityKind v) noexcept { return detail::name_of<ActivityKind>(kKinds, v); }
std::optional<ActivityKind> activity_kind_from_name(std::string_view n) noexcept {
  return detail::from_name<ActivityKind>(kKinds, n);
}
std::string_view activity_status_name(ActivityStatus v) noexcept { return detail::name_of<ActivityStatus>(kStatuses, v); }
std::optional<ActivityStatus> activity_status_from_name(std::string_view n) noexcept {
  return detail::from_name<ActivityStatus>(kStatuses, n);
}
std::string_view direction_name(Direction v) noexcept { return detail::name_of<Direction>(kDirections, v); }
std::optional<Direction> direction_from_name(std::string_view n) noexcept {
  return detail::from_name<Direction>(kDirections, n);
}
std::string_view recurrence_unit_name(RecurrenceUnit v) noexcept { return detail::name_of<RecurrenceUnit>(kUnits, v); }
std::optional<RecurrenceUnit> recurrence_unit_from_name(std::string_view n) noexcept {
  return detail::from_name<RecurrenceUnit>(kUnits, n);
}

namespace detail {
namespace {

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, field + ": " + problem, field);
}

template <class IdType>
void check_link(Session& session, const RecordTable& table, IdType id, IdType before, const char* field) {
  if (id && id != before) require_live(session, table, id.value(), field);
}

void check_links(Session& session, const ActivityData& in, const Activity* stored, bool allow_unlinked) {
  const bool linked = in.account || in.contact || in.opportunity || in.lead;
  if (!linked && !(allow_unlinked || (in.kind == ActivityKind::call && !in.phone.empty())))
    refuse("activity", "link it to an account, contact, opportunity or lead");
  check_link(session, kAccountTable, in.account, stored ? stored->account : AccountId(), "activity.account");
  check_link(session, kContactTable, in.contact, stored ? stored->contact : ContactId(), "activity.contact");
  check_link(session, kOpportunityTable, in.opportunity, stored ? stored->opportunity : OpportunityId(),
             "activity.opportunity");
  check_link(session, kLeadTable, in.lead, stored ? stored->lead : LeadId(), "activity.lead");
}

void check_recurrence(Session& session, const ActivityData& in, ActivityData& out) {
  if (!in.recurrence) return;
  if (in.kind != ActivityKind::task) refuse("activity.recurrence", "only tasks recur");
  Recurrence rule = *in.recurrence;
  if (rule.interval < 1) refuse("activity.recurrence.interval", std::to_string(rule.interval) + " is not positive");
  if (!recurrence_unit_from_name(recurrence_unit_name(rule.unit))) refuse("activity.recurrence.unit", "unknown unit");
  rule.calendar = clean_country(rule.calendar, "activity.recurrence.calendar");
  if (rule.business_days_only) {
    if (rule.calendar.empty())
      refuse("activity.recurrence.calendar", "business days need a calendar country");
    next_occurrence(session, rule, out.starts_at);  // refuses a calendar without business days
  }
  out.recurrence = rule;
}

}  // namespace

Instant next_occurrence(Session& session, const Recurrence& rule, const Instant& start) {
  const Date day = start.date();
  Date next = day;
  switch (rule.unit) {
    case RecurrenceUnit::day:
      next = rule.business_days_only ? add_business_days(session, rule.calendar, day, rule.interval)
                                     : day + boost::gregorian::days(rule.interval);
      break;
    case RecurrenceUnit::week: next = day + boost::gregorian::weeks(rule.interval); break;
    case RecurrenceUnit::month: next = day + boost::gregorian::months(rule.interval); break;
  }
  if (rule.business_days_only && rule.unit != RecurrenceUnit::day)
    next = add_business_days(session, rule.calendar, next, 0);
  return Instant(next, start.time_of_day());
}

ActivityRow normalize_activity(Session& session, const ActivityData& in, const Activity* stored, bool allow_unlinked) {
  ActivityRow row;
  ActivityData& out = row.data;
  model::clean_plain_fields(in, out, "activity", session.today());
  out.starts_at = in.starts_at.is_special() ? session.now() : in.starts_at;
  if (in.duration_seconds < 0) refuse("activity.duration_seconds", std::to_string(in.duration_seconds) + " is negative");
  const bool directed = in.kind == ActivityKind::call || in.kind == ActivityKind::email || in.kind == ActivityKind::sms;
  if (in.direction != Direction::none && !directed)
    refuse("activity.direction", "only calls, emails and sms have a direction");
  out.phone = clean_line(in.phone, "activity.phone");
  if (!out.phone.empty()) row.phone_e164 = session.phones().to_e164(out.phone).value_or("");
  out.email = clean_email(in.email, "activity.email");
  if (in.reminder_at) {
    if (in.status != ActivityStatus::planned) refuse("activity.reminder_at", "only planned activities have reminders");
    if (*in.reminder_at > out.starts_at)
      refuse("activity.reminder_at", "'" + format_instant(*in.reminder_at) + "' is after the activity starts");
  }
  check_links(session, in, stored, allow_unlinked);
  check_recurrence(session, in, out);
  row.subject_key = match_key(out.subject);
  EncodedCustom custom = encode_custom(session, RecordKind::activity, in.custom, stored == nullptr);
  out.custom = std::move(custom.values);
  row.custom_json = std::move(custom.json);
  return row;
}

}  // namespace detail
}  // namespace crm
