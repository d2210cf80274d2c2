#include "crm/product.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

TEST(Products, CatalogCrud) {
  Database db = Database::open_in_memory();
  Product desk = db.products().create({"DESK-01", "Oak desk", Money::parse("499.00 EUR")});
  EXPECT_EQ(db.products().find_by_sku("desk-01")->id, desk.id);
  desk.list_price = Money::parse("459.00 EUR");
  desk = db.products().update(desk);
  EXPECT_EQ(desk.version, 2);
  EXPECT_EQ(db.products().get(desk.id).list_price.to_string(), "459.00 EUR");
  desk.active = false;
  Product stale = desk;
  db.products().update(desk);
  EXPECT_CRM_ERROR(db.products().update(stale), ErrorCode::conflict);
  EXPECT_TRUE(db.products().list().empty());
  EXPECT_EQ(db.products().list(true).size(), 1u);
}

TEST(Products, BadInput) {
  Database db = Database::open_in_memory();
  db.products().create({"CHAIR", "Chair", Money::parse("50 EUR")});
  EXPECT_CRM_ERROR(db.products().create({"chair", "Other chair", Money::parse("60 EUR")}), ErrorCode::already_exists);
  EXPECT_CRM_ERROR(db.products().create({"", "No SKU", Money::parse("1 EUR")}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.products().create({"NEG", "Negative", Money::parse("-1 EUR")}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.products().get(ProductId(99)), ErrorCode::not_found);
}

}  // namespace
}  // namespace crm
