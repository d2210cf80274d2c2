#include "common/fields.hpp"

#include <gtest/gtest.h>

#include "common/country.hpp"
#include "common/phone.hpp"

#include <set>

#include <phonenumbers/phonenumberutil.h>
#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm::detail {
namespace {

TEST(Fields, EmailsAreCheckedForShape) {
  EXPECT_EQ(clean_email(" anna@example.lv ", "email"), "anna@example.lv");
  EXPECT_EQ(clean_email("jānis.bērziņš@pasts.lv", "email"), "jānis.bērziņš@pasts.lv");
  EXPECT_EQ(clean_email("", "email"), "");
  for (const char* bad : {"anna", "anna@", "@example.lv", "anna@example", "an na@example.lv", "a@@example.lv",
                          "a@b@example.lv", "anna@exa_mple.lv", "anna@-example.lv", ".anna@example.lv",
                          "an..na@example.lv", "anna@example..lv"}) {
    auto error = EXPECT_CRM_ERROR(clean_email(bad, "contact.emails[0]"), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "contact.emails[0]");
    EXPECT_NE(std::string(error.what()).find(bad), std::string::npos) << error.what();
  }
}

TEST(Fields, CountriesAreStoredAsIsoAlpha2) {
  EXPECT_EQ(clean_country("lv", "country"), "LV");
  EXPECT_EQ(clean_country("UA", "country"), "UA");
  EXPECT_EQ(clean_country(" Latvia ", "country"), "LV");
  EXPECT_EQ(clean_country("", "country"), "");
  for (const char* bad : {"XX", "L", "Latvla land", "Narnia"}) {
    SCOPED_TRACE(bad);
    auto error = EXPECT_CRM_ERROR(clean_country(bad, "account.address.country"), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "account.address.country");
    EXPECT_NE(std::string(error.what()).find("the nearest are"), std::string::npos) << error.what();
  }
}

TEST(Fields, AnUnknownCountryNamesTheNearestCountries) {
  auto error = EXPECT_CRM_ERROR(clean_country("Untied States", "country"), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("United States (US)"), std::string::npos) << error.what();
}

TEST(Fields, AnAmbiguousCountryNamesItsCandidates) {
  auto error = EXPECT_CRM_ERROR(clean_country("Korea", "country"), ErrorCode::invalid_argument);
  const std::string message = error.what();
  EXPECT_NE(message.find("(KR)"), std::string::npos) << message;
  EXPECT_NE(message.find("(KP)"), std::string::npos) << message;
  EXPECT_NE(message.find("write the country code"), std::string::npos) << message;
}

TEST(Fields, LanguageTags) {
  EXPECT_EQ(clean_language("LV", "lang"), "lv");
  EXPECT_EQ(clean_language("en-GB", "lang"), "en-GB");
  for (const char* bad : {"e", "english", "en_GB", "en-", "1v"})
    {
      SCOPED_TRACE(bad);
      EXPECT_CRM_ERROR(clean_language(bad, "lang"), ErrorCode::invalid_argument);
    }
}

TEST(Fields, LinesRefuseControlCharactersAndEmptiness) {
  EXPECT_EQ(clean_line("  SIA Koks ", "name"), "SIA Koks");
  EXPECT_CRM_ERROR(clean_line("SIA\nKoks", "name"), ErrorCode::invalid_argument);
  auto error = EXPECT_CRM_ERROR(require_line(" \t ", "account.name"), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "account.name");
  EXPECT_EQ(clean_text("line one\nline two\n\n", "description"), "line one\nline two");
}

TEST(Fields, TagsDropCaseInsensitiveDuplicates) {
  EXPECT_EQ(clean_tags({"VIP", " vip ", "Key account"}, "tags"), (std::vector<std::string>{"VIP", "Key account"}));
  EXPECT_CRM_ERROR(clean_tags({"ok", ""}, "tags"), ErrorCode::invalid_argument);
}

TEST(Phones, AnyWrittenFormGivesTheSameE164) {
  PhoneNormalizer latvia("LV");
  for (const char* written : {"+371 26 123 456", "0037126123456", "26 123 456", "+371-26-123-456", "(+371) 26123456"})
    EXPECT_EQ(latvia.to_e164(written).value_or("none"), "+37126123456") << written;
  EXPECT_EQ(latvia.to_e164("+49 151 23456789").value_or("none"), "+4915123456789");
  EXPECT_EQ(PhoneNormalizer("RU").to_e164("8 (912) 345-67-89").value_or("none"), "+79123456789");
  EXPECT_EQ(PhoneNormalizer("DE").to_e164("0151 23456789").value_or("none"), "+4915123456789");
}

TEST(Phones, RefusesWhatIsNotAPhoneNumber) {
  PhoneNormalizer latvia("LV");
  for (const char* bad : {"", "123", "hello", "+371 1", "+999 12345678"})
    EXPECT_FALSE(latvia.to_e164(bad)) << bad;
  auto error = EXPECT_CRM_ERROR(latvia.require_e164("12", "contact.phones[0]"), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "contact.phones[0]");
}

TEST(Phones, WithoutDefaultRegionNeedsCountryCode) {
  PhoneNormalizer none("");
  EXPECT_FALSE(none.to_e164("26 123 456"));
  EXPECT_EQ(none.to_e164("+371 26 123 456").value_or("none"), "+37126123456");
  EXPECT_CRM_ERROR(PhoneNormalizer("XX"), ErrorCode::invalid_argument);
}

TEST(Phones, FastPathAgreesWithFullParse) {
  // The international form takes a shortcut; it must agree with libphonenumber's
  // own parse of the same digits written with parentheses (which takes the full path).
  PhoneNormalizer latvia("LV");
  for (const char* number : {"+1 650 253 0000", "+44 20 7946 0958", "+7 912 345 67 89", "+380 67 123 4567",
                             "+370 612 34567", "+49 30 1234567", "+352 621 123 456"}) {
    std::string wrapped = std::string("(") + number + ")";
    EXPECT_EQ(latvia.to_e164(number), latvia.to_e164(wrapped)) << number;
  }
}

}  // namespace
}  // namespace crm::detail

namespace crm::detail {
namespace {

// Every region libphonenumber knows, its example numbers written nationally
// and internationally: the normalizer's shortcuts must give what the full
// parse gives.
TEST(Phones, ShortcutsAgreeWithFullParseForEveryRegion) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  ASSERT_GT(regions.size(), 200u);
  int checked = 0;
  for (const std::string& region : regions) {
    if (!is_country_code(region)) continue;
    PhoneNormalizer normalizer(region);
    for (auto type : {PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE,
                      PhoneNumberUtil::VOIP, PhoneNumberUtil::PERSONAL_NUMBER}) {
      PhoneNumber example;
      if (!util.GetExampleNumberForType(region, type, &example)) continue;
      for (auto format : {PhoneNumberUtil::NATIONAL, PhoneNumberUtil::INTERNATIONAL, PhoneNumberUtil::E164}) {
        std::string written;
        util.Format(example, format, &written);
        PhoneNumber parsed;
        std::optional<std::string> expected;
        if (util.Parse(written, region, &parsed) == PhoneNumberUtil::NO_PARSING_ERROR && util.IsPossibleNumber(parsed)) {
          std::string e164;
          util.Format(parsed, PhoneNumberUtil::E164, &e164);
          expected = e164;
        }
        EXPECT_EQ(normalizer.to_e164(written), expected) << region << " " << written;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 1000);
}

}  // namespace
}  // namespace crm::detail

namespace crm::detail {
namespace {

TEST(Fields, EmailsRefuseInvisibleAndUnicodeSpace) {
  for (const char* bad : {"a\xC2\xA0" "b@example.com", "ab\xE2\x80\x8B@example.com", "ab@exa\xE3\x80\x80mple.com",
                          "ab@example.com\xE2\x80\xAE"})
    EXPECT_CRM_ERROR(clean_email(bad, "email"), ErrorCode::invalid_argument);
  EXPECT_EQ(clean_email("jānis@pasts.lv", "email"), "jānis@pasts.lv");
  EXPECT_EQ(clean_email("олена@укр.net", "email"), "олена@укр.net");
}

TEST(Fields, LinesRefuseSeparatorsAndBidiOverrides) {
  for (const char* bad : {"Anna\xE2\x80\xA8" "Berzina", "SIA \xE2\x80\xAE" "skoK", "x\xE2\x81\xA6y"})
    EXPECT_CRM_ERROR(clean_line(bad, "name"), ErrorCode::invalid_argument);
  EXPECT_EQ(clean_line("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "name"), "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");  // Hebrew is fine
}

}  // namespace
}  // namespace crm::detail

namespace crm {
namespace {

TEST(Time, InstantsOutsideTheSupportedYearsAreRefused) {
  EXPECT_CRM_ERROR(parse_instant("9999-12-31T23:59:00-01:00"), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(parse_instant("1400-01-01T00:30:00+01:00"), ErrorCode::invalid_argument);
  EXPECT_NO_THROW(parse_instant("9999-12-31T22:59:00-01:00"));
}

}  // namespace
}  // namespace crm
