/*
 * Tests, written in C99, of the C ABI calls that make the surfaces agree: the
 * typed id and version accessors of deals, stage changes, leads and
 * activities (the same numbers as the deprecated crm_<kind>_get_int(...,
 * "id"/"version") reads), export options with crm_export_to_file_v2() beside
 * the deprecated delimiter on the query, and the rules the core checks for
 * every surface: page sizes, import batch sizes, UTF-8, custom field names
 * (refused by crm_custom_field_new() as crm_custom_field_define() would).
 * Misuse (NULL handles and pointers, bad values, a closed database) is
 * checked with the status, crm_last_error()'s code and its message.
 *
 *   crm_capi_surface_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

static char scratch[512];

/* scratch/name in a static buffer (one at a time). */
static const char *scratch_file(const char *name) {
  static char path[640];
  snprintf(path, sizeof path, "%s/%s", scratch, name);
  return path;
}

/* The first line of the file at path (without its line end) in a static
   buffer; "" when it cannot be read. */
static const char *first_line(const char *path) {
  static char line[1024];
  FILE *file = fopen(path, "rb");
  line[0] = '\0';
  if (file == NULL) return line;
  if (fgets(line, sizeof line, file) == NULL) line[0] = '\0';
  fclose(file);
  line[strcspn(line, "\r\n")] = '\0';
  return line;
}

/* 1 when the file at path holds fragment. */
static int file_contains(const char *path, const char *fragment) {
  char buffer[8192];
  size_t read = 0;
  FILE *file = fopen(path, "rb");
  if (file == NULL) return 0;
  read = fread(buffer, 1, sizeof buffer - 1, file);
  fclose(file);
  buffer[read] = '\0';
  return strstr(buffer, fragment) != NULL;
}

/* ---- typed ids and versions ------------------------------------------- */

static void deal_and_stage_change_ids_and_versions(void) {
  crm_db *db = open_memory_in(NULL);
  crm_opportunity *data = NULL;
  crm_opportunity *created = NULL;
  crm_opportunity *updated = NULL;
  crm_cursor *cursor = NULL;
  const crm_stage_change *change = NULL;
  int64_t id = -1, version = -1, by_name = -1;
  const int64_t account = make_named_account(db, "SIA Koka Nams");

  CHECK_OK(crm_opportunity_new(&data));
  CHECK_OK(crm_opportunity_id(data, &id));
  CHECK_OK(crm_opportunity_version(data, &version));
  CHECK(id == 0 && version == 0);
  CHECK_OK(crm_opportunity_set(data, "name", "Jumts"));
  CHECK_OK(crm_opportunity_set_int(data, "account", account));
  CHECK_OK(crm_opportunity_set_amount(data, 250000, "EUR"));
  CHECK_OK(crm_opportunity_create(db, data, &created));
  CHECK_OK(crm_opportunity_id(created, &id));
  CHECK_OK(crm_opportunity_get_int(created, "id", &by_name));
  CHECK(id > 0 && id == by_name);
  CHECK_OK(crm_opportunity_version(created, &version));
  CHECK_OK(crm_opportunity_get_int(created, "version", &by_name));
  CHECK(version == 1 && version == by_name);
  CHECK_OK(crm_opportunity_set(created, "next_step", "Call back"));
  CHECK_OK(crm_opportunity_update(db, created, &updated));
  CHECK_OK(crm_opportunity_version(updated, &version));
  CHECK(version == 2);

  CHECK_OK(crm_opportunity_stage_history(db, id, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_stage_change(cursor, &change));
  CHECK_OK(crm_stage_change_id(change, &id));
  CHECK_OK(crm_stage_change_get_int(change, "id", &by_name));
  CHECK(id > 0 && id == by_name);

  CHECK_FAILS(crm_opportunity_id(NULL, &id), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_id(created, NULL), CRM_MISUSE, "out_id must not be NULL");
  CHECK_FAILS(crm_opportunity_version(NULL, &version), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_version(created, NULL), CRM_MISUSE, "out_version must not be NULL");
  CHECK_FAILS(crm_stage_change_id(NULL, &id), CRM_MISUSE, "change must not be NULL");
  CHECK_FAILS(crm_stage_change_id(change, NULL), CRM_MISUSE, "out_id must not be NULL");

  crm_cursor_free(cursor);
  crm_opportunity_free(data);
  crm_opportunity_free(created);
  crm_opportunity_free(updated);
  crm_db_free(db);
}

static void lead_ids_and_versions(void) {
  crm_db *db = open_memory_in(NULL);
  crm_lead *data = NULL;
  crm_lead *created = NULL;
  crm_lead *updated = NULL;
  int64_t id = -1, version = -1, by_name = -1;

  CHECK_OK(crm_lead_new(&data));
  CHECK_OK(crm_lead_id(data, &id));
  CHECK_OK(crm_lead_version(data, &version));
  CHECK(id == 0 && version == 0);
  CHECK_OK(crm_lead_set(data, "last_name", "Bērziņa"));
  CHECK_OK(crm_lead_set(data, "company_name", "SIA Koka Nams"));
  CHECK_OK(crm_lead_create(db, data, &created));
  CHECK_OK(crm_lead_id(created, &id));
  CHECK_OK(crm_lead_get_int(created, "id", &by_name));
  CHECK(id > 0 && id == by_name);
  CHECK_OK(crm_lead_version(created, &version));
  CHECK_OK(crm_lead_get_int(created, "version", &by_name));
  CHECK(version == 1 && version == by_name);
  CHECK_OK(crm_lead_set(created, "status", "contacted"));
  CHECK_OK(crm_lead_update(db, created, &updated));
  CHECK_OK(crm_lead_version(updated, &version));
  CHECK(version == 2);

  CHECK_FAILS(crm_lead_id(NULL, &id), CRM_MISUSE, "lead must not be NULL");
  CHECK_FAILS(crm_lead_id(created, NULL), CRM_MISUSE, "out_id must not be NULL");
  CHECK_FAILS(crm_lead_version(NULL, &version), CRM_MISUSE, "lead must not be NULL");
  CHECK_FAILS(crm_lead_version(created, NULL), CRM_MISUSE, "out_version must not be NULL");

  crm_lead_free(data);
  crm_lead_free(created);
  crm_lead_free(updated);
  crm_db_free(db);
}

static void activity_ids_and_versions(void) {
  crm_db *db = open_memory_in(NULL);
  crm_activity *data = NULL;
  crm_activity *created = NULL;
  crm_activity *cancelled = NULL;
  int64_t id = -1, version = -1, by_name = -1;
  const int64_t account = make_named_account(db, "UAB Medis");

  CHECK_OK(crm_activity_new(&data));
  CHECK_OK(crm_activity_id(data, &id));
  CHECK_OK(crm_activity_version(data, &version));
  CHECK(id == 0 && version == 0);
  CHECK_OK(crm_activity_set(data, "subject", "Zvanīt par piedāvājumu"));
  CHECK_OK(crm_activity_set(data, "owner", "anna"));
  CHECK_OK(crm_activity_set(data, "starts_at", "2026-03-02T09:00:00Z"));
  CHECK_OK(crm_activity_set_int(data, "account", account));
  CHECK_OK(crm_activity_create(db, data, &created));
  CHECK_OK(crm_activity_id(created, &id));
  CHECK_OK(crm_activity_get_int(created, "id", &by_name));
  CHECK(id > 0 && id == by_name);
  CHECK_OK(crm_activity_version(created, &version));
  CHECK_OK(crm_activity_get_int(created, "version", &by_name));
  CHECK(version == 1 && version == by_name);
  CHECK_OK(crm_activity_cancel(db, id, &cancelled));
  CHECK_OK(crm_activity_version(cancelled, &version));
  CHECK(version == 2);

  CHECK_FAILS(crm_activity_id(NULL, &id), CRM_MISUSE, "activity must not be NULL");
  CHECK_FAILS(crm_activity_id(created, NULL), CRM_MISUSE, "out_id must not be NULL");
  CHECK_FAILS(crm_activity_version(NULL, &version), CRM_MISUSE, "activity must not be NULL");
  CHECK_FAILS(crm_activity_version(created, NULL), CRM_MISUSE, "out_version must not be NULL");

  crm_activity_free(data);
  crm_activity_free(created);
  crm_activity_free(cancelled);
  crm_db_free(db);
}

/* ---- export options ----------------------------------------------------- */

static void export_options_choose_format_and_delimiter(void) {
  crm_db *db = open_memory_in(NULL);
  crm_export_options *options = NULL;
  crm_query *query = NULL;
  int64_t rows = -1;
  char path[640];

  make_named_account(db, "SIA Koka Nams");
  make_named_account(db, "ТОВ Сонях");

  /* NULL options: CSV with ','. */
  snprintf(path, sizeof path, "%s", scratch_file("surface_default.csv"));
  CHECK_OK(crm_export_to_file_v2(db, "account", NULL, NULL, path, &rows));
  CHECK(rows == 2);
  CHECK(strncmp(first_line(path), "id,", 3) == 0);
  CHECK(file_contains(path, "ТОВ Сонях"));

  /* Fresh options are the same; a delimiter and a filter from the query. */
  CHECK_OK(crm_export_options_new(&options));
  CHECK_OK(crm_export_options_set_delimiter(options, ';'));
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_where(query, "name ~ \"sia koka nams\""));
  snprintf(path, sizeof path, "%s", scratch_file("surface_semicolon.csv"));
  CHECK_OK(crm_export_to_file_v2(db, "account", query, options, path, &rows));
  CHECK(rows == 1);
  CHECK(strncmp(first_line(path), "id;", 3) == 0);
  CHECK(file_contains(path, "SIA Koka Nams"));
  CHECK(!file_contains(path, "ТОВ Сонях"));

  /* The deprecated delimiter on the query still serves crm_export_to_file()
     and does not reach crm_export_to_file_v2(). */
  CHECK_OK(crm_query_set_csv_delimiter(query, '\t'));
  snprintf(path, sizeof path, "%s", scratch_file("surface_tab.csv"));
  CHECK_OK(crm_export_to_file(db, "account", "csv", query, path, NULL));
  CHECK(strncmp(first_line(path), "id\t", 3) == 0);
  CHECK_OK(crm_export_to_file_v2(db, "account", query, options, path, NULL));
  CHECK(strncmp(first_line(path), "id;", 3) == 0);

  /* JSON. */
  CHECK_OK(crm_export_options_set_format(options, "json"));
  snprintf(path, sizeof path, "%s", scratch_file("surface.json"));
  CHECK_OK(crm_export_to_file_v2(db, "account", NULL, options, path, &rows));
  CHECK(rows == 2);
  CHECK(first_line(path)[0] == '[');
  CHECK(file_contains(path, "\"name\": \"SIA Koka Nams\"") || file_contains(path, "\"name\":\"SIA Koka Nams\""));

  /* Misuse: a bad value leaves the options as they were (JSON here). */
  CHECK_FAILS(crm_export_options_new(NULL), CRM_MISUSE, "out_options must not be NULL");
  CHECK_FAILS(crm_export_options_set_format(NULL, "csv"), CRM_MISUSE, "options must not be NULL");
  CHECK_FAILS(crm_export_options_set_format(options, NULL), CRM_MISUSE, "format must not be NULL");
  CHECK_FAILS(crm_export_options_set_format(options, "xml"), CRM_INVALID_ARGUMENT, "'xml'");
  CHECK_FAILS(crm_export_options_set_format(options, "cs\xff"), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_export_options_set_delimiter(NULL, ','), CRM_MISUSE, "options must not be NULL");
  CHECK_FAILS(crm_export_options_set_delimiter(options, '|'), CRM_INVALID_ARGUMENT, "'|'");
  CHECK_OK(crm_export_to_file_v2(db, "account", NULL, options, path, NULL));
  CHECK(first_line(path)[0] == '[');
  CHECK_FAILS(crm_export_to_file_v2(NULL, "account", NULL, options, path, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_export_to_file_v2(db, NULL, NULL, options, path, NULL), CRM_MISUSE,
              "record_kind must not be NULL");
  CHECK_FAILS(crm_export_to_file_v2(db, "account", NULL, options, NULL, NULL), CRM_MISUSE, "path must not be NULL");
  CHECK_FAILS(crm_export_to_file_v2(db, "person", NULL, options, path, NULL), CRM_INVALID_ARGUMENT, "record_kind");
  CHECK_FAILS(crm_export_to_file_v2(db, "account", NULL, options, "bad\xff.csv", NULL), CRM_INVALID_ARGUMENT,
              "UTF-8");
  CHECK_OK(crm_query_set_filter(query, "account", 1));
  CHECK_FAILS(crm_export_to_file_v2(db, "contact", query, options, path, NULL), CRM_INVALID_ARGUMENT, "account");
  crm_db_close(db);
  CHECK_FAILS(crm_export_to_file_v2(db, "account", NULL, options, path, NULL), CRM_MISUSE, "closed");

  crm_export_options_free(NULL);
  crm_export_options_free(options);
  crm_query_free(query);
  crm_db_free(db);
}

/* ---- rules the core checks for every surface ----------------------------- */

static void page_and_batch_sizes_follow_the_core_limits(void) {
  crm_query *query = NULL;
  crm_import_options *options = NULL;
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_page_size(query, 1));
  CHECK_OK(crm_query_set_page_size(query, 10000));
  CHECK_FAILS(crm_query_set_page_size(query, 10001), CRM_INVALID_ARGUMENT, "page_size: 10001 is outside 1..10000");
  CHECK_FAILS(crm_query_set_page_size(query, -3), CRM_INVALID_ARGUMENT, "page_size: -3 is outside 1..10000");
  CHECK(same(crm_last_error()->field, "page_size"));
  CHECK_OK(crm_import_options_new("contact", &options));
  CHECK_OK(crm_import_options_set_batch_rows(options, 1));
  CHECK_OK(crm_import_options_set_batch_rows(options, 100000));
  CHECK_FAILS(crm_import_options_set_batch_rows(options, 0), CRM_INVALID_ARGUMENT,
              "batch_rows: 0 is not between 1 and 100000");
  CHECK_FAILS(crm_import_options_set_batch_rows(options, 100001), CRM_INVALID_ARGUMENT,
              "batch_rows: 100001 is not between 1 and 100000");
  CHECK(same(crm_last_error()->field, "batch_rows"));
  crm_import_options_free(options);
  crm_query_free(query);
}

static void text_must_be_valid_utf8(void) {
  crm_query *query = NULL;
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_owner(query, "anna.bērziņa"));
  CHECK_OK(crm_query_set_where(query, "last_name ~ \"Ковальчук\""));
  /* a lone surrogate, an overlong '/', a truncated sequence */
  CHECK_FAILS(crm_query_set_where(query, "last_name = \"\xed\xa0\x80\""), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_query_set_where(query, "last_name = \"\xc0\xaf\""), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_query_set_sort_field(query, "name\xe2\x82", 0), CRM_INVALID_ARGUMENT, "sort_field");
  crm_query_free(query);
}

static void custom_field_names_are_checked_when_made(void) {
  crm_db *db = open_memory_in(NULL);
  crm_custom_field *field = NULL;
  crm_custom_field *defined = NULL;
  int64_t id = 0;
  field = (crm_custom_field *)&defined; /* not NULL, to see the failing call set it to NULL */
  CHECK_FAILS(crm_custom_field_new("1score", "integer", &field), CRM_INVALID_ARGUMENT, "is not a field name");
  CHECK(same(crm_last_error()->field, "custom_field.name"));
  CHECK(field == NULL);
  CHECK_FAILS(crm_custom_field_new("", "integer", &field), CRM_INVALID_ARGUMENT, "custom_field.name");
  CHECK_FAILS(crm_custom_field_new("loyalty level", "text", &field), CRM_INVALID_ARGUMENT, "custom_field.name");
  CHECK_FAILS(crm_custom_field_new("līmenis", "text", &field), CRM_INVALID_ARGUMENT, "custom_field.name");
  CHECK_FAILS(crm_custom_field_new("a2345678901234567890123456789012345678901234567890123456789012345", "text",
                                   &field),
              CRM_INVALID_ARGUMENT, "at most 64 characters");
  /* 64 characters, letters, digits and "_" are a name; a built-in one is
     refused by define, which knows the record kind. */
  CHECK_OK(crm_custom_field_new("a234567890123456789012345678901234567890123456789012345678901234", "text", &field));
  crm_custom_field_free(field);
  CHECK_OK(crm_custom_field_new("job_title", "text", &field));
  CHECK_FAILS(crm_custom_field_define(db, "contact", field, &defined), CRM_INVALID_ARGUMENT, "built-in");
  crm_custom_field_free(field);
  CHECK_OK(crm_custom_field_new("Loyalty_2", "integer", &field));
  CHECK_OK(crm_custom_field_define(db, "contact", field, &defined));
  CHECK_OK(crm_custom_field_id(defined, &id));
  CHECK(id > 0);
  crm_custom_field_free(field);
  crm_custom_field_free(defined);
  crm_db_free(db);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s SCRATCH_DIR\n", argv[0]);
    return 2;
  }
  snprintf(scratch, sizeof scratch, "%s", argv[1]);
  deal_and_stage_change_ids_and_versions();
  lead_ids_and_versions();
  activity_ids_and_versions();
  export_options_choose_format_and_delimiter();
  page_and_batch_sizes_follow_the_core_limits();
  text_must_be_valid_utf8();
  custom_field_names_are_checked_when_made();
  return check_report("capi_surface");
}
