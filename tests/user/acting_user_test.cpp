// A Database acting as a user: what each built-in role sees and may write,
// on a generated organisation (src/user/acting_user.cpp).
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using Ids = std::set<std::int64_t>;

// Sales > (Baltics, International); the owners every kind has a record of.
class ActingUserTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  std::map<std::string, std::map<RecordKind, std::int64_t>> owned;  // owner ("" none) -> kind -> id
  AccountId shared_account;

  void SetUp() override {
    const Team sales = db.teams().create("Sales");
    const Team baltics = db.teams().create("Baltics", sales.id);
    const Team international = db.teams().create("International", sales.id);
    auto user = [&](const char* login, std::optional<TeamId> team, std::vector<Role> roles) {
      db.users().create({.login = login, .team = team, .roles = std::move(roles)});
    };
    user("admin", std::nullopt, {Role::administrator});
    user("boss", sales.id, {Role::sales_manager});
    user("lauma", baltics.id, {Role::sales_manager});
    user("anna", baltics.id, {Role::sales_rep});
    user("janis", baltics.id, {Role::sales_rep});
    user("olga", international.id, {Role::sales_rep});
    user("pierre", international.id, {Role::sales_rep});
    user("ana", std::nullopt, {Role::analyst});
    user("mixed", baltics.id, {Role::sales_rep, Role::analyst});
    user("gone", baltics.id, {Role::sales_rep});
    shared_account = db.accounts().create({.name = "Shared Ltd"}).id;
    for (const char* owner : {"", "boss", "lauma", "anna", "janis", "olga", "pierre", "gone"}) add_records(owner);
    User gone = *db.users().find("gone");
    gone.active = false;
    db.users().update(gone.id, gone);
  }

  void add_records(const std::string& owner) {
    auto& ids = owned[owner];
    const std::string word = "Zebra " + (owner.empty() ? std::string("nobody") : owner);
    ids[RecordKind::account] = db.accounts().create({.name = word + " SIA", .owner = owner}).id.value();
    ids[RecordKind::contact] = db.contacts().create({.last_name = word, .owner = owner}).id.value();
    ids[RecordKind::lead] = db.leads().create({.last_name = word, .owner = owner}).id.value();
    OpportunityData deal{.name = word + " deal", .amount = Money::from_decimal("100.00", "EUR")};
    deal.owner = owner;
    ids[RecordKind::opportunity] = db.opportunities().create(deal).id.value();
    ActivityData note{.kind = ActivityKind::note, .subject = word + " note", .owner = owner};
    note.account = shared_account;
    ids[RecordKind::activity] = db.activities().create(note).id.value();
  }

  // What `login` may read, stated for this organisation on its own (not
  // derived from the library's rules): the owners whose records they see.
  static std::set<std::string> readable_owners(const std::string& login) {
    const std::set<std::string> everyone = {"", "boss", "lauma", "anna", "janis", "olga", "pierre", "gone"};
    if (login == "admin" || login == "ana" || login == "mixed") return everyone;
    if (login == "boss") return everyone;  // Sales and both teams below it
    if (login == "lauma") return {"", "lauma", "anna", "janis", "gone"};
    return {"", login};
  }

  Ids expected(const std::string& login, RecordKind kind) const {
    Ids ids;
    for (const std::string& owner : readable_owners(login)) ids.insert(owned.at(owner).at(kind));
    if (kind == RecordKind::account) ids.insert(shared_account.value());
    return ids;
  }

  template <class Store>
  static Ids listed(const Store& store) {
    Ids ids;
    ListQuery query;
    query.limit = 1000;
    for (const auto& record : store.list(query).items) ids.insert(record.id.value());
    return ids;
  }

  static Ids listed(Database& as, RecordKind kind) {
    switch (kind) {
      case RecordKind::account: return listed(as.accounts());
      case RecordKind::contact: return listed(as.contacts());
      case RecordKind::lead: return listed(as.leads());
      case RecordKind::opportunity: return listed(as.opportunities());
      case RecordKind::activity: break;
    }
    return listed(as.activities());
  }

  static const std::vector<std::string>& logins() {
    static const std::vector<std::string> all = {"admin", "boss", "lauma", "anna", "janis",
                                                 "olga",  "pierre", "ana", "mixed"};
    return all;
  }
};

TEST_F(ActingUserTest, EachUserListsAndCountsExactlyTheRecordsTheirRolesReach) {
  for (const std::string& login : logins()) {
    Database as = db.as_user(login);
    EXPECT_EQ(as.user(), login);
    for (RecordKind kind : all_record_kinds()) {
      SCOPED_TRACE(login + " " + std::string(record_kind_name(kind)));
      EXPECT_EQ(listed(as, kind), expected(login, kind));
    }
    EXPECT_EQ(as.contacts().count(), static_cast<std::int64_t>(expected(login, RecordKind::contact).size()));
    EXPECT_EQ(as.contacts().count({.where = "last_name starts with \"zebra\""}),
              static_cast<std::int64_t>(expected(login, RecordKind::contact).size()));
  }
}

TEST_F(ActingUserTest, AnInvisibleRecordIsNotFoundAndLeftOutOfSearchReportsAndExports) {
  Database anna = db.as_user("anna");
  EXPECT_CRM_ERROR(anna.contacts().get(ContactId(owned["olga"][RecordKind::contact])), ErrorCode::not_found);
  EXPECT_EQ(anna.contacts().get(ContactId(owned["anna"][RecordKind::contact])).owner, "anna");

  Ids found;
  for (const SearchHit& hit : anna.search().find("zebra", {.kinds = {RecordKind::contact}}))
    found.insert(hit.id);
  EXPECT_EQ(found, expected("anna", RecordKind::contact));
}

TEST_F(ActingUserTest, ARepCannotExportAndAnAnalystExportsWhatTheyRead) {
  std::ostringstream csv;
  const Error denied = EXPECT_CRM_ERROR(db.as_user("anna").exports().write(csv, {.kind = RecordKind::contact}),
                                        ErrorCode::permission_denied);
  EXPECT_NE(std::string(denied.what()).find("export contact"), std::string::npos) << denied.what();
  EXPECT_EQ(db.as_user("ana").exports().write(csv, {.kind = RecordKind::contact}),
            static_cast<std::int64_t>(expected("ana", RecordKind::contact).size()));
}

TEST_F(ActingUserTest, ReportsSumOnlyTheVisibleDeals) {
  for (const std::string& login : {std::string("anna"), std::string("lauma"), std::string("admin")}) {
    const Report report = db.as_user(login).reports().pipeline_by_stage();
    std::int64_t deals = 0;
    const std::size_t count = report.table.column_index("deals");
    for (std::size_t row = 0; row < report.table.row_count(); ++row) deals += report.table.integer(row, count);
    EXPECT_EQ(deals, static_cast<std::int64_t>(expected(login, RecordKind::opportunity).size())) << login;
  }
}

TEST_F(ActingUserTest, WritesOutsideTheScopeAreRefusedNamingActionKindAndScope) {
  Database anna = db.as_user("anna");
  Contact own = anna.contacts().get(ContactId(owned["anna"][RecordKind::contact]));
  own.first_name = "Anna's";
  EXPECT_EQ(anna.contacts().update(own).first_name, "Anna's");

  own = anna.contacts().get(own.id);
  own.owner = "janis";
  const Error assign = EXPECT_CRM_ERROR(anna.contacts().update(own), ErrorCode::permission_denied);
  EXPECT_STREQ(assign.what(), "assign contact: not within your scope (none)");

  EXPECT_CRM_ERROR(anna.contacts().create({.last_name = "Given away", .owner = "janis"}), ErrorCode::permission_denied);
  EXPECT_EQ(anna.contacts().create({.last_name = "Mine", .owner = "anna"}).owner, "anna");

  Database ana = db.as_user("ana");
  Contact seen = ana.contacts().get(own.id);
  seen.first_name = "Changed";
  const Error update = EXPECT_CRM_ERROR(ana.contacts().update(seen), ErrorCode::permission_denied);
  EXPECT_STREQ(update.what(), "update contact: not within your scope (none)");
  EXPECT_CRM_ERROR(ana.contacts().remove(seen.id), ErrorCode::permission_denied);
  EXPECT_EQ(db.contacts().get(own.id).first_name, "Anna's");  // nothing half-written
}

TEST_F(ActingUserTest, AManagerReassignsWithinTheTeamTreeOnly) {
  Database lauma = db.as_user("lauma");
  Account account = lauma.accounts().get(AccountId(owned["anna"][RecordKind::account]));
  account.owner = "janis";
  EXPECT_EQ(lauma.accounts().update(account).owner, "janis");
  account = lauma.accounts().get(account.id);
  account.owner = "olga";  // International is not below Baltics
  EXPECT_CRM_ERROR(lauma.accounts().update(account), ErrorCode::permission_denied);
  EXPECT_CRM_ERROR(lauma.accounts().get(AccountId(owned["olga"][RecordKind::account])), ErrorCode::not_found);

  Database boss = db.as_user("boss");
  account = boss.accounts().get(account.id);
  account.owner = "olga";
  EXPECT_EQ(boss.accounts().update(account).owner, "olga");
}

TEST_F(ActingUserTest, OnlyAnAdministratorChangesTheSetup) {
  const Error denied =
      EXPECT_CRM_ERROR(db.as_user("boss").users().create({.login = "intruder"}), ErrorCode::permission_denied);
  EXPECT_STREQ(denied.what(), "changing users needs the administrator role");
  User anna = *db.users().find("anna");
  anna.roles = {Role::administrator};
  EXPECT_CRM_ERROR(db.as_user("anna").users().update(anna.id, anna), ErrorCode::permission_denied);
  EXPECT_EQ(db.as_user("admin").users().create({.login = "newcomer"}).login, "newcomer");
}

TEST_F(ActingUserTest, UnassignedRecordsCanBeLimitedToUsersWhoSeeEverything) {
  EXPECT_EQ(db.access().unassigned_visibility(), UnassignedVisibility::everyone);
  EXPECT_CRM_ERROR(db.as_user("lauma").access().set_unassigned_visibility(UnassignedVisibility::all_scope),
                   ErrorCode::permission_denied);
  db.access().set_unassigned_visibility(UnassignedVisibility::all_scope);
  Database anna = db.as_user("anna");
  EXPECT_EQ(listed(anna, RecordKind::lead), Ids{owned["anna"][RecordKind::lead]});
  Database ana = db.as_user("ana");
  EXPECT_TRUE(listed(ana, RecordKind::lead).count(owned[""][RecordKind::lead]));
}

TEST_F(ActingUserTest, ActingAsAnUnknownOrInactiveUserIsRefusedAndTheSystemSessionSeesAll) {
  EXPECT_CRM_ERROR(db.as_user("nobody"), ErrorCode::not_found);
  EXPECT_CRM_ERROR(db.as_user("gone"), ErrorCode::invalid_argument);
  Database anna = db.as_user("anna");
  anna.set_user("");
  EXPECT_EQ(anna.user(), "");
  EXPECT_EQ(anna.contacts().count(), db.contacts().count());
  anna.set_user("olga");
  EXPECT_EQ(listed(anna, RecordKind::contact), expected("olga", RecordKind::contact));
  EXPECT_EQ(db.access().scope("lauma", RecordKind::opportunity, Action::read), Scope::team_and_below);
}

}  // namespace
}  // namespace crm

namespace crm {
namespace {

TEST_F(ActingUserTest, ASharedRecordIsSeenByTheUserOrTeamItIsSharedWith) {
  const ContactId annas(owned["anna"][RecordKind::contact]);
  Database anna = db.as_user("anna");
  Database olga = db.as_user("olga");
  Database pierre = db.as_user("pierre");
  EXPECT_CRM_ERROR(olga.contacts().get(annas), ErrorCode::not_found);

  const Share share = anna.access().share_with_user(RecordKind::contact, annas.value(), "olga");
  EXPECT_EQ(share.user, "olga");
  EXPECT_EQ(share.level, ShareLevel::read);
  Contact seen = olga.contacts().get(annas);
  EXPECT_EQ(olga.contacts().count(), static_cast<std::int64_t>(expected("olga", RecordKind::contact).size() + 1));
  seen.job_title = "Changed";
  EXPECT_CRM_ERROR(olga.contacts().update(seen), ErrorCode::permission_denied);
  EXPECT_CRM_ERROR(pierre.contacts().get(annas), ErrorCode::not_found);

  anna.access().share_with_user(RecordKind::contact, annas.value(), "olga", ShareLevel::edit);
  EXPECT_EQ(olga.contacts().update(seen).job_title, "Changed");
  EXPECT_CRM_ERROR(olga.contacts().remove(annas), ErrorCode::permission_denied);  // edit is not delete

  const TeamId international = *db.users().find("pierre")->team;
  anna.access().share_with_team(RecordKind::contact, annas.value(), international);
  EXPECT_EQ(pierre.contacts().get(annas).id, annas);
  const std::vector<Share> shares = anna.access().shares(RecordKind::contact, annas.value());
  ASSERT_EQ(shares.size(), 2U);
  EXPECT_EQ(shares[0].user, "olga");
  EXPECT_EQ(shares[1].team, international);

  EXPECT_TRUE(anna.access().unshare_with_team(RecordKind::contact, annas.value(), international));
  EXPECT_FALSE(anna.access().unshare_with_team(RecordKind::contact, annas.value(), international));
  EXPECT_CRM_ERROR(pierre.contacts().get(annas), ErrorCode::not_found);
}

TEST_F(ActingUserTest, OnlyWhoMayUpdateARecordSharesItAndSharesGoWithTheRecord) {
  const std::int64_t annas = owned["anna"][RecordKind::account];
  EXPECT_CRM_ERROR(db.as_user("janis").access().share_with_user(RecordKind::account, annas, "janis"),
                   ErrorCode::not_found);  // he does not see it
  const Error denied = EXPECT_CRM_ERROR(
      db.as_user("ana").access().share_with_user(RecordKind::account, annas, "janis"), ErrorCode::permission_denied);
  EXPECT_NE(std::string(denied.what()).find("share account"), std::string::npos) << denied.what();
  EXPECT_CRM_ERROR(db.access().share_with_user(RecordKind::account, annas, "gone"), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(db.access().share_with_user(RecordKind::account, annas, "ghost"), ErrorCode::not_found);
  db.as_user("lauma").access().share_with_user(RecordKind::account, annas, "olga");  // her manager may
  EXPECT_EQ(db.access().shares(RecordKind::account, annas).size(), 1U);

  // The newest lead's id is given again once it is purged: its share must not pass on.
  const LeadId newest(owned["gone"][RecordKind::lead]);
  db.access().share_with_user(RecordKind::lead, newest.value(), "olga");
  EXPECT_EQ(db.as_user("olga").leads().get(newest).id, newest);
  db.leads().purge(newest);
  const Lead reused = db.leads().create({.last_name = "Reused id", .owner = "anna"});
  ASSERT_EQ(reused.id, newest);
  EXPECT_CRM_ERROR(db.as_user("olga").leads().get(reused.id), ErrorCode::not_found);
  EXPECT_TRUE(db.access().shares(RecordKind::lead, reused.id.value()).empty());
}

}  // namespace
}  // namespace crm
