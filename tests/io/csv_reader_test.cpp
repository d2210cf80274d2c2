#include "io/csv_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "crm/error.hpp"
#include "support/test_database.hpp"

namespace crm::detail {
namespace {

using Fields = std::vector<std::string>;

constexpr std::size_t kChunk = 64 * 1024;  // the reader's read size

// Every record of `text`.
std::vector<CsvRecord> read_all(const std::string& text, CsvOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, std::move(options));
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.next(record)) records.push_back(record);
  return records;
}

char detected_delimiter(const std::string& text) {
  std::istringstream in(text);
  return CsvReader(in, {}).delimiter();
}

TEST(CsvReader, ReadsFieldsAndReturnsEachRecordsOwnFieldCount) {
  const auto records = read_all("name,city,phone\nJānis,Rīga,+371 2\nAnna,Liepāja\nx,,\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].fields, (Fields{"name", "city", "phone"}));
  EXPECT_EQ(records[1].fields, (Fields{"Jānis", "Rīga", "+371 2"}));
  EXPECT_EQ(records[2].fields, (Fields{"Anna", "Liepāja"}));
  EXPECT_EQ(records[3].fields, (Fields{"x", "", ""}));
  for (const auto& record : records) EXPECT_EQ(record.error, "");
}

TEST(CsvReader, DetectsCommaSemicolonAndTabFromTheHeaderLine) {
  EXPECT_EQ(detected_delimiter("a,b,c\n1;2;3;4;5\n"), ',');
  EXPECT_EQ(detected_delimiter("a;b;c\n1,2,3,4,5\n"), ';');
  EXPECT_EQ(detected_delimiter("a\tb,c\td\n"), '\t');
  EXPECT_EQ(detected_delimiter("a;b,c\n"), ',');           // a tie goes to the comma
  EXPECT_EQ(detected_delimiter("single\n"), ',');          // nothing to count
  EXPECT_EQ(detected_delimiter("\"x;y;z\",a,b\n"), ',');   // quoted text does not count
  EXPECT_EQ(detected_delimiter("\"multi\nline;;;\";b\n"), ';');
  const auto records = read_all("a;b\n1;\"x;y\"\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "x;y"}));
}

TEST(CsvReader, UsesTheGivenDelimiterInsteadOfDetecting) {
  CsvOptions options;
  options.delimiter = ';';
  const auto records = read_all("a,b,c\n1;2\n", options);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a,b,c"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
}

TEST(CsvReader, RefusesADelimiterItCannotRead) {
  for (char bad : {'"', '\n', '\r', '\xC4'}) {
    std::istringstream in("a,b\n");
    CsvOptions options;
    options.delimiter = bad;
    auto error = EXPECT_CRM_ERROR(CsvReader(in, options), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "delimiter");
  }
}

TEST(CsvReader, QuotedFieldsHoldDelimitersQuotesAndLineBreaksAndLaterLineNumbersStayRight) {
  const auto records = read_all(
      "id,note\n"
      "1,\"line one\nline two\r\nline three\"\n"
      "2,\"say \"\"hi\"\", then, go\"\n"
      "3,\"\"\n"
      "4,plain\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "line one\nline two\r\nline three"}));
  EXPECT_EQ(records[2].fields, (Fields{"2", "say \"hi\", then, go"}));
  EXPECT_EQ(records[3].fields, (Fields{"3", ""}));
  EXPECT_EQ(records[4].fields, (Fields{"4", "plain"}));
  std::vector<std::int64_t> lines;
  for (const auto& record : records) lines.push_back(record.line);
  EXPECT_EQ(lines, (std::vector<std::int64_t>{1, 2, 5, 6, 7}));
}

TEST(CsvReader, AcceptsCrlfLfAndCrLineEnds) {
  const auto records = read_all("a,b\r\nc,d\re,f\n\"g\r\",h");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(records[2].fields, (Fields{"e", "f"}));
  EXPECT_EQ(records[3].fields, (Fields{"g\r", "h"}));
  EXPECT_EQ(records[3].line, 4);
}

TEST(CsvReader, SkipsEmptyLinesAndTheTrailingEmptyLine) {
  const auto records = read_all("a,b\n\n\r\n\rc,d\r\n\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(records[1].line, 5);
  EXPECT_TRUE(read_all("").empty());
  EXPECT_TRUE(read_all("\n\r\n").empty());
}

TEST(CsvReader, StripsTheByteOrderMark) {
  std::istringstream in("\xEF\xBB\xBFname;city\nAnna;Rīga\n");
  CsvReader reader(in, {});
  EXPECT_EQ(reader.delimiter(), ';');
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields, (Fields{"name", "city"}));
}

TEST(CsvReader, ReportsAStrayQuoteAndResumesOnTheNextLine) {
  const auto records = read_all("a,b\n1,5\" screen,x\n2,ok\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].error, "unexpected quote inside an unquoted field");
  EXPECT_EQ(records[1].error_column, 2);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].fields, (Fields{"2", "ok"}));
  EXPECT_EQ(records[2].error, "");
  EXPECT_EQ(records[2].error_column, 0);
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReader, ReportsTextAfterAClosingQuoteAndResumesOnTheNextLine) {
  const auto records = read_all("a,b,c\n1,\"x\"y,z\r\n2,ok,3\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].error, "text after the closing quote of a quoted field");
  EXPECT_EQ(records[1].error_column, 2);
  EXPECT_EQ(records[2].fields, (Fields{"2", "ok", "3"}));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReader, ReportsAFileCutOffInsideAQuotedFieldWithTheLineItStartsOn) {
  const auto records = read_all("id,note\n1,\"two\nlines\"\n\n\n2,ok\n3,\"never\nclosed\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2].line, 6);
  EXPECT_EQ(records[3].line, 7);
  EXPECT_EQ(records[3].error, "the file ends inside a quoted field that starts on line 7");
  EXPECT_EQ(records[3].error_column, 2);
  EXPECT_EQ(records[3].fields[0], "3");
}

TEST(CsvReader, DecodesALegacyEncodingAndReportsItsInvalidBytes) {
  CsvOptions options;
  options.encoding = "WINDOWS-1257";
  const auto records = read_all("name;city\nB\xE7rzi\xF2" "a;R\xEEga\n", options);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"Bērziņa", "Rīga"}));
  EXPECT_CRM_ERROR(read_all("name\nabc\xE7\n"), ErrorCode::invalid_argument);
}

TEST(CsvReader, LineEndsAndEscapesSplitByAChunkBoundaryAreReadRight) {
  const std::string filler(kChunk - 1, 'x');
  // CR as the chunk's last byte, LF as the next chunk's first.
  auto records = read_all(filler + "\r\nb\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"b"}));
  EXPECT_EQ(records[1].line, 2);
  // The same inside a quoted field.
  records = read_all("\"" + filler.substr(1) + "\r\nmore\"\r\nnext\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields[0], filler.substr(1) + "\r\nmore");
  EXPECT_EQ(records[1].line, 3);
  // A "" escape whose two quotes fall in different chunks.
  records = read_all("\"" + filler.substr(1) + "\"\"\",z\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{filler.substr(1) + "\"", "z"}));
  // A two-byte character split between chunks.
  records = read_all(filler + "ā,b\n");
  EXPECT_EQ(records.at(0).fields, (Fields{filler + "ā", "b"}));
}

TEST(CsvReader, ReadsManyMultiLineRecordsAcrossChunks) {
  std::string text = "id,note,name\r\n";
  for (int i = 0; i < 20000; ++i)
    text += std::to_string(i) + ",\"note " + std::to_string(i) + "\r\nsecond \"\"line\"\"\",Ковальчук\r\n";
  std::istringstream in(text);
  CsvReader reader(in, {});
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  for (int i = 0; i < 20000; ++i) {
    ASSERT_TRUE(reader.next(record));
    ASSERT_EQ(record.error, "") << "record " << i;
    ASSERT_EQ(record.line, 2 + 2 * i);
    ASSERT_EQ(record.fields, (Fields{std::to_string(i), "note " + std::to_string(i) + "\r\nsecond \"line\"", "Ковальчук"}));
  }
  EXPECT_FALSE(reader.next(record));
  EXPECT_EQ(reader.bytes_consumed(), text.size());
}

TEST(CsvReader, ReadsInChunksRatherThanTheWholeStream) {
  std::string text;
  while (text.size() < 10 * kChunk) text += "Jānis,Bērziņš,Rīga\n";
  std::istringstream in(text);
  CsvReader reader(in, {});
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.bytes_consumed(), kChunk);
}

TEST(CsvReader, ReusesTheRecordsBuffers) {
  std::istringstream in("a,bb,ccc\nlonger first field,x,y\nz,x,y\n");
  CsvReader reader(in, {});
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_TRUE(reader.next(record));
  const std::string* fields = record.fields.data();
  const char* first = record.fields[0].data();
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields, (Fields{"z", "x", "y"}));
  EXPECT_EQ(record.fields.data(), fields);
  EXPECT_EQ(record.fields[0].data(), first);
}

}  // namespace
}  // namespace crm::detail
