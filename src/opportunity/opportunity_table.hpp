// The opportunities table as the shared record helpers see it.
#pragma once

#include "storage/record_table.hpp"

namespace crm::detail {

/// opportunities, with opportunity_tags; no country filter.
inline constexpr RecordTable kOpportunityTable{"opportunities", "opportunity", "opportunity_tags", "opportunity_id",
                                               ""};

}  // namespace crm::detail
