// Opportunities (deals) and their stage history through the C ABI.
#include "c_custom.hpp"
#include "c_fields.hpp"

using namespace crm::capi;
using crm::Opportunity;
using crm::StageChange;

namespace {

// Besides the descriptor fields: whether the deal is won or lost.
constexpr IntField<Opportunity> kIntegers[] = {
    {"closed", [](const Opportunity& o) { return static_cast<std::int64_t>(o.closed() ? 1 : 0); }, nullptr},
};

constexpr IntField<StageChange> kChangeIntegers[] = {
    {"id", [](const StageChange& c) { return c.id.value(); }, nullptr},
    {"opportunity", [](const StageChange& c) { return c.opportunity.value(); }, nullptr},
    {"from_stage", [](const StageChange& c) { return c.from.value(); }, nullptr},
    {"to_stage", [](const StageChange& c) { return c.to.value(); }, nullptr},
    {"amount_minor", [](const StageChange& c) { return c.amount.minor_units(); }, nullptr},
    {"probability", [](const StageChange& c) { return static_cast<std::int64_t>(c.probability); }, nullptr},
    {"lost_reason", [](const StageChange& c) { return c.lost_reason.value(); }, nullptr},
};

crm_status give(crm::Opportunity opportunity, crm_opportunity** out) {
  if (out) *out = new crm_opportunity{std::move(opportunity), {}};
  return CRM_OK;
}

}  // namespace

extern "C" {

crm_status crm_opportunity_new(crm_opportunity** out_opportunity) {
  CRM_REQUIRE(out_opportunity);
  *out_opportunity = nullptr;
  return guard([&] { return give({}, out_opportunity); });
}

void crm_opportunity_free(crm_opportunity* opportunity) { delete opportunity; }

crm_status crm_opportunity_set(crm_opportunity* opportunity, const char* field, const char* value) {
  return set_described(opportunity, field, value, __func__);
}

crm_status crm_opportunity_get_field(const crm_opportunity* opportunity, const char* field, const char** out_value) {
  return get_described(opportunity, field, out_value, __func__);
}

crm_status crm_opportunity_set_int(crm_opportunity* opportunity, const char* field, int64_t value) {
  return set_described_int(opportunity, field, value, __func__, kIntegers);
}

crm_status crm_opportunity_get_int(const crm_opportunity* opportunity, const char* field, int64_t* out_value) {
  return get_described_int(opportunity, field, out_value, __func__, kIntegers);
}

crm_status crm_opportunity_set_amount(crm_opportunity* opportunity, int64_t minor_units, const char* currency) {
  CRM_REQUIRE(opportunity);
  CRM_REQUIRE(currency);
  return guard([&] {
    crm::Opportunity& deal = opportunity->record;
    deal.amount = crm::Money(minor_units, currency);
    // explicit unit prices are in the deal's currency, whichever it is when stored
    for (crm::LineItem& item : deal.line_items)
      if (item.unit_price) item.unit_price = crm::Money(item.unit_price->minor_units(), currency);
    opportunity->formatted.values.clear();
    return CRM_OK;
  });
}

crm_status crm_opportunity_amount(const crm_opportunity* opportunity, int64_t* out_minor_units,
                                  const char** out_currency) {
  CRM_REQUIRE(opportunity);
  CRM_REQUIRE(out_minor_units);
  CRM_REQUIRE(out_currency);
  return guard([&] {
    const crm::Money& amount = opportunity->record.amount;
    *out_currency = opportunity->formatted.keep("currency", std::string(amount.currency()));
    *out_minor_units = amount.minor_units();
    return CRM_OK;
  });
}

crm_status crm_opportunity_add_contact(crm_opportunity* opportunity, int64_t contact_id, const char* role) {
  CRM_REQUIRE(opportunity);
  CRM_REQUIRE(role);
  return guard([&] {
    opportunity->record.contacts.push_back({crm::ContactId(contact_id), role});
    return CRM_OK;
  });
}

crm_status crm_opportunity_clear_contacts(crm_opportunity* opportunity) {
  CRM_REQUIRE(opportunity);
  opportunity->record.contacts.clear();
  return CRM_OK;
}

crm_status crm_opportunity_contact_count(const crm_opportunity* opportunity, size_t* out_count) {
  CRM_REQUIRE(opportunity);
  CRM_REQUIRE(out_count);
  *out_count = opportunity->record.contacts.size();
  return CRM_OK;
}

crm_status crm_opportunity_contact(const crm_opportunity* opportunity, size_t index, int64_t* out_contact_id,
                                   const char** out_role) {
  CRM_REQUIRE(opportunity);
  CRM_REQUIRE(out_contact_id);
  CRM_REQUIRE(out_role);
  const crm::OpportunityContact* contact = nullptr;
  const crm_status status = element(opportunity->record.contacts, index, &contact, __func__);
  if (status != CRM_OK) return status;
  *out_contact_id = contact->contact.value();
  *out_role = contact->role.c_str();
  return CRM_OK;
}

crm_status crm_opportunity_add_line_item(crm_opportunity* opportunity, int64_t product_id, int64_t quantity,
                                         int has_unit_price, int64_t unit_price_minor, int discount_percent) {
  CRM_REQUIRE(opportunity);
  return guard([&] {
    crm::LineItem item;
    item.product = crm::ProductId(product_id);
    item.quantity = quantity;
    if (has_unit_price) item.unit_price = crm::Money(unit_price_minor, opportunity->record.amount.currency());
    item.discount_percent = discount_percent;
    opportunity->record.line_items.push_back(std::move(item));
    return CRM_OK;
  });
}

crm_status crm_opportunity_clear_line_items(crm_opportunity* opportunity) {
  CRM_REQUIRE(opportunity);
  opportunity->record.line_items.clear();
  return CRM_OK;
}

crm_status crm_opportunity_line_item_count(const crm_opportunity* opportunity, size_t* out_count) {
  CRM_REQUIRE(opportunity);
  CRM_REQUIRE(out_count);
  *out_count = opportunity->record.line_items.size();
  return CRM_OK;
}

crm_status crm_opportunity_line_item(const crm_opportunity* opportunity, size_t index, int64_t* out_product_id,
                                     int64_t* out_quantity, int64_t* out_unit_price_minor, int* out_discount_percent,
                                     int64_t* out_total_minor) {
  CRM_REQUIRE(opportunity);
  const crm::LineItem* item = nullptr;
  const crm_status status = element(opportunity->record.line_items, index, &item, __func__);
  if (status != CRM_OK) return status;
  if (out_product_id) *out_product_id = item->product.value();
  if (out_quantity) *out_quantity = item->quantity;
  if (out_unit_price_minor) *out_unit_price_minor = item->unit_price ? item->unit_price->minor_units() : 0;
  if (out_discount_percent) *out_discount_percent = item->discount_percent;
  if (out_total_minor) *out_total_minor = item->total.minor_units();
  return CRM_OK;
}

CRM_TAG_FUNCTIONS(opportunity)

CRM_CUSTOM_FUNCTIONS(opportunity)

crm_status crm_opportunity_create(crm_db* db, const crm_opportunity* data, crm_opportunity** out_created) {
  if (out_created) *out_created = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, {
    return give(database.opportunities().create(typed_record(database, crm::RecordKind::opportunity, data->record)),
                out_created);
  });
}

crm_status crm_opportunity_get(crm_db* db, int64_t id, crm_opportunity** out_opportunity) {
  CRM_REQUIRE(out_opportunity);
  *out_opportunity = nullptr;
  CRM_WITH_DB(db, { return give(database.opportunities().get(crm::OpportunityId(id)), out_opportunity); });
}

crm_status crm_opportunity_update(crm_db* db, const crm_opportunity* opportunity, crm_opportunity** out_updated) {
  if (out_updated) *out_updated = nullptr;
  CRM_REQUIRE(opportunity);
  CRM_WITH_DB(db, {
    return give(database.opportunities().update(typed_record(database, crm::RecordKind::opportunity, opportunity->record)),
                out_updated);
  });
}

crm_status crm_opportunity_move_to_stage(crm_db* db, int64_t id, int64_t stage_id, const char* closed_on,
                                         int64_t lost_reason_id, crm_opportunity** out_opportunity) {
  if (out_opportunity) *out_opportunity = nullptr;
  CRM_WITH_DB(db, {
    crm::StageMove how;
    how.closed_on = optional_date(text(closed_on));
    how.lost_reason = crm::LostReasonId(lost_reason_id);
    return give(database.opportunities().move_to_stage(crm::OpportunityId(id), crm::StageId(stage_id), how),
                out_opportunity);
  });
}

crm_status crm_opportunity_remove(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.opportunities().remove(crm::OpportunityId(id));
    return CRM_OK;
  });
}

crm_status crm_opportunity_restore(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.opportunities().restore(crm::OpportunityId(id));
    return CRM_OK;
  });
}

crm_status crm_opportunity_purge(crm_db* db, int64_t id) {
  CRM_WITH_DB(db, {
    database.opportunities().purge(crm::OpportunityId(id));
    return CRM_OK;
  });
}

crm_status crm_opportunity_list(crm_db* db, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    const crm::OpportunityFilter filter = opportunity_filter(query);
    database.opportunities();  // checks the schema is usable before a cursor is handed out
    *out_cursor = paging_cursor<crm_opportunity>(db, list_query(query),
                                                 [filter](crm::Database& d, const crm::ListQuery& q) {
                                                   return d.opportunities().list(q, filter);
                                                 });
    return CRM_OK;
  });
}

crm_status crm_opportunity_count(crm_db* db, const crm_query* query, int64_t* out_count) {
  CRM_REQUIRE(out_count);
  CRM_WITH_DB(db, {
    *out_count = database.opportunities().count(list_query(query), opportunity_filter(query));
    return CRM_OK;
  });
}

crm_status crm_opportunity_account(const crm_opportunity* opportunity, int64_t* out_account_id) {
  CRM_REQUIRE(opportunity);
  CRM_REQUIRE(out_account_id);
  *out_account_id = opportunity->record.account.value();
  return CRM_OK;
}

crm_status crm_opportunity_set_account(crm_opportunity* opportunity, int64_t account_id) {
  CRM_REQUIRE(opportunity);
  opportunity->record.account = crm::AccountId(account_id);
  return CRM_OK;
}

crm_status crm_opportunity_find_by_external_ref(crm_db* db, const char* external_ref,
                                                crm_opportunity** out_opportunity) {
  CRM_REQUIRE(out_opportunity);
  *out_opportunity = nullptr;
  CRM_REQUIRE(external_ref);
  CRM_WITH_DB(db, {
    auto found = database.opportunities().find_by_external_ref(external_ref);
    return found ? give(std::move(*found), out_opportunity) : CRM_OK;
  });
}

crm_status crm_opportunity_without_next_activity(crm_db* db, const crm_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    const crm::ListQuery list = plain_query(query, "opportunities without a next activity");
    database.opportunities();  // checks the schema is usable before a cursor is handed out
    *out_cursor = paging_cursor<crm_opportunity>(db, list, [](crm::Database& d, const crm::ListQuery& q) {
      return d.opportunities().without_next_activity(q);
    });
    return CRM_OK;
  });
}

crm_status crm_cursor_opportunity(const crm_cursor* cursor, const crm_opportunity** out_opportunity) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_opportunity);
  return cursor_record(cursor, out_opportunity, __func__);
}

crm_status crm_opportunity_stage_history(crm_db* db, int64_t id, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_stage_change>(db, database.opportunities().stage_history(crm::OpportunityId(id)));
    return CRM_OK;
  });
}

crm_status crm_cursor_stage_change(const crm_cursor* cursor, const crm_stage_change** out_change) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_change);
  return cursor_record(cursor, out_change, __func__);
}

crm_status crm_stage_change_get_int(const crm_stage_change* change, const char* field, int64_t* out_value) {
  return get_int_field<crm_stage_change>(change, kChangeIntegers, field, out_value, __func__);
}

crm_status crm_stage_change_get_field(const crm_stage_change* change, const char* field, const char** out_value) {
  CRM_REQUIRE(change);
  CRM_REQUIRE(field);
  CRM_REQUIRE(out_value);
  return guard([&] {
    const crm::StageChange& c = change->record;
    const std::string name = field;
    if (name == "at") {
      *out_value = change->formatted.keep(name, instant_text(c.at));
    } else if (name == "by") {
      *out_value = c.by.c_str();
    } else if (name == "currency") {
      *out_value = change->formatted.keep(name, std::string(c.amount.currency()));
    } else {
      return fail(CRM_INVALID_ARGUMENT,
                  "crm_stage_change_get_field: '" + name + "' is not a field; fields: at, by, currency", name);
    }
    return CRM_OK;
  });
}

}  // extern "C"
