// An activity's data validated for storage.
#pragma once

#include <string>

#include "crm/activity.hpp"

namespace crm::detail {

class Session;

/// ActivityData after validation, with the derived columns.
struct ActivityRow {
  ActivityData data;
  std::string subject_key;
  std::string phone_e164;  ///< empty when `phone` is not a phone number
  std::string custom_json; ///< The custom column ("" for NULL).
};

/// Validates `in` for a new activity (`stored` null) or against the stored
/// one; links that did not change are not checked again. With
/// `allow_unlinked`, a call with a phone number needs no link (calls from
/// unknown numbers). Throws invalid_argument or not_found naming the field.
ActivityRow normalize_activity(Session& session, const ActivityData& in, const Activity* stored,
                               bool allow_unlinked = false);

/// The start of the occurrence after `start` under `rule` (business days
/// counted in the rule's calendar). Throws invalid_argument when the calendar
/// has no business day to land on.
Instant next_occurrence(Session& session, const Recurrence& rule, const Instant& start);

}  // namespace crm::detail
