// Reading and writing contact rows and their companion tables.
#pragma once

#include <cstdint>
#include <vector>

#include "contact/contact_row.hpp"
#include "crm/contact.hpp"

namespace crm::detail {

class Session;

/// Inside a write: inserts the contacts row (version 1) and returns its id.
std::int64_t insert_contact_row(Session& session, const ContactRow& row, const Instant& now);

/// Inside a write: overwrites the contacts row `id`, bumping its version.
void update_contact_row(Session& session, std::int64_t id, const ContactRow& row, const Instant& now);

/// Inside a write: replaces the emails, phones, consents and tags of `id`
/// (`fresh`: the contact was just inserted, nothing to replace). Unstamped
/// consents get `now` when new or changed and keep their stored time when
/// unchanged; the resolved times are written back into row.data.consents.
void store_contact_children(Session& session, std::int64_t id, ContactRow& row, const Instant& now, bool fresh);

/// The contacts with `ids` (missing ones skipped), in the order of `ids`.
std::vector<Contact> load_contacts(Session& session, const std::vector<std::int64_t>& ids);

}  // namespace crm::detail
