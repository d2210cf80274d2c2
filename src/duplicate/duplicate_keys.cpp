#include "duplicate/duplicate_keys.hpp"

#include "crm/error.hpp"

namespace crm::detail {
namespace {

constexpr DuplicateKey kContactKeys[] = {
    {"contact_emails", "contact_id", "address_key", DuplicateReason::same_email},
    {"contact_phones", "contact_id", "e164", DuplicateReason::same_phone},
};

constexpr DuplicateKey kAccountKeys[] = {
    {"accounts", "id", "email_key", DuplicateReason::same_email},
    {"accounts", "id", "phone_e164", DuplicateReason::same_phone},
    {"accounts", "id", "registration_key", DuplicateReason::same_registration_number, true},
    {"accounts", "id", "vat_key", DuplicateReason::same_vat_id, true},
};

constexpr DuplicateKeys kContacts{"contacts", kContactKeys};
constexpr DuplicateKeys kAccounts{"accounts", kAccountKeys};

constexpr DuplicateReason kAllReasons[] = {DuplicateReason::same_email, DuplicateReason::same_phone,
                                           DuplicateReason::same_registration_number, DuplicateReason::same_vat_id,
                                           DuplicateReason::same_name};

}  // namespace

const DuplicateKeys& duplicate_keys(RecordKind kind, std::string_view field) {
  if (kind == RecordKind::contact) return kContacts;
  if (kind == RecordKind::account) return kAccounts;
  throw Error(ErrorCode::invalid_argument,
              std::string(field) + ": duplicates are found among accounts and contacts, not " +
                  std::string(record_kind_name(kind)) + " records",
              std::string(field));
}

std::vector<DuplicateReason> reasons_of(int mask) {
  std::vector<DuplicateReason> reasons;
  for (DuplicateReason reason : kAllReasons)
    if (mask & reason_bit(reason)) reasons.push_back(reason);
  return reasons;
}

std::string mask_aggregate_sql(std::string_view bit) {
  std::string sql;
  for (DuplicateReason reason : kAllReasons)
    sql += (sql.empty() ? "(" : " | ") + std::string("max(") + std::string(bit) + " & " +
           std::to_string(reason_bit(reason)) + ")";
  return sql + ")";
}

std::string score_sql(std::string_view mask) {
  constexpr int kMasks = 1 << std::size(kAllReasons);
  std::string sql = "CASE " + std::string(mask);
  for (int m = 1; m < kMasks; ++m)
    sql += " WHEN " + std::to_string(m) + " THEN " + std::to_string(duplicate_score(reasons_of(m)));
  return sql + " ELSE 0 END";
}

std::string identifier_key_sql(std::string_view operand) {
  std::string sql(operand);
  for (const char* removed : {"' '", "char(160)", "'-'", "'.'", "'/'", "'_'", "','", "':'"})
    sql = "replace(" + sql + ", " + removed + ", '')";
  return "nullif(lower(" + sql + "), '')";
}

}  // namespace crm::detail
