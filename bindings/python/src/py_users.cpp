// The people who work in the CRM: users (db.users) and the teams they belong
// to (db.teams). Every record's owner is a user's login.
#include "crm/crm.hpp"
#include "py_enums.hpp"
#include "py_stores.hpp"

namespace py = pybind11;

namespace crm::python {
namespace {

struct PyUsers {
  SharedDatabase db;
};

struct PyTeams {
  SharedDatabase db;
};

struct PyAccess {
  SharedDatabase db;
};

std::vector<std::string> role_names(const std::vector<Role>& roles) {
  std::vector<std::string> names;
  for (Role role : roles) names.emplace_back(role_name(role));
  return names;
}

std::vector<Role> roles_named(const std::vector<std::string>& names) {
  std::vector<Role> roles;
  for (const std::string& name : names) roles.push_back(role_from_name(name));
  return roles;
}

// A team as the caller named it: a Team or its id, its name, or none.
// Read from Python before the database runs (which releases the GIL).
struct TeamArgument {
  std::optional<TeamId> id;
  std::optional<std::string> name;

  explicit TeamArgument(const py::object& team) {
    if (team.is_none()) return;
    if (py::isinstance<py::str>(team)) name = team.cast<std::string>();
    else id = team.cast<TeamId>();
  }

  // The team's id in `db`; not_found for a name no team has.
  std::optional<TeamId> in(Database& db) const {
    if (!name) return id;
    if (auto found = db.teams().find(*name)) return found->id;
    throw Error(ErrorCode::not_found, "team: no team is called '" + *name + "'", "team");
  }
};

void bind_records(py::module_& m) {
  py::class_<Team>(m, "Team", "A team of users; teams form a tree (parent).")
      .def_readonly("id", &Team::id, "Row id.")
      .def_readonly("name", &Team::name, "Unique ignoring case and diacritics.")
      .def_property_readonly(
          "parent", [](const Team& t) -> py::object { return t.parent ? py::cast(t.parent->value()) : py::none(); },
          "The id of the team it is part of, or None for a top team.")
      .def_readonly("created_at", &Team::created_at, "When it was made (UTC).")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const Team& a, const Team& b) { return a.id == b.id && a.name == b.name && a.parent == b.parent; })
      .def("__repr__", [](const Team& t) { return "<Team " + id_label(t.id) + " " + quoted(t.name) + ">"; })
      .attr("_fields") = py::make_tuple("id", "name", "parent", "created_at");

  py::class_<User>(m, "User",
                   "A person who works in the CRM. Change name, email, time_zone, team, roles or active and pass it "
                   "to db.users.update(); the login is fixed.")
      .def_readonly("id", &User::id, "Row id.")
      .def_readonly("login", &User::login, "Unique, compared exactly: what records name as their owner.")
      .def_readwrite("name", &User::name, "Display name.")
      .def_readwrite("email", &User::email, "Work email, or ''.")
      .def_readwrite("time_zone", &User::time_zone, "IANA time zone ('Europe/Riga'), or '' for UTC.")
      .def_property(
          "team", [](const User& u) -> py::object { return u.team ? py::cast(u.team->value()) : py::none(); },
          [](User& u, std::optional<TeamId> team) { u.team = team && *team ? team : std::nullopt; },
          "The id of the user's team, or None (a Team is accepted when set).")
      .def_property(
          "roles", [](const User& u) { return role_names(u.roles); },
          [](User& u, const std::vector<std::string>& names) { u.roles = roles_named(names); },
          "The granted role names: 'administrator', 'sales_manager', 'sales_rep', 'analyst'.")
      .def_readwrite("active", &User::active, "Only an active user can be given records.")
      .def_readonly("created_at", &User::created_at, "When it was made (UTC).")
      .def_readonly("updated_at", &User::updated_at, "Its last change (UTC).")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const User& a, const User& b) { return a == b && a.id == b.id; })
      .def("__repr__", [](const User& u) {
        return "<User " + id_label(u.id) + " " + quoted(u.login) + (u.active ? "" : " inactive") + ">";
      })
      .attr("_fields") = py::make_tuple("id", "login", "name", "email", "time_zone", "team", "roles", "active",
                                        "created_at", "updated_at");
}

void bind_users(py::module_& m) {
  py::class_<PyUsers>(m, "Users",
                      "The users: db.users. Every record's owner is an active user's login; users are deactivated, "
                      "never deleted.")
      .def(
          "create",
          [](PyUsers& self, const std::string& login, const std::string& name, const std::string& email,
             const std::string& time_zone, const py::object& team, const std::vector<std::string>& roles,
             bool active) {
            const TeamArgument named_team(team);
            const std::vector<Role> granted = roles_named(roles);
            return self.db->run([&](Database& d) {
              return d.users().create({.login = login, .name = name, .email = email, .time_zone = time_zone,
                                       .team = named_team.in(d), .roles = granted, .active = active});
            });
          },
          py::arg("login"), py::kw_only(), py::arg("name") = "", py::arg("email") = "", py::arg("time_zone") = "",
          py::arg("team") = py::none(), py::arg("roles") = std::vector<std::string>{}, py::arg("active") = true,
          "Adds a user. team: a Team, its id or its name. roles: built-in role names. AlreadyExistsError when the "
          "login is taken; ValidationError for a bad login, email, time zone or role; NotFoundError for an unknown "
          "team.")
      .def(
          "get", [](PyUsers& self, UserId id) { return self.db->run([&](Database& d) { return d.users().get(id); }); },
          py::arg("user"), "The user with this id (a User is accepted too); NotFoundError if none.")
      .def(
          "find",
          [](PyUsers& self, const std::string& login) {
            return self.db->run([&](Database& d) { return d.users().find(login); });
          },
          py::arg("login"), "The user whose login is exactly `login`, or None.")
      .def(
          "require",
          [](PyUsers& self, const std::string& login) {
            return self.db->run([&](Database& d) { return d.users().require(login); });
          },
          py::arg("login"), "The user whose login is `login`; NotFoundError naming the nearest login otherwise.")
      .def(
          "list",
          [](PyUsers& self, bool active_only) {
            return self.db->run([&](Database& d) { return d.users().list(active_only); });
          },
          py::kw_only(), py::arg("active_only") = false, "Every user (or the active ones), by login (a list).")
      .def(
          "update",
          [](PyUsers& self, const User& user) {
            return self.db->run([&](Database& d) { return d.users().update(user.id, user); });
          },
          py::arg("user"),
          "Saves a changed User (name, email, time_zone, team, roles, active); returns the stored user. A "
          "deactivated user keeps their records but is given no new ones.")
      .def(
          "owned_records",
          [](PyUsers& self, const std::string& login) {
            return self.db->run([&](Database& d) { return d.users().owned_records(login); });
          },
          py::arg("login"), "How many live records (accounts, contacts, leads, deals, activities, campaigns) it owns.")
      .def("__repr__", [](PyUsers&) { return std::string("<crmcore users>"); });
}

void bind_teams(py::module_& m) {
  py::class_<PyTeams>(m, "Teams", "The teams: db.teams, a tree (a manager's team includes the teams below it).")
      .def(
          "create",
          [](PyTeams& self, const std::string& name, const py::object& parent) {
            const TeamArgument named_parent(parent);
            return self.db->run([&](Database& d) { return d.teams().create(name, named_parent.in(d)); });
          },
          py::arg("name"), py::arg("parent") = py::none(),
          "Adds a team under `parent` (a Team, its id or its name; None for a top team). AlreadyExistsError when "
          "the name is taken.")
      .def(
          "get", [](PyTeams& self, TeamId id) { return self.db->run([&](Database& d) { return d.teams().get(id); }); },
          py::arg("team"), "The team with this id (a Team is accepted too); NotFoundError if none.")
      .def(
          "find",
          [](PyTeams& self, const std::string& name) {
            return self.db->run([&](Database& d) { return d.teams().find(name); });
          },
          py::arg("name"), "The team called `name` (ignoring case and diacritics), or None.")
      .def(
          "list", [](PyTeams& self) { return self.db->run([](Database& d) { return d.teams().list(); }); },
          "Every team, by name (a list).")
      .def(
          "rename",
          [](PyTeams& self, TeamId id, const std::string& name) {
            return self.db->run([&](Database& d) { return d.teams().rename(id, name); });
          },
          py::arg("team"), py::arg("name"), "Renames a team; AlreadyExistsError when the name is taken.")
      .def(
          "move",
          [](PyTeams& self, TeamId id, const py::object& parent) {
            const TeamArgument named_parent(parent);
            return self.db->run([&](Database& d) { return d.teams().move(id, named_parent.in(d)); });
          },
          py::arg("team"), py::arg("parent"),
          "Moves a team under `parent` (None: to the top); ValidationError when that is the team or below it.")
      .def(
          "remove", [](PyTeams& self, TeamId id) { self.db->run([&](Database& d) { d.teams().remove(id); }); },
          py::arg("team"), "Removes a team with no members and no teams below it; ConflictError otherwise.")
      .def(
          "below",
          [](PyTeams& self, TeamId id) { return self.db->run([&](Database& d) { return d.teams().below(id); }); },
          py::arg("team"), "The teams below `team` at any depth, by name (a list).")
      .def(
          "members",
          [](PyTeams& self, TeamId id, bool with_teams_below) {
            return self.db->run([&](Database& d) { return d.teams().members(id, with_teams_below); });
          },
          py::arg("team"), py::kw_only(), py::arg("with_teams_below") = true,
          "The users of the team and (unless with_teams_below=False) of the teams below it, by login (a list).")
      .def("__repr__", [](PyTeams&) { return std::string("<crmcore teams>"); });
}

// The id of `record`: an int, or a stored record's id.
std::int64_t shared_record_id(py::handle record) {
  if (PyLong_Check(record.ptr()) && !PyBool_Check(record.ptr())) return int64_from_python(record, "record");
  if (!py::hasattr(record, "id")) throw py::type_error("record: expected a record or its id, not " + python_type_name(record));
  py::object id = record.attr("id");
  if (id.is_none()) throw Error(ErrorCode::invalid_argument, "record: a record that is not stored has no id", "record");
  return int64_from_python(id, "record");
}

// Who a share is with: exactly one of a user's login and a team.
struct ShareTarget {
  std::optional<std::string> user;
  std::optional<TeamArgument> team;

  ShareTarget(const std::optional<std::string>& login, const py::object& team_object) : user(login) {
    if (!team_object.is_none()) team.emplace(team_object);
    if (user.has_value() == team.has_value())
      throw Error(ErrorCode::invalid_argument, "share: give either user= or team=", "share");
  }
};

void bind_access(py::module_& m) {
  py::class_<Share>(m, "Share", "A record shared with a user or with a team (and the teams below it).")
      .def_property_readonly("kind", [](const Share& s) { return std::string(record_kind_name(s.kind)); },
                             "The record's kind.")
      .def_readonly("record_id", &Share::record_id, "The record's id.")
      .def_property_readonly(
          "user", [](const Share& s) -> py::object { return s.user.empty() ? py::none() : py::cast(s.user); },
          "The user's login, or None for a team share.")
      .def_property_readonly(
          "team", [](const Share& s) -> py::object { return s.team ? py::cast(s.team->value()) : py::none(); },
          "The team's id, or None for a user share.")
      .def_property_readonly("level", [](const Share& s) { return std::string(share_level_name(s.level)); },
                             "'read' or 'edit'.")
      .def_readonly("created_at", &Share::created_at, "When it was made or last changed (UTC).")
      .def("to_dict", [](py::handle self) { return record_to_dict(self); }, "The fields as a dict.")
      .def("__eq__", [](const Share& a, const Share& b) { return a == b; })
      .def("__repr__",
           [](const Share& s) {
             return "<Share " + std::string(record_kind_name(s.kind)) + " " + std::to_string(s.record_id) + " with " +
                    (s.team ? "team " + std::to_string(s.team->value()) : quoted(s.user)) + " " +
                    std::string(share_level_name(s.level)) + ">";
           })
      .attr("_fields") = py::make_tuple("kind", "record_id", "user", "team", "level", "created_at");


  py::class_<PyAccess>(m, "Access",
                       "Rights: db.access. Per record kind and action ('read', 'create', 'update', 'delete', "
                       "'assign', 'import', 'export', 'merge') a user has a scope ('none', 'own', 'team', "
                       "'team_and_below', 'all'), the widest any of their roles grants.")
      .def(
          "scope",
          [](PyAccess& self, const std::string& login, const std::string& kind, const std::string& action) {
            const RecordKind record_kind = record_kind_named(kind, "kind");
            const Action named_action = action_from_name(action);
            return std::string(
                scope_name(self.db->run([&](Database& d) { return d.access().scope(login, record_kind, named_action); })));
          },
          py::arg("login"), py::arg("kind"), py::arg("action"),
          "The scope the user `login` has for `action` on records of `kind` ('none' when inactive); "
          "NotFoundError for an unknown login.")
      .def_property(
          "unassigned_visibility",
          [](PyAccess& self) {
            return std::string(unassigned_visibility_name(
                self.db->run([](Database& d) { return d.access().unassigned_visibility(); })));
          },
          [](PyAccess& self, const std::string& name) {
            const UnassignedVisibility setting = unassigned_visibility_from_name(name);
            self.db->run([&](Database& d) { d.access().set_unassigned_visibility(setting); });
          },
          "Who sees records without an owner: 'everyone' (every user whose scope for the action is not 'none'; "
          "the default) or 'all_scope'. Setting it needs the system session or an administrator.")
      .def(
          "share",
          [](PyAccess& self, const std::string& kind, py::handle record, const std::optional<std::string>& user,
             const py::object& team, const std::string& level) {
            const RecordKind record_kind = record_kind_named(kind, "kind");
            const std::int64_t id = shared_record_id(record);
            const ShareTarget target(user, team);
            const ShareLevel share_level = share_level_from_name(level);
            return self.db->run([&](Database& d) {
              if (target.user) return d.access().share_with_user(record_kind, id, *target.user, share_level);
              return d.access().share_with_team(record_kind, id, *target.team->in(d), share_level);
            });
          },
          py::arg("kind"), py::arg("record"), py::kw_only(), py::arg("user") = py::none(), py::arg("team") = py::none(),
          py::arg("level") = "read",
          "Shares the record (a record or id of `kind`) with the active user `user` or with the members of `team` "
          "(a Team, its id or name) and the teams below it, at level 'read' or 'edit'; a Share. Whoever may update "
          "the record may share it (PermissionDeniedError otherwise); NotFoundError for a record you do not see.")
      .def(
          "unshare",
          [](PyAccess& self, const std::string& kind, py::handle record, const std::optional<std::string>& user,
             const py::object& team) {
            const RecordKind record_kind = record_kind_named(kind, "kind");
            const std::int64_t id = shared_record_id(record);
            const ShareTarget target(user, team);
            return self.db->run([&](Database& d) {
              if (target.user) return d.access().unshare_with_user(record_kind, id, *target.user);
              return d.access().unshare_with_team(record_kind, id, *target.team->in(d));
            });
          },
          py::arg("kind"), py::arg("record"), py::kw_only(), py::arg("user") = py::none(), py::arg("team") = py::none(),
          "Ends the record's share with `user` or `team`; False when there was none.")
      .def(
          "shares",
          [](PyAccess& self, const std::string& kind, py::handle record) {
            const RecordKind record_kind = record_kind_named(kind, "kind");
            const std::int64_t id = shared_record_id(record);
            return self.db->run([&](Database& d) { return d.access().shares(record_kind, id); });
          },
          py::arg("kind"), py::arg("record"), "The record's shares: users by login, then teams (a list of Share).")
      .def("__repr__", [](PyAccess&) { return std::string("<crmcore access>"); });
}

}  // namespace

void register_users(py::module_& m) {
  bind_records(m);
  bind_users(m);
  bind_teams(m);
  add_store_property<PyUsers>(m, "users", "The people who work in the CRM; records' owners are their logins.");
  add_store_property<PyTeams>(m, "teams", "The teams users belong to, as a tree.");
  bind_access(m);
  add_store_property<PyAccess>(m, "access", "Rights: the scopes users have and who sees unassigned records.");
}

}  // namespace crm::python
