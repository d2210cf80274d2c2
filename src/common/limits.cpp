#include "crm/limits.hpp"

#include <string>

#include "crm/error.hpp"

namespace crm {

void check_length(std::string_view field, std::size_t bytes, std::size_t limit) {
  if (bytes <= limit) return;
  throw Error(ErrorCode::invalid_argument,
              std::string(field) + ": " + std::to_string(bytes) + " bytes long; at most " + std::to_string(limit) +
                  " bytes",
              std::string(field));
}

}  // namespace crm
