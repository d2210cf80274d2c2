// The commands on where customers come from: lead sources and campaigns.
#include <iostream>

#include "commands.hpp"
#include "table.hpp"

namespace crm::cli {
namespace {

constexpr const char* kChannels = "web, email, sms, event, banner, referral, cold_call, social, print, partner or other";

// The lead source named by the positional argument at `index`.
LeadSource source_argument(Database& db, const Arguments& args, std::size_t index) {
  const std::string& name = positional(args, index, "lead source name");
  if (auto found = db.lead_sources().find(name)) return std::move(*found);
  throw Error(ErrorCode::not_found, "there is no lead source called '" + name + "'", "lead_source");
}

// The campaign named by the positional argument at `index`.
Campaign campaign_argument(Database& db, const Arguments& args, std::size_t index) {
  const std::string& name = positional(args, index, "campaign name");
  if (auto found = db.campaigns().find(name)) return std::move(*found);
  throw Error(ErrorCode::not_found, "there is no campaign called '" + name + "'", "campaign");
}

int add_source(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const LeadSource source = db.lead_sources().add(positional(args, 2, "lead source name"));
  std::cout << "Added lead source " << source.id.value() << " \"" << source.name << "\".\n";
  return 0;
}

int rename_source(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const LeadSource source = source_argument(db, args, 2);
  const LeadSource renamed = db.lead_sources().rename(source.id, positional(args, 3, "new name"));
  std::cout << "Renamed lead source \"" << source.name << "\" to \"" << renamed.name
            << "\"; the records that came from it show the new name.\n";
  return 0;
}

int remove_source(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const LeadSource source = source_argument(db, args, 2);
  db.lead_sources().remove(source.id);
  std::cout << "Removed lead source \"" << source.name << "\".\n";
  return 0;
}

std::string optional_date(const std::optional<Date>& date) { return date ? format_date(*date) : ""; }

// The campaign that `campaign add` describes.
CampaignData campaign_data(Database& db, const Arguments& args) {
  CampaignData data;
  data.name = positional(args, 2, "campaign name");
  const auto channel = choice_option(args, "channel", campaign_channel_from_name, kChannels);
  if (!channel) throw Error(ErrorCode::invalid_argument, std::string("campaign add: give --channel ") + kChannels, "channel");
  data.channel = *channel;
  data.starts_on = date_option(args, "start");
  data.ends_on = date_option(args, "end");
  data.budget = money_option(args, "budget");
  const std::string currency = data.budget ? std::string(data.budget->currency()) : db.currencies().base();
  data.cost = money_option(args, "cost").value_or(Money(0, currency));
  data.lead_source = option(args, "lead-source");
  data.owner = option(args, "owner");
  data.description = option(args, "description");
  return data;
}

int add_campaign(const Arguments& args) {
  check_options(args, {"channel", "start", "end", "cost", "budget", "lead-source", "owner", "description"});
  Database db = open_database(args);
  const Campaign campaign = db.campaigns().create(campaign_data(db, args));
  std::cout << "Added campaign " << campaign.id.value() << " \"" << campaign.name << "\" ("
            << campaign_channel_name(campaign.channel) << ", cost " << campaign.cost.to_string() << ").\n";
  return 0;
}

int remove_campaign(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const Campaign campaign = campaign_argument(db, args, 2);
  db.campaigns().remove(campaign.id);
  std::cout << "Removed campaign \"" << campaign.name << "\".\n";
  return 0;
}

constexpr Command kSourceActions[] = {{"add", add_source}, {"rename", rename_source}, {"remove", remove_source}};
constexpr Command kCampaignActions[] = {{"add", add_campaign}, {"remove", remove_campaign}};

}  // namespace

int run_lead_sources(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  Table table({"id", "lead source"});
  table.align_right(0);
  for (const LeadSource& source : db.lead_sources().list()) table.add({std::to_string(source.id.value()), source.name});
  table.print(std::cout);
  return 0;
}

int run_lead_source(const Arguments& args) { return run_action(args, kSourceActions); }

int run_campaigns(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  Table table({"id", "campaign", "channel", "start", "end", "cost", "budget", "lead source", "owner"});
  for (std::size_t column : {0, 5, 6}) table.align_right(column);
  for (const Campaign& c : db.campaigns().list())
    table.add({std::to_string(c.id.value()), c.name, std::string(campaign_channel_name(c.channel)),
               optional_date(c.starts_on), optional_date(c.ends_on), c.cost.to_string(),
               c.budget ? c.budget->to_string() : "", c.lead_source, c.owner});
  table.print(std::cout);
  return 0;
}

int run_campaign(const Arguments& args) { return run_action(args, kCampaignActions); }

}  // namespace crm::cli
