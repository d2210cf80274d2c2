#include "duplicate/merge_snapshot.hpp"

#include <nlohmann/json.hpp>

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

// id, version, created_at, updated_at and custom, which every record has.
template <class Record>
json record_json(const Record& record) {
  return {{"id", record.id.value()},
          {"version", record.version},
          {"created_at", format_instant(record.created_at)},
          {"updated_at", format_instant(record.updated_at)},
          {"custom", custom_json(record.custom)}};
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

}  // namespace

std::string contact_snapshot(const Contact& c) {
  json snapshot = record_json(c);
  snapshot.update(json{{"first_name", c.first_name},
                       {"last_name", c.last_name},
                       {"emails", emails_json(c.emails)},
                       {"phones", phones_json(c.phones)},
                       {"job_title", c.job_title},
                       {"birthday", c.birthday ? json(c.birthday->to_string()) : json(nullptr)},
                       {"preferred_language", c.preferred_language},
                       {"country", c.country},
                       {"owner", c.owner},
                       {"lead_source", c.lead_source},
                       {"campaign", c.campaign},
                       {"external_ref", c.external_ref},
                       {"consents", consents_json(c.consents)},
                       {"tags", c.tags},
                       {"description", c.description},
                       {"account", id_or_null(c.account)}});
  return snapshot.dump();
}

std::string account_snapshot(const Account& a) {
  json snapshot = record_json(a);
  snapshot.update(json{{"name", a.name},
                       {"registration_number", a.registration_number},
                       {"vat_id", a.vat_id},
                       {"industry", a.industry},
                       {"website", a.website},
                       {"phone", a.phone},
                       {"phone_e164", a.phone_e164},
                       {"email", a.email},
                       {"address",
                        {{"street", a.address.street},
                         {"city", a.address.city},
                         {"postal_code", a.address.postal_code},
                         {"region", a.address.region},
                         {"country", a.address.country}}},
                       {"parent", id_or_null(a.parent)},
                       {"owner", a.owner},
                       {"lead_source", a.lead_source},
                       {"campaign", a.campaign},
                       {"external_ref", a.external_ref},
                       {"tags", a.tags},
                       {"description", a.description}});
  return snapshot.dump();
}

}  // namespace crm::detail
