// "Did you mean ...?": the known name closest to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::detail {

/// Edit distance of two strings (bytes), counting insertions, deletions,
/// substitutions and swaps of neighbours ("tire" for "tier") as one edit each
/// (optimal string alignment).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The name in `known` closest to `wanted` by edit distance, ignoring case,
/// when it is close enough to be a likely misspelling (at most a third of
/// the letters differ, at least one may); nullopt otherwise.
std::optional<std::string> nearest_name(std::string_view wanted, const std::vector<std::string>& known);

}  // namespace crm::detail
