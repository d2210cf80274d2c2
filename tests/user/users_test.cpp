#include <sstream>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

class UsersTest : public ::testing::Test {
 protected:
  test::ManualClock clock;
  Database db = Database::open_in_memory(test::test_options(clock));
  Users& users = db.users();
  Teams& teams = db.teams();

  std::vector<std::string> logins(const std::vector<User>& list) {
    std::vector<std::string> all;
    for (const User& user : list) all.push_back(user.login);
    return all;
  }
};

TEST_F(UsersTest, CreatedUserKeepsEveryFieldAndIsFoundByItsExactLogin) {
  const Team baltics = teams.create("Baltics");
  const User anna = users.create({.login = " anna ", .name = "Anna Bērziņa", .email = "Anna@Example.com",
                                  .time_zone = "Europe/Riga", .team = baltics.id,
                                  .roles = {Role::sales_rep, Role::sales_manager, Role::sales_rep}});
  EXPECT_EQ(anna.login, "anna");
  EXPECT_EQ(anna.name, "Anna Bērziņa");
  EXPECT_EQ(anna.email, "Anna@Example.com");
  EXPECT_EQ(anna.time_zone, "Europe/Riga");
  EXPECT_EQ(anna.team, baltics.id);
  EXPECT_EQ(anna.roles, (std::vector<Role>{Role::sales_manager, Role::sales_rep}));
  EXPECT_TRUE(anna.active);
  EXPECT_EQ(anna.created_at, db.now());
  EXPECT_EQ(users.get(anna.id), anna);
  EXPECT_EQ(users.find("anna")->id, anna.id);
  EXPECT_FALSE(users.find("Anna"));  // logins compare exactly, as owners do
  EXPECT_EQ(users.create({.login = "janis"}).name, "janis");  // the name defaults to the login
}

TEST_F(UsersTest, CreateRefusesATakenLoginABadEmailAnUnknownZoneOrTeam) {
  users.create({.login = "anna"});
  EXPECT_EQ(EXPECT_CRM_ERROR(users.create({.login = "anna"}), ErrorCode::already_exists).field(), "user.login");
  EXPECT_EQ(EXPECT_CRM_ERROR(users.create({.login = ""}), ErrorCode::invalid_argument).field(), "user.login");
  EXPECT_EQ(EXPECT_CRM_ERROR(users.create({.login = "a\nb"}), ErrorCode::invalid_argument).field(), "user.login");
  EXPECT_EQ(EXPECT_CRM_ERROR(users.create({.login = "b", .email = "no-at"}), ErrorCode::invalid_argument).field(),
            "user.email");
  EXPECT_EQ(
      EXPECT_CRM_ERROR(users.create({.login = "b", .time_zone = "Europe/Atlantis"}), ErrorCode::invalid_argument)
          .field(),
      "user.time_zone");
  EXPECT_EQ(EXPECT_CRM_ERROR(users.create({.login = "b", .team = TeamId(99)}), ErrorCode::not_found).field(),
            "user.team");
  EXPECT_EQ(logins(users.list()), std::vector<std::string>{"anna"});
}

TEST_F(UsersTest, RequireNamesTheNearestLoginOfAnUnknownOne) {
  users.create({.login = "anna.berzina"});
  const Error error = EXPECT_CRM_ERROR(users.require("anna.berzin"), ErrorCode::not_found);
  EXPECT_NE(std::string(error.what()).find("did you mean 'anna.berzina'"), std::string::npos) << error.what();
}

TEST_F(UsersTest, UpdateChangesEverythingButTheLogin) {
  const User anna = users.create({.login = "anna", .roles = {Role::sales_rep}});
  clock.advance(boost::posix_time::hours(1));
  UserData data = anna;
  data.name = "Anna B.";
  data.roles = {Role::analyst};
  data.active = false;
  const User updated = users.update(anna.id, data);
  EXPECT_EQ(updated.name, "Anna B.");
  EXPECT_EQ(updated.roles, std::vector<Role>{Role::analyst});
  EXPECT_FALSE(updated.active);
  EXPECT_EQ(updated.updated_at, db.now());
  EXPECT_EQ(logins(users.list(true)), std::vector<std::string>{});
  data.login = "anna2";
  EXPECT_EQ(EXPECT_CRM_ERROR(users.update(anna.id, data), ErrorCode::invalid_argument).field(), "user.login");
  EXPECT_CRM_ERROR(users.update(UserId(42), data), ErrorCode::not_found);
}

TEST_F(UsersTest, RoleNamesAreTheBuiltInRoles) {
  for (Role role : all_roles()) EXPECT_EQ(role_from_name(role_name(role)), role);
  EXPECT_EQ(role_name(Role::sales_manager), "sales_manager");
  const Error error = EXPECT_CRM_ERROR(role_from_name("boss"), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("administrator, sales_manager, sales_rep, analyst"), std::string::npos);
}

TEST_F(UsersTest, ARecordCanOnlyBeGivenToAnActiveUser) {
  const Error unknown =
      EXPECT_CRM_ERROR(db.accounts().create({.name = "SIA Koks", .owner = "anna"}), ErrorCode::invalid_argument);
  EXPECT_EQ(unknown.field(), "account.owner");
  EXPECT_EQ(db.accounts().count({}), 0);
  const User anna = users.create({.login = "anna"});
  const Account koks = db.accounts().create({.name = "SIA Koks", .owner = "anna"});
  EXPECT_EQ(users.owned_records("anna"), 1);
  UserData away = anna;
  away.active = false;
  users.update(anna.id, away);
  // The deactivated user keeps the records and they stay editable...
  Account renamed = koks;
  renamed.name = "SIA Koks un Ko";
  EXPECT_EQ(db.accounts().update(renamed).owner, "anna");
  // ...but nothing new is given to them.
  EXPECT_EQ(EXPECT_CRM_ERROR(db.contacts().create({.first_name = "Jānis", .last_name = "Ozols", .owner = "anna"}),
                             ErrorCode::invalid_argument)
                .field(),
            "contact.owner");
  EXPECT_EQ(EXPECT_CRM_ERROR(db.leads().create({.last_name = "Liepa", .owner = "anna"}), ErrorCode::invalid_argument)
                .field(),
            "lead.owner");
}

TEST_F(UsersTest, AnImportAddsTheUsersItsOwnersNameUnlessToldNotTo) {
  users.create({.login = "anna"});
  const std::string csv = "name,owner\nSIA Koks,anna\nSIA Ozols,peteris\nSIA Liepa,peteris\n";
  std::istringstream refused_text(csv);
  const ImportResult refused =
      db.imports().read(refused_text, {.kind = RecordKind::account, .create_owners = false});
  EXPECT_EQ(refused.inserted, 1);
  EXPECT_EQ(refused.failed, 2);
  ASSERT_EQ(refused.errors.size(), 2u);
  EXPECT_EQ(refused.errors[0].column, "owner");
  EXPECT_TRUE(refused.users_created.empty());
  EXPECT_FALSE(users.find("peteris"));
  std::istringstream text(csv);
  const ImportResult imported = db.imports().read(text, {.kind = RecordKind::account});
  EXPECT_EQ(imported.inserted, 3);
  EXPECT_EQ(imported.users_created, std::vector<std::string>{"peteris"});
  EXPECT_EQ(users.owned_records("peteris"), 2);
}

TEST_F(UsersTest, TeamsFormATreeWhoseMembersIncludeTheTeamsBelow) {
  const Team sales = teams.create("Sales");
  const Team baltics = teams.create("Baltics", sales.id);
  const Team riga = teams.create("Rīga", baltics.id);
  const Team uk = teams.create("UK", sales.id);
  users.create({.login = "boss", .team = sales.id});
  users.create({.login = "anna", .team = baltics.id});
  users.create({.login = "janis", .team = riga.id});
  users.create({.login = "sarah", .team = uk.id});
  users.create({.login = "loner"});
  EXPECT_EQ(logins(teams.members(sales.id)), (std::vector<std::string>{"anna", "boss", "janis", "sarah"}));
  EXPECT_EQ(logins(teams.members(baltics.id)), (std::vector<std::string>{"anna", "janis"}));
  EXPECT_EQ(logins(teams.members(baltics.id, false)), std::vector<std::string>{"anna"});
  std::vector<std::string> below;
  for (const Team& team : teams.below(sales.id)) below.push_back(team.name);
  EXPECT_EQ(below, (std::vector<std::string>{"Baltics", "Rīga", "UK"}));
  EXPECT_EQ(teams.find("riga")->id, riga.id);
  EXPECT_EQ(teams.get(riga.id).parent, baltics.id);
}

TEST_F(UsersTest, ATeamCannotMoveUnderItselfAndOnlyAnEmptyTeamIsRemoved) {
  const Team sales = teams.create("Sales");
  const Team baltics = teams.create("Baltics", sales.id);
  const Team riga = teams.create("Riga", baltics.id);
  EXPECT_EQ(EXPECT_CRM_ERROR(teams.move(sales.id, riga.id), ErrorCode::invalid_argument).field(), "team.parent");
  EXPECT_CRM_ERROR(teams.move(sales.id, sales.id), ErrorCode::invalid_argument);
  EXPECT_EQ(teams.move(riga.id, std::nullopt).parent, std::nullopt);
  EXPECT_EQ(EXPECT_CRM_ERROR(teams.create("SALES"), ErrorCode::already_exists).field(), "team.name");
  EXPECT_CRM_ERROR(teams.remove(sales.id), ErrorCode::conflict);  // Baltics is below it
  users.create({.login = "anna", .team = riga.id});
  EXPECT_CRM_ERROR(teams.remove(riga.id), ErrorCode::conflict);  // anna is a member
  teams.remove(baltics.id);
  EXPECT_FALSE(teams.find("Baltics"));
  EXPECT_EQ(teams.rename(riga.id, "Rīga").name, "Rīga");
}

}  // namespace
}  // namespace crm
