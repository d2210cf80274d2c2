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

}  // namespace
}  // namespace crm
