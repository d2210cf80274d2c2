// The database-wide settings: the key/value rows of the `settings` table
// (base currency, who sees unassigned records, the audit trail's switches).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "storage/session.hpp"

namespace crm::detail {

/// The value of setting `key`, or nullopt when it was never set.
std::optional<std::string> read_setting(Session& session, std::string_view key);
/// Sets `key` to `value` (inside the caller's write transaction).
void write_setting(Session& session, std::string_view key, std::string_view value);

}  // namespace crm::detail
