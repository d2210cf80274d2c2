// Exports through the C ABI: records of one kind, or a segment's members, to
// a CSV or JSON file.
#include "c_handles.hpp"

using namespace crm::capi;

/// How to write an export (crm_export_to_file_v2()): the file format, the
/// CSV delimiter (checked when set) and whether formulas are escaped.
struct crm_export_options {
  crm::ExportFormat format = crm::ExportFormat::csv;
  char delimiter = ',';
  bool escape_formulas = crm::ExportOptions{}.escape_formulas;
};

namespace {

crm::ExportFormat format_of(const char* name) {
  if (const auto format = crm::export_format_from_name(name)) return *format;
  throw crm::Error(crm::ErrorCode::invalid_argument, std::string("format: '") + name + "' is not csv or json",
                   "format");
}

// Writes the records of `record_kind` that `query` selects to `path` in the
// format named `format_name` (NULL: chosen's), with chosen's delimiter and
// formula escaping; *out_rows (when given) receives how many.
crm_status write_export(crm::Database& database, const char* record_kind, const crm_query* query,
                        const char* format_name, const crm_export_options& chosen, const char* path,
                        int64_t* out_rows) {
  require_utf8(path, "path");
  crm::ExportOptions options;
  options.kind = record_kind_of(record_kind);
  options.format = format_name ? format_of(format_name) : chosen.format;
  options.query = plain_query(query, "exported records");
  options.delimiter = chosen.delimiter;
  options.escape_formulas = chosen.escape_formulas;
  const std::int64_t rows = database.exports().write_file(path, options);
  if (out_rows) *out_rows = rows;
  return CRM_OK;
}

}  // namespace

extern "C" {

crm_status crm_query_set_csv_delimiter(crm_query* query, char delimiter) {
  CRM_REQUIRE(query);
  return guard([&] {
    crm::check_export_delimiter(delimiter);
    query->csv_delimiter = delimiter;
    return CRM_OK;
  });
}

crm_status crm_export_to_file(crm_db* db, const char* record_kind, const char* format, const crm_query* query,
                              const char* path, int64_t* out_rows) {
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(format);
  CRM_REQUIRE(path);
  CRM_WITH_DB(db, {
    crm_export_options chosen;
    chosen.delimiter = query ? query->csv_delimiter : ',';
    return write_export(database, record_kind, query, format, chosen, path, out_rows);
  });
}

crm_status crm_export_options_new(crm_export_options** out_options) {
  CRM_REQUIRE(out_options);
  *out_options = nullptr;
  return guard([&] {
    *out_options = new crm_export_options();
    return CRM_OK;
  });
}

void crm_export_options_free(crm_export_options* options) { delete options; }

crm_status crm_export_options_set_format(crm_export_options* options, const char* format) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(format);
  return guard([&] {
    require_utf8(format, "format");
    options->format = format_of(format);
    return CRM_OK;
  });
}

crm_status crm_export_options_set_delimiter(crm_export_options* options, char delimiter) {
  CRM_REQUIRE(options);
  return guard([&] {
    crm::check_export_delimiter(delimiter);
    options->delimiter = delimiter;
    return CRM_OK;
  });
}

crm_status crm_export_options_set_escape_formulas(crm_export_options* options, int escape) {
  CRM_REQUIRE(options);
  options->escape_formulas = escape != 0;
  return CRM_OK;
}

crm_status crm_export_to_file_v2(crm_db* db, const char* record_kind, const crm_query* query,
                                 const crm_export_options* options, const char* path, int64_t* out_rows) {
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(path);
  CRM_WITH_DB(db, {
    const crm_export_options defaults;
    const crm_export_options& chosen = options ? *options : defaults;
    return write_export(database, record_kind, query, nullptr, chosen, path, out_rows);
  });
}

}  // extern "C"
