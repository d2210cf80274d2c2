// crm_money_parts(currency, rate_id, day, amount, weighted): an SQL aggregate
// that sums money per currency and exchange rate in one pass, so a report can
// group by what it shows (a stage, a day) without also sorting by currency
// and rate. Rows whose amount is NULL are skipped. Its result is text, one
// line per currency and rate, read back with parse_money_parts().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace crm::detail {

/// Registers crm_money_parts on `db`; false when SQLite refuses.
bool register_money_parts(sqlite3* db);

/// One line of crm_money_parts: the sums of one currency and rate.
struct MoneyPart {
  std::string currency;
  std::optional<std::int64_t> rate_id;
  std::string earliest_day;  ///< The smallest `day` summed.
  std::int64_t count = 0;
  std::int64_t amount = 0;
  std::int64_t weighted = 0;
};

/// The parts in a crm_money_parts result (empty for NULL or "").
std::vector<MoneyPart> parse_money_parts(std::string_view text);

}  // namespace crm::detail
