// Where the keys that make two records duplicates are kept, per record kind,
// and the reasons as bits of one integer (so that SQL can collect them).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crm/duplicates.hpp"

namespace crm::detail {

/// One indexed key that two duplicates share: the table and column that
/// hold it and the column with the id of the record it belongs to ("id"
/// when the key is on the record's own row).
struct DuplicateKey {
  std::string_view table;   ///< "contact_emails"
  std::string_view owner;   ///< "contact_id"
  std::string_view column;  ///< "address_key"
  DuplicateReason reason;   ///< What sharing it means.
  /// True for a key that SQL folds from the raw value (identifier_key_sql()):
  /// new values are folded the same way before they are compared.
  bool identifier = false;
};

/// The keys of one record kind: its table (with `name_key` and
/// `deleted_at`) and its strong keys. Names (same_name) are weaker than
/// every strong key, which lets pairs that share only a name be listed after
/// all others without scoring them first.
struct DuplicateKeys {
  std::string_view records;                 ///< "contacts" or "accounts"
  std::span<const DuplicateKey> strong;     ///< Emails, phones, registration numbers, VAT ids.
};

/// The keys of accounts or contacts; throws Error(invalid_argument) naming
/// `field` for other kinds.
const DuplicateKeys& duplicate_keys(RecordKind kind, std::string_view field);

/// The bit of `reason` in a reason mask (1 << its enumerator value).
constexpr int reason_bit(DuplicateReason reason) noexcept { return 1 << static_cast<int>(reason); }

/// The reasons in `mask`, in DuplicateReason order.
std::vector<DuplicateReason> reasons_of(int mask);

/// An SQL aggregate OR-ing the reason bits of the SQL expression `bit`
/// over a group (without the temporary tables of sum(DISTINCT ...)).
std::string mask_aggregate_sql(std::string_view bit);

/// An SQL CASE giving the score (duplicate_score()) of the reason mask in
/// the SQL expression `mask`.
std::string score_sql(std::string_view mask);

/// The SQL expression folding a registration number or VAT id (the SQL
/// expression `operand`) to its key, as schema version 6's generated
/// columns accounts.registration_key and accounts.vat_key do.
std::string identifier_key_sql(std::string_view operand);

}  // namespace crm::detail
