// crmcore: the privacy law — what the CRM knows about a person, given to
// them as one document, and their erasure ("right to be forgotten").
//
// A person is a contact or a lead. Which fields are personal data is said
// once, by the `personal` role of the record descriptors
// (crm/record_fields.hpp): names, emails, phones, birthday, a lead's job
// title, an activity's number and address. Consents are personal too but
// are kept by an erasure: they are the proof of what the person agreed to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/table.hpp"
#include "crm/time.hpp"

namespace crm {

/// What an erased personal text field holds when the record needs a value
/// there (a contact's family name, a lead's): "[erased]". Emails and phone
/// numbers found in free text are replaced by it too.
inline constexpr const char* kErasedText = "[erased]";

/// A hold that keeps a person's data: while it is placed, the person can be
/// neither erased nor purged (a lawsuit, an inquiry by the authorities).
struct LegalHold {
  RecordKind kind = RecordKind::contact;  ///< contact or lead.
  std::int64_t record_id = 0;             ///< The person's id.
  std::string reason{};                   ///< Why, for the people who will ask later.
  Instant placed_at{};                    ///< When it was placed (UTC).
  std::string placed_by{};                ///< The login that placed it; "" for a system session.
  /// Equal when every member is.
  friend bool operator==(const LegalHold&, const LegalHold&) = default;
};

/// What an erasure changed.
struct ErasureReport {
  /// The persons erased: the one asked for, and for a contact the leads
  /// that were converted into it (the same person); kind and id each.
  std::vector<std::pair<RecordKind, std::int64_t>> persons{};
  /// The personal fields blanked on them, by name ("first_name", "emails").
  std::vector<std::string> fields{};
  /// Activities whose texts, address or number carried the person's emails
  /// or phone numbers (those are replaced by kErasedText).
  std::int64_t activities = 0;
  /// Audit trail entries whose values for the person were blanked (the
  /// entries stay: who changed what and when; the personal values go).
  std::int64_t audit_entries = 0;
  /// Merge history rows whose snapshot of the merged record was blanked.
  std::int64_t merges = 0;
  /// Equal when every member is.
  friend bool operator==(const ErasureReport&, const ErasureReport&) = default;
};

/// `report` as a JSON object: {"persons": [{"kind": "contact", "id": 7}, ...],
/// "fields": [...], "activities": n, "audit_entries": n, "merges": n}: what
/// the C ABI and the crm program give.
std::string erasure_report_json(const ErasureReport& report);

/// `holds` as a table, one row per hold, with the columns kind (text),
/// record_id (integer), reason, placed_at (ISO 8601) and placed_by (text):
/// what the C ABI's cursors and the crm program show.
Table legal_hold_table(const std::vector<LegalHold>& holds);

namespace detail {
class Session;
struct StoreAccess;
}  // namespace detail

/// Export and erasure of a person (db.privacy()). Throws crm::Error;
/// invalid_argument for a kind other than contact or lead.
class Privacy {
 public:
  /// Everything the database holds about the person `record_id` of `kind`
  /// as one JSON document (UTF-8, an object): "format"
  /// ("crmcore.person/1"), "exported_at", "kind", "id", "person" (the
  /// record's fields, as ExportFormat::json writes them, consents
  /// included), "consent_history" (every logged change of a consent),
  /// "employment" (for a contact: each employer with title and dates),
  /// "deals" (the deals they are the contact of or one of the contacts
  /// of), "activities" (those about them), "leads" (for a contact: the
  /// leads converted into it, with their fields), "merges" (records merged
  /// into them), "legal_hold" (null when none) and "audit" (every logged
  /// change of them: seq, at, user, origin, operation, field, old, new).
  /// Deals and activities are left out when the session does not read
  /// them. Needs the export action on `kind`; not_found when the person
  /// does not exist or is not read by the session (a soft-deleted person is
  /// exported).
  std::string export_person(RecordKind kind, std::int64_t record_id) const;

  /// Erases the person `record_id` of `kind` in one transaction: its
  /// personal fields (except consents) are cleared, a required name becomes
  /// kErasedText; for a contact the leads converted into it are erased too;
  /// the person's emails and phone numbers are replaced by kErasedText in
  /// the texts of every activity (and cleared from an activity's own
  /// number and address), in their merge history and in every audit entry;
  /// the audit entries of the person lose the values of personal fields
  /// (the entries stay). The search index is rebuilt without them, their
  /// duplicate keys go with the fields, and the pages SQLite frees are
  /// overwritten (secure_delete), so that after a VACUUM their email and
  /// phone appear nowhere in the file. The erasure is logged as operation
  /// "erase" naming the fields, without values. The record stays (soft
  /// deleted or not), with its links, tags, owner and consents.
  /// conflict when the person (or one of those leads) is under a legal
  /// hold; needs the delete action on `kind` and the update scope on the
  /// person (permission_denied otherwise); not_found as export_person().
  ErasureReport erase(RecordKind kind, std::int64_t record_id);

  /// Places a legal hold on the person `record_id` of `kind`, or replaces
  /// the reason of the one placed. invalid_argument for an empty reason
  /// (one line, at most 1000 characters), not_found for no such person;
  /// permission_denied unless system session or administrator.
  void place_hold(RecordKind kind, std::int64_t record_id, const std::string& reason);
  /// Releases the hold on the person; not_found when none is placed;
  /// permission_denied unless system session or administrator.
  void release_hold(RecordKind kind, std::int64_t record_id);
  /// The hold on the person, if one is placed and the session reads the person.
  std::optional<LegalHold> hold(RecordKind kind, std::int64_t record_id) const;
  /// Every hold placed on a person the session reads, by kind then id.
  std::vector<LegalHold> holds() const;

 private:
  friend struct detail::StoreAccess;
  explicit Privacy(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
