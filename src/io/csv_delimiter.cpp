#include "io/csv_delimiter.hpp"

#include <string>

#include "crm/error.hpp"

namespace crm::detail {

void require_csv_delimiter(char delimiter) {
  const auto byte = static_cast<unsigned char>(delimiter);
  if (byte != 0 && byte < 0x80 && delimiter != '"' && delimiter != '\r' && delimiter != '\n') return;
  throw Error(ErrorCode::invalid_argument,
              "csv: the delimiter must be an ASCII character other than NUL, '\"', CR and LF (got byte " +
                  std::to_string(byte) + ")",
              "delimiter");
}

}  // namespace crm::detail
