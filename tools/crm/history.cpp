#include "history.hpp"

#include <string>

#include "table.hpp"

namespace crm::cli {
namespace {

// "call done", "task planned": what the activity is and where it stands.
std::string what(const Activity& a) {
  return std::string(activity_kind_name(a.kind)) + " " + std::string(activity_status_name(a.status));
}

// The subject with what a call or email was made with, e.g. "Follow-up call (outbound +37129...)".
std::string summary(const Activity& a) {
  std::string details;
  if (a.direction != Direction::none) details = std::string(direction_name(a.direction));
  const std::string& address = a.phone_e164.empty() ? (a.phone.empty() ? a.email : a.phone) : a.phone_e164;
  if (!address.empty()) details += (details.empty() ? "" : " ") + address;
  if (!a.outcome.empty()) details += (details.empty() ? "" : ", ") + a.outcome;
  return details.empty() ? a.subject : a.subject + " (" + details + ")";
}

// "Prospecting -> Won, 1200.00 EUR at 100% (lost: ...)": a stage change.
std::string stage_move(Names& names, const StageChange& change) {
  std::string text = change.from ? names.stage(change.from) + " -> " + names.stage(change.to)
                                 : "created in " + names.stage(change.to);
  text += ", " + change.amount.to_string() + " at " + std::to_string(change.probability) + "%";
  if (change.lost_reason) text += " (" + names.lost_reason(change.lost_reason) + ")";
  return text;
}

void print_section(const char* heading, Names& names, const ZoneClock& clock, const std::vector<Activity>& activities,
                   std::ostream& out) {
  out << heading << ":\n";
  if (activities.empty())
    out << "  nothing\n";
  else
    print_activities(names, clock, activities, out);
  out << "\n";
}

}  // namespace

void print_activities(Names& names, const ZoneClock& clock, const std::vector<Activity>& activities,
                      std::ostream& out) {
  Table table({"id", "when", "what", "subject", "with", "deal", "owner"});
  for (const Activity& a : activities)
    table.add({std::to_string(a.id.value()), format_minute(clock.local(a.starts_at)), what(a), summary(a),
               names.party(a), names.deal(a.opportunity), a.owner});
  table.print(out);
}

void print_agenda(Names& names, const ZoneClock& clock, const Agenda& agenda, std::ostream& out) {
  print_section("Overdue", names, clock, agenda.overdue, out);
  print_section("Today", names, clock, agenda.today, out);
  print_section("Coming up", names, clock, agenda.upcoming, out);
}

namespace {

// "job_title: CFO -> CEO; emails: + a@b.lv" for the fields of one logged change.
std::string changed_fields(const std::vector<AuditEntry>& fields) {
  std::string text;
  for (const AuditEntry& field : fields) {
    if (field.field.empty()) continue;
    if (!text.empty()) text += "; ";
    text += field.field + ": ";
    if (!field.old_value) text += "+ " + field.new_value.value_or("");
    else if (!field.new_value) text += "- " + *field.old_value;
    else text += *field.old_value + " -> " + *field.new_value;
  }
  return text;
}

}  // namespace

void print_timeline(Names& names, const ZoneClock& clock, const std::vector<TimelineEntry>& entries,
                    std::ostream& out) {
  Table table({"when", "what", "details", "with", "by"});
  for (const TimelineEntry& entry : entries) {
    const std::string when = format_minute(clock.local(entry.at));
    if (entry.activity) {
      const Activity& a = *entry.activity;
      table.add({when, what(a), summary(a), names.party(a), a.owner});
    } else if (entry.stage_change) {
      const StageChange& change = *entry.stage_change;
      table.add({when, "stage", stage_move(names, change), names.deal(change.opportunity), change.by});
    } else if (!entry.changes.empty()) {
      const AuditEntry& first = entry.changes.front();
      table.add({when, std::string(audit_operation_name(first.operation)), changed_fields(entry.changes),
                 first.origin, first.user.empty() ? "system" : first.user});
    }
  }
  table.print(out);
}

void print_logged_call(const LoggedCall& logged, std::ostream& out) {
  const Activity& call = logged.activity;
  out << "Logged " << direction_name(call.direction) << " call " << call.id.value() << " with "
      << (call.phone_e164.empty() ? call.phone : call.phone_e164);
  if (logged.contact)
    out << ": " << person_name(logged.contact->first_name, logged.contact->last_name);
  else
    out << ": no contact has this number yet (attach the call later with attach-calls)";
  if (logged.account) out << ", " << logged.account->name;
  out << "\n";
}

}  // namespace crm::cli
