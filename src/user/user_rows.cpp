#include "user/user_rows.hpp"

#include "crm/error.hpp"
#include "storage/session.hpp"

namespace crm::detail {
namespace {

std::vector<Role> roles_of(Session& session, UserId id) {
  auto statement = session.prepare("SELECT role FROM user_roles WHERE user_id = ?");
  statement->bind(1, id.value());
  std::vector<Role> roles;
  while (statement->executeStep()) roles.push_back(role_from_name(statement->getColumn(0).getString()));
  std::sort(roles.begin(), roles.end());
  return roles;
}

}  // namespace

std::vector<User> users_where(Session& session, const std::string& where, const std::vector<std::int64_t>& values,
                              const std::optional<std::string>& text_value) {
  auto statement = session.prepare(
      "SELECT id, login, name, coalesce(email, ''), coalesce(time_zone, ''), team_id, active, created_at, "
      "updated_at FROM users WHERE " +
      where + " ORDER BY login");
  int parameter = 1;
  for (std::int64_t value : values) statement->bind(parameter++, value);
  if (text_value) statement->bind(parameter, *text_value);
  std::vector<User> users;
  while (statement->executeStep()) {
    User user;
    user.id = UserId(statement->getColumn(0).getInt64());
    user.login = statement->getColumn(1).getString();
    user.name = statement->getColumn(2).getString();
    user.email = statement->getColumn(3).getString();
    user.time_zone = statement->getColumn(4).getString();
    if (!statement->getColumn(5).isNull()) user.team = TeamId(statement->getColumn(5).getInt64());
    user.active = statement->getColumn(6).getInt() != 0;
    user.created_at = parse_instant(statement->getColumn(7).getString());
    user.updated_at = parse_instant(statement->getColumn(8).getString());
    users.push_back(std::move(user));
  }
  for (User& user : users) user.roles = roles_of(session, user.id);
  return users;
}

bool is_login_taken(Session& session, const std::string& login) {
  auto statement = session.prepare("SELECT 1 FROM users WHERE login = ?");
  statement->bind(1, login);
  return statement->executeStep();
}

User require_user(Session& session, UserId id) {
  auto users = users_where(session, "id = ?", {id.value()});
  if (users.empty())
    throw Error(ErrorCode::not_found, "user " + std::to_string(id.value()) + " does not exist", "user");
  return std::move(users.front());
}

}  // namespace crm::detail
