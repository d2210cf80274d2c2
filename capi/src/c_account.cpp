// Accounts through the C ABI.
#include "c_custom.hpp"
#include "c_fields.hpp"

using namespace crm::capi;
using crm::Account;

namespace {

// Hands `account` out through an optional out-parameter.
crm_status give(crm::Account account, crm_account** out) {
  if (out) *out = new crm_account{std::move(account), {}};
  return CRM_OK;
}

}  // namespace

extern "C" {

crm_status crm_account_new(crm_account** out_account) {
  CRM_REQUIRE(out_account);
  *out_account = nullptr;
  return guard([&] { return give({}, out_account); });
}

void crm_account_free(crm_account* account) { delete account; }

crm_status crm_account_set(crm_account* account, const char* field, const char* value) {
  return set_described(account, field, value, __func__);
}

crm_status crm_account_get_field(const crm_account* account, const char* field, const char** out_value) {
  return get_described(account, field, out_value, __func__);
}

crm_status crm_account_id(const crm_account* account, int64_t* out_id) {
  CRM_REQUIRE(account);
  CRM_REQUIRE(out_id);
  *out_id = account->record.id.value();
  return CRM_OK;
}

crm_status crm_account_version(const crm_account* account, int64_t* out_version) {
  CRM_REQUIRE(account);
  CRM_REQUIRE(out_version);
  *out_version = account->record.version;
  return CRM_OK;
}

crm_status crm_account_parent(const crm_account* account, int64_t* out_parent_id) {
  CRM_REQUIRE(account);
  CRM_REQUIRE(out_parent_id);
  *out_parent_id = account->record.parent.value();
  return CRM_OK;
}

crm_status crm_account_set_parent(crm_account* account, int64_t parent_id) {
  CRM_REQUIRE(account);
  account->record.parent = crm::AccountId(parent_id);
  return CRM_OK;
}

CRM_TAG_FUNCTIONS(account)

CRM_CUSTOM_FUNCTIONS(account)

crm_status crm_account_create(crm_db* db, const crm_account* data, crm_account** out_created) {
  if (out_created) *out_created = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, {
    return give(database.accounts().create(typed_record(database, crm::RecordKind::account, data->record)),
                out_created);
  });
}

crm_status crm_account_get(crm_db* db, int64_t id, crm_account** out_account) {
  CRM_REQUIRE(out_account);
  *out_account = nullptr;
  CRM_WITH_DB(db, { return give(database.accounts().get(crm::AccountId(id)), out_account); });
}

crm_status crm_account_update(crm_db* db, const crm_account* account, crm_account** out_updated) {
  if (out_updated) *out_updated = nullptr;
  CRM_REQUIRE(account);
  CRM_WITH_DB(db, {
    return give(database.accounts().update(typed_record(database, crm::RecordKind::account, account->record)),
                out_updated);
  });
}

crm_status crm_account_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.accounts().remove(crm::AccountId(id));
    return CRM_OK;
  });
}

crm_status crm_account_restore(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.accounts().restore(crm::AccountId(id));
    return CRM_OK;
  });
}

crm_status crm_account_purge(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.accounts().purge(crm::AccountId(id));
    return CRM_OK;
  });
}

crm_status crm_account_list(crm_db* db, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    database.accounts();  // checks the schema is usable before a cursor is handed out
    *out_cursor = paging_cursor<crm_account>(db, plain_query(query, "accounts"),
                                             [](crm::Database& d, const crm::ListQuery& q) { return d.accounts().list(q); });
    return CRM_OK;
  });
}

crm_status crm_account_count(crm_db* db, const crm_query* query, int64_t* out_count) {
  CRM_REQUIRE(out_count);
  CRM_WITH_DB(db, {
    *out_count = database.accounts().count(plain_query(query, "accounts"));
    return CRM_OK;
  });
}

crm_status crm_account_find_by_external_ref(crm_db* db, const char* external_ref, crm_account** out_account) {
  CRM_REQUIRE(out_account);
  *out_account = nullptr;
  CRM_REQUIRE(external_ref);
  CRM_WITH_DB(db, {
    auto found = database.accounts().find_by_external_ref(external_ref);
    return found ? give(std::move(*found), out_account) : CRM_OK;
  });
}

crm_status crm_account_find_by_email(crm_db* db, const char* email, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(email);
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_account>(db, database.accounts().find_by_email(email));
    return CRM_OK;
  });
}

crm_status crm_account_find_by_phone(crm_db* db, const char* phone, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(phone);
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_account>(db, database.accounts().find_by_phone(phone));
    return CRM_OK;
  });
}

crm_status crm_account_subsidiaries(crm_db* db, int64_t parent_id, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_account>(db, database.accounts().subsidiaries(crm::AccountId(parent_id)));
    return CRM_OK;
  });
}

crm_status crm_cursor_account(const crm_cursor* cursor, const crm_account** out_account) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_account);
  return cursor_record(cursor, out_account, __func__);
}

}  // extern "C"
