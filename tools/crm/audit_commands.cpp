// The audit trail in the crm program: a record's history, the changes by
// user and period, the trail's settings.
#include <iostream>

#include "commands.hpp"
#include "report_output.hpp"

namespace crm::cli {
namespace {

// A table aligned, or CSV with --csv.
void print_output(const Arguments& args, const Table& table) {
  if (yes_no_option(args, "csv").value_or(false)) write_table_csv(table, std::cout);
  else print_table(table, std::cout);
}

// The entries as an aligned table, or CSV with --csv.
void print_entries(const Arguments& args, const std::vector<AuditEntry>& entries) {
  print_output(args, audit_table(entries));
}

}  // namespace

int run_history(const Arguments& args) {
  check_options(args, {"csv"});
  Database db = open_database(args);
  const RecordKind kind = record_kind_argument(args, 1);
  const std::int64_t record = record_argument(db, kind, args, 2, "record");
  print_entries(args, db.audit().history(kind, record));
  return 0;
}

int run_audit(const Arguments& args) {
  check_options(args, {"kind", "by", "since", "until", "after", "limit", "csv"});
  Database db = open_database(args);
  AuditQuery query;
  if (!option(args, "kind").empty()) query.kind = record_kind_named(option(args, "kind"), "--kind: ");
  if (args.options.contains("by")) query.user = option(args, "by");
  if (!option(args, "since").empty()) query.from = instant_option(args, "since");
  if (!option(args, "until").empty()) query.until = instant_option(args, "until");
  query.after_seq = number_option(args, "after", 0).value_or(0);
  query.limit = static_cast<std::size_t>(number_option(args, "limit", 1, 100000).value_or(1000));
  print_entries(args, db.audit().find(query));
  return 0;
}

int run_audit_settings(const Arguments& args) {
  check_options(args, {"enabled", "retention-days", "retention-entries"});
  Database db = open_database(args);
  if (const auto enabled = yes_no_option(args, "enabled")) db.audit().set_enabled(*enabled);
  if (const auto days = number_option(args, "retention-days", 0, 36500))
    db.audit().set_retention_days(static_cast<int>(*days));
  if (const auto entries = number_option(args, "retention-entries", 0)) db.audit().set_retention_entries(*entries);
  std::cout << "enabled: " << (db.audit().enabled() ? "yes" : "no") << "\n";
  const int days = db.audit().retention_days();
  const std::int64_t entries = db.audit().retention_entries();
  std::cout << "retention: " << (days == 0 ? std::string("forever") : std::to_string(days) + " days");
  if (entries > 0) std::cout << ", the newest " << entries << " entries";
  std::cout << "\n";
  return 0;
}

int run_changes(const Arguments& args) {
  check_options(args, {"since", "kind", "limit", "csv"});
  Database db = open_database(args);
  std::vector<RecordKind> kinds;
  const std::string named = option(args, "kind");
  for (std::size_t start = 0; start < named.size();) {
    const std::size_t comma = std::min(named.find(',', start), named.size());
    kinds.push_back(record_kind_named(named.substr(start, comma - start), "--kind: "));
    start = comma + 1;
  }
  const std::int64_t since = number_option(args, "since", 0).value_or(0);
  const auto limit = static_cast<std::size_t>(number_option(args, "limit", 1, 100000).value_or(1000));
  const std::vector<Change> changes = db.changes().since(since, kinds, limit);
  print_output(args, change_table(changes));
  std::cerr << "next: --since " << (changes.empty() ? since : changes.back().seq) << "\n";
  return 0;
}

}  // namespace crm::cli
