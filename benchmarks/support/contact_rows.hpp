// Generated contacts for the benchmarks that write contacts, and the floor
// they are compared with: raw SQLite prepared inserts of the same rows,
// already cleaned, keyed and normalized, into the same tables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "crm/contact.hpp"

namespace crm::bench {

/// How many owners make_contacts() hands the contacts out to ("user0" ...).
inline constexpr int kContactOwners = 20;

/// `rows` contacts with Latvian, Lithuanian, Ukrainian, German and English
/// names, an email, a mobile phone ("+371 2…" or, with national_phones,
/// "2x xxx xxx", then all in Latvia), job title, country, owner, external_ref and birthday.
std::vector<ContactData> make_contacts(int rows, bool national_phones);

/// A contact as raw SQLite receives it: cleaned, keyed, normalized.
struct RawContact {
  ContactData data;
  std::string name_key;
  std::string email_key;
  std::string e164;
};

/// The keys and E.164 numbers crmcore would derive (default region LV).
std::vector<RawContact> normalize_for_raw(const std::vector<ContactData>& input);

/// A new crmcore file at "<temp dir>/<name>" (an older one removed), empty
/// but for the kContactOwners users make_contacts() names.
std::string fresh_database_file(const char* name);

/// Inserts `rows` into contacts, contact_emails and contact_phones of `db`
/// with prepared statements, committing every `batch_rows` rows; the search
/// index is brought up to date once per batch, as schema_v5.hpp asks of
/// writers of many rows.
void insert_raw_contacts(SQLite::Database& db, const std::vector<RawContact>& rows, std::size_t batch_rows);

}  // namespace crm::bench
