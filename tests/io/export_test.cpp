#include "crm/export.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/crm.hpp"
#include "io/csv_formula.hpp"
#include "io/csv_reader.hpp"
#include "io/record_columns.hpp"
#include "io/record_fields.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using boost::posix_time::hours;
using detail::RecordDraft;
using Json = nlohmann::json;

/// A CSV export read back: the header and the rows.
struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  /// The cell of `column` in row `row`.
  const std::string& cell(std::size_t row, const std::string& column) const {
    const auto at = std::find(header.begin(), header.end(), column);
    if (at == header.end()) throw std::out_of_range("no column " + column);
    return rows.at(row).at(static_cast<std::size_t>(at - header.begin()));
  }
};

Csv parse_csv(const std::string& text, char delimiter = ',') {
  std::istringstream in(text);
  detail::CsvReader reader(in, {"UTF-8", delimiter});
  detail::CsvRecord record;
  Csv csv;
  if (reader.next(record)) csv.header = record.fields;
  while (reader.next(record)) {
    EXPECT_TRUE(record.error.empty()) << record.error;
    csv.rows.push_back(record.fields);
  }
  return csv;
}

class ExportTest : public ::testing::Test {
 protected:
  ExportTest() : db(Database::open_in_memory(test::test_options(clock))) {}

  /// Writes an export to a string; `rows` receives the count returned.
  std::string exported(const ExportOptions& options, std::int64_t* rows = nullptr) {
    std::ostringstream out;
    const std::int64_t written = db.exports().write(out, options);
    if (rows) *rows = written;
    return out.str();
  }

  Csv csv(RecordKind kind, ListQuery query = {}) {
    return parse_csv(exported({.kind = kind, .format = ExportFormat::csv, .query = std::move(query)}));
  }

  Json json(RecordKind kind, ListQuery query = {}) {
    return Json::parse(exported({.kind = kind, .format = ExportFormat::json, .query = std::move(query)}));
  }

  /// Every record of a CSV export applied back into drafts, as the importer reads them.
  static std::vector<RecordDraft> drafts(RecordKind kind, const Csv& csv, const std::vector<CustomField>& custom = {}) {
    std::vector<RecordDraft> out;
    for (const auto& row : csv.rows) {
      RecordDraft draft = detail::new_draft(kind);
      for (std::size_t i = 0; i < csv.header.size(); ++i) {
        const auto field = std::find_if(custom.begin(), custom.end(), [&](const CustomField& f) { return f.name == csv.header[i]; });
        if (field != custom.end())
          detail::apply_custom(draft, *field, row[i]);
        else
          detail::apply_column(draft, csv.header[i], row[i]);
      }
      detail::finish_draft(draft);
      out.push_back(std::move(draft));
    }
    return out;
  }

  /// A small customer base: an account with a subsidiary, a contact working
  /// there, a lead, a lost deal and a call.
  void add_customers() {
    test::add_users(db, test::kTestOwners);
    holding = db.accounts().create({.name = "Holding AS", .external_ref = "ERP-000"});
    AccountData a{.name = "SIA \"Bērziņš, un Ko\"", .registration_number = "40003000000", .industry = "Retail",
                  .phone = "+371 67 000 000", .email = "info@berzins.lv",
                  .address = {"Brīvības iela 1", "Rīga", "LV-1050", "", "LV"}, .parent = holding.id,
                  .owner = "anna.berzina", .external_ref = "ERP-001", .tags = {"vip", "Клиент"},
                  .description = "line one\nline two, \"quoted\""};
    account = db.accounts().create(a);
    ContactData c{.first_name = "Олена", .last_name = "Коваль", .emails = {{"olena@x.ua", false}, {"o@y.ua", true}},
                  .phones = {{PhoneKind::mobile, "+380 67 123 45 67", ""}, {PhoneKind::work, "+371 67 000 001", ""}},
                  .job_title = "CFO", .birthday = Birthday{1985, 3, 7}, .preferred_language = "uk", .country = "UA",
                  .owner = "anna.berzina", .external_ref = "C-1",
                  .consents = {{ConsentChannel::email, true, Instant(Date(2025, 1, 2), hours(10))}},
                  .tags = {"newsletter"}, .account = account.id};
    contact = db.contacts().create(c);
    lead = db.leads().create({.first_name = "Jonas", .last_name = "Petraitis", .company_name = "UAB Ąžuolas",
                              .email = "jonas@azuolas.lt", .country = "LT", .external_ref = "L-1"});
    const Pipeline sales = db.pipelines().default_pipeline();
    const LostReason price = *db.pipelines().find_lost_reason("Price");
    OpportunityData d{.account = account.id, .primary_contact = contact.id, .name = "Kases sistēma",
                      .amount = Money(123450, "EUR"), .expected_close = Date(2025, 6, 30), .pipeline = sales.id,
                      .stage = sales.stage("Lost").id, .owner = "anna.berzina", .external_ref = "D-1",
                      .tags = {"q2"}, .lost_reason = price.id, .closed_on = Date(2025, 3, 1)};
    deal = db.opportunities().create(d);
    ActivityData call{.kind = ActivityKind::call, .subject = "Zvans", .body = "Runājām.\nПерезвонить.",
                      .status = ActivityStatus::done, .starts_at = Instant(Date(2025, 3, 7), hours(9)),
                      .duration_seconds = 185, .direction = Direction::outbound, .phone = "+380 67 123 45 67",
                      .owner = "anna.berzina", .account = account.id, .contact = contact.id,
                      .opportunity = deal.id, .lead = lead.id};
    activity = db.activities().create(call);
  }

  test::ManualClock clock;
  Database db;
  Account holding, account;
  Contact contact;
  Lead lead;
  Opportunity deal;
  Activity activity;
};

// ---- CSV.

// An output stream that uses the database it is being written by.
class StreamUsingTheDatabase : public std::stringbuf {
 public:
  explicit StreamUsingTheDatabase(Database& db) : db_(db) {}
  std::string error;

 protected:
  std::streamsize xsputn(const char* text, std::streamsize size) override {
    try {
      db_.accounts().count();
    } catch (const Error& e) {
      error = e.what();
    }
    return std::stringbuf::xsputn(text, size);
  }

 private:
  Database& db_;
};

TEST_F(ExportTest, AStreamUsingTheDatabaseBeingExportedIsRefused) {
  db.accounts().create({.name = "Kokanams"});
  StreamUsingTheDatabase buffer(db);
  std::ostream out(&buffer);
  EXPECT_EQ(db.exports().write(out, {.kind = RecordKind::account}), 1);
  EXPECT_NE(buffer.error.find("callback of its own operation"), std::string::npos) << buffer.error;
  EXPECT_NE(buffer.str().find("Kokanams"), std::string::npos);
}

TEST_F(ExportTest, CsvHasTheColumnNamesThenOneRowPerRecord) {
  add_customers();
  for (RecordKind kind : {RecordKind::account, RecordKind::contact, RecordKind::lead, RecordKind::opportunity,
                          RecordKind::activity}) {
    std::int64_t rows = 0;
    const Csv file = parse_csv(exported({.kind = kind}, &rows));
    EXPECT_EQ(file.header, detail::column_names(kind)) << record_kind_name(kind);
    EXPECT_EQ(rows, kind == RecordKind::account ? 2 : 1);
    EXPECT_EQ(file.rows.size(), static_cast<std::size_t>(rows));
  }
}

TEST_F(ExportTest, CsvNamesLinkedRecordsByExternalRefAndName) {
  add_customers();
  const Csv accounts = csv(RecordKind::account, {.sort = SortBy::id});
  EXPECT_EQ(accounts.cell(1, "parent_ref"), "ERP-000");
  EXPECT_EQ(accounts.cell(1, "parent"), "Holding AS");
  const Csv contacts = csv(RecordKind::contact);
  EXPECT_EQ(contacts.cell(0, "account_ref"), "ERP-001");
  EXPECT_EQ(contacts.cell(0, "account"), "SIA \"Bērziņš, un Ko\"");
  const Csv deals = csv(RecordKind::opportunity);
  EXPECT_EQ(deals.cell(0, "contact_ref"), "C-1");
  EXPECT_EQ(deals.cell(0, "contact_email"), "o@y.ua");
  EXPECT_EQ(deals.cell(0, "pipeline"), "Sales");
  EXPECT_EQ(deals.cell(0, "stage"), "Lost");
  EXPECT_EQ(deals.cell(0, "lost_reason"), "Price");
  EXPECT_EQ(deals.cell(0, "amount"), "1234.50");
  EXPECT_EQ(deals.cell(0, "currency"), "EUR");
  const Csv activities = csv(RecordKind::activity);
  EXPECT_EQ(activities.cell(0, "opportunity_ref"), "D-1");
  EXPECT_EQ(activities.cell(0, "opportunity"), "Kases sistēma");
  EXPECT_EQ(activities.cell(0, "lead_ref"), "L-1");
  EXPECT_EQ(activities.cell(0, "starts_at"), "2025-03-07T09:00:00Z");
}

TEST_F(ExportTest, CsvOfEveryKindReadsBackToTheStoredData) {
  add_customers();
  const auto back = [&](RecordKind kind) {
    auto read = drafts(kind, csv(kind, {.sort = SortBy::id}));
    return read;
  };
  const auto accounts = back(RecordKind::account);
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_TRUE(test::same_fields(std::get<AccountData>(accounts[1].data), static_cast<const AccountData&>(account)));
  EXPECT_EQ(accounts[1].id, account.id.value());
  EXPECT_EQ(accounts[1].refs.account_ref, "ERP-000");

  Contact stored = db.contacts().get(contact.id);
  for (Phone& phone : stored.phones) phone.e164.clear();  // set by the library, not carried in CSV
  const auto contacts = back(RecordKind::contact);
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_TRUE(test::same_fields(std::get<ContactData>(contacts[0].data), static_cast<const ContactData&>(stored)));

  const auto leads = back(RecordKind::lead);
  EXPECT_TRUE(test::same_fields(std::get<LeadData>(leads.at(0).data), static_cast<const LeadData&>(lead)));
  const auto deals = back(RecordKind::opportunity);
  EXPECT_TRUE(test::same_fields(std::get<OpportunityData>(deals.at(0).data), static_cast<const OpportunityData&>(deal)));
  EXPECT_EQ(deals[0].refs.stage, "Lost");
  const auto activities = back(RecordKind::activity);
  EXPECT_TRUE(
      test::same_fields(std::get<ActivityData>(activities.at(0).data), static_cast<const ActivityData&>(activity)));
  EXPECT_EQ(activities[0].refs.contact_ref, "C-1");
}

TEST_F(ExportTest, CsvKeepsLatvianAndCyrillicTextIntact) {
  add_customers();
  const std::string text = exported({.kind = RecordKind::contact});
  EXPECT_NE(text.find("Олена,Коваль"), std::string::npos) << text;
  EXPECT_NE(text.find("\"SIA \"\"Bērziņš, un Ko\"\"\""), std::string::npos) << text;
  EXPECT_NE(text.find("\r\n"), std::string::npos);
}

TEST_F(ExportTest, CsvTakesSemicolonAndTabDelimitersOnly) {
  add_customers();
  const std::string semicolons = exported({.kind = RecordKind::lead, .delimiter = ';'});
  EXPECT_EQ(parse_csv(semicolons, ';').header, detail::column_names(RecordKind::lead));
  const std::string tabs = exported({.kind = RecordKind::lead, .delimiter = '\t'});
  EXPECT_EQ(parse_csv(tabs, '\t').cell(0, "company_name"), "UAB Ąžuolas");
  std::ostringstream out;
  const Error error = EXPECT_CRM_ERROR(db.exports().write(out, {.kind = RecordKind::lead, .delimiter = '|'}),
                                       ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "delimiter");
  EXPECT_TRUE(out.str().empty());
}

TEST_F(ExportTest, ExportedCsvImportsIntoAnotherDatabaseWithItsLinks) {
  add_customers();
  Database copy = Database::open_in_memory(test::test_options(clock));
  for (RecordKind kind : {RecordKind::account, RecordKind::contact, RecordKind::lead, RecordKind::opportunity,
                          RecordKind::activity}) {
    std::istringstream in(exported({.kind = kind, .query = {.sort = SortBy::id}}));
    const ImportResult result = copy.imports().read(in, {.kind = kind, .on_duplicate = DuplicateAction::ignore});
    EXPECT_EQ(result.failed, 0) << record_kind_name(kind) << ": " << (result.errors.empty() ? "" : result.errors[0].message);
  }
  const Account berzins = *copy.accounts().find_by_external_ref("ERP-001");
  EXPECT_TRUE(test::same_fields(static_cast<const AccountData&>(berzins), static_cast<const AccountData&>(account)));
  EXPECT_EQ(copy.accounts().get(berzins.parent).external_ref, "ERP-000");
  const Contact olena = *copy.contacts().find_by_external_ref("C-1");
  EXPECT_TRUE(test::same_fields(static_cast<const ContactData&>(olena), static_cast<const ContactData&>(contact)));
  EXPECT_EQ(olena.account, berzins.id);
  const Opportunity lost = *copy.opportunities().find_by_external_ref("D-1");
  EXPECT_TRUE(test::same_fields(static_cast<const OpportunityData&>(lost), static_cast<const OpportunityData&>(deal)));
  EXPECT_EQ(lost.stage_kind, StageKind::lost);
  EXPECT_EQ(lost.primary_contact, olena.id);
  const auto calls = copy.activities().list({}, {.contact = olena.id}).items;
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_TRUE(test::same_fields(static_cast<const ActivityData&>(calls[0]), static_cast<const ActivityData&>(activity)));
  EXPECT_EQ(calls[0].opportunity, lost.id);
}

// ---- Formulas (OWASP "CSV injection").

// Values a spreadsheet would run, a value escaped by hand, and legitimate
// numbers and phone numbers that must stay readable.
const std::vector<std::string> kFormulaNames = {
    "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x.example\",\"y\")", "'=1+1", "''@x",
    "'s-Hertogenbosch"};

TEST_F(ExportTest, CsvEscapesFormulasAndTheImportReadsThemBackExactly) {
  for (const std::string& name : kFormulaNames)
    db.accounts().create({.name = name, .phone = "+371 67 000 000", .description = "\t=1+1\nsecond line"});
  const std::string text = exported({.kind = RecordKind::account, .query = {.sort = SortBy::id}});
  const Csv csv = parse_csv(text);
  ASSERT_EQ(csv.rows.size(), kFormulaNames.size());
  for (const auto& row : csv.rows)
    for (const std::string& cell : row)
      EXPECT_TRUE(cell.empty() || !detail::is_formula_trigger(cell.front()) || detail::is_harmless_number(cell)) << cell;
  EXPECT_EQ(csv.cell(0, "name"), "'=cmd|' /C calc'!A0");
  EXPECT_EQ(csv.cell(5, "name"), "''=1+1");
  EXPECT_EQ(csv.cell(7, "name"), "'s-Hertogenbosch");  // no formula after the quote: as it is
  EXPECT_EQ(csv.cell(0, "phone"), "+371 67 000 000");  // a phone number stays readable
  EXPECT_EQ(csv.cell(0, "description"), "'\t=1+1\nsecond line");

  Database copy = Database::open_in_memory(test::test_options(clock));
  std::istringstream in(text);
  const ImportResult result = copy.imports().read(in, {.kind = RecordKind::account});
  ASSERT_EQ(result.failed, 0) << (result.errors.empty() ? "" : result.errors[0].message);
  const auto accounts = copy.accounts().list({.sort = SortBy::id}).items;
  ASSERT_EQ(accounts.size(), kFormulaNames.size());
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    EXPECT_EQ(accounts[i].name, kFormulaNames[i]);
    EXPECT_EQ(accounts[i].phone, "+371 67 000 000");
    EXPECT_EQ(accounts[i].description, "\t=1+1\nsecond line");
  }
}

TEST_F(ExportTest, CsvKeepsNegativeNumbersAndWritesFormulasAsTheyAreWhenEscapingIsOff) {
  db.custom_fields().define(RecordKind::opportunity, {.name = "balance", .type = CustomFieldType::decimal});
  const Account acme = db.accounts().create({.name = "=1+1"});
  OpportunityData deal{.account = acme.id, .name = "-2+3", .amount = Money(500, "EUR")};
  deal.custom = {{"balance", CustomValue::decimal("-5.25")}};
  db.opportunities().create(deal);
  const Csv escaped = parse_csv(exported({.kind = RecordKind::opportunity}));
  EXPECT_EQ(escaped.cell(0, "name"), "'-2+3");
  EXPECT_EQ(escaped.cell(0, "balance"), "-5.25");  // a number: not escaped
  EXPECT_EQ(escaped.cell(0, "account"), "'=1+1");
  const Csv raw = parse_csv(exported({.kind = RecordKind::opportunity, .escape_formulas = false}));
  EXPECT_EQ(raw.cell(0, "name"), "-2+3");
  EXPECT_EQ(raw.cell(0, "account"), "=1+1");
}

TEST_F(ExportTest, JsonIsNeverEscaped) {
  db.accounts().create({.name = "=1+1"});
  EXPECT_EQ(json(RecordKind::account)[0]["name"], "=1+1");
}

// ---- Custom fields.

TEST_F(ExportTest, CustomFieldsAreColumnsNamedByTheField) {
  db.custom_fields().define(RecordKind::contact, {.name = "tier", .type = CustomFieldType::choice, .choices = {"Gold", "Silver"}});
  db.custom_fields().define(RecordKind::contact, {.name = "limit", .type = CustomFieldType::money});
  db.custom_fields().define(RecordKind::contact, {.name = "since", .type = CustomFieldType::date});
  db.custom_fields().define(RecordKind::contact, {.name = "visits", .type = CustomFieldType::integer});
  db.custom_fields().define(RecordKind::contact, {.name = "topics", .type = CustomFieldType::choices, .choices = {"a", "b"}});
  ContactData data{.last_name = "Liepa"};
  data.custom = {{"tier", CustomValue("Gold")},
                 {"limit", CustomValue(Money(120050, "EUR"))},
                 {"since", CustomValue(Date(2024, 2, 29))},
                 {"topics", CustomValue(std::vector<std::string>{"a", "b"})}};
  const Contact stored = db.contacts().create(data);

  const Csv file = csv(RecordKind::contact);
  const std::vector<std::string> tail(file.header.end() - 5, file.header.end());
  EXPECT_EQ(tail, (std::vector<std::string>{"tier", "limit", "since", "visits", "topics"}));
  EXPECT_EQ(file.cell(0, "limit"), "1200.50 EUR");
  EXPECT_EQ(file.cell(0, "visits"), "");
  const auto read = drafts(RecordKind::contact, file, db.custom_fields().list(RecordKind::contact));
  EXPECT_EQ(std::get<ContactData>(read.at(0).data).custom, stored.custom);

  const Json custom = json(RecordKind::contact).at(0).at("custom");
  EXPECT_EQ(custom, Json::parse(R"({"tier": "Gold", "limit": {"amount": "1200.50", "currency": "EUR"},
                                    "since": "2024-02-29", "topics": ["a", "b"]})"));
}

// ---- Which records.

TEST_F(ExportTest, SegmentExportWritesItsMembersOnly) {
  add_customers();
  db.contacts().create({.last_name = "Liepa", .country = "LV"});
  const Segment ukrainians = db.segments().create(RecordKind::contact, "Ukrainians", Filter::parse("country = \"UA\""));
  std::int64_t rows = 0;
  const Csv file = parse_csv(exported({.kind = RecordKind::contact, .query = {.segment = ukrainians.id}}, &rows));
  EXPECT_EQ(rows, 1);
  EXPECT_EQ(file.cell(0, "last_name"), "Коваль");
}

TEST_F(ExportTest, SegmentOfAnotherKindIsRefusedBeforeAnythingIsWritten) {
  const Segment accounts = db.segments().create(RecordKind::account, "Retail", Filter::parse("industry = \"Retail\""));
  std::ostringstream out;
  EXPECT_CRM_ERROR(db.exports().write(out, {.kind = RecordKind::contact, .query = {.segment = accounts.id}}),
                   ErrorCode::invalid_argument);
  EXPECT_TRUE(out.str().empty());
}

TEST_F(ExportTest, WhereFilterSelectsRecordsOfEveryKind) {
  add_customers();
  db.contacts().create({.last_name = "Liepa", .country = "LV"});
  EXPECT_EQ(csv(RecordKind::contact, {.where = "country = \"LV\""}).cell(0, "last_name"), "Liepa");
  EXPECT_EQ(csv(RecordKind::account, {.where = "industry = \"Retail\""}).rows.size(), 1u);
  EXPECT_EQ(csv(RecordKind::activity, {.where = "kind = call"}).rows.size(), 1u);
  EXPECT_EQ(csv(RecordKind::activity, {.where = "kind = meeting"}).rows.size(), 0u);
  std::ostringstream out;
  const Error error = EXPECT_CRM_ERROR(db.exports().write(out, {.query = {.where = "contry = \"LV\""}}),
                                       ErrorCode::parse_error);
  EXPECT_NE(std::string(error.what()).find("did you mean 'country'"), std::string::npos) << error.what();
  EXPECT_TRUE(out.str().empty());
}

TEST_F(ExportTest, DeletedRecordsAreLeftOutUnlessAskedFor) {
  add_customers();
  const Contact gone = db.contacts().create({.last_name = "Prom"});
  db.contacts().remove(gone.id);
  EXPECT_EQ(csv(RecordKind::contact).rows.size(), 1u);
  EXPECT_EQ(csv(RecordKind::contact, {.deleted = DeletedFilter::include}).rows.size(), 2u);
  EXPECT_EQ(csv(RecordKind::contact, {.deleted = DeletedFilter::only}).cell(0, "last_name"), "Prom");
}

TEST_F(ExportTest, ManyRecordsAreWrittenPageByPageInTheQueryOrder) {
  {
    Transaction batch(db);
    for (int i = 0; i < 1234; ++i) db.contacts().create({.last_name = "P" + std::to_string(10000 + i)});
    batch.commit();
  }
  std::int64_t rows = 0;
  const Csv file = parse_csv(exported({.query = {.sort = SortBy::id, .descending = true, .limit = 3, .offset = 7}}, &rows));
  ASSERT_EQ(rows, 1234) << "paging fields of the query are ignored";
  ASSERT_EQ(file.rows.size(), 1234u);
  EXPECT_EQ(file.cell(0, "last_name"), "P11233");
  EXPECT_EQ(file.cell(1233, "last_name"), "P10000");
}

// ---- JSON.

TEST_F(ExportTest, JsonIsAnArrayOfObjectsWithTypedValues) {
  add_customers();
  const Json contacts = json(RecordKind::contact);
  ASSERT_TRUE(contacts.is_array());
  ASSERT_EQ(contacts.size(), 1u);
  const Json& c = contacts[0];
  EXPECT_EQ(c.at("id"), contact.id.value());
  EXPECT_EQ(c.at("last_name"), "Коваль");
  EXPECT_EQ(c.at("emails"), Json::parse(R"(["o@y.ua", "olena@x.ua"])"));
  EXPECT_EQ(c.at("phones").at(0), Json::parse(R"({"kind": "mobile", "number": "+380 67 123 45 67", "e164": "+380671234567"})"));
  EXPECT_EQ(c.at("consents"), Json::parse(R"([{"channel": "email", "granted": true, "changed_at": "2025-01-02T10:00:00Z"}])"));
  EXPECT_EQ(c.at("birthday"), "1985-03-07");
  EXPECT_EQ(c.at("account"), "SIA \"Bērziņš, un Ko\"");
  EXPECT_FALSE(c.contains("description")) << "unset fields are left out";
  EXPECT_FALSE(c.contains("custom"));

  const Json d = json(RecordKind::opportunity).at(0);
  EXPECT_EQ(d.at("amount"), "1234.50") << "money is never a JSON number";
  EXPECT_EQ(d.at("currency"), "EUR");
  EXPECT_FALSE(d.contains("probability"));
  const Json a = json(RecordKind::activity).at(0);
  EXPECT_EQ(a.at("duration_seconds"), 185);
  EXPECT_EQ(a.at("body"), "Runājām.\nПерезвонить.");
  EXPECT_EQ(json(RecordKind::account, {.sort = SortBy::id}).at(1).at("tags"), Json::parse(R"(["vip", "Клиент"])"));
}

TEST_F(ExportTest, JsonOfNothingIsAnEmptyArray) {
  std::int64_t rows = -1;
  const std::string text = exported({.kind = RecordKind::lead, .format = ExportFormat::json}, &rows);
  EXPECT_EQ(rows, 0);
  EXPECT_EQ(Json::parse(text), Json::array());
}

TEST_F(ExportTest, FormatNamesReadBack) {
  EXPECT_EQ(export_format_name(ExportFormat::json), "json");
  EXPECT_EQ(export_format_from_name("csv"), ExportFormat::csv);
  EXPECT_EQ(export_format_from_name("xml"), std::nullopt);
}

// ---- Files.

std::vector<std::string> files_in(const std::string& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_F(ExportTest, WriteFileWritesTheWholeExport) {
  add_customers();
  test::TempDir dir;
  const std::string path = dir.file("kontakti.json");
  EXPECT_EQ(db.exports().write_file(path, {.format = ExportFormat::json}), 1);
  EXPECT_EQ(Json::parse(slurp(path)).at(0).at("first_name"), "Олена");
  EXPECT_EQ(files_in(std::filesystem::path(path).parent_path().string()), std::vector<std::string>{"kontakti.json"});
}

TEST_F(ExportTest, WriteFileLeavesNoFileOnError) {
  test::TempDir dir;
  const std::string path = dir.file("out.csv");
  EXPECT_CRM_ERROR(db.exports().write_file(path, {.query = {.where = "nonsense ="}}), ErrorCode::parse_error);
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(files_in(std::filesystem::path(path).parent_path().string()).empty()) << "no temporary file is left";
}

TEST_F(ExportTest, WriteFileKeepsTheOldFileWhenTheExportFails) {
  test::TempDir dir;
  const std::string path = dir.file("out.csv");
  std::ofstream(path) << "old content";
  EXPECT_CRM_ERROR(db.exports().write_file(path, {.delimiter = '|'}), ErrorCode::invalid_argument);
  EXPECT_EQ(slurp(path), "old content");
  EXPECT_EQ(db.exports().write_file(path, {}), 0);
  EXPECT_TRUE(slurp(path).starts_with("id,external_ref,first_name,last_name,")) << slurp(path);
}

TEST_F(ExportTest, WriteFileIntoAMissingDirectoryIsNotFound) {
  test::TempDir dir;
  const Error error = EXPECT_CRM_ERROR(db.exports().write_file(dir.file("no/such/dir/out.csv"), {}), ErrorCode::not_found);
  EXPECT_EQ(error.field(), "path");
  EXPECT_CRM_ERROR(db.exports().write_file("", {}), ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace crm
