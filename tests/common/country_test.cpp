#include "common/country.hpp"

#include <gtest/gtest.h>

#include "common/country_data.hpp"

namespace crm::detail {
namespace {

std::string code_of(std::string_view written) { return find_country(written).code; }

TEST(Countries, TheTableHoldsEveryIsoCountryOnce) {
  const auto entries = country_entries();
  EXPECT_EQ(entries.size(), 249u);  // ISO 3166-1 assigns 249 codes
  for (std::size_t i = 1; i < entries.size(); ++i) EXPECT_LT(entries[i - 1].alpha2, entries[i].alpha2);
  EXPECT_TRUE(is_country_code("LV"));
  EXPECT_FALSE(is_country_code("lv"));
  EXPECT_FALSE(is_country_code("UK"));
  EXPECT_EQ(country_name("LV"), "Latvia");
  EXPECT_EQ(country_name("XX"), "");
}

TEST(Countries, EveryCodeFindsItsCountry) {
  for (const CountryEntry& entry : country_entries()) {
    SCOPED_TRACE(std::string(entry.alpha2));
    EXPECT_EQ(code_of(entry.alpha2), entry.alpha2);
    EXPECT_EQ(code_of(entry.alpha3), entry.alpha2);
    EXPECT_EQ(code_of(entry.numeric), entry.alpha2);
    EXPECT_EQ(code_of(entry.name), entry.alpha2);
  }
}

TEST(Countries, CodesAreReadInAnyCaseAndNumericWithoutLeadingZeros) {
  EXPECT_EQ(code_of("lva"), "LV");
  EXPECT_EQ(code_of("040"), "AT");
  EXPECT_EQ(code_of("40"), "AT");
  EXPECT_EQ(code_of("999"), "");
}

TEST(Countries, EnglishNamesAsPeopleWriteThem) {
  for (const char* us : {"United States", "USA", "U.S.", "U.S.A.", "US", "United States of America", "usa"})
    EXPECT_EQ(code_of(us), "US") << us;
  for (const auto& [written, code] : std::vector<std::pair<const char*, const char*>>{
           {"UK", "GB"}, {"United Kingdom", "GB"}, {"Russia", "RU"}, {"Russian Federation", "RU"},
           {"South Korea", "KR"}, {"Republic of Korea", "KR"}, {"Czech Republic", "CZ"}, {"Czechia", "CZ"},
           {"The Netherlands", "NL"}, {"Vietnam", "VN"}, {"Viet Nam", "VN"}, {"Bolivia", "BO"},
           {"Ivory Coast", "CI"}, {"Côte d'Ivoire", "CI"}, {"Cote d’Ivoire", "CI"}, {"Congo", "CG"}}) {
    EXPECT_EQ(code_of(written), code) << written;
  }
}

TEST(Countries, NamesInTheLanguagesOfOurUsers) {
  for (const auto& [written, code] : std::vector<std::pair<const char*, const char*>>{
           {"Latvija", "LV"},     {"Lietuva", "LT"},      {"Україна", "UA"},   {"Deutschland", "DE"},
           {"Vācija", "DE"},      {"Vokietija", "DE"},    {"Германия", "DE"},  {"Niemcy", "DE"},
           {"Латвия", "LV"},      {"Латвія", "LV"},       {"Łotwa", "LV"},     {"Lettland", "LV"},
           {"США", "US"},         {"Stany Zjednoczone", "US"}, {"Polska", "PL"}, {"Эстония", "EE"},
           {"LATVIJA", "LV"},     {"latvija", "LV"}}) {
    EXPECT_EQ(code_of(written), code) << written;
  }
}

TEST(Countries, NamesInTheCountrysOwnLanguages) {
  for (const auto& [written, code] : std::vector<std::pair<const char*, const char*>>{
           {"España", "ES"}, {"Espana", "ES"}, {"Suomi", "FI"}, {"Sverige", "SE"}, {"日本", "JP"},
           {"Schweiz", "CH"}, {"Suisse", "CH"}, {"Svizzera", "CH"}, {"Österreich", "AT"},
           {"Eesti", "EE"}, {"Magyarország", "HU"}, {"Česko", "CZ"}}) {
    EXPECT_EQ(code_of(written), code) << written;
  }
}

TEST(Countries, AnAmbiguousNameListsTheCountriesItCouldBe) {
  const CountryMatch korea = find_country("Korea");
  EXPECT_TRUE(korea.ambiguous);
  EXPECT_EQ(korea.code, "");
  ASSERT_EQ(korea.candidates.size(), 2u);
  const CountryMatch islands = find_country("Virgin Islands");
  EXPECT_TRUE(islands.ambiguous);
  EXPECT_EQ(islands.candidates.size(), 2u);
}

TEST(Countries, AnUnknownNameGivesTheThreeNearest) {
  const CountryMatch match = find_country("Latvai");
  EXPECT_FALSE(match.ambiguous);
  EXPECT_EQ(match.code, "");
  ASSERT_EQ(match.candidates.size(), 3u);
  EXPECT_EQ(match.candidates.front(), "Latvia (LV)");
}

}  // namespace
}  // namespace crm::detail
