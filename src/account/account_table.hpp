// The accounts table as the shared record helpers see it.
#pragma once

#include "storage/record_table.hpp"

namespace crm::detail {

/// accounts, with account_tags; ListQuery::country filters the address country.
inline constexpr RecordTable kAccountTable{"accounts", "account", "account_tags", "account_id", "country"};

}  // namespace crm::detail
