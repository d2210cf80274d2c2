// The commands on currencies: the base currency reports sum in and the
// dated exchange rates they convert with.
#include <iostream>

#include "commands.hpp"
#include "display.hpp"
#include "table.hpp"

namespace crm::cli {
namespace {

// The FROM TO YYYY-MM-DD of `rate set` and `rate remove`.
struct RateKey {
  std::string from;
  std::string to;
  Date day;
};

RateKey rate_key(const Arguments& args) {
  return {positional(args, 2, "currency to convert from (USD)"), positional(args, 3, "currency to convert to (EUR)"),
          calendar_date("day", positional(args, 4, "first day of the rate (YYYY-MM-DD)"))};
}

int set_rate(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const RateKey key = rate_key(args);
  const ExchangeRate rate =
      db.currencies().set_rate(key.from, key.to, key.day, positional(args, 5, "rate (a decimal such as 0.92)"));
  std::cout << "Rate set: " << rate_text(rate) << "\n";
  return 0;
}

int remove_rate(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  const RateKey key = rate_key(args);
  db.currencies().remove_rate(key.from, key.to, key.day);
  std::cout << "Removed the rate " << key.from << "->" << key.to << " from " << format_date(key.day) << ".\n";
  return 0;
}

constexpr Command kRateActions[] = {{"set", set_rate}, {"remove", remove_rate}};

// The positional argument at `index`, or "" when there is none.
std::string optional_positional(const Arguments& args, std::size_t index) {
  return index < args.positional.size() ? args.positional[index] : std::string();
}

}  // namespace

int run_rates(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  Table table({"from", "to", "valid from", "rate"});
  table.align_right(3);
  for (const ExchangeRate& rate : db.currencies().rates(optional_positional(args, 1), optional_positional(args, 2)))
    table.add({rate.from, rate.to, format_date(rate.valid_from), rate.rate});
  table.print(std::cout);
  std::cout << "Base currency: " << db.currencies().base() << "\n";
  return 0;
}

int run_rate(const Arguments& args) { return run_action(args, kRateActions); }

int run_base_currency(const Arguments& args) {
  check_options(args, {});
  Database db = open_database(args);
  if (args.positional.size() > 1) db.currencies().set_base(args.positional[1]);
  std::cout << "Base currency: " << db.currencies().base() << "\n";
  return 0;
}

}  // namespace crm::cli
