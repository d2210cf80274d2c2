// The segment language's grammar: tokens to a Filter tree.
//
//   filter    := or END
//   or        := and ("or" and)*
//   and       := unary ("and" unary)*
//   unary     := "not" unary | primary
//   primary   := "(" or ")" | "birthday" "within" "next" NUMBER "days" | "tagged" TEXT
//              | "has" ("opportunity" | "activity" | "contact") ["(" [or] ")"]
//              | operand predicate
//   operand   := "activity_count" ["(" [or] ["," "since" value | "since" value] ")"] | WORD
//   predicate := ("=" | "!=" | "<" | "<=" | ">" | ">=") value
//              | ["not"] "in" ("(" value ("," value)* ")" | period)
//              | "between" value "and" value
//              | "contains" TEXT | "starts" "with" TEXT | "~" TEXT | "is" ["not"] "empty"
//   value     := TEXT | ["-"] NUMBER [CURRENCY] | DATE | "true" | "false" | period
//              | "today" [("+" | "-") NUMBER ("day" | "week" | "month" | "year")["s"]] | WORD
//   period    := ("this" | "last" | "next") ("week" | "month" | "quarter" | "year")
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crm/filter.hpp"

namespace crm::detail {

/// The words of the language, lower-case; a field cannot be called one.
const std::set<std::string, std::less<>>& filter_keywords();

/// `word` with ASCII letters lower-cased (the language's words and the
/// catalog's field names are ASCII; other characters stay as they are).
std::string ascii_lower(std::string_view word);

/// True when `name` can be printed as a field: a word that is not a keyword.
bool is_field_word(std::string_view name);

/// Filters nest at most this deep (parentheses, not, has, activity_count).
inline constexpr int kMaxFilterDepth = 64;

/// `terms` joined by "and" (all_of) or "or" (any_of), terms that are
/// themselves joined the same way flattened into the group (as "a and (b and
/// c)" reads), at the position of the first term; one term is itself. Linear
/// in the number of terms. `terms` must not be empty.
Filter all_of(std::vector<Filter> terms);
Filter any_of(std::vector<Filter> terms);

}  // namespace crm::detail
