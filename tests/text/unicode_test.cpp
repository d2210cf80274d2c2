#include "text/unicode.hpp"

#include <gtest/gtest.h>

#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm::detail {
namespace {

TEST(Unicode, NormalizesToNfc) {
  const std::string decomposed = "Be\xCC\x84rzin\xCC\xA7" "a";  // e + macron, n + cedilla
  EXPECT_EQ(to_nfc(decomposed, "f"), "Bērziņa");
  EXPECT_EQ(to_nfc("Ковальчук", "f"), "Ковальчук");
}

TEST(Unicode, RefusesInvalidUtf8AndNul) {
  for (std::string bad : {std::string("\xC3\x28"), std::string("\xED\xA0\x80"), std::string("\xC0\xAF"),
                          std::string("a\0b", 3), std::string("\xF8\x88\x80\x80\x80")}) {
    EXPECT_FALSE(is_valid_utf8(bad));
    auto error = EXPECT_CRM_ERROR(to_nfc(bad, "contact.last_name"), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "contact.last_name");
  }
}

TEST(Unicode, MatchKeyFoldsCaseDiacriticsAndSpaces) {
  EXPECT_EQ(match_key("  Bērziņa "), "berzina");
  EXPECT_EQ(match_key("BĒRZIŅA"), "berzina");
  EXPECT_EQ(match_key("КОВАЛЬЧУК"), "ковальчук");
  EXPECT_EQ(match_key("Kazlauskienė"), "kazlauskiene");
  EXPECT_EQ(match_key("Müller  GmbH"), "muller gmbh");
  EXPECT_EQ(match_key("Straße"), "strasse");
  EXPECT_EQ(match_key("Ёлкин"), "елкин");
}

TEST(Unicode, CasefoldKeepsDiacritics) {
  EXPECT_EQ(casefold("ANNA.BĒRZIŅA@Example.LV"), "anna.bērziņa@example.lv");
  EXPECT_EQ(casefold("Olena@UKR.NET"), "olena@ukr.net");
}

TEST(Unicode, TrimsUnicodeSpace) {
  EXPECT_EQ(trim("\xC2\xA0 Jānis\t "), "Jānis");
  EXPECT_EQ(trim("   "), "");
}

TEST(Unicode, DetectsControlCharacters) {
  EXPECT_TRUE(has_control_character("a\nb"));
  EXPECT_FALSE(has_control_character("a\nb", "\n"));
  EXPECT_TRUE(has_control_character("a\xC2\x85" "b"));  // NEL, a C1 control
  EXPECT_FALSE(has_control_character("Jūrmala"));
}

}  // namespace
}  // namespace crm::detail
