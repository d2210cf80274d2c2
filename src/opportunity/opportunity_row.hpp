// An opportunity's data validated and resolved for storage: the stage and
// pipeline found, probability and close date decided, line items priced.
#pragma once

#include <string>

#include "campaign/origin_links.hpp"
#include "crm/opportunity.hpp"

namespace crm::detail {

class Session;

/// OpportunityData after validation, with what the tables need besides.
struct OpportunityRow {
  OpportunityData data;  ///< cleaned; pipeline, stage, amount, closed_on resolved
  Stage stage;           ///< the stage the deal is in
  int probability = 0;   ///< the probability in force
  std::string name_key;
  std::string custom_json;  ///< The custom column ("" for NULL).
  Origin origin;            ///< The lead source and campaign ids.
};

/// Validates and resolves `in` for a new deal (`stored` null) or against the
/// stored deal. References that did not change are not checked again. Adds
/// a lead source named for the first time.
/// Throws invalid_argument or not_found naming the field.
OpportunityRow normalize_opportunity(Session& session, const OpportunityData& in, const Opportunity* stored);

}  // namespace crm::detail
