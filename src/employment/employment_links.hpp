// Employment rows as the contact module needs them inside its own writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "crm/ids.hpp"
#include "crm/time.hpp"

namespace crm::detail {

class Session;

/// For each contact in `ids_json` that has a current employment: the account
/// of the most recently started one.
std::unordered_map<std::int64_t, AccountId> current_accounts(Session& session, const std::string& ids_json);

/// The account of `contact`'s most recently started current employment, or none.
AccountId current_account(Session& session, std::int64_t contact);

/// Inside a write: ends every current employment of `contact` on `on`.
/// Throws invalid_argument when one of them starts after `on`.
void end_current_employments(Session& session, std::int64_t contact, const Date& on);

/// Inside a write: adds a current employment and returns its id.
std::int64_t insert_employment(Session& session, std::int64_t contact, std::int64_t account,
                               const std::string& title, const std::optional<Date>& started_on);

}  // namespace crm::detail
