// The JSON snapshot of a merged-away record kept in the merge history.
#pragma once

#include <string>

#include "crm/account.hpp"
#include "crm/contact.hpp"

namespace crm::detail {

/// The contact's fields as a JSON object: every field of the record
/// descriptors by name (emails, phones and consents as arrays of objects, the
/// current account's id, custom values by name as text, version, time stamps).
std::string contact_snapshot(const Contact& contact);

/// The account's fields as a JSON object: every field of the record
/// descriptors by name, the address as one object of its parts.
std::string account_snapshot(const Account& account);

}  // namespace crm::detail
