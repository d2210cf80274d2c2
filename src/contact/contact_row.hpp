// A contact's data validated and normalized for storage, with derived keys.
#pragma once

#include <string>
#include <vector>

#include "campaign/origin_links.hpp"
#include "crm/contact.hpp"

namespace crm::detail {

class Session;

/// ContactData after validation: text in NFC, phones with E.164, primary
/// email first, plus the keys the tables index.
struct ContactRow {
  ContactData data;
  std::string name_key;                 ///< match_key("last first")
  std::string latin_key;                ///< distinct_latin_key("last first") ("" for NULL)
  std::vector<std::string> email_keys;  ///< casefold of each email, same order
  std::string custom_json;              ///< The custom column ("" for NULL).
  Origin origin;                        ///< The lead source and campaign ids.
};

/// The country a contact's phone numbers written without a country code are
/// read in: the contact's own (`data.country`, as given), else its
/// account's, else "" (the database's default region).
std::string contact_phone_country(const ContactData& data, Session& session);

/// Validates and normalizes `data` for a new contact (`creating`: custom
/// field defaults apply) or a changed one, resolving its lead source (added
/// when new) and campaign. Throws Error(invalid_argument) naming the field
/// for anything that would be refused by the tables or the rules, and
/// Error(not_found) for an unknown campaign.
ContactRow normalize_contact(const ContactData& data, Session& session, bool creating);

}  // namespace crm::detail
