#include <algorithm>
#include <array>
#include <string>

#include "common/enum_names.hpp"
#include "crm/error.hpp"
#include "crm/user.hpp"

namespace crm {
namespace {

using detail::EnumName;

constexpr std::array<EnumName<Role>, 4> kRoleNames{{{Role::administrator, "administrator"},
                                                    {Role::sales_manager, "sales_manager"},
                                                    {Role::sales_rep, "sales_rep"},
                                                    {Role::analyst, "analyst"}}};

}  // namespace

std::string_view role_name(Role role) noexcept { return detail::name_of<Role>(kRoleNames, role); }

Role role_from_name(std::string_view name) {
  return detail::require_from_name<Role>(kRoleNames, name, "role", "role");
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = detail::all_of<Role>(kRoleNames);
  return roles;
}

std::vector<Role> roles_from_list(std::string_view names) {
  std::vector<Role> roles;
  std::size_t start = 0;
  while (start <= names.size()) {
    const std::size_t comma = std::min(names.find(',', start), names.size());
    std::string_view name = names.substr(start, comma - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) roles.push_back(role_from_name(name));
    start = comma + 1;
  }
  return roles;
}

std::string roles_list(const std::vector<Role>& roles) {
  std::string text;
  for (Role role : roles) text += (text.empty() ? "" : ",") + std::string(role_name(role));
  return text;
}

}  // namespace crm
