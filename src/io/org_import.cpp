// Imports::read_org: every file of another CRM's export folder that a preset
// names, in its order, each by upsert so that running it again creates
// nothing twice.
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "crm/error.hpp"
#include "crm/import.hpp"
#include "crm/custom_field.hpp"
#include "io/org_columns.hpp"
#include "io/org_links.hpp"
#include "storage/store_access.hpp"
#include "io/import_options.hpp"
#include "io/org_preset.hpp"
#include "io/row_mapper.hpp"
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

// True when file `name` matches the preset's `pattern`, ignoring case; "*"
// in the pattern stands for any text.
bool matches(const std::string& pattern, const std::string& name) {
  return fnmatch(pattern.c_str(), name.c_str(), FNM_CASEFOLD) == 0;
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
// maps or a column it composes wins over headers that would fill the same
// single-value column by their names (Salesforce's Id over an org's own
// "External_id__c"); those are kept as custom fields.
// `unplaced` gets the headers that then feed no column (neither the
// preset's nor one by their names): the columns to keep as custom fields.
ImportOptions first_pass(const OrgFilePlan& plan, const OrgImportOptions& options,
                         const std::vector<std::string>& headers, std::vector<std::string>& unplaced) {
  ImportOptions first = file_options(plan, options);
  first.columns = present(plan.columns, headers);
  std::set<std::string> chosen;
  for (const auto& [header, column] : first.columns)
    if (!column.empty() && !is_list_column(column)) chosen.insert(column);
  for (const auto& [column, text] : plan.compose) chosen.insert(column);  // a Case's "Type" is no activity kind
  for (const std::string& header : headers) {
    if (header.empty() || first.columns.count(header) || plan.then.count(header)) continue;
    const std::string column = first_pass_column(plan, header);
    if (column.empty() || chosen.count(column)) unplaced.push_back(header);
    if (!column.empty() && chosen.count(column)) first.columns[header] = "";
  }
  for (const auto& [header, column] : present(plan.then, headers)) first.columns[header] = "";
  first.values = present(plan.values, headers);
  for (const auto& [column, text] : plan.compose) {
    try {
      detail::CellTemplate::parse(text, headers);  // a template naming headers the file lacks is dropped
      first.compose.emplace(column, text);
    } catch (const Error& error) {
      if (error.code() != ErrorCode::invalid_argument) throw;
    }
  }
  return first;
}

// The second pass: the key as the first pass reads (or composes) it and the
// preset's "then" columns, nothing else.
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
  if (auto composed = first.compose.find(key); composed != first.compose.end()) second.compose.insert(*composed);
  return second;
}

// Keeps the `unplaced` headers of the file at `path` that hold anything as
// custom fields of the plan's kind, mapping each in `first`: a field of the
// header's name when one exists, else a new one of the type its cells read
// as (named "<preset>_<name>" when the name is a built-in field's). Returns
// header -> field name.
std::map<std::string, std::string> keep_as_custom_fields(detail::Session& session, const OrgFilePlan& plan,
                                                         const std::string& preset, const std::string& path,
                                                         const std::vector<std::string>& unplaced,
                                                         ImportOptions& first) {
  std::map<std::string, std::string> kept;
  CustomFields fields = detail::StoreAccess::make<CustomFields>(session);
  for (const auto& [header, type] : detail::survey_org_columns(path, unplaced)) {
    const std::string name = detail::custom_field_name_for_header(header);
    std::optional<CustomField> field = fields.find(plan.kind, name);
    if (!field) {
      try {
        field = fields.define(plan.kind, CustomFieldData{.name = name, .type = type});
      } catch (const Error& error) {
        if (error.code() != ErrorCode::invalid_argument) throw;
        // The name is a built-in field's: the preset's name in front tells them apart.
        const std::string prefixed = detail::custom_field_name_for_header(preset + "_" + name);
        field = fields.find(plan.kind, prefixed);
        if (!field) field = fields.define(plan.kind, CustomFieldData{.name = prefixed, .type = type});
      }
    }
    first.columns[header] = field->name;
    kept.emplace(header, field->name);
  }
  return kept;
}

}  // namespace

OrgImportResult Imports::read_org(const std::string& directory, const OrgImportOptions& options) {
  check_batch_rows(options.batch_rows);
  const detail::OrgPreset preset = detail::load_org_preset(options.preset);
  const std::map<std::string, std::string> files = csv_files(directory);
  OrgImportResult result;
  std::set<std::string> used;
  detail::CampaignNames campaign_names;
  for (const OrgFilePlan& plan : preset.files) {
    for (const auto& [key, name] : files) {
      if (used.count(key) || !matches(plan.file, name)) continue;
      used.insert(key);
      const std::string path = (fs::path(directory) / name).string();
      if (plan.link) {
        result.files.push_back({name, std::string(detail::org_link_kind_name(*plan.link)), 1,
                                detail::import_org_links(session_, *plan.link, path, plan.columns, plan.values,
                                                         campaign_names),
                                {}});
        continue;
      }
      const std::vector<std::string> headers = detail::org_file_headers(path);
      std::vector<std::string> unplaced;
      ImportOptions first = first_pass(plan, options, headers, unplaced);
      std::map<std::string, std::string> kept =
          keep_as_custom_fields(session_, plan, preset.name, path, unplaced, first);
      const std::string kind(record_kind_name(plan.kind));
      result.files.push_back({name, kind, 1, read_file(path, first), std::move(kept)});
      if (!present(plan.then, headers).empty())
        result.files.push_back({name, kind, 2, read_file(path, second_pass(plan, options, headers, first)), {}});
    }
  }
  if (result.files.empty()) {
    std::string wanted;
    for (const OrgFilePlan& plan : preset.files) wanted += (wanted.empty() ? "" : ", ") + plan.file;
    std::string folders;
    for (const auto& entry : fs::directory_iterator(directory))
      if (entry.is_directory()) folders += (folders.empty() ? "" : ", ") + entry.path().filename().string() + "/";
    throw Error(ErrorCode::not_found,
                "import_org: no file in '" + directory + "' is one the " + preset.name + " preset reads (" + wanted +
                    ")" + (folders.empty() ? "" : "; its folders: " + folders + " (give the one holding the files)"),
                "directory");
  }
  for (const auto& [key, name] : files)
    if (!used.count(key)) result.unused_files.push_back(name);
  return result;
}

}  // namespace crm
