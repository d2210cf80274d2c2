// The files of an org export that hold no records of an importable kind but
// links between them or records of their own store: campaigns, campaign
// members and employments (Salesforce's Campaign, CampaignMember and
// AccountContactRelation). Imports::read_org runs them beside the record
// files, each row upserted so that running it again changes nothing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/import.hpp"

namespace crm::detail {

class Session;

/// What a file of links is.
enum class OrgLinkKind {
  campaign,         ///< A campaign per row, found again by name.
  campaign_member,  ///< A contact or lead reached by a campaign.
  employment,       ///< A contact working (or having worked) for an account.
  product,          ///< A product of the catalog, found again by SKU.
};

/// "campaign", "campaign_member", "employment" or "product".
std::string_view org_link_kind_name(OrgLinkKind kind) noexcept;
/// The link kind named `name`, or nullopt.
std::optional<OrgLinkKind> org_link_kind_from_name(std::string_view name) noexcept;

/// The fields a row of `kind` can fill, for presets and their errors:
/// campaign: id (the export's own key, remembered for campaign_member files
/// of the same run), name (required), channel, starts_on, ends_on, cost,
/// budget, description, owner, lead_source; campaign_member: campaign_ref
/// (that id, or the campaign's name), contact_ref, lead_ref (their
/// external_ref; one of them); employment: contact_ref, account_ref (both
/// required), title, started_on, ended_on; product: sku (required), name
/// (the SKU when absent), list_price, active.
const std::vector<std::string>& org_link_fields(OrgLinkKind kind);

/// Campaign ids of the export (its "id" column) to their names, filled by
/// campaign files and read by campaign_member files of the same run.
using CampaignNames = std::map<std::string, std::string>;

/// Imports the CSV file at `path` as links of `kind`: `columns` maps its
/// headers to org_link_fields() (others are ignored and listed), `values`
/// replaces whole cells as ImportOptions::values does. A row that cannot be
/// stored is refused with its line, header and message, the others are
/// written one by one: a campaign is created, or updated when its data
/// differs (else unchanged); a member's contact or lead gets the campaign
/// as the one that brought it when it names none, and the campaign's name
/// as a tag ("Campaign: Spring webinar"), so every membership is kept; an
/// employment is started (and ended) unless the contact already has one at
/// the account from the same day; a product is created, or updated when
/// its data differs. Throws Error(invalid_argument) for a
/// column naming no field, Error(io) when the file cannot be read.
ImportResult import_org_links(Session& session, OrgLinkKind kind, const std::string& path,
                              const std::map<std::string, std::string>& columns,
                              const std::map<std::string, std::map<std::string, std::string>>& values,
                              CampaignNames& campaign_names);

}  // namespace crm::detail
