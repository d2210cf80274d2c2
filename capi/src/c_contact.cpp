// Contacts through the C ABI.
#include "c_custom.hpp"
#include "c_fields.hpp"

using namespace crm::capi;
using crm::Contact;

namespace {

crm_status give(crm::Contact contact, crm_contact** out) {
  if (out) *out = new crm_contact{std::move(contact), {}};
  return CRM_OK;
}

std::optional<crm::ConsentChannel> channel_of(const crm_channel& channel) {
  const int value = c_enum_value(channel);
  if (value < CRM_CHANNEL_EMAIL || value > CRM_CHANNEL_POST) return std::nullopt;
  return static_cast<crm::ConsentChannel>(value);
}

crm_status bad_channel(const char* function, const crm_channel& channel) {
  return fail_with(CRM_INVALID_ARGUMENT,
                   [&] { return std::string(function) + ": " + std::to_string(c_enum_value(channel)) + " is not a channel"; },
                   "channel");
}

}  // namespace

extern "C" {

crm_status crm_contact_new(crm_contact** out_contact) {
  CRM_REQUIRE(out_contact);
  *out_contact = nullptr;
  return guard([&] { return give({}, out_contact); });
}

void crm_contact_free(crm_contact* contact) { delete contact; }

crm_status crm_contact_set(crm_contact* contact, const char* field, const char* value) {
  return set_described(contact, field, value, __func__);
}

crm_status crm_contact_get_field(const crm_contact* contact, const char* field, const char** out_value) {
  return get_described(contact, field, out_value, __func__);
}

crm_status crm_contact_id(const crm_contact* contact, int64_t* out_id) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(out_id);
  *out_id = contact->record.id.value();
  return CRM_OK;
}

crm_status crm_contact_version(const crm_contact* contact, int64_t* out_version) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(out_version);
  *out_version = contact->record.version;
  return CRM_OK;
}

crm_status crm_contact_account(const crm_contact* contact, int64_t* out_account_id) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(out_account_id);
  *out_account_id = contact->record.account.value();
  return CRM_OK;
}

crm_status crm_contact_set_account(crm_contact* contact, int64_t account_id) {
  CRM_REQUIRE(contact);
  contact->record.account = crm::AccountId(account_id);
  return CRM_OK;
}

crm_status crm_contact_add_email(crm_contact* contact, const char* address, int primary) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(address);
  return guard([&] {
    contact->record.emails.push_back({address, primary != 0});
    return CRM_OK;
  });
}

crm_status crm_contact_clear_emails(crm_contact* contact) {
  CRM_REQUIRE(contact);
  contact->record.emails.clear();
  return CRM_OK;
}

crm_status crm_contact_email_count(const crm_contact* contact, size_t* out_count) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(out_count);
  *out_count = contact->record.emails.size();
  return CRM_OK;
}

crm_status crm_contact_email(const crm_contact* contact, size_t index, const char** out_address, int* out_primary) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(out_address);
  const crm::Email* email = nullptr;
  const crm_status status = element(contact->record.emails, index, &email, __func__);
  if (status != CRM_OK) return status;
  *out_address = email->address.c_str();
  if (out_primary) *out_primary = email->primary ? 1 : 0;
  return CRM_OK;
}

namespace {

// Adds `number` of kind `value` (a crm_phone_kind argument read as its int,
// c_enum_value()) to the contact, kept as written when `unreadable`.
crm_status add_phone(crm_contact* contact, int value, const char* number, bool unreadable, const char* function) {
  if (value < CRM_PHONE_MOBILE || value > CRM_PHONE_OTHER)
    return fail_with(CRM_INVALID_ARGUMENT,
                     [&] { return std::string(function) + ": " + std::to_string(value) + " is not a phone kind"; },
                     "kind");
  return guard([&] {
    contact->record.phones.push_back({static_cast<crm::PhoneKind>(value), number, "", unreadable});
    return CRM_OK;
  });
}

}  // namespace

crm_status crm_contact_add_phone(crm_contact* contact, crm_phone_kind kind, const char* number) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(number);
  return add_phone(contact, c_enum_value(kind), number, false, __func__);
}

crm_status crm_contact_add_phone_as_written(crm_contact* contact, crm_phone_kind kind, const char* number) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(number);
  return add_phone(contact, c_enum_value(kind), number, true, __func__);
}

crm_status crm_contact_phone_unreadable(const crm_contact* contact, size_t index, int* out_unreadable) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(out_unreadable);
  const crm::Phone* phone = nullptr;
  const crm_status status = element(contact->record.phones, index, &phone, __func__);
  if (status != CRM_OK) return status;
  *out_unreadable = phone->unreadable ? 1 : 0;
  return CRM_OK;
}

crm_status crm_contact_clear_phones(crm_contact* contact) {
  CRM_REQUIRE(contact);
  contact->record.phones.clear();
  return CRM_OK;
}

crm_status crm_contact_phone_count(const crm_contact* contact, size_t* out_count) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(out_count);
  *out_count = contact->record.phones.size();
  return CRM_OK;
}

crm_status crm_contact_phone(const crm_contact* contact, size_t index, crm_phone_kind* out_kind, const char** out_raw,
                             const char** out_e164) {
  CRM_REQUIRE(contact);
  const crm::Phone* phone = nullptr;
  const crm_status status = element(contact->record.phones, index, &phone, __func__);
  if (status != CRM_OK) return status;
  if (out_kind) *out_kind = static_cast<crm_phone_kind>(phone->kind);
  if (out_raw) *out_raw = phone->raw.c_str();
  if (out_e164) *out_e164 = phone->e164.c_str();
  return CRM_OK;
}

crm_status crm_contact_set_consent(crm_contact* contact, crm_channel channel, int granted, const char* changed_at) {
  CRM_REQUIRE(contact);
  const auto which = channel_of(channel);
  if (!which) return bad_channel(__func__, channel);
  return guard([&] {
    crm::Consent consent{*which, granted != 0, changed_at ? crm::parse_instant(changed_at) : crm::Instant()};
    auto& consents = contact->record.consents;
    std::erase_if(consents, [&](const crm::Consent& c) { return c.channel == *which; });
    consents.push_back(consent);
    contact->formatted.values.clear();
    return CRM_OK;
  });
}

crm_status crm_contact_clear_consents(crm_contact* contact) {
  CRM_REQUIRE(contact);
  contact->record.consents.clear();
  contact->formatted.values.clear();
  return CRM_OK;
}

crm_status crm_contact_consent(const crm_contact* contact, crm_channel channel, int* out_granted,
                               const char** out_changed_at) {
  CRM_REQUIRE(contact);
  CRM_REQUIRE(out_granted);
  const auto which = channel_of(channel);
  if (!which) return bad_channel(__func__, channel);
  return guard([&] {
    for (const crm::Consent& consent : contact->record.consents) {
      if (consent.channel != *which) continue;
      *out_granted = consent.granted ? 1 : 0;
      if (out_changed_at) {
        const std::string key = "consent." + std::string(crm::consent_channel_name(*which));
        *out_changed_at =
            contact->formatted.keep(key, consent.changed_at.is_special() ? "" : crm::format_instant(consent.changed_at));
      }
      return CRM_OK;
    }
    return fail(CRM_NOT_FOUND,
                "consent: no answer recorded for channel '" + std::string(crm::consent_channel_name(*which)) + "'",
                "channel");
  });
}

CRM_TAG_FUNCTIONS(contact)

CRM_CUSTOM_FUNCTIONS(contact)

crm_status crm_contact_create(crm_db* db, const crm_contact* data, crm_contact** out_created) {
  if (out_created) *out_created = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, {
    return give(database.contacts().create(typed_record(database, crm::RecordKind::contact, data->record)),
                out_created);
  });
}

crm_status crm_contact_get(crm_db* db, int64_t id, crm_contact** out_contact) {
  CRM_REQUIRE(out_contact);
  *out_contact = nullptr;
  CRM_WITH_DB(db, { return give(database.contacts().get(crm::ContactId(id)), out_contact); });
}

crm_status crm_contact_update(crm_db* db, const crm_contact* contact, crm_contact** out_updated) {
  if (out_updated) *out_updated = nullptr;
  CRM_REQUIRE(contact);
  CRM_WITH_DB(db, {
    return give(database.contacts().update(typed_record(database, crm::RecordKind::contact, contact->record)),
                out_updated);
  });
}

crm_status crm_contact_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.contacts().remove(crm::ContactId(id));
    return CRM_OK;
  });
}

crm_status crm_contact_restore(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.contacts().restore(crm::ContactId(id));
    return CRM_OK;
  });
}

crm_status crm_contact_purge(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.contacts().purge(crm::ContactId(id));
    return CRM_OK;
  });
}

crm_status crm_contact_list(crm_db* db, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    database.contacts();  // checks the schema is usable before a cursor is handed out
    *out_cursor = paging_cursor<crm_contact>(db, plain_query(query, "contacts"),
                                             [](crm::Database& d, const crm::ListQuery& q) { return d.contacts().list(q); });
    return CRM_OK;
  });
}

crm_status crm_contact_count(crm_db* db, const crm_query* query, int64_t* out_count) {
  CRM_REQUIRE(out_count);
  CRM_WITH_DB(db, {
    *out_count = database.contacts().count(plain_query(query, "contacts"));
    return CRM_OK;
  });
}

crm_status crm_contact_find_by_external_ref(crm_db* db, const char* external_ref, crm_contact** out_contact) {
  CRM_REQUIRE(out_contact);
  *out_contact = nullptr;
  CRM_REQUIRE(external_ref);
  CRM_WITH_DB(db, {
    auto found = database.contacts().find_by_external_ref(external_ref);
    return found ? give(std::move(*found), out_contact) : CRM_OK;
  });
}

crm_status crm_contact_find_by_email(crm_db* db, const char* email, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(email);
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_contact>(db, database.contacts().find_by_email(email));
    return CRM_OK;
  });
}

crm_status crm_contact_find_by_phone(crm_db* db, const char* phone, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(phone);
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_contact>(db, database.contacts().find_by_phone(phone));
    return CRM_OK;
  });
}

crm_status crm_cursor_contact(const crm_cursor* cursor, const crm_contact** out_contact) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_contact);
  return cursor_record(cursor, out_contact, __func__);
}

}  // extern "C"
