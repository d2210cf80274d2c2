// The rules every surface (C ABI, Python, the crm program) takes from the
// core instead of writing its own: page sizes, import batch sizes, the names
// of the list enumerations, UTF-8, custom field names, export delimiters and
// the typing of custom values given as text.
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

TEST(SurfaceRulesTest, PageSizesAreOneToTheMaximumWithOneDefault) {
  EXPECT_EQ(ListQuery{}.limit, kDefaultPageSize);
  EXPECT_EQ(kDefaultPageSize, 100u);
  EXPECT_EQ(kMaxPageSize, 10000u);
  EXPECT_NO_THROW(check_page_size(1));
  EXPECT_NO_THROW(check_page_size(static_cast<std::int64_t>(kMaxPageSize)));
  const Error zero = EXPECT_CRM_ERROR(check_page_size(0), ErrorCode::invalid_argument);
  EXPECT_EQ(zero.field(), "page_size");
  EXPECT_STREQ(zero.what(), "page_size: 0 is outside 1..10000");
  const Error big = EXPECT_CRM_ERROR(check_page_size(10001, "limit"), ErrorCode::invalid_argument);
  EXPECT_EQ(big.field(), "limit");
  EXPECT_STREQ(big.what(), "limit: 10001 is outside 1..10000");
  EXPECT_CRM_ERROR(check_page_size(-5), ErrorCode::invalid_argument);
}

TEST(SurfaceRulesTest, ListsRefuseAPageSizeOutsideTheLimits) {
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  db.accounts().create({.name = "SIA Koka Nams"});
  EXPECT_EQ(db.accounts().list({.limit = kMaxPageSize}).items.size(), 1u);
  EXPECT_EQ(EXPECT_CRM_ERROR(db.accounts().list({.limit = kMaxPageSize + 1}), ErrorCode::invalid_argument).field(),
            "limit");
  EXPECT_CRM_ERROR(db.accounts().list({.limit = 0}), ErrorCode::invalid_argument);
}

TEST(SurfaceRulesTest, BatchRowsAreOneToTheMaximumWithOneDefault) {
  EXPECT_EQ(ImportOptions{}.batch_rows, kDefaultBatchRows);
  EXPECT_NO_THROW(check_batch_rows(1));
  EXPECT_NO_THROW(check_batch_rows(kMaxBatchRows));
  const Error zero = EXPECT_CRM_ERROR(check_batch_rows(0), ErrorCode::invalid_argument);
  EXPECT_EQ(zero.field(), "batch_rows");
  EXPECT_STREQ(zero.what(), "batch_rows: 0 is not between 1 and 100000");
  EXPECT_EQ(EXPECT_CRM_ERROR(check_batch_rows(kMaxBatchRows + 1), ErrorCode::invalid_argument).field(),
            "batch_rows");
}

TEST(SurfaceRulesTest, ImportsRefuseBatchRowsOutsideTheLimits) {
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  std::istringstream csv("last_name\nBērziņa\n");
  ImportOptions options;
  options.batch_rows = kMaxBatchRows + 1;
  EXPECT_EQ(EXPECT_CRM_ERROR(db.imports().read(csv, options), ErrorCode::invalid_argument).field(), "batch_rows");
}

TEST(SurfaceRulesTest, SearchLimitsAreOneToTheMaximumWithOneDefault) {
  EXPECT_EQ(SearchQuery{}.limit, kDefaultSearchHits);
  EXPECT_NO_THROW(check_search_limit(1));
  EXPECT_NO_THROW(check_search_limit(static_cast<std::int64_t>(kMaxSearchHits)));
  for (const std::int64_t bad : {std::int64_t{0}, std::int64_t{-5}, std::int64_t{1001}})
    EXPECT_EQ(EXPECT_CRM_ERROR(check_search_limit(bad), ErrorCode::invalid_argument).field(), "limit") << bad;
  EXPECT_STREQ(EXPECT_CRM_ERROR(check_search_limit(1001), ErrorCode::invalid_argument).what(),
               "limit: 1001 is not from 1 to 1000");
}

TEST(SurfaceRulesTest, DeletedFiltersAndSortOrdersHaveOneNameEach) {
  for (const DeletedFilter filter : {DeletedFilter::exclude, DeletedFilter::include, DeletedFilter::only}) {
    EXPECT_FALSE(deleted_filter_name(filter).empty());
    EXPECT_EQ(deleted_filter_from_name(deleted_filter_name(filter)), filter);
    EXPECT_EQ(parse_deleted_filter(deleted_filter_name(filter)), filter);
  }
  for (const SortBy sort : {SortBy::name, SortBy::id, SortBy::updated_at}) {
    EXPECT_FALSE(sort_by_name(sort).empty());
    EXPECT_EQ(sort_by_from_name(sort_by_name(sort)), sort);
    EXPECT_EQ(parse_sort_by(sort_by_name(sort)), sort);
  }
  EXPECT_EQ(deleted_filter_name(DeletedFilter::only), "only");
  EXPECT_EQ(sort_by_name(SortBy::updated_at), "updated_at");
  EXPECT_FALSE(deleted_filter_from_name("Only").has_value());
  EXPECT_FALSE(sort_by_from_name("").has_value());
  const Error deleted = EXPECT_CRM_ERROR(parse_deleted_filter("all"), ErrorCode::invalid_argument);
  EXPECT_EQ(deleted.field(), "deleted");
  EXPECT_STREQ(deleted.what(), "deleted: 'all' is not one of 'exclude', 'include', 'only'");
  const Error sort = EXPECT_CRM_ERROR(parse_sort_by("age"), ErrorCode::invalid_argument);
  EXPECT_EQ(sort.field(), "sort");
  EXPECT_STREQ(sort.what(), "sort: 'age' is not one of 'name', 'id', 'updated_at'");
}

TEST(SurfaceRulesTest, Utf8IsCheckedByTheCore) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Bērziņa Ковальчук Straße 😀"));
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // an overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("ab\xe2\x82"));        // cut short
  EXPECT_FALSE(is_valid_utf8(std::string_view("a\0b", 3)));
  EXPECT_NO_THROW(check_utf8("Šiauliai", "city"));
  const Error error = EXPECT_CRM_ERROR(check_utf8("\xff", "city"), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "city");
  EXPECT_STREQ(error.what(), "city: text is not valid UTF-8");
}

TEST(SurfaceRulesTest, CustomFieldNamesHaveOneShape) {
  EXPECT_NO_THROW(check_custom_field_name("tier"));
  EXPECT_NO_THROW(check_custom_field_name("Loyalty_2"));
  EXPECT_NO_THROW(check_custom_field_name(std::string(64, 'a')));
  for (const std::string_view bad : {"", "1score", "_x", "loyalty level", "līmenis", "a-b"})
    EXPECT_EQ(EXPECT_CRM_ERROR(check_custom_field_name(bad), ErrorCode::invalid_argument).field(),
              "custom_field.name")
        << bad;
  EXPECT_CRM_ERROR(check_custom_field_name(std::string(65, 'a')), ErrorCode::invalid_argument);
}

TEST(SurfaceRulesTest, ExportDelimitersAreChecked) {
  for (const char delimiter : {',', ';', '\t'}) EXPECT_NO_THROW(check_export_delimiter(delimiter));
  for (const char delimiter : {'|', '\0', '"', ' '})
    EXPECT_EQ(EXPECT_CRM_ERROR(check_export_delimiter(delimiter), ErrorCode::invalid_argument).field(), "delimiter");
}

TEST(SurfaceRulesTest, TextCustomValuesTakeTheirFieldsTypes) {
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  db.custom_fields().define(RecordKind::contact, {.name = "Score", .type = CustomFieldType::integer});
  db.custom_fields().define(RecordKind::contact, {.name = "since", .type = CustomFieldType::date});
  db.custom_fields().define(RecordKind::contact, {.name = "note", .type = CustomFieldType::text});
  const CustomValues typed = db.custom_fields().typed_values(
      RecordKind::contact,
      {{"score", CustomValue("42")}, {"SINCE", CustomValue("2025-03-07")}, {"note", CustomValue("7")},
       {"blank", CustomValue("  ")}, {"unknown", CustomValue("x")}, {"Score2", CustomValue(std::int64_t{5})}});
  EXPECT_EQ(typed.at("score"), CustomValue(std::int64_t{42}));
  EXPECT_EQ(typed.at("SINCE"), CustomValue(Date(2025, 3, 7)));
  EXPECT_EQ(typed.at("note"), CustomValue("7"));
  EXPECT_EQ(typed.at("blank"), CustomValue("  "));
  EXPECT_EQ(typed.at("unknown"), CustomValue("x"));
  EXPECT_EQ(typed.at("Score2"), CustomValue(std::int64_t{5}));
  EXPECT_TRUE(db.custom_fields().typed_values(RecordKind::account, {{"score", CustomValue("x")}}).at("score") ==
              CustomValue("x"));
  const Error error = EXPECT_CRM_ERROR(
      db.custom_fields().typed_values(RecordKind::contact, {{"score", CustomValue("many")}}),
      ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "contact.custom.Score");
}

}  // namespace
}  // namespace crm
