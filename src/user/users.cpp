#include <algorithm>
#include <string>

#include "common/fields.hpp"
#include "common/time_zone.hpp"
#include "crm/error.hpp"
#include "crm/user.hpp"
#include "listing/record_list.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/nearest_name.hpp"
#include "user/user_rows.hpp"

namespace crm {
namespace {

using namespace detail;

// `data` as stored: each field cleaned, refused with the field's name when
// it cannot be kept; the team checked.
UserData clean_user(Session& session, const UserData& data) {
  UserData clean;
  clean.login = require_line(data.login, "user.login");
  clean.name = clean_line(data.name, "user.name");
  if (clean.name.empty()) clean.name = clean.login;
  clean.email = clean_email(data.email, "user.email");
  clean.time_zone = clean_line(data.time_zone, "user.time_zone");
  if (!clean.time_zone.empty()) {
    try {
      TimeZone::named(clean.time_zone);
    } catch (const Error& e) {
      throw Error(ErrorCode::invalid_argument, "user.time_zone: " + std::string(e.what()), "user.time_zone");
    }
  }
  if (data.team) {
    auto team = session.prepare("SELECT 1 FROM teams WHERE id = ?");
    team->bind(1, data.team->value());
    if (!team->executeStep())
      throw Error(ErrorCode::not_found, "user.team: team " + std::to_string(data.team->value()) + " does not exist",
                  "user.team");
    clean.team = data.team;
  }
  clean.roles = data.roles;
  std::sort(clean.roles.begin(), clean.roles.end());
  clean.roles.erase(std::unique(clean.roles.begin(), clean.roles.end()), clean.roles.end());
  clean.active = data.active;
  return clean;
}

void write_roles(Session& session, UserId id, const std::vector<Role>& roles) {
  auto remove = session.prepare("DELETE FROM user_roles WHERE user_id = ?");
  remove->bind(1, id.value());
  remove->exec();
  auto insert = session.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, ?)");
  for (Role role : roles) {
    insert->reset();
    insert->bind(1, id.value());
    insert->bind(2, std::string(role_name(role)));
    insert->exec();
  }
}

// Binds name, email, time zone, team, active and the update time from
// parameter 1 on (the order of both statements that write them).
void bind_user_fields(Session& session, SQLite::Statement& statement, const UserData& data) {
  statement.bind(1, data.name);
  bind_text_or_null(statement, 2, data.email);
  bind_text_or_null(statement, 3, data.time_zone);
  if (data.team) statement.bind(4, data.team->value());
  else statement.bind(4);
  statement.bind(5, data.active ? 1 : 0);
  statement.bind(6, format_instant(session.now()));
}

std::vector<std::string> all_logins(Session& session) {
  std::vector<std::string> logins;
  auto statement = session.prepare("SELECT login FROM users");
  while (statement->executeStep()) logins.push_back(statement->getColumn(0).getString());
  return logins;
}

}  // namespace

User Users::create(const UserData& data) {
  return guarded([&] {
    WriteScope scope(session_);
    const UserData clean = clean_user(session_, data);
    if (!users_where(session_, "login = ?", {}, clean.login).empty())
      throw Error(ErrorCode::already_exists, "user.login: " + quote(clean.login) + " is already a user", "user.login");
    auto insert = session_.prepare(
        "INSERT INTO users (name, email, time_zone, team_id, active, updated_at, login, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?6)");
    bind_user_fields(session_, *insert, clean);
    insert->bind(7, clean.login);
    insert->exec();
    const UserId id(session_.last_insert_id());
    write_roles(session_, id, clean.roles);
    return scope.commit_returning([&] { return require_user(session_, id); });
  });
}

User Users::get(UserId id) const {
  return guarded_read(session_, [&] { return require_user(session_, id); });
}

std::optional<User> Users::find(const std::string& login) const {
  return guarded_read(session_, [&]() -> std::optional<User> {
    auto users = users_where(session_, "login = ?", {}, clean_line(login, "user.login"));
    if (users.empty()) return std::nullopt;
    return std::move(users.front());
  });
}

User Users::require(const std::string& login) const {
  return guarded_read(session_, [&] {
    const std::string clean = clean_line(login, "user.login");
    auto users = users_where(session_, "login = ?", {}, clean);
    if (!users.empty()) return std::move(users.front());
    std::string message = "user: no user has the login " + quote(clean);
    if (auto nearest = nearest_name(clean, all_logins(session_))) message += " (did you mean " + quote(*nearest) + "?)";
    throw Error(ErrorCode::not_found, message, "user");
  });
}

std::vector<User> Users::list(bool active_only) const {
  return guarded_read(session_, [&] { return users_where(session_, active_only ? "active = 1" : "1", {}); });
}

User Users::update(UserId id, const UserData& data) {
  return guarded([&] {
    WriteScope scope(session_);
    const User stored = require_user(session_, id);
    UserData wanted = data;
    if (wanted.login.empty()) wanted.login = stored.login;
    const UserData clean = clean_user(session_, wanted);
    if (clean.login != stored.login)
      throw Error(ErrorCode::invalid_argument,
                  "user.login: a login cannot change (records name their owner by it); " + quote(stored.login) +
                      " stays " + quote(stored.login),
                  "user.login");
    auto update = session_.prepare(
        "UPDATE users SET name = ?, email = ?, time_zone = ?, team_id = ?, active = ?, updated_at = ? WHERE id = ?");
    bind_user_fields(session_, *update, clean);
    update->bind(7, id.value());
    update->exec();
    write_roles(session_, id, clean.roles);
    return scope.commit_returning([&] { return require_user(session_, id); });
  });
}

std::int64_t Users::owned_records(const std::string& login) const {
  return guarded_read(session_, [&] {
    // The live records of every kind, and the campaigns (which have no recycle bin).
    static const std::string sql = [] {
      std::string sum = "SELECT (SELECT count(*) FROM campaigns WHERE owner = ?1)";
      for (RecordKind kind : all_record_kinds())
        sum += " + (SELECT count(*) FROM " + std::string(record_table_of(kind).table) +
               " WHERE owner = ?1 AND deleted_at IS NULL)";
      return sum;
    }();
    auto statement = session_.prepare(sql);
    statement->bind(1, clean_line(login, "user.login"));
    statement->executeStep();
    return statement->getColumn(0).getInt64();
  });
}

}  // namespace crm
