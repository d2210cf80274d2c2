/*
 * Tests of custom fields through the C ABI, written in C99: definitions
 * (define, get, find, list, update, remove), values on every record kind set
 * and read as text, the library's validation of those values (unknown
 * names, wrong types, unlisted choices, required fields and defaults), and
 * misuse (NULL handles and pointers, a closed handle, a wrong cursor), each
 * time with the status, crm_last_error()'s code and its message.
 *
 *   crm_capi_custom_test SCRATCH_DIR
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

/* Defines a field of type on record_kind with the choices (NULL-terminated,
   may be NULL) and default (may be NULL); returns its id. */
static int64_t define(crm_db *db, const char *record_kind, const char *name, const char *type,
                      const char *const *choices, const char *default_value, int required) {
  crm_custom_field *field = NULL;
  crm_custom_field *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_custom_field_new(name, type, &field));
  for (; choices != NULL && *choices != NULL; ++choices) CHECK_OK(crm_custom_field_add_choice(field, *choices));
  if (default_value != NULL) CHECK_OK(crm_custom_field_set_default(field, default_value));
  CHECK_OK(crm_custom_field_set_required(field, required));
  CHECK_OK(crm_custom_field_define(db, record_kind, field, &created));
  CHECK_OK(crm_custom_field_id(created, &id));
  CHECK(id > 0);
  crm_custom_field_free(field);
  crm_custom_field_free(created);
  return id;
}

/* The contact's value of name must read as expected. */
static void expect_contact(const crm_contact *contact, const char *name, const char *expected, int line) {
  const char *value = NULL;
  crm_status status = crm_contact_get_custom(contact, name, &value);
  if (status != CRM_OK || !same(value, expected)) {
    fprintf(stderr, "%s:%d: contact custom %s is \"%s\" (%s), expected \"%s\"\n", __FILE__, line, name,
            value ? value : "(null)", crm_status_name(status), expected);
    ++check_failures;
  }
}
#define EXPECT_CONTACT(contact, name, expected) expect_contact((contact), (name), (expected), __LINE__)

static const char *const kTiers[] = {"Gold", "Silver", NULL};
static const char *const kLanguages[] = {"en", "lv", "de", NULL};

/* ---- definitions -------------------------------------------------------- */

static void test_definitions(void) {
  crm_db *db = open_memory();
  crm_custom_field *field = NULL;
  crm_custom_field *created = NULL;
  crm_custom_field *found = NULL;
  crm_cursor *cursor = NULL;
  const crm_custom_field *at = NULL;
  const crm_contact *not_a_contact = NULL;
  const char *text = NULL;
  int64_t id = 0;
  int64_t tier_id = 0;
  int number = 0;
  size_t count = 0;

  /* A field handle before it is defined. */
  CHECK_OK(crm_custom_field_new("tier", "choice", &field));
  CHECK_OK(crm_custom_field_add_choice(field, "Gold"));
  CHECK_OK(crm_custom_field_add_choice(field, "Silver"));
  CHECK_OK(crm_custom_field_set_default(field, "silver"));
  CHECK_OK(crm_custom_field_set_indexed(field, 1));
  CHECK_OK(crm_custom_field_id(field, &id));
  CHECK(id == 0);
  CHECK_OK(crm_custom_field_record_kind(field, &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_custom_field_position(field, &number));
  CHECK(number == 0);
  CHECK_OK(crm_custom_field_created_at(field, &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_custom_field_default(field, &text));
  CHECK(same(text, "silver"));

  CHECK_OK(crm_custom_field_define(db, "contact", field, &created));
  CHECK_OK(crm_custom_field_id(created, &tier_id));
  CHECK(tier_id > 0);
  CHECK_OK(crm_custom_field_name(created, &text));
  CHECK(same(text, "tier"));
  CHECK_OK(crm_custom_field_type(created, &text));
  CHECK(same(text, "choice"));
  CHECK_OK(crm_custom_field_record_kind(created, &text));
  CHECK(same(text, "contact"));
  CHECK_OK(crm_custom_field_position(created, &number));
  CHECK(number == 1);
  CHECK_OK(crm_custom_field_choice_count(created, &count));
  CHECK(count == 2);
  CHECK_OK(crm_custom_field_choice(created, 1, &text));
  CHECK(same(text, "Silver"));
  CHECK_FAILS(crm_custom_field_choice(created, 2, &text), CRM_NOT_FOUND, "index 2");
  CHECK_OK(crm_custom_field_required(created, &number));
  CHECK(number == 0);
  CHECK_OK(crm_custom_field_indexed(created, &number));
  CHECK(number == 1);
  CHECK_OK(crm_custom_field_default(created, &text));
  CHECK(same(text, "Silver")); /* the library spells the choice as defined */
  CHECK_OK(crm_custom_field_created_at(created, &text));
  CHECK(text != NULL && strlen(text) >= 20 && text[4] == '-');
  crm_custom_field_free(created);
  created = NULL;

  /* The same name again, ignoring case, on the same kind; fine on another. */
  CHECK_OK(crm_custom_field_set_name(field, "TIER"));
  CHECK_FAILS(crm_custom_field_define(db, "contact", field, &created), CRM_ALREADY_EXISTS, "TIER");
  CHECK(created == NULL);
  CHECK_OK(crm_custom_field_define(db, "account", field, NULL));
  crm_custom_field_free(field);

  /* Names of kinds and types are checked. */
  CHECK_FAILS(crm_custom_field_new("x", "number", &field), CRM_INVALID_ARGUMENT, "'number' is not a custom field type");
  CHECK(field == NULL);
  CHECK_OK(crm_custom_field_new("score", "integer", &field));
  CHECK_FAILS(crm_custom_field_define(db, "contacts", field, NULL), CRM_INVALID_ARGUMENT,
              "'contacts' is not a kind of record");
  CHECK(same(crm_last_error()->field, "record_kind"));
  /* Defaults read as the field's type when set. */
  CHECK_FAILS(crm_custom_field_set_default(field, "abc"), CRM_INVALID_ARGUMENT, "custom_field.default_value");
  CHECK_OK(crm_custom_field_default(field, &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_custom_field_set_default(field, " 7 "));
  CHECK_OK(crm_custom_field_default(field, &text));
  CHECK(same(text, "7"));
  CHECK_OK(crm_custom_field_set_default(field, NULL));
  CHECK_OK(crm_custom_field_default(field, &text));
  CHECK(same(text, ""));
  /* Choices only on choice fields; a bad name is the library's to report. */
  CHECK_OK(crm_custom_field_add_choice(field, "one"));
  CHECK_FAILS(crm_custom_field_define(db, "contact", field, NULL), CRM_INVALID_ARGUMENT, "choices");
  CHECK_OK(crm_custom_field_clear_choices(field));
  CHECK_OK(crm_custom_field_choice_count(field, &count));
  CHECK(count == 0);
  /* A name of the wrong shape is refused when set, as by crm_custom_field_new(). */
  CHECK_FAILS(crm_custom_field_set_name(field, "1score"), CRM_INVALID_ARGUMENT, "custom_field.name");
  CHECK_FAILS(crm_custom_field_set_name(field, "loyalty level"), CRM_INVALID_ARGUMENT, "is not a field name");
  CHECK_OK(crm_custom_field_name(field, &text));
  CHECK(same(text, "score"));
  /* A built-in name has the right shape; only the record kind refuses it. */
  CHECK_OK(crm_custom_field_set_name(field, "first_name"));
  CHECK_FAILS(crm_custom_field_define(db, "contact", field, NULL), CRM_INVALID_ARGUMENT, "custom_field.name");
  CHECK_OK(crm_custom_field_set_name(field, "score"));
  CHECK_OK(crm_custom_field_define(db, "contact", field, NULL));
  crm_custom_field_free(field);
  field = NULL;
  define(db, "contact", "ratio", "decimal", NULL, "1.50", 0);

  /* find: ignoring case; NULL and CRM_OK when there is none. */
  CHECK_OK(crm_custom_field_find(db, "contact", "RATIO", &found));
  CHECK(found != NULL);
  CHECK_OK(crm_custom_field_default(found, &text));
  CHECK(same(text, "1.5"));
  CHECK_OK(crm_custom_field_type(found, &text));
  CHECK(same(text, "decimal"));
  crm_custom_field_free(found);
  found = NULL;
  CHECK_OK(crm_custom_field_find(db, "lead", "ratio", &found));
  CHECK(found == NULL);
  CHECK_FAILS(crm_custom_field_find(db, "deal", "ratio", &found), CRM_INVALID_ARGUMENT, "kinds: account, contact");

  /* get */
  CHECK_OK(crm_custom_field_get(db, tier_id, &found));
  CHECK_OK(crm_custom_field_name(found, &text));
  CHECK(same(text, "tier"));
  crm_custom_field_free(found);
  CHECK_FAILS(crm_custom_field_get(db, 9999, &found), CRM_NOT_FOUND, "9999");
  CHECK(found == NULL);

  /* list: in order, and only the kind asked for. */
  CHECK_OK(crm_custom_field_list(db, "contact", &cursor));
  {
    const char *expected[] = {"tier", "score", "ratio"};
    int rows = 0;
    crm_status status;
    while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
      CHECK_OK(crm_cursor_custom_field(cursor, &at));
      CHECK_OK(crm_custom_field_name(at, &text));
      if (rows < 3) CHECK(same(text, expected[rows]));
      CHECK_OK(crm_custom_field_position(at, &number));
      CHECK(number == rows + 1);
      if (rows == 0) CHECK_FAILS(crm_cursor_contact(cursor, &not_a_contact), CRM_MISUSE, "another kind");
      ++rows;
    }
    CHECK(status == CRM_DONE);
    CHECK(rows == 3);
  }
  CHECK_FAILS(crm_cursor_custom_field(cursor, &at), CRM_MISUSE, "not on a row");
  crm_cursor_free(cursor);
  CHECK_OK(crm_custom_field_list(db, "account", &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_custom_field_list(db, "activity", &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);

  /* update: a renamed field keeps its place; the type cannot change. */
  CHECK_OK(crm_custom_field_get(db, tier_id, &found));
  CHECK_OK(crm_custom_field_set_name(found, "level"));
  CHECK_OK(crm_custom_field_set_required(found, 1));
  CHECK_OK(crm_custom_field_set_indexed(found, 0));
  CHECK_OK(crm_custom_field_update(db, found, &created));
  CHECK_OK(crm_custom_field_name(created, &text));
  CHECK(same(text, "level"));
  CHECK_OK(crm_custom_field_required(created, &number));
  CHECK(number == 1);
  CHECK_OK(crm_custom_field_indexed(created, &number));
  CHECK(number == 0);
  CHECK_OK(crm_custom_field_id(created, &id));
  CHECK(id == tier_id);
  crm_custom_field_free(created);
  crm_custom_field_free(found);
  CHECK_OK(crm_custom_field_find(db, "contact", "tier", &found));
  CHECK(found == NULL);

  /* remove */
  CHECK_OK(crm_custom_field_remove(db, tier_id));
  CHECK_FAILS(crm_custom_field_get(db, tier_id, &found), CRM_NOT_FOUND, "");
  CHECK_FAILS(crm_custom_field_remove(db, tier_id), CRM_NOT_FOUND, "");

  crm_db_free(db);
}

/* ---- values on contacts ------------------------------------------------- */

static void test_contact_values(void) {
  crm_db *db = open_memory();
  crm_contact *data = NULL;
  crm_contact *created = NULL;
  crm_contact *read = NULL;
  crm_contact *updated = NULL;
  crm_custom_field *field = NULL;
  const char *text = NULL;
  size_t count = 0;
  int64_t id = 0;
  int64_t score_id = 0;
  int64_t vip_id = 0;
  int64_t tier_id = 0;

  tier_id = define(db, "contact", "tier", "choice", kTiers, NULL, 0);
  score_id = define(db, "contact", "score", "integer", NULL, NULL, 0);
  define(db, "contact", "ratio", "decimal", NULL, NULL, 0);
  define(db, "contact", "budget", "money", NULL, NULL, 0);
  define(db, "contact", "since", "date", NULL, NULL, 0);
  vip_id = define(db, "contact", "vip", "boolean", NULL, NULL, 0);
  define(db, "contact", "langs", "choices", kLanguages, NULL, 0);
  define(db, "contact", "note", "text", NULL, NULL, 0);
  define(db, "contact", "segment", "text", NULL, "retail", 1);

  /* Values are kept as given until the record is stored. */
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "last_name", "Ozola"));
  CHECK_OK(crm_contact_set_custom(data, "tier", "gold"));
  CHECK_OK(crm_contact_set_custom(data, "score", "42"));
  CHECK_OK(crm_contact_set_custom(data, "ratio", "012.50"));
  CHECK_OK(crm_contact_set_custom(data, "budget", "1200.00 EUR"));
  CHECK_OK(crm_contact_set_custom(data, "since", "2025-01-31"));
  CHECK_OK(crm_contact_set_custom(data, "vip", "yes"));
  CHECK_OK(crm_contact_set_custom(data, "langs", "lv;EN"));
  CHECK_OK(crm_contact_set_custom(data, "note", "first"));
  CHECK_OK(crm_contact_set_custom(data, "NOTE", "Prefers mornings"));  /* replaces "note" */
  EXPECT_CONTACT(data, "ratio", "012.50");
  EXPECT_CONTACT(data, "note", "Prefers mornings");
  EXPECT_CONTACT(data, "segment", "");
  CHECK_OK(crm_contact_custom_count(data, &count));
  CHECK(count == 8);
  CHECK_OK(crm_contact_set_custom(data, "segment", "x"));
  CHECK_OK(crm_contact_set_custom(data, "segment", NULL));  /* removes it again */
  CHECK_OK(crm_contact_set_custom(data, "since", ""));
  CHECK_OK(crm_contact_custom_count(data, &count));
  CHECK(count == 7);
  CHECK_OK(crm_contact_set_custom(data, "since", "2025-01-31"));

  /* Stored, they read back in canonical form; the default fills segment. */
  CHECK_OK(crm_contact_create(db, data, &created));
  CHECK_OK(crm_contact_id(created, &id));
  EXPECT_CONTACT(created, "tier", "Gold");
  EXPECT_CONTACT(created, "ratio", "12.5");
  EXPECT_CONTACT(created, "segment", "retail");
  crm_contact_free(created);
  CHECK_OK(crm_contact_get(db, id, &read));
  EXPECT_CONTACT(read, "tier", "Gold");
  EXPECT_CONTACT(read, "TIER", "Gold");
  /* select() gives a custom money field as money: minor units and its
     currency, the exact decimal as text, never a double */
  {
    crm_cursor *cursor = NULL;
    crm_column_type type = CRM_COLUMN_TEXT;
    int64_t row_id = 0, minor = 0;
    const char *currency = NULL, *amount = NULL;
    double real = 0;
    int rows = 0;
    CHECK_OK(crm_contact_select(db, "id, budget", NULL, &cursor));
    CHECK_OK(crm_cursor_column(cursor, 1, NULL, &type));
    CHECK(type == CRM_COLUMN_DECIMAL);
    while (crm_cursor_next(cursor) == CRM_ROW) {
      CHECK_OK(crm_cursor_int64(cursor, 0, &row_id));
      if (row_id != id) continue;
      ++rows;
      CHECK_OK(crm_cursor_money(cursor, 1, &minor, &currency));
      CHECK(minor == 120000 && same(currency, "EUR"));
      CHECK_OK(crm_cursor_text(cursor, 1, &amount));
      CHECK(same(amount, "1200.00"));
      CHECK_FAILS(crm_cursor_double(cursor, 1, &real), CRM_INVALID_ARGUMENT, "budget");
      CHECK_FAILS(crm_cursor_money(cursor, 0, &minor, &currency), CRM_INVALID_ARGUMENT, "not money");
    }
    CHECK(rows == 1);
    crm_cursor_free(cursor);
  }
  EXPECT_CONTACT(read, "score", "42");
  EXPECT_CONTACT(read, "ratio", "12.5");
  EXPECT_CONTACT(read, "budget", "1200.00 EUR");
  EXPECT_CONTACT(read, "since", "2025-01-31");
  EXPECT_CONTACT(read, "vip", "true");
  EXPECT_CONTACT(read, "langs", "lv;en");
  EXPECT_CONTACT(read, "note", "Prefers mornings");
  EXPECT_CONTACT(read, "segment", "retail");
  EXPECT_CONTACT(read, "nothing", "");
  CHECK_OK(crm_contact_custom_count(read, &count));
  CHECK(count == 9);
  CHECK_OK(crm_contact_custom_name(read, 0, &text));
  CHECK(same(text, "budget"));
  CHECK_OK(crm_contact_custom_name(read, 8, &text));
  CHECK(same(text, "vip"));
  CHECK_FAILS(crm_contact_custom_name(read, 9, &text), CRM_NOT_FOUND, "index 9");

  /* Update: a changed value is read as its type; a removed one is gone. */
  CHECK_OK(crm_contact_set_custom(read, "score", " 43 "));
  CHECK_OK(crm_contact_set_custom(read, "note", NULL));
  CHECK_OK(crm_contact_update(db, read, &updated));
  EXPECT_CONTACT(updated, "score", "43");
  EXPECT_CONTACT(updated, "note", "");
  EXPECT_CONTACT(updated, "tier", "Gold");
  CHECK_OK(crm_contact_custom_count(updated, &count));
  CHECK(count == 8);
  crm_contact_free(read);
  read = updated;
  updated = NULL;

  /* A required field cannot lose its value; the record stays as stored. */
  CHECK_OK(crm_contact_set_custom(read, "segment", ""));
  CHECK_FAILS(crm_contact_update(db, read, &updated), CRM_INVALID_ARGUMENT, "is required");
  CHECK(same(crm_last_error()->field, "contact.custom.segment"));
  CHECK(updated == NULL);
  CHECK_OK(crm_contact_set_custom(read, "segment", "wholesale"));
  CHECK_OK(crm_contact_update(db, read, &updated));
  EXPECT_CONTACT(updated, "segment", "wholesale");
  crm_contact_free(read);
  read = updated;
  updated = NULL;

  /* Renaming a field keeps the values under the new name. */
  CHECK_OK(crm_custom_field_get(db, score_id, &field));
  CHECK_OK(crm_custom_field_set_name(field, "points"));
  CHECK_OK(crm_custom_field_update(db, field, NULL));
  crm_custom_field_free(field);
  crm_contact_free(read);
  CHECK_OK(crm_contact_get(db, id, &read));
  EXPECT_CONTACT(read, "points", "43");
  EXPECT_CONTACT(read, "score", "");

  /* A choice still in use cannot be dropped. */
  CHECK_OK(crm_custom_field_get(db, tier_id, &field));
  CHECK_OK(crm_custom_field_clear_choices(field));
  CHECK_OK(crm_custom_field_add_choice(field, "Silver"));
  CHECK_FAILS(crm_custom_field_update(db, field, NULL), CRM_CONFLICT, "Gold");
  crm_custom_field_free(field);

  /* Removing a field drops its values from the records. */
  CHECK_OK(crm_custom_field_remove(db, vip_id));
  crm_contact_free(read);
  CHECK_OK(crm_contact_get(db, id, &read));
  EXPECT_CONTACT(read, "vip", "");
  EXPECT_CONTACT(read, "tier", "Gold");
  CHECK_OK(crm_contact_custom_count(read, &count));
  CHECK(count == 7);
  crm_contact_free(read);
  read = NULL;
  crm_contact_free(data);

  /* Errors of the library: unknown names with the nearest one, values that
     do not read as the field's type, unlisted choices. */
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "last_name", "Liepa"));
  CHECK_OK(crm_contact_set_custom(data, "tiers", "Gold"));
  CHECK_FAILS(crm_contact_create(db, data, &created), CRM_INVALID_ARGUMENT, "did you mean 'tier'");
  CHECK(same(crm_last_error()->field, "contact.custom.tiers"));
  CHECK(created == NULL);
  CHECK_OK(crm_contact_set_custom(data, "tiers", NULL));
  CHECK_OK(crm_contact_set_custom(data, "points", "abc"));
  CHECK_FAILS(crm_contact_create(db, data, &created), CRM_INVALID_ARGUMENT, "abc");
  CHECK(same(crm_last_error()->field, "contact.custom.points"));
  CHECK_OK(crm_contact_set_custom(data, "points", "7"));
  CHECK_OK(crm_contact_set_custom(data, "ratio", "1.2.3"));
  CHECK_FAILS(crm_contact_create(db, data, &created), CRM_INVALID_ARGUMENT, "contact.custom.ratio");
  CHECK_OK(crm_contact_set_custom(data, "ratio", NULL));
  CHECK_OK(crm_contact_set_custom(data, "since", "31.01.2025"));
  CHECK_FAILS(crm_contact_create(db, data, &created), CRM_INVALID_ARGUMENT, "contact.custom.since");
  CHECK_OK(crm_contact_set_custom(data, "since", NULL));
  CHECK_OK(crm_contact_set_custom(data, "tier", "Platinum"));
  CHECK_FAILS(crm_contact_create(db, data, &created), CRM_INVALID_ARGUMENT, "Platinum");
  CHECK_OK(crm_contact_set_custom(data, "tier", "silver"));
  CHECK_OK(crm_contact_set_custom(data, "langs", "en;fr"));
  CHECK_FAILS(crm_contact_create(db, data, &created), CRM_INVALID_ARGUMENT, "fr");
  CHECK_OK(crm_contact_set_custom(data, "langs", NULL));
  CHECK_OK(crm_contact_create(db, data, &created));
  EXPECT_CONTACT(created, "tier", "Silver");
  EXPECT_CONTACT(created, "points", "7");
  EXPECT_CONTACT(created, "segment", "retail");
  crm_contact_free(created);
  crm_contact_free(data);

  /* With no custom fields defined, an unknown name still fails. */
  {
    crm_db *empty = open_memory();
    CHECK_OK(crm_contact_new(&data));
    CHECK_OK(crm_contact_set(data, "last_name", "Koks"));
    CHECK_OK(crm_contact_set_custom(data, "tier", "Gold"));
    CHECK_FAILS(crm_contact_create(empty, data, NULL), CRM_INVALID_ARGUMENT, "no such custom field");
    crm_contact_free(data);
    crm_db_free(empty);
  }
  crm_db_free(db);
}

/* ---- values on the other record kinds ----------------------------------- */

static void test_other_records(void) {
  crm_db *db = open_memory();
  crm_account *account = NULL;
  crm_account *stored_account = NULL;
  crm_lead *lead = NULL;
  crm_lead *stored_lead = NULL;
  crm_opportunity *deal = NULL;
  crm_opportunity *stored_deal = NULL;
  crm_activity *activity = NULL;
  crm_activity *stored_activity = NULL;
  crm_contact *person = NULL;
  crm_contact *contact = NULL;
  const char *text = NULL;
  size_t count = 0;
  int64_t account_id = 0;
  int64_t contact_id = 0;
  int64_t lead_id = 0;
  int64_t deal_id = 0;

  define(db, "account", "rating", "integer", NULL, NULL, 0);
  define(db, "account", "tier", "choice", kTiers, NULL, 0);
  define(db, "lead", "budget", "money", NULL, NULL, 0);
  define(db, "opportunity", "margin", "decimal", NULL, NULL, 0);
  define(db, "activity", "billable", "boolean", NULL, "no", 0);
  define(db, "contact", "langs", "choices", kLanguages, NULL, 0);

  /* Accounts */
  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_account_set(account, "name", "SIA Koks"));
  CHECK_OK(crm_account_set_custom(account, "rating", "7"));
  CHECK_OK(crm_account_set_custom(account, "tier", "silver"));
  CHECK_OK(crm_account_custom_count(account, &count));
  CHECK(count == 2);
  CHECK_OK(crm_account_create(db, account, &stored_account));
  CHECK_OK(crm_account_id(stored_account, &account_id));
  CHECK_OK(crm_account_get_custom(stored_account, "tier", &text));
  CHECK(same(text, "Silver"));
  CHECK_OK(crm_account_custom_name(stored_account, 0, &text));
  CHECK(same(text, "rating"));
  CHECK_FAILS(crm_account_custom_name(stored_account, 2, &text), CRM_NOT_FOUND, "index 2");
  CHECK_OK(crm_account_set_custom(stored_account, "rating", "x"));
  CHECK_FAILS(crm_account_update(db, stored_account, NULL), CRM_INVALID_ARGUMENT, "account.custom.rating");
  CHECK_OK(crm_account_set_custom(stored_account, "rating", "8"));
  crm_account_free(account);
  CHECK_OK(crm_account_update(db, stored_account, &account));
  CHECK_OK(crm_account_get_custom(account, "rating", &text));
  CHECK(same(text, "8"));
  crm_account_free(account);
  crm_account_free(stored_account);
  /* A contact field is not an account field. */
  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_account_set(account, "name", "SIA Celms"));
  CHECK_OK(crm_account_set_custom(account, "langs", "en"));
  CHECK_FAILS(crm_account_create(db, account, NULL), CRM_INVALID_ARGUMENT, "no such custom field on accounts");
  crm_account_free(account);

  /* Leads */
  CHECK_OK(crm_lead_new(&lead));
  CHECK_OK(crm_lead_set(lead, "last_name", "Bērziņa"));
  CHECK_OK(crm_lead_set_custom(lead, "budget", "1500 EUR"));
  CHECK_OK(crm_lead_custom_count(lead, &count));
  CHECK(count == 1);
  CHECK_OK(crm_lead_custom_name(lead, 0, &text));
  CHECK(same(text, "budget"));
  CHECK_OK(crm_lead_create(db, lead, &stored_lead));
  CHECK_OK(crm_lead_get_int(stored_lead, "id", &lead_id));
  CHECK_OK(crm_lead_get_custom(stored_lead, "budget", &text));
  CHECK(same(text, "1500.00 EUR"));
  CHECK_OK(crm_lead_set_custom(stored_lead, "budget", "2000.50 EUR"));
  crm_lead_free(lead);
  CHECK_OK(crm_lead_update(db, stored_lead, &lead));
  CHECK_OK(crm_lead_get_custom(lead, "budget", &text));
  CHECK(same(text, "2000.50 EUR"));
  crm_lead_free(lead);
  crm_lead_free(stored_lead);

  /* Deals */
  CHECK_OK(crm_opportunity_new(&deal));
  CHECK_OK(crm_opportunity_set(deal, "name", "Oak floors"));
  CHECK_OK(crm_opportunity_set_int(deal, "account", account_id));
  CHECK_OK(crm_opportunity_set_amount(deal, 100000, "EUR"));
  CHECK_OK(crm_opportunity_set_custom(deal, "margin", "0.250"));
  CHECK_OK(crm_opportunity_create(db, deal, &stored_deal));
  CHECK_OK(crm_opportunity_get_int(stored_deal, "id", &deal_id));
  CHECK_OK(crm_opportunity_get_custom(stored_deal, "margin", &text));
  CHECK(same(text, "0.25"));
  CHECK_OK(crm_opportunity_custom_count(stored_deal, &count));
  CHECK(count == 1);
  CHECK_OK(crm_opportunity_custom_name(stored_deal, 0, &text));
  CHECK(same(text, "margin"));
  CHECK_OK(crm_opportunity_set_custom(stored_deal, "margin", "-3"));
  crm_opportunity_free(deal);
  CHECK_OK(crm_opportunity_update(db, stored_deal, &deal));
  CHECK_OK(crm_opportunity_get_custom(deal, "margin", &text));
  CHECK(same(text, "-3"));
  crm_opportunity_free(deal);
  crm_opportunity_free(stored_deal);

  /* Activities: the default fills in on create. */
  CHECK_OK(crm_activity_new(&activity));
  CHECK_OK(crm_activity_set(activity, "subject", "Call back"));
  CHECK_OK(crm_activity_set_int(activity, "opportunity", deal_id));
  CHECK_OK(crm_activity_create(db, activity, &stored_activity));
  CHECK_OK(crm_activity_get_custom(stored_activity, "billable", &text));
  CHECK(same(text, "false"));
  CHECK_OK(crm_activity_custom_count(stored_activity, &count));
  CHECK(count == 1);
  CHECK_OK(crm_activity_custom_name(stored_activity, 0, &text));
  CHECK(same(text, "billable"));
  CHECK_OK(crm_activity_set_custom(stored_activity, "Billable", "1"));
  crm_activity_free(activity);
  CHECK_OK(crm_activity_update(db, stored_activity, &activity));
  CHECK_OK(crm_activity_get_custom(activity, "billable", &text));
  CHECK(same(text, "true"));
  CHECK_OK(crm_activity_custom_count(activity, &count));
  CHECK(count == 1);
  crm_activity_free(activity);
  crm_activity_free(stored_activity);

  /* Lead conversion reads the values of the records it creates. */
  CHECK_OK(crm_lead_new(&lead));
  CHECK_OK(crm_lead_set(lead, "last_name", "Kalns"));
  CHECK_OK(crm_lead_set(lead, "company_name", "SIA Kalni"));
  CHECK_OK(crm_lead_create(db, lead, &stored_lead));
  CHECK_OK(crm_lead_get_int(stored_lead, "id", &lead_id));
  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_account_set(account, "name", "SIA Kalni"));
  CHECK_OK(crm_account_set_custom(account, "tier", "GOLD"));
  CHECK_OK(crm_contact_new(&person));
  CHECK_OK(crm_contact_set(person, "last_name", "Kalns"));
  CHECK_OK(crm_contact_set_custom(person, "langs", "de"));
  CHECK_OK(crm_lead_convert(db, lead_id, 0, account, 0, person, NULL, &account_id, &contact_id, NULL));
  crm_account_free(account);
  CHECK_OK(crm_account_get(db, account_id, &account));
  CHECK_OK(crm_account_get_custom(account, "tier", &text));
  CHECK(same(text, "Gold"));
  CHECK_OK(crm_contact_get(db, contact_id, &contact));
  EXPECT_CONTACT(contact, "langs", "de");
  crm_account_free(account);
  crm_contact_free(contact);
  crm_contact_free(person);
  crm_lead_free(lead);
  crm_lead_free(stored_lead);

  crm_db_free(db);
}

/* ---- misuse ------------------------------------------------------------- */

static void test_misuse(void) {
  crm_db *db = open_memory();
  crm_custom_field *field = NULL;
  crm_custom_field *out = NULL;
  crm_cursor *cursor = NULL;
  crm_account *account = NULL;
  crm_contact *contact = NULL;
  crm_lead *lead = NULL;
  crm_opportunity *deal = NULL;
  crm_activity *activity = NULL;
  const crm_custom_field *at = NULL;
  const char *text = NULL;
  int number = 0;
  int64_t id = 0;
  size_t count = 0;

  CHECK_OK(crm_custom_field_new("score", "integer", &field));
  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_contact_new(&contact));
  CHECK_OK(crm_lead_new(&lead));
  CHECK_OK(crm_opportunity_new(&deal));
  CHECK_OK(crm_activity_new(&activity));

  CHECK_FAILS(crm_custom_field_new(NULL, "text", &out), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_custom_field_new("x", NULL, &out), CRM_MISUSE, "type must not be NULL");
  CHECK_FAILS(crm_custom_field_new("x", "text", NULL), CRM_MISUSE, "out_field must not be NULL");
  CHECK_FAILS(crm_custom_field_set_name(NULL, "x"), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_set_name(field, NULL), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_custom_field_add_choice(NULL, "x"), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_add_choice(field, NULL), CRM_MISUSE, "choice must not be NULL");
  CHECK_FAILS(crm_custom_field_clear_choices(NULL), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_set_required(NULL, 1), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_set_indexed(NULL, 1), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_set_default(NULL, "1"), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_id(NULL, &id), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_id(field, NULL), CRM_MISUSE, "out_id must not be NULL");
  CHECK_FAILS(crm_custom_field_name(NULL, &text), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_name(field, NULL), CRM_MISUSE, "out_name must not be NULL");
  CHECK_FAILS(crm_custom_field_type(NULL, &text), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_type(field, NULL), CRM_MISUSE, "out_type must not be NULL");
  CHECK_FAILS(crm_custom_field_record_kind(NULL, &text), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_record_kind(field, NULL), CRM_MISUSE, "out_kind must not be NULL");
  CHECK_FAILS(crm_custom_field_position(NULL, &number), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_position(field, NULL), CRM_MISUSE, "out_position must not be NULL");
  CHECK_FAILS(crm_custom_field_choice_count(NULL, &count), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_choice_count(field, NULL), CRM_MISUSE, "out_count must not be NULL");
  CHECK_FAILS(crm_custom_field_choice(NULL, 0, &text), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_choice(field, 0, NULL), CRM_MISUSE, "out_choice must not be NULL");
  CHECK_FAILS(crm_custom_field_choice(field, 0, &text), CRM_NOT_FOUND, "index 0");
  CHECK_FAILS(crm_custom_field_required(NULL, &number), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_required(field, NULL), CRM_MISUSE, "out_required must not be NULL");
  CHECK_FAILS(crm_custom_field_indexed(NULL, &number), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_indexed(field, NULL), CRM_MISUSE, "out_indexed must not be NULL");
  CHECK_FAILS(crm_custom_field_default(NULL, &text), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_default(field, NULL), CRM_MISUSE, "out_value must not be NULL");
  CHECK_FAILS(crm_custom_field_created_at(NULL, &text), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_created_at(field, NULL), CRM_MISUSE, "out_instant must not be NULL");

  CHECK_FAILS(crm_custom_field_define(NULL, "contact", field, &out), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_custom_field_define(db, NULL, field, &out), CRM_MISUSE, "record_kind must not be NULL");
  CHECK_FAILS(crm_custom_field_define(db, "contact", NULL, &out), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_get(NULL, 1, &out), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_custom_field_get(db, 1, NULL), CRM_MISUSE, "out_field must not be NULL");
  CHECK_FAILS(crm_custom_field_find(NULL, "contact", "x", &out), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_custom_field_find(db, NULL, "x", &out), CRM_MISUSE, "record_kind must not be NULL");
  CHECK_FAILS(crm_custom_field_find(db, "contact", NULL, &out), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_custom_field_find(db, "contact", "x", NULL), CRM_MISUSE, "out_field must not be NULL");
  CHECK_FAILS(crm_custom_field_list(NULL, "contact", &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_custom_field_list(db, NULL, &cursor), CRM_MISUSE, "record_kind must not be NULL");
  CHECK_FAILS(crm_custom_field_list(db, "contact", NULL), CRM_MISUSE, "out_cursor must not be NULL");
  CHECK_FAILS(crm_cursor_custom_field(NULL, &at), CRM_MISUSE, "cursor must not be NULL");
  CHECK_OK(crm_contact_list(db, NULL, &cursor));
  CHECK_FAILS(crm_cursor_custom_field(cursor, NULL), CRM_MISUSE, "out_field must not be NULL");
  CHECK_FAILS(crm_cursor_custom_field(cursor, &at), CRM_MISUSE, "another kind");
  crm_cursor_free(cursor);
  CHECK_FAILS(crm_custom_field_update(NULL, field, &out), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_custom_field_update(db, NULL, &out), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_custom_field_update(db, field, &out), CRM_NOT_FOUND, "");  /* never defined */
  CHECK_FAILS(crm_custom_field_remove(NULL, 1), CRM_MISUSE, "db must not be NULL");

  /* The record functions */
  CHECK_FAILS(crm_account_set_custom(NULL, "x", "1"), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_account_set_custom(account, NULL, "1"), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_account_set_custom(account, "", "1"), CRM_INVALID_ARGUMENT, "must not be empty");
  CHECK_FAILS(crm_account_get_custom(NULL, "x", &text), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_account_get_custom(account, NULL, &text), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_account_get_custom(account, "x", NULL), CRM_MISUSE, "out_value must not be NULL");
  CHECK_FAILS(crm_account_custom_count(NULL, &count), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_account_custom_count(account, NULL), CRM_MISUSE, "out_count must not be NULL");
  CHECK_FAILS(crm_account_custom_name(NULL, 0, &text), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_account_custom_name(account, 0, NULL), CRM_MISUSE, "out_name must not be NULL");
  CHECK_FAILS(crm_account_custom_name(account, 0, &text), CRM_NOT_FOUND, "index 0");
  CHECK_FAILS(crm_contact_set_custom(NULL, "x", "1"), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_contact_set_custom(contact, NULL, "1"), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_contact_get_custom(NULL, "x", &text), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_contact_get_custom(contact, "x", NULL), CRM_MISUSE, "out_value must not be NULL");
  CHECK_FAILS(crm_contact_custom_count(NULL, &count), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_contact_custom_name(contact, 0, NULL), CRM_MISUSE, "out_name must not be NULL");
  CHECK_FAILS(crm_lead_set_custom(NULL, "x", "1"), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_lead_set_custom(lead, NULL, "1"), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_lead_get_custom(NULL, "x", &text), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_lead_get_custom(lead, "x", NULL), CRM_MISUSE, "out_value must not be NULL");
  CHECK_FAILS(crm_lead_custom_count(lead, NULL), CRM_MISUSE, "out_count must not be NULL");
  CHECK_FAILS(crm_lead_custom_name(NULL, 0, &text), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_opportunity_set_custom(NULL, "x", "1"), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_opportunity_set_custom(deal, NULL, "1"), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_opportunity_get_custom(NULL, "x", &text), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_opportunity_get_custom(deal, NULL, &text), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_opportunity_custom_count(NULL, &count), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_opportunity_custom_name(deal, 0, NULL), CRM_MISUSE, "out_name must not be NULL");
  CHECK_FAILS(crm_activity_set_custom(NULL, "x", "1"), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_activity_set_custom(activity, NULL, "1"), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_activity_get_custom(NULL, "x", &text), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_activity_get_custom(activity, "x", NULL), CRM_MISUSE, "out_value must not be NULL");
  CHECK_FAILS(crm_activity_custom_count(activity, NULL), CRM_MISUSE, "out_count must not be NULL");
  CHECK_FAILS(crm_activity_custom_name(NULL, 0, &text), CRM_MISUSE, "record must not be NULL");

  /* A closed handle */
  crm_db_close(db);
  CHECK_FAILS(crm_custom_field_define(db, "contact", field, &out), CRM_MISUSE, "closed");
  CHECK(out == NULL);
  CHECK_FAILS(crm_custom_field_list(db, "contact", &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_custom_field_remove(db, 1), CRM_MISUSE, "closed");

  /* Frees accept NULL. */
  crm_custom_field_free(NULL);
  crm_custom_field_free(field);
  crm_account_free(account);
  crm_contact_free(contact);
  crm_lead_free(lead);
  crm_opportunity_free(deal);
  crm_activity_free(activity);
  crm_db_free(db);
}

/* ---- borrowed text ------------------------------------------------------ */

/* Reading the same text again, or changing something else, leaves text
   borrowed earlier intact (crm.h: valid until the record is changed or
   freed). The texts checked are longer than a short-string buffer, so a
   freed copy would be overwritten. */
static void test_borrowed_text(void) {
  crm_db *db = open_memory();
  crm_custom_field *field = NULL;
  crm_custom_field *created = NULL;
  crm_contact *data = NULL;
  crm_contact *contact = NULL;
  const char *type = NULL;
  const char *kind = NULL;
  const char *created_at = NULL;
  const char *again = NULL;
  const char *value = NULL;
  char type_copy[64];
  char kind_copy[64];
  char created_copy[64];
  static const char kLong[] = "a note much longer than fifteen characters";

  define(db, "contact", "note", "text", NULL, NULL, 0);
  define(db, "contact", "score", "decimal", NULL, NULL, 0);

  /* The same field read twice: the first pointer stays valid. */
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "first_name", "Anna"));
  CHECK_OK(crm_contact_set(data, "last_name", "Berzina"));
  CHECK_OK(crm_contact_set_custom(data, "note", kLong));
  CHECK_OK(crm_contact_set_custom(data, "SCORE", "012.50")); /* typed by its field, name ignoring case */
  CHECK_OK(crm_contact_create(db, data, &contact));
  CHECK_OK(crm_contact_get_field(contact, "created_at", &created_at));
  CHECK(created_at != NULL && strlen(created_at) > 15);
  snprintf(created_copy, sizeof created_copy, "%s", created_at);
  CHECK_OK(crm_contact_get_field(contact, "created_at", &again));
  CHECK(again == created_at);
  CHECK(same(created_at, created_copy));
  CHECK_OK(crm_contact_get_custom(contact, "note", &value));
  CHECK(same(value, kLong));
  CHECK_OK(crm_contact_get_custom(contact, "note", &again));
  CHECK(again == value);
  CHECK(same(value, kLong));
  CHECK(same(created_at, created_copy));
  EXPECT_CONTACT(contact, "score", "12.5");
  crm_contact_free(contact);
  crm_contact_free(data);

  /* A field's type, kind and creation time survive crm_custom_field_set_default(). */
  CHECK_OK(crm_custom_field_new("discount", "decimal", &field));
  CHECK_OK(crm_custom_field_define(db, "account", field, &created));
  CHECK_OK(crm_custom_field_type(created, &type));
  CHECK_OK(crm_custom_field_record_kind(created, &kind));
  CHECK_OK(crm_custom_field_created_at(created, &created_at));
  CHECK(created_at != NULL && strlen(created_at) > 15);
  snprintf(type_copy, sizeof type_copy, "%s", type);
  snprintf(kind_copy, sizeof kind_copy, "%s", kind);
  snprintf(created_copy, sizeof created_copy, "%s", created_at);
  CHECK_OK(crm_custom_field_set_default(created, "0.15"));
  CHECK(same(type, "decimal") && same(type, type_copy));
  CHECK(same(kind, "account") && same(kind, kind_copy));
  CHECK(same(created_at, created_copy));
  CHECK_OK(crm_custom_field_default(created, &value));
  CHECK(same(value, "0.15"));
  CHECK_OK(crm_custom_field_set_default(created, "000.250"));
  CHECK(same(created_at, created_copy));
  CHECK_OK(crm_custom_field_default(created, &value));
  CHECK(same(value, "0.25"));
  CHECK_OK(crm_custom_field_created_at(created, &again));
  CHECK(again == created_at);
  CHECK_OK(crm_custom_field_type(created, &again));
  CHECK(again == type);
  crm_custom_field_free(created);
  crm_custom_field_free(field);
  crm_db_free(db);
}

/* ---- crm_custom_value_normalize ------------------------------------------ */

static void expect_normal(const char *type, const char *text, const char *expected, int line) {
  char *out = NULL;
  crm_status status = crm_custom_value_normalize(type, text, &out);
  if (status != CRM_OK || !same(out, expected)) {
    fprintf(stderr, "%s:%d: normalize(%s, \"%s\") gave \"%s\" (%s: %s), expected \"%s\"\n", __FILE__, line, type,
            text, out ? out : "(null)", crm_status_name(status), crm_last_error()->message, expected);
    ++check_failures;
  }
  crm_free(out);
}
#define EXPECT_NORMAL(type, text, expected) expect_normal((type), (text), (expected), __LINE__)

static void test_normalize(void) {
  char *out = (char *)"untouched";

  EXPECT_NORMAL("decimal", "012.50", "12.5");
  EXPECT_NORMAL("decimal", "-0.0", "0");
  EXPECT_NORMAL("boolean", "yes", "true");
  EXPECT_NORMAL("boolean", "0", "false");
  EXPECT_NORMAL("integer", " 42 ", "42");
  EXPECT_NORMAL("date", "2024-02-29", "2024-02-29");
  EXPECT_NORMAL("money", "1200 EUR", "1200.00 EUR");
  EXPECT_NORMAL("text", "  as is ", "  as is ");

  CHECK_FAILS(crm_custom_value_normalize("decimal", "twelve", &out), CRM_INVALID_ARGUMENT, "twelve");
  CHECK(out == NULL);
  out = (char *)"untouched";
  CHECK_FAILS(crm_custom_value_normalize("boolean", "maybe", &out), CRM_INVALID_ARGUMENT, "value");
  CHECK(out == NULL);
  out = (char *)"untouched";
  CHECK_FAILS(crm_custom_value_normalize("number", "1", &out), CRM_INVALID_ARGUMENT, "'number' is not a custom field type");
  CHECK(out == NULL);
  out = (char *)"untouched";
  CHECK_FAILS(crm_custom_value_normalize(NULL, "1", &out), CRM_MISUSE, "type_name");
  CHECK(out == NULL);
  CHECK_FAILS(crm_custom_value_normalize("integer", NULL, &out), CRM_MISUSE, "text");
  CHECK_FAILS(crm_custom_value_normalize("integer", "1", NULL), CRM_MISUSE, "out_text");
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc != 2) {
    fprintf(stderr, "usage: crm_capi_custom_test SCRATCH_DIR\n");
    return 2;
  }
  test_definitions();
  test_contact_values();
  test_other_records();
  test_misuse();
  test_borrowed_text();
  test_normalize();
  return check_report("crm_capi_custom_test");
}
