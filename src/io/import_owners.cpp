#include "io/import_owners.hpp"

#include <algorithm>

#include "common/fields.hpp"
#include "crm/user.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {

void provide_owner(Session& session, const std::string& owner, std::vector<std::string>& created) {
  const std::string login = clean_line(owner, "owner");
  if (login.empty()) return;
  Users users = StoreAccess::make<Users>(session);
  if (users.find(login)) return;
  users.create({.login = login});
  if (std::find(created.begin(), created.end(), login) == created.end()) created.push_back(login);
}

}  // namespace crm::detail
