// The reports: their names, and one report as a table or CSV.
#include <iostream>
#include <string_view>

#include "commands.hpp"
#include "report_output.hpp"
#include "table.hpp"

namespace crm::cli {
namespace {

// What each report shows, for the list of reports.
struct ReportDescription {
  std::string_view name;
  std::string_view text;
};

constexpr ReportDescription kDescriptions[] = {
    {"pipeline_by_stage", "deals per stage of each pipeline: count, amount, weighted amount"},
    {"forecast", "won, weighted open and best-case amounts per --interval of the deals' close dates"},
    {"win_rates", "won and lost deals, win rate, average deal and sales cycle per --group"},
    {"funnel", "deals that reached each stage of a pipeline, conversion and days spent there"},
    {"leads", "leads created per --interval and --group, and how many converted"},
    {"lead_conversion", "leads and their conversion rate per --group"},
    {"campaign_return", "campaigns ranked by return: cost, leads, cost per lead, won deals and revenue, ROI"},
    {"activities_per_week", "calls, meetings, emails, tasks, notes and sms per owner and ISO week"},
    {"overdue_tasks", "planned tasks past their due day per owner"},
    {"at_risk_accounts", "accounts without activity in the last --days days (default 90)"},
    {"upcoming_birthdays", "contacts whose birthday falls in the next --days days (default 7)"},
    {"open_pipeline_history", "open deals and their value at each month end, from the stage history"},
};

std::string_view description(std::string_view name) {
  for (const ReportDescription& report : kDescriptions)
    if (report.name == name) return report.text;
  return "";
}

int print_report_names() {
  Table table({"report", "what it shows"});
  for (const std::string& name : Reports::names()) table.add({name, std::string(description(name))});
  table.print(std::cout);
  std::cout << "Run one with: crm report DB NAME [options] (see crm help)\n";
  return 0;
}

constexpr const char* kGroups = "owner, lead_source, product, campaign, industry or job_title";

ReportOptions report_options(Database& db, const Arguments& args) {
  ReportOptions options;
  options.start = date_option(args, "start");
  options.end = date_option(args, "end");
  options.as_of = date_option(args, "as-of");
  options.owner = option(args, "owner");
  if (const auto pipeline = pipeline_option(db, args)) options.pipeline = pipeline->id;
  options.segment = segment_option(db, args, {RecordKind::account, RecordKind::contact, RecordKind::lead,
                                              RecordKind::opportunity, RecordKind::activity});
  options.interval = choice_option(args, "interval", report_interval_from_name, "week, month or quarter")
                         .value_or(options.interval);
  options.group = choice_option(args, "group", report_group_from_name, kGroups).value_or(options.group);
  options.days = static_cast<int>(number_option(args, "days", 1, 36600).value_or(0));
  return options;
}

}  // namespace

int run_reports(const Arguments& args) {
  check_options(args, {});
  return print_report_names();
}

int run_report(const Arguments& args) {
  check_options(args, {"start", "end", "as-of", "owner", "pipeline", "segment", "interval", "group", "days", "csv"});
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
