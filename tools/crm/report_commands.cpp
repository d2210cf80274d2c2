// The reports: their names and what each takes and shows, from the
// library's catalog of reports, and one report as a table or CSV.
#include <algorithm>
#include <iostream>
#include <string_view>

#include "crm/report_catalog.hpp"

#include "commands.hpp"
#include "report_output.hpp"
#include "table.hpp"

namespace crm::cli {
namespace {

// The command-line flag of a report option: "--as-of" for as_of.
std::string flag(ReportOption option) {
  std::string name(report_option_name(option));
  std::replace(name.begin(), name.end(), '_', '-');
  return "--" + name;
}

int print_report_names() {
  Table table({"report", "what it shows"});
  for (const ReportInfo& report : report_catalog()) table.add({report.name, report.title});
  table.print(std::cout);
  std::cout << "Run one with: crm report DB NAME [options]; crm reports NAME tells what it takes and shows\n";
  return 0;
}

// What report `name` shows, the options it takes and its columns.
int print_report_info(const std::string& name) {
  const ReportInfo& report = report_info(name);
  std::cout << report.name << ": " << report.title << "\n" << report.summary << "\n\n";
  Table options({"option", "what it does"});
  for (ReportOption option : report.options) options.add({flag(option), report.option_doc(option)});
  options.add({"--csv", "Writes CSV to standard output, the currency and rates to standard error."});
  options.print(std::cout);
  std::cout << "\n";
  Table columns({"column", "type", "what it holds"});
  for (const ReportColumnInfo& column : report.columns)
    columns.add({column.name, std::string(column_type_name(column.type)), column.doc});
  columns.print(std::cout);
  return 0;
}

// Every flag `crm report` takes: the options of any report, and --csv.
std::vector<std::string> report_flags() {
  std::vector<ReportOption> options;
  for (const ReportInfo& report : report_catalog())
    for (ReportOption option : report.options)
      if (std::find(options.begin(), options.end(), option) == options.end()) options.push_back(option);
  std::sort(options.begin(), options.end());
  std::vector<std::string> flags;
  for (ReportOption option : options) flags.push_back(flag(option).substr(2));
  flags.emplace_back("csv");
  return flags;
}

ReportOptions report_options(Database& db, const Arguments& args) {
  ReportOptions options;
  options.start = date_option(args, "start");
  options.end = date_option(args, "end");
  options.as_of = date_option(args, "as-of");
  options.owner = option(args, "owner");
  if (const auto pipeline = pipeline_option(db, args)) options.pipeline = pipeline->id;
  options.segment = segment_option(db, args, {RecordKind::account, RecordKind::contact, RecordKind::lead,
                                              RecordKind::opportunity, RecordKind::activity});
  if (const std::string& interval = option(args, "interval"); !interval.empty())
    options.interval = require_report_interval(interval);
  if (const std::string& group = option(args, "group"); !group.empty()) options.group = require_report_group(group);
  options.days = static_cast<int>(number_option(args, "days", 1, 36600).value_or(0));
  return options;
}

}  // namespace

int run_reports(const Arguments& args) {
  check_options(args, {});
  if (!args.positional.empty()) return print_report_info(args.positional[0]);
  return print_report_names();
}

int run_report(const Arguments& args) {
  const std::vector<std::string> flags = report_flags();
  check_options(args, std::vector<std::string_view>(flags.begin(), flags.end()));
  if (args.positional.size() < 2) return print_report_names();
  Database db = open_database(args);
  const Report report = db.reports().run(args.positional[1], report_options(db, args));
  if (option(args, "csv").empty())
    print_report(report, std::cout);
  else
    write_report_csv(report, std::cout, std::cerr);
  return 0;
}

}  // namespace crm::cli
