#include <string>

#include "common/fields.hpp"
#include "crm/error.hpp"
#include "crm/user.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"
#include "user/user_rows.hpp"

namespace crm {
namespace {

using namespace detail;

constexpr const char* kField = "team.name";
constexpr const char* kColumns = "SELECT id, name, parent_id, created_at FROM teams ";
// The team `?1` and every team below it.
constexpr const char* kSubtree =
    "WITH RECURSIVE subtree(id) AS (SELECT ?1 UNION SELECT teams.id FROM teams JOIN subtree ON teams.parent_id = "
    "subtree.id) ";

std::vector<Team> teams_of(SQLite::Statement& statement) {
  std::vector<Team> teams;
  while (statement.executeStep()) {
    Team team{TeamId(statement.getColumn(0).getInt64()), statement.getColumn(1).getString(), std::nullopt,
              parse_instant(statement.getColumn(3).getString())};
    if (!statement.getColumn(2).isNull()) team.parent = TeamId(statement.getColumn(2).getInt64());
    teams.push_back(std::move(team));
  }
  return teams;
}

Team require_team(Session& session, TeamId id, const char* field = "team") {
  auto statement = session.prepare(std::string(kColumns) + "WHERE id = ?");
  statement->bind(1, id.value());
  auto teams = teams_of(*statement);
  if (teams.empty())
    throw Error(ErrorCode::not_found, std::string(field) + ": team " + std::to_string(id.value()) + " does not exist",
                field);
  return teams.front();
}

// Throws already_exists when a team other than `self` is called `name`.
void refuse_taken(Session& session, const std::string& name, TeamId self) {
  auto statement = session.prepare(std::string(kColumns) + "WHERE name_key = ?");
  statement->bind(1, match_key(name));
  const auto teams = teams_of(*statement);
  if (!teams.empty() && teams.front().id != self)
    throw Error(ErrorCode::already_exists,
                std::string(kField) + ": " + quote(name) + " is already a team (" + quote(teams.front().name) + ")",
                kField);
}

std::int64_t count(Session& session, const std::string& sql, std::int64_t value) {
  auto statement = session.prepare(sql);
  statement->bind(1, value);
  statement->executeStep();
  return statement->getColumn(0).getInt64();
}

}  // namespace

Team Teams::create(const std::string& name, std::optional<TeamId> parent) {
  return guarded([&] {
    const std::string clean = require_line(name, kField);
    WriteScope scope(session_);
    refuse_taken(session_, clean, TeamId());
    if (parent) require_team(session_, *parent, "team.parent");
    auto insert = session_.prepare("INSERT INTO teams (name, name_key, parent_id, created_at) VALUES (?, ?, ?, ?)");
    insert->bind(1, clean);
    insert->bind(2, match_key(clean));
    if (parent) insert->bind(3, parent->value());
    insert->bind(4, format_instant(session_.now()));
    insert->exec();
    const TeamId id(session_.last_insert_id());
    return scope.commit_returning([&] { return require_team(session_, id); });
  });
}

Team Teams::get(TeamId id) const {
  return guarded_read(session_, [&] { return require_team(session_, id); });
}

std::optional<Team> Teams::find(const std::string& name) const {
  return guarded_read(session_, [&]() -> std::optional<Team> {
    const std::string clean = clean_line(name, kField);
    if (clean.empty()) return std::nullopt;
    auto statement = session_.prepare(std::string(kColumns) + "WHERE name_key = ?");
    statement->bind(1, match_key(clean));
    auto teams = teams_of(*statement);
    if (teams.empty()) return std::nullopt;
    return teams.front();
  });
}

std::vector<Team> Teams::list() const {
  return guarded_read(session_, [&] {
    auto statement = session_.prepare(std::string(kColumns) + "ORDER BY name_key, id");
    return teams_of(*statement);
  });
}

Team Teams::rename(TeamId id, const std::string& name) {
  return guarded([&] {
    const std::string clean = require_line(name, kField);
    WriteScope scope(session_);
    require_team(session_, id);
    refuse_taken(session_, clean, id);
    auto update = session_.prepare("UPDATE teams SET name = ?, name_key = ? WHERE id = ?");
    update->bind(1, clean);
    update->bind(2, match_key(clean));
    update->bind(3, id.value());
    update->exec();
    return scope.commit_returning([&] { return require_team(session_, id); });
  });
}

Team Teams::move(TeamId id, std::optional<TeamId> parent) {
  return guarded([&] {
    WriteScope scope(session_);
    const Team team = require_team(session_, id);
    if (parent) {
      require_team(session_, *parent, "team.parent");
      auto below = session_.prepare(std::string(kSubtree) + "SELECT 1 FROM subtree WHERE id = ?2");
      below->bind(1, id.value());
      below->bind(2, parent->value());
      if (below->executeStep())
        throw Error(ErrorCode::invalid_argument,
                    "team.parent: " + quote(team.name) + " cannot move under itself or a team below it", "team.parent");
    }
    auto update = session_.prepare("UPDATE teams SET parent_id = ? WHERE id = ?");
    if (parent) update->bind(1, parent->value());
    update->bind(2, id.value());
    update->exec();
    return scope.commit_returning([&] { return require_team(session_, id); });
  });
}

void Teams::remove(TeamId id) {
  guarded([&] {
    WriteScope scope(session_);
    const Team team = require_team(session_, id);
    const std::int64_t members = count(session_, "SELECT count(*) FROM users WHERE team_id = ?", id.value());
    const std::int64_t children = count(session_, "SELECT count(*) FROM teams WHERE parent_id = ?", id.value());
    if (members > 0 || children > 0)
      throw Error(ErrorCode::conflict,
                  "team: " + quote(team.name) + " still has " + std::to_string(members) + " member(s) and " +
                      std::to_string(children) + " team(s) below it",
                  "team");
    auto remove = session_.prepare("DELETE FROM teams WHERE id = ?");
    remove->bind(1, id.value());
    remove->exec();
    scope.commit();
  });
}

std::vector<Team> Teams::below(TeamId id) const {
  return guarded_read(session_, [&] {
    require_team(session_, id);
    auto statement = session_.prepare(std::string(kSubtree) + kColumns +
                                      "WHERE id IN (SELECT id FROM subtree) AND id <> ?1 ORDER BY name_key, id");
    statement->bind(1, id.value());
    return teams_of(*statement);
  });
}

std::vector<User> Teams::members(TeamId id, bool with_teams_below) const {
  return guarded_read(session_, [&] {
    require_team(session_, id);
    if (!with_teams_below) return users_where(session_, "team_id = ?", {id.value()});
    return users_where(session_,
                       "team_id IN (WITH RECURSIVE subtree(id) AS (SELECT ? UNION SELECT teams.id FROM teams JOIN "
                       "subtree ON teams.parent_id = subtree.id) SELECT id FROM subtree)",
                       {id.value()});
  });
}

}  // namespace crm
