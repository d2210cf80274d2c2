// crmcore: where customers and deals come from — lead sources (a short list
// of channels such as "web" or "referral") and marketing campaigns with
// their cost. Accounts, contacts, leads and opportunities point to the lead
// source and the campaign that brought them; records name them by name
// (AccountData::lead_source, ::campaign, ...) and the library keeps the link.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/ids.hpp"
#include "crm/money.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// The channel a campaign runs on.
enum class CampaignChannel { web, email, sms, event, banner, referral, cold_call, social, print, partner, other };

/// "web", "email", "sms", "event", "banner", "referral", "cold_call",
/// "social", "print", "partner" or "other".
std::string_view campaign_channel_name(CampaignChannel channel) noexcept;
/// The channel named `name` (as campaign_channel_name() writes it; "cold
/// call" with a space is read too), or nullopt.
std::optional<CampaignChannel> campaign_channel_from_name(std::string_view name) noexcept;

/// A lead source: how a customer found us. Names are unique ignoring case
/// and diacritics.
struct LeadSource {
  LeadSourceId id{};    ///< Row id.
  std::string name{};   ///< As first written ("Trade fair").
};

/// The lead sources of a Database (db.lead_sources()). A record that names
/// an unknown source adds it (so "Web" and "web" are one source); this list
/// renames and tidies them. Throws crm::Error.
class LeadSources {
 public:

  /// Adds a source; already_exists when the name is taken, invalid_argument
  /// when it is empty or more than one line.
  LeadSource add(const std::string& name);
  /// The source with `id`; throws not_found.
  LeadSource get(LeadSourceId id) const;
  /// The source called `name` (ignoring case and diacritics), if any.
  std::optional<LeadSource> find(const std::string& name) const;
  /// Every source, by name.
  std::vector<LeadSource> list() const;
  /// Renames a source; every record pointing to it shows the new name.
  /// already_exists when another source has the name.
  LeadSource rename(LeadSourceId id, const std::string& name);
  /// Removes a source no record (deleted ones included) or campaign points
  /// to; conflict naming how many of each still do; not_found for an unknown id.
  void remove(LeadSourceId id);

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit LeadSources(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

/// What a caller sets on a campaign.
struct CampaignData {
  std::string name{};                          ///< Required; unique ignoring case and diacritics.
  CampaignChannel channel = CampaignChannel::other;  ///< Where it runs.
  std::optional<Date> starts_on{};             ///< First day; the day its cost is converted on.
  std::optional<Date> ends_on{};               ///< Last day; not before starts_on.
  Money cost{};                                ///< What it cost (so far); not negative.
  /// What it may cost; not negative, in the cost's currency.
  std::optional<Money> budget{};
  std::string lead_source{};                   ///< The lead source its leads count under, by name (added when new); may be empty.
  std::string owner{};                         ///< The responsible user.
  std::string description{};                   ///< Free text.

  /// Equal when every field is.
  friend bool operator==(const CampaignData&, const CampaignData&) = default;
};

/// A stored campaign.
struct Campaign : CampaignData {
  CampaignId id{};           ///< Row id.
  std::int64_t version = 0;  ///< Incremented by every change; update() checks it.
  Instant created_at{};      ///< When created (UTC).
  Instant updated_at{};      ///< When last changed (UTC).
};

/// The campaigns of a Database (db.campaigns()). Records name their campaign
/// by name, which must exist. Every write is one transaction. Throws crm::Error.
class Campaigns {
 public:

  /// Stores a campaign. invalid_argument naming the field (empty name, end
  /// before start, negative cost, budget in another currency),
  /// already_exists for a taken name.
  Campaign create(const CampaignData& data);
  /// The campaign with `id`; throws not_found.
  Campaign get(CampaignId id) const;
  /// The campaign called `name` (ignoring case and diacritics), if any.
  std::optional<Campaign> find(const std::string& name) const;
  /// Every campaign, by start date (undated last), then name.
  std::vector<Campaign> list() const;
  /// Saves the campaign if its version is current (else conflict).
  Campaign update(const Campaign& campaign);
  /// Deletes a campaign no record (deleted ones included) points to;
  /// conflict naming how many of each still do; not_found for an unknown id.
  void remove(CampaignId id);

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Campaigns(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
