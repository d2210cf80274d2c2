// The leads table as the shared record helpers see it.
#pragma once

#include "storage/record_table.hpp"

namespace crm::detail {

/// leads, with lead_tags; ListQuery::country filters the lead's country.
inline constexpr RecordTable kLeadTable{"leads", "lead", "lead_tags", "lead_id", "country"};

}  // namespace crm::detail
