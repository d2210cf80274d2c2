// libFuzzer target for the segment language: Filter::parse(), the printer
// (Filter::to_string()) and the SQL compiler behind Segments::count().
//
// For every input:
//   1. Filter::parse(text). crm::Error(parse_error) is the expected refusal;
//      any other exception is a bug.
//   2. When it parses, to_string() must parse again to an equal tree, and
//      printing that tree must give the same text (the canonical form).
//   3. The filter is counted against a small in-memory database for every
//      record kind that segments serve (account, contact, lead, opportunity).
//      crm::Error(parse_error) (unknown field, wrong type) and
//      crm::Error(invalid_argument) (a date outside the calendar) are expected;
//      any other error or exception is a bug.
// A bug aborts with the input, what was thrown and where, so libFuzzer
// records a crash file. Sanitizers (ASan, UBSan, LeakSanitizer) catch the rest.
//
// Build and run: scripts/fuzz.sh (see README.md).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "crm/crm.hpp"
#include "fuzz_database.hpp"
#include "fuzz_support.hpp"

namespace {

using boost::posix_time::hours;

constexpr std::string_view kFuzzer = "filter_fuzzer";

// Stops on a broken invariant, with the input (fuzz_support.hpp).
[[noreturn]] void fail(std::string_view input, const std::string& what) { crm_fuzz::fail(kFuzzer, input, what); }

using crm_fuzz::describe_current_exception;

// The database every input is compiled and run against: custom fields of
// every type and a few records of each kind, made once. The clock is fixed
// (2025-03-14 10:00 UTC) so a crash reproduces on any day.
struct Fixture {
  crm::Database db;

  Fixture() : db(crm::Database::open_in_memory(crm_fuzz::fixed_clock_options())) {
    using crm::CustomFieldType;
    using crm::Money;
    using crm::RecordKind;
    auto& fields = db.custom_fields();
    fields.define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer, .indexed = true});
    fields.define(RecordKind::contact,
                  {.name = "tier", .type = CustomFieldType::choice, .choices = {"Gold", "Silver"}, .indexed = true});
    fields.define(RecordKind::contact,
                  {.name = "interests", .type = CustomFieldType::choices, .choices = {"Golf", "Sailing", "Opera"}});
    fields.define(RecordKind::contact, {.name = "newsletter", .type = CustomFieldType::boolean});
    fields.define(RecordKind::contact, {.name = "budget", .type = CustomFieldType::money});
    fields.define(RecordKind::contact, {.name = "ratio", .type = CustomFieldType::decimal});
    fields.define(RecordKind::contact, {.name = "met_on", .type = CustomFieldType::date});
    fields.define(RecordKind::contact, {.name = "nickname", .type = CustomFieldType::text});
    fields.define(RecordKind::account, {.name = "since_year", .type = CustomFieldType::integer});
    fields.define(RecordKind::account,
                  {.name = "segment", .type = CustomFieldType::choice, .choices = {"SMB", "Enterprise"}});
    fields.define(RecordKind::opportunity, {.name = "discount", .type = CustomFieldType::decimal});
    fields.define(RecordKind::opportunity, {.name = "signed", .type = CustomFieldType::boolean});
    fields.define(RecordKind::lead, {.name = "budget", .type = CustomFieldType::money});
    fields.define(RecordKind::lead,
                  {.name = "channels", .type = CustomFieldType::choices, .choices = {"Web", "Phone", "Fair"}});
    // "since" also starts activity_count's date: a field of that name tests the parser's choice.
    fields.define(RecordKind::activity, {.name = "since", .type = CustomFieldType::integer});
    fields.define(RecordKind::activity,
                  {.name = "rating", .type = CustomFieldType::choice, .choices = {"Good", "Bad"}});

    db.users().create({.login = "ilze"});  // the owner of the contacts below
    const auto koks = db.accounts()
                          .create({.name = "SIA Koka Nams", .industry = "Retail", .address = {.country = "LV"},
                                   .tags = {"VIP"}, .custom = {{"since_year", 2001}, {"segment", "SMB"}}})
                          .id;
    const auto bank =
        db.accounts().create({.name = "UAB Baltic Bank", .industry = "Banking", .address = {.country = "LT"}}).id;
    db.accounts().create({.name = "Handel GmbH", .industry = "Retail", .address = {.country = "DE"}});

    const auto anna =
        db.contacts()
            .create({.first_name = "Anna", .last_name = "Bērziņa", .emails = {{.address = "Anna@Koks.lv"}},
                     .phones = {{.raw = "26 123 456"}}, .birthday = crm::Birthday::parse("--03-20"), .country = "LV",
                     .owner = "ilze", .tags = {"vip"}, .account = koks,
                     .custom = {{"score", 40}, {"tier", "Gold"},
                                {"interests", std::vector<std::string>{"Golf", "Opera"}}, {"newsletter", true},
                                {"budget", Money(500000, "EUR")}, {"ratio", crm::CustomValue::decimal("0.75")},
                                {"met_on", crm::Date(2024, 2, 29)}, {"nickname", "Ann"}}})
            .id;
    const auto jonas = db.contacts()
                           .create({.first_name = "Jonas", .last_name = "Petraitis",
                                    .birthday = crm::Birthday::parse("1992-02-29"), .country = "LT", .owner = "ilze",
                                    .account = bank,
                                    .custom = {{"score", 7}, {"tier", "Silver"}, {"newsletter", false}}})
                           .id;
    const auto oleg = db.contacts()
                          .create({.first_name = "Олег", .last_name = "КОВАЛЬЧУК",
                                   .emails = {{.address = "oleg@mail.ua"}},
                                   .birthday = crm::Birthday::parse("1985-03-13"), .country = "UA",
                                   .custom = {{"interests", std::vector<std::string>{"Sailing"}}}})
                          .id;

    const crm::Pipeline sales = db.pipelines().default_pipeline();
    db.opportunities().create({.account = koks, .primary_contact = anna, .name = "Shelves",
                               .amount = Money(1500000, "EUR"), .stage = sales.stage("Won").id,
                               .closed_on = crm::Date(2025, 2, 1)});
    db.opportunities().create({.account = bank, .name = "Vault", .amount = Money(500000, "EUR"),
                               .expected_close = crm::Date(2025, 5, 10), .stage = sales.stage("Proposal").id});
    db.opportunities().create({.account = koks, .primary_contact = anna, .name = "Tokyo",
                               .amount = Money(300000, "JPY"), .expected_close = crm::Date(2025, 3, 31)});

    db.leads().create({.first_name = "Inga", .last_name = "Kalniņa", .company_name = "SIA Ziedi",
                       .email = "inga@ziedi.lv", .phone = "+371 29 111 222", .source = "web form", .country = "LV",
                       .tags = {"fair"}, .custom = {{"budget", Money(100000, "EUR")},
                                                   {"channels", std::vector<std::string>{"Web", "Fair"}}}});
    db.leads().create({.last_name = "Müller", .company_name = "Müller AG", .status = crm::LeadStatus::contacted,
                       .country = "DE"});

    const crm::Instant now = db.now();
    db.activities().create({.kind = crm::ActivityKind::call, .subject = "Intro call",
                            .status = crm::ActivityStatus::done, .starts_at = now - hours(24 * 10), .account = koks,
                            .contact = anna});
    db.activities().create({.kind = crm::ActivityKind::meeting, .subject = "Visit",
                            .status = crm::ActivityStatus::planned, .starts_at = now + hours(48), .account = bank,
                            .contact = jonas});
    db.activities().create({.kind = crm::ActivityKind::call, .subject = "Old call",
                            .status = crm::ActivityStatus::done, .starts_at = now - hours(24 * 200), .contact = oleg});
  }
};

Fixture& fixture() {
  static Fixture* made = new Fixture();  // never destroyed: lives as long as the fuzzing process
  return *made;
}

constexpr crm::RecordKind kSegmentKinds[] = {crm::RecordKind::account, crm::RecordKind::contact,
                                            crm::RecordKind::lead, crm::RecordKind::opportunity};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  try {
    fixture();
  } catch (...) {
    fail("", "making the fixture database failed: " + describe_current_exception());
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // 1. Parse.
  std::optional<crm::Filter> parsed;
  try {
    parsed = crm::Filter::parse(input);
  } catch (const crm::Error& e) {
    if (e.code() != crm::ErrorCode::parse_error) fail(input, "Filter::parse threw " + describe_current_exception());
    if (e.line() < 1 || e.column() < 1)
      fail(input, "Filter::parse threw a parse_error without a position: " + std::string(e.what()));
    return 0;
  } catch (...) {
    fail(input, "Filter::parse threw " + describe_current_exception());
  }
  const crm::Filter& filter = *parsed;

  // 2. Print and read back.
  std::string printed;
  try {
    printed = filter.to_string();
  } catch (...) {
    fail(input, "to_string() threw " + describe_current_exception());
  }
  try {
    const crm::Filter again = crm::Filter::parse(printed);
    if (!(again == filter)) fail(input, "to_string() gave text that parses to a different tree:\n  " + printed);
    const std::string reprinted = again.to_string();
    if (reprinted != printed)
      fail(input, "printing is not stable:\n  first:  " + printed + "\n  second: " + reprinted);
  } catch (...) {
    fail(input, "to_string() gave text that does not parse:\n  " + printed + "\n" + describe_current_exception());
  }

  // 3. Compile and run against every record kind.
  crm::Database& db = fixture().db;
  for (const crm::RecordKind kind : kSegmentKinds) {
    try {
      const std::int64_t count = db.segments().count(kind, filter);
      if (count < 0) fail(input, "count() returned " + std::to_string(count));
    } catch (const crm::Error& e) {
      if (e.code() != crm::ErrorCode::parse_error && e.code() != crm::ErrorCode::invalid_argument)
        fail(input, "segments().count(" + std::string(crm::record_kind_name(kind)) + ") threw " +
                        describe_current_exception());
    } catch (...) {
      fail(input, "segments().count(" + std::string(crm::record_kind_name(kind)) + ") threw " +
                      describe_current_exception());
    }
  }
  return 0;
}
