// The activities table as the shared record helpers see it.
#pragma once

#include "storage/record_table.hpp"

namespace crm::detail {

/// activities: no tags, no country; "name" order is by subject.
inline constexpr RecordTable kActivityTable{"activities", "activity", "", "", "", "subject_key"};

}  // namespace crm::detail
