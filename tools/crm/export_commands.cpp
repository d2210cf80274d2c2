// export DB KIND: writes records or a segment's members as CSV or JSON, to
// standard output or a file.
#include <iostream>

#include "commands.hpp"

namespace crm::cli {
namespace {

// --delimiter ',' ';' or tab (the word or the character).
char delimiter_option(const Arguments& args) {
  const std::string text = option(args, "delimiter");
  if (text.empty()) return ',';
  if (text == "tab" || text == "\t") return '\t';
  if (text == "," || text == ";") return text.front();
  throw Error(ErrorCode::invalid_argument, "--delimiter: '" + text + "' is not ',', ';' or tab", "delimiter");
}

}  // namespace

int run_export(const Arguments& args) {
  check_options(args,
                {"format", "where", "segment", "delimiter", "escape-formulas", "output", "owner", "tag", "country", "sort",
                 "deleted"});
  Database db = open_database(args);
  ExportOptions options;
  options.kind = record_kind_argument(args, 1);
  options.format = choice_option(args, "format", export_format_from_name, "csv or json").value_or(ExportFormat::csv);
  options.delimiter = delimiter_option(args);
  options.escape_formulas = yes_no_option(args, "escape-formulas").value_or(options.escape_formulas);
  options.query = list_query(args);
  options.query.segment = segment_option(db, args, {options.kind});
  const std::string output = option(args, "output");
  if (output.empty()) {
    db.exports().write(std::cout, options);
    return 0;
  }
  const std::int64_t rows = db.exports().write_file(output, options);
  std::cout << "Exported " << rows << " " << record_kind_name(options.kind) << (rows == 1 ? " record" : " records")
            << " to " << output << "\n";
  return 0;
}

}  // namespace crm::cli
