// What a merge of two records does with each field, from the record
// descriptors: fields with FieldRole::merge_choose follow the FieldPicker
// rule, those with merge_unite keep the values of both records.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "crm/error.hpp"
#include "crm/record_fields.hpp"
#include "duplicate/field_picker.hpp"
#include "text/unicode.hpp"

namespace crm::detail {

/// The names a merge of Record knows: the chosen built-in fields (not the
/// custom values, which the picker checks itself) and the united ones.
template <class Record>
const MergeFields& merge_fields() {
  static const std::vector<std::string_view> chosen = [] {
    std::vector<std::string_view> names;
    for (const RecordField<Record>& field : record_fields<Record>())
      if (field.info.has(FieldRole::merge_choose) && field.info.type != RecordFieldType::custom)
        names.push_back(field.info.name);
    return names;
  }();
  static const std::vector<std::string_view> united = [] {
    std::vector<std::string_view> names;
    for (const RecordField<Record>& field : record_fields<Record>())
      if (field.info.has(FieldRole::merge_unite)) names.push_back(field.info.name);
    return names;
  }();
  static const MergeFields fields{chosen, united};
  return fields;
}

/// The survivor's addresses (its primary stays primary), then the other's that it lacks.
inline std::vector<Email> united(const std::vector<Email>& survivor, const std::vector<Email>& other) {
  if (survivor.empty()) return other;
  std::vector<Email> emails = survivor;
  std::unordered_set<std::string> seen;
  for (const Email& email : survivor) seen.insert(casefold(email.address));
  for (const Email& email : other)
    if (seen.insert(casefold(email.address)).second) emails.push_back({email.address, false});
  return emails;
}

/// The survivor's numbers, then the other's that it lacks (same E.164, or
/// for unreadable numbers the same text).
inline std::vector<Phone> united(const std::vector<Phone>& survivor, const std::vector<Phone>& other) {
  std::vector<Phone> phones = survivor;
  std::unordered_set<std::string> seen;
  auto key = [](const Phone& phone) { return phone.unreadable ? "raw:" + phone.raw : phone.e164; };
  for (const Phone& phone : survivor) seen.insert(key(phone));
  for (const Phone& phone : other)
    if (seen.insert(key(phone)).second) phones.push_back(phone);
  return phones;
}

/// One answer per channel; where both answered, the later answer holds (a
/// withdrawal is never lost to an older consent), the survivor's on a tie.
inline std::vector<Consent> united(const std::vector<Consent>& survivor, const std::vector<Consent>& other) {
  std::vector<Consent> consents = survivor;
  for (const Consent& answer : other) {
    auto same = std::find_if(consents.begin(), consents.end(),
                             [&](const Consent& c) { return c.channel == answer.channel; });
    if (same == consents.end())
      consents.push_back(answer);
    else if (answer.changed_at > same->changed_at)
      *same = answer;
  }
  return consents;
}

/// The tags of both; update() drops those repeated ignoring case.
inline std::vector<std::string> united(const std::vector<std::string>& survivor,
                                       const std::vector<std::string>& other) {
  std::vector<std::string> tags = survivor;
  tags.insert(tags.end(), other.begin(), other.end());
  return tags;
}

/// A link kept in rows of its own (a contact's employments): the rows of
/// both are moved to the survivor, whose current link stays.
template <class Tag>
Id<Tag> united(Id<Tag> survivor, Id<Tag>) {
  return survivor;
}

/// `merged` (the survivor as stored now) with each field merged from
/// `other`: chosen fields by `pick`, united ones from both, custom values
/// each by the rule.
template <class Record>
void merge_fields_into(Record& merged, const Record& other, const FieldPicker& pick) {
  for (const RecordField<Record>& field : record_fields<Record>()) {
    const FieldInfo& info = field.info;
    const bool choose = info.has(FieldRole::merge_choose), unite = info.has(FieldRole::merge_unite);
    if (!choose && !unite) continue;
    std::visit(
        [&](auto member) {
          auto& value = merged.*member;
          const auto& theirs = other.*member;
          if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, CustomValues>) {
            value = pick.pick_custom(value, theirs);
            return;
          } else if constexpr (requires { united(value, theirs); }) {
            if (unite) {
              value = united(value, theirs);
              return;
            }
          }
          if constexpr (requires { is_empty(value); }) {
            if (choose) {
              value = pick.pick(info.name, value, theirs);
              return;
            }
          }
          throw Error(ErrorCode::unsupported, std::string(info.name) + ": a field a merge cannot combine",
                      std::string(info.name));
        },
        field.member);
  }
}

}  // namespace crm::detail
