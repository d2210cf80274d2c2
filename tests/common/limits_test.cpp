// The documented maximum lengths (crm/limits.hpp) of record fields: each is
// enforced where the text is cleaned, naming the field and the limit.
#include "crm/limits.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

class LimitsTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
};

// The error names the field and the limit.
void expect_refused(const Error& error, const std::string& field, std::size_t limit) {
  EXPECT_EQ(error.field(), field);
  EXPECT_NE(std::string(error.what()).find(field), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("at most " + std::to_string(limit) + " bytes"), std::string::npos)
      << error.what();
}

TEST_F(LimitsTest, OneLineFieldsTakeTheLimitAndRefuseOneByteMore) {
  const std::string longest(kMaxLineBytes, 'a');
  EXPECT_EQ(db.accounts().create({.name = longest}).name, longest);
  expect_refused(EXPECT_CRM_ERROR(db.accounts().create({.name = longest + "b"}), ErrorCode::invalid_argument),
                 "account.name", kMaxLineBytes);
  expect_refused(EXPECT_CRM_ERROR(db.contacts().create({.last_name = "Liepa", .job_title = longest + "b"}),
                                  ErrorCode::invalid_argument),
                 "contact.job_title", kMaxLineBytes);
  // Bytes, not characters: 500 two-byte letters fit, 501 do not.
  std::string latvian;
  for (int i = 0; i < 501; ++i) latvian += "ā";
  EXPECT_CRM_ERROR(db.contacts().create({.first_name = latvian, .last_name = "Liepa"}), ErrorCode::invalid_argument);
  latvian.resize(latvian.size() - 2);
  EXPECT_EQ(db.contacts().create({.first_name = latvian, .last_name = "Liepa"}).first_name, latvian);
}

TEST_F(LimitsTest, TenMegabyteNamesAreRefusedQuicklyAndNothingIsWritten) {
  const std::string huge(10 * 1024 * 1024, 'x');
  const auto started = std::chrono::steady_clock::now();
  expect_refused(EXPECT_CRM_ERROR(db.contacts().create({.first_name = huge, .last_name = "Liepa"}),
                                  ErrorCode::invalid_argument),
                 "contact.first_name", kMaxLineBytes);
  EXPECT_CRM_ERROR(db.segments().create(RecordKind::contact, huge, Filter::parse("country = \"LV\"")),
                   ErrorCode::invalid_argument);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1) * test::kTimeLimitFactor);
  EXPECT_EQ(db.contacts().count(), 0);
}

TEST_F(LimitsTest, ExternalRefsTagsAndNotesHaveLimitsOfTheirOwn) {
  const std::string ref(kMaxExternalRefBytes, 'R');
  EXPECT_EQ(db.accounts().create({.name = "A", .external_ref = ref}).external_ref, ref);
  expect_refused(EXPECT_CRM_ERROR(db.accounts().create({.name = "B", .external_ref = ref + "9"}),
                                  ErrorCode::invalid_argument),
                 "account.external_ref", kMaxExternalRefBytes);
  EXPECT_CRM_ERROR(db.accounts().find_by_external_ref(ref + "9"), ErrorCode::invalid_argument);

  const std::string tag(kMaxTagBytes, 't');
  EXPECT_EQ(db.leads().create({.last_name = "L", .tags = {tag}}).tags, std::vector<std::string>{tag});
  expect_refused(EXPECT_CRM_ERROR(db.leads().create({.last_name = "L", .tags = {"ok", tag + "t"}}),
                                  ErrorCode::invalid_argument),
                 "lead.tags[1]", kMaxTagBytes);

  const std::string notes(kMaxTextBytes, 'n');
  EXPECT_EQ(db.accounts().create({.name = "C", .description = notes}).description, notes);
  expect_refused(EXPECT_CRM_ERROR(db.accounts().create({.name = "D", .description = notes + "\nmore"}),
                                  ErrorCode::invalid_argument),
                 "account.description", kMaxTextBytes);
  db.custom_fields().define(RecordKind::account, {.name = "memo", .type = CustomFieldType::text});
  AccountData memo{.name = "E"};
  memo.custom = {{"memo", CustomValue(notes + "n")}};
  EXPECT_CRM_ERROR(db.accounts().create(memo), ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace crm
