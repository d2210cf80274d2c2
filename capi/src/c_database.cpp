// Options, opening and closing, transactions, backup and checks.
#include "c_handles.hpp"

using namespace crm::capi;

void crm::capi::release_if_freed_in_callback(crm_db* db) noexcept {
  if (db && db->state->free_after_call) {
    crm_db_close(db);
    delete db;
  }
}

extern "C" {

crm_status crm_options_new(crm_options** out_options) {
  CRM_REQUIRE(out_options);
  *out_options = nullptr;
  return guard([&] {
    *out_options = new crm_options();
    return CRM_OK;
  });
}

void crm_options_free(crm_options* options) { delete options; }

crm_status crm_options_set_default_region(crm_options* options, const char* region) {
  CRM_REQUIRE(options);
  return guard([&] {
    options->options.default_region = text(region);
    return CRM_OK;
  });
}

crm_status crm_options_set_user(crm_options* options, const char* user) {
  CRM_REQUIRE(options);
  return guard([&] {
    require_utf8(user, "user");  // Database::open() takes OpenOptions::user as it is
    options->options.user = text(user);
    return CRM_OK;
  });
}

crm_status crm_options_set_origin(crm_options* options, const char* origin) {
  CRM_REQUIRE(options);
  return guard([&] {
    require_utf8(origin, "origin");
    options->options.origin = text(origin);
    return CRM_OK;
  });
}

crm_status crm_options_set_busy_timeout(crm_options* options, int milliseconds) {
  CRM_REQUIRE(options);
  if (milliseconds < 0)
    return fail_with(CRM_INVALID_ARGUMENT, [&] { return "busy_timeout: " + std::to_string(milliseconds) + " is negative"; },
                     "busy_timeout");
  options->options.busy_timeout = std::chrono::milliseconds(milliseconds);
  return CRM_OK;
}

crm_status crm_options_set_synchronous(crm_options* options, crm_synchronous mode) {
  CRM_REQUIRE(options);
  const int value = c_enum_value(mode);
  switch (value) {
    case CRM_SYNCHRONOUS_FULL: options->options.synchronous = crm::Synchronous::full; return CRM_OK;
    case CRM_SYNCHRONOUS_NORMAL: options->options.synchronous = crm::Synchronous::normal; return CRM_OK;
    case CRM_SYNCHRONOUS_OFF: options->options.synchronous = crm::Synchronous::off; return CRM_OK;
  }
  return fail_with(CRM_INVALID_ARGUMENT,
                   [&] { return "synchronous: " + std::to_string(value) + " is not a mode"; },
                   "synchronous");
}

crm_status crm_options_set_read_only(crm_options* options, int read_only) {
  CRM_REQUIRE(options);
  options->options.read_only = read_only != 0;
  return CRM_OK;
}

crm_status crm_options_set_create(crm_options* options, int create) {
  CRM_REQUIRE(options);
  options->options.create = create != 0;
  return CRM_OK;
}

crm_status crm_options_set_migrate(crm_options* options, int migrate) {
  CRM_REQUIRE(options);
  options->options.migrate = migrate != 0;
  return CRM_OK;
}

crm_status crm_db_open(const char* path, const crm_options* options, crm_db** out_db) {
  CRM_REQUIRE(out_db);
  *out_db = nullptr;
  CRM_REQUIRE(path);
  return guard([&] {
    auto handle = std::make_unique<crm_db>();
    handle->state->db.emplace(crm::Database::open(path, options ? options->options : crm::OpenOptions{}));
    *out_db = handle.release();
    return CRM_OK;
  });
}

crm_status crm_db_open_as(const char* path, const char* login, const crm_options* options, crm_db** out_db) {
  CRM_REQUIRE(out_db);
  *out_db = nullptr;
  CRM_REQUIRE(path);
  CRM_REQUIRE(login);
  return guard([&] {
    crm::OpenOptions opening = options ? options->options : crm::OpenOptions{};
    opening.user = text(login);
    if (opening.user.empty()) return misuse(__func__, "login must not be empty (crm_db_open() opens the system session)");
    auto handle = std::make_unique<crm_db>();
    handle->state->db.emplace(crm::Database::open(path, opening));
    *out_db = handle.release();
    return CRM_OK;
  });
}

crm_status crm_db_as_user(crm_db* db, const char* login, crm_db** out_db) {
  CRM_REQUIRE(out_db);
  *out_db = nullptr;
  CRM_WITH_DB(db, {
    auto handle = std::make_unique<crm_db>();
    handle->state->db.emplace(database.as_user(text(login)));
    *out_db = handle.release();
    return CRM_OK;
  });
}

void crm_db_close(crm_db* db) {
  if (!db) return;
  DbState& state = *db->state;
  if (state.db && state.db->in_callback()) return;  // an operation of db still runs: see crm_import_progress_fn
  while (!state.transactions.empty()) state.transactions.pop_back();  // each rolls back
  state.db.reset();
}

void crm_db_free(crm_db* db) {
  if (!db) return;
  DbState& state = *db->state;
  if (state.db && state.db->in_callback()) {  // the running call still uses it: free it when that returns
    state.free_after_call = true;
    return;
  }
  crm_db_close(db);
  delete db;
}

crm_status crm_db_schema_version(crm_db* db, int* out_version) {
  CRM_REQUIRE(out_version);
  CRM_WITH_DB(db, {
    *out_version = database.schema_version();
    return CRM_OK;
  });
}

int crm_db_latest_schema_version(void) { return crm::Database::latest_schema_version(); }

crm_status crm_db_migrate(crm_db* db) {
  CRM_WITH_DB(db, {
    database.migrate();
    return CRM_OK;
  });
}

crm_status crm_db_backup(crm_db* db, const char* destination) {
  CRM_REQUIRE(destination);
  CRM_WITH_DB(db, {
    database.backup_to(destination);
    return CRM_OK;
  });
}

crm_status crm_db_integrity_check(crm_db* db, char** out_report) {
  CRM_REQUIRE(out_report);
  *out_report = nullptr;
  CRM_WITH_DB(db, {
    std::string report;
    for (const std::string& problem : database.integrity_check()) report += problem + "\n";
    *out_report = owned_copy(report);
    return CRM_OK;
  });
}

crm_status crm_db_begin(crm_db* db) {
  CRM_WITH_DB(db, {
    db->state->transactions.emplace_back(database);
    return CRM_OK;
  });
}

crm_status crm_db_commit(crm_db* db) {
  CRM_REQUIRE(db);
  if (is_closed(db)) return closed(__func__);
  auto& transactions = db->state->transactions;
  if (transactions.empty()) return misuse(__func__, "no transaction is open (call crm_db_begin first)");
  return guard([&] {
    crm::Transaction transaction = std::move(transactions.back());
    transactions.pop_back();
    transaction.commit();  // on failure it rolls back when it goes out of scope
    return CRM_OK;
  });
}

crm_status crm_db_rollback(crm_db* db) {
  CRM_REQUIRE(db);
  if (is_closed(db)) return closed(__func__);
  auto& transactions = db->state->transactions;
  if (transactions.empty()) return misuse(__func__, "no transaction is open (call crm_db_begin first)");
  transactions.back().rollback();
  transactions.pop_back();
  return CRM_OK;
}

crm_status crm_db_now(crm_db* db, char** out_instant) {
  CRM_REQUIRE(out_instant);
  *out_instant = nullptr;
  CRM_WITH_DB(db, {
    *out_instant = owned_copy(crm::format_instant(database.now()));
    return CRM_OK;
  });
}

crm_status crm_db_load_sample_data(crm_db* db, uint64_t seed, int accounts, int contacts, int* out_accounts_created,
                                   int* out_contacts_created) {
  CRM_WITH_DB(db, {
    const crm::SampleSummary summary = crm::load_sample_data(database, {seed, accounts, contacts});
    if (out_accounts_created) *out_accounts_created = summary.accounts_created;
    if (out_contacts_created) *out_contacts_created = summary.contacts_created;
    return CRM_OK;
  });
}

crm_status crm_db_user(crm_db* db, char** out_user) {
  CRM_REQUIRE(out_user);
  *out_user = nullptr;
  CRM_WITH_DB(db, {
    *out_user = owned_copy(database.user());
    return CRM_OK;
  });
}

crm_status crm_db_set_user(crm_db* db, const char* user) {
  CRM_WITH_DB(db, {
    database.set_user(text(user));
    return CRM_OK;
  });
}

crm_status crm_db_origin(crm_db* db, char** out_origin) {
  CRM_REQUIRE(out_origin);
  *out_origin = nullptr;
  CRM_WITH_DB(db, {
    *out_origin = owned_copy(database.origin());
    return CRM_OK;
  });
}

crm_status crm_db_set_origin(crm_db* db, const char* origin) {
  CRM_WITH_DB(db, {
    require_utf8(origin, "origin");
    database.set_origin(text(origin));
    return CRM_OK;
  });
}

}  // extern "C"
