// Reports through the C ABI: options by setters, the result as a handle with
// its currency, the exchange rates it used and its rows on a column cursor.
#include "c_records.hpp"
#include "c_select.hpp"
#include "crm/report_catalog.hpp"

using namespace crm::capi;

/// Filters and settings of crm_report_run().
struct crm_report_options {
  crm::ReportOptions options;
};

/// A report's result; its rates kept as items that lend out their parts.
struct crm_report {
  explicit crm_report(crm::Report result) : record(std::move(result)) {
    for (const crm::ExchangeRate& rate : record.rates_used) rates.push_back(RateItem{rate, {}});
  }
  crm::Report record;
  std::vector<RateItem> rates;
};

namespace {

using DateMember = std::optional<crm::Date> crm::ReportOptions::*;

// The report names, read once.
const std::vector<std::string>& report_names() {
  static const std::vector<std::string> names = crm::Reports::names();
  return names;
}

// Sets a date of the options from C text; NULL or "" unsets it.
crm_status set_day(crm_report_options* options, DateMember member, const char* day) {
  return guard([&] {
    options->options.*member = optional_date(text(day));
    return CRM_OK;
  });
}

crm::ReportInterval interval_of(const char* name) { return crm::require_report_interval(name); }

crm::ReportGroup group_of(const char* name) { return crm::require_report_group(name); }

// Runs `read` on the catalog entry of report `name` inside guard():
// CRM_INVALID_ARGUMENT listing the names for an unknown one.
template <class Read>
crm_status with_report_info(const char* name, Read&& read) {
  return guard([&] { return read(crm::report_info(name)); });
}

// Item `index` of one of a report's lists as static text, or CRM_NOT_FOUND.
template <class Item, class Text>
crm_status list_item(const std::vector<Item>& items, std::size_t index, const char** out_text, const char* function,
                     Text&& text) {
  const Item* item = nullptr;
  const crm_status status = element(items, index, &item, function);
  if (status == CRM_OK) *out_text = text(*item);
  return status;
}

// The names of enumerators are string literals: their data() is a C string.
const char* literal(std::string_view name) { return name.data(); }

}  // namespace

extern "C" {

/* ---- options ---- */

crm_status crm_report_options_new(crm_report_options** out_options) {
  CRM_REQUIRE(out_options);
  *out_options = nullptr;
  return guard([&] {
    *out_options = new crm_report_options{};
    return CRM_OK;
  });
}

void crm_report_options_free(crm_report_options* options) { delete options; }

crm_status crm_report_options_set_start(crm_report_options* options, const char* day) {
  CRM_REQUIRE(options);
  return set_day(options, &crm::ReportOptions::start, day);
}

crm_status crm_report_options_set_end(crm_report_options* options, const char* day) {
  CRM_REQUIRE(options);
  return set_day(options, &crm::ReportOptions::end, day);
}

crm_status crm_report_options_set_as_of(crm_report_options* options, const char* day) {
  CRM_REQUIRE(options);
  return set_day(options, &crm::ReportOptions::as_of, day);
}

crm_status crm_report_options_set_owner(crm_report_options* options, const char* owner) {
  CRM_REQUIRE(options);
  return guard([&] {
    options->options.owner = text(owner);
    return CRM_OK;
  });
}

crm_status crm_report_options_set_pipeline(crm_report_options* options, int64_t pipeline_id) {
  CRM_REQUIRE(options);
  options->options.pipeline = crm::PipelineId(pipeline_id);
  return CRM_OK;
}

crm_status crm_report_options_set_segment(crm_report_options* options, int64_t segment_id) {
  CRM_REQUIRE(options);
  options->options.segment = crm::SegmentId(segment_id);
  return CRM_OK;
}

crm_status crm_report_options_set_interval(crm_report_options* options, const char* interval) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(interval);
  return guard([&] {
    options->options.interval = interval_of(interval);
    return CRM_OK;
  });
}

crm_status crm_report_options_set_group(crm_report_options* options, const char* group) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(group);
  return guard([&] {
    options->options.group = group_of(group);
    return CRM_OK;
  });
}

crm_status crm_report_options_set_days(crm_report_options* options, int days) {
  CRM_REQUIRE(options);
  if (days < 0)
    return fail_with(CRM_INVALID_ARGUMENT, [&] { return "days: " + std::to_string(days) + " is negative"; }, "days");
  options->options.days = days;
  return CRM_OK;
}

/* ---- names ---- */

crm_status crm_report_available_count(size_t* out_count) {
  CRM_REQUIRE(out_count);
  return guard([&] {
    *out_count = report_names().size();
    return CRM_OK;
  });
}

crm_status crm_report_available(size_t index, const char** out_name) {
  CRM_REQUIRE(out_name);
  return guard([&] {
    const std::string* name = nullptr;
    const crm_status status = element(report_names(), index, &name, "crm_report_available");
    if (status == CRM_OK) *out_name = name->c_str();
    return status;
  });
}

/* ---- what each report is and takes ---- */

crm_status crm_report_info_title(const char* name, const char** out_title) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_title);
  return with_report_info(name, [&](const crm::ReportInfo& report) {
    *out_title = report.title.c_str();
    return CRM_OK;
  });
}

crm_status crm_report_info_summary(const char* name, const char** out_summary) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_summary);
  return with_report_info(name, [&](const crm::ReportInfo& report) {
    *out_summary = report.summary.c_str();
    return CRM_OK;
  });
}

crm_status crm_report_info_option_count(const char* name, size_t* out_count) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_count);
  return with_report_info(name, [&](const crm::ReportInfo& report) {
    *out_count = report.options.size();
    return CRM_OK;
  });
}

crm_status crm_report_info_option(const char* name, size_t index, const char** out_option) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_option);
  return with_report_info(name, [&, function = __func__](const crm::ReportInfo& report) {
    return list_item(report.options, index, out_option, function,
                     [](crm::ReportOption option) { return literal(crm::report_option_name(option)); });
  });
}

crm_status crm_report_option_doc(const char* option, const char** out_doc) {
  CRM_REQUIRE(option);
  CRM_REQUIRE(out_doc);
  const auto known = crm::report_option_from_name(option);
  if (!known)
    return fail_with(CRM_INVALID_ARGUMENT, [&] { return std::string("option: '") + option + "' is not a report option"; },
                     "option");
  *out_doc = literal(crm::report_option_doc(*known));
  return CRM_OK;
}

crm_status crm_report_info_group_count(const char* name, size_t* out_count) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_count);
  return with_report_info(name, [&](const crm::ReportInfo& report) {
    *out_count = report.groups.size();
    return CRM_OK;
  });
}

crm_status crm_report_info_group(const char* name, size_t index, const char** out_group) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_group);
  return with_report_info(name, [&, function = __func__](const crm::ReportInfo& report) {
    return list_item(report.groups, index, out_group, function,
                     [](crm::ReportGroup group) { return literal(crm::report_group_name(group)); });
  });
}

crm_status crm_report_info_segment_kind_count(const char* name, size_t* out_count) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_count);
  return with_report_info(name, [&](const crm::ReportInfo& report) {
    *out_count = report.segment_kinds.size();
    return CRM_OK;
  });
}

crm_status crm_report_info_segment_kind(const char* name, size_t index, const char** out_kind) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_kind);
  return with_report_info(name, [&, function = __func__](const crm::ReportInfo& report) {
    return list_item(report.segment_kinds, index, out_kind, function,
                     [](crm::RecordKind kind) { return literal(crm::record_kind_name(kind)); });
  });
}

crm_status crm_report_info_default_days(const char* name, int* out_days) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_days);
  return with_report_info(name, [&](const crm::ReportInfo& report) {
    *out_days = report.default_days;
    return CRM_OK;
  });
}

crm_status crm_report_info_column_count(const char* name, size_t* out_count) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_count);
  return with_report_info(name, [&](const crm::ReportInfo& report) {
    *out_count = report.columns.size();
    return CRM_OK;
  });
}

crm_status crm_report_info_column(const char* name, size_t index, const char** out_name, crm_column_type* out_type,
                                  const char** out_doc) {
  CRM_REQUIRE(name);
  return with_report_info(name, [&, function = __func__](const crm::ReportInfo& report) {
    const crm::ReportColumnInfo* column = nullptr;
    const crm_status status = element(report.columns, index, &column, function);
    if (status != CRM_OK) return status;
    if (out_name) *out_name = column->name.c_str();
    if (out_type) *out_type = static_cast<crm_column_type>(column->type);  // the same numbers (c_select.cpp)
    if (out_doc) *out_doc = column->doc.c_str();
    return CRM_OK;
  });
}

/* ---- running and reading ---- */

crm_status crm_report_run(crm_db* db, const char* name, const crm_report_options* options, crm_report** out_report) {
  CRM_REQUIRE(out_report);
  *out_report = nullptr;
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    crm::Report report = database.reports().run(name, options ? options->options : crm::ReportOptions{});
    *out_report = new crm_report(std::move(report));
    return CRM_OK;
  });
}

void crm_report_free(crm_report* report) { delete report; }

crm_status crm_report_name(const crm_report* report, const char** out_name) {
  CRM_REQUIRE(report);
  CRM_REQUIRE(out_name);
  *out_name = report->record.name.c_str();
  return CRM_OK;
}

crm_status crm_report_currency(const crm_report* report, const char** out_currency) {
  CRM_REQUIRE(report);
  CRM_REQUIRE(out_currency);
  *out_currency = report->record.currency.c_str();
  return CRM_OK;
}

crm_status crm_report_rate_count(const crm_report* report, size_t* out_count) {
  CRM_REQUIRE(report);
  CRM_REQUIRE(out_count);
  *out_count = report->rates.size();
  return CRM_OK;
}

crm_status crm_report_rate(const crm_report* report, size_t index, const char** out_from, const char** out_to,
                           const char** out_valid_from, const char** out_rate) {
  CRM_REQUIRE(report);
  const RateItem* rate = nullptr;
  const crm_status status = element(report->rates, index, &rate, __func__);
  if (status != CRM_OK) return status;
  return rate_parts(*rate, out_from, out_to, out_valid_from, out_rate);
}

crm_status crm_report_rows(const crm_report* report, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(report);
  return guard([&] {
    *out_cursor = table_cursor(report->record.table);
    return CRM_OK;
  });
}

}  // extern "C"
