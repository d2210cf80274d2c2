// No text of a filter reaches SQL: hostile values in every literal position
// are bound as parameters, hostile names in every identifier position are
// refused, and the data stays as it was.
#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "query/compiler.hpp"
#include "storage/session.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using namespace crm::filters;

const std::vector<std::string> kPayloads = {
    "'; DROP TABLE contacts; --",
    "\" OR 1=1 --",
    "x') OR ('1'='1",
    "1 OR 1=1",
    "%' UNION SELECT name FROM sqlite_schema --",
    "); DELETE FROM accounts; SELECT (",
    "*/ ATTACH DATABASE '/tmp/x' AS x; /*",
    "Robert'); DROP TABLE segments;--",
    "\\'; SELECT load_extension('x'); --",
    "ā\"ü'\\;\n--",
};

// Fields of each type whose value position takes text, with the record kind.
struct Position {
  RecordKind kind;
  const char* template_text;  // "{}" is replaced by a quoted payload
};

const Position kPositions[] = {
    {RecordKind::contact, "last_name = {}"},
    {RecordKind::contact, "last_name != {}"},
    {RecordKind::contact, "last_name < {}"},
    {RecordKind::contact, "preferred_language in (\"lv\", {})"},
    {RecordKind::contact, "job_title between {} and {}"},
    {RecordKind::contact, "first_name contains {}"},
    {RecordKind::contact, "first_name starts with {}"},
    {RecordKind::contact, "last_name ~ {}"},
    {RecordKind::contact, "email = {}"},
    {RecordKind::contact, "email contains {}"},
    {RecordKind::contact, "tagged {}"},
    {RecordKind::contact, "note = {}"},
    {RecordKind::contact, "account.industry = {}"},
    {RecordKind::contact, "has activity(subject contains {})"},
    {RecordKind::contact, "has opportunity(name ~ {} or next_step starts with {})"},
    {RecordKind::contact, "activity_count(outcome = {}) > 0"},
    {RecordKind::account, "has contact(last_name = {}) or name ~ {}"},
    {RecordKind::account, "won_revenue > 0 EUR and description contains {}"},
    {RecordKind::lead, "company_name = {} or source in ({})"},
    {RecordKind::opportunity, "campaign = {} and lead_source != {}"},
};

// Positions whose values are checked against a list or parsed (they must
// refuse the payload with parse_error, never run it).
const Position kCheckedPositions[] = {
    {RecordKind::contact, "tier = {}"},
    {RecordKind::contact, "phone = {}"},
    {RecordKind::contact, "country in (\"LV\", {})"},
    {RecordKind::opportunity, "stage = {}"},
    {RecordKind::opportunity, "status = {}"},
    {RecordKind::opportunity, "pipeline = {}"},
    {RecordKind::contact, "score = {}"},
    {RecordKind::contact, "created_at > {}"},
    {RecordKind::opportunity, "amount > {}"},
};

std::string quoted(const std::string& payload) {
  return Filter(FilterNode{Tagged{payload}}).to_string().substr(std::string("tagged ").size());
}

std::string fill(const char* text, const std::string& value) {
  std::string filled = text;
  for (auto at = filled.find("{}"); at != std::string::npos; at = filled.find("{}", at + value.size()))
    filled.replace(at, 2, value);
  return filled;
}

class InjectionTest : public ::testing::Test {
 protected:
  InjectionTest() {
    db.custom_fields().define(RecordKind::contact, {.name = "note"});
    db.custom_fields().define(RecordKind::contact, {.name = "tier", .type = CustomFieldType::choice, .choices = {"Gold"}});
    db.custom_fields().define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer});
    const Account account = db.accounts().create({.name = "SIA Drošība", .industry = "IT"});
    db.contacts().create({.first_name = "Ēriks", .last_name = "Kalniņš", .account = account.id});
    db.contacts().create({.first_name = "Bobby", .last_name = "Tables", .tags = {"x"}});
  }

  // Table and row counts that a successful injection would change.
  std::string fingerprint() {
    std::string text;
    for (const char* sql : {"SELECT count(*) FROM sqlite_schema", "SELECT count(*) FROM contacts",
                            "SELECT count(*) FROM accounts", "SELECT count(*) FROM segments",
                            "SELECT count(*) FROM pragma_database_list"}) {
      auto statement = session.prepare(sql);
      statement->executeStep();
      text += statement->getColumn(0).getString() + ",";
      statement->reset();
    }
    return text;
  }

  test::ManualClock clock;
  test::TempDir dir;
  Database db = Database::open(dir.file("crm.db"), test::test_options(clock));
  // A second connection to the same file, for the compiler and the checks.
  detail::Session session{dir.file("crm.db"), test::test_options(clock)};
};

TEST_F(InjectionTest, HostileTextInEveryValuePositionIsBoundNotPasted) {
  const std::string before = fingerprint();
  for (const Position& position : kPositions)
    for (const std::string& payload : kPayloads) {
      const std::string text = fill(position.template_text, quoted(payload));
      SCOPED_TRACE(text);
      const Filter filter = Filter::parse(text);
      EXPECT_EQ(Filter::parse(filter.to_string()), filter);
      const auto compiled = detail::compile_filter(session, position.kind, filter, "t");
      EXPECT_EQ(compiled.sql.find(payload), std::string::npos) << compiled.sql;
      EXPECT_EQ(compiled.sql.find("DROP"), std::string::npos) << compiled.sql;
      const std::int64_t matches = db.segments().count(position.kind, filter);
      EXPECT_LE(matches, 2);
      if (position.kind == RecordKind::contact) {
        EXPECT_EQ(db.contacts().count({.where = text}), matches);
      }
    }
  EXPECT_EQ(fingerprint(), before);
}

TEST_F(InjectionTest, HostileTextInCheckedPositionsIsRefused) {
  for (const Position& position : kCheckedPositions)
    for (const std::string& payload : kPayloads) {
      const std::string text = fill(position.template_text, quoted(payload));
      SCOPED_TRACE(text);
      EXPECT_CRM_ERROR(db.segments().parse(position.kind, text), ErrorCode::parse_error);
    }
}

TEST_F(InjectionTest, HostileNamesInEveryIdentifierPositionAreRefused) {
  const std::string before = fingerprint();
  const std::vector<std::string> names = {"id = 1 OR 1", "contacts.id", "last_name); DROP TABLE contacts; --",
                                          "account.id) OR (1", "account.name OR 1=1", "custom",
                                          "sqlite_schema", "name_key", "account.account.name", "x\"y"};
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    // Built directly, bypassing the builder's name check and the parser.
    const Operand operand{name, std::nullopt, std::nullopt};
    const Filter compared(FilterNode{Comparison{operand, CompareOp::equal, std::string("x")}});
    const Filter emptiness(FilterNode{Emptiness{operand}});
    for (const Filter& filter : {compared, emptiness}) {
      EXPECT_CRM_ERROR(db.segments().count(RecordKind::contact, filter), ErrorCode::parse_error);
      EXPECT_CRM_ERROR(db.segments().count(RecordKind::account, filter), ErrorCode::parse_error);
    }
    EXPECT_CRM_ERROR(db.contacts().list({.sort_field = name}), ErrorCode::invalid_argument);
    EXPECT_CRM_ERROR(db.contacts().select({name}), ErrorCode::invalid_argument);
    EXPECT_CRM_ERROR(db.contacts().count({.where = name + " = 1"}), ErrorCode::parse_error);
  }
  // activity_count's condition and since are compiled, not pasted.
  const Filter counted = activity_count(Filter(FilterNode{Comparison{Operand{"kind); DROP TABLE x; --"},
                                                                     CompareOp::equal, std::string("call")}}),
                                        today(-3)) > number(0);
  EXPECT_CRM_ERROR(db.segments().count(RecordKind::contact, counted), ErrorCode::parse_error);
  EXPECT_EQ(fingerprint(), before);
}

TEST_F(InjectionTest, SavedSegmentNamesAndFiltersAreData) {
  const std::string before_rows = fingerprint();
  for (const std::string& payload : kPayloads) {
    const Filter filter = Filter::parse("last_name = " + quoted(payload));
    if (payload.find('\n') != std::string::npos) {
      EXPECT_CRM_ERROR(db.segments().create(RecordKind::contact, payload, filter), ErrorCode::invalid_argument);
      continue;
    }
    const Segment segment = db.segments().create(RecordKind::contact, payload, filter);
    EXPECT_EQ(db.segments().get(segment.id).name, payload);
    EXPECT_EQ(db.segments().count(segment.id), 0);
    EXPECT_EQ(db.segments().find(RecordKind::contact, payload)->id, segment.id);
  }
  EXPECT_EQ(db.contacts().count(), 2);
  EXPECT_EQ(db.accounts().count(), 1);
  EXPECT_NE(fingerprint(), before_rows) << "only the segments table grew";
}

}  // namespace
}  // namespace crm
