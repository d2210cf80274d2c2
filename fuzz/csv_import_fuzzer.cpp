// libFuzzer target for CSV import (Imports::read): the CSV reader, the text
// decoder, header mapping, cell cleaning, links between records, upsert keys
// and the duplicate actions, for every record kind.
//
// Input layout (fuzz_support.hpp's InputReader):
//   byte 0  record kind (account, contact, lead, opportunity, activity)
//   byte 1  bit 0 mode (insert/upsert), bits 1-2 upsert key, bits 3-4 duplicate
//           action (ignore/report/skip/merge), bit 5 all_or_nothing, bit 6 dry_run,
//           bit 7 encoding (UTF-8 or WINDOWS-1257)
//   byte 2  bits 0-1 delimiter (detect, ',', ';', tab), bits 2-3 batch_rows - 1
//   rest    the CSV text, header line first
// Every input is imported into an in-memory database, made once, that holds
// custom fields and one record of each kind, so upserts and duplicates find
// something; the import runs inside a Transaction that is rolled back after the
// checks (the import's own transactions nest as savepoints), so every input
// starts from the same records.
//
// Invariants, beyond "no crash, no sanitizer report":
//   - Imports::read throws only crm::Error(invalid_argument) (options the kind
//     does not take, no header, a cell or record over the limits, an unknown
//     encoding) or crm::Error(parse_error) (a malformed header line).
//   - rows == inserted + updated + unchanged + skipped + failed; `errors` holds at most 1000.
//   - committed is false for a dry run and for an all-or-nothing import with a
//     failed row; then the kind's record count is unchanged. When committed,
//     it grew by exactly `inserted`.
//
// Build and run: scripts/fuzz.sh (see README.md).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "crm/crm.hpp"
#include "fuzz_database.hpp"
#include "fuzz_support.hpp"

namespace {

using crm::RecordKind;
using crm_fuzz::fail;

constexpr std::string_view kFuzzer = "csv_import_fuzzer";

using crm_fuzz::kRecordKinds;
constexpr crm::ImportKey kKeys[] = {crm::ImportKey::external_ref, crm::ImportKey::email, crm::ImportKey::phone,
                                    crm::ImportKey::registration_number};
constexpr crm::DuplicateAction kActions[] = {crm::DuplicateAction::ignore, crm::DuplicateAction::report,
                                             crm::DuplicateAction::skip, crm::DuplicateAction::merge};
constexpr char kDelimiters[] = {0, ',', ';', '\t'};

// The live records of `kind` in `db`.
std::int64_t count_records(crm::Database& db, RecordKind kind) {
  switch (kind) {
    case RecordKind::account: return db.accounts().count();
    case RecordKind::contact: return db.contacts().count();
    case RecordKind::lead: return db.leads().count();
    case RecordKind::opportunity: return db.opportunities().count();
    case RecordKind::activity: return db.activities().count();
  }
  return -1;
}

// The database with a custom field of each common type on every kind and
// one record of each kind that rows can match by external_ref, email, phone,
// registration number or name.
crm::Database seeded_database() {
  using crm::CustomFieldType;
  crm::Database db = crm::Database::open_in_memory(crm_fuzz::fixed_clock_options());
  auto& fields = db.custom_fields();
  for (const RecordKind kind : kRecordKinds) {
    fields.define(kind, {.name = "score", .type = CustomFieldType::integer});
    fields.define(kind, {.name = "tier", .type = CustomFieldType::choice, .choices = {"Gold", "Silver"}});
    fields.define(kind, {.name = "met_on", .type = CustomFieldType::date});
  }
  fields.define(RecordKind::contact,
                {.name = "interests", .type = CustomFieldType::choices, .choices = {"Golf", "Opera"}});
  fields.define(RecordKind::account, {.name = "budget", .type = CustomFieldType::money});

  const auto koks = db.accounts()
                        .create({.name = "SIA Koks", .registration_number = "40003000001", .phone = "+371 67 000 001",
                                 .email = "info@koks.lv", .address = {.country = "LV"}, .external_ref = "A-1"})
                        .id;
  const auto janis = db.contacts()
                         .create({.first_name = "Jānis", .last_name = "Bērziņš",
                                  .emails = {{.address = "janis@koks.lv"}},
                                  .phones = {{.raw = "26 123 456"}}, .country = "LV", .external_ref = "C-1",
                                  .account = koks})
                         .id;
  db.leads().create({.first_name = "Inga", .last_name = "Kalniņa", .company_name = "SIA Ziedi",
                     .email = "inga@ziedi.lv",
                     .phone = "+371 29 111 222", .country = "LV", .external_ref = "L-1"});
  db.opportunities().create({.account = koks, .primary_contact = janis, .name = "Shelves",
                             .amount = crm::Money(150000, "EUR"),
                             .external_ref = "D-1"});
  db.activities().create({.kind = crm::ActivityKind::call, .subject = "Intro call",
                          .status = crm::ActivityStatus::done, .starts_at = db.now(), .account = koks,
                          .contact = janis});
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  crm_fuzz::InputReader reader(data, size);
  crm::ImportOptions options;
  options.kind = kRecordKinds[reader.choice(std::size(kRecordKinds))];
  const std::uint8_t policy = reader.byte();
  options.mode = (policy & 1) != 0 ? crm::ImportMode::upsert : crm::ImportMode::insert;
  options.key = kKeys[(policy >> 1) & 3];
  options.on_duplicate = kActions[(policy >> 3) & 3];
  options.all_or_nothing = (policy & 0x20) != 0;
  options.dry_run = (policy & 0x40) != 0;
  options.encoding = (policy & 0x80) != 0 ? "WINDOWS-1257" : "UTF-8";
  const std::uint8_t layout = reader.byte();
  options.delimiter = kDelimiters[layout & 3];
  options.batch_rows = 1 + ((layout >> 2) & 3);
  std::istringstream csv{std::string(reader.rest())};

  static crm::Database& db = *new crm::Database([&] {  // never destroyed: lives as long as the fuzzing process
    try {
      return seeded_database();
    } catch (...) {
      fail(kFuzzer, input, "making the seeded database failed: " + crm_fuzz::describe_current_exception());
    }
  }());
  crm::Transaction undone_after_the_checks(db);
  const std::int64_t before = count_records(db, options.kind);

  crm::ImportResult result;
  try {
    result = db.imports().read(csv, options);
  } catch (const crm::Error& e) {
    if (e.code() != crm::ErrorCode::invalid_argument && e.code() != crm::ErrorCode::parse_error)
      fail(kFuzzer, input, "Imports::read threw " + crm_fuzz::describe_current_exception());
    if (count_records(db, options.kind) != before) fail(kFuzzer, input, "a refused import changed the records");
    return 0;
  } catch (...) {
    fail(kFuzzer, input, "Imports::read threw " + crm_fuzz::describe_current_exception());
  }

  if (result.rows != result.inserted + result.updated + result.unchanged + result.skipped + result.failed)
    fail(kFuzzer, input,
         "rows " + std::to_string(result.rows) + " != inserted " + std::to_string(result.inserted) + " + updated " +
             std::to_string(result.updated) + " + unchanged " + std::to_string(result.unchanged) + " + skipped " +
             std::to_string(result.skipped) + " + failed " + std::to_string(result.failed));
  if (result.errors.size() > 1000 || result.duplicates.size() > 1000)
    fail(kFuzzer, input, "more than 1000 errors or duplicates listed");
  const bool should_commit = !options.dry_run && !(options.all_or_nothing && result.failed > 0);
  if (result.committed != should_commit) fail(kFuzzer, input, "committed is " + std::to_string(result.committed));
  std::int64_t after = 0;
  try {
    after = count_records(db, options.kind);
  } catch (...) {
    fail(kFuzzer, input, "counting after the import threw " + crm_fuzz::describe_current_exception());
  }
  const std::int64_t expected = result.committed ? before + result.inserted : before;
  if (after != expected)
    fail(kFuzzer, input,
         "record count " + std::to_string(after) + " after the import, expected " + std::to_string(expected));
  return 0;
}
