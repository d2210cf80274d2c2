// Leads and their conversion through the C ABI.
#include "c_custom.hpp"
#include "c_fields.hpp"

using namespace crm::capi;
using crm::Lead;

namespace {

crm_status give(crm::Lead lead, crm_lead** out) {
  if (out) *out = new crm_lead{std::move(lead), {}};
  return CRM_OK;
}

}  // namespace

extern "C" {

crm_status crm_lead_new(crm_lead** out_lead) {
  CRM_REQUIRE(out_lead);
  *out_lead = nullptr;
  return guard([&] { return give({}, out_lead); });
}

void crm_lead_free(crm_lead* lead) { delete lead; }

crm_status crm_lead_set(crm_lead* lead, const char* field, const char* value) {
  return set_described(lead, field, value, __func__);
}

crm_status crm_lead_get_field(const crm_lead* lead, const char* field, const char** out_value) {
  return get_described(lead, field, out_value, __func__);
}

crm_status crm_lead_get_int(const crm_lead* lead, const char* field, int64_t* out_value) {
  return get_described_int(lead, field, out_value, __func__);
}

CRM_TAG_FUNCTIONS(lead)

CRM_CUSTOM_FUNCTIONS(lead)

crm_status crm_lead_create(crm_db* db, const crm_lead* data, crm_lead** out_created) {
  if (out_created) *out_created = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, {
    return give(database.leads().create(typed_record(database, crm::RecordKind::lead, data->record)),
                out_created);
  });
}

crm_status crm_lead_get(crm_db* db, int64_t id, crm_lead** out_lead) {
  CRM_REQUIRE(out_lead);
  *out_lead = nullptr;
  CRM_WITH_DB(db, { return give(database.leads().get(crm::LeadId(id)), out_lead); });
}

crm_status crm_lead_update(crm_db* db, const crm_lead* lead, crm_lead** out_updated) {
  if (out_updated) *out_updated = nullptr;
  CRM_REQUIRE(lead);
  CRM_WITH_DB(db, {
    return give(database.leads().update(typed_record(database, crm::RecordKind::lead, lead->record)),
                out_updated);
  });
}

crm_status crm_lead_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.leads().remove(crm::LeadId(id));
    return CRM_OK;
  });
}

crm_status crm_lead_restore(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.leads().restore(crm::LeadId(id));
    return CRM_OK;
  });
}

crm_status crm_lead_purge(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.leads().purge(crm::LeadId(id));
    return CRM_OK;
  });
}

crm_status crm_lead_list(crm_db* db, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    const crm::ListQuery list = plain_query(query, "leads");
    database.leads();  // checks the schema is usable before a cursor is handed out
    *out_cursor = paging_cursor<crm_lead>(db, list,
                                          [](crm::Database& d, const crm::ListQuery& q) { return d.leads().list(q); });
    return CRM_OK;
  });
}

crm_status crm_lead_count(crm_db* db, const crm_query* query, int64_t* out_count) {
  CRM_REQUIRE(out_count);
  CRM_WITH_DB(db, {
    *out_count = database.leads().count(plain_query(query, "leads"));
    return CRM_OK;
  });
}

crm_status crm_lead_find_by_external_ref(crm_db* db, const char* external_ref, crm_lead** out_lead) {
  CRM_REQUIRE(out_lead);
  *out_lead = nullptr;
  CRM_REQUIRE(external_ref);
  CRM_WITH_DB(db, {
    auto found = database.leads().find_by_external_ref(external_ref);
    return found ? give(std::move(*found), out_lead) : CRM_OK;
  });
}

crm_status crm_lead_find_by_email(crm_db* db, const char* email, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(email);
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_lead>(db, database.leads().find_by_email(email));
    return CRM_OK;
  });
}

crm_status crm_lead_find_by_phone(crm_db* db, const char* phone, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(phone);
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_lead>(db, database.leads().find_by_phone(phone));
    return CRM_OK;
  });
}

crm_status crm_cursor_lead(const crm_cursor* cursor, const crm_lead** out_lead) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_lead);
  return cursor_record(cursor, out_lead, __func__);
}

crm_status crm_lead_convert(crm_db* db, int64_t lead_id, int64_t account_id, const crm_account* new_account,
                            int64_t contact_id, const crm_contact* new_contact, const crm_opportunity* opportunity,
                            int64_t* out_account_id, int64_t* out_contact_id, int64_t* out_opportunity_id) {
  CRM_WITH_DB(db, {
    crm::LeadConversion how;
    how.account = crm::AccountId(account_id);
    if (new_account)
      how.new_account =
          static_cast<crm::AccountData>(typed_record(database, crm::RecordKind::account, new_account->record).get());
    how.contact = crm::ContactId(contact_id);
    if (new_contact)
      how.new_contact =
          static_cast<crm::ContactData>(typed_record(database, crm::RecordKind::contact, new_contact->record).get());
    if (opportunity)
      how.opportunity =
          static_cast<crm::OpportunityData>(typed_record(database, crm::RecordKind::opportunity, opportunity->record).get());
    const crm::LeadConversionResult result = database.leads().convert(crm::LeadId(lead_id), how);
    if (out_account_id) *out_account_id = result.account.id.value();
    if (out_contact_id) *out_contact_id = result.contact.id.value();
    if (out_opportunity_id) *out_opportunity_id = result.opportunity ? result.opportunity->id.value() : 0;
    return CRM_OK;
  });
}

}  // extern "C"
