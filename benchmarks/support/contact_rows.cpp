#include "support/contact_rows.hpp"

#include <filesystem>

#include "common/phone.hpp"
#include "crm/database.hpp"
#include "support/data_file.hpp"
#include "text/unicode.hpp"

namespace crm::bench {
namespace {

const char* kFirst[] = {"Jānis", "Anna", "Ona", "Олена", "Пётр", "Jürgen", "Sarah", "Mārtiņš", "Rūta", "Тарас"};
const char* kLast[] = {"Bērziņš", "Kazlauskienė", "Ковальчук", "Смирнова", "Müller", "O'Connor", "Ozola",
                       "Jankauskas", "Шевченко", "Schäfer", "Taylor", "Kalniņa"};
const char* kTitles[] = {"CEO", "CFO", "Sales manager", "Chief accountant", "IT manager"};
const char* kCountries[] = {"LV", "LT", "UA", "DE", "GB"};

}  // namespace

std::vector<ContactData> make_contacts(int rows, bool national_phones) {
  std::vector<ContactData> input;
  input.reserve(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i) {
    ContactData d;
    d.first_name = kFirst[i % 10];
    d.last_name = kLast[(i / 10) % 12];
    d.emails = {{"person" + std::to_string(i) + "@example.lv", true}};
    const std::string digits = std::to_string(20000000 + i % 9999999);
    d.phones = {{PhoneKind::mobile,
                 national_phones ? digits.substr(0, 2) + " " + digits.substr(2, 3) + " " + digits.substr(5)
                                 : "+371 " + digits,
                 ""}};
    d.job_title = kTitles[i % 5];
    // A number written without its country code is read in the contact's
    // country: national numbers are Latvian, so their contacts live in Latvia.
    d.country = national_phones ? "LV" : kCountries[i % 5];
    d.owner = "user" + std::to_string(i % kContactOwners);
    d.external_ref = "C-" + std::to_string(i);
    d.birthday = Birthday{1960 + i % 40, 1 + i % 12, 1 + i % 28};
    input.push_back(std::move(d));
  }
  return input;
}

std::vector<RawContact> normalize_for_raw(const std::vector<ContactData>& input) {
  detail::PhoneNormalizer phones("LV");
  std::vector<RawContact> rows;
  rows.reserve(input.size());
  for (const ContactData& d : input)
    rows.push_back({d, detail::match_key(d.last_name + " " + d.first_name), detail::casefold(d.emails[0].address),
                    *phones.to_e164(d.phones[0].raw)});
  return rows;
}

std::string fresh_database_file(const char* name) {
  const auto path = std::filesystem::temp_directory_path() / name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  add_owner_users(path.string(), kContactOwners);  // the schema, indexes and triggers crmcore makes; the owners
  return path.string();
}

void insert_raw_contacts(SQLite::Database& db, const std::vector<RawContact>& rows, std::size_t batch_rows) {
  const std::string stamp = format_instant(utc_now());
  SQLite::Statement contact(db,
                            "INSERT INTO contacts (first_name, last_name, name_key, job_title, birthday, "
                            "preferred_language, country, owner, lead_source_id, external_ref, description, "
                            "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, NULL, ?, ?, 1)");
  SQLite::Statement email(db,
                          "INSERT INTO contact_emails (contact_id, position, address, address_key, is_primary) "
                          "VALUES (?, 0, ?, ?, 1)");
  SQLite::Statement phone(db,
                          "INSERT INTO contact_phones (contact_id, position, kind, raw, e164) VALUES (?, 0, 'mobile', ?, ?)");
  for (std::size_t start = 0; start < rows.size(); start += batch_rows) {
    SQLite::Transaction transaction(db);
    // Like every writer of many rows (see schema_v5.hpp), re-index the
    // search entries of the batch in one pass at its end.
    db.exec("UPDATE search_control SET deferred = 1 WHERE id = 1");
    for (std::size_t i = start; i < std::min(rows.size(), start + batch_rows); ++i) {
      const RawContact& row = rows[i];
      const ContactData& d = row.data;
      contact.bind(1, d.first_name);
      contact.bind(2, d.last_name);
      contact.bind(3, row.name_key);
      contact.bind(4, d.job_title);
      contact.bind(5, d.birthday->to_string());
      contact.bind(6, d.country);
      contact.bind(7, d.owner);
      contact.bind(8, d.external_ref);
      contact.bind(9, stamp);
      contact.bind(10, stamp);
      contact.exec();
      contact.reset();
      const std::int64_t id = db.getLastInsertRowid();
      email.bind(1, id);
      email.bind(2, d.emails[0].address);
      email.bind(3, row.email_key);
      email.exec();
      email.reset();
      phone.bind(1, id);
      phone.bind(2, d.phones[0].raw);
      phone.bind(3, row.e164);
      phone.exec();
      phone.reset();
    }
    db.exec("UPDATE search_control SET deferred = 0 WHERE id = 1");
    transaction.commit();
  }
}

}  // namespace crm::bench
