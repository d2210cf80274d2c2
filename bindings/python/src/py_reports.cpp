// Reports (db.reports): one method per report of the library's catalog, with
// its docstring made from the catalog, run(name), and the catalog itself
// (crmcore.ReportInfo). Each report returns a crmcore.Report (a Python
// class) around the native result, _ReportData.
#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct PyReports {
  SharedDatabase db;
};


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

/// What every report's docstring ends with.
constexpr const char* kMoneyDoc =
    "Options are keyword-only; a report refuses with ValidationError a range, owner, pipeline, segment or group it "
    "does not accept (interval and days it does not use are ignored). Dates are datetime.date, pipeline an id or "
    "Pipeline, segment an id or Segment. Money columns are decimal.Decimal in the base currency, converted with the "
    "rate of each record's date (rates_used lists them); a record without a rate raises NotFoundError naming the "
    "pair and the day.";

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
  if (interval) options.interval = require_report_interval(*interval);
  if (group) options.group = require_report_group(*group);
  if (days) {
    if (*days < 1)
      throw Error(ErrorCode::invalid_argument, "days: " + std::to_string(*days) + " is not a positive number", "days");
    options.days = *days;
  }
  return options;
}

py::object report_object(Report report) { return wrap("Report", py::cast(std::move(report))); }

template <class Item, class Name>
std::vector<std::string> names_of(const std::vector<Item>& items, Name&& name) {
  std::vector<std::string> names;
  for (const Item& item : items) names.emplace_back(name(item));
  return names;
}

/// The docstring of a report's method: the catalog's summary, the options it
/// accepts and its columns.
std::string report_doc(const ReportInfo& report) {
  std::string doc = report.summary + "\n\nOptions:\n";
  for (ReportOption option : report.options)
    doc += "    " + std::string(report_option_name(option)) + ": " + report.option_doc(option) + "\n";
  doc += "\nColumns:\n";
  for (const ReportColumnInfo& column : report.columns)
    doc += "    " + column.name + " (" + std::string(column_type_name(column.type)) + "): " + column.doc + "\n";
  return doc + "\n" + kMoneyDoc;
}

void bind_catalog(py::module_& m) {
  py::class_<ReportColumnInfo>(m, "ReportColumnInfo", "A column of a report's table, as the catalog describes it.")
      .def_readonly("name", &ReportColumnInfo::name, "The column's name ('won_amount').")
      .def_property_readonly(
          "type", [](const ReportColumnInfo& c) { return std::string(column_type_name(c.type)); },
          "Its type: 'integer', 'real', 'text', 'date', 'instant' or 'decimal'.")
      .def_readonly("doc", &ReportColumnInfo::doc, "What a cell holds, and when it is None.")
      .def("__repr__", [](const ReportColumnInfo& c) {
        return "<crmcore.ReportColumnInfo " + c.name + " (" + std::string(column_type_name(c.type)) + ")>";
      });
  py::class_<ReportInfo>(m, "ReportInfo",
                         "What a report is and takes, from the library's catalog of reports: Reports.catalog(), "
                         "Reports.info(name).")
      .def_readonly("name", &ReportInfo::name, "The report's name ('forecast'), its method on db.reports.")
      .def_readonly("title", &ReportInfo::title, "What it shows, in one line.")
      .def_readonly("summary", &ReportInfo::summary, "What it shows, in a paragraph.")
      .def_property_readonly(
          "options", [](const ReportInfo& r) { return names_of(r.options, report_option_name); },
          "The keyword options it accepts ('start', 'end', 'as_of', 'owner', 'pipeline', 'segment', 'interval', "
          "'group', 'days').")
      .def_property_readonly(
          "groups", [](const ReportInfo& r) { return names_of(r.groups, report_group_name); },
          "The groupings its group option takes ([] without one).")
      .def_property_readonly(
          "segment_kinds", [](const ReportInfo& r) { return names_of(r.segment_kinds, record_kind_name); },
          "The record kinds of the segments it takes ([] without the segment option).")
      .def_readonly("default_days", &ReportInfo::default_days,
                    "The days it looks at when days is not given (0 without the days option).")
      .def_readonly("columns", &ReportInfo::columns, "Its columns (ReportColumnInfo), in order.")
      .def(
          "option_doc",
          [](const ReportInfo& r, const std::string& option) {
            const auto known = report_option_from_name(option);
            if (!known || !r.accepts(*known))
              throw Error(ErrorCode::invalid_argument,
                          "option: report " + r.name + " does not take '" + option + "'", "option");
            return r.option_doc(*known);
          },
          py::arg("option"),
          "What option `option` does in this report, with the groupings, segment kinds or default days it takes; "
          "ValidationError for an option it does not take.")
      .def("__repr__", [](const ReportInfo& r) { return "<crmcore.ReportInfo " + r.name + ">"; });
}

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
      .def(
          "rows", [](const Report& r) { return table_rows(r.table, MoneyCell::amount); },
          "The rows as a list of tuples; money as decimal.Decimal amounts in the report's currency.");
}

void bind_reports_store(py::module_& m) {
  py::class_<PyReports> cls(m, "Reports",
                            "The reports a sales manager reads on Monday morning: db.reports. Each reads one snapshot "
                            "of the database and returns a crmcore.Report (iterate for tuples; to_records(), "
                            "to_pandas()). Deals are live opportunities; a deal's date is its close date when "
                            "closed, its expected close when open, else as_of.");
  for (const ReportInfo& report : report_catalog()) {
    cls.def(
        report.name.c_str(),
        [name = report.name](PyReports& self, REPORT_PARAMS) {
          const ReportOptions options = REPORT_OPTIONS;
          return report_object(self.db->run([&](Database& d) { return d.reports().run(name, options); }));
        },
        REPORT_ARGS, report_doc(report).c_str());
  }
  cls.def(
         "run",
         [](PyReports& self, const std::string& name, REPORT_PARAMS) {
           const ReportOptions options = REPORT_OPTIONS;
           return report_object(self.db->run([&](Database& d) { return d.reports().run(name, options); }));
         },
         py::arg("name"), REPORT_ARGS,
         (std::string("The report called `name` (one of names()) with these options, as its own method runs it; "
                      "ValidationError listing the names for any other. Its method's docstring, and info(name), "
                      "tell what it accepts. ") + kMoneyDoc).c_str())
      .def_static("names", &Reports::names, "The report names run() takes, in order.")
      .def_static(
          "catalog", [] { return report_catalog(); },
          "Every report as a ReportInfo (name, title, summary, options, groups, segment_kinds, default_days, "
          "columns), in names() order.")
      .def_static(
          "info", [](const std::string& name) { return report_info(name); }, py::arg("name"),
          "The ReportInfo of report `name`; ValidationError listing the names for any other.")
      .def_static(
          "option_doc",
          [](const std::string& option) {
            const auto known = report_option_from_name(option);
            if (!known)
              throw Error(ErrorCode::invalid_argument, "option: '" + option + "' is not a report option", "option");
            return std::string(report_option_doc(*known));
          },
          py::arg("option"), "What report option `option` ('start', 'group', ...) does, in one sentence.")
      .def("__repr__", [](PyReports&) { return std::string("<crmcore reports>"); });
}

}  // namespace

void register_reports(py::module_& m) {
  bind_catalog(m);
  bind_report_data(m);
  bind_reports_store(m);
  add_store_property<PyReports>(m, "reports", "Reports over the deals, leads, campaigns and activities.");
}

}  // namespace crm::python
