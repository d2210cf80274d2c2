// crmcore: the history of a customer, person, deal or lead, newest first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crm/activity.hpp"
#include "crm/audit.hpp"
#include "crm/ids.hpp"
#include "crm/list.hpp"
#include "crm/opportunity.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// One event of a timeline: an activity, a stage change of a deal, or (with
/// TimelineQuery::include_changes) a logged change of the record itself.
struct TimelineEntry {
  Instant at{};                             ///< When it happened (activity start, stage change time, change time).
  std::optional<Activity> activity{};       ///< Set for activities.
  std::optional<StageChange> stage_change{};  ///< Set for stage changes.
  /// Set for a logged change of the record (crm/audit.hpp): its fields, one
  /// AuditEntry each, all with the same seq; empty for the other events.
  std::vector<AuditEntry> changes{};
};

/// Which page of a timeline.
struct TimelineQuery {
  std::size_t limit = 50;    ///< 1..1000 entries.
  std::string after{};       ///< Page::next of the previous page.
  bool include_deleted = false;  ///< Include soft-deleted activities.
  /// Include the record's own logged changes (the audit trail): who changed
  /// which fields, when; one entry per change.
  bool include_changes = false;
};

/// Timelines of a Database (db.timelines()). Throws crm::Error; not_found for
/// a record that does not exist.
class Timelines {
 public:

  /// Activities linked to the account, activities of its contacts dated while
  /// they worked there, and stage changes of its deals; newest first.
  Page<TimelineEntry> account(AccountId id, const TimelineQuery& query = {}) const;
  /// Activities linked to the contact and stage changes of deals where the
  /// contact is the primary contact; newest first.
  Page<TimelineEntry> contact(ContactId id, const TimelineQuery& query = {}) const;
  /// Activities linked to the deal and its stage changes; newest first.
  Page<TimelineEntry> opportunity(OpportunityId id, const TimelineQuery& query = {}) const;
  /// Activities linked to the lead; newest first.
  Page<TimelineEntry> lead(LeadId id, const TimelineQuery& query = {}) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Timelines(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
