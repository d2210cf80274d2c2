// Tables that give enumerations their stable text names (as stored in the
// database and used in CSV, the CLI and the bindings).
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace crm::detail {

/// One enumerator and its name.
template <class Enum>
using EnumName = std::pair<Enum, std::string_view>;

/// The name of `value` in `table` ("" when absent, which a complete table prevents).
template <class Enum>
std::string_view name_of(std::span<const EnumName<Enum>> table, Enum value) noexcept {
  for (const auto& [candidate, name] : table)
    if (candidate == value) return name;
  return {};
}

/// The enumerator named `name` in `table`, or nullopt.
template <class Enum>
std::optional<Enum> from_name(std::span<const EnumName<Enum>> table, std::string_view name) noexcept {
  for (const auto& [candidate, candidate_name] : table)
    if (candidate_name == name) return candidate;
  return std::nullopt;
}

}  // namespace crm::detail
