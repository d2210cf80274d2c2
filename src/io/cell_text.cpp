#include "io/cell_text.hpp"

#include <algorithm>
#include <charconv>

#include "crm/error.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

constexpr std::string_view kDateForms = "a date such as 2025-03-07 or 07.03.2025";
constexpr std::string_view kInstantForms =
    "a date and time such as 2025-03-07T14:30:00Z, 2025-03-07 14:30 or 07.03.2025 14:30 (UTC unless a zone is given)";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The number written in `s` with min_digits..max_digits digits and nothing else.
std::optional<int> number(std::string_view s, std::size_t min_digits, std::size_t max_digits) {
  if (s.size() < min_digits || s.size() > max_digits || !std::all_of(s.begin(), s.end(), is_digit))
    return std::nullopt;
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

std::optional<Date> make_date(std::optional<int> year, std::optional<int> month, std::optional<int> day) {
  if (!year || !month || !day || *year < 1400 || *year > 9999 || *month < 1 || *month > 12 || *day < 1)
    return std::nullopt;
  const auto y = static_cast<unsigned short>(*year);
  const auto m = static_cast<unsigned short>(*month);
  if (*day > boost::gregorian::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
  return Date(y, m, static_cast<unsigned short>(*day));
}

// The three parts of "a<sep>b<sep>c", or an empty vector.
std::vector<std::string_view> three_parts(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (parts.size() < 3) {
    const std::size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (parts.size() != 3 || text.find(sep, start) != std::string_view::npos) return {};
  return parts;
}

// A date without a time: year first with '-', '.' or '/'; day.month.year;
// day-month-year and slashes in the order `slashes` gives.
Date plain_date(std::string_view text, SlashDates slashes, std::string_view column) {
  std::string_view t = text;
  if (t.ends_with('.')) t.remove_suffix(1);  // "07.03.2025."
  const std::size_t at = t.find_first_of(".-/");
  if (at == std::string_view::npos) refuse_cell(column, text, kDateForms);
  const char sep = t[at];
  const auto parts = three_parts(t, sep);
  if (parts.empty()) refuse_cell(column, text, kDateForms);
  std::optional<Date> date;
  if (parts[0].size() == 4) {
    date = make_date(number(parts[0], 4, 4), number(parts[1], 1, 2), number(parts[2], 1, 2));
  } else if (sep == '.') {
    date = make_date(number(parts[2], 4, 4), number(parts[1], 1, 2), number(parts[0], 1, 2));
  } else if (slashes == SlashDates::refuse) {
    refuse_cell(column, text,
                "a date we can read without guessing: day/month and month/day cannot be told apart; write "
                "2025-03-07 or 07.03.2025 (or choose the order of slashed dates)");
  } else {
    const bool day_first = slashes == SlashDates::day_first;
    date = make_date(number(parts[2], 4, 4), number(parts[day_first ? 1 : 0], 1, 2),
                     number(parts[day_first ? 0 : 1], 1, 2));
  }
  if (!date) refuse_cell(column, text, kDateForms);
  return *date;
}

// Splits "date<T or space>time" at the first 'T' or space.
std::pair<std::string_view, std::string_view> split_date_time(std::string_view text) {
  const std::size_t at = text.find_first_of("T ");
  if (at == std::string_view::npos) return {text, {}};
  return {text.substr(0, at), trim(text.substr(at + 1))};
}

bool is_midnight(std::string_view time) {
  return time.starts_with("00:00") && time.find_first_not_of("0:.Z+-") == std::string_view::npos;
}

// "H:MM[:SS[.f]]" plus an optional zone as ISO 8601 text, "Z" when no zone.
std::string iso_time(std::string_view time) {
  const std::size_t zone_at = time.find_first_of("Z+- ");
  std::string clock(time.substr(0, zone_at));
  std::string_view zone = zone_at == std::string_view::npos ? std::string_view() : trim(time.substr(zone_at));
  if (clock.size() > 1 && clock[1] == ':') clock.insert(0, "0");
  if (zone.empty() || zone == "UTC" || zone == "GMT") return clock + "Z";
  return clock + std::string(zone);
}

// Byte length of a separator people put between groups of digits at `at`:
// space, apostrophe, no-break space, narrow no-break space, thin space, ’.
std::size_t group_separator(std::string_view text, std::size_t at) {
  if (text[at] == ' ' || text[at] == '\'') return 1;
  for (std::string_view mark : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "\xE2\x80\x99"})
    if (text.substr(at).starts_with(mark)) return mark.size();
  return 0;
}

std::string upper_ascii(std::string_view code) {
  std::string out(code);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Three ASCII letters at `at` of `text`, not part of a longer word.
bool code_at(std::string_view text, std::size_t at) {
  if (at + 3 > text.size()) return false;
  for (std::size_t i = at; i < at + 3; ++i)
    if (!is_letter(text[i])) return false;
  const bool before = at == 0 || !is_letter(text[at - 1]);
  const bool after = at + 3 == text.size() || !is_letter(text[at + 3]);
  return before && after;
}

// Removes a currency code or symbol written before or after the number and
// returns its ISO code ("" when there is none).
std::string take_currency(std::string_view& text) {
  constexpr std::pair<std::string_view, std::string_view> kSymbols[] = {{"\xE2\x82\xAC", "EUR"}, {"\xC2\xA3", "GBP"}};
  for (const auto& [symbol, code] : kSymbols) {
    if (text.starts_with(symbol)) text.remove_prefix(symbol.size());
    else if (text.ends_with(symbol)) text.remove_suffix(symbol.size());
    else continue;
    text = trim(text);
    return std::string(code);
  }
  std::string code;
  if (text.size() > 3 && code_at(text, 0)) {
    code = upper_ascii(text.substr(0, 3));
    text = trim(text.substr(3));
  } else if (text.size() > 3 && code_at(text, text.size() - 3)) {
    code = upper_ascii(text.substr(text.size() - 3));
    text = trim(text.substr(0, text.size() - 3));
  }
  return code;
}

// The runs of digits of an amount and the separators between them ('g' for
// a group separator such as a space).
struct NumberParts {
  std::vector<std::string> runs;
  std::string separators;  // separators[i] lies between runs[i] and runs[i + 1]
};

std::optional<NumberParts> number_parts(std::string_view text) {
  NumberParts parts;
  parts.runs.emplace_back();
  for (std::size_t at = 0; at < text.size();) {
    const char c = text[at];
    if (is_digit(c)) {
      parts.runs.back() += c;
      ++at;
      continue;
    }
    const std::size_t group = group_separator(text, at);
    if (c != '.' && c != ',' && group == 0) return std::nullopt;
    parts.separators += group ? 'g' : c;
    parts.runs.emplace_back();
    at += group ? group : 1;
  }
  return parts;
}

// Which separator is the decimal point: a single '.' or ',', or the last of
// both when both occur; 0 when there is none.
char decimal_separator(const std::string& separators) {
  const auto dots = std::count(separators.begin(), separators.end(), '.');
  const auto commas = std::count(separators.begin(), separators.end(), ',');
  if (dots > 0 && commas > 0) return separators[separators.find_last_of(".,")];
  if (dots == 1) return '.';
  if (commas == 1) return ',';
  return 0;
}

// Joins the digit runs of the whole part, checking the grouping: one
// separator throughout, then groups of three digits.
std::optional<std::string> whole_digits(const NumberParts& parts, std::size_t runs, char decimal) {
  std::string digits = parts.runs[0];
  char group = 0;
  for (std::size_t i = 1; i < runs; ++i) {
    const char sep = parts.separators[i - 1];
    if (sep == decimal || (group && sep != group) || parts.runs[i].size() != 3) return std::nullopt;
    group = sep;
    digits += parts.runs[i];
  }
  if (runs > 1 && (parts.runs[0].empty() || parts.runs[0].size() > 3)) return std::nullopt;
  return digits;
}

}  // namespace

void refuse_cell(std::string_view column, std::string_view text, std::string_view expected) {
  throw Error(ErrorCode::invalid_argument,
              std::string(column) + ": '" + std::string(text) + "' is not " + std::string(expected),
              std::string(column));
}

std::optional<SlashDates> slash_order_of(std::string_view text) {
  const std::string_view date = split_date_time(trim(text)).first;
  const std::size_t at = date.find_first_of("-/");
  if (at == std::string_view::npos || at > 2) return std::nullopt;  // year first has four digits
  const auto parts = three_parts(date, date[at]);
  if (parts.empty() || !number(parts[2], 4, 4)) return std::nullopt;
  const auto first = number(parts[0], 1, 2), second = number(parts[1], 1, 2);
  if (!first || !second) return std::nullopt;
  if (*first > 12 && *second <= 12) return SlashDates::day_first;
  if (*second > 12 && *first <= 12) return SlashDates::month_first;
  return std::nullopt;
}

Date read_date(std::string_view text, SlashDates slashes, std::string_view column) {
  const std::string_view t = trim(text);
  const auto [date, time] = split_date_time(t);
  if (!time.empty() && !is_midnight(time))
    refuse_cell(column, text, std::string(kDateForms) + " (a date column takes no time of day)");
  return plain_date(date, slashes, column);
}

Instant read_instant(std::string_view text, SlashDates slashes, std::string_view column) {
  const std::string_view t = trim(text);
  try {
    return parse_instant(t);
  } catch (const Error&) {
    // not ISO 8601 with a zone: read date and time apart below
  }
  const auto [date_text, time] = split_date_time(t);
  const Date date = plain_date(date_text, slashes, column);
  if (time.empty()) return Instant(date);
  try {
    return parse_instant(format_date(date) + "T" + iso_time(time));
  } catch (const Error&) {
    refuse_cell(column, text, kInstantForms);
  }
}

Birthday read_birthday(std::string_view text, SlashDates slashes, std::string_view column) {
  constexpr std::string_view expected = "a birthday such as 1985-03-07, 07.03.1985, or --03-07 or 07.03. without the year";
  const std::string_view t = trim(text);
  if (t.starts_with("--")) {
    try {
      return Birthday::parse(t);
    } catch (const Error&) {
      refuse_cell(column, text, expected);
    }
  }
  const std::string_view day_month = t.ends_with('.') ? t.substr(0, t.size() - 1) : t;
  const std::size_t dot = day_month.find('.');
  const bool short_form = day_month.find_first_not_of("0123456789.") == std::string_view::npos;
  if (short_form && dot != std::string_view::npos && day_month.find('.', dot + 1) == std::string_view::npos) {
    const auto day = number(day_month.substr(0, dot), 1, 2);
    const auto month = number(day_month.substr(dot + 1), 1, 2);
    if (!day || !month) refuse_cell(column, text, expected);
    return Birthday{std::nullopt, *month, *day};
  }
  const Date date = read_date(t, slashes, column);
  return Birthday{static_cast<int>(date.year()), static_cast<int>(date.month()), static_cast<int>(date.day())};
}

bool read_boolean(std::string_view text, std::string_view column) {
  return read_name<bool>(text, {{"yes", true}, {"true", true}, {"1", true}, {"no", false}, {"false", false}, {"0", false}},
                         "yes or no (true/false, 1/0)", column);
}

std::int64_t read_integer(std::string_view text, std::string_view column) {
  std::string_view t = trim(text);
  if (t.starts_with('+')) t.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || error != std::errc() || end != t.data() + t.size()) refuse_cell(column, text, "a whole number");
  return value;
}

std::int64_t read_duration(std::string_view text, std::string_view column) {
  const std::string_view t = trim(text);
  if (t.find(':') == std::string_view::npos) return read_integer(t, column);
  constexpr std::string_view expected = "a duration in seconds (125) or as M:SS or H:MM:SS (2:05, 1:02:05)";
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = t.find(':', start);
    parts.push_back(t.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (parts.size() > 3) refuse_cell(column, text, expected);
  std::int64_t seconds = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto value = number(parts[i], i == 0 ? 1 : 2, i == 0 ? 6 : 2);
    if (!value || (i > 0 && *value > 59)) refuse_cell(column, text, expected);
    seconds = seconds * 60 + *value;
  }
  return seconds;
}

AmountText read_amount(std::string_view text, std::string_view column) {
  constexpr std::string_view expected = "an amount such as 1234.50, 1 234,50 or 1,234.50 EUR";
  std::string_view t = trim(text);
  AmountText amount;
  amount.currency = take_currency(t);
  std::string sign;
  if (t.starts_with('-') || t.starts_with('+')) {
    if (t.front() == '-') sign = "-";
    t = trim(t.substr(1));
  }
  const auto parts = number_parts(t);
  if (!parts) refuse_cell(column, text, expected);
  const char decimal = decimal_separator(parts->separators);
  const std::size_t point = decimal ? parts->separators.rfind(decimal) : std::string::npos;
  const std::size_t whole_runs = point == std::string::npos ? parts->runs.size() : point + 1;
  const auto whole = whole_digits(*parts, whole_runs, decimal);
  const bool fraction_ok = point == std::string::npos || (whole_runs + 1 == parts->runs.size() && !parts->runs.back().empty());
  if (!whole || !fraction_ok || (whole->empty() && point == std::string::npos)) refuse_cell(column, text, expected);
  amount.decimal = sign + (whole->empty() ? "0" : *whole);
  if (point != std::string::npos) amount.decimal += "." + parts->runs.back();
  return amount;
}

std::string without_trailing_zeros(std::string decimal) {
  if (decimal.find('.') == std::string::npos) return decimal;
  while (decimal.back() == '0') decimal.pop_back();
  if (decimal.back() == '.') decimal.pop_back();
  return decimal;
}

std::vector<std::string_view> split_items(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> items;
  while (!text.empty()) {
    const std::size_t end = text.find_first_of(separators);
    const std::string_view item = trim(text.substr(0, end));
    if (!item.empty()) items.push_back(item);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return items;
}

std::string name_key(std::string_view text) {
  std::string key;
  bool space = false;
  for (char c : trim(text)) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !key.empty()) key += ' ';
    space = false;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

}  // namespace crm::detail
