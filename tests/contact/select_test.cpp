// select(): chosen columns of many records, page by page.
#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

class SelectTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  Account firm = db.accounts().create({.name = "SIA Koka Nams", .address = {.country = "LV"}, .tags = {"vip", "b2b"}});

  void SetUp() override {
    for (int i = 0; i < 25; ++i) {
      ContactData data;
      data.first_name = "Person" + std::to_string(i);
      data.last_name = i % 2 ? "Bērziņa" : "Ковальчук";
      data.emails = {{"p" + std::to_string(i) + "@x.lv", true}};
      if (i % 3 == 0) data.phones = {{PhoneKind::mobile, "+371 26 000 0" + std::to_string(10 + i), ""}};
      data.country = i < 10 ? "LV" : "UA";
      if (i == 0) data.account = firm.id;
      if (i == 0) data.birthday = Birthday{std::nullopt, 2, 29};
      db.contacts().create(data);
    }
  }
};

TEST_F(SelectTest, ReadsChosenColumnsWithTypes) {
  const TablePage page = db.contacts().select({"id", "first_name", "email", "phone", "account_name", "birthday",
                                               "created_at"},
                                              {.sort = SortBy::id, .limit = 100});
  const Table& t = page.table;
  ASSERT_EQ(t.row_count(), 25u);
  EXPECT_TRUE(page.next.empty());
  EXPECT_EQ(t.columns()[0], (Column{"id", ColumnType::integer}));
  EXPECT_EQ(t.columns()[6].type, ColumnType::instant);
  EXPECT_EQ(t.text(0, 1), "Person0");
  EXPECT_EQ(t.text(0, 2), "p0@x.lv");
  EXPECT_EQ(t.text(0, 3), "+37126000010");
  EXPECT_TRUE(t.is_null(1, 3));  // no phone
  EXPECT_EQ(t.text(0, 4), "SIA Koka Nams");
  EXPECT_TRUE(t.is_null(1, 4));
  EXPECT_EQ(t.text(0, 5), "--02-29");
  EXPECT_EQ(t.text(0, 6), format_instant(*clock.now));
  EXPECT_LT(t.integer(0, 0), t.integer(1, 0));
}

TEST_F(SelectTest, PagesWalkEveryRowOnceWithFilters) {
  ListQuery query{.country = "UA", .sort = SortBy::name, .limit = 4};
  std::vector<std::string> names;
  do {
    const TablePage page = db.contacts().select({"first_name", "country"}, query);
    for (std::size_t row = 0; row < page.table.row_count(); ++row) {
      EXPECT_EQ(page.table.text(row, 1), "UA");
      names.push_back(std::string(page.table.text(row, 0)));
    }
    query.after = page.next;
  } while (!query.after.empty());
  EXPECT_EQ(names.size(), 15u);
  EXPECT_EQ(static_cast<std::int64_t>(names.size()), db.contacts().count({.country = "UA"}));
}

TEST_F(SelectTest, AccountColumnsIncludeTags) {
  const TablePage page = db.accounts().select({"name", "tags", "country", "parent_id"});
  ASSERT_EQ(page.table.row_count(), 1u);
  EXPECT_EQ(page.table.text(0, 1), "b2b, vip");
  EXPECT_TRUE(page.table.is_null(0, 3));
}

TEST_F(SelectTest, UnknownColumnIsRefusedWithTheList) {
  auto error = EXPECT_CRM_ERROR(db.contacts().select({"first_name", "salary"}), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("'salary'"), std::string::npos);
  EXPECT_NE(std::string(error.what()).find("last_name"), std::string::npos);
  EXPECT_CRM_ERROR(db.contacts().select({}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.accounts().select({"name; DROP TABLE accounts"}), ErrorCode::invalid_argument);
}

TEST_F(SelectTest, SelectableColumnsAreAllReadable) {
  std::vector<std::string> all;
  for (const Column& column : Contacts::selectable_columns()) all.push_back(column.name);
  EXPECT_EQ(db.contacts().select(all).table.columns().size(), all.size());
  all.clear();
  for (const Column& column : Accounts::selectable_columns()) all.push_back(column.name);
  EXPECT_EQ(db.accounts().select(all).table.row_count(), 1u);
}

}  // namespace
}  // namespace crm
