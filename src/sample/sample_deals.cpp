#include "sample/sample_deals.hpp"

#include <algorithm>
#include <optional>

namespace crm::detail::sample {
namespace {

using boost::gregorian::days;
using std::string_view;

struct ProductSpec {
  string_view name;
  std::int64_t euro_cents;
};
constexpr ProductSpec kProducts[] = {
    {"CRM user licence, one year", 48000},       {"Onboarding workshop, one day", 120000},
    {"Data migration package", 350000},          {"Telephony integration", 240000},
    {"Business support plan, one year", 180000}, {"Barcode scanner", 39000},
    {"Custom report", 65000},                    {"Training seat", 25000}};
constexpr string_view kTopics[] = {"Annual support contract", "ERP integration",  "Warehouse scanners",
                                   "Licence renewal",         "Fleet telematics", "Sales team rollout",
                                   "Data migration",          "Training programme", "Customer portal",
                                   "Energy monitoring"};
constexpr string_view kNextSteps[] = {"Send the proposal", "Schedule a demo", "Call the CFO",
                                      "Agree on the contract terms", "Prepare a pilot"};
constexpr string_view kRoles[] = {"influencer", "user", "technical buyer"};
constexpr int kDiscounts[] = {0, 0, 0, 5, 10, 15};

// Money of a country: its currency and its rate as a percentage of the euro.
struct LocalMoney {
  string_view currency;
  std::int64_t percent_of_euro;
};

// Every third deal of a British or German account is priced in US dollars.
LocalMoney local_money(const Country& country, int deal_number) {
  if ((country.code == "GB" || country.code == "DE") && deal_number % 3 == 0) return {"USD", 109};
  if (country.code == "GB") return {"GBP", 85};
  if (country.code == "UA") return {"UAH", 4500};
  return {"EUR", 100};
}

// A euro amount in the local currency (each of them has cents).
Money in_local(const LocalMoney& local, std::int64_t euro_cents) {
  return Money(euro_cents * local.percent_of_euro / 100, local.currency);
}

// Where a deal ends up: how many open stages past the first it moves
// through, and whether (and when) it closes.
struct Journey {
  std::size_t open_steps = 0;
  std::optional<StageKind> closing{};
  Date closed_on{};
};

class DealMaker {
 public:
  DealMaker(SampleScene& scene, const std::vector<Product>& products)
      : scene_(scene), random_(scene.random), products_(products),
        lost_reasons_(scene.db.pipelines().lost_reasons()), today_(scene.now.date()) {
    for (const Stage& stage : scene.db.pipelines().default_pipeline().stages) {
      if (stage.kind == StageKind::open) open_stages_.push_back(stage.id);
      if (stage.kind == StageKind::won && !won_) won_ = stage.id;
      if (stage.kind == StageKind::lost && !lost_) lost_ = stage.id;
    }
  }

  Opportunity make(const SampleAccount& account, int number) {
    const Journey journey = choose_journey();
    Opportunities& opportunities = scene_.db.opportunities();
    Opportunity deal = opportunities.create(describe(account, number, journey));
    for (std::size_t step = 1; step <= journey.open_steps; ++step)
      deal = opportunities.move_to_stage(deal.id, open_stages_[step]);
    if (!journey.closing) return deal;
    StageMove how{.closed_on = journey.closed_on};
    if (*journey.closing == StageKind::lost) how.lost_reason = random_.pick<LostReason>(lost_reasons_).id;
    return opportunities.move_to_stage(deal.id, *journey.closing == StageKind::won ? won_ : lost_, how);
  }

 private:
  // One deal in five is won, one in eight lost; open ones are mostly in the early stages.
  Journey choose_journey() {
    const int open_count = static_cast<int>(open_stages_.size());
    const int roll = random_.below(100);
    Journey journey;
    if (roll < 20 || (roll < 32 && !lost_reasons_.empty())) {
      journey.closing = roll < 20 ? StageKind::won : StageKind::lost;
      journey.open_steps = static_cast<std::size_t>(roll < 20 ? open_count - 1 : random_.below(open_count));
      journey.closed_on = today_ - days(1 + random_.below(180));
    } else {
      journey.open_steps = static_cast<std::size_t>(std::min(random_.below(open_count), random_.below(open_count)));
    }
    return journey;
  }

  OpportunityData describe(const SampleAccount& account, int number, const Journey& journey) {
    const LocalMoney local = local_money(*account.country, number);
    OpportunityData data;
    data.account = account.account.id;
    data.name = std::string(random_.pick<string_view>(kTopics));
    data.amount = in_local(local, (5 + random_.below(796)) * 10000);
    if (random_.chance(40)) data.line_items = line_items(local);
    add_people(account, data);
    data.owner = account.account.owner;
    data.lead_source = account.account.lead_source;
    data.campaign = account.account.campaign;
    if (journey.closing) {
      data.expected_close = journey.closed_on + days(random_.below(41) - 20);
    } else {
      data.expected_close = today_ + days(random_.below(136) - 15);
      data.next_step = random_.pick<string_view>(kNextSteps);
    }
    if (random_.chance(20)) data.tags.push_back("renewal");
    data.external_ref = sample_ref('O', number, 5);
    return data;
  }

  std::vector<LineItem> line_items(const LocalMoney& local) {
    std::vector<LineItem> items;
    const int catalog = static_cast<int>(products_.size());
    if (catalog == 0) return items;
    const int first = random_.below(catalog);
    const int lines = std::min(1 + random_.below(3), catalog);
    for (int i = 0; i < lines; ++i) {
      const Product& product = products_[static_cast<std::size_t>((first + i) % catalog)];
      LineItem item{.product = product.id, .quantity = 1 + random_.below(20),
                    .discount_percent = random_.pick<int>(kDiscounts)};
      if (local.currency != product.list_price.currency())
        item.unit_price = in_local(local, product.list_price.minor_units());
      items.push_back(item);
    }
    return items;
  }

  // The primary contact, and now and then a colleague with a role.
  void add_people(const SampleAccount& account, OpportunityData& data) {
    const int staff = static_cast<int>(account.staff.size());
    if (staff == 0) return;
    const int first = random_.below(staff);
    data.primary_contact = account.staff[static_cast<std::size_t>(first)].id;
    if (staff > 1 && random_.chance(30))
      data.contacts.push_back({account.staff[static_cast<std::size_t>((first + 1) % staff)].id,
                               std::string(random_.pick<string_view>(kRoles))});
  }

  SampleScene& scene_;
  Random& random_;
  const std::vector<Product>& products_;
  std::vector<LostReason> lost_reasons_;
  Date today_;
  std::vector<StageId> open_stages_;
  StageId won_;
  StageId lost_;
};

}  // namespace

std::vector<Product> make_products(SampleScene& scene) {
  std::vector<Product> products;
  int number = 0;
  for (const ProductSpec& spec : kProducts) {
    products.push_back(scene.db.products().create({sample_ref('P', ++number, 2), std::string(spec.name), Money(spec.euro_cents, "EUR")}));
  }
  return products;
}

std::vector<Opportunity> make_deals(SampleScene& scene, const std::vector<Product>& products) {
  DealMaker maker(scene, products);
  std::vector<Opportunity> deals;
  constexpr int kDealsPerAccount[] = {0, 0, 1, 1, 1, 2, 2, 2, 3, 3};
  for (const SampleAccount& account : scene.accounts) {
    const int count = scene.random.pick<int>(kDealsPerAccount);
    for (int i = 0; i < count; ++i) deals.push_back(maker.make(account, static_cast<int>(deals.size()) + 1));
  }
  return deals;
}

}  // namespace crm::detail::sample
