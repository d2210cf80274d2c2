// import DB KIND FILE: brings a CSV file in, with a progress bar on a terminal.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.hpp"

namespace crm::cli {
namespace {

constexpr std::size_t kListedProblems = 20;

// "--map 'Kods=external_ref;Piezīmes='": header=column pairs, ';' between them
// (`option` names the option and `form` the form of a pair in errors).
std::map<std::string, std::string> column_map(const std::string& text, const std::string& option = "map",
                                              const std::string& form = "HEADER=COLUMN") {
  std::map<std::string, std::string> columns;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    const std::string pair = text.substr(start, end - start);
    const std::size_t equals = pair.find('=');
    if (equals == std::string::npos)
      throw Error(ErrorCode::invalid_argument, "--" + option + ": '" + pair + "' is not " + form, option);
    columns[pair.substr(0, equals)] = pair.substr(equals + 1);
    start = end + 1;
  }
  return columns;
}

// "--values 'StageName:Closed Won=Won;StageName:Closed Lost=Lost'": HEADER:FROM=TO
// entries, ';' between them.
std::map<std::string, std::map<std::string, std::string>> value_map(const std::string& text) {
  std::map<std::string, std::map<std::string, std::string>> values;
  for (const auto& [header_from, to] : column_map(text, "values", "HEADER:FROM=TO")) {
    const std::size_t colon = header_from.find(':');
    if (colon == std::string::npos)
      throw Error(ErrorCode::invalid_argument, "--values: '" + header_from + "=" + to + "' is not HEADER:FROM=TO",
                  "values");
    values[header_from.substr(0, colon)][header_from.substr(colon + 1)] = to;
  }
  return values;
}

// A value named by --name, read with `from_name`; invalid_argument listing `choices`.
template <class FromName>
auto named_option(const Arguments& args, const std::string& name, FromName from_name, const char* choices) {
  const std::string text = option(args, name);
  if (auto value = from_name(text)) return *value;
  throw Error(ErrorCode::invalid_argument, "--" + name + ": '" + text + "' is not one of " + choices, name);
}

// Redraws "[#####.....]  45%  450000 rows, 3 refused" on the terminal.
bool draw_progress(const ImportProgress& progress) {
  constexpr int kWidth = 30;
  const double done = progress.total_bytes > 0 ? double(progress.bytes) / double(progress.total_bytes) : 0.0;
  const int filled = static_cast<int>(done * kWidth);
  std::fprintf(stderr, "\r[%s%s] %3d%%  %lld rows, %lld refused", std::string(filled, '#').c_str(),
               std::string(kWidth - filled, '.').c_str(), static_cast<int>(done * 100),
               static_cast<long long>(progress.rows), static_cast<long long>(progress.failed));
  std::fflush(stderr);
  return true;
}

ImportOptions import_options(const Arguments& args) {
  ImportOptions options;
  const std::string& kind = positional(args, 1, "the record kind (account, contact, lead, opportunity, activity)");
  options.kind = record_kind_from_name(kind).value_or(RecordKind::contact);
  if (!record_kind_from_name(kind))
    throw Error(ErrorCode::invalid_argument,
                "'" + kind + "' is not a record kind (account, contact, lead, opportunity, activity)", "kind");
  if (const std::string encoding = option(args, "encoding"); !encoding.empty()) options.encoding = encoding;
  if (const std::string delimiter = option(args, "delimiter"); !delimiter.empty())
    options.delimiter = delimiter == "tab" ? '\t' : delimiter.front();
  options.columns = column_map(option(args, "map"));
  options.values = value_map(option(args, "values"));
  options.compose = column_map(option(args, "compose"), "compose", "COLUMN=TEMPLATE");
  if (!option(args, "upsert").empty()) {
    options.mode = ImportMode::upsert;
    options.key = named_option(args, "upsert", import_key_from_name, "external_ref, email, phone, registration_number");
  }
  if (!option(args, "duplicates").empty())
    options.on_duplicate = named_option(args, "duplicates", duplicate_action_from_name, "ignore, report, skip, merge");
  if (!option(args, "policy").empty())
    options.policy = named_option(args, "policy", cell_policy_from_name, "strict, lenient");
  if (!option(args, "date-order").empty())
    options.date_order = named_option(args, "date-order", date_order_from_name, "detect, day_first, month_first");
  options.create_owners = yes_no_option(args, "create-owners").value_or(true);
  options.dry_run = yes_no_option(args, "dry-run").value_or(false);
  options.all_or_nothing = yes_no_option(args, "all-or-nothing").value_or(false);
  if (::isatty(STDERR_FILENO)) options.progress = draw_progress;
  return options;
}

// The first kListedProblems of `issues` (of `total`), each as "  line N, column "H": message".
void print_issues(const std::vector<ImportIssue>& issues, std::int64_t total, std::string_view label,
                  std::string_view what, std::ostream& out) {
  for (std::size_t i = 0; i < issues.size() && i < kListedProblems; ++i) {
    const ImportIssue& issue = issues[i];
    out << "  " << label << "line " << issue.line
        << (issue.column.empty() ? "" : ", column \"" + issue.column + "\"") << ": " << issue.message << "\n";
  }
  if (total > static_cast<std::int64_t>(kListedProblems))
    out << "  ... and " << total - static_cast<std::int64_t>(kListedProblems) << " more " << what << "\n";
}

void print_result(const ImportResult& result, bool dry_run, std::ostream& out) {
  out << (dry_run ? "Checked " : "Imported ") << result.rows << " rows: " << result.inserted << " inserted, "
      << result.updated << " updated, " << (result.unchanged > 0 ? std::to_string(result.unchanged) + " unchanged, " : "") << result.skipped << " skipped as duplicates, " << result.failed
      << " refused" << (result.warned > 0 ? ", " + std::to_string(result.warned) + " cells left out" : "")
      << ".\n";
  if (!result.ignored_headers.empty()) {
    out << "Ignored columns:";
    for (const std::string& header : result.ignored_headers) out << " \"" << header << "\"";
    out << "\n";
  }
  if (!result.users_created.empty()) {
    out << (dry_run ? "Users it would add for owners:" : "Users added for owners:");
    for (const std::string& login : result.users_created) out << " \"" << login << "\"";
    out << "\n";
  }
  print_issues(result.errors, result.failed, "", "refused rows", out);
  print_issues(result.warnings, result.warned, "warning: ", "cells left out", out);
  for (std::size_t i = 0; i < result.duplicates.size() && i < kListedProblems; ++i) {
    const ImportDuplicate& duplicate = result.duplicates[i];
    out << "  line " << duplicate.line << " looks like record " << duplicate.match.id << " (score "
        << duplicate.match.score << "):";
    for (DuplicateReason reason : duplicate.match.reasons) out << " " << duplicate_reason_name(reason);
    out << " -> " << duplicate_action_name(duplicate.action) << "\n";
  }
  if (dry_run) out << "Dry run: nothing was written.\n";
  else if (!result.committed) out << "Nothing was written (all or nothing).\n";
  else if (result.stopped) out << "Stopped; the rows before were written.\n";
}

}  // namespace

int run_import_org(const Arguments& args) {
  check_options(args, {"from", "policy"});
  const std::string& directory = positional(args, 1, "the export folder");
  OrgImportOptions options;
  if (const std::string from = option(args, "from"); !from.empty()) options.preset = from;
  if (!option(args, "policy").empty())
    options.policy = named_option(args, "policy", cell_policy_from_name, "strict, lenient");
  Database db = open_database(args);
  const OrgImportResult result = db.imports().read_org(directory, options);
  bool refused = false;
  for (const OrgFileResult& file : result.files) {
    std::cout << file.file << " (" << file.kind << (file.pass > 1 ? ", second pass" : "") << "): ";
    print_result(file.result, false, std::cout);
    if (!file.custom_fields.empty()) {
      std::cout << "Kept as custom fields:";
      for (const auto& [header, field] : file.custom_fields)
        std::cout << " \"" << header << "\"" << (header == field ? "" : " -> " + field);
      std::cout << "\n";
    }
    refused = refused || file.result.failed > 0;
  }
  if (!result.unused_files.empty()) {
    std::cout << "Not in the preset:";
    for (const std::string& name : result.unused_files) std::cout << " \"" << name << "\"";
    std::cout << "\n";
  }
  return refused ? 1 : 0;
}

int run_org_preset(const Arguments& args) {
  check_options(args, {});
  std::string names;
  for (const std::string& name : org_preset_names()) names += (names.empty() ? "" : ", ") + name;
  const std::string what = "a preset name (" + names + ")";
  std::cout << org_preset(positional(args, 0, what.c_str()));
  return 0;
}

int run_import(const Arguments& args) {
  check_options(args, {"encoding", "delimiter", "map", "values", "compose", "upsert", "duplicates", "policy", "date-order", "create-owners", "dry-run",
                       "all-or-nothing"});
  const std::string& file = positional(args, 2, "the CSV file");
  const ImportOptions options = import_options(args);
  Database db = open_database(args);
  const ImportResult result = db.imports().read_file(file, options);
  if (options.progress) std::fprintf(stderr, "\n");
  print_result(result, options.dry_run, std::cout);
  return result.failed > 0 || (!result.committed && !options.dry_run) ? 1 : 0;
}

}  // namespace crm::cli
