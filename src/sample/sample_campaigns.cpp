#include "sample/sample_campaigns.hpp"

#include "currency/rate_decimal.hpp"
#include "sample/sample_users.hpp"

namespace crm::detail::sample {
namespace {

using boost::gregorian::days;
using std::string_view;

struct CampaignSpec {
  string_view name;
  CampaignChannel channel;
  int starts_days_ago;
  int ends_days_ago;  // negative: still running
  std::int64_t cost_minor;
  string_view currency;
  std::int64_t budget_minor;  // 0: no budget
  string_view lead_source;
};

// The lead sources are among sample_data.cpp's; "web" has two campaigns.
constexpr CampaignSpec kCampaigns[] = {
    {"Spring webinar", CampaignChannel::web, 150, 150, 45000, "EUR", 0, "web"},
    {"Search ads", CampaignChannel::banner, 120, -30, 360000, "EUR", 500000, "web"},
    {"Partner newsletter", CampaignChannel::email, 100, 40, 30000, "EUR", 0, "email campaign"},
    {"Trade fair follow-up", CampaignChannel::event, 170, 160, 850000, "EUR", 0, "trade fair"},
    {"Cold calling week UK", CampaignChannel::cold_call, 60, 54, 120000, "GBP", 0, "cold call"},
};

// A rate of `base` ten-thousandths moved by up to `swing` steps of `step`
// ten-thousandths in a fixed pattern over the months (set_rate() drops
// trailing zeros).
std::string drifting_rate(std::int64_t base, int month, int swing, std::int64_t step) {
  return rate_text({base + ((month * 7) % (2 * swing + 1) - swing) * step, 4});
}

// Sets `from`->EUR on `day` unless that day has a rate; 1 when it added one.
int add_rate(Database& db, std::string_view from, const Date& day, const std::string& rate) {
  for (const ExchangeRate& stored : db.currencies().rates(from, "EUR"))
    if (stored.valid_from == day) return 0;
  db.currencies().set_rate(from, "EUR", day, rate);
  return 1;
}

}  // namespace

std::vector<Campaign> make_campaigns(Database& db, const Date& today) {
  std::vector<Campaign> campaigns;
  for (const CampaignSpec& spec : kCampaigns) {
    CampaignData data;
    data.name = spec.name;
    data.channel = spec.channel;
    data.starts_on = today - days(spec.starts_days_ago);
    data.ends_on = today - days(spec.ends_days_ago);
    data.cost = Money(spec.cost_minor, spec.currency);
    if (spec.budget_minor > 0) data.budget = Money(spec.budget_minor, spec.currency);
    data.lead_source = spec.lead_source;
    data.owner = std::string(sample_owner_logins().front());
    campaigns.push_back(db.campaigns().create(data));
  }
  return campaigns;
}

std::string campaign_for(std::string_view lead_source, int nth) {
  std::vector<string_view> names;
  for (const CampaignSpec& spec : kCampaigns)
    if (spec.lead_source == lead_source) names.push_back(spec.name);
  if (names.empty() || nth % 2 == 1) return {};
  return std::string(names[static_cast<std::size_t>(nth / 2) % names.size()]);
}

int make_exchange_rates(Database& db, const Date& today) {
  const Date first_month = Date(today.year(), today.month(), 1) - boost::gregorian::months(12);
  int added = 0;
  for (int month = 0; month <= 12; ++month) {
    const Date day = first_month + boost::gregorian::months(month);
    added += add_rate(db, "USD", day, drifting_rate(9200, month, 6, 10));
    added += add_rate(db, "GBP", day, drifting_rate(11700, month, 5, 20));
    added += add_rate(db, "UAH", day, drifting_rate(222, month, 2, 1));
  }
  return added;
}

}  // namespace crm::detail::sample
