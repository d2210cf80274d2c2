/*
 * Tests of full-text search through the C ABI, written in C99: records of
 * each kind found by their words ignoring case and diacritics, the columns
 * of the hit cursor, ranking, prefixes, phone numbers and emails, the kinds
 * filter and the limit, the index following removals and transactions,
 * query syntax taken as text, and misuse (NULL handles and pointers, a
 * closed handle, blank text, invalid UTF-8, bad options), each time with the
 * status, crm_last_error()'s code and its message.
 *
 *   crm_capi_search_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

/* ---- helpers ------------------------------------------------------------ */

/* A contact with an email and a phone (either may be NULL). */
static int64_t make_contact(crm_db *db, const char *first, const char *last, const char *email, const char *phone) {
  crm_contact *data = NULL;
  crm_contact *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "first_name", first));
  CHECK_OK(crm_contact_set(data, "last_name", last));
  if (email != NULL) CHECK_OK(crm_contact_add_email(data, email, 1));
  if (phone != NULL) CHECK_OK(crm_contact_add_phone(data, CRM_PHONE_MOBILE, phone));
  CHECK_OK(crm_contact_create(db, data, &created));
  CHECK_OK(crm_contact_id(created, &id));
  crm_contact_free(data);
  crm_contact_free(created);
  return id;
}

static int64_t make_account(crm_db *db, const char *name, const char *city) {
  crm_account *data = NULL;
  crm_account *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_account_new(&data));
  CHECK_OK(crm_account_set(data, "name", name));
  CHECK_OK(crm_account_set(data, "city", city));
  CHECK_OK(crm_account_create(db, data, &created));
  CHECK_OK(crm_account_id(created, &id));
  crm_account_free(data);
  crm_account_free(created);
  return id;
}

static void make_lead(crm_db *db, const char *last, const char *company) {
  crm_lead *data = NULL;
  CHECK_OK(crm_lead_new(&data));
  CHECK_OK(crm_lead_set(data, "last_name", last));
  CHECK_OK(crm_lead_set(data, "company_name", company));
  CHECK_OK(crm_lead_create(db, data, NULL));
  crm_lead_free(data);
}

/* How many hits text finds with options (NULL: defaults); the first hit's
   kind and id go to first_kind (at least 16 chars) and first_id when given. */
static int count_hits(crm_db *db, const char *text, const crm_search_options *options, char *first_kind,
                      int64_t *first_id) {
  crm_cursor *cursor = NULL;
  int count = 0;
  crm_status status;
  CHECK_OK(crm_db_search(db, text, options, &cursor));
  if (cursor == NULL) return -1;
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    if (count == 0 && first_kind != NULL) {
      const char *kind = NULL;
      CHECK_OK(crm_cursor_text(cursor, CRM_SEARCH_KIND, &kind));
      strncpy(first_kind, kind, 15);
      first_kind[15] = '\0';
    }
    if (count == 0 && first_id != NULL) CHECK_OK(crm_cursor_int64(cursor, CRM_SEARCH_ID, first_id));
    ++count;
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
  return count;
}

/* ---- tests -------------------------------------------------------------- */

static void test_finds_each_kind_ignoring_case_and_diacritics(void) {
  crm_db *db = open_memory_in("LV");
  char kind[16] = "";
  int64_t id = 0;
  const int64_t anna = make_contact(db, "Anna", "Bērziņa", NULL, NULL);
  const int64_t taras = make_contact(db, "Тарас", "Ковальчук", NULL, NULL);
  const int64_t koks = make_account(db, "SIA Koks", "Valmiera");
  make_lead(db, "Žukauskienė", "UAB Miškas");

  CHECK(count_hits(db, "berzina", NULL, kind, &id) == 1);
  CHECK(same(kind, "contact") && id == anna);
  CHECK(count_hits(db, "КОВАЛЬЧУК", NULL, kind, &id) == 1);
  CHECK(same(kind, "contact") && id == taras);
  CHECK(count_hits(db, "valmiera", NULL, kind, &id) == 1);
  CHECK(same(kind, "account") && id == koks);
  CHECK(count_hits(db, "zukauskiene miskas", NULL, kind, NULL) == 1);
  CHECK(same(kind, "lead"));
  CHECK(count_hits(db, "nobody", NULL, NULL, NULL) == 0);
  crm_db_free(db);
}

/* Names as people type them on a Latin keyboard: ł without its stroke, umlauts
   written out, Cyrillic transliterated and Latin found by Cyrillic. */
static void test_finds_names_by_their_ascii_latin_spelling(void) {
  crm_db *db = open_memory_in("LV");
  char kind[16] = "";
  int64_t id = 0;
  const int64_t kozlowski = make_contact(db, "Łukasz", "Kozłowski", NULL, NULL);
  const int64_t ivanov = make_contact(db, "Иван", "Иванов", NULL, NULL);
  const int64_t shevchenko = make_contact(db, "Taras", "Shevchenko", NULL, NULL);
  const int64_t mueller = make_account(db, "Müller GmbH", "Berlin");

  CHECK(count_hits(db, "kozlowski", NULL, kind, &id) == 1);
  CHECK(same(kind, "contact") && id == kozlowski);
  CHECK(count_hits(db, "ivanov", NULL, kind, &id) == 1);
  CHECK(same(kind, "contact") && id == ivanov);
  CHECK(count_hits(db, "шевченко", NULL, kind, &id) == 1);
  CHECK(same(kind, "contact") && id == shevchenko);
  CHECK(count_hits(db, "mueller", NULL, kind, &id) == 1);
  CHECK(same(kind, "account") && id == mueller);
  CHECK(count_hits(db, "muller", NULL, NULL, NULL) == 1);
  crm_db_free(db);
}

static void test_hit_columns(void) {
  crm_db *db = open_memory_in("LV");
  crm_cursor *cursor = NULL;
  const char *name = NULL;
  const char *text = NULL;
  crm_column_type type = CRM_COLUMN_INTEGER;
  int columns = 0;
  int64_t id = 0;
  double score = 0.0;
  const int64_t anna = make_contact(db, "Anna", "Bērziņa", "anna@koks.lv", NULL);

  CHECK_OK(crm_db_search(db, "anna@koks.lv", NULL, &cursor));
  CHECK_OK(crm_cursor_column_count(cursor, &columns));
  CHECK(columns == 5);
  CHECK_OK(crm_cursor_column(cursor, CRM_SEARCH_KIND, &name, &type));
  CHECK(same(name, "kind") && type == CRM_COLUMN_TEXT);
  CHECK_OK(crm_cursor_column(cursor, CRM_SEARCH_ID, &name, &type));
  CHECK(same(name, "id") && type == CRM_COLUMN_INTEGER);
  CHECK_OK(crm_cursor_column(cursor, CRM_SEARCH_TITLE, &name, &type));
  CHECK(same(name, "title") && type == CRM_COLUMN_TEXT);
  CHECK_OK(crm_cursor_column(cursor, CRM_SEARCH_SNIPPET, &name, &type));
  CHECK(same(name, "snippet") && type == CRM_COLUMN_TEXT);
  CHECK_OK(crm_cursor_column(cursor, CRM_SEARCH_SCORE, &name, &type));
  CHECK(same(name, "score") && type == CRM_COLUMN_REAL);

  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_int64(cursor, CRM_SEARCH_ID, &id));
  CHECK(id == anna);
  CHECK_OK(crm_cursor_text(cursor, CRM_SEARCH_TITLE, &text));
  CHECK(same(text, "Anna Bērziņa"));
  CHECK_OK(crm_cursor_text(cursor, CRM_SEARCH_SNIPPET, &text));
  CHECK(same(text, "[anna@koks.lv]"));
  CHECK_OK(crm_cursor_double(cursor, CRM_SEARCH_SCORE, &score));
  CHECK(score > 0.0);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  crm_db_free(db);
}

static void test_ranking_prefix_and_phone(void) {
  crm_db *db = open_memory_in("LV");
  int64_t id = 0;
  const int64_t by_name = make_contact(db, "Līga", "Ozola", NULL, "+371 26 123 456");
  make_contact(db, "Anna", "Kalniņa", "ozola@example.lv", NULL);

  CHECK(count_hits(db, "ozola", NULL, NULL, &id) == 2);
  CHECK(id == by_name);
  CHECK(count_hits(db, "ozol", NULL, NULL, NULL) == 0);
  CHECK(count_hits(db, "ozol*", NULL, NULL, NULL) == 2);
  CHECK(count_hits(db, "26123456", NULL, NULL, &id) == 1);
  CHECK(id == by_name);
  CHECK(count_hits(db, "+371 26-123-456", NULL, NULL, &id) == 1);
  CHECK(id == by_name);
  crm_db_free(db);
}

static void test_options(void) {
  crm_db *db = open_memory_in("LV");
  crm_search_options *options = NULL;
  char kind[16] = "";
  int i;
  make_account(db, "Ozols", "Rīga");
  for (i = 0; i < 5; ++i) make_contact(db, "Jānis", "Ozols", NULL, NULL);

  CHECK_OK(crm_search_options_new(&options));
  CHECK(count_hits(db, "ozols", options, NULL, NULL) == 6);
  CHECK_OK(crm_search_options_set_limit(options, 2));
  CHECK(count_hits(db, "ozols", options, NULL, NULL) == 2);
  CHECK_OK(crm_search_options_set_limit(options, 1000));
  CHECK_OK(crm_search_options_add_kind(options, "account"));
  CHECK(count_hits(db, "ozols", options, kind, NULL) == 1);
  CHECK(same(kind, "account"));
  CHECK_OK(crm_search_options_add_kind(options, "contact"));
  CHECK(count_hits(db, "ozols", options, NULL, NULL) == 6);
  crm_search_options_free(options);

  CHECK_OK(crm_search_options_new(&options));
  CHECK_OK(crm_search_options_add_kind(options, "lead"));
  CHECK(count_hits(db, "ozols", options, NULL, NULL) == 0);
  crm_search_options_free(options);
  crm_db_free(db);
}

static void test_index_follows_writes(void) {
  crm_db *db = open_memory_in("LV");
  const int64_t anna = make_contact(db, "Anna", "Bērziņa", NULL, NULL);
  CHECK_OK(crm_contact_remove(db, anna));
  CHECK(count_hits(db, "berzina", NULL, NULL, NULL) == 0);
  CHECK_OK(crm_contact_restore(db, anna));
  CHECK(count_hits(db, "berzina", NULL, NULL, NULL) == 1);

  /* Inside a transaction the search sees the transaction's writes. */
  CHECK_OK(crm_db_begin(db));
  make_contact(db, "Līga", "Ozola", NULL, NULL);
  CHECK(count_hits(db, "ozola", NULL, NULL, NULL) == 1);
  CHECK_OK(crm_db_rollback(db));
  CHECK(count_hits(db, "ozola", NULL, NULL, NULL) == 0);

  CHECK_OK(crm_contact_purge(db, anna));
  CHECK(count_hits(db, "berzina", NULL, NULL, NULL) == 0);
  crm_db_free(db);
}

static void test_query_syntax_is_text(void) {
  crm_db *db = open_memory_in("LV");
  static const char *const no_match[] = {"anna OR ozola", "NEAR(anna berzina)", "title:anna", "anna NOT berzina",
                                         "*", "(", "\"", "\"\"", NULL};
  static const char *const match_anna[] = {"\"anna", "(anna)", "-anna", "anna\"", NULL};
  const char *const *text;
  make_contact(db, "Anna", "Bērziņa", NULL, NULL);
  make_contact(db, "Līga", "Ozola", NULL, NULL);
  for (text = no_match; *text != NULL; ++text) CHECK(count_hits(db, *text, NULL, NULL, NULL) == 0);
  for (text = match_anna; *text != NULL; ++text) CHECK(count_hits(db, *text, NULL, NULL, NULL) == 1);
  crm_db_free(db);
}

/* Text over kMaxSearchTextBytes ("+371 " and 100k digits took 87 s) and more
   words than kMaxSearchTerms are refused at once. */
static void test_limits(void) {
  crm_db *db = open_memory_in("LV");
  crm_cursor *cursor = NULL;
  char *text = malloc(100032);
  int i;
  make_contact(db, "Anna", "Bērziņa", NULL, NULL);
  if (text != NULL) {
    strcpy(text, "+371 ");
    memset(text + 5, '7', 100000);
    text[100005] = '\0';
    CHECK_FAILS(crm_db_search(db, text, NULL, &cursor), CRM_INVALID_ARGUMENT, "at most 1000 bytes");
    CHECK(cursor == NULL);
    text[0] = '\0';
    for (i = 0; i < 33; ++i) strcat(text, "anna ");
    CHECK_FAILS(crm_db_search(db, text, NULL, &cursor), CRM_INVALID_ARGUMENT, "at most 32");
    text[32 * 5] = '\0';
    CHECK(count_hits(db, text, NULL, NULL, NULL) == 1);
    free(text);
  }
  crm_db_free(db);
}

static void test_misuse(void) {
  crm_db *db = open_memory_in("LV");
  crm_search_options *options = NULL;
  crm_cursor *cursor = (crm_cursor *)&options;
  const char *text = NULL;
  int64_t id = 0;

  /* NULL handles and pointers. */
  CHECK_FAILS(crm_search_options_new(NULL), CRM_MISUSE, "out_options");
  CHECK_OK(crm_search_options_new(&options));
  CHECK_FAILS(crm_search_options_add_kind(NULL, "contact"), CRM_MISUSE, "options");
  CHECK_FAILS(crm_search_options_add_kind(options, NULL), CRM_MISUSE, "record_kind");
  CHECK_FAILS(crm_search_options_set_limit(NULL, 5), CRM_MISUSE, "options");
  crm_search_options_free(NULL);
  CHECK_FAILS(crm_db_search(NULL, "anna", NULL, &cursor), CRM_MISUSE, "db");
  CHECK(cursor == NULL);
  cursor = (crm_cursor *)&options;
  CHECK_FAILS(crm_db_search(db, NULL, NULL, &cursor), CRM_MISUSE, "text");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_db_search(db, "anna", NULL, NULL), CRM_MISUSE, "out_cursor");

  /* Bad options. */
  CHECK_FAILS(crm_search_options_add_kind(options, "person"), CRM_INVALID_ARGUMENT, "record_kind");
  CHECK(same(crm_last_error()->field, "record_kind"));
  CHECK_FAILS(crm_search_options_set_limit(options, 0), CRM_INVALID_ARGUMENT, "limit: 0 is not from 1 to 1000");
  CHECK_FAILS(crm_search_options_set_limit(options, 1001), CRM_INVALID_ARGUMENT, "limit");
  CHECK(same(crm_last_error()->field, "limit"));

  /* Blank text and invalid UTF-8. */
  cursor = (crm_cursor *)&options;
  CHECK_FAILS(crm_db_search(db, "", options, &cursor), CRM_INVALID_ARGUMENT, "text: must not be empty");
  CHECK(cursor == NULL);
  CHECK(same(crm_last_error()->field, "text"));
  CHECK_FAILS(crm_db_search(db, "  \t ", options, &cursor), CRM_INVALID_ARGUMENT, "text");
  CHECK_FAILS(crm_db_search(db, "anna\xff", options, &cursor), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_db_search(db, "\xc3", options, &cursor), CRM_INVALID_ARGUMENT, "UTF-8");
  crm_search_options_free(options);

  /* A search cursor is not a cursor over records. */
  make_contact(db, "Anna", "Bērziņa", NULL, NULL);
  CHECK_OK(crm_db_search(db, "anna", NULL, &cursor));
  CHECK_FAILS(crm_cursor_text(cursor, CRM_SEARCH_TITLE, &text), CRM_MISUSE, "not on a row");
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_FAILS(crm_cursor_int64(cursor, 7, &id), CRM_NOT_FOUND, "column 7");
  {
    const crm_contact *contact = NULL;
    CHECK_FAILS(crm_cursor_contact(cursor, &contact), CRM_MISUSE, "another kind");
  }
  crm_cursor_free(cursor);

  /* A closed handle. */
  crm_db_close(db);
  cursor = (crm_cursor *)&options;
  CHECK_FAILS(crm_db_search(db, "anna", NULL, &cursor), CRM_MISUSE, "closed");
  CHECK(cursor == NULL);
  crm_db_free(db);
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc != 2) {
    fprintf(stderr, "usage: crm_capi_search_test SCRATCH_DIR\n");
    return 2;
  }
  test_finds_each_kind_ignoring_case_and_diacritics();
  test_finds_names_by_their_ascii_latin_spelling();
  test_hit_columns();
  test_ranking_prefix_and_phone();
  test_options();
  test_index_follows_writes();
  test_query_syntax_is_text();
  test_limits();
  test_misuse();
  return check_report("crm_capi_search_test");
}
