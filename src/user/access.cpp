#include "crm/access.hpp"

#include <algorithm>
#include <array>

#include "common/enum_names.hpp"

namespace crm {
namespace {

using detail::EnumName;

constexpr std::array<EnumName<Action>, 8> kActionNames{{{Action::read, "read"},
                                                        {Action::create, "create"},
                                                        {Action::update, "update"},
                                                        {Action::delete_, "delete"},
                                                        {Action::assign, "assign"},
                                                        {Action::import, "import"},
                                                        {Action::export_, "export"},
                                                        {Action::merge, "merge"}}};

constexpr std::array<EnumName<Scope>, 5> kScopeNames{{{Scope::none, "none"},
                                                      {Scope::own, "own"},
                                                      {Scope::team, "team"},
                                                      {Scope::team_and_below, "team_and_below"},
                                                      {Scope::all, "all"}}};

constexpr std::array<EnumName<UnassignedVisibility>, 2> kUnassignedNames{
    {{UnassignedVisibility::everyone, "everyone"}, {UnassignedVisibility::all_scope, "all_scope"}}};

constexpr std::array<EnumName<ShareLevel>, 2> kShareLevelNames{{{ShareLevel::read, "read"}, {ShareLevel::edit, "edit"}}};

// What each built-in role grants, per action in kActionNames' order (the
// same for every record kind).
struct RoleGrants {
  Role role;
  std::array<Scope, kActionNames.size()> scopes;  // read, create, update, delete, assign, import, export, merge
};

constexpr Scope N = Scope::none, O = Scope::own, B = Scope::team_and_below, A = Scope::all;
constexpr std::array<RoleGrants, 4> kBuiltInGrants{{
    {Role::administrator, {A, A, A, A, A, A, A, A}},
    {Role::sales_manager, {B, B, B, B, B, B, B, B}},
    {Role::sales_rep, {O, O, O, O, N, O, N, O}},
    {Role::analyst, {A, N, N, N, N, N, A, N}},
}};

}  // namespace

std::string_view action_name(Action action) noexcept { return detail::name_of<Action>(kActionNames, action); }

Action action_from_name(std::string_view name) {
  return detail::require_from_name<Action>(kActionNames, name, "action", "action");
}

const std::vector<Action>& all_actions() {
  static const std::vector<Action> actions = detail::all_of<Action>(kActionNames);
  return actions;
}

std::string_view scope_name(Scope scope) noexcept { return detail::name_of<Scope>(kScopeNames, scope); }

Scope scope_from_name(std::string_view name) {
  return detail::require_from_name<Scope>(kScopeNames, name, "scope", "scope");
}

Scope role_scope(Role role, RecordKind /*kind*/, Action action) noexcept {
  for (const RoleGrants& grants : kBuiltInGrants)
    if (grants.role == role) return grants.scopes[static_cast<std::size_t>(action)];
  return Scope::none;
}

Scope granted_scope(const std::vector<Role>& roles, RecordKind kind, Action action) noexcept {
  Scope widest = Scope::none;
  for (Role role : roles) widest = std::max(widest, role_scope(role, kind, action));
  return widest;
}

std::string_view unassigned_visibility_name(UnassignedVisibility visibility) noexcept {
  return detail::name_of<UnassignedVisibility>(kUnassignedNames, visibility);
}

UnassignedVisibility unassigned_visibility_from_name(std::string_view name) {
  return detail::require_from_name<UnassignedVisibility>(kUnassignedNames, name, "setting",
                                                         "unassigned_visibility");
}

std::string_view share_level_name(ShareLevel level) noexcept {
  return detail::name_of<ShareLevel>(kShareLevelNames, level);
}

ShareLevel share_level_from_name(std::string_view name) {
  return detail::require_from_name<ShareLevel>(kShareLevelNames, name, "share level", "level");
}

}  // namespace crm
