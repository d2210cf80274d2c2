// The privacy law in the crm program: a person's data as one JSON document,
// their erasure, legal holds.
#include <iostream>

#include "commands.hpp"
#include "report_output.hpp"

namespace crm::cli {

int run_privacy_export(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const RecordKind kind = record_kind_argument(args, 1);
  const std::int64_t person = record_argument(db, kind, args, 2, "person");
  std::cout << db.privacy().export_person(kind, person) << "\n";
  return 0;
}

int run_erase(const Arguments& args) {
  check_options(args, {"confirm"});
  Database db = open_database(args);
  const RecordKind kind = record_kind_argument(args, 1);
  const std::int64_t person = record_argument(db, kind, args, 2, "person");
  if (!yes_no_option(args, "confirm").value_or(false)) {
    std::cerr << "crm erase: erasing a person cannot be undone; run it again with --confirm yes\n";
    return 2;
  }
  const ErasureReport report = db.privacy().erase(kind, person);
  std::cout << "erased:";
  for (const auto& [erased_kind, id] : report.persons) std::cout << " " << record_kind_name(erased_kind) << " " << id;
  std::cout << "\nfields:";
  for (const std::string& field : report.fields) std::cout << " " << field;
  std::cout << "\nactivities: " << report.activities << "\naudit entries: " << report.audit_entries
            << "\nmerges: " << report.merges << "\n";
  return 0;
}

int run_legal_hold(const Arguments& args) {
  check_options(args, {"reason", "release"});
  Database db = open_database(args);
  const RecordKind kind = record_kind_argument(args, 1);
  const std::int64_t person = record_argument(db, kind, args, 2, "person");
  const bool release = yes_no_option(args, "release").value_or(false);
  if (release == args.options.contains("reason")) {
    std::cerr << "crm legal-hold: give either --reason TEXT (to place a hold) or --release yes\n";
    return 2;
  }
  if (release) db.privacy().release_hold(kind, person);
  else db.privacy().place_hold(kind, person, option(args, "reason"));
  print_table(legal_hold_table(db.privacy().holds()), std::cout);
  return 0;
}

int run_legal_holds(const Arguments& args) {
  check_options(args, {"csv"});
  Database db = open_database(args);
  const Table table = legal_hold_table(db.privacy().holds());
  if (yes_no_option(args, "csv").value_or(false)) write_table_csv(table, std::cout);
  else print_table(table, std::cout);
  return 0;
}

}  // namespace crm::cli
