#include "crm/account.hpp"

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

using test::ManualClock;

class AccountsTest : public ::testing::Test {
 protected:
  ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  test::TestUsers known_users{db};
  Accounts& accounts = db.accounts();

  static AccountData koks() {
    AccountData data;
    data.name = "  SIA Koka Nams ";
    data.registration_number = "40003012345";
    data.vat_id = "LV40003012345";
    data.industry = "Construction";
    data.website = "https://kokanams.lv";
    data.phone = "67 123 456";
    data.email = "Info@KokaNams.lv";
    data.address = {"Brīvības iela 1", "Rīga", "LV-1010", "Rīga", "lv"};
    data.owner = "anna";
    data.lead_source = "web";
    data.external_ref = "ERP-1001";
    data.tags = {"VIP", "timber"};
    data.description = "Family business.\nSince 1995.";
    return data;
  }
};

TEST_F(AccountsTest, CreateStoresNormalizedFieldsAndMetadata) {
  const Account created = accounts.create(koks());
  EXPECT_GT(created.id.value(), 0);
  EXPECT_EQ(created.name, "SIA Koka Nams");
  EXPECT_EQ(created.address.country, "LV");
  EXPECT_EQ(created.phone, "67 123 456");
  EXPECT_EQ(created.phone_e164, "+37167123456");
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(created.created_at, *clock.now);
  EXPECT_FALSE(created.deleted_at);

  const Account read = accounts.get(created.id);
  EXPECT_EQ(static_cast<const AccountData&>(read).name, created.name);
  EXPECT_EQ(read.address, created.address);
  EXPECT_EQ(read.tags, (std::vector<std::string>{"timber", "VIP"}));
  EXPECT_EQ(read.description, "Family business.\nSince 1995.");
  EXPECT_EQ(read.email, "Info@KokaNams.lv");
  EXPECT_EQ(read.external_ref, "ERP-1001");
  EXPECT_EQ(read.created_at, created.created_at);
  EXPECT_EQ(read.version, 1);
}

TEST_F(AccountsTest, ValidationNamesTheFieldAndWritesNothing) {
  struct Case {
    void (*spoil)(AccountData&);
    const char* field;
  };
  const Case cases[] = {
      {[](AccountData& d) { d.name = " "; }, "account.name"},
      {[](AccountData& d) { d.email = "info@kokanams"; }, "account.email"},
      {[](AccountData& d) { d.phone = "12"; }, "account.phone"},
      {[](AccountData& d) { d.address.country = "Narnia"; }, "account.address.country"},
      {[](AccountData& d) { d.name = "bad \xFF utf8"; }, "account.name"},
      {[](AccountData& d) { d.website = "kokanams lv"; }, "account.website"},
      {[](AccountData& d) { d.tags = {"ok", " "}; }, "account.tags[1]"},
  };
  for (const Case& c : cases) {
    AccountData data = koks();
    c.spoil(data);
    auto error = EXPECT_CRM_ERROR(accounts.create(data), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), c.field) << error.what();
  }
  EXPECT_TRUE(accounts.list().items.empty());
}

TEST_F(AccountsTest, DuplicateExternalRefIsRefusedNamingTheHolder) {
  const Account first = accounts.create(koks());
  AccountData second = koks();
  second.name = "Other";
  auto error = EXPECT_CRM_ERROR(accounts.create(second), ErrorCode::already_exists);
  EXPECT_EQ(error.field(), "account.external_ref");
  EXPECT_NE(std::string(error.what()).find("account " + std::to_string(first.id.value())), std::string::npos);
  EXPECT_EQ(accounts.list().items.size(), 1u);
  second.external_ref.clear();  // unset refs never collide
  accounts.create(second);
  accounts.create(second);
  EXPECT_EQ(accounts.list().items.size(), 3u);
}

TEST_F(AccountsTest, UpdateChecksVersionAndBumpsIt) {
  Account account = accounts.create(koks());
  Account stale = account;
  clock.advance(boost::posix_time::minutes(5));
  account.industry = "Timber";
  account.tags = {"vip"};
  const Account updated = accounts.update(account);
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.industry, "Timber");
  EXPECT_EQ(updated.tags, std::vector<std::string>{"vip"});
  EXPECT_EQ(updated.updated_at, *clock.now);
  EXPECT_EQ(updated.created_at, account.created_at);

  stale.industry = "Lost update";
  auto error = EXPECT_CRM_ERROR(accounts.update(stale), ErrorCode::conflict);
  EXPECT_NE(std::string(error.what()).find("version"), std::string::npos);
  EXPECT_EQ(accounts.get(account.id).industry, "Timber");
}

TEST_F(AccountsTest, UpdateOfMissingAccountIsNotFound) {
  Account ghost;
  ghost.id = AccountId(77);
  ghost.name = "Ghost";
  EXPECT_CRM_ERROR(accounts.update(ghost), ErrorCode::not_found);
  EXPECT_CRM_ERROR(accounts.get(AccountId(77)), ErrorCode::not_found);
}

TEST_F(AccountsTest, FailedUpdateWritesNothing) {
  const Account first = accounts.create(koks());
  AccountData other = koks();
  other.external_ref = "ERP-2";
  Account second = accounts.create(other);
  second.external_ref = "ERP-1001";
  second.industry = "Changed";
  EXPECT_CRM_ERROR(accounts.update(second), ErrorCode::already_exists);
  const Account unchanged = accounts.get(second.id);
  EXPECT_EQ(unchanged.industry, "Construction");
  EXPECT_EQ(unchanged.version, 1);
  (void)first;
}

TEST_F(AccountsTest, SoftDeleteHidesAndRestoreBringsBack) {
  const Account account = accounts.create(koks());
  const Account removed = accounts.remove(account.id);
  EXPECT_TRUE(removed.deleted_at);
  EXPECT_EQ(removed.version, 2);
  EXPECT_TRUE(accounts.list().items.empty());
  EXPECT_FALSE(accounts.find_by_external_ref("ERP-1001"));
  EXPECT_TRUE(accounts.find_by_email("info@kokanams.lv").empty());
  EXPECT_EQ(accounts.list({.deleted = DeletedFilter::only}).items.size(), 1u);
  EXPECT_CRM_ERROR(accounts.remove(account.id), ErrorCode::conflict);
  Account edit = removed;
  edit.industry = "x";
  EXPECT_CRM_ERROR(accounts.update(edit), ErrorCode::conflict);

  const Account restored = accounts.restore(account.id);
  EXPECT_FALSE(restored.deleted_at);
  EXPECT_EQ(accounts.list().items.size(), 1u);
  EXPECT_CRM_ERROR(accounts.restore(account.id), ErrorCode::conflict);
}

TEST_F(AccountsTest, PurgeDeletesForGoodAndDetachesSubsidiaries) {
  const Account parent = accounts.create({.name = "Holding"});
  const Account child = accounts.create({.name = "Daughter", .parent = parent.id});
  accounts.purge(parent.id);
  EXPECT_CRM_ERROR(accounts.get(parent.id), ErrorCode::not_found);
  EXPECT_FALSE(accounts.get(child.id).parent);
  EXPECT_CRM_ERROR(accounts.purge(parent.id), ErrorCode::not_found);
  EXPECT_TRUE(db.integrity_check().empty());
}

TEST_F(AccountsTest, ParentMustExistAndNotFormACycle) {
  auto missing = EXPECT_CRM_ERROR(accounts.create({.name = "Orphan", .parent = AccountId(404)}), ErrorCode::not_found);
  EXPECT_EQ(missing.field(), "account.parent");
  Account top = accounts.create({.name = "Top"});
  Account middle = accounts.create({.name = "Middle", .parent = top.id});
  accounts.create({.name = "Bottom", .parent = middle.id});
  top.parent = middle.id;
  auto cycle = EXPECT_CRM_ERROR(accounts.update(top), ErrorCode::invalid_argument);
  EXPECT_EQ(cycle.field(), "account.parent");
  top.parent = top.id;
  EXPECT_CRM_ERROR(accounts.update(top), ErrorCode::invalid_argument);
  const auto children = accounts.subsidiaries(top.id);
  ASSERT_EQ(children.size(), 1u);
  EXPECT_EQ(children[0].name, "Middle");
}

TEST_F(AccountsTest, LookupsByExternalRefEmailAndPhone) {
  const Account account = accounts.create(koks());
  EXPECT_EQ(accounts.find_by_external_ref("ERP-1001")->id, account.id);
  EXPECT_FALSE(accounts.find_by_external_ref("ERP-0"));
  EXPECT_EQ(accounts.find_by_email("INFO@kokanams.LV").at(0).id, account.id);
  for (const char* written : {"+371 67 123 456", "0037167123456", "67123456"})
    EXPECT_EQ(accounts.find_by_phone(written).size(), 1u) << written;
  EXPECT_TRUE(accounts.find_by_phone("+371 67 000 000").empty());
  EXPECT_CRM_ERROR(accounts.find_by_phone("not a number"), ErrorCode::invalid_argument);
}

TEST_F(AccountsTest, ListFiltersByOwnerTagAndCountry) {
  accounts.create({.name = "Alpha", .address = {.country = "LV"}, .owner = "anna", .tags = {"vip"}});
  accounts.create({.name = "Beta", .address = {.country = "LT"}, .owner = "anna"});
  accounts.create({.name = "Gamma", .address = {.country = "LV"}, .owner = "peter", .tags = {"VIP"}});
  auto names = [&](const ListQuery& query) {
    std::vector<std::string> result;
    for (const Account& a : accounts.list(query).items) result.push_back(a.name);
    return result;
  };
  EXPECT_EQ(names({.owner = "anna"}), (std::vector<std::string>{"Alpha", "Beta"}));
  EXPECT_EQ(names({.tag = "Vip"}), (std::vector<std::string>{"Alpha", "Gamma"}));
  EXPECT_EQ(names({.country = "lv"}), (std::vector<std::string>{"Alpha", "Gamma"}));
  EXPECT_EQ(names({.owner = "anna", .tag = "vip", .country = "LV"}), std::vector<std::string>{"Alpha"});
  EXPECT_EQ(names({.country = "Latvia"}), (std::vector<std::string>{"Alpha", "Gamma"}));
  EXPECT_CRM_ERROR(accounts.list({.country = "Narnia"}), ErrorCode::invalid_argument);
}

TEST_F(AccountsTest, PagingWithTokensWalksEveryRecordOnceInOrder) {
  const char* names[] = {"ērglis", "Apse", "Ābele", "bērzs", "Zīle", "Ozols", "egle", "Liepa"};
  for (const char* name : names) accounts.create({.name = name});
  for (bool descending : {false, true}) {
    for (SortBy sort : {SortBy::name, SortBy::id, SortBy::updated_at}) {
      std::vector<std::string> walked;
      ListQuery query{.sort = sort, .descending = descending, .limit = 3};
      int pages = 0;
      do {
        auto page = accounts.list(query);
        for (const Account& a : page.items) walked.push_back(a.name);
        query.after = page.next;
        ++pages;
      } while (!query.after.empty());
      EXPECT_EQ(walked.size(), 8u);
      EXPECT_EQ(pages, 3);
      std::vector<std::string> whole;
      for (const Account& a : accounts.list({.sort = sort, .descending = descending, .limit = 100}).items)
        whole.push_back(a.name);
      EXPECT_EQ(walked, whole);
    }
  }
  std::vector<std::string> by_name;
  for (const Account& a : accounts.list({.sort = SortBy::name}).items) by_name.push_back(a.name);
  EXPECT_EQ(by_name, (std::vector<std::string>{"Ābele", "Apse", "bērzs", "egle", "ērglis", "Liepa", "Ozols", "Zīle"}));
}

TEST_F(AccountsTest, PagingByOffsetAndBadPagingInput) {
  for (const char* name : {"A", "B", "C", "D"}) accounts.create({.name = name});
  const auto page = accounts.list({.limit = 2, .offset = 1});
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].name, "B");
  EXPECT_CRM_ERROR(accounts.list({.limit = 0}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(accounts.list({.limit = 10001}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(accounts.list({.after = "garbage"}), ErrorCode::invalid_argument);
  const auto first = accounts.list({.sort = SortBy::name, .limit = 1});
  EXPECT_CRM_ERROR(accounts.list({.sort = SortBy::id, .after = first.next}), ErrorCode::invalid_argument);
  EXPECT_CRM_ERROR(accounts.list({.after = first.next, .offset = 1}), ErrorCode::invalid_argument);
}

TEST_F(AccountsTest, InjectionLikeTextIsStoredVerbatim) {
  const char* nasty = "Robert'); DROP TABLE accounts;--";
  test::add_users(db, {"x' OR '1'='1"});
  const Account account = accounts.create({.name = nasty, .owner = "x' OR '1'='1"});
  EXPECT_EQ(accounts.get(account.id).name, nasty);
  EXPECT_TRUE(accounts.list({.owner = "anything' OR '1'='1"}).items.empty());
  EXPECT_EQ(accounts.list({.owner = "x' OR '1'='1"}).items.size(), 1u);
}

}  // namespace
}  // namespace crm
