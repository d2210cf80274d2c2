// Imports::read_org: every file of another CRM's export folder that a preset
// names, in its order, each by upsert so that running it again creates
// nothing twice.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "crm/error.hpp"
#include "crm/import.hpp"
#include "io/csv_reader.hpp"
#include "io/import_options.hpp"
#include "io/org_preset.hpp"
#include "io/record_columns.hpp"

namespace crm {
namespace {

namespace fs = std::filesystem;
using detail::OrgFilePlan;

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return text;
}

// The CSV files of `directory` by their lower-case names.
std::map<std::string, std::string> csv_files(const std::string& directory) {
  std::error_code error;
  if (!fs::is_directory(directory, error))
    throw Error(ErrorCode::not_found, "import_org: '" + directory + "' is not a folder", "path");
  std::map<std::string, std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && lower_ascii(entry.path().extension().string()) == ".csv")
      files.emplace(lower_ascii(name), name);
  }
  return files;
}

// The header line of the CSV file at `path`, trimmed as the import trims it.
std::vector<std::string> file_headers(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "import_org: cannot open '" + path + "'", "path");
  detail::CsvReader reader(in, detail::CsvOptions{});
  detail::CsvRecord header;
  if (!reader.next(header)) return {};
  for (std::string& name : header.fields) {
    const auto first = name.find_first_not_of(" \t");
    name = first == std::string::npos ? std::string() : name.substr(first, name.find_last_not_of(" \t") - first + 1);
  }
  return header.fields;
}

// The entries of `map` whose header is one of `headers`.
template <class Value>
std::map<std::string, Value> present(const std::map<std::string, Value>& map, const std::vector<std::string>& headers) {
  std::map<std::string, Value> kept;
  for (const auto& [header, value] : map)
    if (std::find(headers.begin(), headers.end(), header) != headers.end()) kept.emplace(header, value);
  return kept;
}

// The column `header` feeds in the first pass: the preset's choice, else by its name.
std::string first_pass_column(const OrgFilePlan& plan, const std::string& header) {
  if (auto chosen = plan.columns.find(header); chosen != plan.columns.end()) return chosen->second;
  return detail::column_for_header(plan.kind, header).value_or("");
}

// The options shared by both passes over one file.
ImportOptions file_options(const OrgFilePlan& plan, const OrgImportOptions& options) {
  ImportOptions file;
  file.kind = plan.kind;
  file.mode = ImportMode::upsert;
  file.key = plan.key;
  file.policy = options.policy;
  file.date_order = options.date_order;
  file.batch_rows = options.batch_rows;
  return file;
}

// True for a column several headers fill together (emails, phones, tags, consents).
bool is_list_column(std::string_view column) {
  return column.starts_with("email") || column.starts_with("phones") || column == "tags" ||
         column.starts_with("consent");
}

// The first pass: every column but the second pass's. A header the preset
// maps wins over headers that would fill the same single-value column by
// their names (Salesforce's Id over an org's own "External_id__c").
ImportOptions first_pass(const OrgFilePlan& plan, const OrgImportOptions& options,
                         const std::vector<std::string>& headers) {
  ImportOptions first = file_options(plan, options);
  first.columns = present(plan.columns, headers);
  std::set<std::string> chosen;
  for (const auto& [header, column] : first.columns)
    if (!column.empty() && !is_list_column(column)) chosen.insert(column);
  for (const std::string& header : headers)
    if (!first.columns.count(header) && chosen.count(first_pass_column(plan, header))) first.columns[header] = "";
  for (const auto& [header, column] : present(plan.then, headers)) first.columns[header] = "";
  first.values = present(plan.values, headers);
  return first;
}

// The second pass: the key as the first pass reads it and the preset's
// "then" columns, nothing else.
ImportOptions second_pass(const OrgFilePlan& plan, const OrgImportOptions& options,
                          const std::vector<std::string>& headers, const ImportOptions& first) {
  ImportOptions second = file_options(plan, options);
  const std::string key = detail::key_column(plan.kind, plan.key);
  for (const std::string& header : headers) {
    const auto chosen = first.columns.find(header);
    const std::string column = chosen != first.columns.end() ? chosen->second : first_pass_column(plan, header);
    second.columns[header] = column == key ? column : std::string();
  }
  for (const auto& [header, column] : present(plan.then, headers)) second.columns[header] = column;
  return second;
}

}  // namespace

OrgImportResult Imports::read_org(const std::string& directory, const OrgImportOptions& options) {
  check_batch_rows(options.batch_rows);
  const detail::OrgPreset preset = detail::load_org_preset(options.preset);
  const std::map<std::string, std::string> files = csv_files(directory);
  OrgImportResult result;
  std::set<std::string> used;
  for (const OrgFilePlan& plan : preset.files) {
    const auto found = files.find(lower_ascii(plan.file));
    if (found == files.end()) continue;
    used.insert(found->first);
    const std::string path = (fs::path(directory) / found->second).string();
    const std::vector<std::string> headers = file_headers(path);
    const ImportOptions first = first_pass(plan, options, headers);
    result.files.push_back({found->second, plan.kind, 1, read_file(path, first)});
    if (!present(plan.then, headers).empty())
      result.files.push_back(
          {found->second, plan.kind, 2, read_file(path, second_pass(plan, options, headers, first))});
  }
  for (const auto& [key, name] : files)
    if (!used.count(key)) result.unused_files.push_back(name);
  return result;
}

}  // namespace crm
