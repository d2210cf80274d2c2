// The interaction history and planned work of the sample data set.
#pragma once

#include <vector>

#include "sample/sample_scene.hpp"

namespace crm::detail::sample {

/// Adds, for every current employee of the sample accounts, one to three done
/// calls (with direction and the contact's phone), emails (with the address)
/// or meetings in the last half year, linked to the contact and, now and
/// then, to a deal the contact is the primary contact of. Most open `deals`
/// get a planned next step linked to the deal and its primary contact, due
/// overdue, today or within three weeks, half of them with a reminder; some
/// other contacts get a planned follow-up. Returns how many it added.
int make_activities(SampleScene& scene, const std::vector<Opportunity>& deals);

/// Adds the work on the sample `leads`: a done call, email or meeting on
/// those already worked on, a planned step on most new ones. Returns how
/// many it added.
int make_lead_activities(SampleScene& scene, const std::vector<Lead>& leads);

}  // namespace crm::detail::sample
