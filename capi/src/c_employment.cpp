// Employment history through the C ABI.
#include "c_records.hpp"

using namespace crm::capi;

namespace {

crm_status give(crm::Employment employment, crm_employment** out) {
  if (out) *out = new crm_employment{std::move(employment), {}};
  return CRM_OK;
}

std::optional<crm::Date> optional_date(const char* text) {
  if (!text || !*text) return std::nullopt;
  return crm::parse_date(text);
}

}  // namespace

extern "C" {

void crm_employment_free(crm_employment* employment) { delete employment; }

crm_status crm_employment_id(const crm_employment* employment, int64_t* out_id) {
  CRM_REQUIRE(employment);
  CRM_REQUIRE(out_id);
  *out_id = employment->record.id.value();
  return CRM_OK;
}

crm_status crm_employment_contact(const crm_employment* employment, int64_t* out_contact_id) {
  CRM_REQUIRE(employment);
  CRM_REQUIRE(out_contact_id);
  *out_contact_id = employment->record.contact.value();
  return CRM_OK;
}

crm_status crm_employment_account(const crm_employment* employment, int64_t* out_account_id) {
  CRM_REQUIRE(employment);
  CRM_REQUIRE(out_account_id);
  *out_account_id = employment->record.account.value();
  return CRM_OK;
}

crm_status crm_employment_get_field(const crm_employment* employment, const char* field, const char** out_value) {
  CRM_REQUIRE(employment);
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_value);
  return guard([&] {
    const crm::Employment& e = employment->record;
    const std::string name = field;
    if (name == "title") {
      *out_value = e.title.c_str();
    } else if (name == "started_on" || name == "ended_on") {
      const auto& date = name == "started_on" ? e.started_on : e.ended_on;
      *out_value = employment->formatted.keep(name, date ? crm::format_date(*date) : "");
    } else {
      return fail(CRM_INVALID_ARGUMENT,
                  "crm_employment_get_field: '" + name + "' is not a field; fields: title, started_on, ended_on",
                  name);
    }
    return CRM_OK;
  });
}

crm_status crm_employment_start(crm_db* db, int64_t contact_id, int64_t account_id, const char* title,
                                const char* started_on, crm_employment** out_employment) {
  if (out_employment) *out_employment = nullptr;
  CRM_WITH_DB(db, {
    return give(database.employments().start(crm::ContactId(contact_id), crm::AccountId(account_id), text(title),
                                             optional_date(started_on)),
                out_employment);
  });
}

crm_status crm_employment_end(crm_db* db, int64_t employment_id, const char* ended_on,
                              crm_employment** out_employment) {
  if (out_employment) *out_employment = nullptr;
  CRM_REQUIRE(ended_on);
  CRM_WITH_DB(db, {
    return give(database.employments().end(crm::EmploymentId(employment_id), crm::parse_date(ended_on)),
                out_employment);
  });
}

crm_status crm_employment_move(crm_db* db, int64_t contact_id, int64_t account_id, const char* title, const char* on,
                               crm_employment** out_employment) {
  if (out_employment) *out_employment = nullptr;
  CRM_REQUIRE(on);
  CRM_WITH_DB(db, {
    return give(database.employments().move(crm::ContactId(contact_id), crm::AccountId(account_id), text(title),
                                            crm::parse_date(on)),
                out_employment);
  });
}

crm_status crm_employment_get(crm_db* db, int64_t employment_id, crm_employment** out_employment) {
  CRM_REQUIRE(out_employment);
  *out_employment = nullptr;
  CRM_WITH_DB(db, { return give(database.employments().get(crm::EmploymentId(employment_id)), out_employment); });
}

crm_status crm_employment_history(crm_db* db, int64_t contact_id, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_employment>(db, database.employments().history(crm::ContactId(contact_id)));
    return CRM_OK;
  });
}

crm_status crm_employment_of_account(crm_db* db, int64_t account_id, int current_only, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_employment>(
        db, database.employments().of_account(crm::AccountId(account_id), current_only != 0));
    return CRM_OK;
  });
}

crm_status crm_cursor_employment(const crm_cursor* cursor, const crm_employment** out_employment) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_employment);
  return cursor_record(cursor, out_employment, __func__);
}

}  // extern "C"
