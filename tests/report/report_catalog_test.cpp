// The report catalog tells the truth: on the sample data every report's
// table has the catalog's columns, and every report accepts exactly the
// options, groupings and segment kinds the catalog lists.
#include "crm/report_catalog.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

class ReportCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    load_sample_data(db, SampleOptions{.seed = 7, .accounts = 30, .contacts = 80});
    // Every kind a segment may hold (not activities).
    for (RecordKind kind : {RecordKind::account, RecordKind::contact, RecordKind::lead, RecordKind::opportunity})
      segments.emplace_back(kind, db.segments().create_list(kind, "every " + std::string(record_kind_name(kind))).id);
  }

  ReportOptions base() const {
    ReportOptions options;
    options.as_of = db.now().date();
    return options;
  }

  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  std::vector<std::pair<RecordKind, SegmentId>> segments;
};

TEST_F(ReportCatalogTest, ListsEachReportOnceWithItsDescription) {
  std::vector<std::string> names;
  for (const ReportInfo& report : report_catalog()) {
    SCOPED_TRACE(report.name);
    names.push_back(report.name);
    EXPECT_EQ(&report_info(report.name), &report);
    EXPECT_FALSE(report.title.empty());
    EXPECT_FALSE(report.summary.empty());
    EXPECT_TRUE(std::is_sorted(report.options.begin(), report.options.end()));
    EXPECT_TRUE(report.accepts(ReportOption::as_of));
    EXPECT_EQ(report.accepts(ReportOption::start), report.accepts(ReportOption::end));
    EXPECT_EQ(report.accepts(ReportOption::group), !report.groups.empty());
    EXPECT_EQ(report.accepts(ReportOption::segment), !report.segment_kinds.empty());
    EXPECT_EQ(report.accepts(ReportOption::days), report.default_days > 0);
    ASSERT_FALSE(report.columns.empty());
    std::set<std::string> columns;
    for (const ReportColumnInfo& column : report.columns) {
      EXPECT_TRUE(columns.insert(column.name).second) << column.name;
      EXPECT_FALSE(column.doc.empty()) << column.name;
    }
  }
  EXPECT_EQ(names, Reports::names());
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());
  const Error error = EXPECT_CRM_ERROR(report_info("pipeline"), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("open_pipeline_history"), std::string::npos);
}

TEST_F(ReportCatalogTest, OptionNamesAndDocs) {
  for (ReportOption option : {ReportOption::start, ReportOption::end, ReportOption::as_of, ReportOption::owner,
                              ReportOption::pipeline, ReportOption::segment, ReportOption::interval,
                              ReportOption::group, ReportOption::days}) {
    EXPECT_EQ(report_option_from_name(report_option_name(option)), option);
    EXPECT_FALSE(report_option_doc(option).empty());
  }
  EXPECT_EQ(report_option_name(ReportOption::as_of), "as_of");
  EXPECT_FALSE(report_option_from_name("colour").has_value());
}

TEST_F(ReportCatalogTest, EveryReportsTableHasTheCatalogsColumns) {
  std::size_t reports_with_rows = 0;
  for (const ReportInfo& report : report_catalog()) {
    SCOPED_TRACE(report.name);
    for (ReportInterval interval : {ReportInterval::week, ReportInterval::month, ReportInterval::quarter}) {
      ReportOptions options = base();
      options.interval = interval;
      const Report result = db.reports().run(report.name, options);
      EXPECT_EQ(result.name, report.name);
      EXPECT_EQ(result.table.columns(), report.table_columns());
      if (interval == ReportInterval::month && result.table.row_count() > 0) ++reports_with_rows;
    }
  }
  // The sample has deals, leads, campaigns, activities and birthdays: most reports have rows.
  EXPECT_GE(reports_with_rows, report_catalog().size() - 2);
}

TEST_F(ReportCatalogTest, EveryReportAcceptsTheFiltersItListsAndRefusesTheOthers) {
  const PipelineId pipeline = db.pipelines().default_pipeline().id;
  const Date today = db.now().date();
  for (const ReportInfo& report : report_catalog()) {
    SCOPED_TRACE(report.name);
    const auto check = [&](ReportOption option, const ReportOptions& options) {
      SCOPED_TRACE(std::string(report_option_name(option)));
      if (report.accepts(option)) {
        EXPECT_NO_THROW(db.reports().run(report.name, options));
      } else {
        const Error error = EXPECT_CRM_ERROR(db.reports().run(report.name, options), ErrorCode::invalid_argument);
        EXPECT_EQ(error.field(), report_option_name(option));
      }
    };
    ReportOptions options = base();
    options.start = today - boost::gregorian::days(200);
    check(ReportOption::start, options);
    options = base();
    options.end = today;
    check(ReportOption::end, options);
    options = base();
    options.owner = "nobody";
    check(ReportOption::owner, options);
    options = base();
    options.pipeline = pipeline;
    check(ReportOption::pipeline, options);
    for (const auto& [kind, segment] : segments) {
      SCOPED_TRACE(std::string(record_kind_name(kind)));
      options = base();
      options.segment = segment;
      const auto& kinds = report.segment_kinds;
      if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) {
        EXPECT_NO_THROW(db.reports().run(report.name, options));
      } else {
        const Error error = EXPECT_CRM_ERROR(db.reports().run(report.name, options), ErrorCode::invalid_argument);
        EXPECT_EQ(error.field(), "segment");
      }
    }
  }
}

TEST_F(ReportCatalogTest, EveryReportTakesTheGroupsItListsAndIgnoresUnusedSettings) {
  for (const ReportInfo& report : report_catalog()) {
    SCOPED_TRACE(report.name);
    for (ReportGroup group : {ReportGroup::owner, ReportGroup::lead_source, ReportGroup::product,
                              ReportGroup::campaign, ReportGroup::industry, ReportGroup::job_title}) {
      SCOPED_TRACE(std::string(report_group_name(group)));
      ReportOptions options = base();
      options.group = group;
      const bool listed = std::find(report.groups.begin(), report.groups.end(), group) != report.groups.end();
      if (listed || (report.groups.empty() && group == ReportGroup::owner)) {
        EXPECT_NO_THROW(db.reports().run(report.name, options));
      } else {
        const Error error = EXPECT_CRM_ERROR(db.reports().run(report.name, options), ErrorCode::invalid_argument);
        EXPECT_EQ(error.field(), "group");
      }
    }
    ReportOptions options = base();
    options.days = 30;
    options.interval = ReportInterval::quarter;
    EXPECT_NO_THROW(db.reports().run(report.name, options));
    options.days = -1;
    EXPECT_CRM_ERROR(db.reports().run(report.name, options), ErrorCode::invalid_argument);
  }
}

TEST_F(ReportCatalogTest, DaysDefaultToTheCatalogsDefault) {
  for (const ReportInfo& report : report_catalog()) {
    if (!report.accepts(ReportOption::days)) continue;
    SCOPED_TRACE(report.name);
    ReportOptions options = base();
    const Report by_default = db.reports().run(report.name, options);
    options.days = report.default_days;
    const Report explicit_days = db.reports().run(report.name, options);
    ASSERT_EQ(by_default.table.row_count(), explicit_days.table.row_count());
    options.days = report.default_days * 3;
    EXPECT_NE(db.reports().run(report.name, options).table.row_count(), by_default.table.row_count());
  }
}

}  // namespace
}  // namespace crm
