// Privacy::export_person(): everything about a person as one JSON document.
// The records in it are written as the JSON export writes them
// (io/export_json.cpp), so a field has one shape in every export.
#include <sstream>

#include <nlohmann/json.hpp>

#include "crm/account.hpp"
#include "crm/activity.hpp"
#include "crm/audit.hpp"
#include "crm/contact.hpp"
#include "crm/custom_field.hpp"
#include "crm/lead.hpp"
#include "crm/opportunity.hpp"
#include "crm/privacy.hpp"
#include "crm/record_fields.hpp"
#include "io/record_writer.hpp"
#include "io/reference_names.hpp"
#include "privacy/legal_holds.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"
#include "user/acting_user.hpp"

namespace crm {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "crmcore.person/1";

Json text_or_null(const std::optional<std::string>& text) { return text ? Json(*text) : Json(); }

// `record` as the JSON export writes it (one object).
template <class Data, class Record>
Json record_object(detail::Session& session, RecordKind kind, Record record) {
  detail::RecordDraft draft{Data(std::move(static_cast<Data&>(record))), {}};
  draft.id = record.id.value();
  std::vector<detail::RecordDraft> page;
  page.push_back(std::move(draft));
  detail::ReferenceNames(session).fill(page);
  std::ostringstream out;
  const auto writer =
      detail::json_record_writer(out, kind, detail::StoreAccess::make<CustomFields>(session).list(kind));
  writer->begin();
  writer->write(page.front());
  writer->end();
  Json written = Json::parse(out.str());
  Json object = std::move(written.at(0));
  if (record.deleted_at) object["deleted_at"] = format_instant(*record.deleted_at);
  return object;
}

Json record_json(detail::Session& session, RecordKind kind, std::int64_t id) {
  switch (kind) {
    case RecordKind::account:
      return record_object<AccountData>(session, kind, detail::StoreAccess::make<Accounts>(session).get(AccountId(id)));
    case RecordKind::contact:
      return record_object<ContactData>(session, kind, detail::StoreAccess::make<Contacts>(session).get(ContactId(id)));
    case RecordKind::lead:
      return record_object<LeadData>(session, kind, detail::StoreAccess::make<Leads>(session).get(LeadId(id)));
    case RecordKind::opportunity:
      return record_object<OpportunityData>(session, kind,
                                            detail::StoreAccess::make<Opportunities>(session).get(OpportunityId(id)));
    case RecordKind::activity:
      return record_object<ActivityData>(session, kind,
                                         detail::StoreAccess::make<Activities>(session).get(ActivityId(id)));
  }
  return Json();
}

// The records of `kind` whose ids `sql` selects (it reads the session's
// views, so records the session does not read are left out).
Json records_json(detail::Session& session, RecordKind kind, const std::string& sql, std::int64_t person) {
  std::vector<std::int64_t> ids;
  auto rows = session.prepare(sql);
  rows->bind(1, person);
  while (rows->executeStep()) ids.push_back(rows->getColumn(0).getInt64());
  rows->reset();
  Json list = Json::array();
  for (std::int64_t id : ids) list.push_back(record_json(session, kind, id));
  return list;
}

Json audit_json(const AuditEntry& entry) {
  return Json{{"seq", entry.seq},
              {"tx", entry.tx},
              {"at", format_instant(entry.at)},
              {"user", entry.user},
              {"origin", entry.origin},
              {"operation", std::string(audit_operation_name(entry.operation))},
              {"field", entry.field},
              {"old", text_or_null(entry.old_value)},
              {"new", text_or_null(entry.new_value)}};
}

Json employment_json(detail::Session& session, std::int64_t contact) {
  auto rows = session.prepare(
      "SELECT e.account_id, a.name, e.title, e.started_on, e.ended_on FROM employments e "
      "LEFT JOIN accounts a ON a.id = e.account_id WHERE e.contact_id = ? ORDER BY coalesce(e.started_on, ''), e.id");
  rows->bind(1, contact);
  Json list = Json::array();
  auto column = [&](int i) { return rows->getColumn(i).isNull() ? Json() : Json(rows->getColumn(i).getString()); };
  while (rows->executeStep())
    list.push_back(Json{{"account_id", rows->getColumn(0).getInt64()},
                        {"account", column(1)},
                        {"title", column(2)},
                        {"started_on", column(3)},
                        {"ended_on", column(4)}});
  rows->reset();
  return list;
}

Json merges_json(detail::Session& session, RecordKind kind, std::int64_t survivor) {
  auto rows = session.prepare(
      "SELECT merged_id, merged_at, coalesce(merged_by, ''), merged_record FROM main.merges "
      "WHERE record_kind = ? AND survivor_id = ? ORDER BY id");
  rows->bind(1, std::string(record_kind_name(kind)));
  rows->bind(2, survivor);
  Json list = Json::array();
  while (rows->executeStep())
    list.push_back(Json{{"merged_id", rows->getColumn(0).getInt64()},
                        {"merged_at", rows->getColumn(1).getString()},
                        {"merged_by", rows->getColumn(2).getString()},
                        {"merged_record", Json::parse(rows->getColumn(3).getString())}});
  rows->reset();
  return list;
}

Json hold_json(const std::optional<LegalHold>& hold) {
  if (!hold) return Json();
  return Json{{"reason", hold->reason}, {"placed_at", format_instant(hold->placed_at)}, {"placed_by", hold->placed_by}};
}

}  // namespace

std::string Privacy::export_person(RecordKind kind, std::int64_t record_id) const {
  return detail::guarded_read(session_, [&] {
    detail::require_person_kind(kind);
    detail::require_action(session_, kind, Action::export_);
    Json document = Json::object();
    document["format"] = kFormat;
    document["exported_at"] = format_instant(session_.now());
    document["kind"] = std::string(record_kind_name(kind));
    document["id"] = record_id;
    document["person"] = record_json(session_, kind, record_id);  // not_found for no such person, or one not read

    const std::vector<AuditEntry> history = detail::StoreAccess::make<Audit>(session_).history(kind, record_id);
    Json consents = Json::array(), audit = Json::array();
    for (const AuditEntry& entry : history) {
      audit.push_back(audit_json(entry));
      const FieldInfo* field = find_record_field(kind, entry.field);
      if (field && field->type == RecordFieldType::consents) consents.push_back(audit.back());
    }
    document["consent_history"] = std::move(consents);
    const bool contact = kind == RecordKind::contact;
    document["employment"] = contact ? employment_json(session_, record_id) : Json::array();
    document["deals"] = records_json(
        session_, RecordKind::opportunity,
        contact ? "SELECT id FROM opportunities WHERE primary_contact_id = ?1 OR id IN "
                  "(SELECT opportunity_id FROM opportunity_contacts WHERE contact_id = ?1) ORDER BY id"
                : "SELECT o.id FROM opportunities o JOIN leads l ON l.converted_opportunity_id = o.id "
                  "WHERE l.id = ?1",
        record_id);
    document["activities"] =
        records_json(session_, RecordKind::activity,
                     std::string("SELECT id FROM activities WHERE ") + (contact ? "contact_id" : "lead_id") +
                         " = ?1 ORDER BY coalesce(starts_at, ''), id",
                     record_id);
    document["leads"] =
        contact ? records_json(session_, RecordKind::lead,
                               "SELECT id FROM leads WHERE converted_contact_id = ?1 ORDER BY id", record_id)
                : Json::array();
    document["merges"] = merges_json(session_, kind, record_id);
    document["legal_hold"] = hold_json(detail::read_legal_hold(session_, kind, record_id));
    document["audit"] = std::move(audit);
    return document.dump(2);
  });
}

}  // namespace crm
