// crmcore: finding duplicate accounts and contacts, and merging two records
// into one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/account.hpp"
#include "crm/contact.hpp"
#include "crm/custom_field.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// Why two records look like the same organization or person. Each reason
/// has a weight (see duplicate_reason_weight()).
enum class DuplicateReason {
  same_email,                ///< An email address in common, ignoring case (Unicode-aware). Weight 90.
  same_phone,                ///< A phone number in common (compared in E.164). Weight 80.
  /// Accounts: the same registration number, ignoring case, spaces and punctuation. Weight 95.
  same_registration_number,
  /// Accounts: the same VAT id, ignoring case, spaces and punctuation. Weight 95.
  same_vat_id,
  /// The same name ignoring case, diacritics and white space (contacts: last
  /// and first name), or the same ASCII Latin spelling of it, as people type
  /// names on a Latin keyboard: "Kozlowski" and "Kozłowski", "Mueller" and
  /// "Müller" (and "Muller" and "Müller"), "Ivanov" and "Иванов" (Cyrillic
  /// transliterated by BGN/PCGN with ICU). Weight 40.
  same_name,
};
/// "same_email", "same_phone", "same_registration_number", "same_vat_id" or "same_name".
std::string_view duplicate_reason_name(DuplicateReason reason) noexcept;
/// The reason named `name` (as duplicate_reason_name() writes it), or nullopt.
std::optional<DuplicateReason> duplicate_reason_from_name(std::string_view name) noexcept;
/// How strongly one reason alone says "duplicate", 1..100 (its score alone).
int duplicate_reason_weight(DuplicateReason reason) noexcept;
/// The score of a pair with these reasons, 1..100 (0 for none): each reason
/// removes its share of the remaining doubt, score = 100 × (1 − Π(1 − weight/100)),
/// rounded. Email alone 90, email and name 94, email and phone 98.
int duplicate_score(const std::vector<DuplicateReason>& reasons) noexcept;

/// Two live records of one kind that look like duplicates.
struct DuplicatePair {
  RecordKind kind = RecordKind::contact;  ///< RecordKind::account or RecordKind::contact.
  std::int64_t first_id = 0;              ///< The smaller id of the two.
  std::int64_t second_id = 0;             ///< The larger id.
  int score = 0;                          ///< 1..100, see duplicate_score().
  std::vector<DuplicateReason> reasons{}; ///< Every reason found, in DuplicateReason order.

  friend bool operator==(const DuplicatePair&, const DuplicatePair&) = default;
};

/// A live record that new data would duplicate (Duplicates::matches()).
struct DuplicateMatch {
  std::int64_t id = 0;                    ///< The existing record.
  int score = 0;                          ///< 1..100, see duplicate_score().
  std::vector<DuplicateReason> reasons{}; ///< Every reason found, in DuplicateReason order.

  friend bool operator==(const DuplicateMatch&, const DuplicateMatch&) = default;
};

/// How many duplicates to report, and how likely they must be.
struct DuplicateQuery {
  /// At most this many results, 1 to 100000.
  std::size_t limit = 1000;
  /// Only results scoring at least this, 1 to 100 (e.g. 80: leave out pairs
  /// that share only a name).
  int min_score = 1;
};

/// Which record a merged field takes its value from.
enum class MergeSide {
  survivor,  ///< The record that stays.
  other,     ///< The record merged into it (and deleted).
};
/// "survivor" or "other".
std::string_view merge_side_name(MergeSide side) noexcept;
/// The side named `name` (as merge_side_name() writes it), or nullopt.
std::optional<MergeSide> merge_side_from_name(std::string_view name) noexcept;

/// Per-field choices of a merge, by field name: the built-in fields of the
/// record kind (contacts: first_name, last_name, job_title, birthday,
/// preferred_language, country, owner, lead_source, campaign, external_ref,
/// description; accounts: name, registration_number, vat_id, industry,
/// website, phone, email, address (all its parts together), parent, owner,
/// lead_source, campaign, external_ref, description) and custom field
/// names (ignoring case). A field not named takes the survivor's value, or
/// the other's when the survivor has none; a named field takes the chosen
/// side's value, even an empty one. Emails, phones, tags and consents are always united and
/// cannot be chosen.
struct MergeChoices {
  std::map<std::string, MergeSide> fields{};
};

/// One merge as recorded in the merge history.
struct MergeRecord {
  std::int64_t id = 0;                    ///< Row id in the history.
  RecordKind kind = RecordKind::contact;  ///< RecordKind::account or RecordKind::contact.
  /// The record that stayed (or, after a later merge of it, the one that has its history now).
  std::int64_t survivor_id = 0;
  std::int64_t merged_id = 0;             ///< The record merged into it, deleted since.
  Instant merged_at{};                    ///< When (UTC).
  std::string merged_by{};                ///< The connection's user then (Database::user()); may be empty.
  /// The choices given, {"job_title": "other", ...}: built-in fields in
  /// lower case, custom fields as they are defined.
  std::string choices_json{};
  /// The merged record as it was just before the merge, a JSON object of its
  /// fields as the C++ record has them (emails, phones, consents, tags,
  /// custom values by field name as text, version and time stamps).
  std::string merged_record_json{};
};

/// Finds duplicate accounts and contacts in a Database (db.duplicates()) and
/// merges them. Only live (not soft-deleted) records are compared. Throws
/// crm::Error.
///
/// Finding is set-based: records are grouped by their indexed keys (emails,
/// phones, registration numbers, VAT ids, names) in SQL, so that a million
/// records take seconds, not a comparison of every pair.
class Duplicates {
 public:

  /// Pairs of live records of `kind` (RecordKind::account or
  /// RecordKind::contact; other kinds throw invalid_argument) that look like
  /// duplicates, best score first, then by first_id and second_id; the
  /// pairs that share only a name come last, by name: those with the same
  /// name, then those whose names are only spelled alike in ASCII Latin
  /// ("Ivanov" and "Иванов"), by that spelling. A record never pairs with
  /// itself. Throws invalid_argument for a limit or
  /// min_score out of range.
  std::vector<DuplicatePair> find(RecordKind kind, const DuplicateQuery& query = {}) const;

  /// The live contacts a new contact with `data` would duplicate (its
  /// emails, phones and name), best score first, then by id: what an
  /// importer asks before inserting. Throws invalid_argument for an email or
  /// phone number that is not valid (as Contacts::create would).
  std::vector<DuplicateMatch> matches(const ContactData& data, const DuplicateQuery& query = {}) const;
  /// The live accounts a new account with `data` would duplicate (its
  /// email, phone, registration number, VAT id and name); as the contact
  /// overload.
  std::vector<DuplicateMatch> matches(const AccountData& data, const DuplicateQuery& query = {}) const;

  /// Merges contact `other` into `survivor` in one transaction and returns
  /// the survivor as stored (its version incremented). Fields follow
  /// `choices` (see MergeChoices); emails, phones and tags are united (the
  /// survivor's primary email stays primary), consents too (on a channel
  /// both answered, the later answer holds); custom values follow the field
  /// rule. Every activity, deal (as primary or further contact), employment,
  /// lead conversion link and static list membership of `other` moves to the
  /// survivor (records moved get a new version); then `other` is deleted for
  /// good and the merge is recorded (see history()).
  /// Throws invalid_argument for the same id twice or an unknown field name
  /// in `choices`, not_found for an id that does not exist, conflict when
  /// either is soft-deleted; nothing is written then.
  Contact merge(ContactId survivor, ContactId other, const MergeChoices& choices = {});

  /// Merges account `other` into `survivor` as the contact overload does:
  /// tags united, and every activity, deal, employment (the other's people
  /// now work for the survivor), lead conversion link, list membership and
  /// subsidiary moves to the survivor. A survivor that was the other's
  /// subsidiary takes the other's parent (unless `choices` say otherwise).
  /// Throws as the contact overload, and invalid_argument when the merge
  /// would make an account its own parent through a chain of subsidiaries.
  Account merge(AccountId survivor, AccountId other, const MergeChoices& choices = {});

  /// The merges into the record `survivor_id` of `kind` (account or
  /// contact), newest first, including those into records later merged into
  /// it. Throws invalid_argument for another kind, not_found for a record
  /// that does not exist.
  std::vector<MergeRecord> history(RecordKind kind, std::int64_t survivor_id) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Duplicates(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
