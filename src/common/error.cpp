#include "crm/error.hpp"

#include <utility>

namespace crm {

std::string_view error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::already_exists: return "already_exists";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::permission_denied: return "permission_denied";
    case ErrorCode::busy: return "busy";
    case ErrorCode::io: return "io";
    case ErrorCode::corrupt: return "corrupt";
    case ErrorCode::parse_error: return "parse_error";
    case ErrorCode::unsupported: return "unsupported";
    case ErrorCode::cursor_expired: return "cursor_expired";
  }
  return "unknown";
}

Error::Error(ErrorCode code, const std::string& message, std::string field)
    : std::runtime_error(message), code_(code), field_(std::move(field)) {}

Error Error::parse(const std::string& message, int line, int column, std::string field) {
  Error error(ErrorCode::parse_error, message, std::move(field));
  error.line_ = line;
  error.column_ = column;
  return error;
}

}  // namespace crm
