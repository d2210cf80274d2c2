#include "text/latin_key.hpp"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "text/unicode.hpp"

namespace crm::detail {
namespace {

TEST(LatinKey, FoldsLettersWithoutDecompositionLikeOtherDiacritics) {
  EXPECT_EQ(latin_key("Kozłowski"), "kozlowski");
  EXPECT_EQ(latin_key("Yılmaz"), "yilmaz");
  EXPECT_EQ(latin_key("Żółkiewska"), "zolkiewska");
  EXPECT_EQ(latin_key("Ørsted"), "orsted");
  EXPECT_EQ(latin_key("Đorđević"), "dordevic");
  EXPECT_EQ(latin_key("Æbeltoft"), "aebeltoft");
  EXPECT_EQ(latin_key("Bērziņa"), "berzina");
}

TEST(LatinKey, WritesGermanUmlautsOut) {
  EXPECT_EQ(latin_key("Müller"), "mueller");
  EXPECT_EQ(latin_key("GÖTZ Straße"), "goetz strasse");
  EXPECT_EQ(latin_key("Jürgen"), latin_key("Juergen"));
}

TEST(LatinKey, TransliteratesCyrillicAsPeopleWriteItInLatin) {
  EXPECT_EQ(latin_key("Иванов"), "ivanov");
  EXPECT_EQ(latin_key("Шевченко"), "shevchenko");
  EXPECT_EQ(latin_key("ЩУКИН Хрущёв"), "shchukin khrushchev");
  EXPECT_EQ(latin_key("Ковальчук"), "kovalchuk");  // the soft sign leaves no apostrophe
  EXPECT_EQ(latin_key("Юлія"), "yuliya");          // Ukrainian і too
}

TEST(LatinKey, AsciiTextIsOnlyLowerCasedAndSpacesCollapsed) {
  EXPECT_EQ(latin_key("  Jean-Luc   O'Brien "), "jean-luc o'brien");
  EXPECT_EQ(latin_key("Kozlowski"), match_key("Kozlowski"));
  EXPECT_EQ(latin_key(""), "");
}

TEST(LatinKey, CollapsesUnicodeSpaceAndKeepsWhatNoTransformCovers) {
  EXPECT_EQ(latin_key("\xC2\xA0Иван\xC2\xA0\xC2\xA0Петров "), "ivan petrov");
  EXPECT_EQ(latin_key("☎ Łódź"), "☎ lodz");
}

TEST(LatinKey, DistinctKeyIsEmptyWhereMatchKeyAlreadySpellsItInAscii) {
  EXPECT_EQ(distinct_latin_key("Bērziņa Anna"), "");
  EXPECT_EQ(distinct_latin_key("Žukauskienė"), "");
  EXPECT_EQ(distinct_latin_key("Smith"), "");
  EXPECT_EQ(distinct_latin_key("Müller"), "mueller");  // a diaeresis is written out
  EXPECT_EQ(distinct_latin_key("Kozłowski"), "kozlowski");
  EXPECT_EQ(distinct_latin_key("Иванов Иван"), "ivanov ivan");
  EXPECT_EQ(distinct_latin_key("Noël"), "");  // de-ASCII leaves ë as e, as match_key does
}

TEST(LatinKey, EachThreadGivesTheSameKeys) {
  std::vector<std::string> keys(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < keys.size(); ++i)
    threads.emplace_back([&keys, i] {
      for (int n = 0; n < 200; ++n) keys[i] = latin_key("Kozłowski Иванов Müller");
    });
  for (std::thread& thread : threads) thread.join();
  for (const std::string& key : keys) EXPECT_EQ(key, "kozlowski ivanov mueller");
}

}  // namespace
}  // namespace crm::detail
