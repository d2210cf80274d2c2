// crmcore: the people who work in the CRM — users, the teams they belong to,
// and the roles granted to them. Every record's `owner` is a user's login:
// a record can only be given to an active user.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/ids.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}  // namespace detail

/// A team. Teams form a tree: a team's members with those of the teams
/// below it make up what a manager of that team oversees.
struct Team {
  TeamId id{};                    ///< Row id.
  std::string name{};             ///< Unique ignoring case and diacritics.
  std::optional<TeamId> parent{}; ///< The team it is part of; none for a top team.
  Instant created_at{};           ///< When it was made.
};

/// The built-in roles, by the names every surface uses.
enum class Role {
  administrator,  ///< "administrator": everything, every record.
  sales_manager,  ///< "sales_manager": the records of their team and the teams below it.
  sales_rep,      ///< "sales_rep": their own records.
  analyst,        ///< "analyst": reads every record, writes none.
};

/// The name of `role` ("sales_manager").
std::string_view role_name(Role role) noexcept;
/// The role called `name`; invalid_argument naming the built-in roles otherwise.
Role role_from_name(std::string_view name);
/// Every built-in role, in declaration order.
const std::vector<Role>& all_roles();
/// The roles named in `names`, separated by commas ("sales_rep, analyst");
/// blanks around names and empty items are skipped; invalid_argument for
/// an unknown name.
std::vector<Role> roles_from_list(std::string_view names);
/// `roles` as their names joined by commas ("sales_manager,sales_rep").
std::string roles_list(const std::vector<Role>& roles);

/// What a caller sets on a user.
struct UserData {
  /// Required: one line, no surrounding spaces; unique, compared exactly (as
  /// records name it in `owner`). Fixed once the user is created.
  std::string login{};
  std::string name{};       ///< Display name; the login when empty.
  std::string email{};      ///< Work email; may be empty; checked like a contact's.
  std::string time_zone{};  ///< IANA zone ("Europe/Riga"); may be empty (UTC).
  std::optional<TeamId> team{};  ///< The team the user belongs to, if any.
  std::vector<Role> roles{};     ///< Granted roles; duplicates are kept once.
  bool active = true;            ///< Only an active user can be given records.

  /// Equal when every field is.
  friend bool operator==(const UserData&, const UserData&) = default;
};

/// A stored user.
struct User : UserData {
  UserId id{};            ///< Row id.
  Instant created_at{};   ///< When it was made.
  Instant updated_at{};   ///< Its last change.
};

/// The users of a Database (db.users()). Users are deactivated, never
/// deleted: the records they owned keep naming them.
class Users {
 public:
  /// Adds a user. already_exists when the login is taken; invalid_argument
  /// for an empty or multi-line login, a malformed email or an unknown time
  /// zone; not_found for an unknown team.
  User create(const UserData& data);
  /// The user with `id`; not_found otherwise.
  User get(UserId id) const;
  /// The user whose login is exactly `login`, if any.
  std::optional<User> find(const std::string& login) const;
  /// The user whose login is `login`; not_found naming the nearest logins otherwise.
  User require(const std::string& login) const;
  /// Every user (inactive ones too unless `active_only`), by login.
  std::vector<User> list(bool active_only = false) const;
  /// Replaces a user's name, email, time zone, team, roles and active flag.
  /// The login cannot change (invalid_argument when `data.login` differs).
  /// Deactivating keeps the user's records theirs; they can no longer be
  /// given new ones.
  User update(UserId id, const UserData& data);
  /// How many live records (accounts, contacts, leads, deals, activities,
  /// campaigns) `login` owns.
  std::int64_t owned_records(const std::string& login) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Users(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

/// The teams of a Database (db.teams()).
class Teams {
 public:
  /// Adds a team under `parent` (none: a top team). already_exists when the
  /// name is taken; not_found for an unknown parent.
  Team create(const std::string& name, std::optional<TeamId> parent = std::nullopt);
  /// The team with `id`; not_found otherwise.
  Team get(TeamId id) const;
  /// The team called `name` (ignoring case and diacritics), if any.
  std::optional<Team> find(const std::string& name) const;
  /// Every team, by name.
  std::vector<Team> list() const;
  /// Renames a team; already_exists when another team has the name.
  Team rename(TeamId id, const std::string& name);
  /// Moves a team under `parent` (none: to the top). invalid_argument when
  /// `parent` is the team itself or below it.
  Team move(TeamId id, std::optional<TeamId> parent);
  /// Removes a team with no members and no teams below it; conflict otherwise.
  void remove(TeamId id);
  /// The teams below `id` at any depth (not `id` itself), by name.
  std::vector<Team> below(TeamId id) const;
  /// The users of the team and, when `with_teams_below`, of every team below
  /// it; inactive users too; by login.
  std::vector<User> members(TeamId id, bool with_teams_below = true) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Teams(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
