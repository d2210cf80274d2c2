// Every write of the public C++ API, failed at every point where SQLite
// writes, syncs or allocates: the Nth write (an I/O error), the Nth fsync,
// a full disk from the Nth write on, the Nth allocation. For N = 1, 2, ...
// until the write completes without meeting the fault, each write either
// completes or throws an error a caller can act on (io, busy, or
// std::bad_alloc for memory) and leaves the file exactly as it was; a write
// that completes leaves what it leaves without faults; the file passes the
// integrity checks, and after a failure the same connection does the write.
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "storage/fault_vfs.hpp"
#include "storage/file_checks.hpp"
#include "support/test_database.hpp"

namespace crm::test {

/// Prints a Fault by name in gtest's messages.
void PrintTo(Fault fault, std::ostream* out) { *out << fault_name(fault); }

namespace {

// Installs the fault VFS and the allocator wrapper before any connection opens.
class FaultInjectionEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { install_fault_injection(); }
};
const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new FaultInjectionEnvironment);

// The records the writes work on, made once in the baseline file. Every run
// starts from a copy of that file, so the ids are the same in every copy.
struct Seeds {
  AccountId account, deleted_account, shared_account, duplicate_account, duplicate_account_twin;
  ContactId contact, deleted_contact, duplicate_contact, duplicate_contact_twin, caller;
  EmploymentId employment;
  PipelineId second_pipeline;
  StageId open_stage, next_stage, spare_stage;
  LostReasonId lost_reason;
  OpportunityId opportunity, deleted_opportunity;
  LeadId lead, deleted_lead, convertible_lead, held_lead;
  ActivityId task, deleted_task, call;
  LeadSourceId lead_source, unused_lead_source;
  CampaignId campaign, unused_campaign;
  CustomFieldId custom_field, unused_custom_field;
  SegmentId segment, list;
  ProductId product;
  TeamId team, empty_team;
};

// A contact with one email and one Latvian mobile number.
ContactData person(const std::string& first, const std::string& last, const std::string& phone,
                   const std::string& external_ref) {
  ContactData data;
  data.first_name = first;
  data.last_name = last;
  data.emails = {{.address = (external_ref.empty() ? "bez.koda" : external_ref) + "@example.lv"}};
  data.phones = {{.raw = phone}};
  data.external_ref = external_ref;
  return data;
}

// An account in Latvia.
AccountData organization(const std::string& name, const std::string& external_ref) {
  AccountData data;
  data.name = name;
  data.address.country = "LV";
  data.external_ref = external_ref;
  return data;
}

// A planned task linked to `contact`.
ActivityData task_for(ContactId contact, const std::string& subject, const Instant& starts_at) {
  ActivityData data;
  data.kind = ActivityKind::task;
  data.subject = subject;
  data.starts_at = starts_at;
  data.contact = contact;
  return data;
}

// Fills the baseline file with one or more records of every kind the writes need.
Seeds seed(Database& db) {
  Seeds s;
  s.team = db.teams().create("Baltics").id;
  s.empty_team = db.teams().create("Rīga", s.team).id;
  db.users().create({.login = "ilze", .team = s.team});
  const Instant noon = db.now();
  s.account = db.accounts().create(organization("Bērziņš un dēli SIA", "A1")).id;
  s.deleted_account = db.accounts().create(organization("Vecais SIA", "A2")).id;
  s.shared_account = db.accounts().create(organization("Kopīgais SIA", "A8")).id;
  db.access().share_with_user(RecordKind::account, s.shared_account.value(), "ilze");
  db.access().share_with_team(RecordKind::account, s.shared_account.value(), s.team);
  db.accounts().remove(s.deleted_account);
  s.duplicate_account = db.accounts().create(organization("Dubults SIA", "A3")).id;
  s.duplicate_account_twin = db.accounts().create(organization("Dubults SIA", "")).id;

  ContactData first = person("Anna", "Bērziņa", "+371 26 123 456", "C1");
  first.account = s.account;
  s.contact = db.contacts().create(first).id;
  s.deleted_contact = db.contacts().create(person("Oksana", "Коваленко", "+380 44 123 4567", "C2")).id;
  db.contacts().remove(s.deleted_contact);
  s.duplicate_contact = db.contacts().create(person("Jonas", "Kazlauskas", "+370 612 34567", "C3")).id;
  s.duplicate_contact_twin = db.contacts().create(person("Jonas", "Kazlauskas", "+370 612 34567", "")).id;
  s.employment = db.employments().start(s.duplicate_contact, s.account, "Inženieris").id;

  db.telephony().record_call({.number = "+371 29 999 999", .owner = "ilze"});
  s.caller = db.contacts().create(person("Pēteris", "Ozols", "+371 29 999 999", "C4")).id;

  const Pipeline sales = db.pipelines().default_pipeline();
  s.open_stage = sales.first_open_stage().id;
  s.next_stage = sales.stages.at(1).id;
  s.second_pipeline = db.pipelines()
                          .create("Partneri", {{.name = "Sarunas", .probability = 20},
                                               {.name = "Līgums", .probability = 60},
                                               {.name = "Uzvarēts", .probability = 100, .kind = StageKind::won},
                                               {.name = "Zaudēts", .probability = 0, .kind = StageKind::lost}})
                          .id;
  s.spare_stage = db.pipelines().get(s.second_pipeline).stages.at(1).id;
  s.lost_reason = db.pipelines().add_lost_reason("Cena").id;

  OpportunityData deal;
  deal.account = s.account;
  deal.primary_contact = s.contact;
  deal.name = "Serveru noma";
  deal.amount = Money(1250000, "EUR");
  s.opportunity = db.opportunities().create(deal).id;
  deal.name = "Vecs darījums";
  s.deleted_opportunity = db.opportunities().create(deal).id;
  db.opportunities().remove(s.deleted_opportunity);

  s.lead = db.leads().create({.first_name = "Ilze", .last_name = "Liepa", .company_name = "Liepa SIA"}).id;
  s.deleted_lead = db.leads().create({.first_name = "Rūta", .last_name = "Kalna", .company_name = "Kalns AS"}).id;
  db.leads().remove(s.deleted_lead);
  s.convertible_lead =
      db.leads().create({.first_name = "Max", .last_name = "Müller", .company_name = "Müller GmbH"}).id;
  s.held_lead = db.leads().create({.first_name = "Inga", .last_name = "Sīle", .company_name = "Sīle SIA"}).id;
  db.privacy().place_hold(RecordKind::lead, s.held_lead.value(), "Tiesas lieta");

  s.task = db.activities().create(task_for(s.contact, "Zvanīt Annai", noon + boost::posix_time::hours(24))).id;
  s.deleted_task = db.activities().create(task_for(s.contact, "Vecs uzdevums", noon)).id;
  db.activities().remove(s.deleted_task);
  ActivityData call = task_for(s.duplicate_contact, "Piedāvājums", noon + boost::posix_time::hours(48));
  call.kind = ActivityKind::call;
  s.call = db.activities().create(call).id;

  s.lead_source = db.lead_sources().add("Mājaslapa").id;
  s.unused_lead_source = db.lead_sources().add("Izstāde").id;
  s.campaign = db.campaigns().create({.name = "Pavasara vebinārs", .cost = Money(50000, "EUR")}).id;
  s.unused_campaign = db.campaigns().create({.name = "Rudens", .cost = Money(0, "EUR")}).id;
  db.currencies().set_base("EUR");
  db.currencies().set_rate("USD", "EUR", Date(2025, 1, 1), "0.92");
  db.calendars().add_holiday("LV", Date(2025, 6, 24), "Jāņi");

  s.custom_field = db.custom_fields().define(RecordKind::contact, {.name = "segvards"}).id;
  s.unused_custom_field = db.custom_fields().define(RecordKind::account, {.name = "nozare_kods"}).id;
  s.segment = db.segments().create(RecordKind::contact, "Bērziņi", Filter::parse("last_name ~ \"berzina\"")).id;
  s.list = db.segments().create_list(RecordKind::contact, "VIP").id;
  db.segments().add_members(s.list, {s.contact.value()});
  s.product = db.products().create({.sku = "SRV-1", .name = "Serveris", .list_price = Money(99900, "EUR")}).id;
  return s;
}

// Two contacts in CSV, one of them with a phone that needs the default region.
constexpr const char* kImportCsv =
    "First name,Last name,Email,Phone,External ref\n"
    "Līga,Kalniņa,liga@example.lv,26 555 111,IMP-1\n"
    "Taras,Шевченко,taras@example.ua,+380 67 765 4321,IMP-2\n";

// One write entry point: `prepare` reads what the write needs (not counted
// against the fault) and returns the write itself.
struct WriteCase {
  std::string name;  // "Class::method" as in the public headers
  std::function<std::function<void()>(Database&, const Seeds&, const std::string& scratch)> prepare;
};

// Shorthand for a write that needs nothing read first.
template <class Write>
WriteCase write(std::string name, Write body) {
  return {std::move(name), [body](Database& db, const Seeds& s, const std::string& scratch) {
            return std::function<void()>([&db, &s, scratch, body] { body(db, s, scratch); });
          }};
}

// Every write of the public C++ API (every_write_of_the_headers_is_listed
// checks the store classes' writes against include/crm/*.hpp).
std::vector<WriteCase> write_cases() {
  using D = Database;
  using S = Seeds;
  using P = const std::string&;
  const Date day(2025, 3, 14);  // today on the test clock: the seeded employments start today
  return {
      write("Accounts::create", [](D& db, const S&, P) { db.accounts().create(organization("Jauns SIA", "A9")); }),
      {"Accounts::update",
       [](D& db, const S& s, P) {
         Account account = db.accounts().get(s.account);
         account.address.city = "Rīga";
         return std::function<void()>([&db, account] { db.accounts().update(account); });
       }},
      write("Accounts::remove", [](D& db, const S& s, P) { db.accounts().remove(s.account); }),
      write("Accounts::restore", [](D& db, const S& s, P) { db.accounts().restore(s.deleted_account); }),
      write("Accounts::purge", [](D& db, const S& s, P) { db.accounts().purge(s.deleted_account); }),
      write("Contacts::create",
            [](D& db, const S&, P) { db.contacts().create(person("Žanna", "Ēķis", "+371 20 000 001", "C9")); }),
      {"Contacts::update",
       [](D& db, const S& s, P) {
         Contact contact = db.contacts().get(s.contact);
         contact.job_title = "Valdes locekle";
         contact.tags = {"vip"};
         return std::function<void()>([&db, contact] { db.contacts().update(contact); });
       }},
      write("Contacts::remove", [](D& db, const S& s, P) { db.contacts().remove(s.contact); }),
      write("Contacts::restore", [](D& db, const S& s, P) { db.contacts().restore(s.deleted_contact); }),
      write("Contacts::purge", [](D& db, const S& s, P) { db.contacts().purge(s.deleted_contact); }),
      write("Activities::create",
            [](D& db, const S& s, P) { db.activities().create(task_for(s.contact, "Sapulce", db.now())); }),
      {"Activities::update",
       [](D& db, const S& s, P) {
         Activity task = db.activities().get(s.task);
         task.body = "Pārrunāt cenu";
         return std::function<void()>([&db, task] { db.activities().update(task); });
       }},
      write("Activities::complete", [](D& db, const S& s, P) { db.activities().complete(s.task, "sazvanīts"); }),
      write("Activities::cancel", [](D& db, const S& s, P) { db.activities().cancel(s.call); }),
      write("Activities::attach_to_contact",
            [](D& db, const S& s, P) { db.activities().attach_to_contact(s.task, s.duplicate_contact); }),
      write("Activities::remove", [](D& db, const S& s, P) { db.activities().remove(s.task); }),
      write("Activities::restore", [](D& db, const S& s, P) { db.activities().restore(s.deleted_task); }),
      write("Activities::purge", [](D& db, const S& s, P) { db.activities().purge(s.deleted_task); }),
      write("Calendars::add_holiday",
            [](D& db, const S&, P) { db.calendars().add_holiday("LT", Date(2025, 7, 6), "Valstybės diena"); }),
      write("Calendars::remove_holiday",
            [](D& db, const S&, P) { db.calendars().remove_holiday("LV", Date(2025, 6, 24)); }),
      write("Calendars::set_weekend",
            [](D& db, const S&, P) {
              db.calendars().set_weekend("LV", {5, 6});
            }),
      write("LeadSources::add", [](D& db, const S&, P) { db.lead_sources().add("Ieteikums"); }),
      write("LeadSources::rename", [](D& db, const S& s, P) { db.lead_sources().rename(s.lead_source, "Vietne"); }),
      write("LeadSources::remove", [](D& db, const S& s, P) { db.lead_sources().remove(s.unused_lead_source); }),
      write("Campaigns::create",
            [](D& db, const S&, P) { db.campaigns().create({.name = "Ziemas akcija", .cost = Money(100, "EUR")}); }),
      {"Campaigns::update",
       [](D& db, const S& s, P) {
         Campaign campaign = db.campaigns().get(s.campaign);
         campaign.cost = Money(75000, "EUR");
         return std::function<void()>([&db, campaign] { db.campaigns().update(campaign); });
       }},
      write("Campaigns::remove", [](D& db, const S& s, P) { db.campaigns().remove(s.unused_campaign); }),
      write("Currencies::set_base", [](D& db, const S&, P) { db.currencies().set_base("USD"); }),
      write("Currencies::set_rate", [day](D& db, const S&, P) { db.currencies().set_rate("GBP", "EUR", day, "1.17"); }),
      write("Currencies::remove_rate",
            [](D& db, const S&, P) { db.currencies().remove_rate("USD", "EUR", Date(2025, 1, 1)); }),
      write("CustomFields::define",
            [](D& db, const S&, P) { db.custom_fields().define(RecordKind::lead, {.name = "budzets"}); }),
      write("CustomFields::update",
            [](D& db, const S& s, P) { db.custom_fields().update(s.custom_field, {.name = "iesauka"}); }),
      write("CustomFields::remove", [](D& db, const S& s, P) { db.custom_fields().remove(s.unused_custom_field); }),
      write("Duplicates::merge(contacts)",
            [](D& db, const S& s, P) { db.duplicates().merge(s.duplicate_contact, s.duplicate_contact_twin); }),
      write("Duplicates::merge(accounts)",
            [](D& db, const S& s, P) { db.duplicates().merge(s.duplicate_account, s.duplicate_account_twin); }),
      write("Employments::start",
            [](D& db, const S& s, P) { db.employments().start(s.caller, s.duplicate_account, "Grāmatvedis"); }),
      write("Employments::end", [day](D& db, const S& s, P) { db.employments().end(s.employment, day); }),
      write("Employments::move",
            [day](D& db, const S& s, P) { db.employments().move(s.contact, s.duplicate_account, "Direktore", day); }),
      write("Imports::read",
            [](D& db, const S&, P) {
              std::istringstream csv(kImportCsv);
              db.imports().read(csv, {.kind = RecordKind::contact});
            }),
      write("Imports::read_file",
            [](D& db, const S&, P scratch) {
              const std::string path = scratch + "/import.csv";
              std::ofstream(path) << kImportCsv;
              db.imports().read_file(path, {.kind = RecordKind::contact});
            }),
      write("Imports::read_org",  // one file in one transaction (each file of an org commits on its own)
            [](D& db, const S&, P scratch) {
              const std::string folder = scratch + "/org";
              std::filesystem::create_directories(folder);
              std::ofstream(folder + "/Contact.csv") << "Id,LastName,Email\n003A,Kalniņa,kalnina@example.lv\n";
              db.imports().read_org(folder, {.preset = "salesforce"});
            }),
      write("Leads::create", [](D& db, const S&, P) { db.leads().create({.last_name = "Zariņš"}); }),
      {"Leads::update",
       [](D& db, const S& s, P) {
         Lead lead = db.leads().get(s.lead);
         lead.status = LeadStatus::contacted;
         return std::function<void()>([&db, lead] { db.leads().update(lead); });
       }},
      write("Leads::remove", [](D& db, const S& s, P) { db.leads().remove(s.lead); }),
      write("Leads::restore", [](D& db, const S& s, P) { db.leads().restore(s.deleted_lead); }),
      write("Leads::purge", [](D& db, const S& s, P) { db.leads().purge(s.deleted_lead); }),
      write("Leads::convert", [](D& db, const S& s, P) { db.leads().convert(s.convertible_lead); }),
      write("Opportunities::create",
            [](D& db, const S& s, P) {
              db.opportunities().create({.account = s.account, .name = "Licences", .amount = Money(5000, "EUR")});
            }),
      {"Opportunities::update",
       [](D& db, const S& s, P) {
         Opportunity deal = db.opportunities().get(s.opportunity);
         deal.next_step = "Nosūtīt līgumu";
         return std::function<void()>([&db, deal] { db.opportunities().update(deal); });
       }},
      write("Opportunities::move_to_stage",
            [](D& db, const S& s, P) { db.opportunities().move_to_stage(s.opportunity, s.next_stage); }),
      write("Opportunities::remove", [](D& db, const S& s, P) { db.opportunities().remove(s.opportunity); }),
      write("Opportunities::restore", [](D& db, const S& s, P) { db.opportunities().restore(s.deleted_opportunity); }),
      write("Opportunities::purge", [](D& db, const S& s, P) { db.opportunities().purge(s.deleted_opportunity); }),
      write("Pipelines::create",
            [](D& db, const S&, P) {
              db.pipelines().create("Serviss", {{.name = "Jauns"},
                                                {.name = "Gatavs", .probability = 100, .kind = StageKind::won},
                                                {.name = "Atcelts", .kind = StageKind::lost}});
            }),
      write("Pipelines::rename", [](D& db, const S& s, P) { db.pipelines().rename(s.second_pipeline, "Partneru"); }),
      write("Pipelines::set_default", [](D& db, const S& s, P) { db.pipelines().set_default(s.second_pipeline); }),
      write("Pipelines::add_stage",
            [](D& db, const S& s, P) {
              db.pipelines().add_stage(s.second_pipeline, {.name = "Demo", .probability = 40});
            }),
      write("Pipelines::update_stage",
            [](D& db, const S& s, P) {
              db.pipelines().update_stage(s.spare_stage, {.name = "Līgumi", .probability = 70});
            }),
      {"Pipelines::reorder_stages",
       [](D& db, const S& s, P) {
         std::vector<StageId> order;
         for (const Stage& stage : db.pipelines().get(s.second_pipeline).stages) order.insert(order.begin(), stage.id);
         return std::function<void()>([&db, &s, order] { db.pipelines().reorder_stages(s.second_pipeline, order); });
       }},
      write("Pipelines::remove_stage", [](D& db, const S& s, P) { db.pipelines().remove_stage(s.spare_stage); }),
      write("Pipelines::add_lost_reason", [](D& db, const S&, P) { db.pipelines().add_lost_reason("Konkurents"); }),
      write("Pipelines::set_lost_reason_active",
            [](D& db, const S& s, P) { db.pipelines().set_lost_reason_active(s.lost_reason, false); }),
      write("Products::create",
            [](D& db, const S&, P) {
              db.products().create({.sku = "LIC-1", .name = "Licence", .list_price = Money(100, "EUR")});
            }),
      {"Products::update",
       [](D& db, const S& s, P) {
         Product product = db.products().get(s.product);
         product.list_price = Money(89900, "EUR");
         return std::function<void()>([&db, product] { db.products().update(product); });
       }},
      write("Segments::create",
            [](D& db, const S&, P) {
              db.segments().create(RecordKind::account, "Latvija", Filter::parse("country = \"LV\""));
            }),
      write("Segments::create_list",
            [](D& db, const S&, P) { db.segments().create_list(RecordKind::account, "Partneri"); }),
      write("Segments::freeze", [](D& db, const S& s, P) { db.segments().freeze(s.segment, "Bērziņi marts"); }),
      write("Segments::rename", [](D& db, const S& s, P) { db.segments().rename(s.segment, "Bērziņas"); }),
      write("Segments::set_filter",
            [](D& db, const S& s, P) { db.segments().set_filter(s.segment, Filter::parse("last_name ~ \"ozols\"")); }),
      write("Segments::remove", [](D& db, const S& s, P) { db.segments().remove(s.segment); }),
      write("Segments::add_members",
            [](D& db, const S& s, P) {
              db.segments().add_members(s.list, {s.caller.value(), s.duplicate_contact.value()});
            }),
      write("Segments::remove_members",
            [](D& db, const S& s, P) { db.segments().remove_members(s.list, {s.contact.value()}); }),
      write("Telephony::record_call",
            [](D& db, const S&, P) { db.telephony().record_call({.number = "+371 26 123 456", .owner = "ilze"}); }),
      write("Users::create", [](D& db, const S& s, P) { db.users().create({.login = "maris", .team = s.team}); }),
      write("Users::update",
            [](D& db, const S&, P) {
              User ilze = db.users().require("ilze");
              ilze.roles = {Role::sales_rep};
              db.users().update(ilze.id, ilze);
            }),
      write("Access::set_unassigned_visibility",
            [](D& db, const S&, P) { db.access().set_unassigned_visibility(UnassignedVisibility::all_scope); }),
      write("Access::share_with_user",
            [](D& db, const S& s, P) { db.access().share_with_user(RecordKind::account, s.account.value(), "ilze"); }),
      write("Access::share_with_team",
            [](D& db, const S& s, P) { db.access().share_with_team(RecordKind::account, s.account.value(), s.team); }),
      write("Access::unshare_with_user",
            [](D& db, const S& s, P) { db.access().unshare_with_user(RecordKind::account, s.shared_account.value(), "ilze"); }),
      write("Access::unshare_with_team",
            [](D& db, const S& s, P) { db.access().unshare_with_team(RecordKind::account, s.shared_account.value(), s.team); }),
      write("Audit::set_enabled", [](D& db, const S&, P) { db.audit().set_enabled(false); }),
      write("Audit::set_retention_days", [](D& db, const S&, P) { db.audit().set_retention_days(1); }),
      write("Audit::set_retention_entries", [](D& db, const S&, P) { db.audit().set_retention_entries(3); }),
      write("Privacy::erase", [](D& db, const S& s, P) { db.privacy().erase(RecordKind::contact, s.contact.value()); }),
      write("Privacy::place_hold",
            [](D& db, const S& s, P) { db.privacy().place_hold(RecordKind::lead, s.lead.value(), "Tiesas lieta"); }),
      write("Privacy::release_hold",
            [](D& db, const S& s, P) { db.privacy().release_hold(RecordKind::lead, s.held_lead.value()); }),
      write("Teams::create", [](D& db, const S& s, P) { db.teams().create("Vilnius", s.team); }),
      write("Teams::rename", [](D& db, const S& s, P) { db.teams().rename(s.empty_team, "Riga"); }),
      write("Teams::move", [](D& db, const S& s, P) { db.teams().move(s.empty_team, std::nullopt); }),
      write("Teams::remove", [](D& db, const S& s, P) { db.teams().remove(s.empty_team); }),
      write("Telephony::attach_unmatched", [](D& db, const S& s, P) { db.telephony().attach_unmatched(s.caller); }),
      write("Database::backup_to", [](D& db, const S&, P scratch) { db.backup_to(scratch + "/backup.db"); }),
      write("load_sample_data",
            [](D& db, const S&, P) { load_sample_data(db, {.seed = 7, .accounts = 2, .contacts = 3}); }),
      write("Transaction::commit",
            [](D& db, const S& s, P) {
              Transaction transaction(db);
              db.contacts().remove(s.caller);
              db.opportunities().move_to_stage(s.opportunity, s.next_stage);
              transaction.commit();
            }),
  };
}

// What one run of a write under a fault came to.
struct WriteRun {
  bool threw = false;
  bool fired = false;
  std::string kind;   // "bad_alloc", an ErrorCode's name or "untranslated", when it threw
  std::string error;  // the exception's message, when it threw
};

// Runs `write` with `fault` armed at its `nth` operation.
WriteRun run_with_fault(const std::function<void()>& write, Fault fault, std::int64_t nth) {
  WriteRun run;
  arm_fault(fault, nth);
  try {
    write();
  } catch (const Error& e) {
    run = {.threw = true, .kind = std::string(error_code_name(e.code())), .error = e.what()};
  } catch (const std::bad_alloc& e) {
    run = {.threw = true, .kind = "bad_alloc", .error = e.what()};
  } catch (const std::exception& e) {
    run = {.threw = true, .kind = "untranslated", .error = e.what()};
  }
  run.fired = fault_fired();
  disarm_fault();
  return run;
}

// What a caller can act on: for a failing disk an io error (or busy, when
// another connection's lock is the cause), for memory std::bad_alloc, which
// every surface reports as out of memory (CRM_NOMEM, MemoryError).
bool actionable(Fault fault, const std::string& kind) {
  if (fault == Fault::out_of_memory) return kind == "bad_alloc";
  return kind == "io" || kind == "busy";
}

// The next N to try: every N up to 16 for allocations (hundreds per write)
// and up to 64 for writes and syncs (every one a record write makes; a
// migration makes hundreds), then steps of an eighth.
std::int64_t next_nth(Fault fault, std::int64_t nth) {
  if (nth < (fault == Fault::out_of_memory ? 16 : 64)) return nth + 1;
  return nth + nth / 8;
}

// Per write: how many runs met the fault, and how many of those threw.
struct CaseTally {
  int runs = 0;
  int faults_met = 0;
  int failures = 0;
};

// Where the files of a run live: in memory (/dev/shm) when the machine has
// it, since every run syncs the file several times; else the temp dir.
std::filesystem::path memory_backed_directory() {
  std::error_code error;
  if (std::filesystem::is_directory("/dev/shm", error) && ::access("/dev/shm", W_OK) == 0) return "/dev/shm";
  return std::filesystem::temp_directory_path();
}

class IoFaults : public ::testing::TestWithParam<Fault> {
 protected:
  // The baseline file with the seeds, checkpointed into one file.
  void SetUp() override {
    baseline_ = dir_.file("baseline.db");
    scratch_ = dir_.file("scratch");
    std::filesystem::create_directories(scratch_);
    Database db = Database::open(baseline_, test_options(clock_));
    seeds_ = seed(db);
    db.close();
    baseline_contents_ = file_contents(baseline_);
  }

  // A fresh copy of `source` at work_ (without a WAL of an earlier run).
  void reset_work_file(const std::string& source) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(work_ + suffix);
    std::filesystem::copy_file(source, work_);
  }

  // Copies the baseline to work_, opens it and returns `write_case`'s write
  // (which keeps the connection open until it is destroyed).
  std::function<void()> start(const WriteCase& write_case) {
    reset_work_file(baseline_);
    auto db = std::make_shared<Database>(Database::open(work_, test_options(clock_)));
    std::function<void()> write = write_case.prepare(*db, seeds_, scratch_);
    return [db, write] { write(); };
  }

  // N = 1, 2, ... for one write until it completes without meeting the
  // fault. `start` puts the file as it is before the write in place at work_
  // and returns the write; `before` is what that file holds.
  // `read` reads work_'s contents (for a migration: without the instants it
  // stamps with the wall clock).
  CaseTally check_write(const std::string& name, const std::function<std::function<void()>()>& start,
                        const FileContents& before, Fault fault,
                        const std::function<FileContents()>& read) {
    CaseTally tally;
    // What the file holds after the write ran without a fault: every run
    // that completes must leave exactly this (the clock and the ids are the same).
    const FileContents completed = [&] {
      start()();
      return read();
    }();
    for (std::int64_t nth = 1;; nth = next_nth(fault, nth)) {
      const std::function<void()> attempt = start();
      const WriteRun run = run_with_fault(attempt, fault, nth);
      ++tally.runs;
      tally.faults_met += run.fired ? 1 : 0;
      const std::string where =
          name + " with " + std::string(fault_name(fault)) + " at operation " + std::to_string(nth);
      if (run.threw) {
        ++tally.failures;
        EXPECT_TRUE(run.fired) << where << ": failed without meeting the fault: " << run.kind << ": " << run.error;
        EXPECT_TRUE(actionable(fault, run.kind)) << where << ": " << run.kind << ": " << run.error;
        EXPECT_EQ(first_difference(before, read()), "")
            << where << ": a failed write changed the file (" << run.error << ")";
        EXPECT_TRUE(file_problems(work_).empty()) << where << ": " << ::testing::PrintToString(file_problems(work_));
        try {
          attempt();
          EXPECT_EQ(first_difference(completed, read()), "")
              << where << ": the write done again after the fault wrote something else";
        } catch (const std::exception& e) {
          ADD_FAILURE() << where << ": the connection cannot do the write after the fault: " << e.what();
        }
      } else {
        EXPECT_EQ(first_difference(completed, read()), "")
            << where << ": the write completed but the file differs from a run without faults";
        EXPECT_TRUE(file_problems(work_).empty()) << where << ": " << ::testing::PrintToString(file_problems(work_));
      }
      if (!run.fired && !run.threw) return tally;
      if (::testing::Test::HasFailure() || nth > 1000000) {
        ADD_FAILURE() << where << ": stopping this write";
        return tally;
      }
    }
  }

  ManualClock clock_;
  TempDir dir_{memory_backed_directory()};
  std::string baseline_;
  std::string scratch_;
  std::string work_ = dir_.file("work.db");
  Seeds seeds_;
  FileContents baseline_contents_;
};

TEST_P(IoFaults, every_write_completes_or_fails_actionably_and_leaves_the_file_as_it_was) {
  int runs = 0;
  int failures = 0;
  for (const WriteCase& write_case : write_cases()) {
    const CaseTally tally = check_write(
        write_case.name, [&] { return start(write_case); }, baseline_contents_, GetParam(),
        [this] { return file_contents(work_); });
    runs += tally.runs;
    failures += tally.failures;
    std::cout << "  " << write_case.name << ": " << tally.faults_met << " faults met, " << tally.failures
              << " writes failed\n";
    EXPECT_GT(tally.faults_met, 0) << write_case.name << " never met the fault: it writes nothing?";
    if (HasFailure()) break;
  }
  std::cout << fault_name(GetParam()) << ": " << runs << " runs, " << failures << " failed writes checked\n";
}

TEST_P(IoFaults, opening_an_old_file_migrates_it_or_fails_actionably_and_leaves_it_as_it_was) {
  const std::string old_file = dir_.file("v1.db");
  {
    std::ifstream fixture(CRM_TEST_FIXTURES "/schema_v1.sql");
    std::ostringstream sql;
    sql << fixture.rdbuf();
    SQLite::Database(old_file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE).exec(sql.str());
  }
  const CaseTally tally = check_write(
      "Database::open (migrating schema version 1)",
      [&] {
        reset_work_file(old_file);
        return std::function<void()>([this] { Database::open(work_, test_options(clock_)).close(); });
      },
      without_instants(file_contents(old_file)), GetParam(), [this] { return without_instants(file_contents(work_)); });
  std::cout << "  Database::open (migrating): " << tally.faults_met << " faults met, " << tally.failures
            << " opens failed\n";
  EXPECT_GT(tally.faults_met, 0);
}

INSTANTIATE_TEST_SUITE_P(EveryFault, IoFaults, ::testing::ValuesIn(kAllFaults),
                         [](const ::testing::TestParamInfo<Fault>& info) {
                           return std::string(fault_name(info.param));
                         });

// One declaration of a header: its text without comments on one line, and
// the depth of braces it stands at (namespace members at 1, class members at 2).
struct Declaration {
  std::string text;
  int depth = 0;
};

// The declarations of one header, split at ';', '{' and '}' outside
// parentheses (so default arguments "= {}" stay in their declaration).
std::vector<Declaration> declarations_of(const std::string& header) {
  std::ifstream in(header);
  std::vector<Declaration> declarations;
  std::string current;
  int braces = 0;
  int parentheses = 0;
  for (std::string line; std::getline(in, line);) {
    const auto comment = line.find("//");
    for (char c : comment == std::string::npos ? line : line.substr(0, comment) + " ") {
      current += c;
      parentheses += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (parentheses != 0 || (c != ';' && c != '{' && c != '}')) continue;
      declarations.push_back({current, braces});
      braces += c == '{' ? 1 : c == '}' ? -1 : 0;
      current.clear();
    }
    current += ' ';
  }
  return declarations;
}

// "Class::method" for each public, non-const, non-static member function of the
// stores (the classes a Database hands out, constructed from a session) in
// the public headers, plus the free functions that take a Database& to write into.
std::set<std::string> writes_declared_in_headers() {
  const std::regex class_start(R"(^\s*class\s+(\w+)\s*\{$)");
  const std::regex member(R"(^\s*[\w:<>,\s]+?\s+(\w+)\s*\(.*\)\s*;$)");
  const std::regex free_writer(R"(^\s*[\w:<>]+\s+(\w+)\s*\(\s*Database&.*\)\s*;$)");
  std::set<std::string> writes;
  for (const auto& entry : std::filesystem::directory_iterator(CRM_PUBLIC_HEADERS)) {
    if (entry.path().extension() != ".hpp") continue;
    std::string class_name;
    int class_depth = 0;
    bool is_store = false;
    bool is_public = false;
    std::vector<std::string> members;
    for (const Declaration& declaration : declarations_of(entry.path().string())) {
      std::smatch match;
      if (!class_name.empty() && declaration.depth == class_depth &&
          declaration.text.find_first_not_of(" }") == std::string::npos) {
        if (is_store) writes.insert(members.begin(), members.end());
        class_name.clear();
      } else if (class_name.empty() && std::regex_match(declaration.text, match, class_start)) {
        class_name = match[1];
        class_depth = declaration.depth + 1;
        is_store = false;
        is_public = false;
        members.clear();
      } else if (!class_name.empty() && declaration.depth == class_depth) {
        if (declaration.text.find("detail::Session& session)") != std::string::npos) is_store = true;
        if (declaration.text.find("public:") != std::string::npos) is_public = true;
        if (declaration.text.find("private:") != std::string::npos) is_public = false;
        if (is_public && std::regex_match(declaration.text, match, member) &&
            declaration.text.find("static ") == std::string::npos)
          members.push_back(class_name + "::" + std::string(match[1]));
      } else if (class_name.empty() && std::regex_match(declaration.text, match, free_writer)) {
        writes.insert(match[1]);
      }
    }
  }
  return writes;
}

TEST(IoFaultCases, every_write_of_the_headers_has_a_fault_case) {
  std::set<std::string> covered;
  for (const WriteCase& write_case : write_cases())
    covered.insert(write_case.name.substr(0, write_case.name.find('(')));
  const std::set<std::string> declared = writes_declared_in_headers();
  EXPECT_GT(declared.size(), 50U) << "the header scan found too few writes to be right";
  for (const std::string& write : declared) EXPECT_EQ(covered.count(write), 1U) << write << " has no fault case";
}

}  // namespace
}  // namespace crm::test
