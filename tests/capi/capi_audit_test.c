/*
 * Tests of the audit trail through the C ABI, written in C99: a contact's
 * history read from a table cursor (operation, field, old and new, user,
 * origin), queries by user, period and page, the settings, a connection
 * acting as a user seeing only the history of what it reads, and misuse,
 * each time with the status and crm_last_error()'s message.
 *
 *   crm_capi_audit_test
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

/* The rows of an audit cursor as "operation field:old>new@user/origin" joined
   by "|" into out (size bytes), NULL values as "-"; frees the cursor. */
static void rows_of(crm_cursor *cursor, char *out, size_t size) {
  const char *operation = NULL, *field = NULL, *old_value = NULL, *new_value = NULL, *user = NULL, *origin = NULL;
  int old_null = 0, new_null = 0;
  char row[256];
  crm_status status;
  out[0] = '\0';
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    CHECK_OK(crm_cursor_text(cursor, CRM_AUDIT_OPERATION, &operation));
    CHECK_OK(crm_cursor_text(cursor, CRM_AUDIT_FIELD, &field));
    CHECK_OK(crm_cursor_is_null(cursor, CRM_AUDIT_OLD, &old_null));
    CHECK_OK(crm_cursor_is_null(cursor, CRM_AUDIT_NEW, &new_null));
    CHECK_OK(crm_cursor_text(cursor, CRM_AUDIT_OLD, &old_value));
    CHECK_OK(crm_cursor_text(cursor, CRM_AUDIT_NEW, &new_value));
    CHECK_OK(crm_cursor_text(cursor, CRM_AUDIT_USER, &user));
    CHECK_OK(crm_cursor_text(cursor, CRM_AUDIT_ORIGIN, &origin));
    snprintf(row, sizeof row, "%s %s:%s>%s@%s/%s", operation, field, old_null ? "-" : old_value,
             new_null ? "-" : new_value, user, origin);
    if (out[0] != '\0') strncat(out, "|", size - strlen(out) - 1);
    strncat(out, row, size - strlen(out) - 1);
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
}

/* A contact called last_name with owner (NULL: none); its id. */
static int64_t make_contact(crm_db *db, const char *last_name, const char *owner) {
  crm_contact *data = NULL;
  crm_contact *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "last_name", last_name));
  if (owner) CHECK_OK(crm_contact_set(data, "owner", owner));
  CHECK_OK(crm_contact_create(db, data, &created));
  CHECK_OK(crm_contact_id(created, &id));
  crm_contact_free(data);
  crm_contact_free(created);
  return id;
}

static void test_history(void) {
  crm_options *options = NULL;
  crm_db *db = NULL;
  crm_contact *contact = NULL, *updated = NULL;
  crm_cursor *cursor = NULL;
  char *origin = NULL;
  char rows[1024];
  int64_t id, seq = 0, record = 0;
  CHECK_OK(crm_options_new(&options));
  CHECK_OK(crm_options_set_origin(options, "erp-sync"));
  CHECK_OK(crm_db_open(":memory:", options, &db));
  crm_options_free(options);
  CHECK_OK(crm_db_origin(db, &origin));
  CHECK(same(origin, "erp-sync"));
  crm_free(origin);

  id = make_contact(db, "Berzina", NULL);
  CHECK_OK(crm_db_set_origin(db, "pbx"));
  CHECK_OK(crm_contact_get(db, id, &contact));
  CHECK_OK(crm_contact_set(contact, "job_title", "CFO"));
  CHECK_OK(crm_contact_update(db, contact, &updated));
  CHECK_OK(crm_contact_remove(db, id));
  CHECK_OK(crm_audit_history(db, "contact", id, &cursor));
  rows_of(cursor, rows, sizeof rows);
  CHECK(strcmp(rows, "create last_name:->Berzina@/erp-sync|update job_title:->CFO@/pbx|delete :->-@/pbx") == 0 ||
        (fprintf(stderr, "history: %s\n", rows), 0));
  CHECK_OK(crm_audit_history(db, "contact", id, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_int64(cursor, CRM_AUDIT_SEQ, &seq));
  CHECK_OK(crm_cursor_int64(cursor, CRM_AUDIT_RECORD_ID, &record));
  CHECK(seq == 1 && record == id);
  crm_cursor_free(cursor);
  CHECK_FAILS(crm_audit_history(db, "contact", 999, &cursor), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_audit_history(db, "planet", id, &cursor), CRM_INVALID_ARGUMENT, "planet");
  crm_contact_free(contact);
  crm_contact_free(updated);
  crm_db_free(db);
}

static void test_find_and_settings(void) {
  crm_db *db = open_memory_in("LV");
  crm_db *as_anna = NULL;
  crm_audit_query *query = NULL;
  crm_cursor *cursor = NULL;
  char rows[2048];
  int enabled = 0, days = -1;
  make_contact(db, "System", NULL);
  make_contact(db, "Ilzes", "ilze");
  CHECK_OK(crm_db_set_user(db, "anna"));
  make_contact(db, "Annas", "anna");
  CHECK_OK(crm_db_set_user(db, NULL));

  CHECK_OK(crm_audit_query_new(&query));
  CHECK_OK(crm_audit_query_set_user(query, "anna"));
  CHECK_OK(crm_audit_find(db, query, &cursor));
  rows_of(cursor, rows, sizeof rows);
  CHECK(strstr(rows, "create last_name:->Annas@anna/") != NULL && strstr(rows, "System") == NULL);
  CHECK_OK(crm_audit_query_set_user(query, ""));
  CHECK_OK(crm_audit_query_set_record(query, "contact", 0));
  CHECK_OK(crm_audit_query_set_period(query, "2000-01-01T00:00:00Z", NULL));
  CHECK_OK(crm_audit_find(db, query, &cursor));
  rows_of(cursor, rows, sizeof rows);
  CHECK(strncmp(rows, "create last_name:->System@/|", 28) == 0 && strstr(rows, "Annas") == NULL);
  CHECK_OK(crm_audit_query_set_period(query, NULL, "2000-01-01T00:00:00Z"));
  CHECK_OK(crm_audit_find(db, query, &cursor));
  rows_of(cursor, rows, sizeof rows);
  CHECK(rows[0] == '\0');
  CHECK_FAILS(crm_audit_query_set_period(query, "yesterday", NULL), CRM_INVALID_ARGUMENT, "yesterday");
  CHECK_OK(crm_audit_query_set_page(query, 0, 0));
  CHECK_FAILS(crm_audit_find(db, query, &cursor), CRM_INVALID_ARGUMENT, "limit");
  CHECK_OK(crm_audit_query_set_page(query, 1000000, 10));
  CHECK_OK(crm_audit_query_set_period(query, NULL, NULL));
  CHECK_OK(crm_audit_find(db, query, &cursor));
  rows_of(cursor, rows, sizeof rows);
  CHECK(rows[0] == '\0');
  crm_audit_query_free(query);
  crm_audit_query_free(NULL);

  CHECK_OK(crm_audit_enabled(db, &enabled));
  CHECK(enabled == 1);
  CHECK_OK(crm_audit_retention_days(db, &days));
  CHECK(days == 0);
  CHECK_OK(crm_audit_set_retention_days(db, 90));
  CHECK_OK(crm_audit_retention_days(db, &days));
  CHECK(days == 90);
  CHECK_FAILS(crm_audit_set_retention_days(db, -5), CRM_INVALID_ARGUMENT, "retention_days");
  CHECK_OK(crm_audit_set_enabled(db, 0));
  make_contact(db, "Unlogged", NULL);
  CHECK_OK(crm_audit_find(db, NULL, &cursor));
  rows_of(cursor, rows, sizeof rows);
  CHECK(strstr(rows, "Unlogged") == NULL);
  CHECK_OK(crm_audit_set_enabled(db, 1));
  CHECK_OK(crm_audit_enabled(db, &enabled));
  CHECK(enabled == 1);

  /* a sales rep reads the history of their own records only, and may not turn the trail off */
  {
    crm_user *anna = NULL;
    CHECK_OK(crm_user_find(db, "anna", &anna));
    CHECK_OK(crm_user_set(anna, "roles", "sales_rep"));
    CHECK_OK(crm_user_update(db, anna, NULL));
    crm_user_free(anna);
  }
  CHECK_OK(crm_db_as_user(db, "anna", &as_anna));
  CHECK_OK(crm_audit_find(as_anna, NULL, &cursor));
  rows_of(cursor, rows, sizeof rows);
  CHECK(strstr(rows, "Annas") != NULL && strstr(rows, "Ilzes") == NULL);
  CHECK_FAILS(crm_audit_set_enabled(as_anna, 0), CRM_PERMISSION_DENIED, "administrator");
  crm_db_free(as_anna);
  crm_db_free(db);
}

static void test_timeline_with_changes(void) {
  crm_db *db = open_bare_memory_in(NULL);
  crm_cursor *timeline = NULL, *fields = NULL;
  const crm_activity *activity = NULL;
  const crm_stage_change *stage = NULL;
  char rows[1024];
  int changes = 0;
  const int64_t id = make_contact(db, "Liepa", NULL);
  CHECK_OK(crm_timeline_with_changes(db, "contact", id, 0, &timeline));
  while (crm_cursor_next(timeline) == CRM_ROW) {
    CHECK_OK(crm_cursor_timeline_entry(timeline, &activity, &stage));
    CHECK(activity == NULL && stage == NULL);
    CHECK_OK(crm_cursor_timeline_changes(timeline, &fields));
    rows_of(fields, rows, sizeof rows);
    CHECK(same(rows, "create last_name:->Liepa@/"));
    ++changes;
  }
  CHECK(changes == 1);
  crm_cursor_free(timeline);
  CHECK_FAILS(crm_timeline_with_changes(db, "activity", 1, 0, &timeline), CRM_INVALID_ARGUMENT, "activity");
  CHECK_FAILS(crm_timeline_with_changes(db, "contact", 999, 0, &timeline), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_cursor_timeline_changes(NULL, &fields), CRM_MISUSE, "cursor");
  crm_db_free(db);
}

/* The change feed: each change once in order, a cursor to follow, kinds, and
   CRM_CURSOR_EXPIRED for a reader behind what retention kept. */
static void test_change_feed(void) {
  crm_db *db = open_bare_memory_in(NULL);
  crm_cursor *cursor = NULL;
  int64_t latest = 0, earliest = -1, seq = 0, previous = 0, entries = -1;
  const char *kind = NULL;
  char rows[1024];
  int count = 0;
  make_contact(db, "Liepa", NULL);
  make_named_account(db, "Koks SIA");
  make_contact(db, "Ozola", NULL);
  CHECK_OK(crm_changes_latest(db, &latest));
  CHECK(latest == 3);
  CHECK_OK(crm_changes_since(db, 0, NULL, 100, &cursor));
  while (crm_cursor_next(cursor) == CRM_ROW) {
    CHECK_OK(crm_cursor_int64(cursor, CRM_AUDIT_SEQ, &seq));
    CHECK(seq > previous);
    previous = seq;
    ++count;
  }
  CHECK(count == 3 && previous == latest);
  crm_cursor_free(cursor);
  /* following from a cursor, of some kinds */
  CHECK_OK(crm_changes_since(db, 1, "account,lead", 100, &cursor));
  count = 0;
  while (crm_cursor_next(cursor) == CRM_ROW) {
    CHECK_OK(crm_cursor_text(cursor, CRM_AUDIT_KIND, &kind));
    CHECK(same(kind, "account"));
    ++count;
  }
  CHECK(count == 1);
  crm_cursor_free(cursor);
  CHECK_OK(crm_changes_since(db, 2, "contact", 100, &cursor));
  rows_of(cursor, rows, sizeof rows);
  CHECK(same(rows, "create last_name:->Ozola@/"));
  /* retention by count */
  CHECK_OK(crm_audit_set_retention_entries(db, 1));
  CHECK_OK(crm_audit_retention_entries(db, &entries));
  CHECK(entries == 1);
  CHECK_OK(crm_changes_earliest_cursor(db, &earliest));
  CHECK(earliest == 2);
  CHECK_FAILS(crm_changes_since(db, 0, NULL, 100, &cursor), CRM_CURSOR_EXPIRED, "read the records again");
  CHECK(cursor == NULL);
  CHECK(same(crm_status_name(CRM_CURSOR_EXPIRED), "CRM_CURSOR_EXPIRED"));
  CHECK_OK(crm_changes_since(db, 2, NULL, 100, &cursor));
  crm_cursor_free(cursor);
  CHECK_FAILS(crm_audit_set_retention_entries(db, -1), CRM_INVALID_ARGUMENT, "retention_entries");
  CHECK_FAILS(crm_changes_since(db, -1, NULL, 100, &cursor), CRM_INVALID_ARGUMENT, "cursor");
  CHECK_FAILS(crm_changes_since(db, 2, "planet", 100, &cursor), CRM_INVALID_ARGUMENT, "planet");
  CHECK_FAILS(crm_changes_since(db, 2, NULL, 0, &cursor), CRM_INVALID_ARGUMENT, "limit");
  CHECK_FAILS(crm_changes_since(db, 2, NULL, 100, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_changes_latest(db, NULL), CRM_MISUSE, "out_seq");
  CHECK_FAILS(crm_changes_earliest_cursor(NULL, &earliest), CRM_MISUSE, "db");
  CHECK_FAILS(crm_audit_retention_entries(db, NULL), CRM_MISUSE, "out_entries");
  crm_db_free(db);
}

static void test_misuse(void) {
  crm_db *db = open_bare_memory_in(NULL);
  crm_cursor *cursor = NULL;
  CHECK_FAILS(crm_audit_history(db, NULL, 1, &cursor), CRM_MISUSE, "kind");
  CHECK_FAILS(crm_audit_history(db, "contact", 1, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_audit_query_new(NULL), CRM_MISUSE, "out_query");
  CHECK_FAILS(crm_audit_query_set_user(NULL, "x"), CRM_MISUSE, "query");
  CHECK_FAILS(crm_audit_enabled(db, NULL), CRM_MISUSE, "out_enabled");
  CHECK_FAILS(crm_audit_retention_days(db, NULL), CRM_MISUSE, "out_days");
  CHECK_FAILS(crm_db_origin(db, NULL), CRM_MISUSE, "out_origin");
  CHECK_FAILS(crm_db_set_origin(db, "two\nlines"), CRM_INVALID_ARGUMENT, "origin");
  crm_db_free(db);
}

int main(void) {
  test_history();
  test_find_and_settings();
  test_timeline_with_changes();
  test_change_feed();
  test_misuse();
  return check_report("capi_audit_test");
}
