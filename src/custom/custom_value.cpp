#include <algorithm>
#include <cctype>

#include "common/enum_names.hpp"
#include "crm/custom_field.hpp"
#include "crm/error.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

using detail::EnumName;

constexpr EnumName<RecordKind> kRecordKinds[] = {{RecordKind::account, "account"},
                                                 {RecordKind::contact, "contact"},
                                                 {RecordKind::lead, "lead"},
                                                 {RecordKind::opportunity, "opportunity"},
                                                 {RecordKind::activity, "activity"}};
constexpr EnumName<CustomFieldType> kTypes[] = {
    {CustomFieldType::text, "text"},       {CustomFieldType::integer, "integer"}, {CustomFieldType::decimal, "decimal"},
    {CustomFieldType::money, "money"},     {CustomFieldType::date, "date"},       {CustomFieldType::boolean, "boolean"},
    {CustomFieldType::choice, "choice"},   {CustomFieldType::choices, "choices"}};

[[noreturn]] void refuse(std::string_view field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, std::string(field) + ": " + problem, std::string(field));
}

// What alternative `value` holds, for messages.
const char* holds(const CustomValue::Alternatives& value) {
  constexpr const char* kNames[] = {"text", "integer", "decimal", "money", "date", "boolean", "choices"};
  return kNames[value.index()];
}

template <class T>
const T& held(const CustomValue::Alternatives& value, const char* wanted) {
  if (const T* found = std::get_if<T>(&value)) return *found;
  throw Error(ErrorCode::invalid_argument,
              std::string("custom value: holds ") + holds(value) + ", not " + wanted, "custom value");
}

std::int64_t parse_integer(std::string_view text, std::string_view field) {
  const std::string trimmed(detail::trim(text));
  std::size_t used = 0;
  try {
    const long long value = std::stoll(trimmed, &used, 10);
    if (used == trimmed.size() && !trimmed.empty() && !std::isspace(static_cast<unsigned char>(trimmed.front())))
      return value;
  } catch (const std::exception&) {
  }
  refuse(field, "'" + std::string(text) + "' is not a whole number");
}

bool parse_boolean(std::string_view text, std::string_view field) {
  const std::string key = detail::casefold(detail::trim(text));
  if (key == "true" || key == "yes" || key == "1") return true;
  if (key == "false" || key == "no" || key == "0") return false;
  refuse(field, "'" + std::string(text) + "' is neither true nor false (nor yes, no, 1, 0)");
}

std::vector<std::string> split_choices(std::string_view text) {
  std::vector<std::string> choices;
  while (!text.empty()) {
    const std::size_t end = text.find(';');
    const std::string_view part = detail::trim(text.substr(0, end));
    if (!part.empty()) choices.emplace_back(part);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return choices;
}

}  // namespace

std::string_view record_kind_name(RecordKind kind) noexcept { return detail::name_of<RecordKind>(kRecordKinds, kind); }
std::optional<RecordKind> record_kind_from_name(std::string_view name) noexcept {
  return detail::from_name<RecordKind>(kRecordKinds, name);
}
const std::vector<RecordKind>& all_record_kinds() {
  static const std::vector<RecordKind> kinds = detail::all_of<RecordKind>(kRecordKinds);
  return kinds;
}
std::string_view custom_field_type_name(CustomFieldType type) noexcept {
  return detail::name_of<CustomFieldType>(kTypes, type);
}
std::optional<CustomFieldType> custom_field_type_from_name(std::string_view name) noexcept {
  return detail::from_name<CustomFieldType>(kTypes, name);
}

CustomValue CustomValue::decimal(std::string_view text) {
  const std::string_view written = detail::trim(text);
  std::string_view rest = written;
  const bool negative = !rest.empty() && rest.front() == '-';
  if (negative) rest.remove_prefix(1);
  const std::size_t point = rest.find('.');
  std::string whole(rest.substr(0, point));
  std::string fraction(point == std::string_view::npos ? std::string_view() : rest.substr(point + 1));
  auto digits = [](const std::string& s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  if ((whole.empty() && fraction.empty()) || !digits(whole) || !digits(fraction) ||
      (point != std::string_view::npos && fraction.empty() && whole.empty()))
    refuse("decimal", "'" + std::string(text) + "' is not a decimal number such as 12.50");
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (whole.size() + fraction.size() > 18)
    refuse("decimal", "'" + std::string(text) + "' has more than 18 digits");
  std::string canonical = (whole.empty() ? "0" : whole) + (fraction.empty() ? "" : "." + fraction);
  if (negative && canonical != "0") canonical.insert(0, "-");
  return CustomValue(Decimal{canonical});
}

CustomValue CustomValue::parse(CustomFieldType type, std::string_view text, std::string_view field) {
  try {
    switch (type) {
      case CustomFieldType::text:
      case CustomFieldType::choice: return CustomValue(std::string(text));
      case CustomFieldType::integer: return CustomValue(parse_integer(text, field));
      case CustomFieldType::decimal: return decimal(text);
      case CustomFieldType::money: return CustomValue(Money::parse(detail::trim(text)));
      case CustomFieldType::date: return CustomValue(parse_date(detail::trim(text)));
      case CustomFieldType::boolean: return CustomValue(parse_boolean(text, field));
      case CustomFieldType::choices: return CustomValue(split_choices(text));
    }
  } catch (const Error& error) {
    if (error.field() == field) throw;
    refuse(field, error.what());
  }
  refuse(field, "unknown field type");
}

std::string CustomValue::to_string() const {
  struct Writer {
    std::string operator()(const std::string& text) const { return text; }
    std::string operator()(std::int64_t number) const { return std::to_string(number); }
    std::string operator()(const Decimal& number) const { return number.text; }
    std::string operator()(const Money& amount) const { return amount.to_string(); }
    std::string operator()(const Date& date) const { return format_date(date); }
    std::string operator()(bool yes) const { return yes ? "true" : "false"; }
    std::string operator()(const std::vector<std::string>& choices) const {
      std::string text;
      for (const std::string& choice : choices) text += (text.empty() ? "" : ";") + choice;
      return text;
    }
  };
  return std::visit(Writer{}, value_);
}

const std::string& CustomValue::text() const { return held<std::string>(value_, "text"); }
std::int64_t CustomValue::integer() const { return held<std::int64_t>(value_, "integer"); }
const std::string& CustomValue::decimal_text() const { return held<Decimal>(value_, "decimal").text; }
Money CustomValue::money() const { return held<Money>(value_, "money"); }
Date CustomValue::date() const { return held<Date>(value_, "date"); }
bool CustomValue::boolean() const { return held<bool>(value_, "boolean"); }
const std::vector<std::string>& CustomValue::choices() const {
  return held<std::vector<std::string>>(value_, "choices");
}

}  // namespace crm
