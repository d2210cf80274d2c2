// The funnel and the open pipeline at month ends, against a replay of each
// deal's stage history.
#include <map>

#include "report/report_data.hpp"

namespace crm {
namespace {

using test::ExpectedEuros;
using test::ReportTest;

class HistoryReportsTest : public ReportTest {
 protected:
  // Position in the funnel: open stages by position, then Won; Lost is not in it.
  std::optional<std::size_t> place(StageId id) {
    const Stage stage = db.pipelines().stage(id);
    if (stage.kind == StageKind::lost) return std::nullopt;
    std::size_t i = 0;
    for (const Stage& s : sales.stages)
      if (s.kind != StageKind::lost) {
        if (s.id == id) return i;
        ++i;
      }
    return std::nullopt;
  }
};

TEST_F(HistoryReportsTest, FunnelCountsDealsThatReachedEachStageOrBeyond) {
  const Report report = db.reports().funnel(options());
  std::vector<std::int64_t> reached(5, 0), current(5, 0);
  std::vector<double> stay_days(5, 0);
  std::vector<int> stays(5, 0);
  for (const Opportunity& deal : deals()) {
    const auto history = db.opportunities().stage_history(deal.id);
    std::optional<std::size_t> furthest;
    for (std::size_t i = 0; i < history.size(); ++i) {
      const auto at = place(history[i].to);
      if (!at) continue;
      if (!furthest || *at > *furthest) furthest = at;
      if (i + 1 < history.size()) {
        stay_days[*at] += static_cast<double>((history[i + 1].at - history[i].at).total_seconds()) / 86400.0;
        ++stays[*at];
      }
    }
    if (furthest)
      for (std::size_t k = 0; k <= *furthest; ++k) ++reached[k];
    if (const auto now = place(deal.stage)) ++current[*now];
  }
  ASSERT_EQ(report.table.row_count(), 5u);
  EXPECT_EQ(cell(report, 4, "stage"), "Won");
  for (std::size_t row = 0; row < 5; ++row) {
    EXPECT_EQ(report.table.integer(row, 2), reached[row]) << row;
    EXPECT_EQ(report.table.integer(row, 5), current[row]) << row;
    if (row < 4) {
      EXPECT_DOUBLE_EQ(report.table.real(row, 3), static_cast<double>(reached[row + 1]) / reached[row]);
    }
    if (stays[row] > 0) {
      EXPECT_NEAR(report.table.real(row, 4), stay_days[row] / stays[row], 1e-9) << row;
    }
  }
  EXPECT_TRUE(report.table.is_null(4, 3));
  for (std::size_t row = 1; row < 5; ++row) EXPECT_LE(reached[row], reached[row - 1]);
}

TEST_F(HistoryReportsTest, FunnelOverDealsCreatedInTheRange) {
  ReportOptions o = options();
  o.start = Date(2025, 2, 1);
  o.end = Date(2025, 2, 28);
  std::int64_t created = 0;
  for (const Opportunity& deal : deals())
    if (deal.created_at.date() >= *o.start && deal.created_at.date() <= *o.end) ++created;
  const Report report = db.reports().funnel(o);
  EXPECT_EQ(report.table.integer(0, 2), created);  // every deal starts in the first stage
}

TEST_F(HistoryReportsTest, OpenPipelineAtMonthEndsReplaysTheStageHistory) {
  ReportOptions o = options();
  o.start = Date(2025, 1, 1);
  o.end = Date(2025, 12, 31);
  const Report report = db.reports().open_pipeline_history(o);
  ASSERT_EQ(report.table.row_count(), 12u);
  for (std::size_t row = 0; row < 12; ++row) {
    const Date end = parse_date(cell(report, row, "month_end"));
    EXPECT_EQ(end, end.end_of_month());
    const Instant cutoff(end + boost::gregorian::days(1));
    std::int64_t open = 0;
    ExpectedEuros amount(db), weighted(db);
    for (const Opportunity& deal : deals()) {
      const std::vector<StageChange> history = db.opportunities().stage_history(deal.id);
      const StageChange* last = nullptr;
      for (const StageChange& change : history)
        if (change.at < cutoff) last = &change;
      if (!last || db.pipelines().stage(last->to).kind != StageKind::open) continue;
      ++open;
      const std::string currency(last->amount.currency());
      amount.add(currency, end, last->amount.minor_units());
      weighted.add(currency, end, (last->amount.minor_units() * last->probability + 50) / 100);
    }
    EXPECT_EQ(report.table.integer(row, 1), open) << format_date(end);
    EXPECT_EQ(cell(report, row, "open_amount"), amount.total()) << format_date(end);
    EXPECT_EQ(cell(report, row, "weighted_amount"), weighted.total()) << format_date(end);
  }
}

TEST_F(HistoryReportsTest, OpenPipelineDefaultsToTheTwelveMonthEndsBeforeTheReportDay) {
  const Report report = db.reports().open_pipeline_history(options());
  ASSERT_EQ(report.table.row_count(), 12u);
  EXPECT_EQ(cell(report, 0, "month_end"), "2025-01-31");
  EXPECT_EQ(cell(report, 11, "month_end"), "2025-12-31");
}

}  // namespace
}  // namespace crm
