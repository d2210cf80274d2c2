// Leads per period, lead conversion and campaign return.
#include <map>

#include "report/report_data.hpp"

namespace crm {
namespace {

using test::ExpectedEuros;
using test::ReportTest;
namespace pt = boost::posix_time;

class LeadReportsTest : public ReportTest {
 protected:
  // Leads created on the 5th of January, March and April 2025 (none in
  // February); every third is converted.
  void make_leads() {
    const std::vector<std::string> industries{"Retail", "Logistics"};
    int n = 0;
    for (int month : {1, 3, 3, 4}) {
      for (int i = 0; i < 3; ++i, ++n) {
        *clock.now = Instant(Date(2025, month, 5), pt::hours(8 + i));
        const Lead lead = db.leads().create({.first_name = "Lead", .last_name = std::to_string(n),
                                             .company_name = "Company " + std::to_string(n),
                                             .source = n % 2 ? "web" : "Referral",
                                             .campaign = n % 4 == 0 ? "Spring mail" : "",
                                             .job_title = n % 3 ? "CEO" : "Buyer",
                                             .industry = industries[n % 2]});
        if (n % 3 == 0) db.leads().convert(lead.id);
      }
    }
  }
};

TEST_F(LeadReportsTest, LeadsPerMonthBySourceListEveryGroupInEveryMonthWithZeros) {
  make_leads();
  ReportOptions o = options();
  o.group = ReportGroup::lead_source;
  o.start = Date(2025, 1, 1);
  o.end = Date(2025, 4, 30);
  const Report report = db.reports().leads(o);
  // "Referral" is the lead source "referral" the deals brought first
  ASSERT_EQ(report.table.row_count(), 8u);  // 4 months x {referral, web}
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> cells;
  for (std::size_t row = 0; row < report.table.row_count(); ++row)
    cells[cell(report, row, "period") + " " + cell(report, row, "group")] = {report.table.integer(row, 3),
                                                                              report.table.integer(row, 4)};
  // n = 0..2 in January: sources Referral, web, Referral; converted n = 0
  EXPECT_EQ(cells.at("2025-01 referral"), std::make_pair(std::int64_t{2}, std::int64_t{1}));
  EXPECT_EQ(cells.at("2025-01 web"), std::make_pair(std::int64_t{1}, std::int64_t{0}));
  EXPECT_EQ(cells.at("2025-02 web"), std::make_pair(std::int64_t{0}, std::int64_t{0}));
  EXPECT_EQ(cells.at("2025-02 referral"), std::make_pair(std::int64_t{0}, std::int64_t{0}));
  // n = 3..8 in March: web 3,5,7; Referral 4,6,8; converted 3, 6
  EXPECT_EQ(cells.at("2025-03 web"), std::make_pair(std::int64_t{3}, std::int64_t{1}));
  EXPECT_EQ(cells.at("2025-03 referral"), std::make_pair(std::int64_t{3}, std::int64_t{1}));
  EXPECT_TRUE(report.table.is_null(2, 5)) << "no leads, no rate";
}

TEST_F(LeadReportsTest, LeadConversionByIndustryAndJobTitle) {
  make_leads();
  ReportOptions o = options();
  o.group = ReportGroup::industry;
  const Report by_industry = db.reports().lead_conversion(o);
  ASSERT_EQ(by_industry.table.row_count(), 2u);
  std::map<std::string, std::int64_t> converted;
  for (std::size_t row = 0; row < 2; ++row) {
    EXPECT_EQ(by_industry.table.integer(row, 1), 6);
    converted[cell(by_industry, row, "group")] = by_industry.table.integer(row, 2);
  }
  // converted n = 0, 3, 6, 9: Retail (even) 0, 6; Logistics (odd) 3, 9
  EXPECT_EQ(converted.at("Retail"), 2);
  EXPECT_EQ(converted.at("Logistics"), 2);
  o.group = ReportGroup::job_title;
  const Report by_title = db.reports().lead_conversion(o);
  ASSERT_EQ(by_title.table.row_count(), 2u);
  EXPECT_EQ(cell(by_title, 0, "group"), "CEO");  // 8 CEOs (n not divisible by 3), 4 buyers
  EXPECT_EQ(by_title.table.integer(0, 1), 8);
  EXPECT_EQ(by_title.table.integer(0, 2), 0);
  EXPECT_DOUBLE_EQ(by_title.table.real(1, 3), 1.0);
}

TEST_F(LeadReportsTest, CampaignReturnWeighsCostAgainstWonRevenueAndRanksByRoi) {
  make_leads();
  const Report report = db.reports().campaign_return(options());
  ASSERT_EQ(report.table.row_count(), 3u);
  std::map<std::string, std::unique_ptr<ExpectedEuros>> revenue;
  std::map<std::string, std::int64_t> won;
  for (const Opportunity& deal : deals()) {
    if (deal.stage_kind != StageKind::won || deal.campaign.empty()) continue;
    auto& sum = revenue[deal.campaign];
    if (!sum) sum = std::make_unique<ExpectedEuros>(db);
    sum->add(std::string(deal.amount.currency()), *deal.closed_on, deal.amount.minor_units());
    ++won[deal.campaign];
  }
  std::map<std::string, std::size_t> rows;
  for (std::size_t row = 0; row < 3; ++row) rows[cell(report, row, "campaign")] = row;
  const std::size_t spring = rows.at("Spring mail"), fair = rows.at("Riga fair"), banner = rows.at("Banner");
  EXPECT_EQ(cell(report, spring, "cost"), "1000.00");
  EXPECT_EQ(cell(report, fair, "cost"), "475.00");  // 500 USD at 0.95 on 2025-05-10
  EXPECT_EQ(cell(report, spring, "leads"), "3");    // n = 0, 4, 8
  EXPECT_EQ(cell(report, spring, "cost_per_lead"), "333.33");
  EXPECT_EQ(cell(report, fair, "cost_per_lead"), "null");
  EXPECT_EQ(cell(report, spring, "won_deals"), std::to_string(won["Spring mail"]));
  EXPECT_EQ(cell(report, spring, "won_revenue"), revenue.at("Spring mail")->total());
  EXPECT_EQ(cell(report, fair, "won_revenue"), revenue.at("Riga fair")->total());
  const double spring_roi = (std::stod(revenue.at("Spring mail")->total()) - 1000.0) / 1000.0;
  EXPECT_NEAR(report.table.real(spring, report.table.column_index("roi")), spring_roi, 1e-9);
  EXPECT_EQ(banner, 2u) << "no cost, no roi: ranked last";
  EXPECT_EQ(cell(report, banner, "roi"), "null");
  EXPECT_EQ(cell(report, 0, "rank"), "1");
  EXPECT_GE(report.table.real(0, 8), report.table.real(1, 8));
}

TEST_F(LeadReportsTest, CampaignReturnKeepsCampaignsStartingInTheRange) {
  ReportOptions o = options();
  o.start = Date(2025, 5, 1);
  o.end = Date(2025, 12, 31);
  const Report report = db.reports().campaign_return(o);
  ASSERT_EQ(report.table.row_count(), 2u);
  for (std::size_t row = 0; row < 2; ++row) EXPECT_NE(cell(report, row, "campaign"), "Spring mail");
}

}  // namespace
}  // namespace crm
