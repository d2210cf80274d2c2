// Exports through the C ABI: records of one kind, or a segment's members, to
// a CSV or JSON file.
#include "c_handles.hpp"

using namespace crm::capi;

namespace {

crm::ExportFormat format_of(const char* name) {
  if (const auto format = crm::export_format_from_name(name)) return *format;
  throw crm::Error(crm::ErrorCode::invalid_argument, std::string("format: '") + name + "' is not csv or json",
                   "format");
}

}  // namespace

extern "C" {

crm_status crm_query_set_csv_delimiter(crm_query* query, char delimiter) {
  CRM_REQUIRE(query);
  if (delimiter != ',' && delimiter != ';' && delimiter != '\t')
    return fail_with(CRM_INVALID_ARGUMENT, [&] {
      return std::string("delimiter: '") + delimiter + "' is not a CSV delimiter (',', ';' or a tab)";
    }, "delimiter");
  query->csv_delimiter = delimiter;
  return CRM_OK;
}

crm_status crm_export_to_file(crm_db* db, const char* record_kind, const char* format, const crm_query* query,
                              const char* path, int64_t* out_rows) {
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(format);
  CRM_REQUIRE(path);
  CRM_WITH_DB(db, {
    require_utf8(path, "path");
    crm::ExportOptions options;
    options.kind = record_kind_of(record_kind);
    options.format = format_of(format);
    options.query = plain_query(query, "exported records");
    options.delimiter = query ? query->csv_delimiter : ',';
    const std::int64_t rows = database.exports().write_file(path, options);
    if (out_rows) *out_rows = rows;
    return CRM_OK;
  });
}

}  // extern "C"
