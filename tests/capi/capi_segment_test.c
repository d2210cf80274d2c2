/*
 * Tests of the segment language and saved segments through the C ABI,
 * written in C99: filter text normalized, checked and counted (parse errors
 * with their line and column), filters, segments and sort fields on list
 * queries, dynamic segments whose members follow the records, frozen and
 * hand-kept static lists, paging members, exporting them with custom-field
 * columns, crm_lead_select(), and misuse (NULL handles and pointers, a
 * closed handle, invalid UTF-8, a wrong record kind, a list used as a
 * dynamic segment and back, a wrong cursor), each time with the status,
 * crm_last_error()'s code and its message.
 *
 *   crm_capi_segment_test SCRATCH_DIR
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
  return db;
}

/* Defines a custom field of type on record_kind (choices: NULL-terminated, may be NULL). */
static void define(crm_db *db, const char *record_kind, const char *name, const char *type,
                   const char *const *choices) {
  crm_custom_field *field = NULL;
  CHECK_OK(crm_custom_field_new(name, type, &field));
  for (; choices != NULL && *choices != NULL; ++choices) CHECK_OK(crm_custom_field_add_choice(field, *choices));
  CHECK_OK(crm_custom_field_define(db, record_kind, field, NULL));
  crm_custom_field_free(field);
}

/* A contact in country with custom score and tier (NULL: none) and tag (NULL: none). */
static int64_t make_contact(crm_db *db, const char *first_name, const char *country, const char *score,
                            const char *tier, const char *tag) {
  crm_contact *data = NULL;
  crm_contact *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "first_name", first_name));
  CHECK_OK(crm_contact_set(data, "last_name", "Test"));
  CHECK_OK(crm_contact_set(data, "country", country));
  CHECK_OK(crm_contact_set_custom(data, "score", score));
  CHECK_OK(crm_contact_set_custom(data, "tier", tier));
  if (tag != NULL) CHECK_OK(crm_contact_add_tag(data, tag));
  CHECK_OK(crm_contact_create(db, data, &created));
  CHECK_OK(crm_contact_id(created, &id));
  CHECK(id > 0);
  crm_contact_free(data);
  crm_contact_free(created);
  return id;
}

/* Sets a contact's country (a change that moves it in and out of segments). */
static void move_contact(crm_db *db, int64_t id, const char *country) {
  crm_contact *contact = NULL;
  CHECK_OK(crm_contact_get(db, id, &contact));
  CHECK_OK(crm_contact_set(contact, "country", country));
  CHECK_OK(crm_contact_update(db, contact, NULL));
  crm_contact_free(contact);
}

/* The contacts of Anna (LV, score 40, Gold, vip), Jonas (LT, 7, Silver) and
   Oleg (UA, no score or tier), with the custom fields score and tier. */
typedef struct people {
  crm_db *db;
  int64_t anna, jonas, oleg;
} people;

static const char *const kTiers[] = {"Gold", "Silver", NULL};

static people make_people(void) {
  people p;
  p.db = open_memory();
  define(p.db, "contact", "score", "integer", NULL);
  define(p.db, "contact", "tier", "choice", kTiers);
  p.anna = make_contact(p.db, "Anna", "LV", "40", "Gold", "vip");
  p.jonas = make_contact(p.db, "Jonas", "LT", "7", "Silver", NULL);
  p.oleg = make_contact(p.db, "Oleg", "UA", NULL, NULL, NULL);
  return p;
}

/* The last error must be a parse error at line:column. */
static void expect_position(int line, int column, int at) {
  const crm_error *error = crm_last_error();
  if (error->code != CRM_PARSE_ERROR || error->line != line || error->column != column) {
    fprintf(stderr, "%s:%d: last error %s at %d:%d (\"%s\"), expected CRM_PARSE_ERROR at %d:%d\n", __FILE__, at,
            crm_status_name(error->code), error->line, error->column, error->message, line, column);
    ++check_failures;
  }
}
#define EXPECT_POSITION(line, column) expect_position((line), (column), __LINE__)

/* Reads the contact ids of a cursor (at most max) into ids, frees the cursor
   and returns how many there were. */
static int contact_ids(crm_cursor *cursor, int64_t *ids, int max) {
  const crm_contact *contact = NULL;
  crm_status status;
  int rows = 0;
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    CHECK_OK(crm_cursor_contact(cursor, &contact));
    if (rows < max) CHECK_OK(crm_contact_id(contact, &ids[rows]));
    ++rows;
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
  return rows;
}

/* Reads the member ids of a crm_segment_members() cursor like contact_ids(). */
static int member_ids(crm_cursor *cursor, int64_t *ids, int max) {
  int64_t id = 0;
  crm_status status;
  int rows = 0;
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    CHECK_OK(crm_cursor_segment_member(cursor, &id));
    if (rows < max) ids[rows] = id;
    ++rows;
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
  return rows;
}

/* Counts the rows of a cursor and frees it. */
static int drain(crm_cursor *cursor) {
  int rows = 0;
  crm_status status;
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) ++rows;
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
  return rows;
}

/* ---- crm_filter_normalize ------------------------------------------------ */

static void expect_normal(const char *text, const char *expected, int line) {
  char *out = NULL;
  crm_status status = crm_filter_normalize(text, &out);
  if (status != CRM_OK || !same(out, expected)) {
    fprintf(stderr, "%s:%d: normalize(\"%s\") gave \"%s\" (%s: %s), expected \"%s\"\n", __FILE__, line, text,
            out ? out : "(null)", crm_status_name(status), crm_last_error()->message, expected);
    ++check_failures;
  }
  crm_free(out);
}
#define EXPECT_NORMAL(text, expected) expect_normal((text), (expected), __LINE__)

static void test_normalize(void) {
  char *out = (char *)"untouched";

  EXPECT_NORMAL("INDUSTRY='Retail'", "INDUSTRY = \"Retail\"");
  EXPECT_NORMAL("x = 007.50", "x = 7.5");
  EXPECT_NORMAL("(a = 1 and b = 2) and c = 3 -- a comment", "a = 1 and b = 2 and c = 3");
  EXPECT_NORMAL("last_name ~ \"B\xc4\x93rzi\xc5\x86\x61\"", "last_name ~ \"B\xc4\x93rzi\xc5\x86\x61\"");
  EXPECT_NORMAL("Amount >= 12.5 eur", "Amount >= 12.50 EUR");
  /* Field names are not checked without a database. */
  EXPECT_NORMAL("no_such_field = 1", "no_such_field = 1");

  /* Syntax errors: CRM_PARSE_ERROR with line and column, *out_text NULL. */
  CHECK_FAILS(crm_filter_normalize("industry = \"Retail\"\n  and country in (\"LV\" \"LT\")", &out), CRM_PARSE_ERROR,
              "expected ')'");
  EXPECT_POSITION(2, 24);
  CHECK(strstr(crm_last_error()->message, "line 2, column 24") != NULL);
  CHECK(out == NULL);
  out = (char *)"untouched";
  CHECK_FAILS(crm_filter_normalize("industry = ", &out), CRM_PARSE_ERROR, "the end of the filter");
  EXPECT_POSITION(1, 12);
  CHECK(out == NULL);
  /* Columns count characters, not bytes. */
  CHECK_FAILS(crm_filter_normalize("name = \"B\xc4\x93rzi\xc5\x86\x61\" and and", &out), CRM_PARSE_ERROR, "column 22");
  EXPECT_POSITION(1, 22);
  CHECK_FAILS(crm_filter_normalize("", &out), CRM_PARSE_ERROR, "line 1");
  CHECK(crm_last_error()->line == 1);

  /* A later success leaves the last error as it was. */
  EXPECT_NORMAL("a = 1", "a = 1");
  CHECK(crm_last_error()->code == CRM_PARSE_ERROR);

  /* Misuse. */
  out = (char *)"untouched";
  CHECK_FAILS(crm_filter_normalize("x = \"\xff\"", &out), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK(out == NULL);
  CHECK(crm_last_error()->line == 0 && crm_last_error()->column == 0);
  CHECK_FAILS(crm_filter_normalize(NULL, &out), CRM_MISUSE, "filter");
  CHECK_FAILS(crm_filter_normalize("a = 1", NULL), CRM_MISUSE, "out_text");
}

/* ---- crm_filter_check and crm_filter_count -------------------------------- */

static void test_check_and_count(void) {
  people p = make_people();
  int64_t count = 0;

  CHECK_OK(crm_filter_check(p.db, "contact", "country = \"LV\""));
  CHECK_OK(crm_filter_check(p.db, "contact", "score > 10 and tier in (Gold, Silver)"));
  CHECK_OK(crm_filter_check(p.db, "account", "industry = \"Retail\""));

  /* Unknown fields: a parse error at the field, with the nearest name. */
  CHECK_FAILS(crm_filter_check(p.db, "contact", "country = \"LV\" and\n  tire = \"Gold\""), CRM_PARSE_ERROR,
              "did you mean 'tier'?");
  EXPECT_POSITION(2, 3);
  CHECK_FAILS(crm_filter_check(p.db, "account", "industy = \"Retail\""), CRM_PARSE_ERROR,
              "line 1, column 1: unknown field 'industy' on accounts; did you mean 'industry'?");
  EXPECT_POSITION(1, 1);
  /* A value that does not fit its field; a field of another kind of record. */
  CHECK_FAILS(crm_filter_check(p.db, "contact", "score = \"ten\""), CRM_PARSE_ERROR, "is a number");
  CHECK(crm_last_error()->line == 1 && crm_last_error()->column > 0);
  CHECK_FAILS(crm_filter_check(p.db, "contact", "tier = \"Gould\""), CRM_PARSE_ERROR, "did you mean 'Gold'?");
  CHECK_FAILS(crm_filter_check(p.db, "account", "score > 1"), CRM_PARSE_ERROR, "score");
  CHECK_FAILS(crm_filter_check(p.db, "account", "birthday within next 3 days"), CRM_PARSE_ERROR, "contacts only");
  /* Syntax errors too. */
  CHECK_FAILS(crm_filter_check(p.db, "contact", "country = "), CRM_PARSE_ERROR, "expected");
  EXPECT_POSITION(1, 11);

  /* Counts. */
  count = -1;
  CHECK_OK(crm_filter_count(p.db, "contact", "score > 10", &count));
  CHECK(count == 1);
  CHECK_OK(crm_filter_count(p.db, "contact", "country in ('LV', 'LT')", &count));
  CHECK(count == 2);
  CHECK_OK(crm_filter_count(p.db, "contact", "score is empty or tagged \"VIP\"", &count));
  CHECK(count == 2);
  CHECK_OK(crm_filter_count(p.db, "account", "industry = \"Retail\"", &count));
  CHECK(count == 0);
  CHECK_OK(crm_filter_count(p.db, "activity", "kind = call", &count));
  CHECK(count == 0);
  count = 99;
  CHECK_FAILS(crm_filter_count(p.db, "contact", "scroe > 10", &count), CRM_PARSE_ERROR, "did you mean 'score'?");
  EXPECT_POSITION(1, 1);
  CHECK(count == 99);

  /* Wrong kinds, invalid UTF-8, NULLs. */
  CHECK_FAILS(crm_filter_check(p.db, "contacts", "country = \"LV\""), CRM_INVALID_ARGUMENT,
              "'contacts' is not a kind of record");
  CHECK(same(crm_last_error()->field, "record_kind"));
  CHECK_FAILS(crm_filter_count(p.db, "deal", "country = \"LV\"", &count), CRM_INVALID_ARGUMENT, "kinds: account");
  CHECK_FAILS(crm_filter_check(p.db, "contact", "country = \"\xc3\x28\""), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_filter_count(p.db, "contact", "\xff", &count), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK(count == 99);
  CHECK_FAILS(crm_filter_check(NULL, "contact", "country = \"LV\""), CRM_MISUSE, "db");
  CHECK_FAILS(crm_filter_check(p.db, NULL, "country = \"LV\""), CRM_MISUSE, "record_kind");
  CHECK_FAILS(crm_filter_check(p.db, "contact", NULL), CRM_MISUSE, "filter");
  CHECK_FAILS(crm_filter_count(NULL, "contact", "x = 1", &count), CRM_MISUSE, "db");
  CHECK_FAILS(crm_filter_count(p.db, NULL, "x = 1", &count), CRM_MISUSE, "record_kind");
  CHECK_FAILS(crm_filter_count(p.db, "contact", NULL, &count), CRM_MISUSE, "filter");
  CHECK_FAILS(crm_filter_count(p.db, "contact", "x = 1", NULL), CRM_MISUSE, "out_count");

  crm_db_close(p.db);
  CHECK_FAILS(crm_filter_check(p.db, "contact", "country = \"LV\""), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_filter_count(p.db, "contact", "country = \"LV\"", &count), CRM_MISUSE, "closed");
  crm_db_free(p.db);
}

/* ---- hostile sizes and the limits of crm/limits.hpp ----------------------- */

/* "<field> in (\"<prefix>0\", ...)" or "<field> = \"<prefix>0\" or ..." of
   count values, in a buffer the caller frees. */
static char *long_filter(const char *field, const char *prefix, int count, int as_or) {
  size_t size = 64 + (size_t)count * (strlen(field) + strlen(prefix) + 16);
  char *text = malloc(size);
  size_t used = 0;
  int i;
  if (text == NULL) return NULL;
  if (!as_or) used += (size_t)sprintf(text + used, "%s in (", field);
  for (i = 0; i < count; ++i) {
    if (as_or) used += (size_t)sprintf(text + used, "%s%s = \"%s%d\"", i ? " or " : "", field, prefix, i);
    else used += (size_t)sprintf(text + used, "%s\"%s%d\"", i ? ", " : "", prefix, i);
  }
  if (!as_or) sprintf(text + used, ")");
  return text;
}

static void test_long_lists_and_limits(void) {
  people p = make_people();
  crm_contact *contact = NULL;
  crm_segment *segment = NULL;
  int64_t count = -1;
  char *text = NULL;
  char *huge = NULL;
  CHECK_OK(crm_contact_new(&contact));
  CHECK_OK(crm_contact_set(contact, "last_name", "Koks"));
  CHECK_OK(crm_contact_set(contact, "external_ref", "ERP-999"));
  CHECK_OK(crm_contact_create(p.db, contact, NULL));

  /* 100,000 values in one list: one bound array, not "Expression tree is too large" (io). */
  text = long_filter("external_ref", "ERP-", 100000, 0);
  CHECK_OK(crm_filter_count(p.db, "contact", text, &count));
  CHECK(count == 1);
  free(text);
  /* A segment of 1,000 ERP codes is saved. */
  text = long_filter("external_ref", "ERP-", 1000, 0);
  CHECK_OK(crm_segment_create(p.db, "contact", "ERP customers", text, &segment));
  crm_segment_free(segment);
  free(text);
  /* 50,000 "or" terms parse at once and are refused naming the limit. */
  text = long_filter("external_ref", "ERP-", 50000, 1);
  CHECK_FAILS(crm_filter_count(p.db, "contact", text, &count), CRM_INVALID_ARGUMENT, "at most 10000");
  free(text);
  /* Filter text over 4 MiB; a name over 1000 bytes. */
  huge = malloc(5 * 1024 * 1024);
  if (huge != NULL) {
    memset(huge, 'a', 5 * 1024 * 1024 - 1);
    huge[5 * 1024 * 1024 - 1] = '\0';
    CHECK_FAILS(crm_filter_check(p.db, "contact", huge), CRM_INVALID_ARGUMENT, "at most 4194304 bytes");
    huge[1001] = '\0';
    CHECK_OK(crm_contact_set(contact, "first_name", huge));
    CHECK_OK(crm_contact_set(contact, "external_ref", ""));
    CHECK_FAILS(crm_contact_create(p.db, contact, NULL), CRM_INVALID_ARGUMENT,
                "contact.first_name: 1001 bytes long; at most 1000 bytes");
    CHECK(same(crm_last_error()->field, "contact.first_name"));
    free(huge);
  }
  crm_contact_free(contact);
  crm_db_free(p.db);
}

/* ---- where, segment and sort field on list queries ------------------------ */

static void test_query_where(void) {
  people p = make_people();
  crm_query *query = NULL;
  crm_cursor *cursor = NULL;
  int64_t ids[8];
  int64_t count = 0;

  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_ID, 0));
  CHECK_OK(crm_query_set_where(query, "tagged \"vip\" or score < 10"));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK(contact_ids(cursor, ids, 8) == 2);
  CHECK(ids[0] == p.anna && ids[1] == p.jonas);
  CHECK_OK(crm_contact_count(p.db, query, &count));
  CHECK(count == 2);

  /* Combined with the other filters by "and". */
  CHECK_OK(crm_query_set_country(query, "LT"));
  CHECK_OK(crm_contact_count(p.db, query, &count));
  CHECK(count == 1);
  CHECK_OK(crm_query_set_country(query, NULL));

  /* A syntax error is reported at once and keeps the previous filter. */
  CHECK_FAILS(crm_query_set_where(query, "score <"), CRM_PARSE_ERROR, "expected");
  EXPECT_POSITION(1, 8);
  CHECK_OK(crm_contact_count(p.db, query, &count));
  CHECK(count == 2);

  /* An unknown field is reported when the query is used. */
  CHECK_OK(crm_query_set_where(query, "country = \"LV\" and\n  scroe > 1"));
  count = 99;
  CHECK_FAILS(crm_contact_count(p.db, query, &count), CRM_PARSE_ERROR, "did you mean 'score'?");
  EXPECT_POSITION(2, 3);
  CHECK(count == 99);
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK_FAILS(crm_cursor_next(cursor), CRM_PARSE_ERROR, "scroe");
  EXPECT_POSITION(2, 3);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  cursor = (crm_cursor *)&count;
  CHECK_FAILS(crm_contact_select(p.db, "id", query, &cursor), CRM_PARSE_ERROR, "scroe");
  CHECK(cursor == NULL);

  /* NULL and "" remove the filter. */
  CHECK_OK(crm_query_set_where(query, NULL));
  CHECK_OK(crm_contact_count(p.db, query, &count));
  CHECK(count == 3);
  CHECK_OK(crm_query_set_where(query, "country = \"UA\""));
  CHECK_OK(crm_contact_count(p.db, query, &count));
  CHECK(count == 1);
  CHECK_OK(crm_query_set_where(query, ""));
  CHECK_OK(crm_contact_count(p.db, query, &count));
  CHECK(count == 3);

  /* The other record kinds take it too. */
  {
    crm_account *account = NULL;
    crm_lead *lead = NULL;
    CHECK_OK(crm_account_new(&account));
    CHECK_OK(crm_account_set(account, "name", "SIA Koka Nams"));
    CHECK_OK(crm_account_set(account, "industry", "Retail"));
    CHECK_OK(crm_account_create(p.db, account, NULL));
    CHECK_OK(crm_account_set(account, "name", "UAB Baltic Bank"));
    CHECK_OK(crm_account_set(account, "industry", "Banking"));
    CHECK_OK(crm_account_create(p.db, account, NULL));
    crm_account_free(account);
    CHECK_OK(crm_lead_new(&lead));
    CHECK_OK(crm_lead_set(lead, "last_name", "Kalnina"));
    CHECK_OK(crm_lead_set(lead, "company_name", "SIA Kalni"));
    CHECK_OK(crm_lead_create(p.db, lead, NULL));
    crm_lead_free(lead);

    CHECK_OK(crm_query_set_where(query, "industry = \"Retail\""));
    CHECK_OK(crm_account_count(p.db, query, &count));
    CHECK(count == 1);
    CHECK_OK(crm_account_list(p.db, query, &cursor));
    CHECK(drain(cursor) == 1);
    CHECK_OK(crm_account_select(p.db, "name", query, &cursor));
    CHECK(drain(cursor) == 1);
    CHECK_OK(crm_query_set_where(query, "company_name starts with \"sia\""));
    CHECK_OK(crm_lead_count(p.db, query, &count));
    CHECK(count == 1);
    CHECK_OK(crm_lead_list(p.db, query, &cursor));
    CHECK(drain(cursor) == 1);
    CHECK_OK(crm_query_set_where(query, "company_name starts with \"uab\""));
    CHECK_OK(crm_lead_count(p.db, query, &count));
    CHECK(count == 0);
    CHECK_OK(crm_query_set_where(query, "amount > 0 EUR"));
    CHECK_OK(crm_opportunity_count(p.db, query, &count));
    CHECK(count == 0);
    CHECK_OK(crm_opportunity_list(p.db, query, &cursor));
    CHECK(drain(cursor) == 0);
    CHECK_OK(crm_query_set_where(query, "kind = call"));
    CHECK_OK(crm_activity_count(p.db, query, &count));
    CHECK(count == 0);
    /* A field of contacts on accounts. */
    CHECK_OK(crm_query_set_where(query, "first_name = \"Anna\""));
    CHECK_FAILS(crm_account_count(p.db, query, &count), CRM_PARSE_ERROR, "first_name");
  }

  /* Misuse. */
  CHECK_FAILS(crm_query_set_where(query, "country = \"\xff\""), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_query_set_where(NULL, "country = \"LV\""), CRM_MISUSE, "query");
  crm_query_free(query);
  crm_db_free(p.db);
}

static void test_query_sort_field(void) {
  people p = make_people();
  crm_query *query = NULL;
  crm_cursor *cursor = NULL;
  int64_t ids[8];

  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_page_size(query, 1));
  /* Numbers ascending, records without a value last; pages of one. */
  CHECK_OK(crm_query_set_sort_field(query, "score", 0));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK(contact_ids(cursor, ids, 8) == 3);
  CHECK(ids[0] == p.jonas && ids[1] == p.anna && ids[2] == p.oleg);
  CHECK_OK(crm_query_set_sort_field(query, "score", 1));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK(contact_ids(cursor, ids, 8) == 3);
  CHECK(ids[0] == p.oleg && ids[1] == p.anna && ids[2] == p.jonas);
  /* A built-in field. */
  CHECK_OK(crm_query_set_sort_field(query, "country", 0));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK(contact_ids(cursor, ids, 8) == 3);
  CHECK(ids[0] == p.jonas && ids[1] == p.anna && ids[2] == p.oleg);
  /* With a filter. */
  CHECK_OK(crm_query_set_where(query, "country != \"UA\""));
  CHECK_OK(crm_query_set_sort_field(query, "tier", 1));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK(contact_ids(cursor, ids, 8) == 2);
  CHECK(ids[0] == p.jonas && ids[1] == p.anna);
  CHECK_OK(crm_query_set_where(query, NULL));

  /* Unknown and multi-valued fields fail when the query is used. */
  CHECK_OK(crm_query_set_sort_field(query, "scroe", 0));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK_FAILS(crm_cursor_next(cursor), CRM_INVALID_ARGUMENT, "scroe");
  CHECK(same(crm_last_error()->field, "sort_field"));
  crm_cursor_free(cursor);
  CHECK_OK(crm_query_set_sort_field(query, "email", 0));
  CHECK_FAILS(crm_contact_select(p.db, "id", query, &cursor), CRM_INVALID_ARGUMENT, "sort_field");
  CHECK(cursor == NULL);

  /* NULL removes it: crm_query_set_sort() applies again. */
  CHECK_OK(crm_query_set_sort_field(query, NULL, 0));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_ID, 1));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK(contact_ids(cursor, ids, 8) == 3);
  CHECK(ids[0] == p.oleg && ids[2] == p.anna);
  CHECK_OK(crm_query_set_sort_field(query, "", 0));

  CHECK_FAILS(crm_query_set_sort_field(query, "sc\xc3\x28re", 0), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_query_set_sort_field(NULL, "score", 0), CRM_MISUSE, "query");
  crm_query_free(query);
  crm_db_free(p.db);
}

/* ---- dynamic segments ------------------------------------------------------ */

static void test_dynamic_segment(void) {
  people p = make_people();
  crm_segment *segment = NULL;
  crm_segment *renamed = NULL;
  crm_query *query = NULL;
  crm_segment_kind kind = CRM_SEGMENT_LIST;
  const char *text = NULL;
  int64_t id = 0;
  int64_t version = 0;
  int64_t count = 0;
  int contains = -1;
  int64_t ids[8];
  crm_cursor *cursor = NULL;

  CHECK_OK(crm_segment_create(p.db, "contact", "Baltics", "country in ('LV', 'LT')", &segment));
  CHECK(segment != NULL);
  CHECK_OK(crm_segment_id(segment, &id));
  CHECK(id > 0);
  CHECK_OK(crm_segment_record_kind(segment, &text));
  CHECK(same(text, "contact"));
  CHECK_OK(crm_segment_name(segment, &text));
  CHECK(same(text, "Baltics"));
  CHECK_OK(crm_segment_get_kind(segment, &kind));
  CHECK(kind == CRM_SEGMENT_DYNAMIC);
  CHECK_OK(crm_segment_filter(segment, &text));
  CHECK(same(text, "country in (\"LV\", \"LT\")")); /* saved as canonical text */
  CHECK_OK(crm_segment_version(segment, &version));
  CHECK_OK(crm_segment_created_at(segment, &text));
  CHECK(text != NULL && strlen(text) >= 20 && text[4] == '-' && text[strlen(text) - 1] == 'Z');
  CHECK_OK(crm_segment_updated_at(segment, &text));
  CHECK(text != NULL && strlen(text) >= 20);

  /* Members now. */
  CHECK_OK(crm_segment_count(p.db, id, &count));
  CHECK(count == 2);
  CHECK_OK(crm_segment_contains(p.db, id, p.anna, &contains));
  CHECK(contains == 1);
  CHECK_OK(crm_segment_contains(p.db, id, p.oleg, &contains));
  CHECK(contains == 0);
  CHECK_OK(crm_segment_contains(p.db, id, 9999, &contains));
  CHECK(contains == 0);

  /* Members follow the records: Oleg moves in, Jonas is deleted, Anna moves out. */
  move_contact(p.db, p.oleg, "LV");
  CHECK_OK(crm_segment_count(p.db, id, &count));
  CHECK(count == 3);
  CHECK_OK(crm_segment_contains(p.db, id, p.oleg, &contains));
  CHECK(contains == 1);
  CHECK_OK(crm_contact_remove(p.db, p.jonas));
  CHECK_OK(crm_segment_count(p.db, id, &count));
  CHECK(count == 2);
  CHECK_OK(crm_segment_contains(p.db, id, p.jonas, &contains));
  CHECK(contains == 0);
  move_contact(p.db, p.anna, "DE");
  CHECK_OK(crm_segment_members(p.db, id, NULL, &cursor));
  CHECK(member_ids(cursor, ids, 8) == 1);
  CHECK(ids[0] == p.oleg);
  CHECK_OK(crm_contact_restore(p.db, p.jonas));
  move_contact(p.db, p.anna, "LV");

  /* The segment as a filter of a contact list and count. */
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_segment(query, id));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_ID, 0));
  CHECK_OK(crm_contact_count(p.db, query, &count));
  CHECK(count == 3);
  CHECK_OK(crm_query_set_where(query, "score > 5"));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK(contact_ids(cursor, ids, 8) == 2);
  CHECK(ids[0] == p.anna && ids[1] == p.jonas);
  CHECK_OK(crm_query_set_where(query, NULL));
  /* On another record kind, or missing. */
  CHECK_FAILS(crm_account_count(p.db, query, &count), CRM_INVALID_ARGUMENT, "contact records");
  CHECK_OK(crm_query_set_segment(query, 9999));
  CHECK_FAILS(crm_contact_count(p.db, query, &count), CRM_NOT_FOUND, "9999");
  CHECK_FAILS(crm_query_set_segment(query, -1), CRM_INVALID_ARGUMENT, "not an id");
  CHECK_FAILS(crm_query_set_segment(NULL, id), CRM_MISUSE, "query");
  CHECK_OK(crm_query_set_segment(query, 0));
  CHECK_OK(crm_contact_count(p.db, query, &count));
  CHECK(count == 3);

  /* A new filter: checked first, saved canonical, the version moves on. */
  CHECK_FAILS(crm_segment_set_filter(p.db, id, "country = \"LV\" or\n tire = Gold", &renamed), CRM_PARSE_ERROR,
              "did you mean 'tier'?");
  EXPECT_POSITION(2, 2);
  CHECK(renamed == NULL);
  CHECK_FAILS(crm_segment_set_filter(p.db, id, "country = ", NULL), CRM_PARSE_ERROR, "expected");
  CHECK_FAILS(crm_segment_set_filter(p.db, id, "country = \"\xff\"", NULL), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_OK(crm_segment_set_filter(p.db, id, "TIER = 'gold' OR score < 10", &renamed));
  CHECK_OK(crm_segment_filter(renamed, &text));
  CHECK(same(text, "TIER = \"gold\" or score < 10"));
  {
    int64_t newer = 0;
    CHECK_OK(crm_segment_version(renamed, &newer));
    CHECK(newer > version);
    version = newer;
  }
  crm_segment_free(renamed);
  renamed = NULL;
  CHECK_OK(crm_segment_count(p.db, id, &count));
  CHECK(count == 2);
  CHECK_OK(crm_segment_set_filter(p.db, id, "tagged \"vip\"", NULL));
  CHECK_OK(crm_segment_count(p.db, id, &count));
  CHECK(count == 1);

  /* Rename. */
  CHECK_OK(crm_segment_rename(p.db, id, "VIPs", &renamed));
  CHECK_OK(crm_segment_name(renamed, &text));
  CHECK(same(text, "VIPs"));
  CHECK_OK(crm_segment_id(renamed, &count));
  CHECK(count == id);
  crm_segment_free(renamed);
  renamed = NULL;
  CHECK_OK(crm_segment_rename(p.db, id, "VIPs", NULL));
  CHECK_FAILS(crm_segment_rename(p.db, id, "", &renamed), CRM_INVALID_ARGUMENT, "segment.name");
  CHECK(renamed == NULL);
  CHECK_FAILS(crm_segment_rename(p.db, 9999, "X", NULL), CRM_NOT_FOUND, "9999");
  CHECK_FAILS(crm_segment_rename(p.db, id, "bad \xff", NULL), CRM_INVALID_ARGUMENT, "UTF-8");

  /* The segment handle is a snapshot: it still says what it said. */
  CHECK_OK(crm_segment_name(segment, &text));
  CHECK(same(text, "Baltics"));

  crm_segment_free(segment);
  crm_query_free(query);
  crm_db_free(p.db);
}

/* ---- create, get, find, list, remove ----------------------------------------- */

static void test_segment_catalog(void) {
  people p = make_people();
  crm_segment *segment = (crm_segment *)&p;
  crm_segment *found = NULL;
  crm_cursor *cursor = NULL;
  const crm_segment *at = NULL;
  const crm_contact *not_a_contact = NULL;
  const char *text = NULL;
  int64_t baltics = 0, vips = 0, accounts = 0, list = 0, id = 0;
  crm_status status;
  int rows = 0;

  CHECK_OK(crm_segment_create(p.db, "contact", "Baltics", "country in (\"LV\", \"LT\")", &segment));
  CHECK_OK(crm_segment_id(segment, &baltics));
  crm_segment_free(segment);
  CHECK_OK(crm_segment_create(p.db, "contact", "V\xc4\xabPs", "tagged \"vip\"", NULL)); /* "VīPs" */
  CHECK_OK(crm_segment_create(p.db, "account", "Retail", "industry = \"Retail\"", &segment));
  CHECK_OK(crm_segment_id(segment, &accounts));
  CHECK_OK(crm_segment_record_kind(segment, &text));
  CHECK(same(text, "account"));
  crm_segment_free(segment);
  CHECK_OK(crm_segment_create_list(p.db, "contact", "Hand picked", &segment));
  CHECK_OK(crm_segment_id(segment, &list));
  crm_segment_free(segment);

  /* Names are unique per record kind, ignoring case and diacritics. */
  segment = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_create(p.db, "contact", "BALTICS", "country = \"LV\"", &segment), CRM_ALREADY_EXISTS,
              "BALTICS");
  CHECK(segment == NULL);
  CHECK_FAILS(crm_segment_create_list(p.db, "contact", "vips", NULL), CRM_ALREADY_EXISTS, "vips");
  CHECK_OK(crm_segment_create_list(p.db, "lead", "Baltics", NULL));
  CHECK_FAILS(crm_segment_rename(p.db, list, "baltics", NULL), CRM_ALREADY_EXISTS, "baltics");

  /* Bad kinds, names and filters. */
  segment = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_create(p.db, "activity", "Calls", "kind = call", &segment), CRM_INVALID_ARGUMENT,
              "segments hold accounts, contacts, leads or opportunities");
  CHECK(segment == NULL);
  CHECK_FAILS(crm_segment_create_list(p.db, "activity", "Calls", NULL), CRM_INVALID_ARGUMENT, "segments hold");
  CHECK_FAILS(crm_segment_create(p.db, "people", "X", "country = \"LV\"", NULL), CRM_INVALID_ARGUMENT,
              "'people' is not a kind of record");
  CHECK_FAILS(crm_segment_create_list(p.db, "people", "X", NULL), CRM_INVALID_ARGUMENT, "is not a kind of record");
  CHECK_FAILS(crm_segment_create(p.db, "contact", "", "country = \"LV\"", NULL), CRM_INVALID_ARGUMENT,
              "segment.name");
  CHECK_FAILS(crm_segment_create(p.db, "contact", "X", "industry = \"Retail\"", NULL), CRM_PARSE_ERROR,
              "unknown field 'industry'");
  EXPECT_POSITION(1, 1);
  segment = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_create(p.db, "contact", "X", "country in ('LV'", &segment), CRM_PARSE_ERROR, "expected");
  CHECK(crm_last_error()->line == 1 && crm_last_error()->column == 17);
  CHECK(segment == NULL);
  CHECK_FAILS(crm_segment_create(p.db, "contact", "X", "\xff", NULL), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_segment_create(p.db, "contact", "\xe2\x82", "country = \"LV\"", NULL), CRM_INVALID_ARGUMENT,
              "UTF-8");
  CHECK_FAILS(crm_segment_create_list(p.db, "contact", "\xff", NULL), CRM_INVALID_ARGUMENT, "UTF-8");

  /* get and find. */
  CHECK_OK(crm_segment_get(p.db, baltics, &found));
  CHECK_OK(crm_segment_name(found, &text));
  CHECK(same(text, "Baltics"));
  crm_segment_free(found);
  found = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_get(p.db, 9999, &found), CRM_NOT_FOUND, "9999");
  CHECK(found == NULL);
  CHECK_OK(crm_segment_find(p.db, "contact", "vips", &found)); /* ignoring case and diacritics */
  CHECK(found != NULL);
  CHECK_OK(crm_segment_id(found, &vips));
  CHECK(vips > 0);
  CHECK_OK(crm_segment_name(found, &text));
  CHECK(same(text, "V\xc4\xabPs"));
  crm_segment_free(found);
  found = (crm_segment *)&p;
  CHECK_OK(crm_segment_find(p.db, "account", "Baltics", &found));
  CHECK(found == NULL);
  CHECK_FAILS(crm_segment_find(p.db, "deal", "Baltics", &found), CRM_INVALID_ARGUMENT, "kinds: account");

  /* list: every kind, by record kind and name; or one kind. */
  CHECK_OK(crm_segment_list(p.db, NULL, &cursor));
  {
    const char *names[] = {"Retail", "Baltics", "Hand picked", "V\xc4\xabPs", "Baltics"};
    const char *kinds[] = {"account", "contact", "contact", "contact", "lead"};
    rows = 0;
    while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
      CHECK_OK(crm_cursor_segment(cursor, &at));
      CHECK_OK(crm_segment_name(at, &text));
      if (rows < 5) CHECK(same(text, names[rows]));
      CHECK_OK(crm_segment_record_kind(at, &text));
      if (rows < 5) CHECK(same(text, kinds[rows]));
      if (rows == 0) CHECK_FAILS(crm_cursor_contact(cursor, &not_a_contact), CRM_MISUSE, "another kind");
      ++rows;
    }
    CHECK(status == CRM_DONE);
    CHECK(rows == 5);
  }
  CHECK_FAILS(crm_cursor_segment(cursor, &at), CRM_MISUSE, "not on a row");
  crm_cursor_free(cursor);
  CHECK_OK(crm_segment_list(p.db, "", &cursor));
  CHECK(drain(cursor) == 5);
  CHECK_OK(crm_segment_list(p.db, "contact", &cursor));
  CHECK(drain(cursor) == 3);
  CHECK_OK(crm_segment_list(p.db, "opportunity", &cursor));
  CHECK(drain(cursor) == 0);
  cursor = (crm_cursor *)&p;
  CHECK_FAILS(crm_segment_list(p.db, "contacts", &cursor), CRM_INVALID_ARGUMENT, "is not a kind of record");
  CHECK(cursor == NULL);
  /* A cursor of another kind. */
  CHECK_OK(crm_contact_list(p.db, NULL, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_FAILS(crm_cursor_segment(cursor, &at), CRM_MISUSE, "another kind");
  crm_cursor_free(cursor);

  /* remove: the records stay. */
  CHECK_OK(crm_segment_remove(p.db, accounts));
  CHECK_FAILS(crm_segment_get(p.db, accounts, &found), CRM_NOT_FOUND, "does not exist");
  CHECK_FAILS(crm_segment_remove(p.db, accounts), CRM_NOT_FOUND, "does not exist");
  CHECK_OK(crm_segment_add_members(p.db, list, &p.anna, 1));
  CHECK_OK(crm_segment_remove(p.db, list));
  CHECK_FAILS(crm_segment_count(p.db, list, &id), CRM_NOT_FOUND, "does not exist");
  CHECK_OK(crm_contact_count(p.db, NULL, &id));
  CHECK(id == 3);
  CHECK_OK(crm_segment_list(p.db, NULL, &cursor));
  CHECK(drain(cursor) == 3);
  crm_db_free(p.db);
}

/* ---- static lists: freeze, add and remove members ------------------------------ */

static void test_static_lists(void) {
  people p = make_people();
  crm_segment *segment = NULL;
  crm_segment *frozen = NULL;
  crm_segment_kind kind = CRM_SEGMENT_DYNAMIC;
  const char *text = NULL;
  int64_t dynamic = 0, frozen_id = 0, list = 0, count = 0, version = 0, newer = 0;
  int contains = -1;
  int64_t ids[8];
  crm_cursor *cursor = NULL;
  crm_query *query = NULL;

  CHECK_OK(crm_segment_create(p.db, "contact", "Baltics", "country in (\"LV\", \"LT\")", &segment));
  CHECK_OK(crm_segment_id(segment, &dynamic));
  crm_segment_free(segment);

  /* A frozen list keeps the members of the moment. */
  CHECK_OK(crm_segment_freeze(p.db, dynamic, "Baltics in March", &frozen));
  CHECK_OK(crm_segment_id(frozen, &frozen_id));
  CHECK(frozen_id != dynamic);
  CHECK_OK(crm_segment_get_kind(frozen, &kind));
  CHECK(kind == CRM_SEGMENT_LIST);
  CHECK_OK(crm_segment_filter(frozen, &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_segment_record_kind(frozen, &text));
  CHECK(same(text, "contact"));
  crm_segment_free(frozen);
  move_contact(p.db, p.anna, "DE");
  move_contact(p.db, p.oleg, "LT");
  CHECK_OK(crm_segment_count(p.db, dynamic, &count));
  CHECK(count == 2); /* Jonas and Oleg */
  CHECK_OK(crm_segment_count(p.db, frozen_id, &count));
  CHECK(count == 2); /* still Anna and Jonas */
  CHECK_OK(crm_segment_contains(p.db, frozen_id, p.anna, &contains));
  CHECK(contains == 1);
  CHECK_OK(crm_segment_contains(p.db, frozen_id, p.oleg, &contains));
  CHECK(contains == 0);
  /* ... but only live records are members. */
  CHECK_OK(crm_contact_remove(p.db, p.jonas));
  CHECK_OK(crm_segment_count(p.db, frozen_id, &count));
  CHECK(count == 1);
  CHECK_OK(crm_contact_restore(p.db, p.jonas));
  /* A list can be frozen too; names are checked. */
  CHECK_OK(crm_segment_freeze(p.db, frozen_id, "Copy", NULL));
  frozen = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_freeze(p.db, dynamic, "baltics", &frozen), CRM_ALREADY_EXISTS, "baltics");
  CHECK(frozen == NULL);
  CHECK_FAILS(crm_segment_freeze(p.db, 9999, "Other", NULL), CRM_NOT_FOUND, "9999");
  CHECK_FAILS(crm_segment_freeze(p.db, dynamic, "", NULL), CRM_INVALID_ARGUMENT, "segment.name");

  /* A hand-kept list. */
  CHECK_OK(crm_segment_create_list(p.db, "contact", "Hand picked", &segment));
  CHECK_OK(crm_segment_id(segment, &list));
  CHECK_OK(crm_segment_version(segment, &version));
  crm_segment_free(segment);
  CHECK_OK(crm_segment_count(p.db, list, &count));
  CHECK(count == 0);
  {
    const int64_t some[] = {p.anna, p.oleg, p.anna};
    CHECK_OK(crm_segment_add_members(p.db, list, some, 3));
  }
  CHECK_OK(crm_segment_count(p.db, list, &count));
  CHECK(count == 2);
  CHECK_OK(crm_segment_add_members(p.db, list, &p.anna, 1)); /* already in: stays once */
  CHECK_OK(crm_segment_count(p.db, list, &count));
  CHECK(count == 2);
  CHECK_OK(crm_segment_add_members(p.db, list, NULL, 0));
  CHECK_OK(crm_segment_get(p.db, list, &segment));
  CHECK_OK(crm_segment_version(segment, &newer));
  CHECK(newer > version);
  crm_segment_free(segment);
  /* Not a live contact: nothing is added. */
  {
    const int64_t bad[] = {p.jonas, 9999};
    CHECK_FAILS(crm_segment_add_members(p.db, list, bad, 2), CRM_NOT_FOUND, "9999");
    CHECK_OK(crm_segment_contains(p.db, list, p.jonas, &contains));
    CHECK(contains == 0);
  }
  CHECK_OK(crm_contact_remove(p.db, p.jonas));
  CHECK_FAILS(crm_segment_add_members(p.db, list, &p.jonas, 1), CRM_NOT_FOUND, "is deleted");
  CHECK_OK(crm_contact_restore(p.db, p.jonas));
  /* Members change only by hand. */
  move_contact(p.db, p.oleg, "UA");
  CHECK_OK(crm_segment_contains(p.db, list, p.oleg, &contains));
  CHECK(contains == 1);
  {
    const int64_t gone[] = {p.oleg, 12345};
    CHECK_OK(crm_segment_remove_members(p.db, list, gone, 2));
  }
  CHECK_OK(crm_segment_contains(p.db, list, p.oleg, &contains));
  CHECK(contains == 0);
  CHECK_OK(crm_segment_remove_members(p.db, list, NULL, 0));
  CHECK_OK(crm_segment_count(p.db, list, &count));
  CHECK(count == 1);

  /* The list in a query. */
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_segment(query, list));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK(contact_ids(cursor, ids, 8) == 1);
  CHECK(ids[0] == p.anna);

  /* Static versus dynamic misuse. */
  CHECK_FAILS(crm_segment_add_members(p.db, dynamic, &p.oleg, 1), CRM_INVALID_ARGUMENT, "dynamic segment");
  CHECK_FAILS(crm_segment_remove_members(p.db, dynamic, &p.oleg, 1), CRM_INVALID_ARGUMENT, "dynamic segment");
  segment = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_set_filter(p.db, list, "country = \"LV\"", &segment), CRM_INVALID_ARGUMENT, "static list");
  CHECK(segment == NULL);
  CHECK_FAILS(crm_segment_add_members(p.db, 9999, &p.oleg, 1), CRM_NOT_FOUND, "9999");
  CHECK_FAILS(crm_segment_remove_members(p.db, 9999, &p.oleg, 1), CRM_NOT_FOUND, "9999");
  CHECK_FAILS(crm_segment_count(p.db, 9999, &count), CRM_NOT_FOUND, "9999");
  CHECK_FAILS(crm_segment_contains(p.db, 9999, p.anna, &contains), CRM_NOT_FOUND, "9999");

  crm_query_free(query);
  crm_db_free(p.db);
}

/* ---- paging members with a sort field ------------------------------------------ */

static void test_members_paging(void) {
  people p = make_people();
  crm_segment *segment = NULL;
  crm_query *query = NULL;
  crm_cursor *cursor = NULL;
  int64_t id = 0;
  int64_t ids[16];
  int64_t scored[7];
  int64_t member = 0;
  char score[8];
  int i;

  /* Seven more contacts with scores 100, 90, ..., 40 (ties with Anna's 40). */
  for (i = 0; i < 7; ++i) {
    snprintf(score, sizeof score, "%d", 100 - 10 * i);
    scored[i] = make_contact(p.db, "More", "EE", score, NULL, NULL);
  }
  CHECK_OK(crm_segment_create(p.db, "contact", "Scored", "score is not empty", &segment));
  CHECK_OK(crm_segment_id(segment, &id));
  crm_segment_free(segment);

  /* Default order (name, then id): Anna, Jonas, then the seven "More". */
  CHECK_OK(crm_segment_members(p.db, id, NULL, &cursor));
  CHECK(member_ids(cursor, ids, 16) == 9);
  CHECK(ids[0] == p.anna && ids[1] == p.jonas);

  /* Highest score first, pages of two. */
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_page_size(query, 2));
  CHECK_OK(crm_query_set_sort_field(query, "score", 1));
  CHECK_OK(crm_segment_members(p.db, id, query, &cursor));
  CHECK(member_ids(cursor, ids, 16) == 9);
  for (i = 0; i < 6; ++i) CHECK(ids[i] == scored[i]);
  CHECK((ids[6] == scored[6] && ids[7] == p.anna) || (ids[6] == p.anna && ids[7] == scored[6]));
  CHECK(ids[8] == p.jonas);
  /* Ascending, with the query's own filter, and an offset. */
  CHECK_OK(crm_query_set_sort_field(query, "score", 0));
  CHECK_OK(crm_query_set_where(query, "score >= 70"));
  CHECK_OK(crm_segment_members(p.db, id, query, &cursor));
  CHECK(member_ids(cursor, ids, 16) == 4);
  CHECK(ids[0] == scored[3] && ids[1] == scored[2] && ids[2] == scored[1] && ids[3] == scored[0]);
  CHECK_OK(crm_query_set_offset(query, 3));
  CHECK_OK(crm_segment_members(p.db, id, query, &cursor));
  CHECK(member_ids(cursor, ids, 16) == 1);
  CHECK(ids[0] == scored[0]);
  CHECK_OK(crm_query_set_offset(query, 0));
  /* The query's segment is replaced by the one asked for. */
  CHECK_OK(crm_query_set_segment(query, 9999));
  CHECK_OK(crm_segment_members(p.db, id, query, &cursor));
  CHECK(member_ids(cursor, ids, 16) == 4);
  CHECK_OK(crm_query_set_segment(query, 0));
  /* The same order through crm_contact_list() with the segment. */
  CHECK_OK(crm_query_set_segment(query, id));
  CHECK_OK(crm_contact_list(p.db, query, &cursor));
  CHECK(contact_ids(cursor, ids, 16) == 4);
  CHECK(ids[0] == scored[3] && ids[3] == scored[0]);
  CHECK_OK(crm_query_set_segment(query, 0));

  /* Errors: in the where text from the first step; a filter lists of
     members do not know; a missing segment; a wrong cursor. */
  CHECK_OK(crm_query_set_where(query, "scroe >= 70"));
  CHECK_OK(crm_segment_members(p.db, id, query, &cursor));
  CHECK_FAILS(crm_cursor_next(cursor), CRM_PARSE_ERROR, "did you mean 'score'?");
  EXPECT_POSITION(1, 1);
  CHECK_FAILS(crm_cursor_segment_member(cursor, &member), CRM_MISUSE, "not on a row");
  crm_cursor_free(cursor);
  CHECK_OK(crm_query_set_where(query, NULL));
  CHECK_OK(crm_query_set_filter(query, "account", 1));
  cursor = (crm_cursor *)&p;
  CHECK_FAILS(crm_segment_members(p.db, id, query, &cursor), CRM_INVALID_ARGUMENT, "no such filter");
  CHECK(cursor == NULL);
  CHECK_OK(crm_query_set_filter(query, "account", 0));
  cursor = (crm_cursor *)&p;
  CHECK_FAILS(crm_segment_members(p.db, 9999, NULL, &cursor), CRM_NOT_FOUND, "9999");
  CHECK(cursor == NULL);
  CHECK_OK(crm_segment_members(p.db, id, NULL, &cursor));
  CHECK_FAILS(crm_cursor_segment_member(cursor, &member), CRM_MISUSE, "not on a row");
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  {
    const crm_contact *contact = NULL;
    CHECK_FAILS(crm_cursor_contact(cursor, &contact), CRM_MISUSE, "another kind");
  }
  crm_cursor_free(cursor);
  CHECK_OK(crm_contact_list(p.db, NULL, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_FAILS(crm_cursor_segment_member(cursor, &member), CRM_MISUSE, "another kind");
  crm_cursor_free(cursor);

  crm_query_free(query);
  crm_db_free(p.db);
}

/* ---- exports: crm_segment_select and crm_lead_select ------------------------------ */

static void test_select(void) {
  people p = make_people();
  crm_segment *segment = NULL;
  crm_query *query = NULL;
  crm_cursor *cursor = NULL;
  crm_column_type type = CRM_COLUMN_TEXT;
  const char *name = NULL;
  const char *text = NULL;
  int64_t id = 0, lead_segment = 0, value = 0;
  int columns = 0, is_null = 0;

  CHECK_OK(crm_segment_create(p.db, "contact", "Baltics", "country in (\"LV\", \"LT\")", &segment));
  CHECK_OK(crm_segment_id(segment, &id));
  crm_segment_free(segment);
  move_contact(p.db, p.oleg, "LV");

  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_ID, 0));
  CHECK_OK(crm_segment_select(p.db, id, "id, first_name, score, tier", query, &cursor));
  CHECK_OK(crm_cursor_column_count(cursor, &columns));
  CHECK(columns == 4);
  CHECK_OK(crm_cursor_column(cursor, 2, &name, &type));
  CHECK(same(name, "score"));
  CHECK(type == CRM_COLUMN_INTEGER);
  CHECK_OK(crm_cursor_column(cursor, 3, &name, &type));
  CHECK(same(name, "tier"));
  CHECK(type == CRM_COLUMN_TEXT);
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_int64(cursor, 0, &value));
  CHECK(value == p.anna);
  CHECK_OK(crm_cursor_text(cursor, 1, &text));
  CHECK(same(text, "Anna"));
  CHECK_OK(crm_cursor_int64(cursor, 2, &value));
  CHECK(value == 40);
  CHECK_OK(crm_cursor_text(cursor, 3, &text));
  CHECK(same(text, "Gold"));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_int64(cursor, 0, &value));
  CHECK(value == p.jonas);
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_int64(cursor, 0, &value));
  CHECK(value == p.oleg);
  CHECK_OK(crm_cursor_is_null(cursor, 2, &is_null));
  CHECK(is_null == 1);
  CHECK_OK(crm_cursor_text(cursor, 3, &text));
  CHECK(text == NULL);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);

  /* With the query's filter, and the sort field; pages of one. */
  CHECK_OK(crm_query_set_where(query, "score is not empty"));
  CHECK_OK(crm_query_set_sort_field(query, "score", 0));
  CHECK_OK(crm_query_set_page_size(query, 1));
  CHECK_OK(crm_segment_select(p.db, id, "first_name,score", query, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_text(cursor, 0, &text));
  CHECK(same(text, "Jonas"));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_text(cursor, 0, &text));
  CHECK(same(text, "Anna"));
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);

  /* Errors are reported by the call that makes the cursor. */
  cursor = (crm_cursor *)&p;
  CHECK_FAILS(crm_segment_select(p.db, id, "first_name, scroe", NULL, &cursor), CRM_INVALID_ARGUMENT, "scroe");
  CHECK(cursor == NULL);
  cursor = (crm_cursor *)&p;
  CHECK_FAILS(crm_segment_select(p.db, 9999, "id", NULL, &cursor), CRM_NOT_FOUND, "9999");
  CHECK(cursor == NULL);
  CHECK_OK(crm_query_set_where(query, "scroe > 1"));
  CHECK_FAILS(crm_segment_select(p.db, id, "id", query, &cursor), CRM_PARSE_ERROR, "scroe");
  CHECK(crm_last_error()->line == 1 && crm_last_error()->column == 1);
  CHECK_OK(crm_query_set_where(query, NULL));
  CHECK_OK(crm_query_set_filter(query, "stage", 3));
  CHECK_FAILS(crm_segment_select(p.db, id, "id", query, &cursor), CRM_INVALID_ARGUMENT, "no such filter");
  CHECK_OK(crm_query_set_filter(query, "stage", 0));

  /* Leads: crm_lead_select() with a custom field, and a segment of leads. */
  define(p.db, "lead", "budget", "money", NULL);
  {
    crm_lead *lead = NULL;
    CHECK_OK(crm_lead_new(&lead));
    CHECK_OK(crm_lead_set(lead, "last_name", "Kalnina"));
    CHECK_OK(crm_lead_set(lead, "company_name", "SIA Kalni"));
    CHECK_OK(crm_lead_set(lead, "country", "LV"));
    CHECK_OK(crm_lead_set_custom(lead, "budget", "1200 EUR"));
    CHECK_OK(crm_lead_create(p.db, lead, NULL));
    CHECK_OK(crm_lead_set(lead, "last_name", "Ozola"));
    CHECK_OK(crm_lead_set(lead, "company_name", "UAB Ozolai"));
    CHECK_OK(crm_lead_set(lead, "country", "LT"));
    CHECK_OK(crm_lead_set_custom(lead, "budget", NULL));
    CHECK_OK(crm_lead_create(p.db, lead, NULL));
    crm_lead_free(lead);
  }
  CHECK_OK(crm_query_set_sort_field(query, NULL, 0));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_ID, 0));
  CHECK_OK(crm_lead_select(p.db, "last_name, status, budget", query, &cursor));
  CHECK_OK(crm_cursor_column_count(cursor, &columns));
  CHECK(columns == 3);
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_text(cursor, 0, &text));
  CHECK(same(text, "Kalnina"));
  CHECK_OK(crm_cursor_text(cursor, 1, &text));
  CHECK(same(text, "new"));
  CHECK_OK(crm_cursor_text(cursor, 2, &text));
  CHECK(same(text, "1200.00")); /* a custom money field is a money column: minor units and currency */
  {
    int64_t minor = 0;
    const char *currency = NULL;
    crm_column_type type = CRM_COLUMN_TEXT;
    CHECK_OK(crm_cursor_column(cursor, 2, NULL, &type));
    CHECK(type == CRM_COLUMN_DECIMAL);
    CHECK_OK(crm_cursor_money(cursor, 2, &minor, &currency));
    CHECK(minor == 120000 && same(currency, "EUR"));
    CHECK(crm_cursor_next(cursor) == CRM_ROW);
    CHECK_OK(crm_cursor_money(cursor, 2, &minor, &currency)); /* null: 0 and NULL */
    CHECK(minor == 0 && currency == NULL);
  }
  CHECK_OK(crm_cursor_is_null(cursor, 2, &is_null));
  CHECK(is_null == 1);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_query_set_where(query, "company_name starts with \"uab\""));
  CHECK_OK(crm_lead_select(p.db, "last_name", query, &cursor));
  CHECK(drain(cursor) == 1);
  CHECK_OK(crm_query_set_where(query, NULL));
  CHECK_OK(crm_lead_select(p.db, "last_name", NULL, &cursor));
  CHECK(drain(cursor) == 2);
  cursor = (crm_cursor *)&p;
  CHECK_FAILS(crm_lead_select(p.db, "last_name, nope", NULL, &cursor), CRM_INVALID_ARGUMENT, "nope");
  CHECK(cursor == NULL);
  CHECK_OK(crm_query_set_filter(query, "account", 1));
  CHECK_FAILS(crm_lead_select(p.db, "id", query, &cursor), CRM_INVALID_ARGUMENT, "a list of leads has no such filter");
  CHECK_OK(crm_query_set_filter(query, "account", 0));
  CHECK_FAILS(crm_lead_select(NULL, "id", NULL, &cursor), CRM_MISUSE, "db");
  CHECK_FAILS(crm_lead_select(p.db, NULL, NULL, &cursor), CRM_MISUSE, "columns");
  CHECK_FAILS(crm_lead_select(p.db, "id", NULL, NULL), CRM_MISUSE, "out_cursor");

  CHECK_OK(crm_segment_create(p.db, "lead", "Big budgets", "budget >= 1000 EUR", &segment));
  CHECK_OK(crm_segment_id(segment, &lead_segment));
  crm_segment_free(segment);
  CHECK_OK(crm_segment_select(p.db, lead_segment, "company_name, budget", NULL, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_text(cursor, 0, &text));
  CHECK(same(text, "SIA Kalni"));
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  /* A lead column on a contact segment. */
  CHECK_FAILS(crm_segment_select(p.db, id, "company_name", NULL, &cursor), CRM_INVALID_ARGUMENT, "company_name");

  crm_query_free(query);
  crm_db_free(p.db);
}

/* ---- misuse ---------------------------------------------------------------------- */

static void test_misuse(void) {
  people p = make_people();
  crm_db *db = p.db;
  crm_segment *segment = NULL;
  crm_segment *out = (crm_segment *)&p;
  crm_cursor *cursor = (crm_cursor *)&p;
  crm_segment_kind kind = CRM_SEGMENT_DYNAMIC;
  const crm_segment *at = NULL;
  const char *text = NULL;
  int64_t id = 0, count = 0, member = 0;
  int contains = 0;

  CHECK_OK(crm_segment_create(db, "contact", "Baltics", "country in (\"LV\", \"LT\")", &segment));
  CHECK_OK(crm_segment_id(segment, &id));

  /* NULL handles and out pointers. */
  CHECK_FAILS(crm_segment_id(NULL, &id), CRM_MISUSE, "segment");
  CHECK_FAILS(crm_segment_id(segment, NULL), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_segment_record_kind(NULL, &text), CRM_MISUSE, "segment");
  CHECK_FAILS(crm_segment_record_kind(segment, NULL), CRM_MISUSE, "out_kind");
  CHECK_FAILS(crm_segment_name(NULL, &text), CRM_MISUSE, "segment");
  CHECK_FAILS(crm_segment_name(segment, NULL), CRM_MISUSE, "out_name");
  CHECK_FAILS(crm_segment_get_kind(NULL, &kind), CRM_MISUSE, "segment");
  CHECK_FAILS(crm_segment_get_kind(segment, NULL), CRM_MISUSE, "out_kind");
  CHECK_FAILS(crm_segment_filter(NULL, &text), CRM_MISUSE, "segment");
  CHECK_FAILS(crm_segment_filter(segment, NULL), CRM_MISUSE, "out_filter");
  CHECK_FAILS(crm_segment_version(NULL, &count), CRM_MISUSE, "segment");
  CHECK_FAILS(crm_segment_version(segment, NULL), CRM_MISUSE, "out_version");
  CHECK_FAILS(crm_segment_created_at(NULL, &text), CRM_MISUSE, "segment");
  CHECK_FAILS(crm_segment_created_at(segment, NULL), CRM_MISUSE, "out_instant");
  CHECK_FAILS(crm_segment_updated_at(NULL, &text), CRM_MISUSE, "segment");
  CHECK_FAILS(crm_segment_updated_at(segment, NULL), CRM_MISUSE, "out_instant");
  crm_segment_free(NULL);

  CHECK_FAILS(crm_segment_create(NULL, "contact", "X", "country = \"LV\"", &out), CRM_MISUSE, "db");
  CHECK(out == NULL);
  CHECK_FAILS(crm_segment_create(db, NULL, "X", "country = \"LV\"", NULL), CRM_MISUSE, "record_kind");
  CHECK_FAILS(crm_segment_create(db, "contact", NULL, "country = \"LV\"", NULL), CRM_MISUSE, "name");
  CHECK_FAILS(crm_segment_create(db, "contact", "X", NULL, NULL), CRM_MISUSE, "filter");
  out = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_create_list(NULL, "contact", "X", &out), CRM_MISUSE, "db");
  CHECK(out == NULL);
  CHECK_FAILS(crm_segment_create_list(db, NULL, "X", NULL), CRM_MISUSE, "record_kind");
  CHECK_FAILS(crm_segment_create_list(db, "contact", NULL, NULL), CRM_MISUSE, "name");
  out = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_freeze(NULL, id, "X", &out), CRM_MISUSE, "db");
  CHECK(out == NULL);
  CHECK_FAILS(crm_segment_freeze(db, id, NULL, NULL), CRM_MISUSE, "name");
  out = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_get(NULL, id, &out), CRM_MISUSE, "db");
  CHECK(out == NULL);
  CHECK_FAILS(crm_segment_get(db, id, NULL), CRM_MISUSE, "out_segment");
  out = (crm_segment *)&p;
  CHECK_FAILS(crm_segment_find(NULL, "contact", "Baltics", &out), CRM_MISUSE, "db");
  CHECK(out == NULL);
  CHECK_FAILS(crm_segment_find(db, NULL, "Baltics", &out), CRM_MISUSE, "record_kind");
  CHECK_FAILS(crm_segment_find(db, "contact", NULL, &out), CRM_MISUSE, "name");
  CHECK_FAILS(crm_segment_find(db, "contact", "Baltics", NULL), CRM_MISUSE, "out_segment");
  CHECK_FAILS(crm_segment_list(NULL, NULL, &cursor), CRM_MISUSE, "db");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_segment_list(db, NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_cursor_segment(NULL, &at), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_segment_rename(NULL, id, "X", NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_segment_rename(db, id, NULL, NULL), CRM_MISUSE, "name");
  CHECK_FAILS(crm_segment_set_filter(NULL, id, "country = \"LV\"", NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_segment_set_filter(db, id, NULL, NULL), CRM_MISUSE, "filter");
  CHECK_FAILS(crm_segment_remove(NULL, id), CRM_MISUSE, "db");
  CHECK_FAILS(crm_segment_add_members(NULL, id, &p.anna, 1), CRM_MISUSE, "db");
  CHECK_FAILS(crm_segment_add_members(db, id, NULL, 2), CRM_MISUSE, "record_ids");
  CHECK_FAILS(crm_segment_remove_members(NULL, id, &p.anna, 1), CRM_MISUSE, "db");
  CHECK_FAILS(crm_segment_remove_members(db, id, NULL, 1), CRM_MISUSE, "record_ids");
  CHECK_FAILS(crm_segment_count(NULL, id, &count), CRM_MISUSE, "db");
  CHECK_FAILS(crm_segment_count(db, id, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_segment_contains(NULL, id, p.anna, &contains), CRM_MISUSE, "db");
  CHECK_FAILS(crm_segment_contains(db, id, p.anna, NULL), CRM_MISUSE, "out_contains");
  cursor = (crm_cursor *)&p;
  CHECK_FAILS(crm_segment_members(NULL, id, NULL, &cursor), CRM_MISUSE, "db");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_segment_members(db, id, NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_cursor_segment_member(NULL, &member), CRM_MISUSE, "cursor");
  cursor = (crm_cursor *)&p;
  CHECK_FAILS(crm_segment_select(NULL, id, "id", NULL, &cursor), CRM_MISUSE, "db");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_segment_select(db, id, NULL, NULL, &cursor), CRM_MISUSE, "columns");
  CHECK_FAILS(crm_segment_select(db, id, "id", NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_query_set_segment(NULL, id), CRM_MISUSE, "query");
  CHECK_FAILS(crm_query_set_sort_field(NULL, NULL, 0), CRM_MISUSE, "query");

  /* Cursors made before the handle closes, used after. */
  CHECK_OK(crm_segment_members(db, id, NULL, &cursor));
  {
    crm_cursor *segments = NULL;
    crm_cursor *rows = NULL;
    CHECK_OK(crm_segment_list(db, NULL, &segments));
    CHECK_OK(crm_segment_select(db, id, "id", NULL, &rows));
    crm_db_close(db);
    CHECK_FAILS(crm_cursor_next(cursor), CRM_MISUSE, "closed");
    CHECK_FAILS(crm_cursor_next(segments), CRM_MISUSE, "closed");
    CHECK_FAILS(crm_cursor_segment(segments, &at), CRM_MISUSE, "not on a row");
    CHECK_FAILS(crm_cursor_next(rows), CRM_MISUSE, "closed");
    crm_cursor_free(segments);
    crm_cursor_free(rows);
  }
  crm_cursor_free(cursor);

  /* A closed handle. */
  CHECK_FAILS(crm_segment_create(db, "contact", "X", "country = \"LV\"", NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_create_list(db, "contact", "X", NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_freeze(db, id, "X", NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_get(db, id, &out), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_find(db, "contact", "Baltics", &out), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_list(db, NULL, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_rename(db, id, "X", NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_set_filter(db, id, "country = \"LV\"", NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_remove(db, id), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_add_members(db, id, &p.anna, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_remove_members(db, id, &p.anna, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_count(db, id, &count), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_contains(db, id, p.anna, &contains), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_members(db, id, NULL, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_segment_select(db, id, "id", NULL, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_select(db, "id", NULL, &cursor), CRM_MISUSE, "closed");

  /* The segment handle outlives the connection. */
  CHECK_OK(crm_segment_name(segment, &text));
  CHECK(same(text, "Baltics"));
  crm_segment_free(segment);
  crm_db_free(db);
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc != 2) {
    fprintf(stderr, "usage: crm_capi_segment_test SCRATCH_DIR\n");
    return 2;
  }
  test_normalize();
  test_check_and_count();
  test_long_lists_and_limits();
  test_query_where();
  test_query_sort_field();
  test_dynamic_segment();
  test_segment_catalog();
  test_static_lists();
  test_members_paging();
  test_select();
  test_misuse();
  return check_report("crm_capi_segment_test");
}
