// Merging two contacts or two accounts: nothing that referred to the other
// is lost, fields follow the choices, the merge is recorded, and refused
// merges write nothing.
#include "crm/duplicates.hpp"

#include <set>
#include <tuple>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "crm/crm.hpp"
#include "duplicate/record_references.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

namespace pt = boost::posix_time;
using nlohmann::json;

class MergeTest : public ::testing::Test {
 protected:
  MergeTest() {
    test::act_as_administrator(db, "anna.berzina");
    koka = db.accounts().create({.name = "SIA Koka Nams"}).id;
    medis = db.accounts().create({.name = "UAB Medis"}).id;
  }

  Contact contact(ContactData data) {
    if (data.last_name.empty()) data.last_name = "Bērziņa";
    return db.contacts().create(data);
  }
  ActivityId call_with(ContactId contact, AccountId account = {}) {
    return db.activities()
        .create({.kind = ActivityKind::call, .subject = "Call", .status = ActivityStatus::done, .account = account,
                 .contact = contact})
        .id;
  }
  OpportunityId deal(AccountId account, ContactId primary = {}, std::vector<OpportunityContact> people = {}) {
    return db.opportunities()
        .create({.account = account, .primary_contact = primary, .contacts = std::move(people), .name = "Deal",
                 .amount = Money(100000, "EUR")})
        .id;
  }
  // A raw connection to the same file, for what the API does not show.
  SQLite::Database raw() const { return SQLite::Database(path, SQLite::OPEN_READONLY); }
  std::int64_t count(const std::string& sql) const { return raw().execAndGet(sql).getInt64(); }

  test::ManualClock clock;
  test::TempDir dir;
  std::string path = dir.file("merge.crm");
  Database db = Database::open(path, test::test_options(clock));
  test::TestUsers known_users{db};
  AccountId koka, medis;
};

// ---- contacts -------------------------------------------------------------

TEST_F(MergeTest, ContactMergeKeepsEveryActivityDealEmploymentLeadLinkAndListMembership) {
  const Contact survivor = contact({.first_name = "Anna", .account = koka});
  const Contact other = contact({.first_name = "Anna", .account = medis});
  const ActivityId call = call_with(other.id);
  const OpportunityId primary_deal = deal(koka, other.id, {{survivor.id, "decision maker"}, {other.id, "user"}});
  const OpportunityId further_deal = deal(medis, {}, {{other.id, "influencer"}});
  const Lead lead = db.leads().create({.first_name = "Anna", .last_name = "Bērziņa"});
  db.leads().convert(lead.id, {.account = medis, .contact = other.id});
  const Segment only_other = db.segments().create_list(RecordKind::contact, "Call back");
  const Segment both = db.segments().create_list(RecordKind::contact, "Newsletter");
  db.segments().add_members(only_other.id, {other.id.value()});
  db.segments().add_members(both.id, {survivor.id.value(), other.id.value()});

  const Contact merged = db.duplicates().merge(survivor.id, other.id);

  EXPECT_CRM_ERROR(db.contacts().get(other.id), ErrorCode::not_found);
  EXPECT_EQ(db.activities().get(call).contact, survivor.id);
  const Opportunity first = db.opportunities().get(primary_deal);
  EXPECT_EQ(first.primary_contact, survivor.id);
  EXPECT_EQ(first.contacts, (std::vector<OpportunityContact>{{survivor.id, "decision maker"}}))
      << "the survivor keeps its own role on a deal both were on";
  EXPECT_EQ(db.opportunities().get(further_deal).contacts,
            (std::vector<OpportunityContact>{{survivor.id, "influencer"}}));
  EXPECT_EQ(db.leads().get(lead.id).converted_contact, survivor.id);
  std::set<AccountId> employers;
  for (const Employment& job : db.employments().history(survivor.id)) employers.insert(job.account);
  EXPECT_EQ(employers, (std::set<AccountId>{koka, medis}));
  EXPECT_TRUE(merged.account == koka || merged.account == medis);
  EXPECT_TRUE(db.segments().contains(only_other.id, survivor.id.value()));
  EXPECT_EQ(db.segments().count(both.id), 1);
  EXPECT_EQ(count("SELECT count(*) FROM segment_members WHERE record_id = " + std::to_string(other.id.value())), 0);
  EXPECT_TRUE(db.integrity_check().empty());
}

TEST_F(MergeTest, ContactMergeUnitesEmailsPhonesTagsAndConsents) {
  const Instant earlier = db.now() - pt::hours(48);
  const Instant later = db.now() - pt::hours(1);
  const Contact survivor = contact({.emails = {{"anna@koka.lv", true}, {"anna@home.lv"}},
                                    .phones = {{PhoneKind::mobile, "26 123 456"}},
                                    .consents = {{ConsentChannel::email, true, earlier}},
                                    .tags = {"VIP", "Riga"}});
  const Contact other = contact({.emails = {{"ANNA@koka.lv"}, {"a.berzina@medis.lt", true}},
                                 .phones = {{PhoneKind::work, "+371 26123456"}, {PhoneKind::work, "67 000 001"}},
                                 .consents = {{ConsentChannel::email, false, later},
                                              {ConsentChannel::sms, true, later}},
                                 .tags = {"vip", "Event 2024"}});
  const Contact merged = db.duplicates().merge(survivor.id, other.id);
  EXPECT_EQ(merged.emails, (std::vector<Email>{{"anna@koka.lv", true}, {"anna@home.lv", false},
                                               {"a.berzina@medis.lt", false}}));
  EXPECT_EQ(merged.primary_email(), "anna@koka.lv");
  ASSERT_EQ(merged.phones.size(), 2u);
  EXPECT_EQ(merged.phones[0].e164, "+37126123456");
  EXPECT_EQ(merged.phones[0].kind, PhoneKind::mobile);
  EXPECT_EQ(merged.phones[1].e164, "+37167000001");
  EXPECT_EQ(merged.tags, (std::vector<std::string>{"Event 2024", "Riga", "VIP"}));
  EXPECT_EQ(merged.consents, (std::vector<Consent>{{ConsentChannel::email, false, later},
                                                   {ConsentChannel::sms, true, later}}))
      << "the later answer on a channel holds: a withdrawal is not lost";
  EXPECT_EQ(db.contacts().find_by_email("A.Berzina@medis.lt").front().id, survivor.id);
  EXPECT_EQ(db.contacts().find_by_phone("67000001").front().id, survivor.id);
}

TEST_F(MergeTest, FieldsTakeTheSurvivorsValueOrTheOthersWhenTheSurvivorHasNone) {
  const Contact survivor = contact({.first_name = "Anna", .job_title = "", .country = "LV", .owner = "anna"});
  const Contact other = contact({.first_name = "Annija", .job_title = "CFO", .birthday = Birthday{1980, 5, 17},
                                 .country = "LT", .lead_source = "fair"});
  const Contact merged = db.duplicates().merge(survivor.id, other.id);
  EXPECT_EQ(merged.first_name, "Anna");
  EXPECT_EQ(merged.job_title, "CFO");
  EXPECT_EQ(merged.birthday, (Birthday{1980, 5, 17}));
  EXPECT_EQ(merged.country, "LV");
  EXPECT_EQ(merged.owner, "anna");
  EXPECT_EQ(merged.lead_source, "fair");
}

TEST_F(MergeTest, FieldChoicesAreHonoured) {
  db.custom_fields().define(RecordKind::contact, {.name = "Tier", .type = CustomFieldType::text});
  db.custom_fields().define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer});
  const Contact survivor = contact({.first_name = "Anna", .job_title = "Buyer", .country = "LV",
                                    .custom = {{"Tier", "gold"}, {"score", 10}}});
  const Contact other = contact({.first_name = "Annija", .job_title = "CFO", .custom = {{"Tier", "silver"}}});
  const Contact merged = db.duplicates().merge(
      survivor.id, other.id,
      {{{"job_title", MergeSide::other}, {"Country", MergeSide::other}, {"TIER", MergeSide::other},
        {"first_name", MergeSide::survivor}, {"score", MergeSide::other}}});
  EXPECT_EQ(merged.first_name, "Anna");
  EXPECT_EQ(merged.job_title, "CFO");
  EXPECT_EQ(merged.country, "") << "a chosen side's value is taken even when empty";
  EXPECT_EQ(merged.custom, (CustomValues{{"Tier", "silver"}}));
}

TEST_F(MergeTest, CustomValuesFollowTheFieldRule) {
  db.custom_fields().define(RecordKind::contact, {.name = "tier", .type = CustomFieldType::text});
  db.custom_fields().define(RecordKind::contact, {.name = "score", .type = CustomFieldType::integer});
  const Contact survivor = contact({.custom = {{"tier", "gold"}}});
  const Contact other = contact({.custom = {{"tier", "silver"}, {"score", 42}}});
  EXPECT_EQ(db.duplicates().merge(survivor.id, other.id).custom, (CustomValues{{"score", 42}, {"tier", "gold"}}));
}

TEST_F(MergeTest, TheOthersExternalRefMovesToASurvivorWithoutOne) {
  const Contact survivor = contact({});
  const Contact other = contact({.external_ref = "ERP-17"});
  EXPECT_EQ(db.duplicates().merge(survivor.id, other.id).external_ref, "ERP-17");
  EXPECT_EQ(db.contacts().find_by_external_ref("ERP-17")->id, survivor.id);
}

TEST_F(MergeTest, MergeBumpsTheVersionsOfTheSurvivorAndOfWhatMoved) {
  const Contact survivor = contact({});
  const Contact other = contact({});
  const Activity call = db.activities().get(call_with(other.id));
  const Segment list = db.segments().create_list(RecordKind::contact, "List");
  db.segments().add_members(list.id, {other.id.value()});
  const std::int64_t list_version = db.segments().get(list.id).version;
  EXPECT_EQ(db.duplicates().merge(survivor.id, other.id).version, survivor.version + 1);
  EXPECT_EQ(db.activities().get(call.id).version, call.version + 1);
  EXPECT_EQ(db.segments().get(list.id).version, list_version + 1);
  Activity stale = call;
  stale.subject = "Changed";
  EXPECT_CRM_ERROR(db.activities().update(stale), ErrorCode::conflict);  // a copy read before the merge is stale
}

TEST_F(MergeTest, HistoryRecordsWhoWhenTheChoicesAndASnapshotOfTheMergedRecord) {
  db.custom_fields().define(RecordKind::contact, {.name = "tier", .type = CustomFieldType::text});
  const Contact survivor = contact({.first_name = "Anna"});
  const Contact other = contact({.first_name = "Annija", .emails = {{"annija@x.lv"}}, .job_title = "CFO",
                                 .external_ref = "ERP-9", .tags = {"VIP"}, .custom = {{"tier", "gold"}}});
  clock.advance(pt::minutes(5));
  db.duplicates().merge(survivor.id, other.id, {{{"Job_Title", MergeSide::survivor}}});
  const auto history = db.duplicates().history(RecordKind::contact, survivor.id.value());
  ASSERT_EQ(history.size(), 1u);
  const MergeRecord& merge = history.front();
  EXPECT_GT(merge.id, 0);
  EXPECT_EQ(merge.kind, RecordKind::contact);
  EXPECT_EQ(merge.survivor_id, survivor.id.value());
  EXPECT_EQ(merge.merged_id, other.id.value());
  EXPECT_EQ(merge.merged_at, db.now());
  EXPECT_EQ(merge.merged_by, "anna.berzina");
  EXPECT_EQ(json::parse(merge.choices_json), (json{{"job_title", "survivor"}}));
  const json snapshot = json::parse(merge.merged_record_json);
  EXPECT_EQ(snapshot["id"], other.id.value());
  EXPECT_EQ(snapshot["first_name"], "Annija");
  EXPECT_EQ(snapshot["job_title"], "CFO");
  EXPECT_EQ(snapshot["emails"], (json::array({{{"address", "annija@x.lv"}, {"primary", true}}})));
  EXPECT_EQ(snapshot["tags"], (json::array({"VIP"})));
  EXPECT_EQ(snapshot["external_ref"], "ERP-9");
  EXPECT_EQ(snapshot["custom"], (json{{"tier", "gold"}}));
  EXPECT_EQ(snapshot["version"], other.version);
  EXPECT_EQ(db.contacts().get(survivor.id).job_title, "") << "the survivor's empty value was chosen";
}

TEST_F(MergeTest, HistoryFollowsASurvivorThatIsMergedLater) {
  const Contact first = contact({});
  const Contact second = contact({});
  const Contact third = contact({});
  db.duplicates().merge(second.id, first.id);
  clock.advance(pt::minutes(1));
  db.duplicates().merge(third.id, second.id);
  const auto history = db.duplicates().history(RecordKind::contact, third.id.value());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].merged_id, second.id.value()) << "newest first";
  EXPECT_EQ(history[1].merged_id, first.id.value());
  EXPECT_EQ(history[1].survivor_id, third.id.value());
  EXPECT_CRM_ERROR(db.duplicates().history(RecordKind::contact, second.id.value()), ErrorCode::not_found);
}

TEST_F(MergeTest, RefusedMergesWriteNothing) {
  const Contact survivor = contact({});
  const Contact other = contact({.emails = {{"other@x.lv"}}});
  const Contact deleted = contact({});
  db.contacts().remove(deleted.id);
  const ActivityId call = call_with(other.id);
  auto same = EXPECT_CRM_ERROR(db.duplicates().merge(survivor.id, survivor.id), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(same.what()).find("into itself"), std::string::npos) << same.what();
  EXPECT_CRM_ERROR(db.duplicates().merge(survivor.id, deleted.id), ErrorCode::conflict);
  EXPECT_CRM_ERROR(db.duplicates().merge(deleted.id, other.id), ErrorCode::conflict);
  EXPECT_CRM_ERROR(db.duplicates().merge(survivor.id, ContactId(9999)), ErrorCode::not_found);
  EXPECT_CRM_ERROR(db.duplicates().merge(ContactId(9999), other.id), ErrorCode::not_found);
  auto misspelt = EXPECT_CRM_ERROR(db.duplicates().merge(survivor.id, other.id, {{{"jobtitle", MergeSide::other}}}),
                                   ErrorCode::invalid_argument);
  EXPECT_EQ(misspelt.field(), "merge.choices");
  EXPECT_NE(std::string(misspelt.what()).find("did you mean 'job_title'"), std::string::npos) << misspelt.what();
  auto united = EXPECT_CRM_ERROR(db.duplicates().merge(survivor.id, other.id, {{{"emails", MergeSide::other}}}),
                                 ErrorCode::invalid_argument);
  EXPECT_NE(std::string(united.what()).find("keeps the emails of both"), std::string::npos) << united.what();
  EXPECT_CRM_ERROR(db.duplicates().merge(AccountId(koka), AccountId(koka)), ErrorCode::invalid_argument);

  EXPECT_EQ(db.contacts().get(other.id).emails.size(), 1u);
  EXPECT_EQ(db.contacts().get(survivor.id).version, survivor.version);
  EXPECT_EQ(db.activities().get(call).contact, other.id);
  EXPECT_EQ(count("SELECT count(*) FROM merges"), 0);
}

TEST_F(MergeTest, SearchFindsTheSurvivorByTheMergedRecordsEmail) {
  const Contact survivor = contact({.first_name = "Anna"});
  const Contact other = contact({.first_name = "Annija", .emails = {{"annija.ozola@medis.lt"}}});
  db.duplicates().merge(survivor.id, other.id);
  SQLite::Database file = raw();
  SQLite::Statement search(file, "SELECT kind, record_id FROM search_index WHERE search_index MATCH ?");
  search.bind(1, "\"annija.ozola@medis.lt\"");
  ASSERT_TRUE(search.executeStep());
  EXPECT_EQ(search.getColumn(0).getString(), "contact");
  EXPECT_EQ(search.getColumn(1).getInt64(), survivor.id.value());
  EXPECT_FALSE(search.executeStep());
}

// ---- accounts -------------------------------------------------------------

TEST_F(MergeTest, AccountMergeMovesDealsPeopleSubsidiariesLeadsActivitiesAndTags) {
  const Account survivor = db.accounts().create({.name = "Koka Nams", .tags = {"Wood"}});
  const Account other = db.accounts().create({.name = "SIA Koka Nams", .registration_number = "40003000000",
                                              .email = "info@koka.lv", .tags = {"wood", "Partner"}});
  const Account branch = db.accounts().create({.name = "Koka Nams Tartu", .parent = other.id});
  const Contact worker = contact({.account = other.id});
  const OpportunityId sale = deal(other.id, worker.id);
  const ActivityId visit = call_with(worker.id, other.id);
  const Lead lead = db.leads().create({.company_name = "Koka Nams"});
  db.leads().convert(lead.id, {.account = other.id, .contact = worker.id});
  const Segment list = db.segments().create_list(RecordKind::account, "Key accounts");
  db.segments().add_members(list.id, {other.id.value()});

  const Account merged = db.duplicates().merge(survivor.id, other.id);

  EXPECT_EQ(merged.name, "Koka Nams");
  EXPECT_EQ(merged.registration_number, "40003000000");
  EXPECT_EQ(merged.email, "info@koka.lv");
  EXPECT_EQ(merged.tags, (std::vector<std::string>{"Partner", "Wood"}));
  EXPECT_EQ(merged.version, survivor.version + 1);
  EXPECT_CRM_ERROR(db.accounts().get(other.id), ErrorCode::not_found);
  EXPECT_EQ(db.accounts().get(branch.id).parent, survivor.id);
  EXPECT_EQ(db.contacts().get(worker.id).account, survivor.id);
  EXPECT_EQ(db.employments().of_account(survivor.id).size(), 1u);
  EXPECT_EQ(db.opportunities().get(sale).account, survivor.id);
  EXPECT_EQ(db.activities().get(visit).account, survivor.id);
  EXPECT_EQ(db.leads().get(lead.id).converted_account, survivor.id);
  EXPECT_TRUE(db.segments().contains(list.id, survivor.id.value()));
  EXPECT_EQ(db.duplicates().history(RecordKind::account, survivor.id.value()).size(), 1u);
  EXPECT_TRUE(db.integrity_check().empty());
}

TEST_F(MergeTest, AccountAddressIsTakenWhole) {
  const Account survivor = db.accounts().create({.name = "A", .address = {.city = "Rīga"}});
  const Account other = db.accounts().create(
      {.name = "B", .address = {.street = "Brīvības iela 1", .city = "Riga", .postal_code = "LV-1010"}});
  EXPECT_EQ(db.duplicates().merge(survivor.id, other.id).address, (Address{.city = "Rīga"}));
  const Account third = db.accounts().create({.name = "C", .address = {.street = "Tilto g. 3", .city = "Vilnius"}});
  EXPECT_EQ(db.duplicates().merge(survivor.id, third.id, {{{"address", MergeSide::other}}}).address,
            (Address{.street = "Tilto g. 3", .city = "Vilnius"}));
  EXPECT_CRM_ERROR(db.duplicates().merge(survivor.id, koka, {{{"city", MergeSide::other}}}),
                   ErrorCode::invalid_argument);
}

TEST_F(MergeTest, ASurvivorUnderTheOtherTakesTheOthersParent) {
  const Account group = db.accounts().create({.name = "Group"});
  const Account other = db.accounts().create({.name = "Koka", .parent = group.id});
  const Account survivor = db.accounts().create({.name = "Koka", .parent = other.id});
  const Account sibling = db.accounts().create({.name = "Koka Tartu", .parent = other.id});
  EXPECT_EQ(db.duplicates().merge(survivor.id, other.id).parent, group.id);
  EXPECT_EQ(db.accounts().get(sibling.id).parent, survivor.id);
}

TEST_F(MergeTest, AMergeThatWouldMakeAnAccountItsOwnParentIsRefused) {
  const Account other = db.accounts().create({.name = "Koka"});
  const Account middle = db.accounts().create({.name = "Koka Baltic", .parent = other.id});
  const Account survivor = db.accounts().create({.name = "Koka", .parent = middle.id});
  auto error = EXPECT_CRM_ERROR(db.duplicates().merge(survivor.id, other.id), ErrorCode::invalid_argument);
  EXPECT_NE(std::string(error.what()).find("its own parent"), std::string::npos) << error.what();
  EXPECT_EQ(db.accounts().get(middle.id).parent, other.id) << "nothing was written";
  EXPECT_EQ(db.accounts().get(survivor.id).version, survivor.version);
  const Account merged = db.duplicates().merge(survivor.id, other.id, {{{"parent", MergeSide::other}}});
  EXPECT_EQ(merged.parent, AccountId());
  EXPECT_EQ(db.accounts().get(middle.id).parent, survivor.id);
}

TEST_F(MergeTest, AccountMergesAreRefusedLikeContactMerges) {
  const Account deleted = db.accounts().create({.name = "Gone"});
  db.accounts().remove(deleted.id);
  EXPECT_CRM_ERROR(db.duplicates().merge(koka, deleted.id), ErrorCode::conflict);
  EXPECT_CRM_ERROR(db.duplicates().merge(koka, AccountId(9999)), ErrorCode::not_found);
  EXPECT_CRM_ERROR(db.duplicates().merge(koka, medis, {{{"tags", MergeSide::other}}}), ErrorCode::invalid_argument);
  EXPECT_EQ(db.accounts().get(medis).name, "UAB Medis");
}

// ---- the schema -------------------------------------------------------------

// Every foreign key to accounts or contacts in the schema is one merge moves
// (detail::kRecordReferences). A table added later with such a reference
// fails here until merging knows what to do with it.
TEST_F(MergeTest, MergeKnowsEveryReferenceToAccountsAndContacts) {
  std::set<std::tuple<std::string, std::string, std::string>> in_schema;
  SQLite::Database file = raw();
  SQLite::Statement keys(file,
                         "SELECT m.name, k.\"from\", k.\"table\" FROM sqlite_schema m, "
                         "pragma_foreign_key_list(m.name) k WHERE m.type = 'table' AND k.\"table\" IN "
                         "('accounts', 'contacts')");
  while (keys.executeStep())
    in_schema.emplace(keys.getColumn(0).getString(), keys.getColumn(1).getString(), keys.getColumn(2).getString());
  std::set<std::tuple<std::string, std::string, std::string>> known;
  for (const detail::RecordReference& reference : detail::kRecordReferences) {
    const std::string table(reference.table), column(reference.column);
    if (reference.foreign_key) {
      known.emplace(table, column, reference.to == RecordKind::account ? "accounts" : "contacts");
    } else {
      SQLite::Statement exists(file, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
      exists.bind(1, table);
      exists.bind(2, column);
      exists.executeStep();
      EXPECT_EQ(exists.getColumn(0).getInt(), 1) << table << "." << column << " is not in the schema";
    }
  }
  EXPECT_EQ(in_schema, known);
  EXPECT_EQ(in_schema.size(), 15u) << "the schema as of version 6";
}

}  // namespace
}  // namespace crm
