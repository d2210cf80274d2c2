#include "crm/telephony.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

namespace pt = boost::posix_time;

class TelephonyTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  Account koks = db.accounts().create({.name = "SIA Koka Nams", .phone = "67 123 456"});
  Contact anna = db.contacts().create(
      {.first_name = "Anna", .last_name = "Bērziņa", .phones = {{PhoneKind::mobile, "+371 26 123 456", ""}},
       .account = koks.id});
};

TEST_F(TelephonyTest, AKnownNumberInAnyFormFindsTheContactAndItsAccount) {
  const LoggedCall call = db.telephony().record_call({.number = "0037126123456",
                                                      .started_at = *clock.now - pt::minutes(5),
                                                      .duration_seconds = 240,
                                                      .direction = Direction::inbound,
                                                      .owner = "peteris",
                                                      .outcome = "answered",
                                                      .notes = "Wants a quote for 40 desks"});
  ASSERT_TRUE(call.contact);
  EXPECT_EQ(call.contact->id, anna.id);
  ASSERT_TRUE(call.account);
  EXPECT_EQ(call.account->id, koks.id);
  const Activity& a = call.activity;
  EXPECT_EQ(a.kind, ActivityKind::call);
  EXPECT_EQ(a.status, ActivityStatus::done);
  EXPECT_EQ(a.subject, "Inbound call");
  EXPECT_EQ(a.body, "Wants a quote for 40 desks");
  EXPECT_EQ(a.duration_seconds, 240);
  EXPECT_EQ(a.phone, "0037126123456");
  EXPECT_EQ(a.phone_e164, "+37126123456");
  EXPECT_EQ(a.contact, anna.id);
  EXPECT_EQ(a.account, koks.id);
  EXPECT_EQ(db.timelines().contact(anna.id).items.size(), 1u);
}

TEST_F(TelephonyTest, AnAccountsMainNumberFindsTheAccount) {
  const LoggedCall call = db.telephony().record_call({.number = "+371 67 123 456", .direction = Direction::outbound});
  EXPECT_FALSE(call.contact);
  ASSERT_TRUE(call.account);
  EXPECT_EQ(call.activity.subject, "Outbound call");
  EXPECT_EQ(call.activity.account, koks.id);
}

TEST_F(TelephonyTest, UnknownNumbersAreRecordedAndAttachedLater) {
  const LoggedCall unknown = db.telephony().record_call({.number = "29 555 123", .direction = Direction::inbound});
  EXPECT_FALSE(unknown.contact);
  EXPECT_FALSE(unknown.activity.contact);
  EXPECT_EQ(unknown.activity.phone_e164, "+37129555123");
  const LoggedCall anonymous = db.telephony().record_call({.number = "anonymous", .direction = Direction::inbound});
  EXPECT_EQ(anonymous.activity.phone, "anonymous");
  EXPECT_EQ(anonymous.activity.phone_e164, "");

  Contact newcomer = db.contacts().create({.last_name = "Ozols", .phones = {{PhoneKind::mobile, "+37129555123", ""}},
                                          .account = koks.id});
  const auto attached = db.telephony().attach_unmatched(newcomer.id);
  ASSERT_EQ(attached.size(), 1u);
  EXPECT_EQ(attached[0].id, unknown.activity.id);
  EXPECT_EQ(attached[0].contact, newcomer.id);
  EXPECT_EQ(attached[0].account, koks.id);
  EXPECT_TRUE(db.telephony().attach_unmatched(newcomer.id).empty());
}

TEST_F(TelephonyTest, BadReportsAreRefused) {
  EXPECT_CRM_ERROR(db.telephony().record_call({.number = "", .direction = Direction::inbound}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.telephony().record_call({.number = "26123456", .direction = Direction::none}),
                   ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.telephony().record_call({.number = "26123456", .duration_seconds = -1, .direction = Direction::inbound}),
                   ErrorCode::invalid_argument);
  EXPECT_EQ(db.activities().count(), 0);
}

}  // namespace
}  // namespace crm
