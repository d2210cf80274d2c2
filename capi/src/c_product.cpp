// The product catalog through the C ABI.
#include "c_records.hpp"

using namespace crm::capi;
using crm::Product;

namespace {

constexpr TextField<Product> kFields[] = {
    {"sku", [](Product& p) { return &p.sku; }, true},
    {"name", [](Product& p) { return &p.name; }, true},
};

crm_status give(crm::Product product, crm_product** out) {
  if (out) *out = new crm_product{std::move(product), {}};
  return CRM_OK;
}

}  // namespace

extern "C" {

crm_status crm_product_new(crm_product** out_product) {
  CRM_REQUIRE(out_product);
  *out_product = nullptr;
  return guard([&] { return give({}, out_product); });
}

void crm_product_free(crm_product* product) { delete product; }

crm_status crm_product_set(crm_product* product, const char* field, const char* value) {
  return set_field<crm_product>(product, kFields, field, value, __func__);
}

crm_status crm_product_get_field(const crm_product* product, const char* field, const char** out_value) {
  return get_field<crm_product>(product, kFields, field, out_value, __func__);
}

crm_status crm_product_set_price(crm_product* product, int64_t minor_units, const char* currency) {
  CRM_REQUIRE(product);
  CRM_REQUIRE(currency);
  return guard([&] {
    product->record.list_price = crm::Money(minor_units, currency);
    product->formatted.values.clear();
    return CRM_OK;
  });
}

crm_status crm_product_price(const crm_product* product, int64_t* out_minor_units, const char** out_currency) {
  CRM_REQUIRE(product);
  CRM_REQUIRE(out_minor_units);
  CRM_REQUIRE(out_currency);
  return guard([&] {
    const crm::Money& price = product->record.list_price;
    *out_currency = product->formatted.keep("currency", std::string(price.currency()));
    *out_minor_units = price.minor_units();
    return CRM_OK;
  });
}

crm_status crm_product_set_active(crm_product* product, int active) {
  CRM_REQUIRE(product);
  product->record.active = active != 0;
  return CRM_OK;
}

crm_status crm_product_active(const crm_product* product, int* out_active) {
  CRM_REQUIRE(product);
  CRM_REQUIRE(out_active);
  *out_active = product->record.active ? 1 : 0;
  return CRM_OK;
}

crm_status crm_product_id(const crm_product* product, int64_t* out_id) {
  CRM_REQUIRE(product);
  CRM_REQUIRE(out_id);
  *out_id = product->record.id.value();
  return CRM_OK;
}

crm_status crm_product_version(const crm_product* product, int64_t* out_version) {
  CRM_REQUIRE(product);
  CRM_REQUIRE(out_version);
  *out_version = product->record.version;
  return CRM_OK;
}

crm_status crm_product_create(crm_db* db, const crm_product* data, crm_product** out_created) {
  if (out_created) *out_created = nullptr;
  CRM_REQUIRE(data);
  CRM_WITH_DB(db, { return give(database.products().create(data->record), out_created); });
}

crm_status crm_product_get(crm_db* db, int64_t id, crm_product** out_product) {
  CRM_REQUIRE(out_product);
  *out_product = nullptr;
  CRM_WITH_DB(db, { return give(database.products().get(crm::ProductId(id)), out_product); });
}

crm_status crm_product_update(crm_db* db, const crm_product* product, crm_product** out_updated) {
  if (out_updated) *out_updated = nullptr;
  CRM_REQUIRE(product);
  CRM_WITH_DB(db, { return give(database.products().update(product->record), out_updated); });
}

crm_status crm_product_find_by_sku(crm_db* db, const char* sku, crm_product** out_product) {
  CRM_REQUIRE(out_product);
  *out_product = nullptr;
  CRM_REQUIRE(sku);
  CRM_WITH_DB(db, {
    auto found = database.products().find_by_sku(sku);
    return found ? give(std::move(*found), out_product) : CRM_OK;
  });
}

crm_status crm_product_list(crm_db* db, int include_inactive, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = cursor_over<crm_product>(db, database.products().list(include_inactive != 0));
    return CRM_OK;
  });
}

crm_status crm_cursor_product(const crm_cursor* cursor, const crm_product** out_product) {
  CRM_REQUIRE(cursor);
  CRM_REQUIRE(out_product);
  return cursor_record(cursor, out_product, __func__);
}

}  // extern "C"
