// Enumerations as the Python module shows them: plain strings ("call", "won").
#pragma once

#include <string>
#include <string_view>

#include "crm/error.hpp"

namespace crm::python {

/// The enumerator `from_name(text)` finds; else Error(invalid_argument)
/// naming `field` and listing `choices` ("'open', 'won', 'lost'").
template <class FromName>
auto enum_from_name(std::string_view text, FromName from_name, const char* field, const char* choices) {
  if (auto value = from_name(text)) return *value;
  throw Error(ErrorCode::invalid_argument,
              std::string(field) + ": '" + std::string(text) + "' is not one of " + choices, field);
}

}  // namespace crm::python
