#include "io/import_owners.hpp"

#include <algorithm>

#include "common/fields.hpp"
#include "crm/user.hpp"
#include "storage/store_access.hpp"
#include "user/user_rows.hpp"

namespace crm::detail {

void provide_owner(Session& session, const std::string& owner, std::vector<std::string>& created) {
  const std::string login = clean_line(owner, "owner");
  if (login.empty()) return;
  if (is_login_taken(session, login)) return;
  StoreAccess::make<Users>(session).create({.login = login});
  if (std::find(created.begin(), created.end(), login) == created.end()) created.push_back(login);
}

}  // namespace crm::detail
