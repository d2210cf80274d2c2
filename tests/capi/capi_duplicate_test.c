/*
 * Tests of finding duplicates and merging records through the C ABI,
 * written in C99: pairs by every reason with their scores and order,
 * matches for new contacts and accounts, contact and account merges with
 * field choices set on an options handle, what moves with a merge, the
 * merge history with its JSON, refused merges, and misuse (NULL handles and
 * pointers, a closed handle, invalid UTF-8, a wrong side, a wrong record
 * kind, a wrong cursor), each time with the status, crm_last_error()'s code
 * and its message.
 *
 *   crm_capi_duplicate_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

/* ---- helpers ------------------------------------------------------------ */

static crm_db *open_memory(void) {
  crm_db *db = NULL;
  CHECK_OK(crm_db_open(":memory:", NULL, &db));
  add_test_users(db);
  CHECK_OK(crm_db_set_user(db, "anna.berzina"));
  return db;
}

/* A contact with these names, email and phone (NULL: none). */
static int64_t make_contact(crm_db *db, const char *first_name, const char *last_name, const char *email,
                            const char *phone, const char *job_title) {
  crm_contact *data = NULL;
  crm_contact *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "first_name", first_name));
  CHECK_OK(crm_contact_set(data, "last_name", last_name));
  CHECK_OK(crm_contact_set(data, "job_title", job_title));
  if (email != NULL) CHECK_OK(crm_contact_add_email(data, email, 0));
  if (phone != NULL) CHECK_OK(crm_contact_add_phone(data, CRM_PHONE_MOBILE, phone));
  CHECK_OK(crm_contact_create(db, data, &created));
  CHECK_OK(crm_contact_id(created, &id));
  crm_contact_free(data);
  crm_contact_free(created);
  return id;
}

/* An account with this name, registration number and VAT id (NULL: none). */
static int64_t make_account(crm_db *db, const char *name, const char *registration_number, const char *vat_id) {
  crm_account *data = NULL;
  crm_account *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_account_new(&data));
  CHECK_OK(crm_account_set(data, "name", name));
  CHECK_OK(crm_account_set(data, "registration_number", registration_number));
  CHECK_OK(crm_account_set(data, "vat_id", vat_id));
  CHECK_OK(crm_account_create(db, data, &created));
  CHECK_OK(crm_account_id(created, &id));
  crm_account_free(data);
  crm_account_free(created);
  return id;
}

/* A done call with the contact. */
static int64_t make_call(crm_db *db, int64_t contact) {
  crm_activity *data = NULL;
  crm_activity *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_activity_new(&data));
  CHECK_OK(crm_activity_set(data, "kind", "call"));
  CHECK_OK(crm_activity_set(data, "status", "done"));
  CHECK_OK(crm_activity_set_int(data, "contact", contact));
  CHECK_OK(crm_activity_create(db, data, &created));
  CHECK_OK(crm_activity_get_int(created, "id", &id));
  crm_activity_free(data);
  crm_activity_free(created);
  return id;
}

/* The contact of an activity. */
static int64_t call_contact(crm_db *db, int64_t call) {
  crm_activity *activity = NULL;
  int64_t contact = 0;
  CHECK_OK(crm_activity_get(db, call, &activity));
  CHECK_OK(crm_activity_get_int(activity, "contact", &contact));
  crm_activity_free(activity);
  return contact;
}

/* One duplicate as the cursor shows it. */
typedef struct seen {
  int64_t first, second;
  int score;
  size_t reasons;
  const char *reason; /* the first; static storage */
} seen;

/* Reads up to max duplicates from the cursor (and frees it). */
static size_t read_duplicates(crm_cursor *cursor, seen *out, size_t max, const char *kind) {
  size_t n = 0;
  crm_status status;
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    const crm_duplicate *duplicate = NULL;
    const char *text = NULL;
    CHECK_OK(crm_cursor_duplicate(cursor, &duplicate));
    CHECK_OK(crm_duplicate_record_kind(duplicate, &text));
    CHECK(same(text, kind));
    if (n < max) {
      CHECK_OK(crm_duplicate_ids(duplicate, &out[n].first, &out[n].second));
      CHECK_OK(crm_duplicate_score(duplicate, &out[n].score));
      CHECK_OK(crm_duplicate_reason_count(duplicate, &out[n].reasons));
      CHECK_OK(crm_duplicate_reason(duplicate, 0, &out[n].reason));
    }
    ++n;
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
  return n;
}

/* ---- tests -------------------------------------------------------------- */

static void test_find_contacts(void) {
  crm_db *db = open_memory();
  crm_cursor *cursor = NULL;
  const crm_duplicate *duplicate = NULL;
  const char *reason = NULL;
  seen pairs[4];
  const int64_t anna = make_contact(db, "Anna", "Bērziņa", "anna@koka.lv", "+371 26 123 456", "");
  const int64_t anna_again = make_contact(db, "ANNA", "berzina", "ANNA@Koka.lv", NULL, "");
  const int64_t phone = make_contact(db, "Jonas", "Petraitis", NULL, "+37126123456", "");
  const int64_t olena = make_contact(db, "Олена", "Ковальчук", NULL, NULL, "");
  const int64_t olena_again = make_contact(db, "ОЛЕНА", "КОВАЛЬЧУК", NULL, NULL, "");

  CHECK_OK(crm_duplicate_find(db, "contact", 0, 0, &cursor));
  CHECK(read_duplicates(cursor, pairs, 4, "contact") == 3);
  CHECK(pairs[0].first == anna && pairs[0].second == anna_again && pairs[0].score == 94 && pairs[0].reasons == 2);
  CHECK(same(pairs[0].reason, "same_email"));
  CHECK(pairs[1].first == anna && pairs[1].second == phone && pairs[1].score == 80);
  CHECK(same(pairs[1].reason, "same_phone"));
  CHECK(pairs[2].first == olena && pairs[2].second == olena_again && pairs[2].score == 40);
  CHECK(same(pairs[2].reason, "same_name"));

  CHECK_OK(crm_duplicate_find(db, "contact", 1, 50, &cursor));
  CHECK(read_duplicates(cursor, pairs, 4, "contact") == 1);
  CHECK_OK(crm_duplicate_find(db, "contact", 10, 81, &cursor));
  CHECK(read_duplicates(cursor, pairs, 4, "contact") == 1);

  /* A reason past the last. */
  CHECK_OK(crm_duplicate_find(db, "contact", 0, 0, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_duplicate(cursor, &duplicate));
  CHECK_FAILS(crm_duplicate_reason(duplicate, 2, &reason), CRM_NOT_FOUND, "index 2 is beyond the 2 items");
  crm_cursor_free(cursor);
  crm_db_free(db);
}

/* Names spelled alike in ASCII Latin are duplicates by name. */
static void test_find_names_spelled_alike(void) {
  crm_db *db = open_memory();
  crm_cursor *cursor = NULL;
  seen pairs[4];
  const int64_t kozlowski = make_contact(db, "Łukasz", "Kozłowski", NULL, NULL, "");
  const int64_t ivanov = make_contact(db, "Иван", "Иванов", NULL, NULL, "");
  const int64_t kozlowski_ascii = make_contact(db, "Lukasz", "Kozlowski", NULL, NULL, "");
  const int64_t ivanov_latin = make_contact(db, "Ivan", "Ivanov", NULL, NULL, "");

  CHECK_OK(crm_duplicate_find(db, "contact", 0, 0, &cursor));
  CHECK(read_duplicates(cursor, pairs, 4, "contact") == 2);
  CHECK(pairs[0].first == ivanov && pairs[0].second == ivanov_latin && pairs[0].score == 40);
  CHECK(same(pairs[0].reason, "same_name"));
  CHECK(pairs[1].first == kozlowski && pairs[1].second == kozlowski_ascii && pairs[1].score == 40);
  CHECK(same(pairs[1].reason, "same_name"));
  crm_db_free(db);
}

static void test_find_accounts(void) {
  crm_db *db = open_memory();
  crm_cursor *cursor = NULL;
  seen pairs[4];
  const int64_t koka = make_account(db, "SIA Koka Nams", "40003 000-000", NULL);
  const int64_t koka_again = make_account(db, "Koka", "40003.000.000", "LV40003000000");
  const int64_t vat = make_account(db, "Other", NULL, "lv 4000 3000 000");
  CHECK_OK(crm_duplicate_find(db, "account", 0, 0, &cursor));
  CHECK(read_duplicates(cursor, pairs, 4, "account") == 2);
  CHECK(pairs[0].first == koka && pairs[0].second == koka_again && pairs[0].score == 95);
  CHECK(same(pairs[0].reason, "same_registration_number"));
  CHECK(pairs[1].first == koka_again && pairs[1].second == vat && same(pairs[1].reason, "same_vat_id"));
  crm_db_free(db);
}

static void test_matches(void) {
  crm_db *db = open_memory();
  crm_cursor *cursor = NULL;
  crm_contact *contact = NULL;
  crm_account *account = NULL;
  seen found[4];
  const int64_t anna = make_contact(db, "Anna", "Bērziņa", "anna@koka.lv", NULL, "");
  const int64_t koka = make_account(db, "SIA Koka Nams", "40003000000", NULL);

  CHECK_OK(crm_contact_new(&contact));
  CHECK_OK(crm_contact_set(contact, "last_name", "Ozola"));
  CHECK_OK(crm_contact_add_email(contact, "Anna@Koka.LV", 1));
  CHECK_OK(crm_duplicate_match_contact(db, contact, 0, 0, &cursor));
  CHECK(read_duplicates(cursor, found, 4, "contact") == 1);
  CHECK(found[0].first == anna && found[0].second == 0 && found[0].score == 90);
  CHECK_OK(crm_duplicate_match_contact(db, contact, 0, 95, &cursor));
  CHECK(read_duplicates(cursor, found, 4, "contact") == 0);
  CHECK_OK(crm_contact_add_email(contact, "not an address", 0));
  cursor = (crm_cursor *)contact;
  CHECK_FAILS(crm_duplicate_match_contact(db, contact, 0, 0, &cursor), CRM_INVALID_ARGUMENT, "contact.emails[1]");
  CHECK(cursor == NULL);
  crm_contact_free(contact);

  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_account_set(account, "name", "sia koka  nams"));
  CHECK_OK(crm_account_set(account, "registration_number", "4000-3000-000"));
  CHECK_OK(crm_duplicate_match_account(db, account, 5, 1, &cursor));
  CHECK(read_duplicates(cursor, found, 4, "account") == 1);
  CHECK(found[0].first == koka && found[0].score == 97 && found[0].reasons == 2);
  crm_account_free(account);
  crm_db_free(db);
}

static void test_contact_merge(void) {
  crm_db *db = open_memory();
  crm_merge_options *options = NULL;
  crm_contact *merged = NULL;
  crm_cursor *cursor = NULL;
  const crm_merge *merge = NULL;
  const char *text = NULL;
  int64_t id = 0, survivor_id = 0, merged_id = 0, version = 0;
  size_t count = 0;
  const int64_t survivor = make_contact(db, "Anna", "Bērziņa", "anna@koka.lv", NULL, "Buyer");
  const int64_t other = make_contact(db, "Annija", "Bērziņa", "annija@medis.lt", "+371 26 000 001", "CFO");
  const int64_t call = make_call(db, other);

  CHECK_OK(crm_merge_options_new(&options));
  CHECK_OK(crm_merge_options_take(options, "job_title", CRM_MERGE_OTHER));
  CHECK_OK(crm_merge_options_take(options, "First_Name", CRM_MERGE_SURVIVOR));
  CHECK_OK(crm_contact_merge(db, survivor, other, options, &merged));
  CHECK_OK(crm_contact_get_field(merged, "job_title", &text));
  CHECK(same(text, "CFO"));
  CHECK_OK(crm_contact_get_field(merged, "first_name", &text));
  CHECK(same(text, "Anna"));
  CHECK_OK(crm_contact_email_count(merged, &count));
  CHECK(count == 2);
  CHECK_OK(crm_contact_phone_count(merged, &count));
  CHECK(count == 1);
  CHECK_OK(crm_contact_version(merged, &version));
  CHECK(version == 2);
  crm_contact_free(merged);
  CHECK(call_contact(db, call) == survivor);
  CHECK_FAILS(crm_contact_get(db, other, &merged), CRM_NOT_FOUND, "does not exist");

  CHECK_OK(crm_merge_history(db, "contact", survivor, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_merge(cursor, &merge));
  CHECK_OK(crm_merge_id(merge, &id));
  CHECK(id > 0);
  CHECK_OK(crm_merge_record_kind(merge, &text));
  CHECK(same(text, "contact"));
  CHECK_OK(crm_merge_ids(merge, &survivor_id, &merged_id));
  CHECK(survivor_id == survivor && merged_id == other);
  CHECK_OK(crm_merge_merged_at(merge, &text));
  CHECK(text != NULL && strlen(text) == 27 && text[26] == 'Z');
  CHECK_OK(crm_merge_merged_by(merge, &text));
  CHECK(same(text, "anna.berzina"));
  CHECK_OK(crm_merge_choices(merge, &text));
  CHECK(same(text, "{\"first_name\":\"survivor\",\"job_title\":\"other\"}"));
  CHECK_OK(crm_merge_merged_record(merge, &text));
  CHECK(strstr(text, "\"first_name\":\"Annija\"") != NULL && strstr(text, "annija@medis.lt") != NULL);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);

  /* Merging without options, and into nothing: the survivor handle is optional. */
  CHECK_OK(crm_contact_merge(db, survivor, make_contact(db, "A", "B", NULL, NULL, ""), NULL, NULL));
  crm_merge_options_free(options);
  crm_db_free(db);
}

static void test_account_merge(void) {
  crm_db *db = open_memory();
  crm_merge_options *options = NULL;
  crm_account *merged = NULL;
  crm_cursor *cursor = NULL;
  const char *text = NULL;
  int64_t found = 0;
  const int64_t survivor = make_account(db, "Koka Nams", NULL, NULL);
  const int64_t other = make_account(db, "SIA Koka Nams", "40003000000", "LV40003000000");

  CHECK_OK(crm_merge_options_new(&options));
  CHECK_OK(crm_merge_options_take(options, "name", CRM_MERGE_OTHER));
  CHECK_OK(crm_merge_options_take(options, "vat_id", CRM_MERGE_SURVIVOR));
  CHECK_OK(crm_account_merge(db, survivor, other, options, &merged));
  CHECK_OK(crm_account_get_field(merged, "name", &text));
  CHECK(same(text, "SIA Koka Nams"));
  CHECK_OK(crm_account_get_field(merged, "registration_number", &text));
  CHECK(same(text, "40003000000"));
  CHECK_OK(crm_account_get_field(merged, "vat_id", &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_account_id(merged, &found));
  CHECK(found == survivor);
  crm_account_free(merged);
  CHECK_OK(crm_merge_history(db, "account", survivor, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  crm_merge_options_free(options);
  crm_db_free(db);
}

static void test_refused_merges(void) {
  crm_db *db = open_memory();
  crm_merge_options *options = NULL;
  crm_contact *merged = NULL;
  crm_cursor *cursor = NULL;
  const int64_t survivor = make_contact(db, "Anna", "Liepa", NULL, NULL, "");
  const int64_t other = make_contact(db, "Anna", "Liepa", NULL, NULL, "");
  const int64_t account = make_account(db, "Liepa", NULL, NULL);

  merged = (crm_contact *)db;
  CHECK_FAILS(crm_contact_merge(db, survivor, survivor, NULL, &merged), CRM_INVALID_ARGUMENT, "into itself");
  CHECK(merged == NULL);
  CHECK_FAILS(crm_contact_merge(db, survivor, 999, NULL, &merged), CRM_NOT_FOUND, "contact 999 does not exist");
  CHECK_FAILS(crm_account_merge(db, account, 999, NULL, NULL), CRM_NOT_FOUND, "account 999");
  CHECK_OK(crm_contact_remove(db, other));
  CHECK_FAILS(crm_contact_merge(db, survivor, other, NULL, &merged), CRM_CONFLICT, "is deleted");
  CHECK_OK(crm_contact_restore(db, other));
  CHECK_OK(crm_merge_options_new(&options));
  CHECK_OK(crm_merge_options_take(options, "jobtitle", CRM_MERGE_OTHER));
  CHECK_FAILS(crm_contact_merge(db, survivor, other, options, &merged), CRM_INVALID_ARGUMENT,
              "did you mean 'job_title'");
  crm_merge_options_free(options);
  CHECK_OK(crm_merge_options_new(&options));
  CHECK_OK(crm_merge_options_take(options, "phones", CRM_MERGE_OTHER));
  CHECK_FAILS(crm_contact_merge(db, survivor, other, options, &merged), CRM_INVALID_ARGUMENT, "phones of both");
  crm_merge_options_free(options);
  CHECK_OK(crm_merge_history(db, "contact", survivor, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_contact_get(db, other, &merged));
  crm_contact_free(merged);
  crm_db_free(db);
}

static void test_misuse(void) {
  crm_db *db = open_memory();
  crm_cursor *cursor = (crm_cursor *)db;
  crm_cursor *wrong = NULL;
  crm_merge_options *options = NULL;
  crm_contact *contact = NULL;
  crm_account *account = NULL;
  const crm_duplicate *duplicate = NULL;
  const crm_merge *merge = NULL;
  const char *text = NULL;
  int64_t a = 0, b = 0;
  int score = 0;
  size_t count = 0;
  const int64_t first = make_contact(db, "Anna", "Liepa", NULL, NULL, "");
  const int64_t second = make_contact(db, "Anna", "Liepa", NULL, NULL, "");

  /* NULL handles and out pointers. */
  CHECK_FAILS(crm_duplicate_find(NULL, "contact", 0, 0, &cursor), CRM_MISUSE, "db");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_duplicate_find(db, NULL, 0, 0, &cursor), CRM_MISUSE, "record_kind");
  CHECK_FAILS(crm_duplicate_find(db, "contact", 0, 0, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_duplicate_match_contact(db, NULL, 0, 0, &cursor), CRM_MISUSE, "data");
  CHECK_FAILS(crm_duplicate_match_account(db, NULL, 0, 0, &cursor), CRM_MISUSE, "data");
  CHECK_FAILS(crm_duplicate_match_contact(db, contact, 0, 0, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_duplicate_match_account(NULL, account, 0, 0, &cursor), CRM_MISUSE, "data");
  CHECK_FAILS(crm_cursor_duplicate(NULL, &duplicate), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_duplicate_record_kind(NULL, &text), CRM_MISUSE, "duplicate");
  CHECK_FAILS(crm_duplicate_ids(NULL, &a, &b), CRM_MISUSE, "duplicate");
  CHECK_FAILS(crm_duplicate_score(NULL, &score), CRM_MISUSE, "duplicate");
  CHECK_FAILS(crm_duplicate_reason_count(NULL, &count), CRM_MISUSE, "duplicate");
  CHECK_FAILS(crm_duplicate_reason(NULL, 0, &text), CRM_MISUSE, "duplicate");
  CHECK_FAILS(crm_merge_options_new(NULL), CRM_MISUSE, "out_options");
  CHECK_FAILS(crm_merge_options_take(NULL, "name", CRM_MERGE_OTHER), CRM_MISUSE, "options");
  crm_merge_options_free(NULL);
  CHECK_FAILS(crm_contact_merge(NULL, first, second, NULL, NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_account_merge(NULL, first, second, NULL, NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_merge_history(db, NULL, first, &cursor), CRM_MISUSE, "record_kind");
  CHECK_FAILS(crm_merge_history(db, "contact", first, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_cursor_merge(NULL, &merge), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_merge_id(NULL, &a), CRM_MISUSE, "merge");
  CHECK_FAILS(crm_merge_record_kind(NULL, &text), CRM_MISUSE, "merge");
  CHECK_FAILS(crm_merge_ids(NULL, &a, &b), CRM_MISUSE, "merge");
  CHECK_FAILS(crm_merge_merged_at(NULL, &text), CRM_MISUSE, "merge");
  CHECK_FAILS(crm_merge_merged_by(NULL, &text), CRM_MISUSE, "merge");
  CHECK_FAILS(crm_merge_choices(NULL, &text), CRM_MISUSE, "merge");
  CHECK_FAILS(crm_merge_merged_record(NULL, &text), CRM_MISUSE, "merge");

  /* Bad values. */
  CHECK_OK(crm_merge_options_new(&options));
  CHECK_FAILS(crm_merge_options_take(options, NULL, CRM_MERGE_OTHER), CRM_MISUSE, "field");
  CHECK_FAILS(crm_merge_options_take(options, "name", (crm_merge_side)7), CRM_INVALID_ARGUMENT,
              "neither CRM_MERGE_SURVIVOR nor CRM_MERGE_OTHER");
  CHECK_FAILS(crm_merge_options_take(options, "bad \xff name", CRM_MERGE_OTHER), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_duplicate_find(db, "lead", 0, 0, &cursor), CRM_INVALID_ARGUMENT, "accounts and contacts");
  CHECK_FAILS(crm_duplicate_find(db, "planet", 0, 0, &cursor), CRM_INVALID_ARGUMENT, "record_kind");
  CHECK_FAILS(crm_duplicate_find(db, "contact", 100001, 0, &cursor), CRM_INVALID_ARGUMENT, "duplicates.limit");
  CHECK_FAILS(crm_duplicate_find(db, "contact", 0, 101, &cursor), CRM_INVALID_ARGUMENT, "duplicates.min_score");
  CHECK_FAILS(crm_merge_history(db, "lead", first, &cursor), CRM_INVALID_ARGUMENT, "accounts and contacts");
  CHECK_FAILS(crm_merge_history(db, "contact", 999, &cursor), CRM_NOT_FOUND, "contact 999");

  /* Cursors of another kind, or not on a row. */
  CHECK_OK(crm_duplicate_find(db, "contact", 0, 0, &cursor));
  CHECK_FAILS(crm_cursor_duplicate(cursor, &duplicate), CRM_MISUSE, "not on a row");
  CHECK_FAILS(crm_cursor_merge(cursor, &merge), CRM_MISUSE, "another kind");
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_duplicate(cursor, &duplicate));
  CHECK_FAILS(crm_duplicate_ids(duplicate, NULL, &b), CRM_MISUSE, "out_first_id");
  CHECK_FAILS(crm_duplicate_ids(duplicate, &a, NULL), CRM_MISUSE, "out_second_id");
  CHECK_FAILS(crm_duplicate_score(duplicate, NULL), CRM_MISUSE, "out_score");
  CHECK_FAILS(crm_duplicate_reason_count(duplicate, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_duplicate_reason(duplicate, 0, NULL), CRM_MISUSE, "out_reason");
  CHECK_FAILS(crm_duplicate_record_kind(duplicate, NULL), CRM_MISUSE, "out_kind");
  CHECK_FAILS(crm_cursor_duplicate(cursor, NULL), CRM_MISUSE, "out_duplicate");
  CHECK_OK(crm_contact_merge(db, first, second, options, NULL));
  CHECK_OK(crm_merge_history(db, "contact", first, &wrong));
  CHECK_FAILS(crm_cursor_duplicate(wrong, &duplicate), CRM_MISUSE, "another kind");
  CHECK(crm_cursor_next(wrong) == CRM_ROW);
  CHECK_OK(crm_cursor_merge(wrong, &merge));
  CHECK_FAILS(crm_cursor_merge(wrong, NULL), CRM_MISUSE, "out_merge");
  CHECK_FAILS(crm_merge_id(merge, NULL), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_merge_record_kind(merge, NULL), CRM_MISUSE, "out_kind");
  CHECK_FAILS(crm_merge_ids(merge, NULL, &b), CRM_MISUSE, "out_survivor_id");
  CHECK_FAILS(crm_merge_ids(merge, &a, NULL), CRM_MISUSE, "out_merged_id");
  CHECK_FAILS(crm_merge_merged_at(merge, NULL), CRM_MISUSE, "out_instant");
  CHECK_FAILS(crm_merge_merged_by(merge, NULL), CRM_MISUSE, "out_user");
  CHECK_FAILS(crm_merge_choices(merge, NULL), CRM_MISUSE, "out_json");
  CHECK_FAILS(crm_merge_merged_record(merge, NULL), CRM_MISUSE, "out_json");
  crm_cursor_free(wrong);
  crm_merge_options_free(options);

  /* A closed handle; its cursors report it. */
  crm_db_close(db);
  CHECK_FAILS(crm_cursor_next(cursor), CRM_MISUSE, "closed");
  crm_cursor_free(cursor);
  CHECK_FAILS(crm_duplicate_find(db, "contact", 0, 0, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_contact_merge(db, first, second, NULL, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_account_merge(db, first, second, NULL, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_merge_history(db, "contact", first, &cursor), CRM_MISUSE, "closed");
  CHECK_OK(crm_contact_new(&contact));
  CHECK_OK(crm_account_new(&account));
  CHECK_FAILS(crm_duplicate_match_contact(db, contact, 0, 0, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_duplicate_match_account(db, account, 0, 0, &cursor), CRM_MISUSE, "closed");
  crm_contact_free(contact);
  crm_account_free(account);
  crm_db_free(db);
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc != 2) {
    fprintf(stderr, "usage: crm_capi_duplicate_test SCRATCH_DIR\n");
    return 2;
  }
  test_find_contacts();
  test_find_names_spelled_alike();
  test_find_accounts();
  test_matches();
  test_contact_merge();
  test_account_merge();
  test_refused_merges();
  test_misuse();
  return check_report("crm_capi_duplicate_test");
}
