// The commands on the people who work in the CRM: users and teams.
#include <iostream>

#include "commands.hpp"
#include "table.hpp"

namespace crm::cli {
namespace {

// The team named by `name`; not_found when there is none.
Team team_named(Database& db, const std::string& name) {
  if (auto found = db.teams().find(name)) return std::move(*found);
  throw Error(ErrorCode::not_found, "there is no team called '" + name + "'", "team");
}

// The team of --NAME: nullopt when not given, none for "", else the team named.
std::optional<std::optional<TeamId>> team_option(Database& db, const Arguments& args, const std::string& name) {
  if (!args.options.contains(name)) return std::nullopt;
  const std::string value = option(args, name);
  if (value.empty()) return std::optional<TeamId>();
  return std::optional<TeamId>(team_named(db, value).id);
}

std::string team_name(Database& db, const std::optional<TeamId>& team) {
  return team ? db.teams().get(*team).name : "";
}

// Applies --name, --email, --time-zone, --team and --role to `data`.
void apply_options(Database& db, const Arguments& args, UserData& data) {
  if (args.options.contains("name")) data.name = option(args, "name");
  if (args.options.contains("email")) data.email = option(args, "email");
  if (args.options.contains("time-zone")) data.time_zone = option(args, "time-zone");
  if (auto team = team_option(db, args, "team")) data.team = *team;
  if (args.options.contains("role")) data.roles = roles_from_list(option(args, "role"));
}

int add_user(const Arguments& args) {
  check_options(args, {"name", "email", "time-zone", "team", "role"});
  Database db = open_database(args);
  UserData data{.login = positional(args, 2, "login")};
  apply_options(db, args, data);
  const User user = db.users().create(data);
  std::cout << "Added user " << user.id.value() << " \"" << user.login << "\" (" << user.name << ")"
            << (user.roles.empty() ? "" : ", " + roles_list(user.roles)) << ".\n";
  return 0;
}

int update_user(const Arguments& args) {
  check_options(args, {"name", "email", "time-zone", "team", "role"});
  Database db = open_database(args);
  User user = db.users().require(positional(args, 2, "login"));
  apply_options(db, args, user);
  user = db.users().update(user.id, user);
  std::cout << "Updated user \"" << user.login << "\".\n";
  return 0;
}

// Sets the active flag of the user named by the third positional argument.
int set_active(const Arguments& args, bool active) {
  check_options(args, {});
  Database db = open_database(args);
  User user = db.users().require(positional(args, 2, "login"));
  user.active = active;
  db.users().update(user.id, user);
  std::cout << (active ? "Activated" : "Deactivated") << " user \"" << user.login << "\"";
  if (!active) std::cout << "; the " << db.users().owned_records(user.login) << " records they own stay theirs";
  std::cout << ".\n";
  return 0;
}

int deactivate_user(const Arguments& args) { return set_active(args, false); }
int activate_user(const Arguments& args) { return set_active(args, true); }

int add_team(const Arguments& args) {
  check_options(args, {"parent"});
  Database db = open_database(args);
  const auto parent = team_option(db, args, "parent");
  const Team team = db.teams().create(positional(args, 2, "team name"), parent.value_or(std::nullopt));
  std::cout << "Added team " << team.id.value() << " \"" << team.name << "\""
            << (team.parent ? " under \"" + team_name(db, team.parent) + "\"" : "") << ".\n";
  return 0;
}

int rename_team(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const Team team = team_named(db, positional(args, 2, "team name"));
  const Team renamed = db.teams().rename(team.id, positional(args, 3, "new name"));
  std::cout << "Renamed team \"" << team.name << "\" to \"" << renamed.name << "\".\n";
  return 0;
}

int move_team(const Arguments& args) {
  check_options(args, {"parent"});
  Database db = open_database(args);
  const Team team = team_named(db, positional(args, 2, "team name"));
  const auto parent = team_option(db, args, "parent");
  if (!parent) throw Error(ErrorCode::invalid_argument, "team move: give --parent NAME (or --parent '' for the top)",
                           "parent");
  const Team moved = db.teams().move(team.id, *parent);
  std::cout << "Moved team \"" << moved.name << "\" "
            << (moved.parent ? "under \"" + team_name(db, moved.parent) + "\"" : "to the top") << ".\n";
  return 0;
}

int remove_team(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const Team team = team_named(db, positional(args, 2, "team name"));
  db.teams().remove(team.id);
  std::cout << "Removed team \"" << team.name << "\".\n";
  return 0;
}

// The record (KIND RECORD as positional arguments 1 and 2) and who a share
// is with: --with-user LOGIN or --with-team NAME.
struct ShareArguments {
  RecordKind kind;
  std::int64_t record;
  std::string user;
  std::optional<TeamId> team;

  ShareArguments(Database& db, const Arguments& args)
      : kind(record_kind_argument(args, 1)), record(record_argument(db, kind, args, 2, "record")) {
    user = option(args, "with-user");
    const std::string team_text = option(args, "with-team");
    if (user.empty() == team_text.empty())
      throw Error(ErrorCode::invalid_argument, args.command + ": give --with-user LOGIN or --with-team NAME", "with");
    if (!team_text.empty()) team = team_named(db, team_text).id;
  }

  std::string whom(Database& db) const {
    return team ? "team \"" + team_name(db, team) + "\" (and the teams below it)" : "\"" + user + "\"";
  }
};

}  // namespace

int run_share(const Arguments& args) {
  check_options(args, {"with-user", "with-team", "level"});
  Database db = open_database(args);
  const ShareArguments share(db, args);
  const std::string level_text = option(args, "level");
  const ShareLevel level = level_text.empty() ? ShareLevel::read : share_level_from_name(level_text);
  if (share.team) db.access().share_with_team(share.kind, share.record, *share.team, level);
  else db.access().share_with_user(share.kind, share.record, share.user, level);
  std::cout << "Shared " << record_kind_name(share.kind) << " " << share.record << " with " << share.whom(db) << " ("
            << share_level_name(level) << ").\n";
  return 0;
}

int run_unshare(const Arguments& args) {
  check_options(args, {"with-user", "with-team"});
  Database db = open_database(args);
  const ShareArguments share(db, args);
  const bool removed = share.team ? db.access().unshare_with_team(share.kind, share.record, *share.team)
                                  : db.access().unshare_with_user(share.kind, share.record, share.user);
  std::cout << (removed ? "No longer shared " : "Was not shared ") << record_kind_name(share.kind) << " "
            << share.record << " with " << share.whom(db) << ".\n";
  return removed ? 0 : 1;
}

int run_shares(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const RecordKind kind = record_kind_argument(args, 1);
  const std::int64_t record = record_argument(db, kind, args, 2, "record");
  Table table({"with", "level", "since"});
  for (const Share& share : db.access().shares(kind, record))
    table.add({share.team ? "team " + team_name(db, share.team) : share.user, std::string(share_level_name(share.level)),
               format_instant(share.created_at)});
  table.print(std::cout);
  return 0;
}

namespace {

void print_users(Database& db, const std::vector<User>& users) {
  Table table({"id", "login", "name", "email", "time zone", "team", "roles", "active", "owns"});
  for (std::size_t column : {0, 8}) table.align_right(column);
  for (const User& u : users)
    table.add({std::to_string(u.id.value()), u.login, u.name, u.email, u.time_zone, team_name(db, u.team),
               roles_list(u.roles), u.active ? "yes" : "no", std::to_string(db.users().owned_records(u.login))});
  table.print(std::cout);
}

int team_members(const Arguments& args) {
  check_options(args, {"direct"});
  Database db = open_database(args);
  const Team team = team_named(db, positional(args, 2, "team name"));
  print_users(db, db.teams().members(team.id, !yes_no_option(args, "direct").value_or(false)));
  return 0;
}

constexpr Command kUserActions[] = {{"add", add_user},
                                    {"update", update_user},
                                    {"deactivate", deactivate_user},
                                    {"activate", activate_user}};
constexpr Command kTeamActions[] = {
    {"add", add_team}, {"rename", rename_team}, {"move", move_team}, {"remove", remove_team}, {"members", team_members}};

}  // namespace

int run_users(const Arguments& args) {
  check_options(args, {"active"});
  Database db = open_database(args);
  print_users(db, db.users().list(yes_no_option(args, "active").value_or(false)));
  return 0;
}

int run_user(const Arguments& args) { return run_action(args, kUserActions); }

int run_teams(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  Table table({"id", "team", "part of", "members", "with teams below"});
  for (std::size_t column : {0, 3, 4}) table.align_right(column);
  for (const Team& t : db.teams().list())
    table.add({std::to_string(t.id.value()), t.name, team_name(db, t.parent),
               std::to_string(db.teams().members(t.id, false).size()), std::to_string(db.teams().members(t.id).size())});
  table.print(std::cout);
  return 0;
}

int run_team(const Arguments& args) { return run_action(args, kTeamActions); }

}  // namespace crm::cli
