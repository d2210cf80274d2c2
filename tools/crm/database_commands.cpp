// The commands on the database as a whole: the demo, creation, backup,
// integrity check and version.
#include <iostream>

#include "commands.hpp"
#include "history.hpp"
#include "listings.hpp"

namespace crm::cli {
namespace {

// The owner whose day the demo shows: the one of the first sample account.
constexpr const char* kDemoOwner = "anna.berzina";

// Shows the incoming-call lookup on a sample number written in another form.
void demonstrate_call_lookup(Database& db, std::ostream& out) {
  for (const Contact& contact : db.contacts().list({.country = "LV", .limit = 50}).items) {
    if (contact.phones.empty() || contact.phones.front().e164.rfind("+371", 0) != 0 ||
        contact.phones.front().raw == contact.phones.front().e164)
      continue;
    // "00371..." reads only with a default region; without one, "+371 2...".
    const std::string& e164 = contact.phones.front().e164;
    const std::string dialled = db.default_region().empty() ? e164.substr(0, 4) + " " + e164.substr(4)
                                                            : "00" + e164.substr(1);
    const auto found = db.contacts().find_by_phone(dialled);
    if (found.empty()) continue;
    Names names(db);
    out << "\nIncoming call from " << dialled << " (stored as \"" << contact.phones.front().raw
        << "\"): " << person_name(found.front().first_name, found.front().last_name);
    if (found.front().account) out << ", " << names.account(found.front().account);
    out << "\n";
    return;
  }
}

// The demo owner's day: how much is overdue and coming, and today's list.
void demonstrate_agenda(Database& db, std::ostream& out) {
  const ZoneClock clock("UTC");
  const Date today = db.now().date();
  const Agenda agenda =
      db.activities().agenda(kDemoOwner, "UTC", today + boost::gregorian::days(1), today + boost::gregorian::days(7));
  out << "\nAgenda of " << kDemoOwner << " (UTC): " << agenda.overdue.size() << " overdue, " << agenda.today.size()
      << " today, " << agenda.upcoming.size() << " in the next 7 days. Today:\n";
  Names names(db);
  print_activities(names, clock, agenda.today, out);
}

}  // namespace

int run_demo(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const SampleSummary loaded = load_sample_data(db);
  if (loaded.already_loaded)
    std::cout << "Sample data already present in " << db.path() << "; nothing added.\n\n";
  else
    std::cout << "Loaded sample data: " << loaded.accounts_created << " accounts, " << loaded.contacts_created
              << " contacts (" << loaded.job_changes << " changed jobs), " << loaded.opportunities_created
              << " deals, " << loaded.activities_created << " activities, " << loaded.leads_created << " leads.\n\n";
  print_summary(db, std::cout);
  std::cout << "\n";
  print_pipeline(db, db.pipelines().default_pipeline(), std::cout);
  demonstrate_agenda(db, std::cout);
  demonstrate_call_lookup(db, std::cout);
  return 0;
}

int run_init(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  std::cout << "Ready: " << db.path() << " (schema version " << db.schema_version() << ")\n";
  return 0;
}

int run_backup(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const std::string& target = positional(args, 1, "backup file");
  db.backup_to(target);
  std::cout << "Backed up " << db.path() << " to " << target << "\n";
  return 0;
}

int run_check(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const auto problems = db.integrity_check();
  for (const auto& problem : problems) std::cout << problem << "\n";
  std::cout << (problems.empty() ? "ok\n" : "problems found\n");
  return problems.empty() ? 0 : 1;
}

int run_version(const Arguments& args) {
  check_options(args, {});
  std::cout << "crmcore " << kVersionString << ", schema version " << Database::latest_schema_version() << "\n";
  return 0;
}

}  // namespace crm::cli
