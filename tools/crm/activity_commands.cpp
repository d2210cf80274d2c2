// The commands on activities: timelines, agendas and calls from the
// telephone system.
#include <iostream>

#include "commands.hpp"
#include "history.hpp"

namespace crm::cli {
namespace {

// The timeline of the one record named by --account, --contact, --deal or --lead.
Page<TimelineEntry> chosen_timeline(Database& db, const Arguments& args, const TimelineQuery& query) {
  int chosen = 0;
  for (const char* name : {"account", "contact", "deal", "lead"}) chosen += option(args, name).empty() ? 0 : 1;
  if (chosen != 1)
    throw Error(ErrorCode::invalid_argument, "timeline: give one of --account, --contact, --deal or --lead");
  auto find = [](auto& records) { return [&records](const std::string& ref) { return records.find_by_external_ref(ref); }; };
  if (const auto id = record_option<AccountId>(args, "account", find(db.accounts())))
    return db.timelines().account(id, query);
  if (const auto id = record_option<ContactId>(args, "contact", find(db.contacts())))
    return db.timelines().contact(id, query);
  if (const auto id = record_option<OpportunityId>(args, "deal", find(db.opportunities())))
    return db.timelines().opportunity(id, query);
  return db.timelines().lead(record_option<LeadId>(args, "lead", find(db.leads())), query);
}

// --direction inbound|outbound (default inbound).
Direction direction_option(const Arguments& args) {
  const std::string text = option(args, "direction");
  if (text.empty()) return Direction::inbound;
  const auto direction = direction_from_name(text);
  if (!direction || *direction == Direction::none)
    throw Error(ErrorCode::invalid_argument, "--direction: '" + text + "' is neither inbound nor outbound", "direction");
  return *direction;
}

}  // namespace

int run_timeline(const Arguments& args) {
  check_options(args, {"account", "contact", "deal", "lead", "limit", "changes"});
  Database db = open_database(args);
  TimelineQuery query;
  query.include_changes = yes_no_option(args, "changes").value_or(false);
  if (const auto limit = number_option(args, "limit", 1, 1000)) query.limit = static_cast<std::size_t>(*limit);
  const auto page = chosen_timeline(db, args, query);
  Names names(db);
  std::cout << "Newest first, times in UTC.\n";
  print_timeline(names, ZoneClock("UTC"), page.items, std::cout);
  note_more(page.next, "entries", std::cout);
  return 0;
}

int run_agenda(const Arguments& args) {
  check_options(args, {"tz", "days"});
  Database db = open_database(args);
  const std::string& owner = positional(args, 1, "owner");
  const std::string zone = option(args, "tz").empty() ? "UTC" : option(args, "tz");
  const std::int64_t days = number_option(args, "days", 1, 366).value_or(7);
  const ZoneClock clock(zone);
  const Date today = clock.local(db.now()).date();
  const Agenda agenda = db.activities().agenda(owner, zone, today + boost::gregorian::days(1),
                                               today + boost::gregorian::days(days));
  Names names(db);
  std::cout << "Agenda of " << owner << " on " << format_date(today) << " (" << zone << "), next " << days
            << " days:\n\n";
  print_agenda(names, clock, agenda, std::cout);
  return 0;
}

int run_log_call(const Arguments& args) {
  check_options(args, {"direction", "duration", "owner", "outcome", "at"});
  Database db = open_database(args);
  CallReport call;
  call.number = positional(args, 1, "phone number");
  call.direction = direction_option(args);
  call.duration_seconds = number_option(args, "duration", 0).value_or(0);
  call.owner = option(args, "owner");
  call.outcome = option(args, "outcome");
  if (!option(args, "at").empty()) call.started_at = instant_option(args, "at");
  print_logged_call(db.telephony().record_call(call), std::cout);
  return 0;
}

int run_attach_calls(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const ContactId contact = record_id<ContactId>("contact", positional(args, 1, "contact"),
                                                 [&](const std::string& ref) { return db.contacts().find_by_external_ref(ref); });
  const auto attached = db.telephony().attach_unmatched(contact);
  Names names(db);
  std::cout << "Attached " << attached.size() << " earlier call" << (attached.size() == 1 ? "" : "s") << " to "
            << names.contact(contact) << ".\n";
  if (!attached.empty()) print_activities(names, ZoneClock("UTC"), attached, std::cout);
  return 0;
}

}  // namespace crm::cli
