#include "storage/sql_money_parts.hpp"

#include <charconv>
#include <map>
#include <new>
#include <tuple>

#include <sqlite3.h>

namespace crm::detail {
namespace {

constexpr std::int64_t kNoRate = -1;
// The parts of one group, and the last one added to (rows of one currency
// and rate tend to follow each other: no lookup for them).
struct Parts {
  std::map<std::tuple<std::string, std::int64_t>, MoneyPart> by_key;
  MoneyPart* last = nullptr;
  std::int64_t last_rate = kNoRate;
};

std::string_view text_of(sqlite3_value* value) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
  return {text ? text : "", static_cast<std::size_t>(sqlite3_value_bytes(value))};
}

bool add_checked(std::int64_t& sum, std::int64_t value) { return !__builtin_add_overflow(sum, value, &sum); }

void step(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (sqlite3_value_type(arguments[3]) == SQLITE_NULL) return;
  auto** state = static_cast<Parts**>(sqlite3_aggregate_context(context, sizeof(Parts*)));
  if (!state) return sqlite3_result_error_nomem(context);
  try {
    if (!*state) *state = new Parts;
    const std::int64_t rate =
        sqlite3_value_type(arguments[1]) == SQLITE_NULL ? kNoRate : sqlite3_value_int64(arguments[1]);
    const std::string_view currency = text_of(arguments[0]);
    const std::string_view day = text_of(arguments[2]);
    Parts& parts = **state;
    if (!parts.last || parts.last_rate != rate || parts.last->currency != currency) {
      auto [it, added] = parts.by_key.try_emplace({std::string(currency), rate});
      if (added) {
        it->second.currency = std::string(currency);
        if (rate != kNoRate) it->second.rate_id = rate;
        it->second.earliest_day = std::string(day);
      }
      parts.last = &it->second;
      parts.last_rate = rate;
    }
    MoneyPart& part = *parts.last;
    if (day < part.earliest_day) part.earliest_day = std::string(day);
    ++part.count;
    if (!add_checked(part.amount, sqlite3_value_int64(arguments[3])) ||
        !add_checked(part.weighted, sqlite3_value_int64(arguments[4])))
      sqlite3_result_error(context, "crm_money_parts: a sum of money overflows", -1);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(context);
  }
}

void final(sqlite3_context* context) {
  auto** state = static_cast<Parts**>(sqlite3_aggregate_context(context, 0));
  if (!state || !*state) return sqlite3_result_null(context);
  std::string text;
  for (const auto& [key, part] : (*state)->by_key)
    text += part.currency + '\t' + (part.rate_id ? std::to_string(*part.rate_id) : "") + '\t' + part.earliest_day +
            '\t' + std::to_string(part.count) + '\t' + std::to_string(part.amount) + '\t' +
            std::to_string(part.weighted) + '\n';
  delete *state;
  *state = nullptr;
  sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::int64_t number(std::string_view field) {
  std::int64_t value = 0;
  std::from_chars(field.data(), field.data() + field.size(), value);
  return value;
}

}  // namespace

bool register_money_parts(sqlite3* db) {
  return sqlite3_create_function_v2(db, "crm_money_parts", 5, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                    nullptr, nullptr, step, final, nullptr) == SQLITE_OK;
}

std::vector<MoneyPart> parse_money_parts(std::string_view text) {
  std::vector<MoneyPart> parts;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    std::string_view fields[6];
    for (std::string_view& field : fields) {
      const std::size_t tab = line.find('\t');
      field = line.substr(0, tab);
      line = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
    }
    MoneyPart part{std::string(fields[0]), std::nullopt, std::string(fields[2]), number(fields[3]),
                   number(fields[4]), number(fields[5])};
    if (!fields[1].empty()) part.rate_id = number(fields[1]);
    parts.push_back(std::move(part));
  }
  return parts;
}

}  // namespace crm::detail
