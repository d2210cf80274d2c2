// "Did you mean ...?": the known name closest to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::detail {

/// The name in `known` closest to `wanted` by edit distance, ignoring case,
/// when it is close enough to be a likely misspelling (at most a third of
/// the letters differ, at least one may); nullopt otherwise.
std::optional<std::string> nearest_name(std::string_view wanted, const std::vector<std::string>& known);

}  // namespace crm::detail
