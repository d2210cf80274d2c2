// crm: the command-line program over crmcore. Run "crm help" for usage.
#include <iostream>
#include <string_view>

#include "commands.hpp"

namespace crm::cli {

const char* const kUsage = R"(usage: crm [--region CC] [--user NAME] <command> <database> [arguments]

database:
  demo DB                 create DB if needed, load the built-in sample data, print a summary
  init DB                 create an empty database, or migrate an existing one
  summary DB              counts by country and a few contacts
  backup DB FILE          copies DB to FILE while it stays usable
  check DB                integrity check; exit status 1 when problems are found
  version                 library and schema version

customers (filters: --owner USER --tag TAG --country CC --where FILTER --sort FIELD --limit N):
  accounts DB [filters]   list accounts
  contacts DB [filters]   list contacts
  leads DB [filters]      list leads with their status
  find-phone DB NUMBER    who is calling? finds contacts and accounts by a number in any written form
  find-email DB EMAIL     finds contacts and accounts by email, ignoring case
  search DB TEXT [--kind KIND[,KIND...]] [--limit N]
                          finds accounts, contacts, leads, deals (opportunity) and activities by words in
                          their names, emails, phones and notes, ignoring case and diacritics ("berzina"
                          finds Bērziņa, "kov*" words beginning so), best first (the first 20 unless --limit)

duplicates:
  duplicates DB accounts|contacts [--limit N] [--min-score N]
                          pairs that look like the same organization or person, best score first
                          (the first 100 unless --limit says otherwise), with their reasons:
                          same_email, same_phone, same_registration_number, same_vat_id, same_name
  merge DB account|contact KEEP OTHER [--take FIELD[,FIELD...]]
                          merges OTHER into KEEP: KEEP's fields stay (or OTHER's where KEEP has none)
                          except the FIELDs taken from OTHER; emails, phones, tags, activities, deals,
                          employments and list memberships all move to KEEP; OTHER is deleted

import:
  import DB KIND FILE [--encoding WINDOWS-1257|WINDOWS-1251|...] [--delimiter ,|;|tab]
           [--map 'HEADER=COLUMN;...'] [--upsert external_ref|email|phone|registration_number]
           [--duplicates report|skip|merge|ignore] [--dry-run yes] [--all-or-nothing yes]
                          reads accounts, contacts, leads, opportunities or activities (KIND) from a
                          CSV file, with a progress bar; refused rows are listed with line and column

export:
  export DB KIND [--format csv|json] [--where FILTER] [--segment NAME] [--delimiter ,|;|tab]
           [--owner USER] [--tag TAG] [--country CC] [--sort FIELD] [--output FILE]
                          writes accounts, contacts, leads, opportunities or activities (KIND), or a
                          segment's members, as CSV or JSON to standard output or FILE (replaced whole)

sales:
  deals DB [--owner USER] [--tag TAG] [--account ACCOUNT] [--pipeline NAME] [--stage NAME]
           [--open yes|no] [--where FILTER] [--sort FIELD] [--limit N]
                          list deals with stage, amount, probability and close date
  pipeline DB [--pipeline NAME]
                          stages of a pipeline (default: the default one) with their deals and sums

activities (times in UTC unless a zone is given):
  timeline DB --account|--contact|--deal|--lead RECORD [--limit N]
                          calls, meetings, emails, tasks and stage changes, newest first
  agenda DB USER [--tz ZONE] [--days N]
                          USER's overdue work, today's and the next N days' (default 7), in ZONE
                          (an IANA name such as Europe/Riga, or a POSIX TZ rule; default UTC)
  log-call DB NUMBER [--direction inbound|outbound] [--duration SECONDS] [--owner USER]
           [--outcome TEXT] [--at YYYY-MM-DDTHH:MM:SSZ]
                          records a call as the phone system reports it, linked to whoever has the number
  attach-calls DB CONTACT links earlier calls from the contact's numbers to the contact

FILTER is a segment-language condition, e.g. --where 'account.industry = "Retail" and
birthday within next 7 days' or --where 'amount >= 10000 EUR and expected_close in this quarter';
FIELD is a field to sort by (country, last_activity_at, a custom field).
A RECORD, ACCOUNT or CONTACT is a row id or an external reference (such as SAMPLE-A-0001).
--region CC sets the country for phone numbers written without a country code (default LV).
--user NAME is who the changes are recorded as made by (default: $USER).
)";

namespace {

constexpr Command kCommands[] = {
    {"demo", run_demo},         {"init", run_init},         {"summary", run_summary},
    {"backup", run_backup},     {"check", run_check},       {"version", run_version},
    {"accounts", run_accounts}, {"contacts", run_contacts}, {"leads", run_leads},
    {"find-phone", run_find_phone}, {"find-email", run_find_email}, {"search", run_search},
    {"deals", run_deals},
    {"duplicates", run_duplicates}, {"merge", run_merge},
    {"pipeline", run_pipeline}, {"timeline", run_timeline}, {"agenda", run_agenda},
    {"log-call", run_log_call}, {"attach-calls", run_attach_calls}, {"import", run_import},
    {"export", run_export},
};

int dispatch(const Arguments& args) {
  for (const Command& command : kCommands)
    if (args.command == command.name) return command.run(args);
  if (args.command.empty() || args.command == "help") {
    std::cout << kUsage;
    return args.command.empty() ? 2 : 0;
  }
  std::cerr << "crm: unknown command '" << args.command << "'\n\n" << kUsage;
  return 2;
}

}  // namespace
}  // namespace crm::cli

int main(int argc, char** argv) {
  try {
    return crm::cli::dispatch(crm::cli::parse_arguments(argc, argv));
  } catch (const crm::Error& error) {
    std::cerr << "crm: " << error.what() << " [" << crm::error_code_name(error.code()) << "]\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "crm: " << error.what() << "\n";
    return 1;
  }
}
