// The contacts table as the shared record helpers see it.
#pragma once

#include "storage/record_table.hpp"

namespace crm::detail {

/// contacts, with contact_tags; ListQuery::country filters the contact's own country.
inline constexpr RecordTable kContactTable{"contacts", "contact", "contact_tags", "contact_id", "country"};

}  // namespace crm::detail
