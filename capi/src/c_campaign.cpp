// Lead sources and marketing campaigns through the C ABI.
#include "c_records.hpp"

using namespace crm::capi;
using crm::Campaign;

namespace {

constexpr TextField<Campaign> kFields[] = {
    {"name", [](Campaign& c) { return &c.name; }, true},
    {"lead_source", [](Campaign& c) { return &c.lead_source; }, true},
    {"owner", [](Campaign& c) { return &c.owner; }, true},
    {"description", [](Campaign& c) { return &c.description; }, true},
};

// The channel named `value` ("" is the default, "other"), or invalid_argument.
crm::CampaignChannel channel_of(const std::string& value) {
  if (value.empty()) return crm::CampaignChannel::other;
  if (const auto channel = crm::campaign_channel_from_name(value)) return *channel;
  throw crm::Error(crm::ErrorCode::invalid_argument,
                   "campaign.channel: '" + value +
                       "' is not a channel (web, email, sms, event, banner, referral, cold_call, social, print, "
                       "partner, other)",
                   "campaign.channel");
}

constexpr ParsedField<Campaign> kParsed[] = {
    {"channel", [](Campaign& c, const std::string& v) { c.channel = channel_of(v); },
     [](const Campaign& c) { return std::string(crm::campaign_channel_name(c.channel)); }},
    {"starts_on", [](Campaign& c, const std::string& v) { c.starts_on = optional_date(v); },
     [](const Campaign& c) { return date_text(c.starts_on); }},
    {"ends_on", [](Campaign& c, const std::string& v) { c.ends_on = optional_date(v); },
     [](const Campaign& c) { return date_text(c.ends_on); }},
};

crm_status give(crm::Campaign campaign, crm_campaign** out) {
  if (out) *out = new crm_campaign{std::move(campaign), {}};
  return CRM_OK;
}

// Lends out an amount: its minor units and its currency, kept under `key`.
crm_status lend_money(const crm_campaign* campaign, const crm::Money& money, const char* key,
                      int64_t* out_minor_units, const char** out_currency) {
  return guard([&] {
    *out_currency = campaign->formatted.keep(key, std::string(money.currency()));
    *out_minor_units = money.minor_units();
    return CRM_OK;
  });
}

}  // namespace

extern "C" {

/* ---- lead sources ---- */

crm_status crm_lead_source_add(crm_db* db, const char* name, int64_t* out_id) {
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    const crm::LeadSource source = database.lead_sources().add(name);
    if (out_id) *out_id = source.id.value();
    return CRM_OK;
  });
}

crm_status crm_lead_source_find(crm_db* db, const char* name, int64_t* out_id) {
  CRM_REQUIRE(name);
  CRM_REQUIRE(out_id);
  CRM_WITH_DB(db, {
    const auto found = database.lead_sources().find(name);
    *out_id = found ? found->id.value() : 0;
    return CRM_OK;
  });
}

crm_status crm_lead_source_get(crm_db* db, int64_t id, char** out_name) {
  CRM_REQUIRE(out_name);
  *out_name = nullptr;
  CRM_WITH_DB(db, {
    *out_name = owned_copy(database.lead_sources().get(crm::LeadSourceId(id)).name);
    return CRM_OK;
  });
}

crm_status crm_lead_source_list(crm_db* db, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<LeadSourceItem>(db, database.lead_sources().list());
    return CRM_OK;
  });
}

crm_status crm_cursor_lead_source(const crm_cursor* cursor, int64_t* out_id, const char** out_name) {
  CRM_REQUIRE(cursor);
  const LeadSourceItem* item = nullptr;
  const crm_status status = cursor_record(cursor, &item, __func__);
  if (status != CRM_OK) return status;
  if (out_id) *out_id = item->record.id.value();
  if (out_name) *out_name = item->record.name.c_str();
  return CRM_OK;
}

crm_status crm_lead_source_rename(crm_db* db, int64_t id, const char* name) {
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    database.lead_sources().rename(crm::LeadSourceId(id), name);
    return CRM_OK;
  });
}

crm_status crm_lead_source_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.lead_sources().remove(crm::LeadSourceId(id));
    return CRM_OK;
  });
}

/* ---- campaign records ---- */

crm_status crm_campaign_new(crm_campaign** out_campaign) {
  CRM_REQUIRE(out_campaign);
  *out_campaign = nullptr;
  return guard([&] { return give({}, out_campaign); });
}

void crm_campaign_free(crm_campaign* campaign) { delete campaign; }

crm_status crm_campaign_set(crm_campaign* campaign, const char* field, const char* value) {
  return set_field<crm_campaign>(campaign, kFields, field, value, __func__, kParsed);
}

crm_status crm_campaign_get_field(const crm_campaign* campaign, const char* field, const char** out_value) {
  return get_field<crm_campaign>(campaign, kFields, field, out_value, __func__, kParsed);
}

crm_status crm_campaign_set_cost(crm_campaign* campaign, int64_t minor_units, const char* currency) {
  CRM_REQUIRE(campaign);
  CRM_REQUIRE(currency);
  return guard([&] {
    campaign->record.cost = crm::Money(minor_units, currency);
    campaign->formatted.values.clear();
    return CRM_OK;
  });
}

crm_status crm_campaign_cost(const crm_campaign* campaign, int64_t* out_minor_units, const char** out_currency) {
  CRM_REQUIRE(campaign);
  CRM_REQUIRE(out_minor_units);
  CRM_REQUIRE(out_currency);
  return lend_money(campaign, campaign->record.cost, "cost_currency", out_minor_units, out_currency);
}

crm_status crm_campaign_set_budget(crm_campaign* campaign, int64_t minor_units, const char* currency) {
  CRM_REQUIRE(campaign);
  return guard([&] {
    std::optional<crm::Money> budget;
    if (currency && *currency) budget = crm::Money(minor_units, currency);
    campaign->record.budget = budget;
    campaign->formatted.values.clear();
    return CRM_OK;
  });
}

crm_status crm_campaign_budget(const crm_campaign* campaign, int* out_has_budget, int64_t* out_minor_units,
                               const char** out_currency) {
  CRM_REQUIRE(campaign);
  CRM_REQUIRE(out_has_budget);
  CRM_REQUIRE(out_minor_units);
  CRM_REQUIRE(out_currency);
  const std::optional<crm::Money>& budget = campaign->record.budget;
  *out_has_budget = budget ? 1 : 0;
  if (budget) return lend_money(campaign, *budget, "budget_currency", out_minor_units, out_currency);
  *out_minor_units = 0;
  *out_currency = "";
  return CRM_OK;
}

crm_status crm_campaign_id(const crm_campaign* campaign, int64_t* out_id) {
  CRM_REQUIRE(campaign);
  CRM_REQUIRE(out_id);
  *out_id = campaign->record.id.value();
  return CRM_OK;
}

crm_status crm_campaign_version(const crm_campaign* campaign, int64_t* out_version) {
  CRM_REQUIRE(campaign);
  CRM_REQUIRE(out_version);
  *out_version = campaign->record.version;
  return CRM_OK;
}

/* ---- stored campaigns ---- */

crm_status crm_campaign_create(crm_db* db, const crm_campaign* data, crm_campaign** out_created) {
  if (out_created) *out_created = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, { return give(database.campaigns().create(data->record), out_created); });
}

crm_status crm_campaign_get(crm_db* db, int64_t id, crm_campaign** out_campaign) {
  CRM_REQUIRE(out_campaign);
  *out_campaign = nullptr;
  CRM_WITH_DB(db, { return give(database.campaigns().get(crm::CampaignId(id)), out_campaign); });
}

crm_status crm_campaign_find(crm_db* db, const char* name, crm_campaign** out_campaign) {
  CRM_REQUIRE(out_campaign);
  *out_campaign = nullptr;
  CRM_REQUIRE(name);
  CRM_WITH_DB(db, {
    auto found = database.campaigns().find(name);
    return found ? give(std::move(*found), out_campaign) : CRM_OK;
  });
}

crm_status crm_campaign_update(crm_db* db, const crm_campaign* campaign, crm_campaign** out_updated) {
  if (out_updated) *out_updated = nullptr;
  CRM_REQUIRE(campaign);
  CRM_WITH_DB(db, { return give(database.campaigns().update(campaign->record), out_updated); });
}

crm_status crm_campaign_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.campaigns().remove(crm::CampaignId(id));
    return CRM_OK;
  });
}

crm_status crm_campaign_list(crm_db* db, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_campaign>(db, database.campaigns().list());
    return CRM_OK;
  });
}

crm_status crm_cursor_campaign(const crm_cursor* cursor, const crm_campaign** out_campaign) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_campaign);
  return cursor_record(cursor, out_campaign, __func__);
}

}  // extern "C"
