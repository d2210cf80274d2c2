#include "io/text_decoder.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm::detail {
namespace {

// "Bērziņa, Šķēle, Žukauskienė" in Windows-1257.
const std::string kLatvianWindows1257 =
    "B\xE7rzi\xF2" "a, \xD0\xED\xE7le, \xDEukauskien\xEB";
// "Ковальчук, Шевченко" in Windows-1251.
const std::string kCyrillicWindows1251 =
    "\xCA\xEE\xE2\xE0\xEB\xFC\xF7\xF3\xEA, \xD8\xE5\xE2\xF7\xE5\xED\xEA\xEE";

// Decodes `bytes` as two chunks split at `split`.
std::string decode_split(std::string_view encoding, std::string_view bytes, std::size_t split) {
  TextDecoder decoder(encoding);
  std::string text = decoder.decode(bytes.substr(0, split), false);
  text += decoder.decode(bytes.substr(split), true);
  return text;
}

// Decodes `bytes` one byte per chunk.
std::string decode_bytewise(std::string_view encoding, std::string_view bytes) {
  TextDecoder decoder(encoding);
  std::string text;
  for (char byte : bytes) decoder.decode_append(std::string_view(&byte, 1), false, text);
  decoder.decode_append({}, true, text);
  return text;
}

TEST(TextDecoder, DecodesWindows1257LatvianAndLithuanianNames) {
  EXPECT_EQ(TextDecoder("WINDOWS-1257").decode(kLatvianWindows1257, true), "Bērziņa, Šķēle, Žukauskienė");
  EXPECT_EQ(TextDecoder("CP1257").decode(kLatvianWindows1257, true), "Bērziņa, Šķēle, Žukauskienė");
}

TEST(TextDecoder, DecodesWindows1251CyrillicNames) {
  EXPECT_EQ(TextDecoder("WINDOWS-1251").decode(kCyrillicWindows1251, true), "Ковальчук, Шевченко");
  EXPECT_EQ(TextDecoder("cp1251").decode(kCyrillicWindows1251, true), "Ковальчук, Шевченко");
}

TEST(TextDecoder, DecodesTheSameWhereverAChunkBoundaryFalls) {
  const std::string utf8 = "\xEF\xBB\xBF" "Bērziņa 𝄞 Ковальчук";
  const std::string utf16 = std::string("\x12\x04\x30\x04\x41\x04\x4f\x04", 8);  // "Вася" in UTF-16LE
  struct Case {
    std::string encoding, bytes, expected;
  };
  for (const Case& c : {Case{"WINDOWS-1257", kLatvianWindows1257, "Bērziņa, Šķēle, Žukauskienė"},
                        Case{"WINDOWS-1251", kCyrillicWindows1251, "Ковальчук, Шевченко"},
                        Case{"UTF-8", utf8, "Bērziņa 𝄞 Ковальчук"}, Case{"UTF-16LE", utf16, "Вася"}}) {
    for (std::size_t split = 0; split <= c.bytes.size(); ++split)
      EXPECT_EQ(decode_split(c.encoding, c.bytes, split), c.expected) << c.encoding << " split at " << split;
    EXPECT_EQ(decode_bytewise(c.encoding, c.bytes), c.expected) << c.encoding;
  }
}

TEST(TextDecoder, StripsTheUtf8ByteOrderMarkOnlyAtTheStart) {
  EXPECT_EQ(TextDecoder("UTF-8").decode("\xEF\xBB\xBFname", true), "name");
  EXPECT_EQ(TextDecoder("UTF-8").decode("name\xEF\xBB\xBF", true), "name\xEF\xBB\xBF");
  TextDecoder decoder("UTF-8");
  EXPECT_EQ(decoder.decode("\xEF", false), "");
  EXPECT_EQ(decoder.decode("\xBB\xBF", false), "");
  EXPECT_EQ(decoder.decode("\xEF\xBB\xBF" "x", true), "\xEF\xBB\xBF" "x");
}

TEST(TextDecoder, AcceptsUtf8UnderAnySpellingOfItsName) {
  for (const char* name : {"UTF-8", "utf-8", "utf8", "Utf8"})
    EXPECT_EQ(TextDecoder(name).decode("Šķēle", true), "Šķēle") << name;
}

TEST(TextDecoder, RefusesInvalidUtf8NamingTheByteOffsetInTheFile) {
  TextDecoder decoder("UTF-8");
  EXPECT_EQ(decoder.decode("Bērziņa,", false), "Bērziņa,");  // 10 bytes
  auto error = EXPECT_CRM_ERROR(decoder.decode("ab\xE7rz", true), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "encoding");
  EXPECT_NE(std::string(error.what()).find("byte offset 12"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("name the file's encoding"), std::string::npos) << error.what();
}

TEST(TextDecoder, RefusesUtf8CutOffByTheEndOfTheFile) {
  TextDecoder decoder("UTF-8");
  EXPECT_EQ(decoder.decode("ab\xC4", false), "ab");
  auto error = EXPECT_CRM_ERROR(decoder.decode("", true), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("byte offset 2"), std::string::npos) << error.what();
}

TEST(TextDecoder, RefusesNulBytesInUtf8) {
  auto error = EXPECT_CRM_ERROR(TextDecoder("UTF-8").decode(std::string("a\0b", 3), true),
                                ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("NUL byte"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("byte offset 1"), std::string::npos) << error.what();
}

TEST(TextDecoder, RefusesBytesUndefinedInTheLegacyEncoding) {
  TextDecoder decoder("WINDOWS-1251");
  EXPECT_EQ(decoder.decode("\xCA\xEE", false), "Ко");
  auto error = EXPECT_CRM_ERROR(decoder.decode("x\x98", true), ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "encoding");
  EXPECT_NE(std::string(error.what()).find("byte offset 3"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("WINDOWS-1251"), std::string::npos) << error.what();
}

TEST(TextDecoder, RefusesAFileCutOffInsideAMultibyteCharacterOfALegacyEncoding) {
  TextDecoder decoder("UTF-16LE");
  EXPECT_EQ(decoder.decode(std::string("\x12\x04\x30", 3), false), "В");
  EXPECT_CRM_ERROR(decoder.decode("", true), ErrorCode::invalid_argument);
}

TEST(TextDecoder, RefusesAnUnknownEncoding) {
  for (const char* name : {"KLINGON-8", "", "CP1257//IGNORE"}) {
    auto error = EXPECT_CRM_ERROR(TextDecoder{name}, ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "encoding");
    EXPECT_EQ(std::string(error.what()), "import: unknown encoding '" + std::string(name) + "'");
  }
}

}  // namespace
}  // namespace crm::detail
