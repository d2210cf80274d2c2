// crmcore: distinct identifier types, one per entity, so that one cannot be
// passed where another is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace crm {

/// A row id of the entity named by Tag. Ids are positive; 0 means "none".
template <class Tag>
class Id {
 public:
  /// The "no record" id (value 0).
  constexpr Id() noexcept = default;
  /// Wraps a raw row id, e.g. one read back from the C ABI or a file.
  constexpr explicit Id(std::int64_t value) noexcept : value_(value) {}

  /// The raw row id.
  constexpr std::int64_t value() const noexcept { return value_; }
  /// True for any real id (non-zero).
  constexpr explicit operator bool() const noexcept { return value_ != 0; }

  friend constexpr auto operator<=>(Id, Id) noexcept = default;

 private:
  std::int64_t value_ = 0;
};

/// Identifies an account (organization).
using AccountId = Id<struct AccountTag>;
/// Identifies a contact (person).
using ContactId = Id<struct ContactTag>;
/// Identifies one employment link between a contact and an account.
using EmploymentId = Id<struct EmploymentTag>;
/// Identifies a sales pipeline.
using PipelineId = Id<struct PipelineTag>;
/// Identifies a stage of a pipeline.
using StageId = Id<struct StageTag>;
/// Identifies a reason a deal was lost.
using LostReasonId = Id<struct LostReasonTag>;
/// Identifies a product of the catalog.
using ProductId = Id<struct ProductTag>;
/// Identifies an opportunity (deal).
using OpportunityId = Id<struct OpportunityTag>;
/// Identifies one recorded stage change of an opportunity.
using StageChangeId = Id<struct StageChangeTag>;
/// Identifies a lead.
using LeadId = Id<struct LeadTag>;
/// Identifies an activity (call, meeting, email, task, note, sms).
using ActivityId = Id<struct ActivityTag>;
/// Identifies a custom field definition.
using CustomFieldId = Id<struct CustomFieldTag>;
/// Identifies a saved segment (dynamic filter or static list).
using SegmentId = Id<struct SegmentTag>;
/// Identifies a lead source ("web", "referral", ...).
using LeadSourceId = Id<struct LeadSourceTag>;
/// Identifies a marketing campaign.
using CampaignId = Id<struct CampaignTag>;
/// Identifies a user (a person who works in the CRM).
using UserId = Id<struct UserTag>;
/// Identifies a team of users.
using TeamId = Id<struct TeamTag>;

}  // namespace crm

/// Ids hash like their raw value, so they can key unordered containers.
template <class Tag>
struct std::hash<crm::Id<Tag>> {
  std::size_t operator()(crm::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value());
  }
};
