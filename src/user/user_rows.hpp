// Reading users from the database: the one SELECT every user query shares.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crm/user.hpp"

namespace crm::detail {

class Session;

/// The users matching `where` (an SQL condition on table `users`, with `?`
/// parameters bound from `values` in order), ordered by login, with their roles.
std::vector<User> users_where(Session& session, const std::string& where, const std::vector<std::int64_t>& values,
                              const std::optional<std::string>& text_value = std::nullopt);

/// True when a user (active or not) has the login `login`: one indexed
/// lookup, for paths that ask per row (an import's owner cells).
bool is_login_taken(Session& session, const std::string& login);

/// The user with `id`; not_found otherwise.
User require_user(Session& session, UserId id);

}  // namespace crm::detail
