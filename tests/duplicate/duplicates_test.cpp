// Finding duplicate accounts and contacts: every reason, names in the
// languages of the data, scores and their order, limits, deleted records,
// and the records new data would duplicate.
#include "crm/duplicates.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using Reasons = std::vector<DuplicateReason>;

class DuplicatesTest : public ::testing::Test {
 protected:
  std::int64_t contact(ContactData data) {
    if (data.last_name.empty()) data.last_name = "Person" + std::to_string(++unnamed);
    return db.contacts().create(data).id.value();
  }
  std::int64_t account(AccountData data) {
    if (data.name.empty()) data.name = "Company " + std::to_string(++unnamed);
    return db.accounts().create(data).id.value();
  }
  std::vector<DuplicatePair> contact_pairs(DuplicateQuery query = {}) {
    return db.duplicates().find(RecordKind::contact, query);
  }
  std::vector<DuplicatePair> account_pairs(DuplicateQuery query = {}) {
    return db.duplicates().find(RecordKind::account, query);
  }

  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  int unnamed = 0;
};

DuplicatePair pair(RecordKind kind, std::int64_t a, std::int64_t b, Reasons reasons) {
  const int score = duplicate_score(reasons);
  return {kind, a, b, score, std::move(reasons)};
}

TEST(DuplicateScore, CombinesReasonsAsIndependentEvidence) {
  EXPECT_EQ(duplicate_score({DuplicateReason::same_email}), 90);
  EXPECT_EQ(duplicate_score({DuplicateReason::same_phone}), 80);
  EXPECT_EQ(duplicate_score({DuplicateReason::same_registration_number}), 95);
  EXPECT_EQ(duplicate_score({DuplicateReason::same_vat_id}), 95);
  EXPECT_EQ(duplicate_score({DuplicateReason::same_name}), 40);
  EXPECT_EQ(duplicate_score({DuplicateReason::same_email, DuplicateReason::same_name}), 94);
  EXPECT_EQ(duplicate_score({DuplicateReason::same_email, DuplicateReason::same_phone}), 98);
  EXPECT_EQ(duplicate_score({DuplicateReason::same_email, DuplicateReason::same_phone, DuplicateReason::same_name}),
            99);
  EXPECT_EQ(duplicate_score({DuplicateReason::same_registration_number, DuplicateReason::same_vat_id}), 100);
  EXPECT_EQ(duplicate_score({}), 0);
}

TEST(DuplicateReasonNames, RoundTrip) {
  for (auto reason : {DuplicateReason::same_email, DuplicateReason::same_phone,
                      DuplicateReason::same_registration_number, DuplicateReason::same_vat_id,
                      DuplicateReason::same_name})
    EXPECT_EQ(duplicate_reason_from_name(duplicate_reason_name(reason)), reason);
  EXPECT_EQ(duplicate_reason_name(DuplicateReason::same_vat_id), "same_vat_id");
  EXPECT_FALSE(duplicate_reason_from_name("same_colour"));
  EXPECT_EQ(merge_side_from_name("other"), MergeSide::other);
  EXPECT_EQ(merge_side_name(MergeSide::survivor), "survivor");
  EXPECT_FALSE(merge_side_from_name("left"));
}

TEST_F(DuplicatesTest, ContactsWithTheSameEmailIgnoringCaseArePaired) {
  const auto a = contact({.emails = {{"anna@koka.lv"}}});
  const auto b = contact({.emails = {{"other@koka.lv"}, {"ANNA@Koka.LV"}}});
  contact({.emails = {{"someone@koka.lv"}}});
  EXPECT_EQ(contact_pairs(), (std::vector{pair(RecordKind::contact, a, b, {DuplicateReason::same_email})}));
}

TEST_F(DuplicatesTest, ContactsWithTheSamePhoneInAnyWrittenFormArePaired) {
  const auto a = contact({.phones = {{PhoneKind::mobile, "26 123 456"}}});
  const auto b = contact({.phones = {{PhoneKind::work, "67 000 000"}, {PhoneKind::mobile, "+371 2612-3456"}}});
  EXPECT_EQ(contact_pairs(), (std::vector{pair(RecordKind::contact, a, b, {DuplicateReason::same_phone})}));
}

TEST_F(DuplicatesTest, AccountsWithTheSameRegistrationNumberIgnoringSpacesAndPunctuationArePaired) {
  const auto a = account({.registration_number = "40003 000-000"});
  const auto b = account({.registration_number = "40003.000.000"});
  account({.registration_number = "40003000001"});
  account({.registration_number = "-"});  // nothing but punctuation is no number
  account({.registration_number = " / "});
  EXPECT_EQ(account_pairs(),
            (std::vector{pair(RecordKind::account, a, b, {DuplicateReason::same_registration_number})}));
}

TEST_F(DuplicatesTest, AccountsWithTheSameVatIdIgnoringCaseArePaired) {
  const auto a = account({.vat_id = "LV40003000000"});
  const auto b = account({.vat_id = "lv 4000 3000 000"});
  EXPECT_EQ(account_pairs(), (std::vector{pair(RecordKind::account, a, b, {DuplicateReason::same_vat_id})}));
}

TEST_F(DuplicatesTest, AccountsWithTheSameEmailAndPhoneArePairedWithBothReasons) {
  const auto a = account({.phone = "67 123 456", .email = "info@koka.lv"});
  const auto b = account({.phone = "+371 67123456", .email = "INFO@koka.lv"});
  EXPECT_EQ(account_pairs(), (std::vector{pair(RecordKind::account, a, b,
                                               {DuplicateReason::same_email, DuplicateReason::same_phone})}));
  EXPECT_EQ(account_pairs().front().score, 98);
}

TEST_F(DuplicatesTest, LatvianNamesMatchIgnoringDiacriticsCaseAndSpaces) {
  const auto a = contact({.first_name = "Anna", .last_name = "Bērziņa"});
  const auto b = contact({.first_name = "anna", .last_name = "BERZINA"});
  contact({.first_name = "Anna", .last_name = "Bērziņš"});  // the masculine form is another name
  const auto c = account({.name = "Bērziņa  Anna"});
  const auto d = account({.name = "berzina anna"});
  EXPECT_EQ(contact_pairs(), (std::vector{pair(RecordKind::contact, a, b, {DuplicateReason::same_name})}));
  EXPECT_EQ(account_pairs(), (std::vector{pair(RecordKind::account, c, d, {DuplicateReason::same_name})}));
}

TEST_F(DuplicatesTest, CyrillicAndGermanNamesMatchIgnoringCaseAndDiacritics) {
  const auto olena = contact({.first_name = "Олена", .last_name = "Ковальчук"});
  const auto olena_upper = contact({.first_name = "ОЛЕНА", .last_name = "КОВАЛЬЧУК"});
  const auto fyodor = contact({.first_name = "Фёдор", .last_name = "Смирнов"});
  const auto fedor = contact({.first_name = "Федор", .last_name = "смирнов"});
  const auto mueller = account({.name = "Müller GmbH"});
  const auto muller = account({.name = "MULLER  gmbh"});
  EXPECT_EQ(contact_pairs(), (std::vector{pair(RecordKind::contact, olena, olena_upper, {DuplicateReason::same_name}),
                                          pair(RecordKind::contact, fyodor, fedor, {DuplicateReason::same_name})}));
  EXPECT_EQ(account_pairs(), (std::vector{pair(RecordKind::account, mueller, muller, {DuplicateReason::same_name})}));
}

TEST_F(DuplicatesTest, NamesSpelledAlikeInAsciiLatinArePairedAfterThoseWithTheSameName) {
  const auto kozlowski = contact({.first_name = "Łukasz", .last_name = "Kozłowski"});
  const auto mueller = contact({.first_name = "Hans", .last_name = "Müller"});
  const auto ivanov = contact({.first_name = "Иван", .last_name = "Иванов"});
  const auto kozlowski_ascii = contact({.first_name = "Lukasz", .last_name = "Kozlowski"});
  const auto mueller_written_out = contact({.first_name = "Hans", .last_name = "Mueller"});
  const auto muller = contact({.first_name = "Hans", .last_name = "Muller"});
  const auto ivanov_latin = contact({.first_name = "Ivan", .last_name = "Ivanov"});
  const Reasons name{DuplicateReason::same_name};
  EXPECT_EQ(contact_pairs(), (std::vector{pair(RecordKind::contact, mueller, muller, name),  // the same name_key
                                          pair(RecordKind::contact, ivanov, ivanov_latin, name),
                                          pair(RecordKind::contact, kozlowski, kozlowski_ascii, name),
                                          pair(RecordKind::contact, mueller, mueller_written_out, name)}))
      << "Muller and Mueller are two names";
}

TEST_F(DuplicatesTest, ACommonNameSpelledOneWayPairsWithItsOtherSpellingOnce) {
  const auto a = contact({.first_name = "Anna", .last_name = "Müller"});
  const auto b = contact({.first_name = "Anna", .last_name = "Müller"});
  const auto c = contact({.first_name = "Anna", .last_name = "Müller"});
  const auto written_out = contact({.first_name = "Anna", .last_name = "Mueller"});
  contact({.first_name = "Anna", .last_name = "Müllers"});
  const Reasons name{DuplicateReason::same_name};
  EXPECT_EQ(contact_pairs(), (std::vector{pair(RecordKind::contact, a, b, name), pair(RecordKind::contact, a, c, name),
                                          pair(RecordKind::contact, b, c, name),
                                          pair(RecordKind::contact, a, written_out, name),
                                          pair(RecordKind::contact, b, written_out, name),
                                          pair(RecordKind::contact, c, written_out, name)}));
  EXPECT_EQ(contact_pairs({.limit = 4}).back(), pair(RecordKind::contact, a, written_out, name));
}

TEST_F(DuplicatesTest, AccountsWhoseNamesAreBothNonAsciiButSpelledAlikeArePaired) {
  const auto umlaut = account({.name = "Jürgen Müller GmbH"});
  const auto half = account({.name = "Jürgen Mueller GmbH"});
  const auto cyrillic = account({.name = "ООО Шевченко"});
  const auto latin = account({.name = "OOO Shevchenko", .email = "info@shevchenko.ua"});
  const auto also = account({.name = "ooo SHEVCHENKO", .email = "info@shevchenko.ua"});
  EXPECT_EQ(account_pairs(),
            (std::vector{pair(RecordKind::account, latin, also,
                              {DuplicateReason::same_email, DuplicateReason::same_name}),
                         pair(RecordKind::account, umlaut, half, {DuplicateReason::same_name}),
                         pair(RecordKind::account, cyrillic, latin, {DuplicateReason::same_name}),
                         pair(RecordKind::account, cyrillic, also, {DuplicateReason::same_name})}));
}

TEST_F(DuplicatesTest, AStrongPairWithNamesSpelledAlikeCountsTheNameToo) {
  const auto a = contact({.first_name = "Иван", .last_name = "Иванов", .emails = {{"ivanov@x.ru"}}});
  const auto b = contact({.first_name = "Ivan", .last_name = "Ivanov", .emails = {{"IVANOV@x.ru"}}});
  EXPECT_EQ(contact_pairs(),
            (std::vector{pair(RecordKind::contact, a, b, {DuplicateReason::same_email, DuplicateReason::same_name})}));
}

TEST_F(DuplicatesTest, MatchesFindNamesSpelledAlikeInAsciiLatin) {
  const auto ivanov = contact({.first_name = "Иван", .last_name = "Иванов"});
  const auto kozlowski = contact({.first_name = "Lukasz", .last_name = "Kozlowski"});
  const auto mueller = contact({.first_name = "Hans", .last_name = "Mueller"});
  const auto muller = contact({.first_name = "Hans", .last_name = "Muller"});
  const DuplicateMatch name_only{0, 40, {DuplicateReason::same_name}};
  const auto matching = [&](std::int64_t id) { return DuplicateMatch{id, name_only.score, name_only.reasons}; };
  EXPECT_EQ(db.duplicates().matches(ContactData{.first_name = "Ivan", .last_name = "IVANOV"}),
            (std::vector{matching(ivanov)}));
  EXPECT_EQ(db.duplicates().matches(ContactData{.first_name = "Łukasz", .last_name = "Kozłowski"}),
            (std::vector{matching(kozlowski)}));
  EXPECT_EQ(db.duplicates().matches(ContactData{.first_name = "Hans", .last_name = "Müller"}),
            (std::vector{matching(mueller), matching(muller)}));
  EXPECT_TRUE(db.duplicates().matches(ContactData{.first_name = "Ivan", .last_name = "Ivanova"}).empty());
}

TEST_F(DuplicatesTest, PairsComeBestScoreFirst) {
  const auto name_a = contact({.first_name = "Jonas", .last_name = "Petraitis"});
  const auto name_b = contact({.first_name = "Jonas", .last_name = "Petraitis"});
  const auto phone_a = contact({.phones = {{PhoneKind::mobile, "26 000 001"}}});
  const auto phone_b = contact({.phones = {{PhoneKind::mobile, "26 000 001"}}});
  const auto both_a = contact({.emails = {{"ona@x.lt"}}, .phones = {{PhoneKind::mobile, "+370 612 34567"}}});
  const auto both_b = contact({.emails = {{"ona@x.lt"}}, .phones = {{PhoneKind::mobile, "+37061234567"}}});
  const auto email_name_a = contact({.first_name = "Rūta", .last_name = "Ozola", .emails = {{"ruta@x.lv"}}});
  const auto email_name_b = contact({.first_name = "Ruta", .last_name = "Ozola", .emails = {{"ruta@x.lv"}}});
  const auto pairs = contact_pairs();
  EXPECT_EQ(pairs,
            (std::vector{pair(RecordKind::contact, both_a, both_b,
                              {DuplicateReason::same_email, DuplicateReason::same_phone}),
                         pair(RecordKind::contact, email_name_a, email_name_b,
                              {DuplicateReason::same_email, DuplicateReason::same_name}),
                         pair(RecordKind::contact, phone_a, phone_b, {DuplicateReason::same_phone}),
                         pair(RecordKind::contact, name_a, name_b, {DuplicateReason::same_name})}));
}

TEST_F(DuplicatesTest, MinScoreAndLimitNarrowTheList) {
  const auto a = contact({.emails = {{"a@x.lv"}}});
  const auto b = contact({.emails = {{"a@x.lv"}}});
  contact({.first_name = "Jānis", .last_name = "Kalniņš"});
  contact({.first_name = "Janis", .last_name = "Kalnins"});
  EXPECT_EQ(contact_pairs().size(), 2u);
  const std::vector email_pair{pair(RecordKind::contact, a, b, {DuplicateReason::same_email})};
  EXPECT_EQ(contact_pairs({.min_score = 80}), email_pair);
  EXPECT_EQ(contact_pairs({.limit = 1}), email_pair);
  EXPECT_TRUE(contact_pairs({.min_score = 91}).empty());
}

TEST_F(DuplicatesTest, EveryTwoOfThreeRecordsSharingAKeyArePaired) {
  const auto a = contact({.emails = {{"shared@x.lv"}}});
  const auto b = contact({.emails = {{"shared@x.lv"}}});
  const auto c = contact({.emails = {{"shared@x.lv"}}});
  const Reasons email{DuplicateReason::same_email};
  EXPECT_EQ(contact_pairs(), (std::vector{pair(RecordKind::contact, a, b, email),
                                          pair(RecordKind::contact, a, c, email),
                                          pair(RecordKind::contact, b, c, email)}));
}

TEST_F(DuplicatesTest, DeletedRecordsArePairedWithNothing) {
  const auto a = contact({.first_name = "Ona", .last_name = "Jankauskienė", .emails = {{"ona@x.lt"}}});
  const auto b = contact({.first_name = "Ona", .last_name = "Jankauskiene", .emails = {{"ona@x.lt"}}});
  account({.name = "UAB Medis", .vat_id = "LT100001"});
  const auto d = account({.name = "UAB Medis", .vat_id = "LT100001"});
  db.contacts().remove(ContactId(b));
  db.accounts().remove(AccountId(d));
  EXPECT_TRUE(contact_pairs().empty());
  EXPECT_TRUE(account_pairs().empty());
  db.contacts().restore(ContactId(b));
  EXPECT_EQ(contact_pairs().size(), 1u);
  EXPECT_EQ(contact_pairs().front().first_id, a);
}

TEST_F(DuplicatesTest, ARecordIsNeverItsOwnDuplicate) {
  contact({.first_name = "Anna", .last_name = "Liepa", .emails = {{"anna@x.lv"}, {"anna.liepa@x.lv"}},
           .phones = {{PhoneKind::mobile, "26 111 111"}, {PhoneKind::work, "67 111 111"}}});
  account({.name = "SIA Liepa", .registration_number = "40001", .vat_id = "LV40001", .phone = "67 111 111",
           .email = "anna@x.lv"});
  EXPECT_TRUE(contact_pairs().empty());
  EXPECT_TRUE(account_pairs().empty()) << "accounts and contacts are never compared with each other";
}

TEST_F(DuplicatesTest, ANameSharedByThousandsGivesOnlyTheLimitInNameOrder) {
  {
    Transaction tx(db);
    for (int i = 0; i < 2000; ++i) contact({.first_name = "Jānis", .last_name = "Bērziņš"});
    contact({.first_name = "Anna", .last_name = "Ābele"});
    contact({.first_name = "anna", .last_name = "abele"});
    tx.commit();
  }
  const auto pairs = contact_pairs({.limit = 3});
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(pairs[0], pair(RecordKind::contact, 2001, 2002, {DuplicateReason::same_name})) << "'abele anna' first";
  EXPECT_EQ(pairs[1], pair(RecordKind::contact, 1, 2, {DuplicateReason::same_name}));
  EXPECT_EQ(pairs[2], pair(RecordKind::contact, 1, 3, {DuplicateReason::same_name}));
}

TEST_F(DuplicatesTest, OnlyAccountsAndContactsHaveDuplicates) {
  auto error = EXPECT_CRM_ERROR(db.duplicates().find(RecordKind::lead), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("accounts and contacts"), std::string::npos) << error.what();
  EXPECT_CRM_ERROR(db.duplicates().history(RecordKind::opportunity, 1), ErrorCode::invalid_argument);
}

TEST_F(DuplicatesTest, LimitAndMinScoreOutOfRangeAreRefused) {
  EXPECT_EQ(EXPECT_CRM_ERROR(contact_pairs({.limit = 0}), ErrorCode::invalid_argument).field(), "duplicates.limit");
  EXPECT_CRM_ERROR(contact_pairs({.limit = 100001}), ErrorCode::invalid_argument);
  EXPECT_EQ(EXPECT_CRM_ERROR(contact_pairs({.min_score = 0}), ErrorCode::invalid_argument).field(),
            "duplicates.min_score");
  EXPECT_CRM_ERROR(contact_pairs({.min_score = 101}), ErrorCode::invalid_argument);
}

TEST_F(DuplicatesTest, MatchesListTheContactsANewContactWouldDuplicate) {
  const auto anna = contact({.first_name = "Anna", .last_name = "Bērziņa", .emails = {{"anna@koka.lv"}}});
  const auto namesake = contact({.first_name = "Anna", .last_name = "Berzina"});
  const auto colleague = contact({.last_name = "Ozols", .phones = {{PhoneKind::work, "+371 67 000 001"}}});
  const auto gone = contact({.emails = {{"anna@koka.lv"}}});
  db.contacts().remove(ContactId(gone));
  const ContactData incoming{.first_name = "ANNA",
                             .last_name = "bērziņa",
                             .emails = {{"Anna@Koka.lv"}},
                             .phones = {{PhoneKind::work, "67000001"}}};
  EXPECT_EQ(db.duplicates().matches(incoming),
            (std::vector<DuplicateMatch>{{anna, 94, {DuplicateReason::same_email, DuplicateReason::same_name}},
                                         {colleague, 80, {DuplicateReason::same_phone}},
                                         {namesake, 40, {DuplicateReason::same_name}}}));
  EXPECT_EQ(db.duplicates().matches(incoming, {.min_score = 50}),
            (std::vector<DuplicateMatch>{{anna, 94, {DuplicateReason::same_email, DuplicateReason::same_name}},
                                         {colleague, 80, {DuplicateReason::same_phone}}}))
      << "the name still counts for a record found by its email";
  EXPECT_EQ(db.duplicates().matches(incoming, {.limit = 1}).front().id, anna);
  EXPECT_TRUE(db.duplicates().matches(ContactData{.last_name = "Nobody"}).empty());
}

TEST_F(DuplicatesTest, MatchesListTheAccountsANewAccountWouldDuplicate) {
  const auto koka = account({.name = "SIA Koka Nams", .registration_number = "LV-4000 3000.000"});
  const auto vat = account({.name = "Koka", .vat_id = "LV40003000000"});
  const auto mail = account({.name = "Other", .phone = "67 222 222", .email = "info@koka.lv"});
  const AccountData incoming{.name = "sia koka  nams",
                             .registration_number = "lv40003000000",
                             .vat_id = "lv 4000 3000 000",
                             .phone = "+371 67222222",
                             .email = "INFO@koka.lv"};
  EXPECT_EQ(db.duplicates().matches(incoming),
            (std::vector<DuplicateMatch>{
                {mail, 98, {DuplicateReason::same_email, DuplicateReason::same_phone}},
                {koka, 97, {DuplicateReason::same_registration_number, DuplicateReason::same_name}},
                {vat, 95, {DuplicateReason::same_vat_id}}}));
}

TEST_F(DuplicatesTest, MatchesRefuseWhatCreateWouldRefuse) {
  EXPECT_EQ(EXPECT_CRM_ERROR(db.duplicates().matches(ContactData{.last_name = "X", .emails = {{"not an email"}}}),
                             ErrorCode::invalid_argument)
                .field(),
            "contact.emails[0]");
  EXPECT_EQ(EXPECT_CRM_ERROR(db.duplicates().matches(AccountData{.name = "X", .phone = "hello"}),
                             ErrorCode::invalid_argument)
                .field(),
            "account.phone");
}

}  // namespace
}  // namespace crm
