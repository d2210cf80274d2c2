// A contact's data validated and normalized for storage, with derived keys.
#pragma once

#include <string>
#include <vector>

#include "crm/contact.hpp"

namespace crm::detail {

class Session;

/// ContactData after validation: text in NFC, phones with E.164, primary
/// email first, plus the keys the tables index.
struct ContactRow {
  ContactData data;
  std::string name_key;                 ///< match_key("last first")
  std::vector<std::string> email_keys;  ///< casefold of each email, same order
};

/// Validates and normalizes `data`. Throws Error(invalid_argument) naming
/// the field for anything that would be refused by the tables or the rules.
ContactRow normalize_contact(const ContactData& data, const Session& session);

}  // namespace crm::detail
