// Every column of the schema that refers to an account or a contact, and
// what a merge does with it. A merge walks this list, and a test checks it
// against the foreign keys of every table, so that a table added later
// with such a reference fails that test until it is listed here.
#pragma once

#include <string_view>

#include "crm/custom_field.hpp"

namespace crm::detail {

/// What merging record `other` into `survivor` does with a reference to `other`.
enum class OnMerge {
  /// UPDATE ... SET column = survivor.
  repoint,
  /// The column is part of a unique key (a deal's contacts, list members):
  /// rows that would repeat one the survivor has already are dropped, the
  /// rest are re-pointed.
  repoint_unique,
  /// A companion row of the record (emails, phones, tags, consents): the
  /// merge unites them into the survivor's own; the other's go with it.
  unite,
};

/// One column holding the id of an account or a contact.
struct RecordReference {
  RecordKind to;            ///< RecordKind::account or RecordKind::contact.
  std::string_view table;   ///< The referring table.
  std::string_view column;  ///< The referring column.
  OnMerge on_merge;         ///< What a merge does with it.
  /// The table has version and updated_at: re-pointed rows get a new
  /// version (a stale copy elsewhere then fails with conflict).
  bool versioned = false;
  /// Declared as a foreign key (false for plain id columns such as
  /// segment_members.record_id, whose meaning depends on another column).
  bool foreign_key = true;
  /// SQL that further limits the rows, where the column holds other things
  /// too; may use :survivor and :other.
  std::string_view scope = {};
};

/// Every reference to accounts and contacts in the schema.
inline constexpr RecordReference kRecordReferences[] = {
    {RecordKind::contact, "contact_emails", "contact_id", OnMerge::unite},
    {RecordKind::contact, "contact_phones", "contact_id", OnMerge::unite},
    {RecordKind::contact, "contact_tags", "contact_id", OnMerge::unite},
    {RecordKind::contact, "contact_consents", "contact_id", OnMerge::unite},
    {RecordKind::contact, "employments", "contact_id", OnMerge::repoint},
    {RecordKind::contact, "opportunities", "primary_contact_id", OnMerge::repoint, true},
    {RecordKind::contact, "opportunity_contacts", "contact_id", OnMerge::repoint_unique},
    {RecordKind::contact, "leads", "converted_contact_id", OnMerge::repoint, true},
    {RecordKind::contact, "activities", "contact_id", OnMerge::repoint, true},
    {RecordKind::contact, "segment_members", "record_id", OnMerge::repoint_unique, false, false,
     "segment_id IN (SELECT id FROM segments WHERE record_kind = 'contact')"},
    {RecordKind::contact, "merges", "survivor_id", OnMerge::repoint, false, false, "record_kind = 'contact'"},

    {RecordKind::account, "account_tags", "account_id", OnMerge::unite},
    // Subsidiaries of the other become the survivor's; the survivor's own
    // parent is a field of the merge.
    {RecordKind::account, "accounts", "parent_id", OnMerge::repoint, true, true, "id <> :survivor"},
    {RecordKind::account, "employments", "account_id", OnMerge::repoint},
    {RecordKind::account, "opportunities", "account_id", OnMerge::repoint, true},
    {RecordKind::account, "leads", "converted_account_id", OnMerge::repoint, true},
    {RecordKind::account, "activities", "account_id", OnMerge::repoint, true},
    {RecordKind::account, "segment_members", "record_id", OnMerge::repoint_unique, false, false,
     "segment_id IN (SELECT id FROM segments WHERE record_kind = 'account')"},
    {RecordKind::account, "merges", "survivor_id", OnMerge::repoint, false, false, "record_kind = 'account'"},
};

}  // namespace crm::detail
