#include "crm/employment.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::ManualClock;

class EmploymentsTest : public ::testing::Test {
 protected:
  ManualClock clock;  // today is 2025-03-14
  Database db = Database::open_in_memory(test::test_options(clock));
  Account first = db.accounts().create({.name = "SIA Pirmā"});
  Account second = db.accounts().create({.name = "UAB Antra"});
  Contact person = db.contacts().create({.last_name = "Kalniņš", .job_title = "Engineer"});
};

TEST_F(EmploymentsTest, StartEndAndHistory) {
  const Employment job = db.employments().start(person.id, first.id, "Engineer", Date(2020, 1, 6));
  EXPECT_TRUE(job.current());
  EXPECT_EQ(db.contacts().get(person.id).account, first.id);
  EXPECT_EQ(db.contacts().get(person.id).version, 2);  // the contact's account changed

  const Employment ended = db.employments().end(job.id, Date(2024, 12, 31));
  EXPECT_EQ(ended.ended_on, Date(2024, 12, 31));
  EXPECT_FALSE(db.contacts().get(person.id).account);
  EXPECT_CRM_ERROR(db.employments().end(job.id, Date(2025, 1, 1)), ErrorCode::conflict);
}

TEST_F(EmploymentsTest, MoveEndsCurrentLinksAndKeepsThePast) {
  db.employments().start(person.id, first.id, "Engineer", Date(2019, 5, 1));
  const Employment moved = db.employments().move(person.id, second.id, "Lead engineer", Date(2025, 3, 1));
  EXPECT_EQ(moved.started_on, Date(2025, 3, 1));
  const Contact contact = db.contacts().get(person.id);
  EXPECT_EQ(contact.account, second.id);
  EXPECT_EQ(contact.job_title, "Lead engineer");

  const auto history = db.employments().history(person.id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].id, moved.id);
  EXPECT_EQ(history[1].account, first.id);
  EXPECT_EQ(history[1].ended_on, Date(2025, 3, 1));
  EXPECT_EQ(history[1].title, "Engineer");

  EXPECT_EQ(db.employments().of_account(first.id, true).size(), 0u);
  EXPECT_EQ(db.employments().of_account(first.id, false).size(), 1u);
  EXPECT_EQ(db.employments().of_account(second.id).at(0).contact, person.id);
}

TEST_F(EmploymentsTest, TwoParallelPositionsCurrentIsTheNewest) {
  db.employments().start(person.id, first.id, "Board member", Date(2018, 1, 1));
  db.employments().start(person.id, second.id, "CEO", Date(2022, 6, 1));
  EXPECT_EQ(db.contacts().get(person.id).account, second.id);
  EXPECT_EQ(db.employments().history(person.id).size(), 2u);
}

TEST_F(EmploymentsTest, RefusesBadDatesAndMissingRecords) {
  auto future = EXPECT_CRM_ERROR(db.employments().start(person.id, first.id, "x", Date(2026, 1, 1)),
                                 ErrorCode::invalid_argument);
  EXPECT_EQ(future.field(), "employment.started_on");
  const Employment job = db.employments().start(person.id, first.id, "x", Date(2024, 1, 1));
  EXPECT_CRM_ERROR(db.employments().end(job.id, Date(2023, 12, 31)), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.employments().move(person.id, second.id, "y", Date(2023, 1, 1)), ErrorCode::invalid_argument);
  EXPECT_TRUE(db.employments().get(job.id).current());  // the failed move changed nothing
  EXPECT_CRM_ERROR(db.employments().start(ContactId(999), first.id, "x"), ErrorCode::not_found);
  EXPECT_CRM_ERROR(db.employments().start(person.id, AccountId(999), "x"), ErrorCode::not_found);
  EXPECT_CRM_ERROR(db.employments().get(EmploymentId(999)), ErrorCode::not_found);
  db.accounts().remove(second.id);
  auto deleted = EXPECT_CRM_ERROR(db.employments().move(person.id, second.id, "y", Date(2025, 1, 1)),
                                  ErrorCode::not_found);
  EXPECT_EQ(deleted.field(), "employment.account");
}

TEST_F(EmploymentsTest, DeletedContactsLeaveAccountPeopleList) {
  db.employments().start(person.id, first.id, "Engineer");
  db.contacts().remove(person.id);
  EXPECT_TRUE(db.employments().of_account(first.id).empty());
  EXPECT_EQ(db.employments().history(person.id).size(), 1u);  // history kept
}

}  // namespace
}  // namespace crm
