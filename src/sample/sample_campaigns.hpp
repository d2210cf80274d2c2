// The marketing side of the sample data set: campaigns, the records they
// brought, and the exchange rates that turn the sample's money into euro.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/crm.hpp"

namespace crm::detail::sample {

/// Adds five campaigns on several channels, each under one of the sample's
/// lead sources, dated within the half year before `today` (one still
/// running), one with a budget and one paid in GBP. Returns them.
std::vector<Campaign> make_campaigns(Database& db, const Date& today);

/// The campaign credited with the `nth` record found through `lead_source`:
/// every other such record of a source that has campaigns, "" for the rest.
std::string campaign_for(std::string_view lead_source, int nth);

/// Adds monthly rates USD->EUR, GBP->EUR and UAH->EUR, fixed values that
/// drift a little, starting on the first of each month from twelve months
/// before the month of `today` through that month, except on days that
/// already have a rate of the pair. Returns how many it added.
int make_exchange_rates(Database& db, const Date& today);

}  // namespace crm::detail::sample
