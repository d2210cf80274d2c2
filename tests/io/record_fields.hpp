// The data fields of records as tuples, so that tests can compare record
// data (the data structs have no operator==). Links (ids) are left out:
// exports carry them as references, not ids.
#pragma once

#include <tuple>

#include "crm/crm.hpp"

namespace crm::test {

inline auto fields(const AccountData& a) {
  return std::tie(a.name, a.registration_number, a.vat_id, a.industry, a.website, a.phone, a.email, a.address,
                  a.owner, a.lead_source, a.campaign, a.external_ref, a.tags, a.description, a.custom);
}

inline auto fields(const ContactData& c) {
  return std::tie(c.first_name, c.last_name, c.emails, c.phones, c.job_title, c.birthday, c.preferred_language,
                  c.country, c.owner, c.lead_source, c.campaign, c.external_ref, c.consents, c.tags, c.description, c.custom);
}

inline auto fields(const LeadData& l) {
  return std::tie(l.first_name, l.last_name, l.company_name, l.email, l.phone, l.source, l.campaign, l.job_title,
                  l.industry, l.status, l.disqualified_reason, l.country, l.owner, l.external_ref, l.description, l.tags, l.custom);
}

inline auto fields(const OpportunityData& o) {
  return std::tie(o.name, o.amount, o.expected_close, o.probability_override, o.owner, o.lead_source, o.campaign,
                  o.next_step, o.description, o.external_ref, o.tags, o.closed_on, o.custom);
}

inline auto fields(const ActivityData& a) {
  return std::tie(a.kind, a.subject, a.body, a.status, a.starts_at, a.duration_seconds, a.direction, a.outcome,
                  a.phone, a.email, a.owner, a.reminder_at, a.recurrence, a.custom);
}

/// True when the data fields of `a` and `b` (links aside) are equal.
template <class Data>
bool same_fields(const Data& a, const Data& b) {
  return fields(a) == fields(b);
}

}  // namespace crm::test
