/*
 * Tests of exporting through the C ABI, written in C99: contacts and
 * accounts to CSV (with ';' and tab delimiters) and JSON files, Latvian and
 * Cyrillic text intact, a where filter and a segment selecting the rows, the
 * file replaced whole or left as it was, and misuse (NULL handles and
 * pointers, a closed handle, unknown kind or format, bad delimiter, invalid
 * UTF-8, a filter lists do not know, a segment of another kind, a missing
 * directory), each time with the status, crm_last_error()'s code and its
 * message; formulas escaped by default and read back exactly, or written as
 * they are when asked.
 *
 *   crm_capi_export_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

/* ---- helpers ------------------------------------------------------------ */

static char scratch[512];

/* scratch/name in a static buffer (one at a time). */
static const char *scratch_file(const char *name) {
  static char path[640];
  snprintf(path, sizeof path, "%s/%s", scratch, name);
  return path;
}

/* The whole file at path as a malloc'ed string ("" when it cannot be read). */
static char *slurp(const char *path) {
  FILE *file = fopen(path, "rb");
  char *text = NULL;
  long size = 0;
  if (file == NULL) {
    text = malloc(1);
    if (text) text[0] = '\0';
    return text;
  }
  fseek(file, 0, SEEK_END);
  size = ftell(file);
  fseek(file, 0, SEEK_SET);
  text = malloc((size_t)size + 1);
  if (text) {
    size_t read = fread(text, 1, (size_t)size, file);
    text[read] = '\0';
  }
  fclose(file);
  return text;
}

/* 1 when the file at path holds fragment. */
static int file_contains(const char *path, const char *fragment) {
  char *text = slurp(path);
  int found = text != NULL && strstr(text, fragment) != NULL;
  free(text);
  return found;
}

static int file_exists(const char *path) {
  FILE *file = fopen(path, "rb");
  if (file == NULL) return 0;
  fclose(file);
  return 1;
}

static void write_text(const char *path, const char *text) {
  FILE *file = fopen(path, "wb");
  CHECK(file != NULL);
  if (file == NULL) return;
  fputs(text, file);
  fclose(file);
}

/* A contact with one email, in country. */
static void make_contact(crm_db *db, const char *first_name, const char *last_name, const char *email,
                         const char *country) {
  crm_contact *data = NULL;
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "first_name", first_name));
  CHECK_OK(crm_contact_set(data, "last_name", last_name));
  CHECK_OK(crm_contact_set(data, "country", country));
  CHECK_OK(crm_contact_add_email(data, email, 1));
  CHECK_OK(crm_contact_create(db, data, NULL));
  crm_contact_free(data);
}

static crm_db *open_with_people(void) {
  crm_db *db = NULL;
  crm_account *account = NULL;
  CHECK_OK(crm_db_open(":memory:", NULL, &db));
  make_contact(db, "Jānis", "Bērziņš", "janis@berzins.lv", "LV");
  make_contact(db, "Олена", "Коваль", "olena@x.ua", "UA");
  make_contact(db, "Jonas", "Petraitis", "jonas@azuolas.lt", "LT");
  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_account_set(account, "name", "SIA \"Ozols, un Ko\""));
  CHECK_OK(crm_account_create(db, account, NULL));
  crm_account_free(account);
  return db;
}

/* ---- exports ------------------------------------------------------------ */

static void exports_every_contact_to_csv(void) {
  crm_db *db = open_with_people();
  const char *path = scratch_file("contacts.csv");
  int64_t rows = -1;
  CHECK_OK(crm_export_to_file(db, "contact", "csv", NULL, path, &rows));
  CHECK(rows == 3);
  CHECK(file_contains(path, "id,external_ref,first_name,last_name,emails,phones,"));
  CHECK(file_contains(path, "Jānis,Bērziņš,janis@berzins.lv"));
  CHECK(file_contains(path, "Олена,Коваль,olena@x.ua"));
  CHECK(file_contains(path, "\r\n"));
  CHECK_OK(crm_export_to_file(db, "account", "csv", NULL, path, NULL));
  CHECK(file_contains(path, "\"SIA \"\"Ozols, un Ko\"\"\""));
  crm_db_free(db);
}

static void exports_json(void) {
  crm_db *db = open_with_people();
  const char *path = scratch_file("contacts.json");
  int64_t rows = 0;
  CHECK_OK(crm_export_to_file(db, "contact", "json", NULL, path, &rows));
  CHECK(rows == 3);
  CHECK(file_contains(path, "[\n{\"id\":"));
  CHECK(file_contains(path, "\"emails\":[\"olena@x.ua\"]"));
  CHECK(file_contains(path, "\n]\n"));
  CHECK_OK(crm_export_to_file(db, "lead", "json", NULL, path, &rows));
  CHECK(rows == 0);
  {
    char *text = slurp(path);
    CHECK(same(text, "[]\n"));
    free(text);
  }
  crm_db_free(db);
}

static void delimiter_and_where_and_segment_choose_rows(void) {
  crm_db *db = open_with_people();
  crm_query *query = NULL;
  crm_segment *segment = NULL;
  int64_t segment_id = 0;
  int64_t rows = 0;
  const char *path = scratch_file("chosen.csv");
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_csv_delimiter(query, ';'));
  CHECK_OK(crm_query_set_where(query, "country in (\"LV\", \"LT\")"));
  CHECK_OK(crm_export_to_file(db, "contact", "csv", query, path, &rows));
  CHECK(rows == 2);
  CHECK(file_contains(path, "id;external_ref;first_name;"));
  CHECK(!file_contains(path, "Коваль"));

  CHECK_OK(crm_query_set_csv_delimiter(query, '\t'));
  CHECK_OK(crm_query_set_where(query, NULL));
  CHECK_OK(crm_segment_create(db, "contact", "Ukrainians", "country = \"UA\"", &segment));
  CHECK_OK(crm_segment_id(segment, &segment_id));
  CHECK_OK(crm_query_set_segment(query, segment_id));
  CHECK_OK(crm_export_to_file(db, "contact", "csv", query, path, &rows));
  CHECK(rows == 1);
  CHECK(file_contains(path, "Олена\tКоваль\tolena@x.ua"));
  CHECK_FAILS(crm_export_to_file(db, "account", "csv", query, path, &rows), CRM_INVALID_ARGUMENT, "segment");
  crm_segment_free(segment);
  crm_query_free(query);
  crm_db_free(db);
}

static void failed_export_leaves_the_file_as_it_was(void) {
  crm_db *db = open_with_people();
  crm_query *query = NULL;
  const char *path = scratch_file("kept.csv");
  int64_t rows = 42;
  write_text(path, "old content");
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_where(query, "contry = \"LV\""));
  CHECK_FAILS(crm_export_to_file(db, "contact", "csv", query, path, &rows), CRM_PARSE_ERROR, "did you mean 'country'");
  CHECK(crm_last_error()->line == 1 && crm_last_error()->column == 1);
  CHECK(rows == 42);
  CHECK(file_contains(path, "old content"));
  crm_query_free(query);
  remove(path);
  CHECK_FAILS(crm_export_to_file(db, "contact", "csv", NULL, scratch_file("no/such/dir/out.csv"), NULL), CRM_NOT_FOUND,
              "no/such/dir");
  CHECK(!file_exists(scratch_file("no/such/dir/out.csv")));
  crm_db_free(db);
}

/* ---- formulas (OWASP "CSV injection") ------------------------------------ */

/* The name of the first account of db. */
static char *first_account_name(crm_db *db) {
  crm_cursor *cursor = NULL;
  char *name = NULL;
  CHECK_OK(crm_account_list(db, NULL, &cursor));
  if (crm_cursor_next(cursor) == CRM_ROW) {
    const crm_account *account = NULL;
    const char *value = NULL;
    CHECK_OK(crm_cursor_account(cursor, &account));
    CHECK_OK(crm_account_get_field(account, "name", &value));
    name = malloc(strlen(value) + 1);
    if (name) strcpy(name, value);
  }
  crm_cursor_free(cursor);
  return name;
}

static void formulas_are_escaped_unless_asked_not_to(void) {
  crm_db *db = NULL;
  crm_db *copy = NULL;
  crm_account *account = NULL;
  crm_export_options *options = NULL;
  crm_import_options *import = NULL;
  crm_import_result *result = NULL;
  const char *path = scratch_file("formulas.csv");
  int64_t failed = -1;
  char *name = NULL;
  CHECK_OK(crm_db_open(":memory:", NULL, &db));
  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_account_set(account, "name", "=cmd|' /C calc'!A0"));
  CHECK_OK(crm_account_set(account, "phone", "+371 67 000 000"));
  CHECK_OK(crm_account_create(db, account, NULL));
  crm_account_free(account);

  CHECK_OK(crm_export_options_new(&options));
  CHECK_OK(crm_export_to_file_v2(db, "account", NULL, options, path, NULL));
  CHECK(file_contains(path, ",'=cmd|' /C calc'!A0,"));
  CHECK(file_contains(path, ",+371 67 000 000,"));
  /* read back exactly */
  CHECK_OK(crm_db_open(":memory:", NULL, &copy));
  CHECK_OK(crm_import_options_new("account", &import));
  CHECK_OK(crm_import_file(copy, path, import, &result));
  CHECK_OK(crm_import_result_counts(result, NULL, NULL, NULL, NULL, &failed));
  CHECK(failed == 0);
  name = first_account_name(copy);
  CHECK(name != NULL && strcmp(name, "=cmd|' /C calc'!A0") == 0);
  free(name);

  CHECK_OK(crm_export_options_set_escape_formulas(options, 0));
  CHECK_OK(crm_export_to_file_v2(db, "account", NULL, options, path, NULL));
  CHECK(file_contains(path, ",=cmd|' /C calc'!A0,"));
  CHECK_OK(crm_export_options_set_escape_formulas(options, 1));
  CHECK_OK(crm_export_to_file_v2(db, "account", NULL, options, path, NULL));
  CHECK(file_contains(path, ",'=cmd|' /C calc'!A0,"));
  CHECK_FAILS(crm_export_options_set_escape_formulas(NULL, 1), CRM_MISUSE, "options must not be NULL");

  crm_import_result_free(result);
  crm_import_options_free(import);
  crm_export_options_free(options);
  crm_db_free(copy);
  crm_db_free(db);
}

/* ---- misuse ------------------------------------------------------------- */

static void misuse_is_reported(void) {
  crm_db *db = open_with_people();
  crm_query *query = NULL;
  const char *path = scratch_file("misuse.csv");
  CHECK_FAILS(crm_export_to_file(NULL, "contact", "csv", NULL, path, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_export_to_file(db, NULL, "csv", NULL, path, NULL), CRM_MISUSE, "record_kind must not be NULL");
  CHECK_FAILS(crm_export_to_file(db, "contact", NULL, NULL, path, NULL), CRM_MISUSE, "format must not be NULL");
  CHECK_FAILS(crm_export_to_file(db, "contact", "csv", NULL, NULL, NULL), CRM_MISUSE, "path must not be NULL");
  CHECK_FAILS(crm_export_to_file(db, "person", "csv", NULL, path, NULL), CRM_INVALID_ARGUMENT, "record_kind");
  CHECK_FAILS(crm_export_to_file(db, "contact", "xml", NULL, path, NULL), CRM_INVALID_ARGUMENT, "'xml'");
  CHECK_FAILS(crm_export_to_file(db, "contact", "csv", NULL, "bad\xff.csv", NULL), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_export_to_file(db, "contact", "csv", NULL, "", NULL), CRM_INVALID_ARGUMENT, "empty");
  CHECK_FAILS(crm_query_set_csv_delimiter(NULL, ';'), CRM_MISUSE, "query must not be NULL");
  CHECK_OK(crm_query_new(&query));
  CHECK_FAILS(crm_query_set_csv_delimiter(query, '|'), CRM_INVALID_ARGUMENT, "'|'");
  CHECK_OK(crm_query_set_filter(query, "account", 1));
  CHECK_FAILS(crm_export_to_file(db, "contact", "csv", query, path, NULL), CRM_INVALID_ARGUMENT, "account");
  CHECK(!file_exists(path));
  crm_db_close(db);
  CHECK_FAILS(crm_export_to_file(db, "contact", "csv", NULL, path, NULL), CRM_MISUSE, "closed");
  crm_query_free(query);
  crm_db_free(db);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s SCRATCH_DIR\n", argv[0]);
    return 2;
  }
  snprintf(scratch, sizeof scratch, "%s", argv[1]);
  exports_every_contact_to_csv();
  exports_json();
  delimiter_and_where_and_segment_choose_rows();
  failed_export_leaves_the_file_as_it_was();
  formulas_are_escaped_unless_asked_not_to();
  misuse_is_reported();
  return check_report("capi_export");
}
