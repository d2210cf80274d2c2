// crm: the command-line program over crmcore. Run "crm help" for usage.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "display.hpp"

namespace crm::cli {

const char* const kUsage = R"(usage: crm [--region CC] [--user NAME] [--origin TAG] <command> <database> [arguments]

database:
  demo DB                 create DB if needed, load the built-in sample data, print a summary
  init DB                 create an empty database, or migrate an existing one
  summary DB              counts by country and a few contacts
  backup DB FILE          copies DB to FILE while it stays usable
  check DB                integrity check; exit status 1 when problems are found
  version                 library and schema version

customers (filters: --owner USER --tag TAG --country CC --where FILTER --sort FIELD --limit N
           --deleted exclude|include|only, the last for the recycle bin):
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
           [--map 'HEADER=COLUMN;...'] [--values 'HEADER:FROM=TO;...'] [--compose 'COLUMN=TEMPLATE;...']
           [--upsert external_ref|email|phone|registration_number]
           [--duplicates report|skip|merge|ignore] [--policy strict|lenient]
           [--date-order detect|day_first|month_first] [--create-owners yes|no] [--dry-run yes]
           [--all-or-nothing yes]
                          reads accounts, contacts, leads, opportunities or activities (KIND) from a
                          CSV file, with a progress bar; refused rows are listed with line and column;
                          --policy lenient imports a row without its bad optional cells (listed as
                          warnings) and keeps unreadable phones as written; --date-order says how
                          7/3/2025 is read (detect: per column, from a date only one order can read);
                          --compose makes a column the file lacks from other cells: --compose
                          'name={product} — {account}' ({#line}: the row's line); an owner naming no
                          user adds the user (listed) unless --create-owners no, which refuses the cell

  import-org DB DIR [--from salesforce|hubspot|maven|generic|PRESET.json] [--policy lenient|strict]
                          imports another CRM's export folder whole, file by file in the preset's order,
                          each by upsert on its external_ref (running it again creates nothing twice);
                          bad optional cells become warnings unless --policy strict; columns no field
                          takes are kept as custom fields (listed)
  org-preset NAME         prints a built-in preset (JSON) to copy, change and pass to --from

export:
  export DB KIND [--format csv|json] [--where FILTER] [--segment NAME] [--delimiter ,|;|tab]
           [--owner USER] [--tag TAG] [--country CC] [--sort FIELD] [--deleted WHICH] [--output FILE]
           [--escape-formulas yes|no]
                          writes accounts, contacts, leads, opportunities or activities (KIND), or a
                          segment's members, as CSV or JSON to standard output or FILE (replaced whole);
                          CSV cells a spreadsheet would run as formulas get a ' before them unless
                          --escape-formulas no (for programs reading the file as data); money is exact:
                          a decimal string ("1234.50", in JSON never a number) beside its currency
                          ("currency"; a custom money field as {"amount": "1234.50", "currency": "EUR"})

sales:
  deals DB [--owner USER] [--tag TAG] [--account ACCOUNT] [--pipeline NAME] [--stage NAME]
           [--open yes|no] [--where FILTER] [--sort FIELD] [--limit N]
                          list deals with stage, amount, probability and close date
  pipeline DB [--pipeline NAME]
                          stages of a pipeline (default: the default one) with their deals and sums

activities (times in UTC unless a zone is given):
  timeline DB --account|--contact|--deal|--lead RECORD [--limit N] [--changes yes]
                          calls, meetings, emails, tasks and stage changes, newest first; --changes yes
                          adds the record's own logged changes (who changed which fields)
  agenda DB USER [--tz ZONE] [--days N]
                          USER's overdue work, today's and the next N days' (default 7), in ZONE
                          (an IANA name such as Europe/Riga, or a POSIX TZ rule; default UTC)
  log-call DB NUMBER [--direction inbound|outbound] [--duration SECONDS] [--owner USER]
           [--outcome TEXT] [--at YYYY-MM-DDTHH:MM:SSZ]
                          records a call as the phone system reports it, linked to whoever has the number
  attach-calls DB CONTACT links earlier calls from the contact's numbers to the contact

reports (money in the base currency, converted at the rate valid on each record's day):
  reports [NAME]          the report names, each with what it shows; with NAME, what that report shows,
                          the options it takes and its columns
  report DB NAME [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--as-of YYYY-MM-DD] [--owner USER]
           [--pipeline NAME] [--segment NAME] [--interval week|month|quarter] [--days N]
           [--group owner|lead_source|product|campaign|industry|job_title] [--csv]
                          runs report NAME ("crm report DB" alone lists them): an aligned table, then
                          "amounts in EUR" and each exchange rate used ("USD->EUR 0.92 from 2025-03-01").
                          --csv (takes no value) writes RFC 4180 CSV, a header row and the rows (each
                          money column followed by NAME_currency, its currency), to standard output
                          and the currency and rates lines to standard error.
                          --as-of is the report's today (default: today, UTC); --segment names a saved
                          segment (or gives its id) of a record kind the report takes; a filter the
                          report cannot apply is refused. A missing rate fails, naming the pair and day

users and teams (every record's owner is an active user's login):
  users DB [--active yes] list users: team, roles, active, how many records each owns
  user DB add LOGIN [--name NAME] [--email EMAIL] [--time-zone ZONE] [--team TEAM]
           [--role administrator|sales_manager|sales_rep|analyst[,...]]
  user DB update LOGIN [the options of add; --team '' for none]
  user DB deactivate LOGIN | activate LOGIN
                          a deactivated user keeps their records but is given no new ones
  teams DB                list teams: the team each is part of, members with and without teams below
  team DB add NAME [--parent TEAM] | rename NAME NEW-NAME | move NAME --parent TEAM|''
  team DB remove NAME     a team with members or teams below it cannot be removed
  team DB members NAME [--direct yes]
                          the users of the team and the teams below it (--direct: the team alone)
  share DB KIND RECORD --with-user LOGIN|--with-team TEAM [--level read|edit]
                          let them see (edit: also change) one record beyond their roles
  unshare DB KIND RECORD --with-user LOGIN|--with-team TEAM
  shares DB KIND RECORD   who the record is shared with
audit trail (every change of a record: who, when, which fields old -> new):
  history DB KIND RECORD [--csv]
                          the record's changes, oldest first, one row per field
  audit DB [--kind KIND] [--by LOGIN] [--since INSTANT] [--until INSTANT] [--after SEQ] [--limit N] [--csv]
                          the changes in log order (the first 1000 unless --limit): of one kind, by one
                          user (--by '' for system sessions), in a period (ISO 8601 instants), after a seq
  audit-settings DB [--enabled yes|no] [--retention-days N] [--retention-entries N]
                          shows (and changes) whether changes are logged and how many days (or newest
                          entries) they are kept (0: no limit); changing them needs the system or an administrator
  changes DB [--since SEQ] [--kind KIND[,KIND...]] [--limit N] [--csv]
                          the change feed: every committed change after SEQ, in order (the cursor to go on
                          from is printed on stderr); behind what retention kept it fails with cursor_expired

privacy (a person is a contact or a lead):
  privacy-export DB KIND PERSON
                          everything about them as one JSON document: fields, consents and their history,
                          employment, deals, activities, merges, legal hold, every logged change
  erase DB KIND PERSON --confirm yes
                          erases them for good: personal fields blanked (consents kept as proof), their
                          emails and numbers taken out of activities, merge history and the audit trail
  legal-hold DB KIND PERSON --reason TEXT | --release yes
                          a hold keeps them from being erased or purged (administrators only)
  legal-holds DB [--csv]  the holds placed

campaigns and lead sources:
  lead-sources DB         list the lead sources
  lead-source DB add NAME | rename NAME NEW-NAME | remove NAME
                          a source in use cannot be removed; renaming shows in every record from it
  campaigns DB            list campaigns: channel, dates, cost, budget, lead source and owner
  campaign DB add NAME --channel web|email|sms|event|banner|referral|cold_call|social|print|partner|other
           [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--cost "1200.00 EUR"] [--budget "2000.00 EUR"]
           [--lead-source NAME] [--owner USER] [--description TEXT]
  campaign DB remove NAME removes a campaign no record points to

currencies:
  base-currency DB [CODE] shows the currency reports sum in, or makes it CODE
  rates DB [FROM [TO]]    the exchange rates (of one currency, or one pair) and the base currency
  rate DB set FROM TO YYYY-MM-DD RATE
                          one FROM buys RATE TO (a decimal such as 0.9234) from that day on
  rate DB remove FROM TO YYYY-MM-DD

FILTER is a segment-language condition, e.g. --where 'account.industry = "Retail" and
birthday within next 7 days' or --where 'amount >= 10000 EUR and expected_close in this quarter';
FIELD is a field to sort by (country, last_activity_at, a custom field).
A RECORD, ACCOUNT or CONTACT is a row id or an external reference (such as SAMPLE-A-0001).
--region CC sets the country for phone numbers written without a country code (default: none,
as in the library, so "26 123 456" needs --region LV while "+371 26 123 456" reads anywhere).
--user LOGIN works as that CRM user: they see and change only what their roles allow (a sales
rep their own records, a manager their team's), and changes are recorded as theirs. Without it the
command runs as the system, which may do everything.
--origin TAG is kept with every change the command makes, in the audit trail ("nightly-sync").
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
    {"import-org", run_import_org}, {"org-preset", run_org_preset},
    {"export", run_export},
    {"reports", run_reports},   {"report", run_report},
    {"lead-sources", run_lead_sources}, {"lead-source", run_lead_source},
    {"campaigns", run_campaigns}, {"campaign", run_campaign},
    {"users", run_users},       {"user", run_user},
    {"teams", run_teams},       {"team", run_team},
    {"share", run_share},       {"unshare", run_unshare},   {"shares", run_shares},
    {"history", run_history},   {"audit", run_audit},       {"audit-settings", run_audit_settings},
    {"changes", run_changes},
    {"privacy-export", run_privacy_export}, {"erase", run_erase},
    {"legal-hold", run_legal_hold}, {"legal-holds", run_legal_holds},
    {"rates", run_rates},       {"rate", run_rate},         {"base-currency", run_base_currency},
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

int run_action(const Arguments& args, std::span<const Command> actions) {
  std::vector<std::string> words;
  for (const Command& action : actions) words.emplace_back(action.name);
  const std::string names = spoken_list(words, "or");
  const std::string& word = positional(args, 1, names.c_str());
  for (const Command& action : actions)
    if (word == action.name) return action.run(args);
  throw Error(ErrorCode::invalid_argument, args.command + ": '" + word + "' is not " + names, "action");
}

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
