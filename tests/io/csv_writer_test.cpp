#include "io/csv_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "crm/error.hpp"
#include "io/csv_reader.hpp"
#include "support/test_database.hpp"

namespace crm::detail {
namespace {

using Row = std::vector<std::string>;

std::string written(const std::vector<Row>& rows, char delimiter = ',') {
  std::ostringstream out;
  CsvWriter writer(out, delimiter);
  for (const Row& row : rows) writer.write_row(row);
  return out.str();
}

TEST(CsvWriter, QuotesAFieldOnlyWhenItMustAndEndsLinesWithCrlf) {
  EXPECT_EQ(written({{"plain", "Bērziņa", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", " lead", "trail\t", ""}}),
            "plain,Bērziņa,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\" lead\",\"trail\t\",\r\n");
  EXPECT_EQ(written({{"a", "b"}, {"c", "d"}}), "a,b\r\nc,d\r\n");
}

TEST(CsvWriter, QuotesForTheDelimiterInUse) {
  EXPECT_EQ(written({{"a,b", "c;d"}}, ';'), "a,b;\"c;d\"\r\n");
  EXPECT_EQ(written({{"a,b", "c\td"}}, '\t'), "a,b\t\"c\td\"\r\n");
}

TEST(CsvWriter, WritesALoneEmptyFieldQuotedSoItIsNotAnEmptyLine) {
  EXPECT_EQ(written({{""}}), "\"\"\r\n");
  EXPECT_EQ(written({{"", ""}}), ",\r\n");
}

TEST(CsvWriter, WritesStringViewsLikeStrings) {
  std::ostringstream out;
  CsvWriter writer(out);
  const std::vector<std::string_view> row = {"Šķēle", "x,y"};
  writer.write_row(std::span<const std::string_view>(row));
  EXPECT_EQ(out.str(), written({{"Šķēle", "x,y"}}));
}

TEST(CsvWriter, RefusesARowWithoutFields) {
  std::ostringstream out;
  CsvWriter writer(out);
  EXPECT_CRM_ERROR(writer.write_row(Row{}), ErrorCode::invalid_argument);
}

TEST(CsvWriter, RefusesADelimiterTheReaderCannotRead) {
  std::ostringstream out;
  EXPECT_CRM_ERROR(CsvWriter(out, '"'), ErrorCode::invalid_argument);
}

TEST(CsvWriter, ReportsAFailedStream) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  CsvWriter writer(out);
  EXPECT_CRM_ERROR(writer.write_row(Row{"a"}), ErrorCode::io);
}

TEST(CsvWriter, ReaderReadsBackExactlyWhatTheWriterWrote) {
  const std::vector<Row> rows = {
      {"name", "note", "city"},
      {"Bērziņa", "Šķēle, Žukauskienė", "Rīga"},
      {"Ковальчук", "Шевченко \"Тарас\"", "Київ"},
      {"multi", "line one\nline two\r\nline three\rend", ""},
      {"", "", ""},
      {""},
      {" spaced ", "\"", "\"\""},
      {"tab\there", "semi;colon", "comma,here"},
  };
  for (char delimiter : {',', ';', '\t'}) {
    std::istringstream in(written(rows, delimiter));
    CsvReader reader(in, {});
    EXPECT_EQ(reader.delimiter(), delimiter);
    CsvRecord record;
    for (const Row& row : rows) {
      ASSERT_TRUE(reader.next(record));
      EXPECT_EQ(record.error, "");
      EXPECT_EQ(record.fields, row);
    }
    EXPECT_FALSE(reader.next(record));
  }
}

}  // namespace
}  // namespace crm::detail
