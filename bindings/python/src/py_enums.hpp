// Enumerations as the Python module shows them: plain strings ("call", "won").
#pragma once

#include <string>
#include <string_view>

#include "crm/custom_field.hpp"
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

/// The record kinds as Python names them.
inline constexpr const char* kRecordKindNames = "'account', 'contact', 'lead', 'opportunity', 'activity'";

/// The record kind called `text` ('contact'); else Error(invalid_argument) naming `field`.
inline RecordKind record_kind_named(std::string_view text, const char* field) {
  return enum_from_name(text, record_kind_from_name, field, kRecordKindNames);
}

}  // namespace crm::python
