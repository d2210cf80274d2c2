// The base currency, the dated exchange rates and conversion through the C ABI.
#include "c_records.hpp"

using namespace crm::capi;

namespace crm::capi {

crm_status rate_parts(const RateItem& rate, const char** out_from, const char** out_to, const char** out_valid_from,
                      const char** out_rate) noexcept {
  return guard([&] {
    if (out_valid_from) *out_valid_from = rate.formatted.keep("valid_from", crm::format_date(rate.record.valid_from));
    if (out_from) *out_from = rate.record.from.c_str();
    if (out_to) *out_to = rate.record.to.c_str();
    if (out_rate) *out_rate = rate.record.rate.c_str();
    return CRM_OK;
  });
}

}  // namespace crm::capi

namespace {

// Text for the caller, freed again unless released to them.
using Owned = std::unique_ptr<char, void (*)(void*)>;

// A crm_free()-able copy of `text` when `wanted`, else NULL.
Owned owned_if(bool wanted, const std::string& text) { return Owned(wanted ? owned_copy(text) : nullptr, crm_free); }

}  // namespace

extern "C" {

crm_status crm_currency_base(crm_db* db, char** out_currency) {
  CRM_REQUIRE(out_currency);
  *out_currency = nullptr;
  CRM_WITH_DB(db, {
    *out_currency = owned_copy(database.currencies().base());
    return CRM_OK;
  });
}

crm_status crm_currency_set_base(crm_db* db, const char* currency) {
  CRM_REQUIRE(currency);
  CRM_WITH_DB(db, {
    database.currencies().set_base(currency);
    return CRM_OK;
  });
}

crm_status crm_exchange_rate_set(crm_db* db, const char* from, const char* to, const char* valid_from,
                                 const char* rate) {
  CRM_REQUIRE(from);
  CRM_REQUIRE(to);
  CRM_REQUIRE(valid_from);
  CRM_REQUIRE(rate);
  CRM_WITH_DB(db, {
    database.currencies().set_rate(from, to, crm::parse_date(valid_from), rate);
    return CRM_OK;
  });
}

crm_status crm_exchange_rate_remove(crm_db* db, const char* from, const char* to, const char* valid_from) {
  CRM_REQUIRE(from);
  CRM_REQUIRE(to);
  CRM_REQUIRE(valid_from);
  CRM_WITH_DB(db, {
    database.currencies().remove_rate(from, to, crm::parse_date(valid_from));
    return CRM_OK;
  });
}

crm_status crm_exchange_rate_get(crm_db* db, const char* from, const char* to, const char* day,
                                 char** out_valid_from, char** out_rate) {
  if (out_valid_from) *out_valid_from = nullptr;
  if (out_rate) *out_rate = nullptr;
  CRM_REQUIRE(from);
  CRM_REQUIRE(to);
  CRM_REQUIRE(day);
  CRM_WITH_DB(db, {
    const crm::ExchangeRate rate = database.currencies().rate(from, to, crm::parse_date(day));
    Owned valid_from = owned_if(out_valid_from != nullptr, crm::format_date(rate.valid_from));
    Owned decimal = owned_if(out_rate != nullptr, rate.rate);
    if (out_valid_from) *out_valid_from = valid_from.release();
    if (out_rate) *out_rate = decimal.release();
    return CRM_OK;
  });
}

crm_status crm_exchange_rate_list(crm_db* db, const char* from, const char* to, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<RateItem>(db, database.currencies().rates(text(from), text(to)));
    return CRM_OK;
  });
}

crm_status crm_cursor_exchange_rate(const crm_cursor* cursor, const char** out_from, const char** out_to,
                                    const char** out_valid_from, const char** out_rate) {
  CRM_REQUIRE(cursor);
  const RateItem* item = nullptr;
  const crm_status status = cursor_record(cursor, &item, __func__);
  if (status != CRM_OK) return status;
  return rate_parts(*item, out_from, out_to, out_valid_from, out_rate);
}

crm_status crm_money_convert(crm_db* db, int64_t minor_units, const char* currency, const char* to, const char* day,
                             int64_t* out_minor_units) {
  CRM_REQUIRE(currency);
  CRM_REQUIRE(to);
  CRM_REQUIRE(day);
  CRM_REQUIRE(out_minor_units);
  CRM_WITH_DB(db, {
    const crm::Money amount(minor_units, currency);
    *out_minor_units = database.currencies().convert(amount, to, crm::parse_date(day)).minor_units();
    return CRM_OK;
  });
}

}  // extern "C"
