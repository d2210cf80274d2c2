// Full-text search: what each record kind is found by, case and diacritics,
// spellings unicode61 keeps apart, ranking, prefixes, phone numbers and
// emails, the kinds filter and the limit, hostile input, the index following
// every write (the library's and plain SQL's), and older files migrated.
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "common/phone.hpp"
#include "crm/crm.hpp"
#include "search/match_expression.hpp"
#include "search/spelling_variants.hpp"
#include "storage/migrations.hpp"
#include "storage/session.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::ManualClock;
using test::TempDir;
using test::test_options;

// (kind, id) of each hit, in order.
using Found = std::vector<std::pair<RecordKind, std::int64_t>>;

Found found(const std::vector<SearchHit>& hits) {
  Found out;
  for (const SearchHit& hit : hits) out.emplace_back(hit.kind, hit.id);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class SearchTest : public ::testing::Test {
 protected:
  Found find(std::string_view text, const SearchQuery& query = {}) { return found(db.search().find(text, query)); }

  Contact contact(std::string first, std::string last, std::vector<Email> emails = {},
                  std::vector<Phone> phones = {}) {
    return db.contacts().create(
        {.first_name = std::move(first), .last_name = std::move(last), .emails = std::move(emails),
         .phones = std::move(phones)});
  }

  static std::pair<RecordKind, std::int64_t> hit(const Contact& c) { return {RecordKind::contact, c.id.value()}; }
  static std::pair<RecordKind, std::int64_t> hit(const Account& a) { return {RecordKind::account, a.id.value()}; }

  ManualClock clock;
  Database db = Database::open_in_memory(test_options(clock));
  test::TestUsers known_users{db};
};

TEST_F(SearchTest, FindsEachKindOfRecordByItsTitleAndSaysWhatItIs) {
  const Account koks = db.accounts().create({.name = "SIA Koks"});
  const Contact anna = contact("Anna", "Bērziņa");
  const Lead lead = db.leads().create({.first_name = "Jonas", .last_name = "Kazlauskas"});
  const Opportunity deal =
      db.opportunities().create({.account = koks.id, .name = "Forest renewal", .amount = Money::parse("100 EUR")});
  const Activity call =
      db.activities().create({.kind = ActivityKind::call, .subject = "Invoice question", .contact = anna.id});

  EXPECT_EQ(find("koks"), (Found{{RecordKind::account, koks.id.value()}}));
  EXPECT_EQ(find("anna"), (Found{{RecordKind::contact, anna.id.value()}}));
  EXPECT_EQ(find("kazlauskas"), (Found{{RecordKind::lead, lead.id.value()}}));
  EXPECT_EQ(find("renewal"), (Found{{RecordKind::opportunity, deal.id.value()}}));
  EXPECT_EQ(find("invoice"), (Found{{RecordKind::activity, call.id.value()}}));
  const SearchHit first = db.search().find("anna").at(0);
  EXPECT_EQ(first.title, "Anna Bērziņa");
  EXPECT_GT(first.score, 0.0);
}

TEST_F(SearchTest, FindsRecordsByTheirOtherIndexedFields) {
  const Account koks = db.accounts().create({.name = "SIA Koks", .registration_number = "40003000000",
                                             .vat_id = "LV40003000000", .website = "koks.lv",
                                             .address = {.city = "Valmiera"}, .external_ref = "ERP-77"});
  const Contact anna = db.contacts().create({.last_name = "Bērziņa", .job_title = "Galvenā grāmatvede",
                                             .external_ref = "C-9"});
  const Lead lead = db.leads().create({.last_name = "Kalniņš", .company_name = "Meža Nams", .email = "info@mezanams.lv"});
  const Opportunity deal = db.opportunities().create(
      {.account = koks.id, .name = "Renewal", .amount = Money::parse("1 EUR"), .description = "Two sawmills"});
  const Activity note = db.activities().create(
      {.kind = ActivityKind::note, .subject = "Visit", .body = "Talked about the sawmill roof", .account = koks.id});

  EXPECT_EQ(find("valmiera"), (Found{hit(koks)}));
  EXPECT_EQ(find("LV40003000000"), (Found{hit(koks)}));
  EXPECT_EQ(find("ERP-77"), (Found{hit(koks)}));
  EXPECT_EQ(find("gramatvede"), (Found{hit(anna)}));
  EXPECT_EQ(find("C-9"), (Found{hit(anna)}));
  EXPECT_EQ(find("meza nams"), (Found{{RecordKind::lead, lead.id.value()}}));
  EXPECT_EQ(find("sawmills"), (Found{{RecordKind::opportunity, deal.id.value()}}));
  EXPECT_EQ(find("roof"), (Found{{RecordKind::activity, note.id.value()}}));
  EXPECT_EQ(db.search().find("roof").at(0).snippet, "Talked about the sawmill [roof]");
}

TEST_F(SearchTest, IgnoresCaseAndDiacriticsInEveryLanguage) {
  const Contact berzina = contact("Anna", "Bērziņa");
  const Contact kovalchuk = contact("Тарас", "Ковальчук", {{"taras.kovalchuk@example.ua", true}});
  const Contact zukauskiene = contact("Ona", "Žukauskienė");
  const Contact muller = contact("Jürgen", "Müller");
  EXPECT_EQ(find("berzina"), (Found{hit(berzina)}));
  EXPECT_EQ(find("BĒRZIŅA"), (Found{hit(berzina)}));
  EXPECT_EQ(find("ковальчук"), (Found{hit(kovalchuk)}));
  EXPECT_EQ(find("КОВАЛЬЧУК"), (Found{hit(kovalchuk)}));
  EXPECT_EQ(find("KOVALCHUK"), (Found{hit(kovalchuk)}));  // the transliteration in the email
  EXPECT_EQ(find("zukauskiene"), (Found{hit(zukauskiene)}));
  EXPECT_EQ(find("muller"), (Found{hit(muller)}));
  EXPECT_EQ(find("JURGEN MULLER"), (Found{hit(muller)}));
}

TEST_F(SearchTest, TakesEszettYoShortIYiAndShortUAsTheirPlainLetters) {
  const Contact strasse = contact("", "Großmann");
  const Contact kovalev = contact("Артём", "Ковалёв");
  const Contact sergei = contact("Сергей", "Смирнов");
  const Contact kyiv = contact("Марія", "Київська");
  const Contact plain = contact("", "Ковалев");
  const Contact belarusian = contact("", "Кавалёў");
  EXPECT_EQ(find("grossmann"), (Found{hit(strasse)}));
  EXPECT_EQ(find("GROẞMANN"), (Found{hit(strasse)}));
  EXPECT_EQ(find("артем"), (Found{hit(kovalev)}));
  const Found both = find("ковалев");
  EXPECT_EQ(std::set(both.begin(), both.end()), (std::set{hit(kovalev), hit(plain)}));
  EXPECT_EQ(find("ковалёв").size(), 2u);
  EXPECT_EQ(find("сергеи"), (Found{hit(sergei)}));
  EXPECT_EQ(find("киівська"), (Found{hit(kyiv)}));
  EXPECT_EQ(find("кавалеу"), (Found{hit(belarusian)}));
}

TEST_F(SearchTest, FindsLettersWithoutDecompositionByTheirPlainLatinLetters) {
  const Contact kozlowski = contact("Łukasz", "Kozłowski");
  const Contact yilmaz = contact("Ayşe", "Yılmaz");
  const Contact zolkiewska = contact("Anna", "Żółkiewska");
  const Account orsted = db.accounts().create({.name = "Ørsted"});
  const Contact dordevic = contact("Đorđe", "Đorđević");
  const Account aebeltoft = db.accounts().create({.name = "Æbeltoft Fisk"});
  EXPECT_EQ(find("kozlowski"), (Found{hit(kozlowski)}));
  EXPECT_EQ(find("lukasz KOZLOWSKI"), (Found{hit(kozlowski)}));
  EXPECT_EQ(find("yilmaz"), (Found{hit(yilmaz)}));
  EXPECT_EQ(find("zolkiewska"), (Found{hit(zolkiewska)}));
  EXPECT_EQ(find("orsted"), (Found{hit(orsted)}));
  EXPECT_EQ(find("dordevic"), (Found{hit(dordevic)}));
  EXPECT_EQ(find("aebeltoft"), (Found{hit(aebeltoft)}));
  EXPECT_EQ(find("kozł*"), (Found{hit(kozlowski)}));
  EXPECT_EQ(find("kozl*"), (Found{hit(kozlowski)}));
}

TEST_F(SearchTest, FindsGermanUmlautsAlsoWrittenOut) {
  const Contact muller = contact("Jürgen", "Müller");
  const Account goetz = db.accounts().create({.name = "Götz Bäckerei"});
  EXPECT_EQ(find("mueller"), (Found{hit(muller)}));
  EXPECT_EQ(find("muller"), (Found{hit(muller)}));
  EXPECT_EQ(find("juergen"), (Found{hit(muller)}));
  EXPECT_EQ(find("goetz baeckerei"), (Found{hit(goetz)}));
  EXPECT_EQ(find("gotz backerei"), (Found{hit(goetz)}));
  const Contact written_out = contact("Juergen", "Mueller");
  EXPECT_EQ(find("Müller"), (Found{hit(muller), hit(written_out)}));  // either spelling typed finds both
}

TEST_F(SearchTest, FindsCyrillicNamesByTheirLatinTransliterationAndLatinNamesByCyrillic) {
  const Contact ivanov = contact("Иван", "Иванов");
  const Contact shevchenko = contact("Taras", "Shevchenko");
  const Account khrushchev = db.accounts().create({.name = "ООО Хрущёв и сыновья"});
  const Lead kovalchuk = db.leads().create({.first_name = "Олена", .last_name = "Ковальчук"});
  EXPECT_EQ(find("ivanov"), (Found{hit(ivanov)}));
  EXPECT_EQ(find("Ivan IVANOV"), (Found{hit(ivanov)}));
  EXPECT_EQ(find("iva*"), (Found{hit(ivanov)}));
  EXPECT_EQ(find("шевченко"), (Found{hit(shevchenko)}));
  EXPECT_EQ(find("Тарас Шевченко"), (Found{hit(shevchenko)}));
  EXPECT_EQ(find("khrushchev"), (Found{hit(khrushchev)}));
  EXPECT_EQ(find("kovalchuk olena"), (Found{{RecordKind::lead, kovalchuk.id.value()}}));
  EXPECT_EQ(db.search().find("ivanov").at(0).title, "Иван Иванов");  // the title as written
}

TEST_F(SearchTest, LatinSpellingFollowsARenamedRecord) {
  Contact c = contact("Иван", "Иванов");
  c.last_name = "Петров";
  db.contacts().update(c);
  EXPECT_TRUE(find("ivanov").empty());
  EXPECT_EQ(find("petrov"), (Found{hit(c)}));
}

TEST_F(SearchTest, RanksATitleMatchAboveABodyMatch) {
  const Contact by_email = contact("Anna", "Kalniņa", {{"ozola@example.lv", true}});
  const Contact by_name = contact("Līga", "Ozola");
  EXPECT_EQ(find("ozola"), (Found{hit(by_name), hit(by_email)}));
  const auto hits = db.search().find("ozola");
  EXPECT_GT(hits[0].score, hits[1].score);
}

TEST_F(SearchTest, EveryWordMustMatch) {
  const Contact anna = contact("Anna", "Bērziņa");
  contact("Anna", "Ozola");
  EXPECT_EQ(find("anna berzina"), (Found{hit(anna)}));
  EXPECT_EQ(find("berzina anna"), (Found{hit(anna)}));
  EXPECT_TRUE(find("anna kalnina").empty());
  EXPECT_EQ(find("anna").size(), 2u);
}

TEST_F(SearchTest, TrailingStarSearchesForWordsThatBeginSo) {
  const Contact kovalchuk = contact("Тарас", "Ковальчук");
  const Contact kovalev = contact("Артём", "Ковалёв");
  contact("Jonas", "Kazlauskas");
  EXPECT_TRUE(find("Ковал").empty());
  const Found both = find("Ковал*");
  EXPECT_EQ(std::set(both.begin(), both.end()), (std::set{hit(kovalchuk), hit(kovalev)}));
  EXPECT_EQ(find("ковальч*"), (Found{hit(kovalchuk)}));
  EXPECT_EQ(find("тарас ковал**"), (Found{hit(kovalchuk)}));
}

TEST_F(SearchTest, FindsPhoneNumbersInNationalAndInternationalForms) {
  const Contact written_international = contact("Anna", "Ozola", {}, {{PhoneKind::mobile, "+371 26 123 456"}});
  const Contact written_national = contact("Jānis", "Kalniņš", {}, {{PhoneKind::work, "26 765 432"}});
  const Account office = db.accounts().create({.name = "SIA Koks", .phone = "67 123 456"});
  for (const char* form : {"26123456", "26 123 456", "+37126123456", "+371 26 123 456", "0037126123456",
                           "(+371) 26-123-456", "26.123.456"})
    EXPECT_EQ(find(form), (Found{hit(written_international)})) << form;
  for (const char* form : {"+371 26765432", "26765432", "26 765 432"})
    EXPECT_EQ(find(form), (Found{hit(written_national)})) << form;
  EXPECT_EQ(find("+371 67 123 456"), (Found{hit(office)}));
  EXPECT_TRUE(find("+371 29 999 999").empty());
}

TEST_F(SearchTest, FindsPhoneNumbersWithoutADefaultRegionByTheirDigits) {
  Database no_region = Database::open_in_memory();
  const Contact anna =
      no_region.contacts().create({.last_name = "Ozola", .phones = {{PhoneKind::mobile, "+371 26 123 456"}}});
  const Found expected{hit(anna)};
  EXPECT_EQ(found(no_region.search().find("+37126123456")), expected);
  EXPECT_EQ(found(no_region.search().find("26 123 456")), expected);
}

TEST_F(SearchTest, FindsAnEmailAddressAsWritten) {
  const Contact anna = contact("Anna", "Kalniņa", {{"anna.berzina@koks.lv", true}, {"anna@gmail.com", false}});
  contact("Anna", "Bērziņa", {{"anna.ozola@koks.lv", true}});
  EXPECT_EQ(find("anna.berzina@koks.lv"), (Found{hit(anna)}));
  EXPECT_EQ(find("ANNA@GMAIL.COM"), (Found{hit(anna)}));
  EXPECT_TRUE(find("berzina.anna@koks.lv").empty());
}

TEST_F(SearchTest, FollowsUpdatesRemovalsRestoresAndPurges) {
  Contact anna = contact("Anna", "Bērziņa", {{"anna@koks.lv", true}});
  anna.last_name = "Ozola";
  anna.emails = {{"anna@ozoli.lv", true}};
  anna = db.contacts().update(anna);
  EXPECT_TRUE(find("berzina").empty());
  EXPECT_TRUE(find("anna@koks.lv").empty());
  EXPECT_EQ(find("ozola"), (Found{hit(anna)}));
  EXPECT_EQ(find("anna@ozoli.lv"), (Found{hit(anna)}));
  db.contacts().remove(anna.id);
  EXPECT_TRUE(find("ozola").empty());
  db.contacts().restore(anna.id);
  EXPECT_EQ(find("ozola"), (Found{hit(anna)}));
  db.contacts().purge(anna.id);
  EXPECT_TRUE(find("ozola").empty());
}

TEST_F(SearchTest, FollowsEveryKindThroughRemoveRestoreAndPurge) {
  const Account koks = db.accounts().create({.name = "Alpha"});
  const Lead lead = db.leads().create({.last_name = "Alpha"});
  const Opportunity deal = db.opportunities().create({.account = koks.id, .name = "Alpha", .amount = Money::parse("1 EUR")});
  const Activity task = db.activities().create({.subject = "Alpha", .account = koks.id});
  EXPECT_EQ(find("alpha").size(), 4u);
  db.leads().remove(lead.id);
  db.opportunities().remove(deal.id);
  db.activities().remove(task.id);
  db.accounts().remove(koks.id);
  EXPECT_TRUE(find("alpha").empty());
  db.accounts().restore(koks.id);
  db.leads().restore(lead.id);
  db.opportunities().restore(deal.id);
  db.activities().restore(task.id);
  EXPECT_EQ(find("alpha").size(), 4u);
  db.opportunities().purge(deal.id);
  db.leads().purge(lead.id);
  db.accounts().purge(koks.id);  // its activities go with it
  EXPECT_TRUE(find("alpha").empty());
}

TEST_F(SearchTest, ChangesToFieldsThatAreNotIndexedLeaveTheEntryAsItIs) {
  Contact anna = contact("Anna", "Bērziņa");
  anna.owner = "janis";
  anna.tags = {"vip"};
  db.contacts().update(anna);
  EXPECT_EQ(find("berzina"), (Found{hit(anna)}));
}

TEST_F(SearchTest, SearchInsideATransactionSeesItsOwnWrites) {
  Transaction transaction(db);
  const Contact anna = contact("Anna", "Bērziņa");
  EXPECT_EQ(find("berzina"), (Found{hit(anna)}));
  const Contact ozola = contact("Līga", "Ozola");
  EXPECT_EQ(find("ozola"), (Found{hit(ozola)}));
  transaction.rollback();
  EXPECT_TRUE(find("berzina").empty());
  EXPECT_TRUE(find("ozola").empty());
}

TEST_F(SearchTest, KindsFilterKeepsOnlyThoseKinds) {
  const Account account = db.accounts().create({.name = "Ozols"});
  const Contact person = contact("Jānis", "Ozols");
  EXPECT_EQ(find("ozols", {.kinds = {RecordKind::contact}}), (Found{hit(person)}));
  EXPECT_EQ(find("ozols", {.kinds = {RecordKind::account}}), (Found{hit(account)}));
  EXPECT_EQ(find("ozols", {.kinds = {RecordKind::account, RecordKind::contact}}).size(), 2u);
  EXPECT_TRUE(find("ozols", {.kinds = {RecordKind::lead}}).empty());
}

TEST_F(SearchTest, LimitCapsTheNumberOfHits) {
  Transaction transaction(db);
  for (int i = 0; i < 30; ++i) contact("Anna", "Ozola");
  transaction.commit();
  EXPECT_EQ(find("ozola").size(), 20u);
  EXPECT_EQ(find("ozola", {.limit = 5}).size(), 5u);
  EXPECT_EQ(find("ozola", {.limit = 1000}).size(), 30u);
  EXPECT_EQ(EXPECT_CRM_ERROR(find("ozola", {.limit = 0}), ErrorCode::invalid_argument).field(), "limit");
  EXPECT_EQ(EXPECT_CRM_ERROR(find("ozola", {.limit = 1001}), ErrorCode::invalid_argument).field(), "limit");
}

TEST_F(SearchTest, RefusesBlankTextInvalidUtf8AndUnknownKinds) {
  for (const char* text : {"", "   ", "\t\n", "\xc2\xa0"})
    EXPECT_EQ(EXPECT_CRM_ERROR(find(text), ErrorCode::invalid_argument).field(), "text") << text;
  for (std::string_view text : {std::string_view("\xff\xfe"), std::string_view("anna\xc3"), std::string_view("a\0b", 3)})
    EXPECT_EQ(EXPECT_CRM_ERROR(find(text), ErrorCode::invalid_argument).field(), "text");
  EXPECT_EQ(EXPECT_CRM_ERROR(find("anna", {.kinds = {static_cast<RecordKind>(42)}}), ErrorCode::invalid_argument).field(),
            "kinds");
}

// Hostile sizes: "+371 " and 100k digits took 87 s, 50,000 words over 90 s;
// now such text is refused at once, and the longest text taken is fast.
TEST_F(SearchTest, RefusesTextLongerThanTheLimitOrWithTooManyWordsAtOnce) {
  contact("Anna", "Bērziņa", {}, {{PhoneKind::mobile, "+371 26 123 456", ""}});
  const auto started = std::chrono::steady_clock::now();
  const Error digits = EXPECT_CRM_ERROR(find("+371 " + std::string(100'000, '7')), ErrorCode::invalid_argument);
  EXPECT_EQ(digits.field(), "text");
  EXPECT_NE(std::string(digits.what()).find("at most " + std::to_string(kMaxSearchTextBytes) + " bytes"),
            std::string::npos) << digits.what();
  std::string words;
  for (int i = 0; i < 50'000; ++i) words += "w" + std::to_string(i % 10) + " ";
  EXPECT_EQ(EXPECT_CRM_ERROR(find(words), ErrorCode::invalid_argument).field(), "text");
  std::string many;
  for (std::size_t i = 0; i <= kMaxSearchTerms; ++i) many += "anna ";
  const Error terms = EXPECT_CRM_ERROR(find(many), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(terms.what()).find(std::to_string(kMaxSearchTerms)), std::string::npos) << terms.what();
  // At the limits: as many words as allowed, and a phone number as long as the text may be.
  many.resize(many.size() - 5);
  EXPECT_EQ(find(many).size(), 1u);
  EXPECT_TRUE(find("+371 " + std::string(kMaxSearchTextBytes - 5, '7')).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1) * test::kTimeLimitFactor);
}

TEST_F(SearchTest, QuerySyntaxInTheTextIsOnlyText) {
  const Contact anna = contact("Anna", "Bērziņa");
  contact("Līga", "Ozola");
  // Operators, column filters and grouping never act: words that are not in
  // any record find nothing, and no text makes SQLite fail.
  for (const char* text : {"anna OR ozola", "anna NOT berzina", "NEAR(anna berzina)", "NEAR(anna berzina, 5)",
                           "title:anna", "{title body}: anna", "anna AND", "OR", "ozola + anna"})
    EXPECT_TRUE(find(text).empty()) << text;
  // Punctuation around a word is dropped, as anywhere in the index.
  for (const char* text : {"\"anna", "anna\"", "\"anna\"", "(anna)", "-anna", "^anna", "anna*)", "'anna'", "anna;",
                           "«anna»", "anna berzina\"\""})
    EXPECT_EQ(find(text), (Found{hit(anna)})) << text;
  // Text without letters or digits finds nothing.
  for (const char* text : {"*", "**", "\"", "\"\"", "(", ")", "()", "-", "^", ":", "{}", "* ( ) \" :", "…", "·"})
    EXPECT_TRUE(find(text).empty()) << text;
  for (const char* text : {"'; DROP TABLE contacts; --", "\"; DELETE FROM search_index; \"", "%", "_", "\\",
                           "anna\" OR \"ozola", "a\"\"b", "x NEAR/2 y", "anna*berzina"})
    EXPECT_NO_THROW(find(text)) << text;
  EXPECT_EQ(find("berzina"), (Found{hit(anna)}));
}

TEST(SearchExpression, QuotesEveryWordAndJoinsThemWithAnd) {
  const detail::PhoneNormalizer phones("LV");
  EXPECT_EQ(detail::match_expression("anna", phones), "\"anna\"");
  EXPECT_EQ(detail::match_expression("Anna OR \"x", phones), "\"anna\" AND \"or\" AND \"\"\"x\"");
  EXPECT_EQ(detail::match_expression("kov*", phones), "\"kov\"*");
  EXPECT_EQ(detail::match_expression("* ( )", phones), "");
  EXPECT_EQ(detail::match_expression("+371 26 123 456", phones),
            "(\"37126123456\" OR \"+371 26 123 456\")");
  EXPECT_EQ(detail::match_expression("26 123 456", phones), "(\"37126123456\" OR \"26123456\" OR \"26 123 456\")");
}

TEST(SearchExpression, AddsTheAsciiLatinSpellingOfAWordOnlyWhereItDiffers) {
  const detail::PhoneNormalizer phones("LV");
  EXPECT_EQ(detail::match_expression("Жолобов", phones), "(\"жолобов\" OR \"zholobov\")");
  EXPECT_EQ(detail::match_expression("kozł*", phones), "(\"kozł\"* OR \"kozl\"*)");
  EXPECT_EQ(detail::match_expression("Müller", phones), "(\"müller\" OR \"mueller\")");
  EXPECT_EQ(detail::match_expression("Bērziņa", phones), "\"bērziņa\"");  // unicode61 folds these alike
  EXPECT_EQ(detail::match_expression("mueller", phones), "\"mueller\"");
}

TEST(SearchExpression, TellsPhoneNumbersFromOtherText) {
  EXPECT_TRUE(detail::looks_like_phone_number("+371 (26) 123-456"));
  EXPECT_TRUE(detail::looks_like_phone_number("123456"));
  EXPECT_FALSE(detail::looks_like_phone_number("12345"));
  EXPECT_FALSE(detail::looks_like_phone_number("26 123 456 ext"));
  EXPECT_FALSE(detail::looks_like_phone_number("C-123456"));
}

TEST(SpellingVariants, WritesEachLetterBothWays) {
  using V = std::vector<std::string>;
  EXPECT_EQ(detail::spelling_variants("Müller"), (V{"müller"}));
  EXPECT_EQ(detail::spelling_variants("Straße"), (V{"strasse", "straße"}));
  EXPECT_EQ(detail::spelling_variants("STRASSE"), (V{"strasse", "straße"}));
  EXPECT_EQ(detail::spelling_variants("Ковалёв"), (V{"ковалев", "ковалёв"}));
  EXPECT_EQ(detail::spelling_variants("Київ"), (V{"киів", "кйів", "київ", "кйїв"}));
  const V sergei = detail::spelling_variants("сергей");
  EXPECT_EQ(sergei.size(), 8u);  // е, е, и
  EXPECT_NE(std::find(sergei.begin(), sergei.end(), "сергей"), sergei.end());
  EXPECT_NE(std::find(sergei.begin(), sergei.end(), "сергеи"), sergei.end());
}

TEST(SpellingVariants, KeepsTheWordAsWrittenAndPlainWhenThereAreTooManyPlaces) {
  // 8 places (е, е, и, е, и, й, и, е): only the plain spelling and the one written.
  EXPECT_EQ(detail::spelling_variants("Перевиденийие"),
            (std::vector<std::string>{"перевиденииие", "перевиденийие"}));
  EXPECT_EQ(detail::spelling_variants("ееееееееее"), (std::vector<std::string>{"ееееееееее"}));
}

// ---- the index follows plain SQL and is filled for older files ------------

class SearchFileTest : public ::testing::Test {
 protected:
  ManualClock clock;
  TempDir dir;
  std::string path = dir.file("search.crm");
  Database db = Database::open(path, test::test_options(clock));
  test::TestUsers known_users{db};

  Found find(std::string_view text) { return found(db.search().find(text)); }
};

TEST_F(SearchFileTest, FollowsAnEmailMovedToAnotherContactByPlainSql) {
  const Contact loser = db.contacts().create({.last_name = "Ozola", .emails = {{"liga@ozoli.lv", true}}});
  const Contact winner = db.contacts().create({.last_name = "Ozoliņa"});
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA foreign_keys = ON");
    raw.exec("UPDATE contact_emails SET contact_id = " + std::to_string(winner.id.value()) +
             " WHERE contact_id = " + std::to_string(loser.id.value()));
  }
  EXPECT_EQ(find("liga@ozoli.lv"), (Found{{RecordKind::contact, winner.id.value()}}));
}

TEST_F(SearchFileTest, PlainSqlWritesInDeferredModeAreIndexedWhenItEnds) {
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  raw.exec("PRAGMA foreign_keys = ON");
  raw.exec("BEGIN IMMEDIATE");
  raw.exec("UPDATE search_control SET deferred = 1");
  raw.exec("INSERT INTO contacts (first_name, last_name, name_key, created_at, updated_at) "
           "VALUES ('Jānis', 'Bērziņš', 'berzins janis', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z')");
  const std::int64_t id = raw.getLastInsertRowid();
  raw.exec("INSERT INTO contact_emails VALUES (" + std::to_string(id) + ", 0, 'janis@koks.lv', 'janis@koks.lv', 1)");
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM search_index WHERE search_index MATCH 'berzins'").getInt(), 0);
  raw.exec("UPDATE search_control SET deferred = 0");
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM search_queue").getInt(), 0);
  raw.exec("COMMIT");
  EXPECT_EQ(find("janis@koks.lv berzins"), (Found{{RecordKind::contact, id}}));
}

TEST_F(SearchFileTest, SearchCatchesUpWithAWriterThatCommittedInDeferredMode) {
  std::int64_t id = 0;
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE search_control SET deferred = 1");
    raw.exec("INSERT INTO accounts (name, name_key, created_at, updated_at) "
             "VALUES ('SIA Koks', 'sia koks', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z')");
    id = raw.getLastInsertRowid();
  }
  EXPECT_EQ(find("koks"), (Found{{RecordKind::account, id}}));
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("SELECT deferred FROM search_control").getInt(), 0);
}

TEST_F(SearchFileTest, IndexEqualsTheDocumentsViewAfterManyWrites) {
  Transaction transaction(db);
  const Account koks = db.accounts().create({.name = "SIA Koks", .email = "info@koks.lv"});
  for (int i = 0; i < 50; ++i) {
    Contact c = db.contacts().create({.first_name = "Anna", .last_name = "Ozola " + std::to_string(i),
                                      .emails = {{"a" + std::to_string(i) + "@koks.lv", true}},
                                      .phones = {{PhoneKind::mobile, "26 100 " + std::to_string(100 + i)}},
                                      .account = koks.id});
    if (i % 5 == 0) {
      c.emails.push_back({"second" + std::to_string(i) + "@koks.lv", false});
      db.contacts().update(c);
    }
    if (i % 3 == 0) db.contacts().remove(c.id);
  }
  transaction.commit();
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM (SELECT rowid, kind, record_id, title, body, latin FROM search_index "
                           "EXCEPT SELECT * FROM search_documents)")
                .getInt(),
            0);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM search_index").getInt(),
            raw.execAndGet("SELECT count(*) FROM search_documents").getInt());
  EXPECT_NO_THROW(raw.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')"));
}

TEST(SearchMigration, MigratingAVersion4FileFillsTheIndex) {
  TempDir dir;
  const std::string path = dir.file("v4.crm");
  {
    detail::Session session(path, OpenOptions{});
    detail::migrate(session, detail::schema_migrations().subspan(0, 4));
    session.db().exec(R"sql(
      INSERT INTO accounts (id, name, name_key, city, created_at, updated_at)
        VALUES (1, 'SIA Vecā Firma', 'veca firma sia', 'Cēsis', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
      INSERT INTO contacts (id, first_name, last_name, name_key, created_at, updated_at)
        VALUES (1, 'Тарас', 'Ковальчук', 'ковальчук тарас', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
      INSERT INTO contact_phones VALUES (1, 0, 'mobile', '+380 44 123 4567', '+380441234567');
      INSERT INTO contacts (id, first_name, last_name, name_key, created_at, updated_at, deleted_at)
        VALUES (2, 'Old', 'Deleted', 'deleted old', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z',
                '2025-02-01T00:00:00.000000Z');
      INSERT INTO leads (id, last_name, company_name, name_key, status, created_at, updated_at)
        VALUES (1, 'Jankauskas', 'UAB Miškas', 'jankauskas', 'new', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
      INSERT INTO opportunities (id, account_id, name, name_key, amount_minor, currency, pipeline_id, stage_id,
                                 probability, created_at, updated_at)
        VALUES (1, 1, 'Jumta remonts', 'jumta remonts', 100, 'EUR', 1, 1, 10, '2025-01-01T00:00:00.000000Z',
                '2025-01-01T00:00:00.000000Z');
      INSERT INTO activities (id, kind, subject, body, status, starts_at, account_id, created_at, updated_at)
        VALUES (1, 'note', 'Tikšanās', 'Runājām par jumtu', 'done', '2025-01-01T00:00:00.000000Z', 1,
                '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
    )sql");
  }
  OpenOptions options;
  options.default_region = "LV";
  Database db = Database::open(path, options);
  ASSERT_EQ(db.schema_version(), Database::latest_schema_version());
  EXPECT_EQ(found(db.search().find("veca firma cesis")), (Found{{RecordKind::account, 1}}));
  EXPECT_EQ(found(db.search().find("ковальчук")), (Found{{RecordKind::contact, 1}}));
  EXPECT_EQ(found(db.search().find("+380 44 123 45 67")), (Found{{RecordKind::contact, 1}}));
  EXPECT_TRUE(db.search().find("deleted").empty());
  EXPECT_EQ(found(db.search().find("miskas")), (Found{{RecordKind::lead, 1}}));
  EXPECT_EQ(found(db.search().find("jumta")), (Found{{RecordKind::opportunity, 1}}));
  EXPECT_EQ(found(db.search().find("jumtu")), (Found{{RecordKind::activity, 1}}));
}

TEST(SearchMigration, MigratingAVersion7FileFindsNamesByTheirLatinSpelling) {
  TempDir dir;
  const std::string path = dir.file("v7.crm");
  {
    detail::Session session(path, OpenOptions{});
    detail::migrate(session, detail::schema_migrations().first(7));
    session.db().exec(R"sql(
      INSERT INTO contacts (id, first_name, last_name, name_key, created_at, updated_at)
        VALUES (1, 'Иван', 'Иванов', 'иванов иван', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z'),
               (2, 'Łukasz', 'Kozłowski', 'kozłowski łukasz', '2025-01-01T00:00:00.000000Z',
                '2025-01-01T00:00:00.000000Z'),
               (3, 'Anna', 'Smith', 'smith anna', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
      INSERT INTO accounts (id, name, name_key, created_at, updated_at)
        VALUES (1, 'Müller GmbH', 'muller gmbh', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z');
      INSERT INTO leads (id, last_name, company_name, name_key, status, created_at, updated_at)
        VALUES (1, 'Шевченко', 'ТОВ Ліс', 'шевченко  тов ліс', 'new', '2025-01-01T00:00:00.000000Z',
                '2025-01-01T00:00:00.000000Z');
    )sql");
  }
  Database db = Database::open(path);
  ASSERT_EQ(db.schema_version(), Database::latest_schema_version());
  EXPECT_EQ(found(db.search().find("ivanov")), (Found{{RecordKind::contact, 1}}));
  EXPECT_EQ(found(db.search().find("kozlowski lukasz")), (Found{{RecordKind::contact, 2}}));
  EXPECT_EQ(found(db.search().find("smith")), (Found{{RecordKind::contact, 3}}));
  EXPECT_EQ(found(db.search().find("mueller")), (Found{{RecordKind::account, 1}}));
  EXPECT_EQ(found(db.search().find("shevchenko")), (Found{{RecordKind::lead, 1}}));
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  // Smith's Latin spelling is her name_key: NULL.
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM contacts WHERE latin_key IS NULL").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM search_index").getInt(),
            raw.execAndGet("SELECT count(*) FROM search_documents").getInt());
}

TEST(SearchMigration, TheFrozenVersion1FileBecomesSearchable) {
  TempDir dir;
  const std::string path = dir.file("v1.crm");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(read_file(CRM_TEST_FIXTURES "/schema_v1.sql"));
  }
  OpenOptions options;
  options.default_region = "LV";
  Database db = Database::open(path, options);
  const auto janis = db.search().find("berzins");
  ASSERT_EQ(janis.size(), 1u);
  EXPECT_EQ(janis[0].kind, RecordKind::contact);
  EXPECT_EQ(janis[0].id, db.contacts().find_by_phone("+371 26 123 456").at(0).id.value());
  EXPECT_EQ(found(db.search().find("26 123 456")), found(janis));
  EXPECT_EQ(db.search().find("veca firma").at(0).kind, RecordKind::account);
  EXPECT_TRUE(db.search().find("ковальчук").empty());  // soft-deleted in that file
}

}  // namespace
}  // namespace crm
