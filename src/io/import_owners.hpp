// The users an import's owner cells name: added when they are no user yet
// (ImportOptions::create_owners), so an old CRM's owners come over with its records.
#pragma once

#include <string>
#include <vector>

namespace crm::detail {

class Session;

/// Adds an active user with login `owner` (cleaned as a record's owner is)
/// when no user has it, and appends the login to `created` the first time.
/// Nothing for an empty owner or a known user (active or not: the store
/// refuses an inactive one).
void provide_owner(Session& session, const std::string& owner, std::vector<std::string>& created);

}  // namespace crm::detail
