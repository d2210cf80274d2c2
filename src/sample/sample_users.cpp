#include "sample/sample_users.hpp"

#include <string>

namespace crm::detail::sample {
namespace {

struct SampleUser {
  std::string_view login;
  std::string_view name;
  std::string_view time_zone;
  std::string_view team;  // "" for none
  Role role;
};

// The sales people first, in the order the sample hands out records.
constexpr SampleUser kUsers[] = {
    {"anna.berzina", "Anna Bērziņa", "Europe/Riga", "Baltics", Role::sales_manager},
    {"janis.kalnins", "Jānis Kalniņš", "Europe/Riga", "Baltics", Role::sales_rep},
    {"ona.petrauskiene", "Ona Petrauskienė", "Europe/Vilnius", "Baltics", Role::sales_rep},
    {"olena.melnyk", "Олена Мельник", "Europe/Kyiv", "International", Role::sales_rep},
    {"max.weber", "Max Weber", "Europe/Berlin", "International", Role::sales_manager},
    {"sarah.taylor", "Sarah Taylor", "Europe/London", "International", Role::sales_rep},
    {"admin", "Administrator", "Europe/Riga", "", Role::administrator},
    {"analyst", "Data Analyst", "Europe/Riga", "Sales", Role::analyst},
};
constexpr std::size_t kSalesPeople = 6;

Team team_named(Database& db, const std::string& name, std::optional<TeamId> parent) {
  if (auto team = db.teams().find(name)) return *team;
  return db.teams().create(name, parent);
}

}  // namespace

const std::vector<std::string_view>& sample_owner_logins() {
  static const std::vector<std::string_view> logins = [] {
    std::vector<std::string_view> all;
    for (std::size_t i = 0; i < kSalesPeople; ++i) all.push_back(kUsers[i].login);
    return all;
  }();
  return logins;
}

int make_users(Database& db) {
  const Team sales = team_named(db, "Sales", std::nullopt);
  team_named(db, "Baltics", sales.id);
  team_named(db, "International", sales.id);
  int added = 0;
  for (const SampleUser& user : kUsers) {
    if (db.users().find(std::string(user.login))) continue;
    UserData data{.login = std::string(user.login), .name = std::string(user.name),
                  .email = std::string(user.login) + "@example.com", .time_zone = std::string(user.time_zone)};
    if (!user.team.empty()) data.team = db.teams().find(std::string(user.team))->id;
    data.roles = {user.role};
    db.users().create(data);
    ++added;
  }
  return added;
}

}  // namespace crm::detail::sample
