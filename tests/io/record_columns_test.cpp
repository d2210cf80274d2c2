#include "io/record_columns.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "crm/error.hpp"
#include "io/record_fields.hpp"
#include "support/test_database.hpp"

namespace crm::detail {
namespace {

using boost::posix_time::hours;
using boost::posix_time::microseconds;
using boost::posix_time::minutes;
using boost::posix_time::seconds;

// A draft of `kind` with `cells` (column -> text) applied and finished.
RecordDraft read(RecordKind kind, const std::vector<std::pair<std::string, std::string>>& cells,
                 SlashDates slashes = SlashDates::refuse) {
  RecordDraft draft = new_draft(kind);
  draft.slash_dates = slashes;
  for (const auto& [column, text] : cells) apply_column(draft, column, text);
  finish_draft(draft);
  return draft;
}

OpportunityData deal(const std::vector<std::pair<std::string, std::string>>& cells) {
  return std::get<OpportunityData>(read(RecordKind::opportunity, cells).data);
}
ContactData contact(const std::vector<std::pair<std::string, std::string>>& cells) {
  return std::get<ContactData>(read(RecordKind::contact, cells).data);
}
ActivityData activity(const std::vector<std::pair<std::string, std::string>>& cells) {
  return std::get<ActivityData>(read(RecordKind::activity, cells).data);
}

// The error applying one cell throws (none: a test failure).
Error cell_error(RecordKind kind, const std::string& column, const std::string& text,
                 SlashDates slashes = SlashDates::refuse) {
  return EXPECT_CRM_ERROR(read(kind, {{column, text}}, slashes), ErrorCode::invalid_argument);
}

// Every exported column of `draft` written, then read into a new draft.
RecordDraft round_trip(const RecordDraft& draft) {
  RecordDraft back = new_draft(kind_of(draft));
  for (const std::string& column : column_names(kind_of(draft))) apply_column(back, column, format_column(draft, column));
  finish_draft(back);
  return back;
}

// ---- Dates and instants.

TEST(RecordColumns, ReadsDatesInIsoAndDayMonthYearForms) {
  for (const char* text : {"2025-03-07", "07.03.2025", "7.3.2025", "07.03.2025.", "2025/03/07", " 2025-03-07 ",
                           "2025-03-07 00:00:00.000", "2025-03-07T00:00:00Z"})
    EXPECT_EQ(deal({{"expected_close", text}}).expected_close, Date(2025, 3, 7)) << text;
}

TEST(RecordColumns, RefusesSlashedDatesUnlessTheOrderIsChosen) {
  const Error error = cell_error(RecordKind::opportunity, "expected_close", "7/12/2024");
  EXPECT_EQ(error.field(), "expected_close");
  EXPECT_NE(std::string(error.what()).find("'7/12/2024'"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("cannot be told apart"), std::string::npos) << error.what();
  auto with = [](SlashDates order) {
    return std::get<OpportunityData>(read(RecordKind::opportunity, {{"expected_close", "7/12/2024"}}, order).data);
  };
  EXPECT_EQ(with(SlashDates::day_first).expected_close, Date(2024, 12, 7));
  EXPECT_EQ(with(SlashDates::month_first).expected_close, Date(2024, 7, 12));
}

TEST(RecordColumns, RefusesDatesThatDoNotExistOrCarryATime) {
  for (const char* text : {"31.02.2025", "2025-13-01", "tomorrow", "07.03.25", "2025-03-07 14:30"}) {
    const Error error = cell_error(RecordKind::opportunity, "closed_on", text);
    EXPECT_EQ(error.field(), "closed_on");
    EXPECT_NE(std::string(error.what()).find(text), std::string::npos) << error.what();
  }
}

TEST(RecordColumns, ReadsInstantsWithAZoneAndWithoutOneAsUtc) {
  const Instant expected(Date(2025, 1, 2), hours(10) + minutes(30));
  for (const char* text : {"2025-01-02T10:30:00Z", "2025-01-02T12:30:00+02:00", "2025-01-02T10:30:00.000+0000",
                           "2025-01-02 10:30", "2025-01-02T10:30:00", "02.01.2025 10:30", "2.1.2025 10:30:00",
                           "2025-01-02 10:30 UTC"})
    EXPECT_EQ(activity({{"starts_at", text}}).starts_at, expected) << text;
  EXPECT_EQ(activity({{"starts_at", "02.01.2025"}}).starts_at, Instant(Date(2025, 1, 2)));
  EXPECT_EQ(activity({{"starts_at", "2025-01-02T10:30:00.250000Z"}}).starts_at, expected + microseconds(250000));
  EXPECT_EQ(std::get<ActivityData>(read(RecordKind::activity, {{"starts_at", "1/31/2024 9:05"}}, SlashDates::month_first).data)
                .starts_at,
            Instant(Date(2024, 1, 31), hours(9) + minutes(5)));
}

TEST(RecordColumns, RefusesInstantsThatDoNotRead) {
  for (const char* text : {"2025-01-02 25:00", "02.01.2025 10", "soon", "2025-01-02T10:30:00+99:00"}) {
    const Error error = cell_error(RecordKind::activity, "reminder_at", text);
    EXPECT_EQ(error.field(), "reminder_at");
    EXPECT_NE(std::string(error.what()).find(text), std::string::npos) << error.what();
  }
}

TEST(RecordColumns, FormatsInstantsWithAFractionOnlyWhenThereIsOne) {
  EXPECT_EQ(format_instant_cell(Instant(Date(2025, 1, 2), hours(10))), "2025-01-02T10:00:00Z");
  EXPECT_EQ(format_instant_cell(Instant(Date(2025, 1, 2), hours(10) + microseconds(5))), "2025-01-02T10:00:00.000005Z");
}

// ---- Amounts and currencies.

TEST(RecordColumns, ReadsAmountsWithLocalSeparators) {
  const std::map<std::string, std::int64_t> cents = {
      {"1234.50", 123450},     {"1 234,50", 123450},         {"1,234.50", 123450},   {"1234,5", 123450},
      {"1'234.50", 123450},    {"1\xC2\xA0" "234,50", 123450}, {"1.234.567,89", 123456789}, {"1,234,567", 123456700},
      {"-12", -1200},          {"+0,5", 50},                  {"1234.500", 123450},   {"\xE2\x82\xAC" "1,234.50", 123450},
      {"1234.50 EUR", 123450}, {"EUR 1234.50", 123450},       {"1\xE2\x80\xAF" "234", 123400}};
  for (const auto& [text, minor] : cents) {
    const Money amount = deal({{"amount", text}}).amount;
    EXPECT_EQ(amount, Money(minor, "EUR")) << text;
  }
}

TEST(RecordColumns, TakesTheCurrencyFromItsColumnOrTheAmountCell) {
  EXPECT_EQ(deal({{"amount", "1234.5"}, {"currency", "usd"}}).amount, Money(123450, "USD"));
  EXPECT_EQ(deal({{"currency", "GBP"}, {"amount", "12"}}).amount, Money(1200, "GBP"));
  EXPECT_EQ(deal({{"amount", "1 200 JPY"}}).amount, Money(1200, "JPY"));
  EXPECT_EQ(deal({{"currency", "USD"}}).amount, Money(0, "USD"));
  EXPECT_EQ(deal({{"amount", "99"}}).amount, Money(9900, "EUR")) << "a new draft's currency is EUR";
}

TEST(RecordColumns, RefusesAmountsThatDoNotRead) {
  for (const char* text : {"12 34", "1.", "abc", "1,2,3.4.5", "12..5", "-", "1 234 5"}) {
    const Error error = cell_error(RecordKind::opportunity, "amount", text);
    EXPECT_EQ(error.field(), "amount");
    EXPECT_NE(std::string(error.what()).find(text), std::string::npos) << error.what();
  }
}

TEST(RecordColumns, RefusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding) {
  const Error euro = cell_error(RecordKind::opportunity, "amount", "1234.567");
  EXPECT_EQ(euro.field(), "amount");
  EXPECT_NE(std::string(euro.what()).find("never rounded"), std::string::npos) << euro.what();
  const Error yen = EXPECT_CRM_ERROR(deal({{"amount", "1234,5"}, {"currency", "JPY"}}), ErrorCode::invalid_argument);
  EXPECT_EQ(yen.field(), "amount");
  EXPECT_EQ(deal({{"amount", "12.345"}, {"currency", "KWD"}}).amount, Money(12345, "KWD"));
}

TEST(RecordColumns, RefusesAnUnknownCurrencyNamingTheCurrencyColumn) {
  const Error error = EXPECT_CRM_ERROR(deal({{"amount", "10"}, {"currency", "XYZ"}}), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "currency");
  EXPECT_NE(std::string(error.what()).find("'XYZ'"), std::string::npos) << error.what();
}

TEST(RecordColumns, RefusesTwoDifferentCurrenciesForOneDeal) {
  const Error error = EXPECT_CRM_ERROR(deal({{"currency", "EUR"}, {"amount", "10 USD"}}), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "amount");
}

TEST(RecordColumns, ReadsProbabilityAsAWholePercent) {
  EXPECT_EQ(deal({{"probability", "75%"}}).probability_override, 75);
  EXPECT_EQ(cell_error(RecordKind::opportunity, "probability", "120").field(), "probability");
  EXPECT_EQ(cell_error(RecordKind::opportunity, "probability", "high").field(), "probability");
}

TEST(RecordColumns, SetsBothCloseDatesFromCloseDate) {
  const OpportunityData closed = deal({{"close_date", "2024-11-01"}});
  EXPECT_EQ(closed.expected_close, Date(2024, 11, 1));
  EXPECT_EQ(closed.closed_on, Date(2024, 11, 1));
}

// ---- Enumerations, booleans, durations, recurrences.

TEST(RecordColumns, ReadsEnumerationsByNameIgnoringCase) {
  EXPECT_EQ(activity({{"kind", "CALL"}}).kind, ActivityKind::call);
  EXPECT_EQ(activity({{"kind", "Phone call"}}).kind, ActivityKind::call);
  EXPECT_EQ(activity({{"kind", "Meeting"}}).kind, ActivityKind::meeting);
  EXPECT_EQ(activity({{"status", "Completed"}}).status, ActivityStatus::done);
  EXPECT_EQ(activity({{"status", "Scheduled"}}).status, ActivityStatus::planned);
  EXPECT_EQ(activity({{"status", "not started"}}).status, ActivityStatus::planned);
  EXPECT_EQ(activity({{"direction", "Inbound"}}).direction, Direction::inbound);
  EXPECT_EQ(activity({{"direction", "outgoing"}}).direction, Direction::outbound);
  EXPECT_EQ(std::get<LeadData>(read(RecordKind::lead, {{"status", "Qualified"}}).data).status, LeadStatus::qualified);
  EXPECT_EQ(std::get<LeadData>(read(RecordKind::lead, {{"status", "NEW"}}).data).status, LeadStatus::fresh);
}

TEST(RecordColumns, RefusesUnknownEnumerationNamesListingTheNames) {
  const Error kind = cell_error(RecordKind::activity, "kind", "fax");
  EXPECT_EQ(kind.field(), "kind");
  EXPECT_NE(std::string(kind.what()).find("(call, meeting, email, task, note or sms)"), std::string::npos);
  EXPECT_EQ(cell_error(RecordKind::activity, "status", "maybe").field(), "status");
  EXPECT_EQ(cell_error(RecordKind::activity, "direction", "sideways").field(), "direction");
  EXPECT_EQ(cell_error(RecordKind::lead, "status", "Open - Not Contacted").field(), "status");
}

TEST(RecordColumns, ReadsDurationsInSecondsOrClockForm) {
  EXPECT_EQ(activity({{"duration_seconds", "125"}}).duration_seconds, 125);
  EXPECT_EQ(activity({{"duration_seconds", "2:05"}}).duration_seconds, 125);
  EXPECT_EQ(activity({{"duration_seconds", "1:02:05"}}).duration_seconds, 3725);
  for (const char* text : {"1:99", "ten", "1:2:3:4"})
    EXPECT_EQ(cell_error(RecordKind::activity, "duration_seconds", text).field(), "duration_seconds") << text;
}

TEST(RecordColumns, ReadsRecurrences) {
  EXPECT_EQ(activity({{"recurrence", "every 2 weeks on business days in lv"}}).recurrence,
            (Recurrence{RecurrenceUnit::week, 2, true, "LV"}));
  EXPECT_EQ(activity({{"recurrence", "Weekly"}}).recurrence, (Recurrence{RecurrenceUnit::week, 1, false, ""}));
  EXPECT_EQ(activity({{"recurrence", "every day"}}).recurrence, (Recurrence{RecurrenceUnit::day, 1, false, ""}));
  EXPECT_EQ(activity({{"recurrence", "every 3 months in DE"}}).recurrence,
            (Recurrence{RecurrenceUnit::month, 3, false, "DE"}));
  for (const char* text : {"fortnightly", "every 2 years", "every week on holidays"})
    EXPECT_EQ(cell_error(RecordKind::activity, "recurrence", text).field(), "recurrence") << text;
}

TEST(RecordColumns, ReadsConsentsWithYesNoAndAnOptionalTime) {
  const ContactData person = contact({{"consents", "email: YES 2025-01-02T10:00:00Z; SMS: 0; post: true"}});
  ASSERT_EQ(person.consents.size(), 3u);
  EXPECT_EQ(person.consents[0], (Consent{ConsentChannel::email, true, Instant(Date(2025, 1, 2), hours(10))}));
  EXPECT_EQ(person.consents[1], (Consent{ConsentChannel::sms, false, {}}));
  EXPECT_EQ(person.consents[2], (Consent{ConsentChannel::post, true, {}}));
  for (const char* text : {"email: maybe", "fax: yes", "email yes", "email: yes someday"})
    EXPECT_EQ(cell_error(RecordKind::contact, "consents", text).field(), "consents") << text;
}

// ---- Lists, birthdays, blanks, unknown columns.

TEST(RecordColumns, AppendsListColumnsAndMakesTheFirstEmailPrimary) {
  const ContactData person = contact({{"emails", "anna@x.lv; anna.b@y.lv"},
                                      {"emails", "anna@z.lv"},
                                      {"phones", "mobile: +371 26 123 456; work: 67000000"},
                                      {"phones", "29 111 222"},
                                      {"phones_work", "67 111 222; home: 67 333 444"},
                                      {"tags", "vip; newsletter"},
                                      {"tags", "fair 2025"}});
  EXPECT_EQ(person.emails, (std::vector<Email>{{"anna@x.lv", true}, {"anna.b@y.lv", false}, {"anna@z.lv", false}}));
  EXPECT_EQ(person.phones, (std::vector<Phone>{{PhoneKind::mobile, "+371 26 123 456", ""},
                                               {PhoneKind::work, "67000000", ""},
                                               {PhoneKind::mobile, "29 111 222", ""},
                                               {PhoneKind::work, "67 111 222", ""},
                                               {PhoneKind::home, "67 333 444", ""}}));
  EXPECT_EQ(person.tags, (std::vector<std::string>{"vip", "newsletter", "fair 2025"}));
  EXPECT_EQ(cell_error(RecordKind::contact, "phones", "work:").field(), "phones");
}

TEST(RecordColumns, ReplacesSingleValuedColumns) {
  const ContactData person = contact({{"first_name", "Anna"}, {"first_name", " Jānis "}});
  EXPECT_EQ(person.first_name, "Jānis");
}

TEST(RecordColumns, ReadsBirthdaysWithAndWithoutTheYear) {
  EXPECT_EQ(contact({{"birthday", "1985-03-07"}}).birthday, (Birthday{1985, 3, 7}));
  EXPECT_EQ(contact({{"birthday", "07.03.1985"}}).birthday, (Birthday{1985, 3, 7}));
  EXPECT_EQ(contact({{"birthday", "--03-07"}}).birthday, (Birthday{std::nullopt, 3, 7}));
  EXPECT_EQ(contact({{"birthday", "7.3."}}).birthday, (Birthday{std::nullopt, 3, 7}));
  EXPECT_EQ(contact({{"birthday", "1948-12-08 00:00:00.000"}}).birthday, (Birthday{1948, 12, 8}));
  EXPECT_EQ(cell_error(RecordKind::contact, "birthday", "--3-7x").field(), "birthday");
  EXPECT_EQ(cell_error(RecordKind::contact, "birthday", "March 7").field(), "birthday");
}

TEST(RecordColumns, LeavesFieldsUnsetForBlankCells) {
  const RecordDraft draft = read(RecordKind::opportunity, {{"amount", "  "}, {"expected_close", ""}, {"name", "\t"}});
  EXPECT_TRUE(test::same_fields(std::get<OpportunityData>(draft.data), OpportunityData{}));
  EXPECT_TRUE(draft.amount_text.empty());
}

TEST(RecordColumns, RefusesAColumnTheKindLacks) {
  const Error error = cell_error(RecordKind::lead, "emails", "a@x.lv");
  EXPECT_EQ(error.field(), "emails");
  EXPECT_NE(std::string(error.what()).find("not a column of lead records"), std::string::npos) << error.what();
  RecordDraft account = new_draft(RecordKind::account);
  EXPECT_EQ(EXPECT_CRM_ERROR(apply_column(account, "colour", ""), ErrorCode::invalid_argument).field(), "colour");
}

TEST(RecordColumns, KeepsIdsOfThisLibraryAndIgnoresOtherSystemsIds) {
  EXPECT_EQ(read(RecordKind::contact, {{"id", "42"}}).id, 42);
  EXPECT_EQ(read(RecordKind::contact, {{"id", "003Ec00000CyOT7IAN"}}).id, 0);
}

TEST(RecordColumns, NamesInputOnlyColumnsAsColumnsButDoesNotExportThem) {
  EXPECT_TRUE(is_column(RecordKind::contact, "phones_work"));
  EXPECT_TRUE(is_column(RecordKind::opportunity, "close_date"));
  EXPECT_FALSE(is_column(RecordKind::lead, "emails"));
  const auto names = column_names(RecordKind::contact);
  EXPECT_EQ(names.front(), "id");
  EXPECT_EQ(std::count(names.begin(), names.end(), "phones_work"), 0);
  const RecordDraft draft = new_draft(RecordKind::opportunity);
  EXPECT_EQ(EXPECT_CRM_ERROR(format_column(draft, "close_date"), ErrorCode::invalid_argument).field(), "close_date");
}

// ---- Custom fields.

CustomField field(std::string name, CustomFieldType type) {
  CustomField f;
  f.name = std::move(name);
  f.type = type;
  return f;
}

TEST(RecordColumns, ReadsCustomFieldsOfEveryType) {
  RecordDraft draft = new_draft(RecordKind::contact);
  apply_custom(draft, field("note", CustomFieldType::text), "two\nlines");
  apply_custom(draft, field("visits", CustomFieldType::integer), " 42 ");
  apply_custom(draft, field("discount", CustomFieldType::decimal), "12,50");
  apply_custom(draft, field("limit", CustomFieldType::money), "1 200,00 EUR");
  apply_custom(draft, field("since", CustomFieldType::date), "07.03.2025");
  apply_custom(draft, field("active", CustomFieldType::boolean), "Yes");
  apply_custom(draft, field("tier", CustomFieldType::choice), " Gold ");
  apply_custom(draft, field("topics", CustomFieldType::choices), "a; b");
  apply_custom(draft, field("skipped", CustomFieldType::integer), "  ");
  const CustomValues& custom = std::get<ContactData>(draft.data).custom;
  EXPECT_EQ(custom, (CustomValues{{"note", CustomValue("two\nlines")},
                                  {"visits", CustomValue(42)},
                                  {"discount", CustomValue::decimal("12.5")},
                                  {"limit", CustomValue(Money(120000, "EUR"))},
                                  {"since", CustomValue(Date(2025, 3, 7))},
                                  {"active", CustomValue(true)},
                                  {"tier", CustomValue("Gold")},
                                  {"topics", CustomValue(std::vector<std::string>{"a", "b"})}}));
}

TEST(RecordColumns, RefusesBadCustomValuesNamingTheField) {
  RecordDraft draft = new_draft(RecordKind::account);
  for (const auto& bad : std::vector<std::pair<CustomFieldType, std::string>>{
           {CustomFieldType::integer, "many"},
           {CustomFieldType::decimal, "12.5 EUR"},
           {CustomFieldType::money, "1200"},
           {CustomFieldType::money, "12.345 EUR"},
           {CustomFieldType::date, "7/3/2025"},
           {CustomFieldType::boolean, "perhaps"}}) {
    const CustomFieldType type = bad.first;  // not a structured binding: clang 14 cannot capture one
    const std::string& text = bad.second;
    const Error error = EXPECT_CRM_ERROR(apply_custom(draft, field("score", type), text), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "score") << text;
  }
}

// ---- Header mapping.

TEST(RecordColumns, MapsHeadersIgnoringCaseSpacesAndPunctuation) {
  EXPECT_EQ(column_for_header(RecordKind::contact, "First Name"), "first_name");
  EXPECT_EQ(column_for_header(RecordKind::contact, "first_name"), "first_name");
  EXPECT_EQ(column_for_header(RecordKind::contact, "FIRST-NAME"), "first_name");
  EXPECT_EQ(column_for_header(RecordKind::contact, "E-mail"), "emails");
  EXPECT_EQ(column_for_header(RecordKind::contact, "email_address"), "emails");
  EXPECT_EQ(column_for_header(RecordKind::account, "ZIP/Postal Code"), "address_postal_code");
  EXPECT_EQ(column_for_header(RecordKind::opportunity, "Probability (%)"), "probability");
  EXPECT_EQ(column_for_header(RecordKind::contact, "Vārds"), std::nullopt);
  EXPECT_EQ(column_for_header(RecordKind::contact, "Subscription Date"), std::nullopt);
}

TEST(RecordColumns, MapsEveryExportedColumnToItself) {
  for (RecordKind kind : {RecordKind::account, RecordKind::contact, RecordKind::lead, RecordKind::opportunity,
                          RecordKind::activity})
    for (const std::string& column : column_names(kind)) EXPECT_EQ(column_for_header(kind, column), column);
}

using HeaderMap = std::map<std::string, std::optional<std::string>>;

void expect_mapping(RecordKind kind, const HeaderMap& expected) {
  for (const auto& [header, column] : expected)
    EXPECT_EQ(column_for_header(kind, header), column) << record_kind_name(kind) << " header '" << header << "'";
}

TEST(RecordColumns, MapsTheHeadersOfTheDatablistCustomers) {
  expect_mapping(RecordKind::contact, {{"Index", std::nullopt},
                                       {"Customer Id", "external_ref"},
                                       {"First Name", "first_name"},
                                       {"Last Name", "last_name"},
                                       {"Company", "account"},
                                       {"City", std::nullopt},
                                       {"Country", "country"},
                                       {"Phone 1", "phones"},
                                       {"Phone 2", "phones"},
                                       {"Email", "emails"},
                                       {"Subscription Date", std::nullopt},
                                       {"Website", std::nullopt}});
}

TEST(RecordColumns, MapsTheHeadersOfSalesforceExports) {
  expect_mapping(RecordKind::account, {{"Id", "id"},
                                       {"Name", "name"},
                                       {"Type", std::nullopt},
                                       {"ParentId", std::nullopt},
                                       {"BillingStreet", "address_street"},
                                       {"BillingCity", "address_city"},
                                       {"BillingState", "address_region"},
                                       {"BillingPostalCode", "address_postal_code"},
                                       {"BillingCountry", "address_country"},
                                       {"ShippingCity", std::nullopt},
                                       {"Phone", "phone"},
                                       {"Website", "website"},
                                       {"Industry", "industry"},
                                       {"Description", "description"},
                                       {"OwnerId", std::nullopt},
                                       {"AccountSource", "lead_source"},
                                       {"External_id__c", "external_ref"}});
  expect_mapping(RecordKind::contact, {{"LastName", "last_name"},
                                       {"FirstName", "first_name"},
                                       {"Name", std::nullopt},
                                       {"MailingCountry", "country"},
                                       {"Phone", "phones"},
                                       {"MobilePhone", "phones_mobile"},
                                       {"HomePhone", "phones_home"},
                                       {"OtherPhone", "phones_other"},
                                       {"Email", "emails"},
                                       {"Title", "job_title"},
                                       {"LeadSource", "lead_source"},
                                       {"Campaign", "campaign"},
                                       {"Birthdate", "birthday"},
                                       {"AccountId", std::nullopt}});
  expect_mapping(RecordKind::lead, {{"LastName", "last_name"},
                                    {"Company", "company_name"},
                                    {"Email", "email"},
                                    {"Phone", "phone"},
                                    {"MobilePhone", std::nullopt},
                                    {"LeadSource", "source"},
                                    {"Title", "job_title"},
                                    {"Industry", "industry"},
                                    {"Campaign Name", "campaign"},
                                    {"Status", "status"},
                                    {"Country", "country"}});
  expect_mapping(RecordKind::opportunity, {{"Name", "name"},
                                           {"StageName", "stage"},
                                           {"Amount", "amount"},
                                           {"Probability", "probability"},
                                           {"CloseDate", "close_date"},
                                           {"NextStep", "next_step"},
                                           {"LeadSource", "lead_source"},
                                           {"CurrencyIsoCode", "currency"},
                                           {"External_id__c", "external_ref"}});
  expect_mapping(RecordKind::activity, {{"Subject", "subject"},
                                        {"ActivityDate", "starts_at"},
                                        {"Status", "status"},
                                        {"Description", "body"},
                                        {"CallDurationInSeconds", "duration_seconds"},
                                        {"CallType", "direction"},
                                        {"CallDisposition", "outcome"},
                                        {"ReminderDateTime", "reminder_at"},
                                        {"TaskSubtype", "kind"},
                                        {"WhoId", std::nullopt}});
}

TEST(RecordColumns, MapsTheHeadersOfTheMavenCrmFiles) {
  expect_mapping(RecordKind::account, {{"account", "name"},
                                       {"sector", "industry"},
                                       {"year_established", std::nullopt},
                                       {"revenue", std::nullopt},
                                       {"office_location", std::nullopt},
                                       {"subsidiary_of", "parent"}});
  expect_mapping(RecordKind::opportunity, {{"opportunity_id", "external_ref"},
                                           {"sales_agent", "owner"},
                                           {"product", std::nullopt},
                                           {"account", "account"},
                                           {"account_id", std::nullopt},
                                           {"deal_stage", "stage"},
                                           {"engage_date", std::nullopt},
                                           {"close_date", "close_date"},
                                           {"close_value", "amount"}});
  expect_mapping(RecordKind::activity, {{"account_name", "account"},
                                        {"contact_name", std::nullopt},
                                        {"activity_type", "kind"},
                                        {"status", "status"},
                                        {"timestamp", "starts_at"},
                                        {"comment", "body"}});
}

TEST(RecordColumns, MapsTheHeadersOfNorthwind) {
  expect_mapping(RecordKind::account, {{"CustomerID", "external_ref"},
                                       {"CompanyName", "name"},
                                       {"ContactName", std::nullopt},
                                       {"Address", "address_street"},
                                       {"City", "address_city"},
                                       {"Region", "address_region"},
                                       {"PostalCode", "address_postal_code"},
                                       {"Country", "address_country"},
                                       {"Phone", "phone"},
                                       {"Fax", std::nullopt}});
  expect_mapping(RecordKind::contact, {{"lastName", "last_name"},
                                       {"firstName", "first_name"},
                                       {"title", "job_title"},
                                       {"birthDate", "birthday"},
                                       {"homePhone", "phones_home"},
                                       {"notes", "description"},
                                       {"hireDate", std::nullopt}});
}

// ---- Export and back: every kind.

TEST(RecordColumns, RoundTripsAnAccount) {
  RecordDraft draft = new_draft(RecordKind::account);
  draft.id = 7;
  AccountData& a = std::get<AccountData>(draft.data);
  a = AccountData{"SIA \"Bērziņš, un Ko\"", "40003000000", "LV40003000000", "Retail", "https://berzins.lv",
                  "+371 67 000 000", "info@berzins.lv", Address{"Brīvības iela 1", "Rīga", "LV-1050", "Rīga", "LV"},
                  AccountId(), "anna.berzina", "fair", "Rudens gadatirgus", "ERP-001", {"vip", "Клиент"},
                  "line one\nline two; three"};
  draft.refs.account_ref = "ERP-000";
  draft.refs.account_name = "Holding";
  const RecordDraft back = round_trip(draft);
  EXPECT_TRUE(test::same_fields(std::get<AccountData>(back.data), a));
  EXPECT_EQ(back.refs, draft.refs);
  EXPECT_EQ(back.id, 7);
}

TEST(RecordColumns, RoundTripsAContact) {
  RecordDraft draft = new_draft(RecordKind::contact);
  ContactData& c = std::get<ContactData>(draft.data);
  c.first_name = "Олена";
  c.last_name = "Коваль-Шевченко";
  c.emails = {{"olena@x.ua", true}, {"o.koval@y.ua", false}};
  c.phones = {{PhoneKind::mobile, "+380 67 123 45 67", ""}, {PhoneKind::home, "tel:+380441234567", ""}};
  c.job_title = "CFO";
  c.birthday = Birthday{std::nullopt, 2, 29};
  c.preferred_language = "uk";
  c.country = "UA";
  c.owner = "anna.berzina";
  c.lead_source = "web";
  c.campaign = "Spring webinar";
  c.external_ref = "C-1";
  c.consents = {{ConsentChannel::email, true, Instant(Date(2025, 1, 2), hours(10) + microseconds(7))},
                {ConsentChannel::sms, false, {}}};
  c.tags = {"vip"};
  c.description = "  indented\r\nnote";
  draft.refs.account_ref = "ERP-001";
  draft.refs.account_name = "SIA Bērziņš";
  const RecordDraft back = round_trip(draft);
  EXPECT_TRUE(test::same_fields(std::get<ContactData>(back.data), c));
  EXPECT_EQ(back.refs, draft.refs);
}

TEST(RecordColumns, RoundTripsALead) {
  RecordDraft draft = new_draft(RecordKind::lead);
  LeadData& l = std::get<LeadData>(draft.data);
  l = LeadData{.first_name = "Jonas", .last_name = "Petraitis", .company_name = "UAB Ąžuolas",
               .email = "jonas@azuolas.lt", .phone = "+370 612 34567", .source = "fair", .campaign = "Baltic fair",
               .job_title = "Direktorius", .industry = "Bakery", .status = LeadStatus::disqualified,
               .disqualified_reason = "no budget", .country = "LT", .owner = "anna", .external_ref = "L-9",
               .description = "met at the fair", .tags = {"2025"}};
  const RecordDraft back = round_trip(draft);
  EXPECT_TRUE(test::same_fields(std::get<LeadData>(back.data), l));
}

TEST(RecordColumns, RoundTripsAnOpportunityWithoutItsLineItems) {
  RecordDraft draft = new_draft(RecordKind::opportunity);
  OpportunityData& o = std::get<OpportunityData>(draft.data);
  o.name = "Kases sistēma";
  o.amount = Money(123456789, "JPY");
  o.expected_close = Date(2025, 6, 30);
  o.closed_on = Date(2025, 3, 1);
  o.probability_override = 0;
  o.owner = "anna";
  o.lead_source = "web";
  o.campaign = "spring";
  o.next_step = "call back";
  o.description = "big one";
  o.external_ref = "D-1";
  o.tags = {"q2", "pos"};
  draft.refs = RecordRefs{"ERP-001", "SIA Bērziņš", "C-1", "olena@x.ua", "", "", "", "Sales", "Lost", "Price", "", ""};
  const RecordDraft back = round_trip(draft);
  EXPECT_TRUE(test::same_fields(std::get<OpportunityData>(back.data), o));
  EXPECT_EQ(back.refs, draft.refs);
}

TEST(RecordColumns, RoundTripsAnActivity) {
  RecordDraft draft = new_draft(RecordKind::activity);
  ActivityData& a = std::get<ActivityData>(draft.data);
  a.kind = ActivityKind::call;
  a.subject = "Zvans";
  a.body = "Runājām par cenām.\nПерезвонить.";
  a.status = ActivityStatus::done;
  a.starts_at = Instant(Date(2025, 3, 7), hours(9) + minutes(15));
  a.duration_seconds = 185;
  a.direction = Direction::outbound;
  a.outcome = "reached";
  a.phone = "+371 26 123 456";
  a.email = "anna@x.lv";
  a.owner = "anna";
  a.reminder_at = Instant(Date(2025, 3, 7), hours(9));
  a.recurrence = Recurrence{RecurrenceUnit::month, 2, true, "LV"};
  a.external_ref = "00T5g00000AbCdE";
  draft.refs = RecordRefs{"ERP-001", "SIA Bērziņš", "C-1", "olena@x.ua", "D-1", "Kases sistēma", "L-9", "", "", "", "", ""};
  const RecordDraft back = round_trip(draft);
  EXPECT_TRUE(test::same_fields(std::get<ActivityData>(back.data), a));
  EXPECT_EQ(back.refs, draft.refs);
}

TEST(RecordColumns, WhoRefAndWhatRefAreActivityColumnsReadOnImportOnly) {
  RecordDraft draft = new_draft(RecordKind::activity);
  apply_column(draft, "who_ref", " 003C ");
  apply_column(draft, "what_ref", "006D");
  EXPECT_EQ(draft.refs.who_ref, "003C");
  EXPECT_EQ(draft.refs.what_ref, "006D");
  EXPECT_TRUE(draft.refs.contact_ref.empty());
  EXPECT_TRUE(draft.refs.account_ref.empty());
  const auto names = column_names(RecordKind::activity);
  EXPECT_EQ(std::count(names.begin(), names.end(), "external_ref"), 1);
  EXPECT_EQ(std::count(names.begin(), names.end(), "who_ref"), 0);  // export writes contact_ref, lead_ref, ...
  EXPECT_EQ(std::count(names.begin(), names.end(), "what_ref"), 0);
  EXPECT_FALSE(is_column(RecordKind::opportunity, "who_ref"));
  EXPECT_FALSE(is_column(RecordKind::contact, "what_ref"));
}

TEST(RecordColumns, RoundTripsCustomValues) {
  const std::vector<std::pair<CustomField, CustomValue>> values = {
      {field("note", CustomFieldType::text), CustomValue("Ģirts; \"quoted\"")},
      {field("visits", CustomFieldType::integer), CustomValue(-3)},
      {field("discount", CustomFieldType::decimal), CustomValue::decimal("0.125")},
      {field("limit", CustomFieldType::money), CustomValue(Money(-5, "EUR"))},
      {field("since", CustomFieldType::date), CustomValue(Date(2024, 2, 29))},
      {field("active", CustomFieldType::boolean), CustomValue(false)},
      {field("topics", CustomFieldType::choices), CustomValue(std::vector<std::string>{"a b", "c"})}};
  for (const auto& [definition, value] : values) {
    RecordDraft draft = new_draft(RecordKind::lead);
    apply_custom(draft, definition, format_custom(value));
    EXPECT_EQ(std::get<LeadData>(draft.data).custom.at(definition.name), value) << definition.name;
  }
}

}  // namespace
}  // namespace crm::detail
