// ISO 3166-1 alpha-2 country codes.
#pragma once

#include <string_view>

namespace crm::detail {

/// True for an assigned ISO 3166-1 alpha-2 code in upper case ("LV", "DE").
bool is_country_code(std::string_view code) noexcept;

}  // namespace crm::detail
