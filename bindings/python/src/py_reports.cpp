// Reports (db.reports): one method per report and run(name). Each returns a
// crmcore.Report (a Python class) around the native result, _ReportData.
#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct PyReports {
  SharedDatabase db;
};

constexpr const char* kIntervals = "'week', 'month', 'quarter'";
constexpr const char* kGroups = "'owner', 'lead_source', 'product', 'campaign', 'industry', 'job_title'";

// The keyword-only options every report takes; None (or '') leaves an option
// at the report's default.
#define REPORT_ARGS                                                                                          \
  py::kw_only(), py::arg("start") = py::none(), py::arg("end") = py::none(), py::arg("as_of") = py::none(),  \
      py::arg("owner") = "", py::arg("pipeline") = py::none(), py::arg("segment") = py::none(),              \
      py::arg("interval") = py::none(), py::arg("group") = py::none(), py::arg("days") = py::none()
#define REPORT_PARAMS                                                                                        \
  std::optional<Date> start, std::optional<Date> end, std::optional<Date> as_of, const std::string &owner,  \
      PipelineId pipeline, SegmentId segment, const std::optional<std::string> &interval,                    \
      const std::optional<std::string> &group, std::optional<int> days
#define REPORT_OPTIONS report_options(start, end, as_of, owner, pipeline, segment, interval, group, days)

/// What the options say, in every report's docstring.
#define REPORT_OPTIONS_DOC                                                                                        \
  " Options (keyword-only; a report refuses with ValidationError one it cannot apply): start, end "              \
  "(datetime.date, inclusive), as_of (the report's today), owner, pipeline (id or Pipeline), segment (id or "     \
  "Segment), interval ('week', 'month', 'quarter'), group ('owner', 'lead_source', 'product', 'campaign', "       \
  "'industry', 'job_title'), days. Money columns are decimal.Decimal in the base currency, converted with the "   \
  "rate of each record's date (rates_used lists them); a record without a rate raises NotFoundError naming the " \
  "pair and the day."

ReportOptions report_options(std::optional<Date> start, std::optional<Date> end, std::optional<Date> as_of,
                             const std::string& owner, PipelineId pipeline, SegmentId segment,
                             const std::optional<std::string>& interval, const std::optional<std::string>& group,
                             std::optional<int> days) {
  ReportOptions options;
  options.start = start;
  options.end = end;
  options.as_of = as_of;
  options.owner = owner;
  options.pipeline = pipeline;
  options.segment = segment;
  if (interval) options.interval = enum_from_name(*interval, report_interval_from_name, "interval", kIntervals);
  if (group) options.group = enum_from_name(*group, report_group_from_name, "group", kGroups);
  if (days) {
    if (*days < 1)
      throw Error(ErrorCode::invalid_argument, "days: " + std::to_string(*days) + " is not a positive number", "days");
    options.days = *days;
  }
  return options;
}

const char* column_type_name(ColumnType type) {
  switch (type) {
    case ColumnType::integer: return "integer";
    case ColumnType::real: return "real";
    case ColumnType::date: return "date";
    case ColumnType::instant: return "instant";
    case ColumnType::decimal: return "decimal";
    case ColumnType::text: break;
  }
  return "text";
}

py::object report_object(Report report) { return wrap("Report", py::cast(std::move(report))); }

using ReportMethod = Report (Reports::*)(const ReportOptions&) const;

struct ReportEntry {
  const char* name;
  ReportMethod method;
  const char* doc;
};

const ReportEntry kReports[] = {
    {"pipeline_by_stage", &Reports::pipeline_by_stage,
     "Each active stage of each pipeline (or of `pipeline`) in order, over deals whose date (close date when "
     "closed, expected close when open) is in the range. Columns: pipeline, stage, stage_kind, position, deals, "
     "amount, weighted_amount (amount x probability / 100)."},
    {"forecast", &Reports::forecast,
     "Per period (interval, default 'month') of the deals' dates, won and open deals (lost ones do not count), "
     "every period of the range, empty ones as zero. Columns: period ('2025-03', '2025-Q1', '2025-W09'), "
     "period_start, period_end, won_deals, open_deals, committed (won amount), weighted (open amount x "
     "probability), best_case (committed + open amount)."},
    {"win_rates", &Reports::win_rates,
     "Deals closed in the range per group ('owner' (default), 'lead_source', 'product' or 'campaign'). Columns: "
     "group (None for none), won, lost, win_rate (0..1, None without closed deals), won_amount, average_deal, "
     "average_cycle_days (creation to close of won deals). By won_amount, largest first."},
    {"funnel", &Reports::funnel,
     "The open and won stages of one pipeline (`pipeline` or the default) in order, over deals created in the "
     "range, from the stage history; a deal reached a stage when it ever was in it or a later one. Columns: "
     "stage, position, reached, conversion (reached of the next stage / reached here; None on the last), "
     "average_days (mean finished stay in the stage), current (deals in it now)."},
    {"leads", &Reports::leads,
     "Leads created in the range per period (interval) and group ('lead_source', 'campaign', 'industry', "
     "'job_title' or 'owner'), every group in every period. Columns: period, period_start, group, leads, "
     "converted, conversion_rate (None without leads)."},
    {"lead_conversion", &Reports::lead_conversion,
     "Leads created in the range per group (as leads()). Columns: group, leads, converted, conversion_rate. Most "
     "leads first."},
    {"campaign_return", &Reports::campaign_return,
     "Campaigns starting in the range (undated ones only without a range), ranked by ROI, best first (campaigns "
     "without cost last). Columns: rank, campaign, channel, cost (converted on its start day), leads, "
     "cost_per_lead (None without leads), won_deals, won_revenue, roi ((won_revenue - cost) / cost, None "
     "without cost)."},
    {"activities_per_week", &Reports::activities_per_week,
     "Activities (not cancelled) starting in the range per ISO week and owner, every owner in every week. "
     "Columns: week ('2025-W09'), week_start (Monday), owner, call, meeting, email, task, note, sms, total."},
    {"overdue_tasks", &Reports::overdue_tasks,
     "Planned tasks due before as_of (and in the range) per owner. Columns: owner, overdue, oldest_due, "
     "most_days_overdue. Most overdue first."},
    {"at_risk_accounts", &Reports::at_risk_accounts,
     "Live accounts with no activity (of the account, its deals or its contacts) in the `days` (default 90) days "
     "up to as_of. Columns: account_id, account, owner, last_activity (None for never), days_since (None for "
     "never), open_deals, open_amount. Never-touched first, then longest silent."},
    {"upcoming_birthdays", &Reports::upcoming_birthdays,
     "Live contacts whose birthday falls in the `days` (default 7) days from as_of (29 February on 28 February "
     "in common years). Columns: contact_id, name, account (current employer or None), next_birthday, turns "
     "(None without a birth year), days_until. Soonest first."},
    {"open_pipeline_history", &Reports::open_pipeline_history,
     "Per month end in the range (default: the 12 month ends up to as_of), the deals open at the end of that day "
     "as the stage history shows them, converted on the month end. Columns: month_end, open_deals, open_amount, "
     "weighted_amount."},
};

void bind_report_data(py::module_& m) {
  py::class_<Report>(m, "_ReportData", "A report's result as the native module has it; crmcore.Report wraps it.")
      .def_readonly("name", &Report::name, "The report ('forecast').")
      .def_readonly("currency", &Report::currency, "The currency of its decimal (money) columns.")
      .def_property_readonly(
          "columns",
          [](const Report& r) {
            std::vector<std::string> names;
            for (const Column& column : r.table.columns()) names.push_back(column.name);
            return names;
          },
          "The column names, in order.")
      .def_property_readonly(
          "column_types",
          [](const Report& r) {
            std::vector<std::string> types;
            for (const Column& column : r.table.columns()) types.emplace_back(column_type_name(column.type));
            return types;
          },
          "The column types: 'integer', 'real', 'text', 'date', 'instant' or 'decimal'.")
      .def_readonly("rates_used", &Report::rates_used, "Each ExchangeRate applied, by pair then day.")
      .def("rows", [](const Report& r) { return table_rows(r.table); }, "The rows as a list of tuples.");
}

void bind_reports_store(py::module_& m) {
  py::class_<PyReports> cls(m, "Reports",
                            "The reports a sales manager reads on Monday morning: db.reports. Each reads one snapshot "
                            "of the database and returns a crmcore.Report (iterate for tuples; to_records(), "
                            "to_pandas()). Deals are live opportunities; a deal's date is its close date when "
                            "closed, its expected close when open, else as_of.");
  for (const ReportEntry& entry : kReports) {
    const ReportMethod method = entry.method;
    cls.def(
        entry.name,
        [method](PyReports& self, REPORT_PARAMS) {
          const ReportOptions options = REPORT_OPTIONS;
          return report_object(self.db->run([&](Database& d) { return (d.reports().*method)(options); }));
        },
        REPORT_ARGS, (std::string(entry.doc) + REPORT_OPTIONS_DOC).c_str());
  }
  cls.def(
         "run",
         [](PyReports& self, const std::string& name, REPORT_PARAMS) {
           const ReportOptions options = REPORT_OPTIONS;
           return report_object(self.db->run([&](Database& d) { return d.reports().run(name, options); }));
         },
         py::arg("name"), REPORT_ARGS,
         "The report called `name` (one of names()) with these options, as its own method runs it; "
         "ValidationError listing the names for any other." REPORT_OPTIONS_DOC)
      .def_static("names", &Reports::names, "The report names run() takes, in order.")
      .def("__repr__", [](PyReports&) { return std::string("<crmcore reports>"); });
}

}  // namespace

void register_reports(py::module_& m) {
  bind_report_data(m);
  bind_reports_store(m);
  add_store_property<PyReports>(m, "reports", "Reports over the deals, leads, campaigns and activities.");
}

}  // namespace crm::python
