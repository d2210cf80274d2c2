#include "user/acting_user.hpp"

#include <sqlite3.h>

#include "crm/error.hpp"
#include "listing/record_list.hpp"
#include "storage/errors.hpp"
#include "storage/record_table.hpp"
#include "storage/session.hpp"
#include "storage/settings.hpp"
#include "user/user_rows.hpp"

namespace crm::detail {
namespace {

// The tables of the shared setup: only an administrator (or the system
// session) writes them. Records' own tables and what hangs off them are
// checked per record kind; lead sources, lost reasons and campaigns are made
// on demand by record writes and imports, so they are not here.
constexpr std::string_view kSetupTables[] = {"users",    "user_roles",     "teams",    "custom_fields", "pipelines",
                                             "stages",   "products",       "exchange_rates", "settings", "holidays",
                                             "weekends", "legal_holds"};

constexpr std::string_view kUnassignedKey = "unassigned_visibility";

// The connection's acting user (none: the system session).
struct ActingUser : SessionState {
  std::string login;
  std::vector<Role> roles;
  UnassignedVisibility unassigned = UnassignedVisibility::everyone;
};

// `text` as an SQL string literal.
std::string literal(std::string_view text) {
  char* quoted = sqlite3_mprintf("%Q", std::string(text).c_str());
  if (!quoted) throw std::bad_alloc();
  std::string result(quoted);
  sqlite3_free(quoted);
  return result;
}

// Temporary objects this module makes are named crm_acl_<...>.
std::string object_name(std::string_view what, std::string_view table) {
  return "crm_acl_" + std::string(table) + "_" + std::string(what);
}

std::string denial(Action action, RecordKind kind, Scope scope) {
  return std::string(action_name(action)) + " " + std::string(record_kind_name(kind)) +
         ": not within your scope (" + std::string(scope_name(scope)) + ")";
}

// A trigger raising permission_denied with `message` when `condition` holds
// for a row written by the acting user.
std::string refusing_trigger(std::string_view name, std::string_view event, std::string_view table,
                             const std::string& condition, const std::string& message) {
  return "CREATE TEMP TRIGGER " + std::string(name) + " BEFORE " + std::string(event) + " ON main." +
         std::string(table) + " WHEN crm_access_checked() AND (" + condition + ") BEGIN SELECT RAISE(ABORT, " +
         literal(std::string(kPermissionDeniedTag) + message) + "); END";
}

// Drops the views and triggers an earlier act_as() made.
void drop_acting_objects(Session& session) {
  for (RecordKind kind : all_record_kinds())
    session.db().exec("DROP VIEW IF EXISTS temp." + std::string(record_table_of(kind).table));
  std::vector<std::string> triggers;
  {
    auto statement =
        session.prepare("SELECT name FROM temp.sqlite_schema WHERE type = 'trigger' AND name LIKE 'crm\\_acl\\_%' ESCAPE '\\'");
    while (statement->executeStep()) triggers.push_back(statement->getColumn(0).getString());
  }
  for (const std::string& name : triggers) session.db().exec("DROP TRIGGER temp." + name);
}

// The condition "`id_column` is a record of `kind` shared with `login`" (at
// level edit only when `edit_only`): with them, or with their team or a team
// above it.
std::string shared_condition(RecordKind kind, std::string_view login, std::string_view id_column, bool edit_only) {
  const std::string me = literal(login);
  return std::string(id_column) + " IN (SELECT record_id FROM main.record_shares WHERE kind = '" +
         std::string(record_kind_name(kind)) + "'" + (edit_only ? " AND level = 'edit'" : "") +
         " AND (user_id = (SELECT id FROM main.users WHERE login = " + me +
         ") OR team_id IN (WITH RECURSIVE up(id) AS (SELECT team_id FROM main.users WHERE login = " + me +
         " UNION SELECT t.parent_id FROM main.teams t JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL) "
         "SELECT id FROM up)))";
}

// The views and triggers of one record kind for `user`.
void install_kind(Session& session, const ActingUser& user, RecordKind kind) {
  const std::string_view table = record_table_of(kind).table;
  const bool everyone = user.unassigned == UnassignedVisibility::everyone;
  auto scope = [&](Action action) { return granted_scope(user.roles, kind, action); };
  auto reach = [&](Action action, std::string_view owner) {
    return scope_condition(scope(action), user.login, owner, everyone);
  };
  SQLite::Database& db = session.db();
  if (scope(Action::read) != Scope::all)
    db.exec("CREATE TEMP VIEW " + std::string(table) + " AS SELECT * FROM main." + std::string(table) + " WHERE " +
            reach(Action::read, "owner") + " OR " + shared_condition(kind, user.login, "id", false));
  if (scope(Action::create) != Scope::all)
    db.exec(refusing_trigger(object_name("create", table), "INSERT", table, "NOT (" + reach(Action::create, "NEW.owner") + ")",
                             denial(Action::create, kind, scope(Action::create))));
  if (scope(Action::update) != Scope::all)
    db.exec(refusing_trigger(object_name("update", table), "UPDATE", table,
                             "NEW.deleted_at IS OLD.deleted_at AND NOT (" + reach(Action::update, "OLD.owner") +
                                 " OR " + shared_condition(kind, user.login, "OLD.id", true) + ")",
                             denial(Action::update, kind, scope(Action::update))));
  if (scope(Action::assign) != Scope::all)
    db.exec(refusing_trigger(object_name("assign", table), "UPDATE OF owner", table,
                             "NEW.owner IS NOT OLD.owner AND NOT (" + reach(Action::assign, "OLD.owner") + " AND " +
                                 reach(Action::assign, "NEW.owner") + ")",
                             denial(Action::assign, kind, scope(Action::assign))));
  if (scope(Action::delete_) != Scope::all) {
    const std::string outside = "NOT (" + reach(Action::delete_, "OLD.owner") + ")";
    const std::string message = denial(Action::delete_, kind, scope(Action::delete_));
    db.exec(refusing_trigger(object_name("delete", table), "UPDATE OF deleted_at", table,
                             "NEW.deleted_at IS NOT OLD.deleted_at AND " + outside, message));
    db.exec(refusing_trigger(object_name("purge", table), "DELETE", table, outside, message));
  }
}

void install_setup_guards(Session& session) {
  for (std::string_view table : kSetupTables)
    for (std::string_view event : {"INSERT", "UPDATE", "DELETE"})
      session.db().exec(refusing_trigger(object_name(event, table), event, table, "1",
                                         "changing " + std::string(table) + " needs the administrator role"));
}

bool is_administrator(const ActingUser& user) {
  for (Role role : user.roles)
    if (role == Role::administrator) return true;
  return false;
}

}  // namespace

std::string scope_condition(Scope scope, std::string_view login, std::string_view owner_column,
                            bool with_unassigned) {
  const std::string owner(owner_column);
  const std::string me = literal(login);
  std::string reached;
  switch (scope) {
    case Scope::none: return "0";
    case Scope::all: return "1";
    case Scope::own: reached = owner + " = " + me; break;
    case Scope::team:
      reached = owner + " = " + me + " OR " + owner +
                " IN (SELECT login FROM main.users WHERE team_id = (SELECT team_id FROM main.users WHERE login = " + me +
                "))";
      break;
    case Scope::team_and_below:
      reached = owner + " = " + me + " OR " + owner +
                " IN (SELECT login FROM main.users WHERE team_id IN (WITH RECURSIVE below(id) AS (SELECT team_id FROM "
                "main.users WHERE login = " +
                me + " UNION SELECT t.id FROM main.teams t JOIN below ON t.parent_id = below.id) SELECT id FROM below))";
      break;
  }
  if (with_unassigned) reached += " OR " + owner + " IS NULL";
  return "(" + reached + ")";
}

UnassignedVisibility stored_unassigned_visibility(Session& session) {
  const auto stored = read_setting(session, kUnassignedKey);
  return stored ? unassigned_visibility_from_name(*stored) : UnassignedVisibility::everyone;
}

void act_as(Session& session, std::string_view login) {
  if (session.in_transaction())
    throw Error(ErrorCode::invalid_argument, "user: cannot change the acting user inside a transaction", "user");
  ActingUser next;
  if (!login.empty()) {
    auto found = users_where(session, "login = ?", {}, std::string(login));
    if (found.empty())
      throw Error(ErrorCode::not_found, "user: '" + std::string(login) + "' is not a user", "user");
    if (!found.front().active)
      throw Error(ErrorCode::invalid_argument, "user: '" + std::string(login) + "' is not active", "user");
    next.login = found.front().login;
    next.roles = found.front().roles;
    next.unassigned = stored_unassigned_visibility(session);
  }
  session.db().exec("SAVEPOINT crm_act_as");
  try {
    drop_acting_objects(session);
    auto& state = session.state<ActingUser>();
    state = next;
    if (!state.login.empty()) {
      for (RecordKind kind : all_record_kinds()) install_kind(session, state, kind);
      if (!is_administrator(state)) install_setup_guards(session);
    }
    session.db().exec("RELEASE crm_act_as");
  } catch (...) {
    session.db().exec("ROLLBACK TO crm_act_as");
    session.db().exec("RELEASE crm_act_as");
    session.state<ActingUser>() = ActingUser{};
    session.forget_statements();
    throw;
  }
  session.set_user(next.login.empty() ? session.options().user : next.login);
  session.forget_statements();
}

std::string acting_reach(Session& session, RecordKind kind, Action action, std::string_view owner_column) {
  const auto& user = session.state<ActingUser>();
  if (user.login.empty()) return "1";
  return scope_condition(granted_scope(user.roles, kind, action), user.login, owner_column,
                         user.unassigned == UnassignedVisibility::everyone);
}

const std::string& acting_login(Session& session) { return session.state<ActingUser>().login; }

Scope acting_scope(Session& session, RecordKind kind, Action action) {
  const auto& user = session.state<ActingUser>();
  if (user.login.empty()) return Scope::all;
  return granted_scope(user.roles, kind, action);
}

void require_action(Session& session, RecordKind kind, Action action) {
  const Scope scope = acting_scope(session, kind, action);
  if (scope == Scope::none) throw Error(ErrorCode::permission_denied, denial(action, kind, scope));
}

std::string readable_record_condition(Session& session, std::string_view kind_column, std::string_view id_column,
                                      bool purged_for_scope_all) {
  if (acting_login(session).empty()) return {};
  std::string condition = " AND (";
  bool first = true;
  for (RecordKind kind : all_record_kinds()) {
    condition += first ? "" : " OR ";
    first = false;
    condition += "(" + std::string(kind_column) + " = '" + std::string(record_kind_name(kind)) + "'";
    if (!purged_for_scope_all || acting_scope(session, kind, Action::read) != Scope::all)
      condition += " AND " + std::string(id_column) + " IN (SELECT id FROM " + std::string(record_table_of(kind).table) + ")";
    condition += ")";
  }
  return condition + ")";
}

}  // namespace crm::detail

namespace crm {

Scope Access::scope(std::string_view login, RecordKind kind, Action action) const {
  return detail::guarded_read(session_, [&] {
    auto found = detail::users_where(session_, "login = ?", {}, std::string(login));
    if (found.empty()) throw Error(ErrorCode::not_found, "user: '" + std::string(login) + "' is not a user", "user");
    return found.front().active ? granted_scope(found.front().roles, kind, action) : Scope::none;
  });
}

UnassignedVisibility Access::unassigned_visibility() const {
  return detail::guarded_read(session_, [&] { return detail::stored_unassigned_visibility(session_); });
}

void Access::set_unassigned_visibility(UnassignedVisibility visibility) {
  detail::guarded([&] {
    detail::WriteScope scope(session_);
    detail::write_setting(session_, detail::kUnassignedKey, unassigned_visibility_name(visibility));
    scope.commit();
  });
}

}  // namespace crm
