#include <functional>

#include "campaign/origin_links.hpp"
#include "common/enum_names.hpp"
#include "common/fields.hpp"
#include "crm/campaign.hpp"
#include "crm/error.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

using namespace detail;

constexpr EnumName<CampaignChannel> kChannels[] = {
    {CampaignChannel::web, "web"},           {CampaignChannel::email, "email"},
    {CampaignChannel::sms, "sms"},           {CampaignChannel::event, "event"},
    {CampaignChannel::banner, "banner"},     {CampaignChannel::referral, "referral"},
    {CampaignChannel::cold_call, "cold_call"}, {CampaignChannel::social, "social"},
    {CampaignChannel::print, "print"},       {CampaignChannel::partner, "partner"},
    {CampaignChannel::other, "other"},
};

}  // namespace

std::string_view campaign_channel_name(CampaignChannel channel) noexcept {
  return name_of<CampaignChannel>(kChannels, channel);
}

std::optional<CampaignChannel> campaign_channel_from_name(std::string_view name) noexcept {
  if (name == "cold call") return CampaignChannel::cold_call;
  return from_name<CampaignChannel>(kChannels, name);
}

namespace {

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, field + ": " + problem, field);
}

// The columns read back, lead_source_id as the source's name.
const std::string& select_sql() {
  static const std::string sql =
      "SELECT id, name, channel, starts_on, ends_on, cost_minor, budget_minor, currency, " +
      lead_source_name_sql("campaigns") + ", owner, description, version, created_at, updated_at FROM campaigns";
  return sql;
}

Campaign read_campaign(SQLite::Statement& s) {
  Campaign c;
  c.id = CampaignId(s.getColumn(0).getInt64());
  c.name = s.getColumn(1).getString();
  c.channel = campaign_channel_from_name(s.getColumn(2).getString()).value_or(CampaignChannel::other);
  c.starts_on = column_optional_date(s, 3);
  c.ends_on = column_optional_date(s, 4);
  c.cost = column_money(s, 5, 7);
  if (!s.getColumn(6).isNull()) c.budget = column_money(s, 6, 7);
  c.lead_source = column_text(s, 8);
  c.owner = column_text(s, 9);
  c.description = column_text(s, 10);
  c.version = s.getColumn(11).getInt64();
  c.created_at = column_instant(s, 12);
  c.updated_at = column_instant(s, 13);
  return c;
}

std::optional<Campaign> campaign_where(Session& session, const char* where, const std::function<void(SQLite::Statement&)>& bind) {
  auto statement = session.prepare(select_sql() + " WHERE " + where);
  bind(*statement);
  if (!statement->executeStep()) return std::nullopt;
  return read_campaign(*statement);
}

Campaign require_campaign(Session& session, CampaignId id) {
  if (auto found = campaign_where(session, "id = ?", [&](SQLite::Statement& s) { s.bind(1, id.value()); }))
    return *found;
  throw Error(ErrorCode::not_found, "campaign " + std::to_string(id.value()) + " does not exist", "campaign");
}

void check_date(const std::optional<Date>& day, const char* field) {
  if (day && day->is_special()) refuse(field, "is not a date");
}

void check_money(const CampaignData& in) {
  if (in.cost.minor_units() < 0) refuse("campaign.cost", in.cost.to_string() + " is negative");
  if (!in.budget) return;
  if (in.budget->currency() != in.cost.currency())
    refuse("campaign.budget", in.budget->to_string() + " is not in the cost's currency " +
                                  std::string(in.cost.currency()));
  if (in.budget->minor_units() < 0) refuse("campaign.budget", in.budget->to_string() + " is negative");
}

// Validated data, its name key and its lead source's id (0 for none). May
// add the lead source, so call inside the write.
struct CampaignRow {
  CampaignData data;
  std::string name_key;
  std::int64_t lead_source_id = 0;
};

CampaignRow normalize(Session& session, const CampaignData& in) {
  CampaignRow row;
  CampaignData& out = row.data;
  out.name = require_line(in.name, "campaign.name");
  if (campaign_channel_name(in.channel).empty()) refuse("campaign.channel", "is not a channel");
  out.channel = in.channel;
  check_date(in.starts_on, "campaign.starts_on");
  check_date(in.ends_on, "campaign.ends_on");
  if (in.starts_on && in.ends_on && *in.ends_on < *in.starts_on)
    refuse("campaign.ends_on", format_date(*in.ends_on) + " is before the start " + format_date(*in.starts_on));
  out.starts_on = in.starts_on;
  out.ends_on = in.ends_on;
  check_money(in);
  out.cost = in.cost;
  out.budget = in.budget;
  out.owner = clean_line(in.owner, "campaign.owner");
  out.description = clean_text(in.description, "campaign.description");
  row.name_key = match_key(out.name);
  if (const auto source = lead_source_for(session, in.lead_source, "campaign.lead_source")) {
    out.lead_source = source->name;
    row.lead_source_id = source->id;
  }
  return row;
}

// Throws already_exists when a campaign other than `self` is called the row's name.
void refuse_taken(Session& session, const CampaignRow& row, CampaignId self) {
  auto holder = session.prepare("SELECT id, name FROM campaigns WHERE name_key = ?");
  holder->bind(1, row.name_key);
  if (holder->executeStep() && holder->getColumn(0).getInt64() != self.value())
    throw Error(ErrorCode::already_exists,
                "campaign.name: " + quote(row.data.name) + " is already a campaign (" +
                    quote(holder->getColumn(1).getString()) + ")",
                "campaign.name");
}

// Binds name, name_key, channel, starts_on, ends_on, cost_minor,
// budget_minor, currency, lead_source_id, owner, description to 1..11.
void bind_row(SQLite::Statement& s, const CampaignRow& row) {
  const CampaignData& d = row.data;
  s.bind(1, d.name);
  s.bind(2, row.name_key);
  s.bind(3, std::string(campaign_channel_name(d.channel)));
  bind_date_or_null(s, 4, d.starts_on);
  bind_date_or_null(s, 5, d.ends_on);
  s.bind(6, d.cost.minor_units());
  if (d.budget)
    s.bind(7, d.budget->minor_units());
  else
    s.bind(7);
  s.bind(8, std::string(d.cost.currency()));
  bind_origin_id(s, 9, row.lead_source_id);
  bind_text_or_null(s, 10, d.owner);
  bind_text_or_null(s, 11, d.description);
}

}  // namespace

Campaign Campaigns::create(const CampaignData& data) {
  return guarded([&] {
    WriteScope scope(session_);
    const CampaignRow row = normalize(session_, data);
    refuse_taken(session_, row, CampaignId());
    auto insert = session_.prepare(
        "INSERT INTO campaigns (name, name_key, channel, starts_on, ends_on, cost_minor, budget_minor, currency, "
        "lead_source_id, owner, description, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
    bind_row(*insert, row);
    const std::string now = format_instant(session_.now());
    insert->bind(12, now);
    insert->bind(13, now);
    insert->exec();
    const CampaignId id(session_.last_insert_id());
    return scope.commit_returning([&] { return require_campaign(session_, id); });
  });
}

Campaign Campaigns::get(CampaignId id) const {
  return guarded_read(session_, [&] { return require_campaign(session_, id); });
}

std::optional<Campaign> Campaigns::find(const std::string& name) const {
  return guarded_read(session_, [&]() -> std::optional<Campaign> {
    const std::string clean = clean_line(name, "campaign.name");
    if (clean.empty()) return std::nullopt;
    const std::string key = match_key(clean);
    return campaign_where(session_, "name_key = ?", [&](SQLite::Statement& s) { s.bind(1, key); });
  });
}

std::vector<Campaign> Campaigns::list() const {
  return guarded_read(session_, [&] {
    auto statement = session_.prepare(select_sql() + " ORDER BY starts_on IS NULL, starts_on, name_key, id");
    std::vector<Campaign> campaigns;
    while (statement->executeStep()) campaigns.push_back(read_campaign(*statement));
    return campaigns;
  });
}

Campaign Campaigns::update(const Campaign& campaign) {
  return guarded([&] {
    WriteScope scope(session_);
    const Campaign stored = require_campaign(session_, campaign.id);
    if (stored.version != campaign.version)
      throw Error(ErrorCode::conflict,
                  "campaign " + std::to_string(campaign.id.value()) + " was changed by someone else (version " +
                      std::to_string(campaign.version) + " was read, version " + std::to_string(stored.version) +
                      " is stored); read it again",
                  "version");
    const CampaignRow row = normalize(session_, campaign);
    refuse_taken(session_, row, campaign.id);
    auto update = session_.prepare(
        "UPDATE campaigns SET name = ?, name_key = ?, channel = ?, starts_on = ?, ends_on = ?, cost_minor = ?, "
        "budget_minor = ?, currency = ?, lead_source_id = ?, owner = ?, description = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ?");
    bind_row(*update, row);
    update->bind(12, format_instant(session_.now()));
    update->bind(13, campaign.id.value());
    update->exec();
    return scope.commit_returning([&] { return require_campaign(session_, campaign.id); });
  });
}

void Campaigns::remove(CampaignId id) {
  guarded([&] {
    WriteScope scope(session_);
    const Campaign campaign = require_campaign(session_, id);
    delete_unused(session_, OriginTable::campaigns, id.value(), "campaign " + quote(campaign.name));
    scope.commit();
  });
}

}  // namespace crm
