// Tables that give enumerations their stable text names (as stored in the
// database and used in CSV, the CLI and the bindings).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/error.hpp"

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

/// The enumerator named `name` in `table`; otherwise invalid_argument for
/// `field` ("role: 'boss' is not a role (administrator, ...)"), where `what`
/// names the enumeration ("role").
template <class Enum>
Enum require_from_name(std::span<const EnumName<Enum>> table, std::string_view name, std::string_view what,
                       const std::string& field) {
  if (auto value = from_name<Enum>(table, name)) return *value;
  std::string known;
  for (const auto& [candidate, candidate_name] : table) known += (known.empty() ? "" : ", ") + std::string(candidate_name);
  throw Error(ErrorCode::invalid_argument,
              field + ": '" + std::string(name) + "' is not a " + std::string(what) + " (" + known + ")", field);
}

/// Every enumerator of `table`, in its order.
template <class Enum>
std::vector<Enum> all_of(std::span<const EnumName<Enum>> table) {
  std::vector<Enum> all;
  for (const auto& [value, name] : table) all.push_back(value);
  return all;
}

}  // namespace crm::detail
