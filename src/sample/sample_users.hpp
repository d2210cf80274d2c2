// The people of the sample data set: the users who own its records and the
// teams they work in.
#pragma once

#include <string_view>
#include <vector>

#include "crm/crm.hpp"

namespace crm::detail::sample {

/// The logins of the sample's sales people, the owners of its records.
const std::vector<std::string_view>& sample_owner_logins();

/// Adds the sample's teams ("Sales" with "Baltics" and "International" below
/// it), an administrator ("admin"), an analyst ("analyst") and the sales
/// people of sample_owner_logins() (a manager per team, the rest sales reps)
/// with their names, emails and time zones; a user or team already present
/// is left as it is. Returns how many users it added.
int make_users(Database& db);

}  // namespace crm::detail::sample
