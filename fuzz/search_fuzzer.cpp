// libFuzzer target for full-text search (Search::find): the word splitting,
// Unicode folding, phone-number recognition and the FTS5 query built from
// the text, against a small database seeded once.
//
// Input layout (fuzz_support.hpp's InputReader):
//   byte 0  bits 0-4: the record kinds searched (a bit per kind; none: every kind)
//   byte 1  the hit limit: 1 + byte % 40
//   rest    the search text
//
// Invariants, beyond "no crash, no sanitizer report":
//   - find() throws only crm::Error(invalid_argument) (blank, invalid UTF-8,
//     too long, too many words).
//   - At most `limit` hits, only of the kinds asked for, best (highest score)
//     first, each naming a live record of its kind: never the soft-deleted
//     contact the fixture holds.
//
// Build and run: scripts/fuzz.sh (see README.md).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crm/crm.hpp"
#include "fuzz_database.hpp"
#include "fuzz_support.hpp"

namespace {

using crm::RecordKind;
using crm_fuzz::fail;

constexpr std::string_view kFuzzer = "search_fuzzer";

using crm_fuzz::kRecordKinds;

// The database every input searches: records of every kind with text in
// Latvian, Lithuanian, German, Ukrainian and Russian, emails, phones and
// external references, and one soft-deleted contact that must never be found.
struct Fixture {
  crm::Database db = crm::Database::open_in_memory(crm_fuzz::fixed_clock_options());
  crm::ContactId deleted_contact{};

  Fixture() {
    const auto koks = db.accounts()
                          .create({.name = "SIA Koka Nams", .registration_number = "40003000001",
                                   .website = "https://koks.lv", .phone = "+371 67 000 001",
                                   .email = "info@koks.lv", .address = {.city = "Rīga", .country = "LV"},
                                   .external_ref = "ERP-001"})
                          .id;
    const auto bank = db.accounts().create({.name = "UAB Baltic Bank", .address = {.country = "LT"}}).id;
    db.accounts().create({.name = "Müller & Söhne GmbH", .vat_id = "DE123456789", .address = {.country = "DE"}});
    const auto anna = db.contacts()
                          .create({.first_name = "Anna", .last_name = "Bērziņa",
                                   .emails = {{.address = "anna.berzina@koks.lv"}},
                                   .phones = {{.raw = "26 123 456"}}, .job_title = "Iepirkumu vadītāja",
                                   .country = "LV", .external_ref = "C-17", .account = koks})
                          .id;
    db.contacts().create({.first_name = "Олег", .last_name = "Ковальчук",
                          .emails = {{.address = "oleg@mail.ua"}},
                          .phones = {{.raw = "+380 44 123 4567"}}, .country = "UA"});
    db.contacts().create({.first_name = "Jonas", .last_name = "Petraitis", .country = "LT", .account = bank});
    deleted_contact = db.contacts().create({.first_name = "Dzēsta", .last_name = "Persona"}).id;
    db.contacts().remove(deleted_contact);
    db.leads().create({.first_name = "Inga", .last_name = "Kalniņa", .company_name = "SIA Ziedi",
                       .email = "inga@ziedi.lv", .phone = "+371 29 111 222", .country = "LV"});
    db.leads().create({.company_name = "Straße und Weg AG", .country = "DE"});
    const auto deal = db.opportunities()
                          .create({.account = koks, .primary_contact = anna, .name = "Plaukti noliktavai",
                                   .amount = crm::Money(1500000, "EUR"), .description = "Ozolkoka plaukti, 40 gab.",
                                   .external_ref = "D-1"})
                          .id;
    db.activities().create({.kind = crm::ActivityKind::call, .subject = "Zvans par piegādi",
                            .body = "Klients jautāja par piegādes termiņu (nedēļa 12).",
                            .status = crm::ActivityStatus::done, .starts_at = db.now(), .account = koks,
                            .contact = anna, .opportunity = deal});
  }
};

Fixture& fixture() {
  static Fixture* made = new Fixture();  // never destroyed: lives as long as the fuzzing process
  return *made;
}

// Throws not_found when the hit's record does not exist (get() finds
// soft-deleted records too; the deleted contact is checked by id).
void check_record_exists(crm::Database& db, const crm::SearchHit& hit) {
  switch (hit.kind) {
    case RecordKind::account: static_cast<void>(db.accounts().get(crm::AccountId(hit.id))); return;
    case RecordKind::contact: static_cast<void>(db.contacts().get(crm::ContactId(hit.id))); return;
    case RecordKind::lead: static_cast<void>(db.leads().get(crm::LeadId(hit.id))); return;
    case RecordKind::opportunity: static_cast<void>(db.opportunities().get(crm::OpportunityId(hit.id))); return;
    case RecordKind::activity: static_cast<void>(db.activities().get(crm::ActivityId(hit.id))); return;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  try {
    fixture();
  } catch (...) {
    fail(kFuzzer, "", "making the fixture database failed: " + crm_fuzz::describe_current_exception());
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  crm_fuzz::InputReader reader(data, size);
  crm::SearchQuery query;
  const std::uint8_t kind_bits = reader.byte();
  for (std::size_t bit = 0; bit < std::size(kRecordKinds); ++bit)
    if ((kind_bits >> bit) & 1) query.kinds.push_back(kRecordKinds[bit]);
  query.limit = 1 + reader.choice(40);
  const std::string_view text = reader.rest();

  Fixture& fixed = fixture();
  std::vector<crm::SearchHit> hits;
  try {
    hits = fixed.db.search().find(text, query);
  } catch (const crm::Error& e) {
    if (e.code() != crm::ErrorCode::invalid_argument)
      fail(kFuzzer, input, "Search::find threw " + crm_fuzz::describe_current_exception());
    return 0;
  } catch (...) {
    fail(kFuzzer, input, "Search::find threw " + crm_fuzz::describe_current_exception());
  }

  if (hits.size() > query.limit)
    fail(kFuzzer, input, std::to_string(hits.size()) + " hits for limit " + std::to_string(query.limit));
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const crm::SearchHit& hit = hits[i];
    const std::string where = "hit " + std::to_string(i) + " (" + std::string(crm::record_kind_name(hit.kind)) +
                              " " + std::to_string(hit.id) + ")";
    if (!query.kinds.empty() && std::find(query.kinds.begin(), query.kinds.end(), hit.kind) == query.kinds.end())
      fail(kFuzzer, input, where + " is of a kind not asked for");
    if (i > 0 && hit.score > hits[i - 1].score) fail(kFuzzer, input, where + " scores higher than the one before");
    if (hit.kind == RecordKind::contact && hit.id == fixed.deleted_contact.value())
      fail(kFuzzer, input, where + " is the soft-deleted contact");
    try {
      check_record_exists(fixed.db, hit);
    } catch (...) {
      fail(kFuzzer, input, where + " names no record: " + crm_fuzz::describe_current_exception());
    }
  }
  return 0;
}
