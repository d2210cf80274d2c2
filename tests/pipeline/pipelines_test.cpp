#include "crm/pipeline.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

std::vector<std::string> names(const Pipeline& pipeline) {
  std::vector<std::string> result;
  for (const Stage& stage : pipeline.stages) result.push_back(stage.name);
  return result;
}

class PipelinesTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  Pipelines& pipelines = db.pipelines();
};

TEST_F(PipelinesTest, NewDatabaseHasTheDefaultSalesPipeline) {
  const Pipeline sales = pipelines.default_pipeline();
  EXPECT_EQ(sales.name, "Sales");
  EXPECT_TRUE(sales.is_default);
  EXPECT_EQ(names(sales),
            (std::vector<std::string>{"Prospecting", "Qualification", "Proposal", "Negotiation", "Won", "Lost"}));
  EXPECT_EQ(sales.stages[2].probability, 50);
  EXPECT_EQ(sales.stages[4].kind, StageKind::won);
  EXPECT_EQ(sales.first_open_stage().name, "Prospecting");
  EXPECT_EQ(pipelines.lost_reasons().size(), 6u);
}

TEST_F(PipelinesTest, StageByNameIgnoresCaseAndNamesTheStagesWhenMissing) {
  const Pipeline sales = pipelines.default_pipeline();
  EXPECT_EQ(sales.stage("negotiation").id, sales.stages[3].id);
  EXPECT_EQ(sales.stage(" WON").kind, StageKind::won);
  try {
    (void)sales.stage("Closed");
    FAIL() << "no stage Closed";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::not_found);
    EXPECT_NE(std::string(error.what()).find("no stage 'Closed' (it has Prospecting, Qualification"), std::string::npos);
  }
}

TEST_F(PipelinesTest, CreateRenameAndChooseTheDefault) {
  const Pipeline renewals = pipelines.create(
      "Renewals", {{"Due", 60, StageKind::open}, {"Renewed", 100, StageKind::won}, {"Churned", 0, StageKind::lost}});
  EXPECT_FALSE(renewals.is_default);
  EXPECT_EQ(pipelines.find("RENEWALS")->id, renewals.id);
  EXPECT_EQ(pipelines.rename(renewals.id, "Contract renewals").name, "Contract renewals");
  pipelines.set_default(renewals.id);
  EXPECT_EQ(pipelines.default_pipeline().id, renewals.id);
  EXPECT_EQ(pipelines.list().size(), 2u);
  EXPECT_EQ(pipelines.list().front().id, renewals.id);
  EXPECT_CRM_ERROR(pipelines.create("sales", {{"A", 1, StageKind::open}, {"B", 100, StageKind::won},
                                              {"C", 0, StageKind::lost}}),
                   ErrorCode::already_exists);
}

TEST_F(PipelinesTest, CreateRefusesIncompletePipelines) {
  EXPECT_CRM_ERROR(pipelines.create("No lost", {{"A", 1, StageKind::open}, {"B", 100, StageKind::won}}),
                   ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(pipelines.create("Twice", {{"A", 1, StageKind::open}, {"a", 1, StageKind::open},
                                              {"W", 100, StageKind::won}, {"L", 0, StageKind::lost}}),
                   ErrorCode::invalid_argument);
  auto error = EXPECT_CRM_ERROR(pipelines.create("Odd", {{"A", 101, StageKind::open}, {"W", 100, StageKind::won},
                                                         {"L", 0, StageKind::lost}}),
                                ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "pipeline.stages[0].probability");
  EXPECT_EQ(pipelines.list().size(), 1u);
}

TEST_F(PipelinesTest, StagesCanBeAddedRenamedAndReordered) {
  Pipeline sales = pipelines.default_pipeline();
  const Stage demo = pipelines.add_stage(sales.id, {"Demo", 40, StageKind::open});
  EXPECT_EQ(demo.position, 5);  // after the last open stage
  sales = pipelines.get(sales.id);
  EXPECT_EQ(names(sales)[4], "Demo");
  EXPECT_EQ(pipelines.update_stage(demo.id, {"Product demo", 45, StageKind::open}).name, "Product demo");
  std::vector<StageId> order;
  for (auto it = sales.stages.rbegin(); it != sales.stages.rend(); ++it) order.push_back(it->id);
  sales = pipelines.reorder_stages(sales.id, order);
  EXPECT_EQ(sales.stages.front().name, "Lost");
  order.pop_back();
  EXPECT_CRM_ERROR(pipelines.reorder_stages(sales.id, order), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(pipelines.add_stage(sales.id, {"won", 1, StageKind::open}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(pipelines.add_stage(sales.id, {"X", 1, StageKind::open}, 99), ErrorCode::invalid_argument);
}

TEST_F(PipelinesTest, TheLastStageOfAKindCannotGo) {
  const Pipeline sales = pipelines.default_pipeline();
  const Stage won = sales.stages[4];
  EXPECT_CRM_ERROR(pipelines.update_stage(won.id, {"Won", 100, StageKind::open}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(pipelines.remove_stage(won.id), ErrorCode::invalid_argument);
}

TEST_F(PipelinesTest, RemovingAStageInUseNeedsWhereItsDealsGo) {
  const Pipeline sales = pipelines.default_pipeline();
  const Account account = db.accounts().create({.name = "SIA Koks"});
  const Stage proposal = sales.stages[2];
  const Stage negotiation = sales.stages[3];
  Opportunity deal = db.opportunities().create(
      {.account = account.id, .name = "Fit-out", .amount = Money::parse("1000 EUR"), .stage = proposal.id});
  auto missing = EXPECT_CRM_ERROR(pipelines.remove_stage(proposal.id), ErrorCode::invalid_argument);
  EXPECT_EQ(missing.field(), "move_to");
  EXPECT_CRM_ERROR(pipelines.remove_stage(proposal.id, sales.stages[4].id), ErrorCode::invalid_argument);  // won
  const Pipeline after = pipelines.remove_stage(proposal.id, negotiation.id);
  EXPECT_EQ(after.stages.size(), 5u);
  deal = db.opportunities().get(deal.id);
  EXPECT_EQ(deal.stage, negotiation.id);
  EXPECT_EQ(deal.probability, 75);
  const auto history = db.opportunities().stage_history(deal.id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].from, proposal.id);
  EXPECT_TRUE(pipelines.stage(proposal.id).removed);  // kept for the history
  EXPECT_CRM_ERROR(pipelines.remove_stage(proposal.id), ErrorCode::conflict);
}

TEST_F(PipelinesTest, AStageHoldingDealsKeepsItsKind) {
  const Pipeline sales = pipelines.default_pipeline();
  const Account account = db.accounts().create({.name = "SIA Koks"});
  const Stage proposal = sales.stages[2];
  db.opportunities().create(
      {.account = account.id, .name = "Fit-out", .amount = Money::parse("1000 EUR"), .stage = proposal.id});
  const auto held = EXPECT_CRM_ERROR(pipelines.update_stage(proposal.id, {proposal.name, 100, StageKind::won}),
                                     ErrorCode::conflict);
  EXPECT_EQ(held.field(), "stage.kind");
  EXPECT_EQ(pipelines.update_stage(proposal.id, {"Offer", 60, StageKind::open}).name, "Offer");
  const Stage negotiation = sales.stages[3];  // empty: its kind may change
  EXPECT_EQ(pipelines.update_stage(negotiation.id, {"Dropped", 0, StageKind::lost}).kind, StageKind::lost);
}

TEST_F(PipelinesTest, LostReasonsAreConfigurable) {
  const LostReason slow = pipelines.add_lost_reason("Too slow to respond");
  EXPECT_TRUE(slow.active);
  EXPECT_CRM_ERROR(pipelines.add_lost_reason("price"), ErrorCode::already_exists);
  EXPECT_FALSE(pipelines.set_lost_reason_active(slow.id, false).active);
  EXPECT_FALSE(pipelines.find_lost_reason("Too slow to respond"));
  EXPECT_EQ(pipelines.lost_reasons(true).size(), 7u);
  EXPECT_EQ(pipelines.lost_reasons().size(), 6u);
}

}  // namespace
}  // namespace crm
