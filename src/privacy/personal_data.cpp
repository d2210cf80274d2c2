#include "privacy/personal_data.hpp"

#include <algorithm>
#include <type_traits>

#include "common/phone.hpp"
#include "crm/privacy.hpp"
#include "crm/record_fields.hpp"

namespace crm::detail {
namespace {

using nlohmann::json;

constexpr std::size_t kShortestIdentifier = 5;  // shorter text would match words that are not the person

bool is_erased(const FieldInfo& info) {
  return info.has(FieldRole::personal) && info.type != RecordFieldType::consents;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

void add_identifier(std::vector<std::string>& identifiers, std::string_view text) {
  std::string value = lowered(text);
  if (value.size() < kShortestIdentifier) return;
  if (std::find(identifiers.begin(), identifiers.end(), value) == identifiers.end())
    identifiers.push_back(std::move(value));
}

void add_phone(std::vector<std::string>& identifiers, std::string_view raw, std::string_view e164,
               const PhoneNormalizer& phones) {
  add_identifier(identifiers, raw);
  std::string normalized(e164);
  if (normalized.empty()) normalized = phones.to_e164(raw).value_or("");
  add_identifier(identifiers, normalized);
  if (normalized.starts_with('+')) add_identifier(identifiers, std::string_view(normalized).substr(1));
}

template <class Data>
std::vector<std::string> identifiers_of(const Data& person, const PhoneNormalizer& phones) {
  std::vector<std::string> identifiers;
  for (const RecordField<Data>& field : record_fields<Data>()) {
    if (!field.info.has(FieldRole::personal)) continue;
    field.apply(person, [&](const auto& value) {
      using V = std::remove_cvref_t<decltype(value)>;
      if constexpr (std::is_same_v<V, std::vector<Email>>) {
        for (const Email& email : value) add_identifier(identifiers, email.address);
      } else if constexpr (std::is_same_v<V, std::vector<Phone>>) {
        for (const Phone& phone : value) add_phone(identifiers, phone.raw, phone.e164, phones);
      } else if constexpr (std::is_same_v<V, std::string>) {
        if (field.info.sql.normalize == TextNormalization::casefold) add_identifier(identifiers, value);
        if (field.info.sql.normalize == TextNormalization::phone) add_phone(identifiers, value, "", phones);
      }
    });
  }
  return identifiers;
}

// The field of `Data` that holds kErasedText after an erasure, so that the
// record keeps the name it needs.
template <class Data>
const RecordField<Data>* name_field() {
  const RecordField<Data>* last_not_null = nullptr;
  for (const RecordField<Data>& field : record_fields<Data>()) {
    if (!is_erased(field.info) || field.info.type != RecordFieldType::text) continue;
    if (field.info.required) return &field;
    if (field.info.sql.not_null) last_not_null = &field;
  }
  return last_not_null;
}

template <class Data>
std::vector<std::string> clear_fields(Data& person, const std::vector<std::string>& identifiers) {
  std::vector<std::string> cleared;
  const RecordField<Data>* name = name_field<Data>();
  for (const RecordField<Data>& field : record_fields<Data>()) {
    if (!is_erased(field.info)) {
      field.apply(person, [&](auto& value) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, std::string>)
          if (holds_identifier(value, identifiers)) value = without_identifiers(value, identifiers);
      });
      continue;
    }
    const bool had = field.apply(person, [&](auto& value) {
      using V = std::remove_cvref_t<decltype(value)>;
      if constexpr (std::is_default_constructible_v<V> && requires { value == value; }) {
        const bool held = !(value == V{});
        value = V{};
        if constexpr (std::is_same_v<V, std::string>)
          if (&field == name) value = kErasedText;
        return held;
      } else {
        return false;
      }
    });
    if (had) cleared.emplace_back(field.info.name);
  }
  return cleared;
}

}  // namespace

std::vector<std::string> person_identifiers(const ContactData& person, const PhoneNormalizer& phones) {
  return identifiers_of(person, phones);
}

std::vector<std::string> person_identifiers(const LeadData& person, const PhoneNormalizer& phones) {
  return identifiers_of(person, phones);
}

bool holds_identifier(std::string_view text, const std::vector<std::string>& identifiers) {
  if (identifiers.empty() || text.size() < kShortestIdentifier) return false;
  const std::string folded = lowered(text);
  return std::any_of(identifiers.begin(), identifiers.end(),
                     [&](const std::string& identifier) { return folded.find(identifier) != std::string::npos; });
}

std::string without_identifiers(std::string_view text, const std::vector<std::string>& identifiers) {
  std::string out(text);
  for (const std::string& identifier : identifiers) {
    std::string folded = lowered(out);
    std::string replaced;
    std::size_t from = 0;
    for (std::size_t at = folded.find(identifier); at != std::string::npos; at = folded.find(identifier, from)) {
      replaced.append(out, from, at - from);
      replaced += kErasedText;
      from = at + identifier.size();
    }
    if (from == 0) continue;
    replaced.append(out, from, std::string::npos);
    out = std::move(replaced);
  }
  return out;
}

void scrub_json(json& value, const std::vector<std::string>& identifiers,
                const std::vector<std::string_view>& personal_fields) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (holds_identifier(text, identifiers)) value = without_identifiers(text, identifiers);
  } else if (value.is_object()) {
    for (auto& [key, member] : value.items()) {
      if (std::find(personal_fields.begin(), personal_fields.end(), key) != personal_fields.end()) member = nullptr;
      else scrub_json(member, identifiers, personal_fields);
    }
  } else if (value.is_array()) {
    for (json& member : value) scrub_json(member, identifiers, personal_fields);
  }
}

std::vector<std::string_view> erased_fields(RecordKind kind) {
  std::vector<std::string_view> names;
  for (const FieldInfo& info : record_fields(kind))
    if (is_erased(info)) names.push_back(info.name);
  return names;
}

std::vector<std::string> clear_personal_fields(ContactData& person, const std::vector<std::string>& identifiers) {
  return clear_fields(person, identifiers);
}

std::vector<std::string> clear_personal_fields(LeadData& person, const std::vector<std::string>& identifiers) {
  return clear_fields(person, identifiers);
}

}  // namespace crm::detail
