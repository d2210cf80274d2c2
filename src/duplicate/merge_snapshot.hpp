// The JSON snapshot of a merged-away record kept in the merge history.
#pragma once

#include <string>

#include "crm/account.hpp"
#include "crm/contact.hpp"

namespace crm::detail {

/// The contact's fields as a JSON object: id, names, emails, phones,
/// consents, tags, the current account, custom values by name (as text),
/// version and time stamps.
std::string contact_snapshot(const Contact& contact);

/// The account's fields as a JSON object: id, name, identifiers, address,
/// parent, tags, custom values by name (as text), version and time stamps.
std::string account_snapshot(const Account& account);

}  // namespace crm::detail
