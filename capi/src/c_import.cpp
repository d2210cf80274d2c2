// CSV imports through the C ABI: an options handle filled by setters, the
// import itself, and a result handle read by accessors.
#include <sstream>
#include <utility>
#include <vector>

#include "c_handles.hpp"
#include "c_records.hpp"

using namespace crm::capi;

/// What crm_import_options_new() makes: the C++ options plus the C callback.
struct crm_import_options {
  crm::ImportOptions options;
  crm_import_progress_fn progress = nullptr;
  void* progress_data = nullptr;
  void (*free_progress_data)(void*) = nullptr;

  crm_import_options() = default;
  crm_import_options(const crm_import_options&) = delete;
  crm_import_options& operator=(const crm_import_options&) = delete;
  ~crm_import_options() { release_progress_data(); }

  /// Hands user_data back to its owner's destructor, if it gave one.
  void release_progress_data() noexcept {
    if (free_progress_data) free_progress_data(progress_data);
    free_progress_data = nullptr;
    progress_data = nullptr;
  }
};

/// What an import returns: the C++ result, its mapping (sorted by header)
/// for reading by index, and the callback's stop value.
struct crm_import_result {
  crm::ImportResult result;
  std::vector<std::pair<std::string, std::string>> mapping;
  int stop_value = 0;
};

/// What crm_import_org() returns: one import result per file and pass.
struct crm_org_import_result {
  std::vector<crm::OrgFileResult> files;
  std::vector<crm_import_result> results;  // results[i] is files[i].result, readable by index
  std::vector<std::string> unused_files;
};

namespace {

// Parses a name with `from_name`, or invalid_argument naming `field` and the choices.
template <class FromName>
auto named(const char* name, FromName from_name, const char* field, const char* choices) {
  require_utf8(name, field);
  auto value = from_name(name);
  if (!value)
    throw crm::Error(crm::ErrorCode::invalid_argument,
                     std::string(field) + ": '" + name + "' is not one of " + choices, field);
  return *value;
}

// The C++ options for one run: the C callback wrapped, its stop value kept.
crm::ImportOptions run_options(const crm_import_options* options, crm_import_result& result) {
  crm::ImportOptions run = options->options;
  if (options->progress) {
    run.progress = [options, &result](const crm::ImportProgress& p) {
      result.stop_value = options->progress(p.rows, p.bytes, p.total_bytes, p.imported, p.failed, options->progress_data);
      return result.stop_value == 0;
    };
  }
  return run;
}

// Runs `import` (a function of the database and the run's options) into a new result handle.
template <class Import>
crm_status import_into(crm_db* db, const crm_import_options* options, crm_import_result** out_result, Import import) {
  CRM_WITH_DB(db, {
    auto result = std::make_unique<crm_import_result>();
    result->result = import(database, run_options(options, *result));
    result->mapping.assign(result->result.mapping.begin(), result->result.mapping.end());
    *out_result = result.release();
    return CRM_OK;
  });
}

// import_into(), then frees db when the progress callback asked for that.
template <class Import>
crm_status run_import(crm_db* db, const crm_import_options* options, crm_import_result** out_result, Import import) {
  const crm_status status = import_into(db, options, out_result, import);
  release_if_freed_in_callback(db);
  return status;
}

// Issue `index` of `issues` (errors or warnings) into the out pointers, any of them NULL.
crm_status read_issue(const std::vector<crm::ImportIssue>& issues, size_t index, const char* what,
                      int64_t* out_line, const char** out_column, const char** out_message) {
  if (index >= issues.size())
    return fail(CRM_INVALID_ARGUMENT, "index: " + std::to_string(index) + " is past the last " + what, "index");
  const crm::ImportIssue& issue = issues[index];
  if (out_line) *out_line = issue.line;
  if (out_column) *out_column = issue.column.c_str();
  if (out_message) *out_message = issue.message.c_str();
  return CRM_OK;
}

// Lends out item `index` of `list`; invalid_argument past its end, naming `what`.
crm_status listed_text(const std::vector<std::string>& list, size_t index, const std::string& what,
                       const char** out_text) {
  if (index >= list.size())
    return fail(CRM_INVALID_ARGUMENT, "index: " + std::to_string(index) + " is past the last " + what, "index");
  *out_text = list[index].c_str();
  return CRM_OK;
}

}  // namespace

extern "C" {

crm_status crm_import_options_new(const char* record_kind, crm_import_options** out_options) {
  CRM_REQUIRE(out_options);
  *out_options = nullptr;
  CRM_REQUIRE(record_kind);
  return guard([&] {
    auto options = std::make_unique<crm_import_options>();
    options->options.kind = record_kind_of(record_kind);
    *out_options = options.release();
    return CRM_OK;
  });
}

void crm_import_options_free(crm_import_options* options) { delete options; }

crm_status crm_import_options_set_encoding(crm_import_options* options, const char* encoding) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(encoding);
  return guard([&] {
    require_utf8(encoding, "encoding");
    options->options.encoding = encoding;
    return CRM_OK;
  });
}

crm_status crm_import_options_set_delimiter(crm_import_options* options, char delimiter) {
  CRM_REQUIRE(options);
  if (delimiter != 0 && delimiter != ',' && delimiter != ';' && delimiter != '\t')
    return fail(CRM_INVALID_ARGUMENT, "delimiter: not ',', ';', a tab or 0 (detect)", "delimiter");
  options->options.delimiter = delimiter;
  return CRM_OK;
}

crm_status crm_import_options_map_column(crm_import_options* options, const char* header, const char* column) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(header);
  CRM_REQUIRE(column);
  return guard([&] {
    require_utf8(header, "header");
    require_utf8(column, "column");
    options->options.columns[header] = column;
    return CRM_OK;
  });
}

crm_status crm_import_options_set_mode(crm_import_options* options, const char* mode, const char* key) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(mode);
  return guard([&] {
    const crm::ImportMode parsed_mode = named(mode, crm::import_mode_from_name, "mode", "insert, upsert");
    const crm::ImportKey parsed_key =
        key ? named(key, crm::import_key_from_name, "key", "external_ref, email, phone, registration_number")
            : options->options.key;
    options->options.mode = parsed_mode;
    options->options.key = parsed_key;
    return CRM_OK;
  });
}

crm_status crm_import_options_set_on_duplicate(crm_import_options* options, const char* action) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(action);
  return guard([&] {
    options->options.on_duplicate =
        named(action, crm::duplicate_action_from_name, "on_duplicate", "ignore, report, skip, merge");
    return CRM_OK;
  });
}

crm_status crm_import_options_compose(crm_import_options* options, const char* column, const char* template_text) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(column);
  CRM_REQUIRE(template_text);
  return guard([&] {
    require_utf8(column, "column");
    require_utf8(template_text, "template_text");
    options->options.compose[column] = template_text;
    return CRM_OK;
  });
}

crm_status crm_import_options_map_value(crm_import_options* options, const char* header, const char* from,
                                        const char* to) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(header);
  CRM_REQUIRE(from);
  CRM_REQUIRE(to);
  return guard([&] {
    require_utf8(header, "header");
    require_utf8(from, "from");
    require_utf8(to, "to");
    options->options.values[header][from] = to;
    return CRM_OK;
  });
}

crm_status crm_import_options_set_policy(crm_import_options* options, const char* policy) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(policy);
  return guard([&] {
    options->options.policy = named(policy, crm::cell_policy_from_name, "policy", "strict, lenient");
    return CRM_OK;
  });
}

crm_status crm_import_options_set_date_order(crm_import_options* options, const char* order) {
  CRM_REQUIRE(options);
  CRM_REQUIRE(order);
  return guard([&] {
    options->options.date_order =
        named(order, crm::date_order_from_name, "date_order", "detect, day_first, month_first");
    return CRM_OK;
  });
}

crm_status crm_import_options_set_create_owners(crm_import_options* options, int create_owners) {
  CRM_REQUIRE(options);
  options->options.create_owners = create_owners != 0;
  return CRM_OK;
}

crm_status crm_import_options_set_dry_run(crm_import_options* options, int dry_run) {
  CRM_REQUIRE(options);
  options->options.dry_run = dry_run != 0;
  return CRM_OK;
}

crm_status crm_import_options_set_all_or_nothing(crm_import_options* options, int all_or_nothing) {
  CRM_REQUIRE(options);
  options->options.all_or_nothing = all_or_nothing != 0;
  return CRM_OK;
}

crm_status crm_import_options_set_batch_rows(crm_import_options* options, size_t rows) {
  CRM_REQUIRE(options);
  return guard([&] {
    crm::check_batch_rows(rows);
    options->options.batch_rows = rows;
    return CRM_OK;
  });
}

crm_status crm_import_options_set_progress(crm_import_options* options, crm_import_progress_fn progress,
                                           void* user_data, void (*free_user_data)(void* user_data)) {
  CRM_REQUIRE(options);
  options->release_progress_data();
  options->progress = progress;
  options->progress_data = user_data;
  options->free_progress_data = free_user_data;
  return CRM_OK;
}

crm_status crm_import_file(crm_db* db, const char* path, const crm_import_options* options,
                           crm_import_result** out_result) {
  CRM_REQUIRE(out_result);
  *out_result = nullptr;
  CRM_REQUIRE(path);
  CRM_REQUIRE(options);
  return run_import(db, options, out_result, [path](crm::Database& database, const crm::ImportOptions& run) {
    return database.imports().read_file(path, run);
  });
}

crm_status crm_import_text(crm_db* db, const char* text, size_t size, const crm_import_options* options,
                           crm_import_result** out_result) {
  CRM_REQUIRE(out_result);
  *out_result = nullptr;
  CRM_REQUIRE(text);
  CRM_REQUIRE(options);
  return run_import(db, options, out_result, [text, size](crm::Database& database, const crm::ImportOptions& run) {
    std::istringstream in(std::string(text, size));
    return database.imports().read(in, run);
  });
}

void crm_import_result_free(crm_import_result* result) { delete result; }

crm_status crm_import_org(crm_db* db, const char* directory, const char* preset, const char* policy,
                          crm_org_import_result** out_result) {
  CRM_REQUIRE(out_result);
  *out_result = nullptr;
  CRM_REQUIRE(directory);
  CRM_REQUIRE(preset);
  CRM_WITH_DB(db, {
      require_utf8(directory, "directory");
      require_utf8(preset, "preset");
      crm::OrgImportOptions options;
      options.preset = preset;
      if (policy) options.policy = named(policy, crm::cell_policy_from_name, "policy", "strict, lenient");
      crm::OrgImportResult imported = database.imports().read_org(directory, options);
      auto result = std::make_unique<crm_org_import_result>();
      for (crm::OrgFileResult& file : imported.files) {
        crm_import_result& one = result->results.emplace_back();
        one.result = std::move(file.result);
        one.mapping.assign(one.result.mapping.begin(), one.result.mapping.end());
        result->files.push_back(std::move(file));
      }
      result->unused_files = std::move(imported.unused_files);
      *out_result = result.release();
      return CRM_OK;
    });
}

void crm_org_import_result_free(crm_org_import_result* result) { delete result; }

crm_status crm_org_import_result_file_count(const crm_org_import_result* result, size_t* out_count) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_count);
  *out_count = result->files.size();
  return CRM_OK;
}

crm_status crm_org_import_result_file(const crm_org_import_result* result, size_t index, const char** out_file,
                                      const char** out_kind, int* out_pass,
                                      const crm_import_result** out_file_result) {
  CRM_REQUIRE(result);
  if (index >= result->files.size())
    return fail(CRM_INVALID_ARGUMENT, "index: " + std::to_string(index) + " is past the last file", "index");
  const crm::OrgFileResult& file = result->files[index];
  if (out_file) *out_file = file.file.c_str();
  if (out_kind) *out_kind = file.kind.c_str();
  if (out_pass) *out_pass = file.pass;
  if (out_file_result) *out_file_result = &result->results[index];
  return CRM_OK;
}

crm_status crm_org_import_result_kept_count(const crm_org_import_result* result, size_t index, size_t* out_count) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_count);
  if (index >= result->files.size())
    return fail(CRM_INVALID_ARGUMENT, "index: " + std::to_string(index) + " is past the last file", "index");
  *out_count = result->files[index].custom_fields.size();
  return CRM_OK;
}

crm_status crm_org_import_result_kept(const crm_org_import_result* result, size_t index, size_t kept_index,
                                      const char** out_header, const char** out_field) {
  CRM_REQUIRE(result);
  if (index >= result->files.size())
    return fail(CRM_INVALID_ARGUMENT, "index: " + std::to_string(index) + " is past the last file", "index");
  const std::map<std::string, std::string>& kept = result->files[index].custom_fields;
  if (kept_index >= kept.size())
    return fail(CRM_INVALID_ARGUMENT, "kept_index: " + std::to_string(kept_index) + " is past the last kept header",
                "kept_index");
  const auto entry = std::next(kept.begin(), static_cast<std::ptrdiff_t>(kept_index));
  if (out_header) *out_header = entry->first.c_str();
  if (out_field) *out_field = entry->second.c_str();
  return CRM_OK;
}

crm_status crm_org_import_result_unused_count(const crm_org_import_result* result, size_t* out_count) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_count);
  *out_count = result->unused_files.size();
  return CRM_OK;
}

crm_status crm_org_import_result_unused(const crm_org_import_result* result, size_t index, const char** out_file) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_file);
  if (index >= result->unused_files.size())
    return fail(CRM_INVALID_ARGUMENT, "index: " + std::to_string(index) + " is past the last unused file", "index");
  *out_file = result->unused_files[index].c_str();
  return CRM_OK;
}

crm_status crm_org_preset(const char* name, char** out_text) {
  CRM_REQUIRE(out_text);
  *out_text = nullptr;
  CRM_REQUIRE(name);
  return guard([&] {
    require_utf8(name, "name");
    *out_text = owned_copy(crm::org_preset(name));
    return CRM_OK;
  });
}

crm_status crm_import_result_counts(const crm_import_result* result, int64_t* out_rows, int64_t* out_inserted,
                                    int64_t* out_updated, int64_t* out_skipped, int64_t* out_failed) {
  CRM_REQUIRE(result);
  const crm::ImportResult& r = result->result;
  if (out_rows) *out_rows = r.rows;
  if (out_inserted) *out_inserted = r.inserted;
  if (out_updated) *out_updated = r.updated;
  if (out_skipped) *out_skipped = r.skipped;
  if (out_failed) *out_failed = r.failed;
  return CRM_OK;
}

crm_status crm_import_result_unchanged(const crm_import_result* result, int64_t* out_unchanged) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_unchanged);
  *out_unchanged = result->result.unchanged;
  return CRM_OK;
}

crm_status crm_import_result_outcome(const crm_import_result* result, int* out_committed, int* out_stop_value) {
  CRM_REQUIRE(result);
  if (out_committed) *out_committed = result->result.committed ? 1 : 0;
  if (out_stop_value) *out_stop_value = result->result.stopped ? result->stop_value : 0;
  return CRM_OK;
}

crm_status crm_import_result_error_count(const crm_import_result* result, size_t* out_count) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_count);
  *out_count = result->result.errors.size();
  return CRM_OK;
}

crm_status crm_import_result_error(const crm_import_result* result, size_t index, int64_t* out_line,
                                   const char** out_column, const char** out_message) {
  CRM_REQUIRE(result);
  return read_issue(result->result.errors, index, "error", out_line, out_column, out_message);
}

crm_status crm_import_result_warnings(const crm_import_result* result, size_t* out_count, int64_t* out_total) {
  CRM_REQUIRE(result);
  if (out_count) *out_count = result->result.warnings.size();
  if (out_total) *out_total = result->result.warned;
  return CRM_OK;
}

crm_status crm_import_result_warning(const crm_import_result* result, size_t index, int64_t* out_line,
                                     const char** out_column, const char** out_message) {
  CRM_REQUIRE(result);
  return read_issue(result->result.warnings, index, "warning", out_line, out_column, out_message);
}

crm_status crm_import_result_mapping_count(const crm_import_result* result, size_t* out_count) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_count);
  *out_count = result->mapping.size();
  return CRM_OK;
}

crm_status crm_import_result_mapping(const crm_import_result* result, size_t index, const char** out_header,
                                    const char** out_column) {
  CRM_REQUIRE(result);
  if (index >= result->mapping.size())
    return fail(CRM_INVALID_ARGUMENT, "index: " + std::to_string(index) + " is past the last mapped header", "index");
  if (out_header) *out_header = result->mapping[index].first.c_str();
  if (out_column) *out_column = result->mapping[index].second.c_str();
  return CRM_OK;
}

crm_status crm_import_result_ignored_count(const crm_import_result* result, size_t* out_count) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_count);
  *out_count = result->result.ignored_headers.size();
  return CRM_OK;
}

crm_status crm_import_result_ignored_header(const crm_import_result* result, size_t index, const char** out_header) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_header);
  return listed_text(result->result.ignored_headers, index, "ignored header", out_header);
}

crm_status crm_import_result_users_created_count(const crm_import_result* result, size_t* out_count) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_count);
  *out_count = result->result.users_created.size();
  return CRM_OK;
}

crm_status crm_import_result_user_created(const crm_import_result* result, size_t index, const char** out_login) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_login);
  return listed_text(result->result.users_created, index, "created user", out_login);
}

crm_status crm_import_result_duplicate_count(const crm_import_result* result, size_t* out_count) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_count);
  *out_count = result->result.duplicates.size();
  return CRM_OK;
}

crm_status crm_import_result_duplicate(const crm_import_result* result, size_t index, int64_t* out_line,
                                       int64_t* out_record_id, int* out_score, const char** out_action) {
  CRM_REQUIRE(result);
  if (index >= result->result.duplicates.size())
    return fail(CRM_INVALID_ARGUMENT, "index: " + std::to_string(index) + " is past the last duplicate", "index");
  const crm::ImportDuplicate& duplicate = result->result.duplicates[index];
  if (out_line) *out_line = duplicate.line;
  if (out_record_id) *out_record_id = duplicate.match.id;
  if (out_score) *out_score = duplicate.match.score;
  if (out_action) *out_action = crm::duplicate_action_name(duplicate.action).data();
  return CRM_OK;
}

crm_status crm_import_result_duplicate_reason(const crm_import_result* result, size_t index, size_t reason_index,
                                              const char** out_reason) {
  CRM_REQUIRE(result);
  CRM_REQUIRE(out_reason);
  *out_reason = nullptr;
  if (index >= result->result.duplicates.size())
    return fail(CRM_INVALID_ARGUMENT, "index: " + std::to_string(index) + " is past the last duplicate", "index");
  const std::vector<crm::DuplicateReason>& reasons = result->result.duplicates[index].match.reasons;
  if (reason_index < reasons.size()) *out_reason = crm::duplicate_reason_name(reasons[reason_index]).data();
  return CRM_OK;
}

}  // extern "C"
