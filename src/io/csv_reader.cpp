#include "io/csv_reader.hpp"

#include <cstring>
#include <string_view>
#include <utility>

#include "crm/error.hpp"
#include "crm/limits.hpp"
#include "io/csv_delimiter.hpp"

namespace crm::detail {
namespace {

constexpr std::size_t kChunkSize = 64 * 1024;
// Delimiter detection gives up looking for the header line's end after this
// much text (a file whose first quote never closes).
constexpr std::size_t kDetectLimit = 1024 * 1024;

// Line ends in `text`: CR, LF and CRLF each count once. `after_cr` carries
// whether the text before ended with CR, and is updated for the text after.
std::int64_t count_line_ends(std::string_view text, bool& after_cr) {
  std::int64_t lines = 0;
  for (char c : text) {
    lines += c == '\r' || (c == '\n' && !after_cr);
    after_cr = c == '\r';
  }
  return lines;
}

char most_frequent_delimiter(std::size_t commas, std::size_t semicolons, std::size_t tabs) {
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

}  // namespace

CsvReader::CsvReader(std::istream& in, CsvOptions options)
    : in_(in), decoder_(options.encoding), chunk_(kChunkSize) {
  if (options.delimiter != 0) require_csv_delimiter(options.delimiter);
  delimiter_ = options.delimiter != 0 ? options.delimiter : detect_delimiter();
  for (char c : {delimiter_, '"', '\r', '\n'}) special_[static_cast<unsigned char>(c)] = true;
}

char CsvReader::detect_delimiter() {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (std::size_t scanned = 0; scanned < kDetectLimit; ++scanned) {
    if (scanned == text_.size() && !refill()) break;
    const char c = text_[scanned];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\r' || c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  return most_frequent_delimiter(commas, semicolons, tabs);
}

bool CsvReader::refill() {
  text_.erase(0, pos_);
  pos_ = 0;
  while (!input_done_) {
    in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    const auto count = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) throw Error(ErrorCode::io, "import: reading the file failed");
    bytes_consumed_ += count;
    input_done_ = count < chunk_.size();
    const std::size_t before = text_.size();
    decoder_.decode_append(std::string_view(chunk_.data(), count), input_done_, text_);
    if (text_.size() > before) return true;
  }
  return false;
}

bool CsvReader::has_text() { return pos_ < text_.size() || refill(); }

bool CsvReader::next(CsvRecord& record) {
  if (!skip_empty_lines()) return false;
  record.line = line_;
  record.error.clear();
  record.error_column = 0;
  field_count_ = 0;
  record_bytes_ = 0;
  read_record(record);
  record.fields.resize(field_count_);
  return true;
}

bool CsvReader::skip_empty_lines() {
  while (has_text()) {
    const char c = text_[pos_];
    if (c == '\n' && skip_lf_) {
      ++pos_;
      skip_lf_ = false;
    } else if (c == '\r' || c == '\n') {
      consume_line_end();
    } else {
      skip_lf_ = false;
      return true;
    }
  }
  return false;
}

void CsvReader::read_record(CsvRecord& record) {
  for (;;) {
    std::string& field = start_field(record);
    const bool quoted = has_text() && text_[pos_] == '"';
    const FieldEnd end = quoted ? read_quoted(field, record) : read_unquoted(field, record);
    if (end != FieldEnd::delimiter) return;
  }
}

std::string& CsvReader::start_field(CsvRecord& record) {
  if (field_count_ > 0) {
    record_bytes_ += record.fields[field_count_ - 1].size() + 1;  // the field and its delimiter
    check_size(record.fields[field_count_ - 1], record);
  }
  if (field_count_ == record.fields.size()) record.fields.emplace_back();
  std::string& field = record.fields[field_count_++];
  field.clear();
  return field;
}

CsvReader::FieldEnd CsvReader::read_unquoted(std::string& field, CsvRecord& record) {
  while (has_text()) {
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    const char* stop = begin;
    while (stop != end && !special_[static_cast<unsigned char>(*stop)]) ++stop;
    field.append(begin, stop);
    check_size(field, record);
    pos_ += static_cast<std::size_t>(stop - begin);
    if (stop == end) continue;
    if (*stop == delimiter_) {
      ++pos_;
      return FieldEnd::delimiter;
    }
    if (*stop == '"') {
      fail(record, "unexpected quote inside an unquoted field");
      return FieldEnd::error;
    }
    consume_line_end();
    return FieldEnd::line_end;
  }
  return FieldEnd::input_end;
}

CsvReader::FieldEnd CsvReader::read_quoted(std::string& field, CsvRecord& record) {
  const std::int64_t start_line = line_;
  bool after_cr = false;
  ++pos_;  // the opening quote
  for (;;) {
    if (!has_text()) {
      fail(record, "the file ends inside a quoted field that starts on line " + std::to_string(start_line));
      return FieldEnd::error;
    }
    const std::string_view rest = std::string_view(text_).substr(pos_);
    const std::string_view content = rest.substr(0, rest.find('"'));
    line_ += count_line_ends(content, after_cr);
    field.append(content);
    check_size(field, record);
    pos_ += content.size();
    if (content.size() == rest.size()) continue;  // no closing quote in this chunk
    ++pos_;                                       // the quote
    if (!has_text() || text_[pos_] != '"') return after_closing_quote(record);
    field.push_back('"');  // "" stands for one quote
    ++pos_;
    after_cr = false;
  }
}

CsvReader::FieldEnd CsvReader::after_closing_quote(CsvRecord& record) {
  if (!has_text()) return FieldEnd::input_end;
  const char c = text_[pos_];
  if (c == delimiter_) {
    ++pos_;
    return FieldEnd::delimiter;
  }
  if (c == '\r' || c == '\n') {
    consume_line_end();
    return FieldEnd::line_end;
  }
  fail(record, "text after the closing quote of a quoted field");
  return FieldEnd::error;
}

void CsvReader::check_size(const std::string& field, const CsvRecord& record) const {
  const auto refuse = [&](const std::string& what, std::size_t limit, const char* name) {
    throw Error(ErrorCode::invalid_argument,
                "import: " + what + " on line " + std::to_string(record.line) + " is longer than " +
                    std::to_string(limit) + " bytes, the most it may hold",
                name);
  };
  if (field.size() > kMaxCsvCellBytes)
    refuse("cell " + std::to_string(field_count_), kMaxCsvCellBytes, "cell");
  if (record_bytes_ + field.size() > kMaxCsvRecordBytes) refuse("the record", kMaxCsvRecordBytes, "record");
}

void CsvReader::consume_line_end() {
  skip_lf_ = text_[pos_] == '\r';
  ++pos_;
  ++line_;
}

void CsvReader::fail(CsvRecord& record, std::string message) {
  record.error = std::move(message);
  record.error_column = static_cast<int>(field_count_);
  while (has_text()) {
    const std::size_t line_end = text_.find_first_of("\r\n", pos_);
    if (line_end != std::string::npos) {
      pos_ = line_end;
      consume_line_end();
      return;
    }
    pos_ = text_.size();
  }
}

}  // namespace crm::detail
