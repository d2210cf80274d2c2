// Business-day arithmetic over weekends and holidays, for the calendar API
// and for recurring tasks.
#pragma once

#include <string>

#include "crm/time.hpp"

namespace crm::detail {

class Session;

/// True when `day` is neither a weekend day nor a holiday of `country`.
bool is_business_day(Session& session, const std::string& country, const Date& day);

/// `days` business days after (before, when negative) `from`; 0 gives `from`
/// or the next business day. Throws invalid_argument when no business day
/// is found within a year of searching.
Date add_business_days(Session& session, const std::string& country, const Date& from, int days);

}  // namespace crm::detail
