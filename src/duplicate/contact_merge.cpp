// Merging one contact into another: the merged fields, united collections,
// the references moved, the other deleted and the merge recorded.
#include <unordered_set>

#include "contact/contact_table.hpp"
#include "crm/audit.hpp"
#include "crm/contact.hpp"
#include "duplicate/field_picker.hpp"
#include "duplicate/merge_fields.hpp"
#include "duplicate/merge_history.hpp"
#include "duplicate/merge_snapshot.hpp"
#include "duplicate/record_merge.hpp"
#include "duplicate/repoint.hpp"
#include "storage/session.hpp"
#include "text/unicode.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {
namespace {

// `current` (the survivor as stored now) with the fields of the merge.
Contact merged_contact(Contact current, const Contact& other, const FieldPicker& pick) {
  merge_fields_into(current, other, pick);
  return current;
}

}  // namespace

Contact merge_contacts(Session& session, ContactId survivor_id, ContactId other_id, const MergeChoices& choices) {
  WriteScope scope(session);
  AuditOperationScope merging(session, audit_operation_name(AuditOperation::merge));
  require_mergeable(session, kContactTable, survivor_id.value(), other_id.value());
  const FieldPicker pick(session, RecordKind::contact, merge_fields<Contact>(), choices);
  Contacts contacts = detail::StoreAccess::make<Contacts>(session);
  const Contact other = contacts.get(other_id);
  repoint_references(session, RecordKind::contact, survivor_id.value(), other_id.value());
  delete_merged(session, kContactTable, other_id.value());  // frees its external_ref for the survivor
  // Read after the move: the current employer now follows the moved employments.
  Contact stored = contacts.update(merged_contact(contacts.get(survivor_id), other, pick));
  record_merge(session, RecordKind::contact, survivor_id.value(), other_id.value(), pick.choices_json(),
               contact_snapshot(other));
  scope.commit();
  return stored;
}

}  // namespace crm::detail
