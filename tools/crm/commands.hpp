// The commands of the crm program. Each takes the parsed command line, prints
// to standard output and returns the exit status; they throw crm::Error for
// bad input, which main() reports.
#pragma once

#include <span>

#include "arguments.hpp"

namespace crm::cli {

/// A command's name on the command line and what runs it.
struct Command {
  const char* name;
  int (*run)(const Arguments& args);
};

/// Runs the action (a Command such as "add" or "remove") named by the second
/// positional argument, as in "lead-source DB add NAME" (main.cpp). Throws
/// invalid_argument listing the actions for another word or none.
int run_action(const Arguments& args, std::span<const Command> actions);

// Database commands (database_commands.cpp).

/// demo DB: loads the sample data when absent; prints the summary, the
/// pipeline, an owner's agenda and an incoming-call lookup.
int run_demo(const Arguments& args);
/// init DB: creates or migrates the database.
int run_init(const Arguments& args);
/// backup DB FILE: online copy.
int run_backup(const Arguments& args);
/// check DB: integrity check; 1 when problems were found.
int run_check(const Arguments& args);
/// version: library and schema version.
int run_version(const Arguments& args);

// Customer records (record_commands.cpp).

/// summary DB: counts and the first contacts.
int run_summary(const Arguments& args);
/// accounts DB [--owner --tag --country --where --sort --limit].
int run_accounts(const Arguments& args);
/// contacts DB [--owner --tag --country --where --sort --limit].
int run_contacts(const Arguments& args);
/// leads DB [--owner --tag --country --where --sort --limit].
int run_leads(const Arguments& args);
/// find-phone DB NUMBER: contacts and accounts with the number; 1 when none.
int run_find_phone(const Arguments& args);
/// find-email DB EMAIL: contacts and accounts with the address; 1 when none.
int run_find_email(const Arguments& args);
/// search DB TEXT [--kind KIND,...] [--limit N]: records of every kind found
/// by their words, best first (kind, id, title); 1 when none.
int run_search(const Arguments& args);

// Import (import_commands.cpp).

/// import DB KIND FILE [--encoding --delimiter --map --upsert --duplicates
/// --dry-run --all-or-nothing]; 1 when rows were refused or nothing was kept.
int run_import(const Arguments& args);
/// import-org DB DIR [--from PRESET|FILE] [--policy strict|lenient]: another
/// CRM's export folder, file by file; 1 when rows were refused.
int run_import_org(const Arguments& args);
/// org-preset NAME: prints a built-in org preset (JSON) to copy and change.
int run_org_preset(const Arguments& args);

// Users and teams (user_commands.cpp).

/// users DB [--active yes]: every user (or the active ones) with team, roles and
/// how many records each owns.
int run_users(const Arguments& args);
/// user DB add LOGIN [--name --email --time-zone --team --role] | update
/// LOGIN [same] | deactivate LOGIN | activate LOGIN.
int run_user(const Arguments& args);
/// teams DB: every team, the team it is part of and its member counts.
int run_teams(const Arguments& args);
/// team DB add NAME [--parent NAME] | rename NAME NEW | move NAME --parent
/// NAME|'' | remove NAME | members NAME [--direct yes].
int run_team(const Arguments& args);
/// share DB KIND RECORD --with-user LOGIN|--with-team NAME [--level read|edit]:
/// the record is seen (and at level edit changed) by them beyond their roles.
int run_share(const Arguments& args);
/// unshare DB KIND RECORD --with-user LOGIN|--with-team NAME (exit 1 when it
/// was not shared).
int run_unshare(const Arguments& args);
/// shares DB KIND RECORD: who the record is shared with, at which level.
int run_shares(const Arguments& args);

// The audit trail (audit_commands.cpp).

/// history DB KIND RECORD [--csv]: the record's changes, oldest first, one
/// row per field.
int run_history(const Arguments& args);
/// audit DB [--kind KIND] [--by LOGIN|''] [--since INSTANT] [--until INSTANT]
/// [--after SEQ] [--limit N] [--csv]: the changes in log order.
int run_audit(const Arguments& args);
/// audit-settings DB [--enabled yes|no] [--retention-days N]
/// [--retention-entries N]: changes and
/// shows the trail's settings.
int run_audit_settings(const Arguments& args);
/// changes DB [--since SEQ] [--kind KIND[,KIND...]] [--limit N] [--csv]: the
/// change feed after SEQ, one row per field; the cursor to continue from on
/// standard error.
int run_changes(const Arguments& args);

// The privacy law (privacy_commands.cpp).

/// privacy-export DB KIND PERSON: everything about a contact or lead as one
/// JSON document, on standard output.
int run_privacy_export(const Arguments& args);
/// erase DB KIND PERSON --confirm yes: erases a contact or lead (exit 2
/// without the confirmation) and says what changed.
int run_erase(const Arguments& args);
/// legal-hold DB KIND PERSON --reason TEXT | --release yes: places or
/// releases a hold, then lists the holds.
int run_legal_hold(const Arguments& args);
/// legal-holds DB [--csv]: the holds placed.
int run_legal_holds(const Arguments& args);

// Export (export_commands.cpp).

/// export DB KIND [--format --where --segment --delimiter --output --owner
/// --tag --country --sort]: CSV or JSON to standard output or a file.
int run_export(const Arguments& args);

// Duplicates (duplicate_commands.cpp).

/// duplicates DB accounts|contacts [--limit N] [--min-score N]: pairs that
/// look like one record, best score first, with their reasons.
int run_duplicates(const Arguments& args);
/// merge DB account|contact KEEP OTHER [--take FIELD,...]: merges OTHER into
/// KEEP, taking the listed fields from OTHER.
int run_merge(const Arguments& args);

// Sales (sales_commands.cpp).

/// deals DB [--owner --tag --account --pipeline --stage --open --where --sort --limit].
int run_deals(const Arguments& args);
/// pipeline DB [--pipeline NAME]: stages with their deals and sums.
int run_pipeline(const Arguments& args);

// Activities (activity_commands.cpp).

/// timeline DB --account|--contact|--deal|--lead ID-or-REF [--limit N].
int run_timeline(const Arguments& args);
/// agenda DB OWNER [--tz ZONE] [--days N].
int run_agenda(const Arguments& args);
/// log-call DB NUMBER [--direction --duration --owner --outcome --at].
int run_log_call(const Arguments& args);
/// attach-calls DB CONTACT: links earlier calls from the contact's numbers.
int run_attach_calls(const Arguments& args);

// Reports (report_commands.cpp).

/// reports: the report names with what each shows.
int run_reports(const Arguments& args);
/// report DB [NAME [--start --end --as-of --owner --pipeline --segment
/// --interval --group --days --csv]]: one report as a table (or CSV); the
/// report names without NAME.
int run_report(const Arguments& args);

// Lead sources and campaigns (campaign_commands.cpp).

/// lead-sources DB: every lead source by name.
int run_lead_sources(const Arguments& args);
/// lead-source DB add NAME | rename NAME NEW | remove NAME.
int run_lead_source(const Arguments& args);
/// campaigns DB: every campaign with channel, dates, cost and budget.
int run_campaigns(const Arguments& args);
/// campaign DB add NAME --channel C [--start --end --cost --budget
/// --lead-source --owner --description] | remove NAME.
int run_campaign(const Arguments& args);

// Currencies (currency_commands.cpp).

/// rates DB [FROM [TO]]: the exchange rates, then the base currency.
int run_rates(const Arguments& args);
/// rate DB set FROM TO DAY RATE | remove FROM TO DAY.
int run_rate(const Arguments& args);
/// base-currency DB [CODE]: shows the base currency, or sets it first.
int run_base_currency(const Arguments& args);

}  // namespace crm::cli
