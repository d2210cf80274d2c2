// Records shared explicitly with a user or a team (Access::share_with_*):
// the rows of record_shares, which the acting user's views read
// (user/acting_user.cpp).
#include "crm/access.hpp"
#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "storage/errors.hpp"
#include "storage/record_table.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "user/acting_user.hpp"
#include "user/user_rows.hpp"

namespace crm {
namespace {

using namespace detail;

constexpr const char* kSelect =
    "SELECT s.kind, s.record_id, coalesce(u.login, ''), s.team_id, s.level, s.created_at FROM record_shares s "
    "LEFT JOIN users u ON u.id = s.user_id WHERE s.kind = ? AND s.record_id = ? ";

// Throws unless the session may share record `id` of `kind`: not_found when
// it does not see the record, permission_denied when it may not update it.
void require_sharable(Session& session, RecordKind kind, std::int64_t id) {
  const RecordTable& table = record_table_of(kind);
  require_live(session, table, id, "record");
  auto statement = session.prepare("SELECT 1 FROM main." + std::string(table.table) + " WHERE id = ? AND " +
                                   acting_reach(session, kind, Action::update, "owner"));
  statement->bind(1, id);
  if (!statement->executeStep())
    throw Error(ErrorCode::permission_denied,
                "share " + std::string(record_kind_name(kind)) + ": only who may update the record may share it (" +
                    std::string(scope_name(acting_scope(session, kind, Action::update))) + ")");
}

UserId require_active_user(Session& session, const std::string& login) {
  auto found = users_where(session, "login = ?", {}, login);
  if (found.empty()) throw Error(ErrorCode::not_found, "user: '" + login + "' is not a user", "user");
  if (!found.front().active) throw Error(ErrorCode::invalid_argument, "user: '" + login + "' is not active", "user");
  return found.front().id;
}

void require_team(Session& session, TeamId team) {
  auto statement = session.prepare("SELECT 1 FROM teams WHERE id = ?");
  statement->bind(1, team.value());
  if (!statement->executeStep())
    throw Error(ErrorCode::not_found, "team " + std::to_string(team.value()) + " does not exist", "team");
}

std::vector<Share> read_shares(Session& session, RecordKind kind, std::int64_t id, const std::string& condition,
                               std::optional<std::int64_t> value = std::nullopt) {
  auto statement = session.prepare(std::string(kSelect) + condition + " ORDER BY s.team_id IS NOT NULL, u.login, s.team_id");
  statement->bind(1, std::string(record_kind_name(kind)));
  statement->bind(2, id);
  if (value) statement->bind(3, *value);
  std::vector<Share> shares;
  while (statement->executeStep()) {
    Share share{kind, statement->getColumn(1).getInt64(), statement->getColumn(2).getString()};
    if (!statement->getColumn(3).isNull()) share.team = TeamId(statement->getColumn(3).getInt64());
    share.level = share_level_from_name(statement->getColumn(4).getString());
    share.created_at = parse_instant(statement->getColumn(5).getString());
    shares.push_back(std::move(share));
  }
  return shares;
}

// Inserts or re-levels the share of `column` ("user_id" or "team_id") = `who`.
Share write_share(Session& session, RecordKind kind, std::int64_t id, const char* column, std::int64_t who,
                  ShareLevel level) {
  auto statement = session.prepare(
      std::string("INSERT INTO record_shares (kind, record_id, ") + column +
      ", level, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, record_id, " + column + ") WHERE " + column +
      " IS NOT NULL DO UPDATE SET level = excluded.level, created_at = excluded.created_at");
  statement->bind(1, std::string(record_kind_name(kind)));
  statement->bind(2, id);
  statement->bind(3, who);
  statement->bind(4, std::string(share_level_name(level)));
  statement->bind(5, format_instant(session.now()));
  statement->exec();
  return read_shares(session, kind, id, std::string("AND s.") + column + " = ?", who).front();
}

bool erase_share(Session& session, RecordKind kind, std::int64_t id, const char* column, std::int64_t who) {
  auto statement = session.prepare(std::string("DELETE FROM record_shares WHERE kind = ? AND record_id = ? AND ") +
                                   column + " = ?");
  statement->bind(1, std::string(record_kind_name(kind)));
  statement->bind(2, id);
  statement->bind(3, who);
  statement->exec();
  return session.changes() > 0;
}

}  // namespace

Share Access::share_with_user(RecordKind kind, std::int64_t record_id, const std::string& login, ShareLevel level) {
  return guarded([&] {
    WriteScope scope(session_);
    require_sharable(session_, kind, record_id);
    const UserId user = require_active_user(session_, login);
    return scope.commit_returning([&] { return write_share(session_, kind, record_id, "user_id", user.value(), level); });
  });
}

Share Access::share_with_team(RecordKind kind, std::int64_t record_id, TeamId team, ShareLevel level) {
  return guarded([&] {
    WriteScope scope(session_);
    require_sharable(session_, kind, record_id);
    require_team(session_, team);
    return scope.commit_returning([&] { return write_share(session_, kind, record_id, "team_id", team.value(), level); });
  });
}

bool Access::unshare_with_user(RecordKind kind, std::int64_t record_id, const std::string& login) {
  return guarded([&] {
    WriteScope scope(session_);
    require_sharable(session_, kind, record_id);
    auto found = users_where(session_, "login = ?", {}, login);
    if (found.empty()) throw Error(ErrorCode::not_found, "user: '" + login + "' is not a user", "user");
    return scope.commit_returning([&] { return erase_share(session_, kind, record_id, "user_id", found.front().id.value()); });
  });
}

bool Access::unshare_with_team(RecordKind kind, std::int64_t record_id, TeamId team) {
  return guarded([&] {
    WriteScope scope(session_);
    require_sharable(session_, kind, record_id);
    return scope.commit_returning([&] { return erase_share(session_, kind, record_id, "team_id", team.value()); });
  });
}

std::vector<Share> Access::shares(RecordKind kind, std::int64_t record_id) const {
  return guarded_read(session_, [&] {
    require_live(session_, record_table_of(kind), record_id, "record");
    return read_shares(session_, kind, record_id, "");
  });
}

}  // namespace crm
