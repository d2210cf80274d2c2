// crmcore: the one exception type of the public C++ API.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace crm {

/// What went wrong, independent of the message text. The numeric values are
/// part of the C ABI (crm_status) and never change.
enum class ErrorCode {
  not_found = 1,          ///< The record, file or name asked for does not exist.
  invalid_argument = 2,   ///< Input failed validation; the message names the field and value.
  already_exists = 3,     ///< A unique value (external_ref, name, ...) is taken.
  conflict = 4,           ///< The record changed since it was read (stale version) or is in use.
  permission_denied = 5,  ///< The file or the operation is not allowed (read-only file, ...).
  busy = 6,               ///< Another connection holds a lock longer than the busy timeout.
  io = 7,                 ///< The operating system failed to read or write the file.
  corrupt = 8,            ///< The file is not a crmcore database or is damaged.
  parse_error = 9,        ///< Text could not be parsed; line() and column() say where.
  unsupported = 10,       ///< The request is valid but not supported (e.g. a newer schema).
  /// A change feed cursor behind what the feed still keeps (retention removed
  /// entries after it): read everything again, then follow the feed.
  cursor_expired = 11,
};

/// The lowercase name of a code, e.g. "not_found".
std::string_view error_code_name(ErrorCode code) noexcept;

/// Every failure of the public C++ API is thrown as crm::Error. No SQLite,
/// SQLiteCpp or Boost exception leaves the library untranslated.
class Error : public std::runtime_error {
 public:
  /// A failure with a human-readable message that names the field and value.
  Error(ErrorCode code, const std::string& message, std::string field = {});

  /// A parse failure at a 1-based line and column of the parsed text.
  static Error parse(const std::string& message, int line, int column, std::string field = {});

  /// The kind of failure.
  ErrorCode code() const noexcept { return code_; }

  /// The input field the error is about ("contact.emails[0]"), or empty.
  const std::string& field() const noexcept { return field_; }

  /// For parse_error: the 1-based line of the offending text, else 0.
  int line() const noexcept { return line_; }

  /// For parse_error: the 1-based column of the offending text, else 0.
  int column() const noexcept { return column_; }

 private:
  ErrorCode code_;
  std::string field_;
  int line_ = 0;
  int column_ = 0;
};

}  // namespace crm
