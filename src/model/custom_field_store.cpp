#include "model/custom_field_store.hpp"

#include <nlohmann/json.hpp>

#include "common/fields.hpp"
#include "crm/error.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/nearest_name.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

using nlohmann::json;

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, field + ": " + problem, field);
}

// "a, b, c".
std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

json to_json(const CustomValue& value) {
  struct Writer {
    json operator()(const std::string& text) const { return text; }
    json operator()(std::int64_t number) const { return number; }
    json operator()(const CustomValue::Decimal& number) const { return number.text; }
    json operator()(const Money& amount) const { return json::array({amount.minor_units(), amount.currency()}); }
    json operator()(const Date& date) const { return format_date(date); }
    json operator()(bool yes) const { return yes; }
    json operator()(const std::vector<std::string>& choices) const { return choices; }
  };
  return std::visit(Writer{}, value.get());
}

CustomValue from_json(CustomFieldType type, const json& stored) {
  switch (type) {
    case CustomFieldType::text:
    case CustomFieldType::choice: return CustomValue(stored.get<std::string>());
    case CustomFieldType::integer: return CustomValue(stored.get<std::int64_t>());
    case CustomFieldType::decimal: return CustomValue(CustomValue::Decimal{stored.get<std::string>()});
    case CustomFieldType::money: return CustomValue(Money(stored.at(0).get<std::int64_t>(), stored.at(1).get<std::string>()));
    case CustomFieldType::date: return CustomValue(parse_date(stored.get<std::string>()));
    case CustomFieldType::boolean: return CustomValue(stored.get<bool>());
    case CustomFieldType::choices: return CustomValue(stored.get<std::vector<std::string>>());
  }
  throw Error(ErrorCode::corrupt, "custom field: unknown type", "custom");
}

// The choice of `field` that `wanted` names, spelt as defined.
const std::string& listed_choice(const CustomField& field, const std::string& wanted, const std::string& path) {
  const std::string key = match_key(wanted);
  for (const std::string& choice : field.choices)
    if (match_key(choice) == key) return choice;
  refuse(path, quote(wanted) + " is not one of its choices (" + listed(field.choices) + ")");
}

// What the alternatives of CustomValue are called, in index order.
const char* held_name(const CustomValue& value) {
  constexpr const char* kNames[] = {"text", "an integer", "a decimal", "money", "a date", "a boolean", "a list of choices"};
  return kNames[value.get().index()];
}

CustomField read_field(SQLite::Statement& s) {
  CustomField field;
  field.id = CustomFieldId(s.getColumn(0).getInt64());
  field.record_kind = record_kind_from_name(s.getColumn(1).getString()).value_or(RecordKind::contact);
  field.name = s.getColumn(2).getString();
  field.type = custom_field_type_from_name(s.getColumn(3).getString()).value_or(CustomFieldType::text);
  if (!s.getColumn(4).isNull()) field.choices = json::parse(s.getColumn(4).getString()).get<std::vector<std::string>>();
  field.required = s.getColumn(5).getInt() != 0;
  if (!s.getColumn(6).isNull()) field.default_value = from_json(field.type, json::parse(s.getColumn(6).getString()));
  field.indexed = s.getColumn(7).getInt() != 0;
  field.position = s.getColumn(8).getInt();
  field.created_at = column_instant(s, 9);
  return field;
}

}  // namespace

std::string_view custom_table(RecordKind kind) noexcept {
  switch (kind) {
    case RecordKind::account: return "accounts";
    case RecordKind::contact: return "contacts";
    case RecordKind::lead: return "leads";
    case RecordKind::opportunity: return "opportunities";
    case RecordKind::activity: return "activities";
  }
  return "contacts";
}

const char* const kCustomFieldColumns =
    "id, record_kind, name, type, choices, required, default_value, indexed, position, created_at";

std::vector<CustomField> load_custom_fields(Session& session, RecordKind kind) {
  auto statement = session.prepare(std::string("SELECT ") + kCustomFieldColumns +
                                   " FROM custom_fields WHERE record_kind = ? ORDER BY position");
  statement->bind(1, std::string(record_kind_name(kind)));
  std::vector<CustomField> fields;
  while (statement->executeStep()) fields.push_back(read_field(*statement));
  return fields;
}

CustomField read_custom_field(SQLite::Statement& statement) { return read_field(statement); }

namespace {

// The definitions read in the current transaction, per record kind.
struct FieldCache : SessionState {
  std::uint64_t epoch = 0;
  std::shared_ptr<const std::vector<CustomField>> by_kind[5];
};

}  // namespace

std::shared_ptr<const std::vector<CustomField>> current_custom_fields(Session& session, RecordKind kind) {
  if (!session.in_transaction()) return std::make_shared<const std::vector<CustomField>>(load_custom_fields(session, kind));
  FieldCache& cache = session.state<FieldCache>();
  if (cache.epoch != session.cache_epoch()) {
    cache.epoch = session.cache_epoch();
    for (auto& cached : cache.by_kind) cached.reset();
  }
  auto& fields = cache.by_kind[static_cast<int>(kind)];
  if (!fields) fields = std::make_shared<const std::vector<CustomField>>(load_custom_fields(session, kind));
  return fields;
}

CustomValue check_custom_value(const CustomField& field, const CustomValue& value, const std::string& path) {
  const auto& held = value.get();
  auto mismatch = [&]() -> CustomValue {
    refuse(path, "expects " + std::string(custom_field_type_name(field.type)) + ", not " + held_name(value));
  };
  switch (field.type) {
    case CustomFieldType::text:
      if (!std::holds_alternative<std::string>(held)) return mismatch();
      return CustomValue(clean_text(value.text(), path));
    case CustomFieldType::integer:
      if (!std::holds_alternative<std::int64_t>(held)) return mismatch();
      return value;
    case CustomFieldType::decimal:
      if (std::holds_alternative<std::int64_t>(held)) return CustomValue::decimal(std::to_string(value.integer()));
      if (!std::holds_alternative<CustomValue::Decimal>(held)) return mismatch();
      return CustomValue::decimal(value.decimal_text());
    case CustomFieldType::money:
      if (!std::holds_alternative<Money>(held)) return mismatch();
      return value;
    case CustomFieldType::date:
      if (!std::holds_alternative<Date>(held) || value.date().is_special()) return mismatch();
      return value;
    case CustomFieldType::boolean:
      if (!std::holds_alternative<bool>(held)) return mismatch();
      return value;
    case CustomFieldType::choice:
      if (!std::holds_alternative<std::string>(held)) return mismatch();
      return CustomValue(listed_choice(field, value.text(), path));
    case CustomFieldType::choices: {
      std::vector<std::string> wanted;
      if (const auto* one = std::get_if<std::string>(&held))
        wanted.push_back(*one);
      else if (const auto* many = std::get_if<std::vector<std::string>>(&held))
        wanted = *many;
      else
        return mismatch();
      std::vector<std::string> chosen;
      for (const std::string& each : wanted) {
        const std::string& choice = listed_choice(field, each, path);
        if (std::find(chosen.begin(), chosen.end(), choice) != chosen.end())
          refuse(path, quote(choice) + " is chosen twice");
        chosen.push_back(choice);
      }
      return CustomValue(std::move(chosen));
    }
  }
  return mismatch();
}

bool is_empty_custom_value(const CustomValue& value) {
  if (const auto* text = std::get_if<std::string>(&value.get())) return trim(*text).empty();
  if (const auto* choices = std::get_if<std::vector<std::string>>(&value.get())) return choices->empty();
  return false;
}

std::string custom_value_json(const CustomValue& value) { return to_json(value).dump(); }

EncodedCustom encode_custom(Session& session, RecordKind kind, const CustomValues& values, bool creating) {
  const auto shared_fields = current_custom_fields(session, kind);
  const std::vector<CustomField>& fields = *shared_fields;
  EncodedCustom encoded;
  if (fields.empty() && values.empty()) return encoded;  // the common case: nothing to check or store
  const std::string prefix = std::string(record_kind_name(kind)) + ".custom.";
  std::vector<std::string> names;
  for (const CustomField& field : fields) names.push_back(field.name);
  json stored = json::object();
  std::vector<bool> given(fields.size(), false);
  for (const auto& [name, value] : values) {
    const std::string key = match_key(name);
    const auto found = std::find_if(fields.begin(), fields.end(), [&](const CustomField& f) { return match_key(f.name) == key; });
    if (found == fields.end()) {
      const auto nearest = nearest_name(name, names);
      refuse(prefix + name, "no such custom field on " + std::string(custom_table(kind)) +
                                (nearest ? "; did you mean '" + *nearest + "'?"
                                         : names.empty() ? " (none are defined)" : " (defined: " + listed(names) + ")"));
    }
    const std::size_t index = static_cast<std::size_t>(found - fields.begin());
    if (given[index]) refuse(prefix + found->name, "is given twice");
    if (is_empty_custom_value(value)) continue;
    given[index] = true;
    const CustomValue checked = check_custom_value(*found, value, prefix + found->name);
    stored[std::to_string(found->id.value())] = to_json(checked);
    encoded.values.emplace(found->name, checked);
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (given[i]) continue;
    const CustomField& field = fields[i];
    if (creating && field.default_value) {
      stored[std::to_string(field.id.value())] = to_json(*field.default_value);
      encoded.values.emplace(field.name, *field.default_value);
    } else if (field.required) {
      refuse(prefix + field.name, "is required");
    }
  }
  if (!stored.empty()) encoded.json = stored.dump();
  return encoded;
}

std::string custom_json_text(CustomFieldType type, std::string_view stored) {
  return from_json(type, json::parse(stored)).to_string();
}

CustomValues CustomDecoder::decode(std::string_view column) {
  CustomValues values;
  if (column.empty()) return values;
  if (!fields_) {
    fields_ = current_custom_fields(session_, kind_);
    for (const CustomField& field : *fields_) by_id_.emplace(std::to_string(field.id.value()), &field);
  }
  const json row = json::parse(column);
  for (auto stored = row.cbegin(); stored != row.cend(); ++stored) {
    const auto field = by_id_.find(stored.key());
    if (field != by_id_.end()) values.emplace(field->second->name, from_json(field->second->type, *stored));
  }
  return values;
}

std::string custom_value_sql(const CustomField& field, std::string_view table_alias) {
  const std::string column = table_alias.empty() ? std::string("custom") : std::string(table_alias) + ".custom";
  const std::string path = "'$.\"" + std::to_string(field.id.value()) + "\"";
  switch (field.type) {
    case CustomFieldType::decimal: return "CAST(json_extract(" + column + ", " + path + "') AS REAL)";
    case CustomFieldType::money: return "json_extract(" + column + ", " + path + "[0]')";
    default: return "json_extract(" + column + ", " + path + "')";
  }
}

}  // namespace crm::detail
