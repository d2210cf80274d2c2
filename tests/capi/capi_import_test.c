/*
 * Tests of CSV imports through the C ABI, written in C99: options set by
 * setters (encoding, delimiter, column map, mode and key, duplicates, dry
 * run, all or nothing, batch size, progress callback), imports from text and
 * from a file, the result's counts, refused rows and duplicates, a callback
 * that stops the import and has its value passed back, and misuse (NULL
 * handles and pointers, a closed handle, bad names, invalid UTF-8, an index
 * past the end), each with the status and crm_last_error()'s message.
 *
 *   crm_capi_import_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "crm/crm.h"

static int64_t contact_count(crm_db *db) {
  int64_t count = -1;
  CHECK_OK(crm_contact_count(db, NULL, &count));
  return count;
}

/* Imports text as contacts with options; returns the result (caller frees). */
static crm_import_result *import_text(crm_db *db, const char *text, const crm_import_options *options) {
  crm_import_result *result = NULL;
  CHECK_OK(crm_import_text(db, text, strlen(text), options, &result));
  return result;
}

static void test_import_reports_counts_errors_and_links(void) {
  crm_db *db = open_memory_in("LV");
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  int64_t rows = 0, inserted = 0, updated = 0, skipped = 0, failed = 0, line = 0;
  const char *column = NULL;
  const char *message = NULL;
  size_t count = 0;
  int committed = 0, stop_value = -1;
  CHECK_OK(crm_import_options_new("contact", &options));
  result = import_text(db,
                       "First Name;Last Name;Email;Phone\n"
                       "Anna;B\xc4\x93rzi\xc5\x86" "a;anna@example.lv;+371 26 123 456\n"
                       "J\xc4\x81nis;Ozols;not-an-email;\n"
                       "Rasa;Liepa;rasa@example.lv;26 123 457\n",
                       options);
  CHECK_OK(crm_import_result_counts(result, &rows, &inserted, &updated, &skipped, &failed));
  CHECK(rows == 3 && inserted == 2 && updated == 0 && skipped == 0 && failed == 1);
  CHECK_OK(crm_import_result_outcome(result, &committed, &stop_value));
  CHECK(committed == 1 && stop_value == 0);
  CHECK_OK(crm_import_result_error_count(result, &count));
  CHECK(count == 1);
  CHECK_OK(crm_import_result_error(result, 0, &line, &column, &message));
  CHECK(line == 3);
  CHECK(same(column, "Email"));
  CHECK(strstr(message, "not-an-email") != NULL);
  CHECK_FAILS(crm_import_result_error(result, 1, &line, &column, &message), CRM_INVALID_ARGUMENT, "past the last");
  CHECK(contact_count(db) == 2);
  crm_import_result_free(result);
  crm_import_options_free(options);
  crm_db_free(db);
}

static void test_mapping_and_ignored_headers_are_reported(void) {
  crm_db *db = open_memory_in("LV");
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  const char *header = NULL;
  const char *column = NULL;
  size_t count = 0;
  CHECK_OK(crm_import_options_new("contact", &options));
  result = import_text(db, "Last Name,Favourite colour,E-mail\nOzols,green,janis@example.lv\n", options);
  CHECK_OK(crm_import_result_mapping_count(result, &count));
  CHECK(count == 2);
  CHECK_OK(crm_import_result_mapping(result, 0, &header, &column));
  CHECK(same(header, "E-mail") && same(column, "emails"));
  CHECK_OK(crm_import_result_mapping(result, 1, &header, &column));
  CHECK(same(header, "Last Name") && same(column, "last_name"));
  CHECK_FAILS(crm_import_result_mapping(result, 2, &header, &column), CRM_INVALID_ARGUMENT, "past the last");
  CHECK_OK(crm_import_result_ignored_count(result, &count));
  CHECK(count == 1);
  CHECK_OK(crm_import_result_ignored_header(result, 0, &header));
  CHECK(same(header, "Favourite colour"));
  CHECK_FAILS(crm_import_result_ignored_header(result, 1, &header), CRM_INVALID_ARGUMENT, "past the last");
  CHECK_FAILS(crm_import_result_mapping_count(NULL, &count), CRM_MISUSE, "result");
  CHECK_FAILS(crm_import_result_ignored_header(result, 0, NULL), CRM_MISUSE, "out_header");
  crm_import_result_free(result);
  crm_import_options_free(options);
  crm_db_free(db);
}

static void test_legacy_encoding_mapping_and_upsert(void) {
  crm_db *db = open_memory_in("LV");
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  crm_contact *contact = NULL;
  const char *value = NULL;
  int64_t inserted = 0, updated = 0;
  CHECK_OK(crm_import_options_new("contact", &options));
  CHECK_OK(crm_import_options_set_encoding(options, "WINDOWS-1251"));
  CHECK_OK(crm_import_options_set_delimiter(options, '\t'));
  CHECK_OK(crm_import_options_map_column(options, "Kods", "external_ref"));
  CHECK_OK(crm_import_options_map_column(options, "Noise", ""));
  result = import_text(db, "Kods\tlast_name\tNoise\nK-1\t\xca\xee\xe2\xe0\xeb\xfc\xf7\xf3\xea\tx\n", options);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, NULL));
  CHECK(inserted == 1);
  crm_import_result_free(result);
  CHECK_OK(crm_contact_find_by_external_ref(db, "K-1", &contact));
  CHECK_OK(crm_contact_get_field(contact, "last_name", &value));
  CHECK(same(value, "\xd0\x9a\xd0\xbe\xd0\xb2\xd0\xb0\xd0\xbb\xd1\x8c\xd1\x87\xd1\x83\xd0\xba"));
  crm_contact_free(contact);

  CHECK_OK(crm_import_options_set_encoding(options, "UTF-8"));
  CHECK_OK(crm_import_options_set_mode(options, "upsert", "external_ref"));
  result = import_text(db, "Kods\tlast_name\tNoise\nK-1\tKovalchuk\t\nK-2\tOzols\t\n", options);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, &updated, NULL, NULL));
  CHECK(inserted == 1 && updated == 1);
  crm_import_result_free(result);
  CHECK(contact_count(db) == 2);
  crm_import_options_free(options);
  crm_db_free(db);
}

static void test_dry_run_all_or_nothing_and_duplicates(void) {
  crm_db *db = open_memory_in("LV");
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  int committed = 1;
  int64_t skipped = 0, line = 0, record_id = 0;
  int score = 0;
  const char *action = NULL;
  size_t count = 0;
  CHECK_OK(crm_import_options_new("contact", &options));
  CHECK_OK(crm_import_options_set_dry_run(options, 1));
  result = import_text(db, "last_name,email\nOzols,janis@example.lv\n", options);
  CHECK_OK(crm_import_result_outcome(result, &committed, NULL));
  CHECK(committed == 0);
  CHECK(contact_count(db) == 0);
  crm_import_result_free(result);

  CHECK_OK(crm_import_options_set_dry_run(options, 0));
  CHECK_OK(crm_import_options_set_all_or_nothing(options, 1));
  result = import_text(db, "last_name,email\nOzols,janis@example.lv\nLiepa,broken\n", options);
  CHECK_OK(crm_import_result_outcome(result, &committed, NULL));
  CHECK(committed == 0);
  CHECK(contact_count(db) == 0);
  crm_import_result_free(result);

  CHECK_OK(crm_import_options_set_all_or_nothing(options, 0));
  result = import_text(db, "last_name,email\nOzols,janis@example.lv\n", options);
  crm_import_result_free(result);
  CHECK_OK(crm_import_options_set_on_duplicate(options, "skip"));
  result = import_text(db, "last_name,email\nOzols,JANIS@example.lv\n", options);
  CHECK_OK(crm_import_result_counts(result, NULL, NULL, NULL, &skipped, NULL));
  CHECK(skipped == 1);
  CHECK_OK(crm_import_result_duplicate_count(result, &count));
  CHECK(count == 1);
  CHECK_OK(crm_import_result_duplicate(result, 0, &line, &record_id, &score, &action));
  CHECK(line == 2 && record_id > 0 && score > 0 && same(action, "skip"));
  CHECK_OK(crm_import_result_duplicate_reason(result, 0, 0, &action));
  CHECK(same(action, "same_email"));
  CHECK_OK(crm_import_result_duplicate_reason(result, 0, 5, &action));
  CHECK(action == NULL);
  CHECK_FAILS(crm_import_result_duplicate_reason(result, 1, 0, &action), CRM_INVALID_ARGUMENT, "past the last");
  CHECK_FAILS(crm_import_result_duplicate(result, 1, NULL, NULL, NULL, NULL), CRM_INVALID_ARGUMENT, "past the last");
  crm_import_result_free(result);
  CHECK(contact_count(db) == 1);
  crm_import_options_free(options);
  crm_db_free(db);
}

/* Counts the calls and stops at the third by returning 7. */
static int stop_at_third(int64_t rows, int64_t bytes, int64_t total_bytes, int64_t imported, int64_t failed,
                         void *user_data) {
  int *calls = (int *)user_data;
  (void)bytes;
  (void)total_bytes;
  (void)failed;
  ++*calls;
  CHECK(rows == *calls * 2 && imported == rows);
  return *calls == 3 ? 7 : 0;
}

/* How often count_release() ran. */
static int releases = 0;

/* A user_data destructor that counts its calls. */
static void count_release(void *user_data) {
  (void)user_data;
  ++releases;
}

static void test_progress_callback_stops_and_file_import(const char *scratch) {
  crm_db *db = open_memory_in("LV");
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  char path[1024];
  FILE *file = NULL;
  int calls = 0, stop_value = 0, committed = 0, i = 0;
  int64_t inserted = 0;
  snprintf(path, sizeof path, "%s/import_contacts.csv", scratch);
  file = fopen(path, "wb");
  CHECK(file != NULL);
  if (file == NULL) return;
  fputs("last_name\n", file);
  for (i = 0; i < 10; ++i) fprintf(file, "Name%d\n", i);
  fclose(file);
  CHECK_OK(crm_import_options_new("contact", &options));
  CHECK_OK(crm_import_options_set_batch_rows(options, 2));
  CHECK_OK(crm_import_options_set_progress(options, stop_at_third, &calls, count_release));
  CHECK_OK(crm_import_file(db, path, options, &result));
  CHECK_OK(crm_import_result_outcome(result, &committed, &stop_value));
  CHECK(calls == 3 && stop_value == 7 && committed == 1);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, NULL));
  CHECK(inserted == 6);
  CHECK(contact_count(db) == 6);
  crm_import_result_free(result);
  remove(path);
  CHECK_FAILS(crm_import_file(db, path, options, &result), CRM_NOT_FOUND, "import_contacts.csv");
  CHECK(result == NULL);
  CHECK(releases == 0);
  CHECK_OK(crm_import_options_set_progress(options, NULL, NULL, NULL));
  CHECK(releases == 1); /* replacing the callback hands the old user_data back */
  CHECK_OK(crm_import_options_set_progress(options, stop_at_third, &calls, count_release));
  crm_import_options_free(options);
  CHECK(releases == 2); /* so does freeing the options */
  crm_db_free(db);
}

/* What a progress callback that uses its own database saw. */
struct reentry {
  crm_db *db;
  int calls;
  crm_status status;
  char message[512];
};

/* Counts contacts on the database being imported into (refused), then
 * closes it (ignored while the import runs) and goes on. */
static int use_own_database(int64_t rows, int64_t bytes, int64_t total_bytes, int64_t imported, int64_t failed,
                            void *user_data) {
  struct reentry *seen = (struct reentry *)user_data;
  int64_t count = 0;
  (void)rows, (void)bytes, (void)total_bytes, (void)imported, (void)failed;
  ++seen->calls;
  seen->status = crm_contact_count(seen->db, NULL, &count);
  snprintf(seen->message, sizeof seen->message, "%s", crm_last_error()->message);
  crm_db_close(seen->db);
  return 0;
}

static void test_progress_callback_using_its_database_is_refused(void) {
  crm_db *db = open_memory_in("LV");
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  struct reentry seen;
  int64_t inserted = 0;
  seen.db = db;
  seen.calls = 0;
  seen.status = CRM_OK;
  seen.message[0] = '\0';
  CHECK_OK(crm_import_options_new("contact", &options));
  CHECK_OK(crm_import_options_set_batch_rows(options, 1));
  CHECK_OK(crm_import_options_set_progress(options, use_own_database, &seen, NULL));
  result = import_text(db, "last_name\nOzols\nLiepa\n", options);
  CHECK(seen.calls == 2);
  CHECK(seen.status == CRM_INVALID_ARGUMENT);
  CHECK(strstr(seen.message, "callback of its own operation") != NULL);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, NULL));
  CHECK(inserted == 2);
  CHECK(contact_count(db) == 2); /* still open: the close in the callback did nothing */
  crm_import_result_free(result);
  crm_import_options_free(options);
  crm_db_free(db);
}

/* Frees the database being imported into: deferred until the import returns. */
static int free_own_database(int64_t rows, int64_t bytes, int64_t total_bytes, int64_t imported, int64_t failed,
                             void *user_data) {
  struct reentry *seen = (struct reentry *)user_data;
  (void)rows, (void)bytes, (void)total_bytes, (void)imported, (void)failed;
  if (++seen->calls == 1) crm_db_free(seen->db);
  return 0;
}

/* The import finishes on the database the callback freed, then the handle is
 * released (the sanitizer job would report a use after free or a leak). */
static void test_progress_callback_freeing_its_database_frees_it_after_the_import(void) {
  crm_db *db = open_memory_in("LV");
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  struct reentry seen;
  int64_t inserted = 0;
  seen.db = db;
  seen.calls = 0;
  CHECK_OK(crm_import_options_new("contact", &options));
  CHECK_OK(crm_import_options_set_batch_rows(options, 1));
  CHECK_OK(crm_import_options_set_progress(options, free_own_database, &seen, NULL));
  result = import_text(db, "last_name\nOzols\nLiepa\n", options); /* db is gone after this */
  CHECK(seen.calls == 2);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, NULL));
  CHECK(inserted == 2);
  crm_import_result_free(result);
  crm_import_options_free(options);
}

static void test_misuse(void) {
  crm_db *db = open_memory_in("LV");
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  size_t count = 0;
  CHECK_FAILS(crm_import_options_new("planet", &options), CRM_INVALID_ARGUMENT, "planet");
  CHECK(options == NULL);
  CHECK_FAILS(crm_import_options_new(NULL, &options), CRM_MISUSE, "record_kind");
  CHECK_FAILS(crm_import_options_new("contact", NULL), CRM_MISUSE, "out_options");
  CHECK_OK(crm_import_options_new("contact", &options));
  CHECK_FAILS(crm_import_options_set_encoding(NULL, "UTF-8"), CRM_MISUSE, "options");
  CHECK_FAILS(crm_import_options_set_encoding(options, "\xff"), CRM_INVALID_ARGUMENT, "encoding");
  CHECK_FAILS(crm_import_options_set_delimiter(options, '|'), CRM_INVALID_ARGUMENT, "delimiter");
  CHECK_FAILS(crm_import_options_map_column(options, NULL, "x"), CRM_MISUSE, "header");
  CHECK_FAILS(crm_import_options_set_mode(options, "sideways", NULL), CRM_INVALID_ARGUMENT, "sideways");
  CHECK_FAILS(crm_import_options_set_mode(options, "upsert", "shoe_size"), CRM_INVALID_ARGUMENT, "shoe_size");
  CHECK_FAILS(crm_import_options_set_on_duplicate(options, "cry"), CRM_INVALID_ARGUMENT, "cry");
  CHECK_FAILS(crm_import_options_set_dry_run(NULL, 1), CRM_MISUSE, "options");
  CHECK_FAILS(crm_import_options_set_all_or_nothing(NULL, 1), CRM_MISUSE, "options");
  CHECK_FAILS(crm_import_options_set_batch_rows(options, 0), CRM_INVALID_ARGUMENT, "batch_rows");
  CHECK_FAILS(crm_import_options_set_progress(NULL, NULL, NULL, NULL), CRM_MISUSE, "options");
  CHECK_FAILS(crm_import_text(db, "", 0, options, &result), CRM_INVALID_ARGUMENT, "empty");
  CHECK(result == NULL);
  CHECK_FAILS(crm_import_text(db, NULL, 0, options, &result), CRM_MISUSE, "text");
  CHECK_FAILS(crm_import_text(db, "last_name\nx\n", 12, NULL, &result), CRM_MISUSE, "options");
  CHECK_FAILS(crm_import_text(NULL, "last_name\nx\n", 12, options, &result), CRM_MISUSE, "db");
  CHECK_FAILS(crm_import_file(db, NULL, options, &result), CRM_MISUSE, "path");
  CHECK_FAILS(crm_import_file(db, "x.csv", options, NULL), CRM_MISUSE, "out_result");
  CHECK_OK(crm_import_options_set_encoding(options, "KLINGON-8"));
  CHECK_FAILS(crm_import_text(db, "last_name\nx\n", 12, options, &result), CRM_INVALID_ARGUMENT, "KLINGON-8");
  CHECK_FAILS(crm_import_result_counts(NULL, NULL, NULL, NULL, NULL, NULL), CRM_MISUSE, "result");
  CHECK_FAILS(crm_import_result_outcome(NULL, NULL, NULL), CRM_MISUSE, "result");
  CHECK_FAILS(crm_import_result_error_count(NULL, &count), CRM_MISUSE, "result");
  CHECK_FAILS(crm_import_result_duplicate_count(NULL, &count), CRM_MISUSE, "result");
  crm_db_close(db);
  CHECK_OK(crm_import_options_set_encoding(options, "UTF-8"));
  CHECK_FAILS(crm_import_text(db, "last_name\nx\n", 12, options, &result), CRM_MISUSE, "closed");
  crm_import_options_free(options);
  crm_import_options_free(NULL);
  crm_import_result_free(NULL);
  crm_db_free(db);
}

/* Policy "lenient" leaves bad optional cells out with warnings and keeps
 * an unreadable phone as written, flagged; the date order is an option. */
static void test_lenient_policy_lists_warnings_and_keeps_unreadable_phones(void) {
  crm_db *db = open_memory_in("US");
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  crm_contact *contact = NULL;
  crm_contact *made = NULL;
  int64_t inserted = 0, failed = 0, line = 0, total = 0;
  const char *column = NULL, *message = NULL, *raw = NULL, *e164 = NULL;
  size_t count = 0;
  int unreadable = -1;
  const char *text =
      "Last Name,Birthdate,Phone\n"
      "Smith,2999-01-01,555-4246-7492\n";
  CHECK_OK(crm_import_options_new("contact", &options));
  result = import_text(db, text, options);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, &failed));
  CHECK(inserted == 0 && failed == 1);
  CHECK_OK(crm_import_result_warnings(result, &count, &total));
  CHECK(count == 0 && total == 0);
  crm_import_result_free(result);

  CHECK_OK(crm_import_options_set_policy(options, "lenient"));
  CHECK_FAILS(crm_import_options_set_policy(options, "loose"), CRM_INVALID_ARGUMENT, "strict, lenient");
  result = import_text(db, text, options);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, &failed));
  CHECK(inserted == 1 && failed == 0);
  CHECK_OK(crm_import_result_warnings(result, &count, &total));
  CHECK(count == 2 && total == 2);
  CHECK_OK(crm_import_result_warning(result, 0, &line, &column, &message));
  CHECK(line == 2 && same(column, "Birthdate") && strstr(message, "future") != NULL);
  CHECK_OK(crm_import_result_warning(result, 1, &line, &column, &message));
  CHECK(same(column, "Phone") && strstr(message, "kept as written") != NULL);
  CHECK_FAILS(crm_import_result_warning(result, 2, &line, &column, &message), CRM_INVALID_ARGUMENT, "past the last");
  crm_import_result_free(result);

  CHECK_OK(crm_contact_get(db, 1, &contact));
  CHECK_OK(crm_contact_phone(contact, 0, NULL, &raw, &e164));
  CHECK(same(raw, "555-4246-7492") && same(e164, ""));
  CHECK_OK(crm_contact_phone_unreadable(contact, 0, &unreadable));
  CHECK(unreadable == 1);
  CHECK_FAILS(crm_contact_phone_unreadable(contact, 1, &unreadable), CRM_NOT_FOUND, "beyond");
  crm_contact_free(contact);

  CHECK_OK(crm_contact_new(&contact));
  CHECK_OK(crm_contact_set(contact, "last_name", "Jones"));
  CHECK_OK(crm_contact_add_phone_as_written(contact, CRM_PHONE_WORK, "ext. 12"));
  CHECK_OK(crm_contact_add_phone_as_written(contact, CRM_PHONE_MOBILE, "+1 202 555 0100"));
  CHECK_OK(crm_contact_create(db, contact, &made));
  CHECK_OK(crm_contact_phone_unreadable(made, 0, &unreadable));
  CHECK(unreadable == 1);
  CHECK_OK(crm_contact_phone_unreadable(made, 1, &unreadable));
  CHECK_OK(crm_contact_phone(made, 1, NULL, NULL, &e164));
  CHECK(unreadable == 0 && same(e164, "+12025550100"));
  crm_contact_free(made);
  crm_contact_free(contact);

  CHECK_OK(crm_import_options_map_value(options, "Status", "Working", "contacted"));
  CHECK_FAILS(crm_import_options_map_value(options, "Status", NULL, "x"), CRM_MISUSE, "from");
  crm_import_options_free(options);
  CHECK_OK(crm_import_options_new("lead", &options));
  CHECK_OK(crm_import_options_map_value(options, "Status", "Working", "contacted"));
  result = import_text(db, "Last Name,Status\nWorker,working\n", options);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, &failed));
  CHECK(inserted == 1 && failed == 0);
  crm_import_result_free(result);
  crm_import_options_free(options);
  CHECK_OK(crm_import_options_new("contact", &options));

  CHECK_OK(crm_import_options_set_date_order(options, "month_first"));
  CHECK_FAILS(crm_import_options_set_date_order(options, "sideways"), CRM_INVALID_ARGUMENT, "month_first");
  result = import_text(db, "Last Name,Birthdate\nBrown,3/4/1980\n", options);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, &failed));
  CHECK(inserted == 1 && failed == 0);
  crm_import_result_free(result);
  crm_import_options_free(options);

  /* A column made from other cells: a contact's external_ref from its line. */
  CHECK_OK(crm_import_options_new("contact", &options));
  CHECK_OK(crm_import_options_compose(options, "external_ref", "row-{#line}"));
  CHECK_FAILS(crm_import_options_compose(options, NULL, "x"), CRM_MISUSE, "column");
  result = import_text(db, "Last Name\nGreen\n", options);
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, &failed));
  CHECK(inserted == 1 && failed == 0);
  crm_import_result_free(result);
  CHECK_OK(crm_contact_find_by_external_ref(db, "row-2", &made));
  CHECK(made != NULL);
  crm_contact_free(made);
  CHECK_OK(crm_import_options_compose(options, "external_ref", "{Nobody}"));
  CHECK_FAILS(crm_import_text(db, "Last Name\nGrey\n", 15, options, &result), CRM_INVALID_ARGUMENT, "Nobody");
  crm_import_options_free(options);
  crm_db_free(db);
}

/* Writes text to scratch/name; 1 when it could. */
static int write_file(const char *scratch, const char *name, const char *text) {
  char path[1024];
  FILE *file = NULL;
  snprintf(path, sizeof path, "%s/%s", scratch, name);
  file = fopen(path, "wb");
  CHECK(file != NULL);
  if (file == NULL) return 0;
  fputs(text, file);
  fclose(file);
  return 1;
}

/* A whole Salesforce-shaped folder: files in order, parents in a second
 * pass, every result readable; a second run changes nothing. */
static void test_import_org_reads_a_folder_and_runs_again_unchanged(const char *scratch) {
  crm_db *db = open_memory_in("US");
  crm_org_import_result *org = NULL;
  const crm_import_result *file_result = NULL;
  const char *file = NULL, *kind = NULL, *unused = NULL;
  char *preset = NULL;
  char folder[1024];
  size_t count = 0;
  int pass = 0;
  int64_t inserted = 0, failed = 0, unchanged = 0;
  snprintf(folder, sizeof folder, "%s/org", scratch);
  mkdir(folder, 0700);
  if (!write_file(folder, "Account.csv", "Id,Name,ParentId,Rating\n001B,Child Ltd,001A,Hot\n001A,Parent Inc,,\n") ||
      !write_file(folder, "Contact.csv", "Id,AccountId,LastName\n003C,001B,Lee\n") ||
      !write_file(folder, "Notes.csv", "Id\n1\n"))
    return;
  CHECK_OK(crm_import_org(db, folder, "salesforce", NULL, &org));
  CHECK_OK(crm_org_import_result_file_count(org, &count));
  CHECK(count == 3);
  CHECK_OK(crm_org_import_result_file(org, 1, &file, &kind, &pass, &file_result));
  CHECK(same(file, "Account.csv") && same(kind, "account") && pass == 2);
  CHECK_OK(crm_org_import_result_file(org, 2, &file, &kind, &pass, &file_result));
  CHECK_OK(crm_import_result_counts(file_result, NULL, &inserted, NULL, NULL, &failed));
  CHECK(same(kind, "contact") && inserted == 1 && failed == 0);
  CHECK_FAILS(crm_org_import_result_file(org, 3, &file, NULL, NULL, NULL), CRM_INVALID_ARGUMENT, "past the last");
  CHECK_OK(crm_org_import_result_kept_count(org, 0, &count));
  CHECK(count == 1);
  CHECK_OK(crm_org_import_result_kept(org, 0, 0, &file, &kind));
  CHECK(same(file, "Rating") && same(kind, "rating"));
  CHECK_FAILS(crm_org_import_result_kept(org, 0, 1, &file, &kind), CRM_INVALID_ARGUMENT, "past the last");
  CHECK_OK(crm_org_import_result_unused_count(org, &count));
  CHECK(count == 1);
  CHECK_OK(crm_org_import_result_unused(org, 0, &unused));
  CHECK(same(unused, "Notes.csv"));
  crm_org_import_result_free(org);

  CHECK_OK(crm_import_org(db, folder, "salesforce", "lenient", &org));
  CHECK_OK(crm_org_import_result_file(org, 2, NULL, NULL, NULL, &file_result));
  CHECK_OK(crm_import_result_unchanged(file_result, &unchanged));
  CHECK_OK(crm_import_result_counts(file_result, NULL, &inserted, NULL, NULL, NULL));
  CHECK(unchanged == 1 && inserted == 0);
  crm_org_import_result_free(org);

  CHECK_FAILS(crm_import_org(db, folder, "nosuch", NULL, &org), CRM_NOT_FOUND, "nosuch");
  CHECK(org == NULL);
  CHECK_FAILS(crm_import_org(db, folder, "salesforce", "loose", &org), CRM_INVALID_ARGUMENT, "strict, lenient");
  CHECK_OK(crm_org_preset("salesforce", &preset));
  CHECK(strstr(preset, "Account.csv") != NULL);
  crm_free(preset);
  CHECK_FAILS(crm_org_preset("nosuch", &preset), CRM_INVALID_ARGUMENT, "salesforce");
  crm_db_free(db);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s SCRATCH_DIR\n", argv[0]);
    return 2;
  }
  test_import_reports_counts_errors_and_links();
  test_mapping_and_ignored_headers_are_reported();
  test_legacy_encoding_mapping_and_upsert();
  test_dry_run_all_or_nothing_and_duplicates();
  test_lenient_policy_lists_warnings_and_keeps_unreadable_phones();
  test_progress_callback_stops_and_file_import(argv[1]);
  test_import_org_reads_a_folder_and_runs_again_unchanged(argv[1]);
  test_progress_callback_using_its_database_is_refused();
  test_progress_callback_freeing_its_database_frees_it_after_the_import();
  test_misuse();
  return check_report("capi_import");
}
