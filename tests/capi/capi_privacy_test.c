/*
 * Tests of the privacy law through the C ABI, written in C99: a person's
 * export as JSON, their erasure (the report, the record and the audit trail
 * after it), legal holds placed, read from a cursor, refusing an erasure and
 * released, and misuse, each time with the status and crm_last_error()'s
 * message.
 *
 *   crm_capi_privacy_test
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

/* A contact with an email address and a mobile number, owned by anna; its id. */
static int64_t make_reachable_contact(crm_db *db, const char *last_name, const char *email, const char *phone) {
  crm_contact *data = NULL;
  crm_contact *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "first_name", "Anna"));
  CHECK_OK(crm_contact_set(data, "last_name", last_name));
  CHECK_OK(crm_contact_set(data, "owner", "anna"));
  CHECK_OK(crm_contact_add_email(data, email, 1));
  CHECK_OK(crm_contact_add_phone(data, CRM_PHONE_MOBILE, phone));
  CHECK_OK(crm_contact_create(db, data, &created));
  CHECK_OK(crm_contact_id(created, &id));
  crm_contact_free(data);
  crm_contact_free(created);
  return id;
}

static void test_export_and_erase(void) {
  crm_db *db = open_memory_in("LV");
  const int64_t id = make_reachable_contact(db, "Bērziņa", "anna.berzina@example.lv", "+371 26 123 456");
  char *json = NULL, *report = NULL;
  crm_contact *erased = NULL;
  crm_cursor *history = NULL;
  const char *last_name = NULL, *value = NULL;
  int old_null = 0, new_null = 0, rows = 0;
  size_t count = 1;

  CHECK_OK(crm_privacy_export_person(db, "contact", id, &json));
  CHECK(json != NULL && strstr(json, "\"format\": \"crmcore.person/1\"") != NULL);
  CHECK(json != NULL && strstr(json, "anna.berzina@example.lv") != NULL);
  crm_free(json);

  CHECK_OK(crm_privacy_erase(db, "contact", id, &report));
  CHECK(report != NULL && strstr(report, "\"persons\":[{\"kind\":\"contact\",\"id\":1}]") != NULL);
  CHECK(report != NULL && strstr(report, "\"emails\"") != NULL && strstr(report, "\"phones\"") != NULL);
  crm_free(report);

  CHECK_OK(crm_contact_get(db, id, &erased));
  CHECK_OK(crm_contact_get_field(erased, "last_name", &last_name));
  CHECK(same(last_name, "[erased]"));
  CHECK_OK(crm_contact_email_count(erased, &count));
  CHECK(count == 0);
  crm_contact_free(erased);

  CHECK_OK(crm_privacy_export_person(db, "contact", id, &json));
  CHECK(json != NULL && strstr(json, "anna.berzina@example.lv") == NULL);
  CHECK(json != NULL && strstr(json, "26123456") == NULL);
  crm_free(json);

  /* the history keeps every entry; the values of personal fields are gone */
  CHECK_OK(crm_audit_history(db, "contact", id, &history));
  while (crm_cursor_next(history) == CRM_ROW) {
    CHECK_OK(crm_cursor_text(history, CRM_AUDIT_FIELD, &value));
    if (same(value, "emails") || same(value, "phones") || same(value, "first_name")) {
      CHECK_OK(crm_cursor_is_null(history, CRM_AUDIT_OLD, &old_null));
      CHECK_OK(crm_cursor_is_null(history, CRM_AUDIT_NEW, &new_null));
      CHECK(old_null && new_null);
    }
    CHECK_OK(crm_cursor_text(history, CRM_AUDIT_OPERATION, &value));
    if (same(value, "erase")) ++rows;
  }
  CHECK(rows >= 3);
  crm_cursor_free(history);

  /* a report is optional */
  CHECK_OK(crm_privacy_erase(db, "contact", id, NULL));
  crm_db_free(db);
}

static void test_legal_holds(void) {
  crm_db *db = open_memory_in("LV");
  const int64_t id = make_reachable_contact(db, "Liepa", "anna.liepa@example.lv", "+371 26 000 002");
  crm_cursor *holds = NULL;
  const char *text = NULL;
  int64_t number = 0;
  int rows = 0;

  CHECK_OK(crm_privacy_place_hold(db, "contact", id, "Court case 2025/17"));
  CHECK_OK(crm_privacy_holds(db, NULL, 0, &holds));
  while (crm_cursor_next(holds) == CRM_ROW) {
    ++rows;
    CHECK_OK(crm_cursor_text(holds, CRM_LEGAL_HOLD_KIND, &text));
    CHECK(same(text, "contact"));
    CHECK_OK(crm_cursor_int64(holds, CRM_LEGAL_HOLD_RECORD_ID, &number));
    CHECK(number == id);
    CHECK_OK(crm_cursor_text(holds, CRM_LEGAL_HOLD_REASON, &text));
    CHECK(same(text, "Court case 2025/17"));
    CHECK_OK(crm_cursor_text(holds, CRM_LEGAL_HOLD_PLACED_BY, &text));
    CHECK(same(text, ""));
  }
  CHECK(rows == 1);
  crm_cursor_free(holds);

  CHECK_FAILS(crm_privacy_erase(db, "contact", id, NULL), CRM_CONFLICT, "Court case 2025/17");
  CHECK_OK(crm_contact_remove(db, id));
  CHECK_FAILS(crm_contact_purge(db, id), CRM_CONFLICT, "legal hold");
  CHECK_OK(crm_privacy_release_hold(db, "contact", id));
  CHECK_OK(crm_privacy_holds(db, "contact", id, &holds));
  CHECK(crm_cursor_next(holds) == CRM_DONE);
  crm_cursor_free(holds);
  CHECK_FAILS(crm_privacy_release_hold(db, "contact", id), CRM_NOT_FOUND, "no legal hold");
  CHECK_OK(crm_privacy_erase(db, "contact", id, NULL));
  crm_db_free(db);
}

static void test_misuse(void) {
  crm_db *db = open_memory_in("LV");
  char *json = NULL;
  crm_cursor *cursor = NULL;
  CHECK_FAILS(crm_privacy_export_person(db, "opportunity", 1, &json), CRM_INVALID_ARGUMENT, "a person");
  CHECK_FAILS(crm_privacy_export_person(db, "contact", 42, &json), CRM_NOT_FOUND, "contact 42");
  CHECK_FAILS(crm_privacy_export_person(db, "contact", 1, NULL), CRM_MISUSE, "out_json");
  CHECK_FAILS(crm_privacy_export_person(db, NULL, 1, &json), CRM_MISUSE, "kind");
  CHECK_FAILS(crm_privacy_export_person(NULL, "contact", 1, &json), CRM_MISUSE, "db");
  CHECK_FAILS(crm_privacy_erase(db, "deal", 1, NULL), CRM_INVALID_ARGUMENT, "deal");
  CHECK_FAILS(crm_privacy_place_hold(db, "contact", 1, NULL), CRM_MISUSE, "reason");
  CHECK_FAILS(crm_privacy_place_hold(db, "lead", 1, ""), CRM_INVALID_ARGUMENT, "reason");
  CHECK_FAILS(crm_privacy_place_hold(db, "lead", 1, "two\nlines"), CRM_INVALID_ARGUMENT, "one line");
  CHECK_FAILS(crm_privacy_place_hold(db, "lead", 1, "\xff"), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_privacy_holds(db, NULL, 0, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_privacy_holds(db, "account", 1, &cursor), CRM_INVALID_ARGUMENT, "a person");
  CHECK_FAILS(crm_privacy_release_hold(db, NULL, 1), CRM_MISUSE, "kind");
  crm_db_free(db);
}

int main(void) {
  test_export_and_erase();
  test_legal_holds();
  test_misuse();
  return check_report("crm_capi_privacy_test");
}
