// The untyped view of the descriptor tables: every field of a stored record
// of each kind.
#include "crm/record_fields.hpp"

#include "model/field_table.hpp"

namespace crm {

const std::vector<FieldInfo>& record_fields(RecordKind kind) {
  static const std::vector<FieldInfo> all[] = {
      model::infos(record_fields<Account>()), model::infos(record_fields<Contact>()), model::infos(record_fields<Lead>()),
      model::infos(record_fields<Opportunity>()), model::infos(record_fields<Activity>())};
  return all[static_cast<std::size_t>(kind)];
}

const FieldInfo* find_record_field(RecordKind kind, std::string_view name) noexcept {
  for (const FieldInfo& field : record_fields(kind))
    if (field.name == name) return &field;
  return nullptr;
}

std::string_view record_field_type_name(RecordFieldType type) noexcept {
  using T = RecordFieldType;
  switch (type) {
    case T::text: return "text";
    case T::integer: return "integer";
    case T::duration: return "duration";
    case T::percent: return "percent";
    case T::money: return "money";
    case T::date: return "date";
    case T::instant: return "instant";
    case T::boolean: return "boolean";
    case T::birthday: return "birthday";
    case T::enumeration: return "enumeration";
    case T::reference: return "reference";
    case T::emails: return "emails";
    case T::phones: return "phones";
    case T::tags: return "tags";
    case T::consents: return "consents";
    case T::deal_contacts: return "deal_contacts";
    case T::line_items: return "line_items";
    case T::recurrence: return "recurrence";
    case T::address: return "address";
    case T::custom: return "custom";
  }
  return "unknown";
}

}  // namespace crm
