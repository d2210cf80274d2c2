#include "crm/table.hpp"

#include <gtest/gtest.h>

#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

TEST(Table, StoresTypedCellsAndNulls) {
  Table table({{"id", ColumnType::integer}, {"name", ColumnType::text}, {"score", ColumnType::real},
               {"born", ColumnType::date}});
  table.add_row();
  table.set_integer(0, 7);
  table.set_text(1, "Bērziņa");
  table.set_real(2, 2.5);
  table.set_text(3, "1984-02-29");
  table.add_row();  // all null
  ASSERT_EQ(table.row_count(), 2u);
  EXPECT_EQ(table.integer(0, 0), 7);
  EXPECT_EQ(table.text(0, 1), "Bērziņa");
  EXPECT_DOUBLE_EQ(table.real(0, 2), 2.5);
  EXPECT_DOUBLE_EQ(table.real(0, 0), 7.0);
  EXPECT_EQ(table.text(0, 3), "1984-02-29");
  for (std::size_t column = 0; column < 4; ++column) EXPECT_TRUE(table.is_null(1, column));
  EXPECT_EQ(table.text(1, 1), "");
  EXPECT_EQ(table.column_index("score"), 2u);
}

TEST(Table, RefusesWrongKindsAndPositions) {
  Table table({{"id", ColumnType::integer}, {"name", ColumnType::text}});
  EXPECT_CRM_ERROR(table.set_integer(0, 1), ErrorCode::invalid_argument);  // no row yet
  table.add_row();
  EXPECT_CRM_ERROR(table.set_text(0, "x"), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(table.set_integer(1, 1), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(table.text(0, 0), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(table.integer(0, 1), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(table.is_null(1, 0), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(table.is_null(0, 2), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(table.column_index("nope"), ErrorCode::not_found);
}

TEST(Table, MoneyCellsKeepTheirAmountExactAndTheirCurrency) {
  Table table({{"amount", ColumnType::decimal}, {"name", ColumnType::text}});
  table.add_row();
  table.set_money(0, Money(585610, "USD"));
  table.set_text(1, "Deal");
  table.add_row();
  table.set_money(0, Money(123457, "JPY"));
  table.add_row();
  table.set_money(0, Money(-12345, "KWD"));
  table.add_row();  // a null amount
  EXPECT_EQ(table.text(0, 0), "5856.10");
  EXPECT_STREQ(table.text(0, 0).data(), "5856.10") << "a C string: the currency follows after its NUL";
  EXPECT_EQ(table.currency(0, 0), "USD");
  EXPECT_STREQ(table.currency(0, 0).data(), "USD");
  EXPECT_EQ(table.money(0, 0), Money(585610, "USD"));
  EXPECT_EQ(table.text(1, 0), "123457");
  EXPECT_EQ(table.money(1, 0), Money(123457, "JPY"));
  EXPECT_EQ(table.text(2, 0), "-12.345");
  EXPECT_EQ(table.currency(2, 0), "KWD");
  EXPECT_EQ(table.text(0, 1), "Deal");
  EXPECT_TRUE(table.is_null(3, 0));
  EXPECT_EQ(table.currency(3, 0), "");
  EXPECT_CRM_ERROR(table.money(3, 0), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(table.real(0, 0), ErrorCode::invalid_argument);  // money is never a double
  EXPECT_CRM_ERROR(table.currency(0, 1), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(table.set_money(1, Money(1, "EUR")), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(table.set_text(0, "12.00"), ErrorCode::invalid_argument);  // money needs its currency
}

}  // namespace
}  // namespace crm
