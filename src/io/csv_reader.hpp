// Reading CSV files (RFC 4180 and what spreadsheets really write) record by record.
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "io/text_decoder.hpp"

namespace crm::detail {

/// How to read a CSV file.
struct CsvOptions {
  /// The file's encoding, as TextDecoder accepts it ("UTF-8", "WINDOWS-1257", ...).
  std::string encoding = "UTF-8";
  /// The field delimiter; 0 detects it among ',' ';' and tab from the header
  /// line (outside quotes; the most frequent wins, ties and none give ',').
  char delimiter = 0;
};

/// One record (row) of a CSV file.
struct CsvRecord {
  /// The 1-based physical line on which the record starts.
  std::int64_t line = 0;
  /// The UTF-8 text of each field: quotes removed, "" unescaped. For a
  /// malformed record, the fields read up to and including the bad one.
  std::vector<std::string> fields;
  /// Empty for a well-formed record; otherwise what is wrong with it, e.g.
  /// "unexpected quote inside an unquoted field".
  std::string error;
  /// The 1-based number of the field the error is in (0 without an error).
  int error_column = 0;
};

/// Reads a CSV file from a stream in 64 KiB chunks, never holding the whole
/// file. Quoted fields may hold delimiters, "" escapes and line breaks; lines
/// end with CRLF, LF or CR; a UTF-8 BOM and empty lines are skipped. A
/// malformed record is returned with `error` set and reading resumes at the
/// next line end. Whether records have the expected number of fields is for
/// the caller to judge. A cell longer than kMaxCsvCellBytes or a record
/// longer than kMaxCsvRecordBytes (crm/limits.hpp) ends the reading with
/// Error(invalid_argument). The stream must outlive the reader.
class CsvReader {
 public:
  /// Reads `in` as described by `options`; with no delimiter given, reads
  /// ahead to the end of the header line to detect it. Throws
  /// Error(invalid_argument) for an unknown encoding or unusable delimiter,
  /// and the errors of TextDecoder::decode for bytes invalid in the encoding.
  CsvReader(std::istream& in, CsvOptions options);

  /// The field delimiter, given or detected.
  char delimiter() const noexcept { return delimiter_; }

  /// Reads the next record into `record`, reusing its strings' buffers.
  /// Returns false at the end of input. Throws TextDecoder's
  /// Error(invalid_argument) for bytes invalid in the encoding and
  /// Error(io) when the stream fails.
  bool next(CsvRecord& record);

  /// The raw bytes read from the stream so far (for progress reports).
  std::uint64_t bytes_consumed() const noexcept { return bytes_consumed_; }

 private:
  /// How a field ended.
  enum class FieldEnd { delimiter, line_end, input_end, error };

  /// Picks the most frequent delimiter of the header line.
  char detect_delimiter();
  /// Appends the next decoded chunk to the unread text; false at end of input.
  bool refill();
  /// True when unread text is available (refilling if needed).
  bool has_text();
  /// Skips empty lines; false when the input ends first.
  bool skip_empty_lines();
  /// Reads fields until the record ends.
  void read_record(CsvRecord& record);
  /// The next field's string in `record`, cleared (reused when it exists).
  std::string& start_field(CsvRecord& record);
  /// Reads an unquoted field into `field`.
  FieldEnd read_unquoted(std::string& field, CsvRecord& record);
  /// Reads a quoted field (from its opening quote) into `field`.
  FieldEnd read_quoted(std::string& field, CsvRecord& record);
  /// Reads what follows a closing quote.
  FieldEnd after_closing_quote(CsvRecord& record);
  /// Throws Error(invalid_argument) naming the line when `field` (being read
  /// into `record`) is longer than kMaxCsvCellBytes or the record so far
  /// longer than kMaxCsvRecordBytes (crm/limits.hpp).
  void check_size(const std::string& field, const CsvRecord& record) const;
  /// Consumes the CR or LF at the read position and counts the line.
  void consume_line_end();
  /// Marks `record` malformed with `message` and skips to the next line.
  void fail(CsvRecord& record, std::string message);

  std::istream& in_;
  TextDecoder decoder_;
  char delimiter_ = ',';
  std::array<bool, 256> special_{};  // bytes that end an unquoted run
  std::vector<char> chunk_;           // raw bytes of the last read
  std::string text_;                  // decoded text not yet parsed (from pos_)
  std::size_t pos_ = 0;
  bool input_done_ = false;
  std::uint64_t bytes_consumed_ = 0;
  std::int64_t line_ = 1;             // physical line of the read position
  bool skip_lf_ = false;              // the last line end was a CR: an LF next belongs to it
  std::size_t field_count_ = 0;       // fields of the record being read
  std::size_t record_bytes_ = 0;      // bytes of its fields before the current one
};

}  // namespace crm::detail
