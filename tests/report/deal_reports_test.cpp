// Pipeline by stage, forecast and win rates against a reckoning over the
// deals themselves.
#include <map>
#include <set>

#include "report/report_data.hpp"

namespace crm {
namespace {

using test::ExpectedEuros;
using test::ReportTest;

struct StageExpectation {
  std::int64_t deals = 0;
  ExpectedEuros amount, weighted;
};

class DealReportsTest : public ReportTest {
 protected:
  // pipeline_by_stage, computed from the deals `keep` accepts.
  template <class Keep>
  void expect_pipeline_matches(const Report& report, Keep keep) {
    std::map<std::string, StageExpectation> stages;
    for (const Opportunity& deal : deals()) {
      if (!keep(deal)) continue;
      const std::string stage = db.pipelines().stage(deal.stage).name;
      auto [it, added] = stages.try_emplace(stage, StageExpectation{0, ExpectedEuros(db), ExpectedEuros(db)});
      const Date day = test::deal_day(deal, today);
      ++it->second.deals;
      it->second.amount.add(std::string(deal.amount.currency()), day, deal.amount.minor_units());
      it->second.weighted.add(std::string(deal.amount.currency()), day, test::weighted_minor(deal));
    }
    ASSERT_EQ(report.table.row_count(), sales.stages.size());
    for (std::size_t row = 0; row < report.table.row_count(); ++row) {
      const std::string stage = cell(report, row, "stage");
      EXPECT_EQ(stage, sales.stages[row].name);
      const auto expected = stages.find(stage);
      if (expected == stages.end()) {
        EXPECT_EQ(cell(report, row, "deals"), "0") << stage;
        EXPECT_EQ(cell(report, row, "amount"), "0.00") << stage;
        continue;
      }
      EXPECT_EQ(cell(report, row, "deals"), std::to_string(expected->second.deals)) << stage;
      EXPECT_EQ(cell(report, row, "amount"), expected->second.amount.total()) << stage;
      EXPECT_EQ(cell(report, row, "weighted_amount"), expected->second.weighted.total()) << stage;
    }
  }
};

TEST_F(DealReportsTest, PipelineByStageCountsSumsAndWeighsEveryDealInEuros) {
  const Report report = db.reports().pipeline_by_stage(options());
  EXPECT_EQ(report.name, "pipeline_by_stage");
  EXPECT_EQ(report.currency, "EUR");
  EXPECT_EQ(report.table.columns()[report.table.column_index("amount")].type, ColumnType::decimal);
  expect_pipeline_matches(report, [](const Opportunity&) { return true; });
}

TEST_F(DealReportsTest, PipelineByStageListsTheRatesItUsed) {
  const Report report = db.reports().pipeline_by_stage(options());
  std::set<std::string> used;
  for (const ExchangeRate& rate : report.rates_used) used.insert(rate.from + ">" + rate.to + "@" + format_date(rate.valid_from));
  EXPECT_TRUE(used.count("USD>EUR@2025-04-01"));
  EXPECT_TRUE(used.count("GBP>EUR@2025-01-01"));
  for (const ExchangeRate& rate : report.rates_used) EXPECT_EQ(rate.to, "EUR");
}

TEST_F(DealReportsTest, PipelineByStageKeepsOnlyTheOwnersDealsInTheDateRange) {
  ReportOptions o = options();
  o.owner = "peteris";
  o.start = Date(2025, 3, 1);
  o.end = Date(2025, 9, 30);
  expect_pipeline_matches(db.reports().pipeline_by_stage(o), [&](const Opportunity& deal) {
    const Date day = test::deal_day(deal, today);
    return deal.owner == "peteris" && day >= *o.start && day <= *o.end;
  });
}

TEST_F(DealReportsTest, PipelineByStageKeepsTheDealsOfASegmentOfAccounts) {
  const Segment segment = db.segments().create(RecordKind::account, "first two", Filter::parse("name in (\"Account 0\", \"Account 1\")"));
  ReportOptions o = options();
  o.segment = segment.id;
  expect_pipeline_matches(db.reports().pipeline_by_stage(o), [&](const Opportunity& deal) {
    return deal.account == accounts[0] || deal.account == accounts[1];
  });
}

// Imported history: deals without an account count like any other; only a
// segment of accounts leaves them out.
TEST_F(DealReportsTest, DealsWithoutAnAccountCountInPipelineForecastAndWonSums) {
  *clock.now = Instant(today, boost::posix_time::hours(9));
  ReportOptions o = options();
  o.start = Date(2025, 1, 1);
  o.end = Date(2025, 12, 31);
  const Report forecast_before = db.reports().forecast(o);
  const Report won_before = db.reports().win_rates(o);
  auto& deals_store = db.opportunities();
  deals_store.create({.name = "Imported, open", .amount = Money::parse("1000.00 EUR"),
                      .expected_close = Date(2025, 8, 5), .owner = "anna"});
  const Opportunity won = deals_store.create({.name = "Imported, won", .amount = Money::parse("500.00 EUR"),
                                              .expected_close = Date(2025, 8, 6), .owner = "anna"});
  deals_store.move_to_stage(won.id, sales.stage("Won").id, {.closed_on = Date(2025, 8, 6)});

  expect_pipeline_matches(db.reports().pipeline_by_stage(options()), [](const Opportunity&) { return true; });
  const Report forecast = db.reports().forecast(o);
  const std::size_t august = 7;
  ASSERT_EQ(cell(forecast, august, "period"), "2025-08");
  auto grew = [&](const char* column) {
    return std::stod(cell(forecast, august, column)) - std::stod(cell(forecast_before, august, column));
  };
  EXPECT_EQ(grew("won_deals"), 1);
  EXPECT_EQ(grew("open_deals"), 1);
  EXPECT_DOUBLE_EQ(grew("committed"), 500.0);
  EXPECT_DOUBLE_EQ(grew("weighted"), 100.0);  // 10 % in Prospecting
  EXPECT_DOUBLE_EQ(grew("best_case"), 1500.0);
  const Report won_after = db.reports().win_rates(o);
  auto anna_row = [](const Report& report) {
    for (std::size_t row = 0; row < report.table.row_count(); ++row)
      if (cell(report, row, "group") == "anna") return row;
    ADD_FAILURE() << "no row for anna";
    return std::size_t{0};
  };
  EXPECT_EQ(std::stoll(cell(won_after, anna_row(won_after), "won")),
            std::stoll(cell(won_before, anna_row(won_before), "won")) + 1);
  EXPECT_EQ(std::stod(cell(won_after, anna_row(won_after), "won_amount")),
            std::stod(cell(won_before, anna_row(won_before), "won_amount")) + 500.0);

  // A segment of accounts keeps only the deals of its accounts.
  const Segment every_account = db.segments().create(RecordKind::account, "all", Filter::parse("name starts with \"Account\""));
  o = options();
  o.segment = every_account.id;
  expect_pipeline_matches(db.reports().pipeline_by_stage(o), [](const Opportunity& deal) { return bool(deal.account); });
}

TEST_F(DealReportsTest, ADealInACurrencyWithoutARateFailsNamingThePairAndTheDay) {
  db.opportunities().create({.account = accounts[0], .name = "Swedish deal", .amount = Money::parse("100.00 SEK"),
                             .expected_close = Date(2025, 6, 3)});
  const Error error = EXPECT_CRM_ERROR(db.reports().pipeline_by_stage(options()), ErrorCode::not_found);
  EXPECT_NE(std::string(error.what()).find("SEK"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("EUR"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("2025-06-03"), std::string::npos) << error.what();
}

TEST_F(DealReportsTest, ABaseCurrencyChangeConvertsIntoTheNewBase) {
  db.currencies().set_base("USD");
  const Error error = EXPECT_CRM_ERROR(db.reports().forecast(options()), ErrorCode::not_found);
  EXPECT_NE(std::string(error.what()).find("EUR"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("USD"), std::string::npos) << error.what();
}

TEST_F(DealReportsTest, ForecastSplitsWonAndOpenDealsByMonthAndShowsEmptyMonthsAsZero) {
  ReportOptions o = options();
  o.start = Date(2025, 1, 1);
  o.end = Date(2026, 2, 28);  // deals close until November 2025
  const Report report = db.reports().forecast(o);
  ASSERT_EQ(report.table.row_count(), 14u);
  struct Month {
    std::int64_t won = 0, open = 0;
    std::unique_ptr<ExpectedEuros> committed, weighted, open_amount;
  };
  std::map<std::string, Month> months;
  for (Date first(2025, 1, 1); first < Date(2026, 3, 1); first = first.end_of_month() + boost::gregorian::days(1)) {
    Month& month = months[format_date(first).substr(0, 7)];
    month.committed = std::make_unique<ExpectedEuros>(db);
    month.weighted = std::make_unique<ExpectedEuros>(db);
    month.open_amount = std::make_unique<ExpectedEuros>(db);
  }
  for (const Opportunity& deal : deals()) {
    if (deal.stage_kind == StageKind::lost) continue;
    const Date day = test::deal_day(deal, today);
    if (day < *o.start || day > *o.end) continue;
    Month& month = months[format_date(day).substr(0, 7)];
    const std::string currency(deal.amount.currency());
    if (deal.stage_kind == StageKind::won) {
      ++month.won;
      month.committed->add(currency, day, deal.amount.minor_units());
    } else {
      ++month.open;
      month.open_amount->add(currency, day, deal.amount.minor_units());
      month.weighted->add(currency, day, test::weighted_minor(deal));
    }
  }
  bool saw_empty_month = false;
  for (std::size_t row = 0; row < 14; ++row) {
    const std::string period = cell(report, row, "period");
    const Month& month = months.at(period);
    EXPECT_EQ(cell(report, row, "period_start"), period + "-01");
    EXPECT_EQ(cell(report, row, "won_deals"), std::to_string(month.won)) << period;
    EXPECT_EQ(cell(report, row, "open_deals"), std::to_string(month.open)) << period;
    EXPECT_EQ(cell(report, row, "committed"), month.committed->total()) << period;
    EXPECT_EQ(cell(report, row, "weighted"), month.weighted->total()) << period;
    EXPECT_EQ(cell(report, row, "best_case"),
              Money(month.committed->cents() + month.open_amount->cents(), "EUR").amount_string()) << period;
    if (month.won == 0 && month.open == 0) {
      saw_empty_month = true;
      EXPECT_EQ(cell(report, row, "best_case"), "0.00") << period;
    }
  }
  EXPECT_TRUE(saw_empty_month) << "the data leaves the winter of 2026 without deals";
}

TEST_F(DealReportsTest, ForecastByQuarterAddsUpTheMonths) {
  ReportOptions o = options();
  o.start = Date(2025, 1, 1);
  o.end = Date(2025, 12, 31);
  const Report months = db.reports().forecast(o);
  o.interval = ReportInterval::quarter;
  const Report quarters = db.reports().forecast(o);
  ASSERT_EQ(quarters.table.row_count(), 4u);
  EXPECT_EQ(cell(quarters, 1, "period"), "2025-Q2");
  EXPECT_EQ(cell(quarters, 1, "period_end"), "2025-06-30");
  for (std::size_t q = 0; q < 4; ++q) {
    std::int64_t won = 0;
    for (std::size_t m = 3 * q; m < 3 * q + 3; ++m) won += months.table.integer(m, months.table.column_index("won_deals"));
    EXPECT_EQ(quarters.table.integer(q, quarters.table.column_index("won_deals")), won);
  }
}

TEST_F(DealReportsTest, ForecastByWeekConvertsEachDealWithTheRateOfItsOwnDay) {
  ReportOptions o = options();
  o.start = Date(2025, 1, 6);  // a Monday
  o.end = Date(2025, 12, 28);  // a Sunday: 51 whole weeks
  o.interval = ReportInterval::week;
  const Report report = db.reports().forecast(o);
  ASSERT_EQ(report.table.row_count(), 51u);
  struct Week {
    std::int64_t won = 0, open = 0;
    std::unique_ptr<ExpectedEuros> committed, weighted;
  };
  std::vector<Week> weeks(51);
  for (Week& week : weeks) {
    week.committed = std::make_unique<ExpectedEuros>(db);
    week.weighted = std::make_unique<ExpectedEuros>(db);
  }
  for (const Opportunity& deal : deals()) {
    if (deal.stage_kind == StageKind::lost) continue;
    const Date day = test::deal_day(deal, today);
    if (day < *o.start || day > *o.end) continue;
    Week& week = weeks[static_cast<std::size_t>((day - *o.start).days() / 7)];
    const std::string currency(deal.amount.currency());
    if (deal.stage_kind == StageKind::won) {
      ++week.won;
      week.committed->add(currency, day, deal.amount.minor_units());
    } else {
      ++week.open;
      week.weighted->add(currency, day, test::weighted_minor(deal));
    }
  }
  std::int64_t deals_in_range = 0;
  for (const Week& week : weeks) deals_in_range += week.won + week.open;
  EXPECT_GT(deals_in_range, 0) << "the data has deals dated in 2025";
  for (std::size_t row = 0; row < weeks.size(); ++row) {
    const Week& week = weeks[row];
    EXPECT_EQ(cell(report, row, "period_start"), format_date(*o.start + boost::gregorian::days(7 * static_cast<long>(row))));
    EXPECT_EQ(cell(report, row, "won_deals"), std::to_string(week.won)) << row;
    EXPECT_EQ(cell(report, row, "open_deals"), std::to_string(week.open)) << row;
    EXPECT_EQ(cell(report, row, "committed"), week.committed->total()) << row;
    EXPECT_EQ(cell(report, row, "weighted"), week.weighted->total()) << row;
  }
}

TEST_F(DealReportsTest, WinRatesCountReopenedDealsByWhereTheyStandNow) {
  const Report report = db.reports().win_rates(options());
  struct Owner {
    std::int64_t won = 0, lost = 0;
    double cycle = 0;
    std::unique_ptr<ExpectedEuros> amount;
  };
  std::map<std::string, Owner> expected;
  for (const Opportunity& deal : deals()) {
    if (!deal.closed()) continue;  // reopened-after-won deals are open again and do not count
    Owner& owner = expected[deal.owner];
    if (!owner.amount) owner.amount = std::make_unique<ExpectedEuros>(db);
    if (deal.stage_kind == StageKind::lost) {
      ++owner.lost;
      continue;
    }
    ++owner.won;
    owner.amount->add(std::string(deal.amount.currency()), *deal.closed_on, deal.amount.minor_units());
    owner.cycle += static_cast<double>((*deal.closed_on - deal.created_at.date()).days());
  }
  ASSERT_EQ(report.table.row_count(), expected.size());
  for (std::size_t row = 0; row < report.table.row_count(); ++row) {
    const std::string owner = cell(report, row, "group");
    const Owner& e = expected.at(owner);
    EXPECT_EQ(cell(report, row, "won"), std::to_string(e.won)) << owner;
    EXPECT_EQ(cell(report, row, "lost"), std::to_string(e.lost)) << owner;
    EXPECT_DOUBLE_EQ(report.table.real(row, 3), static_cast<double>(e.won) / static_cast<double>(e.won + e.lost));
    EXPECT_EQ(cell(report, row, "won_amount"), e.amount->total()) << owner;
    EXPECT_NEAR(report.table.real(row, report.table.column_index("average_cycle_days")), e.cycle / e.won, 1e-9);
  }
  // largest won amount first
  for (std::size_t row = 1; row < report.table.row_count(); ++row)
    EXPECT_GE(std::stod(cell(report, row - 1, "won_amount")), std::stod(cell(report, row, "won_amount")));
}

TEST_F(DealReportsTest, WinRatesGroupByLeadSourceAndCampaignNames) {
  ReportOptions o = options();
  o.group = ReportGroup::lead_source;
  std::set<std::string> sources;
  const Report by_source = db.reports().win_rates(o);
  for (std::size_t row = 0; row < by_source.table.row_count(); ++row) sources.insert(cell(by_source, row, "group"));
  EXPECT_EQ(sources, (std::set<std::string>{"web", "referral", "null"}));
  o.group = ReportGroup::campaign;
  std::set<std::string> campaigns;
  const Report by_campaign = db.reports().win_rates(o);
  for (std::size_t row = 0; row < by_campaign.table.row_count(); ++row) campaigns.insert(cell(by_campaign, row, "group"));
  EXPECT_EQ(campaigns, (std::set<std::string>{"Spring mail", "Riga fair", "null"}));
}

TEST_F(DealReportsTest, WinRatesByProductUseTheProductsLineTotals) {
  const Product chair = db.products().create({.sku = "CH-1", .name = "Chair", .list_price = Money::parse("50.00 EUR")});
  const Product desk = db.products().create({.sku = "DS-1", .name = "Desk", .list_price = Money::parse("200.00 EUR")});
  const Opportunity deal = db.opportunities().create(
      {.account = accounts[0], .name = "Furniture", .line_items = {{.product = chair.id, .quantity = 4}, {.product = desk.id}}});
  db.opportunities().move_to_stage(deal.id, sales.stage("Won").id);
  ReportOptions o = options();
  o.group = ReportGroup::product;
  const Report report = db.reports().win_rates(o);
  std::map<std::string, std::string> won_amount;
  for (std::size_t row = 0; row < report.table.row_count(); ++row)
    won_amount[cell(report, row, "group")] = cell(report, row, "won_amount");
  EXPECT_EQ(won_amount.at("Chair"), "200.00");
  EXPECT_EQ(won_amount.at("Desk"), "200.00");
}

TEST_F(DealReportsTest, ReportsRefuseOptionsTheyCannotApply) {
  ReportOptions o = options();
  o.group = ReportGroup::industry;
  EXPECT_CRM_ERROR(db.reports().win_rates(o), ErrorCode::invalid_argument);
  o = options();
  o.pipeline = sales.id;
  EXPECT_CRM_ERROR(db.reports().leads(o), ErrorCode::invalid_argument);
  o = options();
  o.start = Date(2025, 1, 1);
  EXPECT_CRM_ERROR(db.reports().upcoming_birthdays(o), ErrorCode::invalid_argument);
  const Error error = EXPECT_CRM_ERROR(db.reports().run("pipeline", options()), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("pipeline_by_stage"), std::string::npos);
}

TEST_F(DealReportsTest, EveryNamedReportRuns) {
  for (const std::string& name : Reports::names()) {
    const Report report = db.reports().run(name, options());
    EXPECT_EQ(report.name, name);
    EXPECT_FALSE(report.table.columns().empty()) << name;
  }
}

}  // namespace
}  // namespace crm
