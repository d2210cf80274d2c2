// The shape of a custom field's name (crm/custom_field.hpp), checked by
// CustomFields and by the surfaces that build field definitions (the C ABI).
#include <algorithm>
#include <cctype>
#include <string>

#include "common/fields.hpp"
#include "crm/custom_field.hpp"
#include "crm/error.hpp"

namespace crm {

void check_custom_field_name(std::string_view name) {
  const bool shape = !name.empty() && name.size() <= 64 && std::isalpha(static_cast<unsigned char>(name[0])) &&
                     std::all_of(name.begin(), name.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                     });
  if (!shape)
    throw Error(ErrorCode::invalid_argument,
                "custom_field.name: " + detail::quote(name) +
                    " is not a field name: letters, digits and _, starting with a letter, at most 64 characters",
                "custom_field.name");
}

}  // namespace crm
