// crmcore: the rules for text that every surface shares.
#pragma once

#include <string_view>

namespace crm {

/// True for well-formed UTF-8 (no overlong forms, surrogates or code points
/// above U+10FFFF) without NUL characters: the text the library stores.
bool is_valid_utf8(std::string_view text) noexcept;

/// Throws Error(invalid_argument) naming `field` ("<field>: text is not
/// valid UTF-8") unless is_valid_utf8(text).
void check_utf8(std::string_view text, std::string_view field);

}  // namespace crm
