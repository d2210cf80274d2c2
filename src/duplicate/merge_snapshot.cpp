#include "duplicate/merge_snapshot.hpp"

#include <nlohmann/json.hpp>

#include "crm/error.hpp"
#include "crm/record_fields.hpp"

namespace crm::detail {
namespace {

using nlohmann::json;

template <class Tag>
json id_or_null(Id<Tag> id) {
  return id ? json(id.value()) : json(nullptr);
}

json custom_json(const CustomValues& values) {
  json object = json::object();
  for (const auto& [name, value] : values) object[name] = value.to_string();
  return object;
}

json emails_json(const std::vector<Email>& emails) {
  json array = json::array();
  for (const Email& email : emails) array.push_back({{"address", email.address}, {"primary", email.primary}});
  return array;
}

json phones_json(const std::vector<Phone>& phones) {
  json array = json::array();
  for (const Phone& phone : phones)
    array.push_back({{"kind", phone_kind_name(phone.kind)}, {"raw", phone.raw}, {"e164", phone.e164}});
  return array;
}

json consents_json(const std::vector<Consent>& consents) {
  json array = json::array();
  for (const Consent& consent : consents)
    array.push_back({{"channel", consent_channel_name(consent.channel)},
                     {"granted", consent.granted},
                     {"changed_at", format_instant(consent.changed_at)}});
  return array;
}

json value_json(const std::string& text) { return text; }
json value_json(std::int64_t number) { return number; }
json value_json(int number) { return number; }
json value_json(const Instant& at) { return format_instant(at); }
json value_json(const std::optional<Instant>& at) { return at ? json(format_instant(*at)) : json(nullptr); }
json value_json(const std::optional<Birthday>& birthday) {
  return birthday ? json(birthday->to_string()) : json(nullptr);
}
json value_json(const std::vector<Email>& emails) { return emails_json(emails); }
json value_json(const std::vector<Phone>& phones) { return phones_json(phones); }
json value_json(const std::vector<Consent>& consents) { return consents_json(consents); }
json value_json(const std::vector<std::string>& tags) { return tags; }
json value_json(const CustomValues& values) { return custom_json(values); }
template <class Tag>
json value_json(Id<Tag> id) {
  return id_or_null(id);
}
/// An address as an object of its parts, named as the segment language names them ("street").
json value_json(const Address& address) {
  json object = json::object();
  for (const RecordField<AccountData>& part : record_fields<AccountData>())
    if (part.address_part) object[std::string(part.info.filter_field())] = address.*part.address_part;
  return object;
}
/// Members of other types are not in the snapshots of contacts and accounts.
template <class Value>
json value_json(const Value&) {
  throw Error(ErrorCode::unsupported, "merge snapshot: a field of a type it does not write");
}

/// Every field of `record` by name; an address as one object of its parts.
template <class Record>
std::string snapshot(const Record& record) {
  json object = json::object();
  for (const RecordField<Record>& field : record_fields<Record>())
    if (!field.address_part)
      std::visit([&](auto member) { object[std::string(field.info.name)] = value_json(record.*member); },
                 field.member);
  return object.dump();
}

}  // namespace

std::string contact_snapshot(const Contact& contact) { return snapshot(contact); }

std::string account_snapshot(const Account& account) { return snapshot(account); }

}  // namespace crm::detail
