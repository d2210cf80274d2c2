/*
 * Tests of the C ABI, written in C99: every function of crm.h, and every
 * kind of misuse from the C ABI rules (NULL handles and pointers, a closed
 * handle, invalid UTF-8, a wrong id, a stale version), each time checking the
 * status, crm_last_error()'s code and its message.
 *
 *   crm_capi_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

static char scratch[1024];

/* A file path inside the scratch directory. */
static const char *path_of(const char *name) {
  static char buffer[4][1200];
  static int turn = 0;
  char *out = buffer[turn++ % 4];
  snprintf(out, 1200, "%s/%s", scratch, name);
  remove(out);
  return out;
}

static int64_t make_account(crm_db *db, const char *name, const char *external_ref) {
  crm_account *data = NULL;
  crm_account *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_account_new(&data));
  CHECK_OK(crm_account_set(data, "name", name));
  CHECK_OK(crm_account_set(data, "external_ref", external_ref));
  CHECK_OK(crm_account_create(db, data, &created));
  CHECK_OK(crm_account_id(created, &id));
  crm_account_free(data);
  crm_account_free(created);
  return id;
}

static void test_version_errors_and_money(void) {
  int64_t minor = 0;
  char currency[4] = "";
  char *text = NULL;
  int digits = -1;

  CHECK(crm_version_number() == CRM_VERSION_NUMBER);
  CHECK(crm_version_number() == CRM_VERSION_MAJOR * 10000 + CRM_VERSION_MINOR * 100 + CRM_VERSION_PATCH);
  CHECK(strncmp(crm_version_string(), "1.", 2) == 0);
  CHECK(crm_last_error() != NULL);
  CHECK(crm_last_error()->message != NULL);
  CHECK(crm_last_error()->struct_size == sizeof(crm_error));
  CHECK(same(crm_status_name(CRM_NOT_FOUND), "CRM_NOT_FOUND"));
  CHECK(same(crm_status_name((crm_status)999), "CRM_UNKNOWN_STATUS"));
  crm_free(NULL);

  CHECK_OK(crm_currency_minor_digits("JPY", &digits));
  CHECK(digits == 0);
  CHECK_OK(crm_currency_minor_digits("EUR", &digits));
  CHECK(digits == 2);
  CHECK_FAILS(crm_currency_minor_digits("XYZ", &digits), CRM_INVALID_ARGUMENT, "XYZ");
  CHECK(same(crm_last_error()->field, "currency"));

  CHECK_OK(crm_money_parse("1234.50 EUR", &minor, currency));
  CHECK(minor == 123450);
  CHECK(same(currency, "EUR"));
  CHECK_FAILS(crm_money_parse("1.5 JPY", &minor, currency), CRM_INVALID_ARGUMENT, "JPY");
  CHECK_FAILS(crm_money_parse(NULL, &minor, currency), CRM_MISUSE, "text must not be NULL");
  CHECK_FAILS(crm_money_parse("1 EUR", NULL, currency), CRM_MISUSE, "out_minor_units");
  CHECK_FAILS(crm_money_parse("1 EUR", &minor, NULL), CRM_MISUSE, "out_currency");

  CHECK_OK(crm_money_format(-5, "EUR", &text));
  CHECK(same(text, "-0.05 EUR"));
  crm_free(text);
  CHECK_FAILS(crm_money_format(1, "eur", &text), CRM_INVALID_ARGUMENT, "eur");
  CHECK_FAILS(crm_money_format(1, NULL, &text), CRM_MISUSE, "currency");
  CHECK_FAILS(crm_money_format(1, "EUR", NULL), CRM_MISUSE, "out_text");
  /* A failing call leaves NULL in its out-parameter. */
  text = (char *)"untouched";
  CHECK_FAILS(crm_money_format(1, "eur", &text), CRM_INVALID_ARGUMENT, "eur");
  CHECK(text == NULL);
  text = (char *)"untouched";
  CHECK_FAILS(crm_money_format(1, NULL, &text), CRM_MISUSE, "currency");
  CHECK(text == NULL);
  CHECK_FAILS(crm_currency_minor_digits(NULL, &digits), CRM_MISUSE, "currency");
  CHECK_FAILS(crm_currency_minor_digits("EUR", NULL), CRM_MISUSE, "out_digits");
}

static void test_options_and_open(void) {
  crm_options *options = NULL;
  crm_db *db = NULL;
  int version = 0;
  char *report = NULL;
  char *now = NULL;
  const char *file = path_of("open.crm");

  CHECK_OK(crm_options_new(&options));
  CHECK_OK(crm_options_set_busy_timeout(options, 2000));
  CHECK_OK(crm_options_set_synchronous(options, CRM_SYNCHRONOUS_NORMAL));
  CHECK_OK(crm_options_set_synchronous(options, CRM_SYNCHRONOUS_OFF));
  CHECK_OK(crm_options_set_synchronous(options, CRM_SYNCHRONOUS_FULL));
  CHECK_OK(crm_options_set_read_only(options, 0));
  CHECK_OK(crm_options_set_migrate(options, 1));
  CHECK_OK(crm_options_set_default_region(options, NULL));
  CHECK_FAILS(crm_options_set_busy_timeout(options, -1), CRM_INVALID_ARGUMENT, "negative");
  CHECK_FAILS(crm_options_set_synchronous(options, (crm_synchronous)7), CRM_INVALID_ARGUMENT, "synchronous");

  /* create = 0 on a missing file */
  CHECK_OK(crm_options_set_create(options, 0));
  CHECK_FAILS(crm_db_open(file, options, &db), CRM_NOT_FOUND, "does not exist");
  CHECK(db == NULL);
  CHECK_OK(crm_options_set_create(options, 1));
  CHECK_OK(crm_db_open(file, options, &db));
  add_test_users(db);
  CHECK_OK(crm_db_schema_version(db, &version));
  CHECK(version == crm_db_latest_schema_version());
  CHECK_OK(crm_db_migrate(db));
  CHECK_OK(crm_db_integrity_check(db, &report));
  CHECK(same(report, ""));
  crm_free(report);
  CHECK_OK(crm_db_now(db, &now));
  CHECK(now != NULL && strlen(now) == 27 && now[26] == 'Z');
  crm_free(now);
  CHECK_OK(crm_db_backup(db, path_of("open-copy.crm")));
  CHECK_FAILS(crm_db_backup(db, file), CRM_INVALID_ARGUMENT, "another file");
  crm_db_free(db);

  /* an unknown default region is refused when opening */
  CHECK_OK(crm_options_set_default_region(options, "XX"));
  CHECK_FAILS(crm_db_open(":memory:", options, &db), CRM_INVALID_ARGUMENT, "XX");
  CHECK(same(crm_last_error()->field, "default_region"));
  crm_options_free(options);

  /* a file that is not a database */
  {
    const char *garbage = path_of("garbage.crm");
    FILE *out = fopen(garbage, "w");
    int i;
    for (i = 0; i < 200; ++i) fputs("not a database at all ", out);
    fclose(out);
    CHECK_FAILS(crm_db_open(garbage, NULL, &db), CRM_CORRUPT, "");
    CHECK(db == NULL);
  }
  crm_options_free(NULL);
}

static void test_accounts(void) {
  crm_db *db = open_memory_in("LV");
  crm_account *data = NULL;
  crm_account *created = NULL;
  crm_account *read = NULL;
  crm_account *updated = NULL;
  crm_account *found = NULL;
  const char *value = NULL;
  int64_t id = 0, version = 0, parent = 0, count = 0, holding = 0;
  size_t tags = 0;

  holding = make_account(db, "Holding AS", "H-1");
  CHECK_OK(crm_account_new(&data));
  CHECK_OK(crm_account_set(data, "name", "  SIA Koka Nams "));
  CHECK_OK(crm_account_set(data, "registration_number", "40003012345"));
  CHECK_OK(crm_account_set(data, "vat_id", "LV40003012345"));
  CHECK_OK(crm_account_set(data, "industry", "Construction"));
  CHECK_OK(crm_account_set(data, "website", "https://kokanams.lv"));
  CHECK_OK(crm_account_set(data, "phone", "67 123 456"));
  CHECK_OK(crm_account_set(data, "email", "Info@KokaNams.lv"));
  CHECK_OK(crm_account_set(data, "street", "Brīvības iela 1"));
  CHECK_OK(crm_account_set(data, "city", "Rīga"));
  CHECK_OK(crm_account_set(data, "postal_code", "LV-1010"));
  CHECK_OK(crm_account_set(data, "region", "Rīga"));
  CHECK_OK(crm_account_set(data, "country", "Latvija"));
  CHECK_OK(crm_account_set(data, "owner", "anna"));
  CHECK_OK(crm_account_set(data, "lead_source", "web"));
  CHECK_OK(crm_account_set(data, "external_ref", "ERP-1001"));
  CHECK_OK(crm_account_set(data, "description", "Family business"));
  CHECK_OK(crm_account_set_parent(data, holding));
  CHECK_OK(crm_account_add_tag(data, "VIP"));
  CHECK_OK(crm_account_add_tag(data, "timber"));
  CHECK_FAILS(crm_account_set(data, "phone_e164", "+1"), CRM_INVALID_ARGUMENT, "phone_e164");
  CHECK_FAILS(crm_account_set(data, "nmae", "x"), CRM_INVALID_ARGUMENT, "'nmae' is not a field");

  CHECK_OK(crm_account_create(db, data, &created));
  CHECK_OK(crm_account_id(created, &id));
  CHECK(id > 0);
  CHECK_OK(crm_account_version(created, &version));
  CHECK(version == 1);
  CHECK_OK(crm_account_get_field(created, "name", &value));
  CHECK(same(value, "SIA Koka Nams"));
  CHECK_OK(crm_account_get_field(created, "country", &value));
  CHECK(same(value, "LV"));
  CHECK_OK(crm_account_get_field(created, "phone_e164", &value));
  CHECK(same(value, "+37167123456"));
  CHECK_OK(crm_account_get_field(created, "created_at", &value));
  CHECK(value != NULL && strlen(value) == 27);
  CHECK_OK(crm_account_get_field(created, "deleted_at", &value));
  CHECK(value == NULL);
  CHECK_FAILS(crm_account_get_field(created, "colour", &value), CRM_INVALID_ARGUMENT, "'colour' is not a field");

  CHECK_OK(crm_account_get(db, id, &read));
  CHECK_OK(crm_account_parent(read, &parent));
  CHECK(parent == holding);
  CHECK_OK(crm_account_tag_count(read, &tags));
  CHECK(tags == 2);
  CHECK_OK(crm_account_tag(read, 0, &value));
  CHECK(same(value, "timber"));
  CHECK_FAILS(crm_account_tag(read, 5, &value), CRM_NOT_FOUND, "index 5");
  CHECK_OK(crm_account_get_field(read, "street", &value));
  CHECK(same(value, "Brīvības iela 1"));

  /* update, then a stale update */
  CHECK_OK(crm_account_set(read, "industry", "Timber"));
  CHECK_OK(crm_account_clear_tags(read));
  CHECK_OK(crm_account_update(db, read, &updated));
  CHECK_OK(crm_account_version(updated, &version));
  CHECK(version == 2);
  CHECK_OK(crm_account_tag_count(updated, &tags));
  CHECK(tags == 0);
  CHECK_OK(crm_account_set(read, "industry", "Lost update"));
  CHECK_FAILS(crm_account_update(db, read, NULL), CRM_CONFLICT, "changed by someone else");
  CHECK(same(crm_last_error()->field, "version"));

  /* lookups */
  CHECK_OK(crm_account_find_by_external_ref(db, "ERP-1001", &found));
  CHECK(found != NULL);
  crm_account_free(found);
  CHECK_OK(crm_account_find_by_external_ref(db, "nobody", &found));
  CHECK(found == NULL);
  {
    crm_cursor *cursor = NULL;
    const crm_account *row = NULL;
    CHECK_OK(crm_account_find_by_email(db, "INFO@kokanams.LV", &cursor));
    CHECK(crm_cursor_next(cursor) == CRM_ROW);
    CHECK_OK(crm_cursor_account(cursor, &row));
    CHECK_OK(crm_account_get_field(row, "name", &value));
    CHECK(same(value, "SIA Koka Nams"));
    CHECK(crm_cursor_next(cursor) == CRM_DONE);
    CHECK_FAILS(crm_cursor_account(cursor, &row), CRM_MISUSE, "not on a row");
    crm_cursor_free(cursor);

    CHECK_OK(crm_account_find_by_phone(db, "0037167123456", &cursor));
    CHECK(crm_cursor_next(cursor) == CRM_ROW);
    crm_cursor_free(cursor);
    CHECK_FAILS(crm_account_find_by_phone(db, "hello", &cursor), CRM_INVALID_ARGUMENT, "not a phone number");
    CHECK(cursor == NULL);

    CHECK_OK(crm_account_subsidiaries(db, holding, &cursor));
    CHECK(crm_cursor_next(cursor) == CRM_ROW);
    CHECK(crm_cursor_next(cursor) == CRM_DONE);
    crm_cursor_free(cursor);
  }

  /* duplicate external_ref, bad input, nothing written */
  CHECK_FAILS(crm_account_create(db, data, NULL), CRM_ALREADY_EXISTS, "ERP-1001");
  CHECK(same(crm_last_error()->field, "account.external_ref"));
  CHECK_OK(crm_account_set(data, "external_ref", NULL));
  CHECK_OK(crm_account_set(data, "email", "not-an-email"));
  CHECK_FAILS(crm_account_create(db, data, NULL), CRM_INVALID_ARGUMENT, "not-an-email");
  CHECK(same(crm_last_error()->field, "account.email"));
  CHECK_OK(crm_account_set(data, "email", NULL));
  CHECK_OK(crm_account_set(data, "name", "Bad \xff UTF-8"));
  CHECK_FAILS(crm_account_create(db, data, NULL), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_OK(crm_account_set(data, "name", ""));
  CHECK_FAILS(crm_account_create(db, data, NULL), CRM_INVALID_ARGUMENT, "account.name");
  CHECK_OK(crm_account_count(db, NULL, &count));
  CHECK(count == 2);

  /* wrong ids */
  CHECK_FAILS(crm_account_get(db, 424242, &found), CRM_NOT_FOUND, "424242");
  CHECK(found == NULL);
  CHECK_FAILS(crm_account_remove(db, 424242), CRM_NOT_FOUND, "424242");

  /* soft delete, restore, purge */
  CHECK_OK(crm_account_remove(db, id));
  CHECK_FAILS(crm_account_remove(db, id), CRM_CONFLICT, "already deleted");
  CHECK_OK(crm_account_get(db, id, &found));
  CHECK_OK(crm_account_get_field(found, "deleted_at", &value));
  CHECK(value != NULL);
  crm_account_free(found);
  CHECK_OK(crm_account_restore(db, id));
  CHECK_FAILS(crm_account_restore(db, id), CRM_CONFLICT, "not deleted");
  CHECK_OK(crm_account_purge(db, id));
  CHECK_FAILS(crm_account_get(db, id, &found), CRM_NOT_FOUND, "does not exist");

  crm_account_free(data);
  crm_account_free(created);
  crm_account_free(read);
  crm_account_free(updated);
  crm_account_free(NULL);
  crm_db_free(db);
}

static void test_contacts_and_employment(void) {
  crm_db *db = open_memory_in("LV");
  int64_t first = make_account(db, "SIA Pirmā", "A-1");
  int64_t second = make_account(db, "UAB Antra", "A-2");
  crm_contact *data = NULL;
  crm_contact *created = NULL;
  crm_contact *read = NULL;
  crm_contact *updated = NULL;
  crm_contact *found = NULL;
  crm_employment *job = NULL;
  crm_cursor *cursor = NULL;
  const crm_contact *row = NULL;
  const crm_employment *link = NULL;
  const char *value = NULL;
  const char *raw = NULL;
  const char *e164 = NULL;
  crm_phone_kind kind = CRM_PHONE_OTHER;
  int64_t id = 0, version = 0, account = 0, count = 0, job_id = 0, link_contact = 0, link_account = 0;
  size_t n = 0;
  int primary = 0, granted = 0;
  char today[11] = "";

  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "first_name", "Олена"));
  CHECK_OK(crm_contact_set(data, "last_name", "Ковальчук"));
  CHECK_OK(crm_contact_set(data, "job_title", "Buyer"));
  CHECK_OK(crm_contact_set(data, "birthday", "--02-29"));
  CHECK_OK(crm_contact_set(data, "preferred_language", "uk"));
  CHECK_OK(crm_contact_set(data, "country", "Latvija"));
  CHECK_OK(crm_contact_set(data, "owner", "olena.m"));
  CHECK_OK(crm_contact_set(data, "lead_source", "fair"));
  CHECK_OK(crm_contact_set(data, "external_ref", "P-1"));
  CHECK_OK(crm_contact_set(data, "description", "Met at Riga Food"));
  CHECK_FAILS(crm_contact_set(data, "birthday", "29.02.1980"), CRM_INVALID_ARGUMENT, "birthday");
  CHECK_FAILS(crm_contact_set(data, "emails", "x"), CRM_INVALID_ARGUMENT, "'emails'");
  CHECK_OK(crm_contact_add_email(data, "olena@ukr.net", 0));
  CHECK_OK(crm_contact_add_email(data, "O.Kovalchuk@Firma.ua", 1));
  CHECK_OK(crm_contact_add_phone(data, CRM_PHONE_MOBILE, "+380 67 123 4567"));
  CHECK_OK(crm_contact_add_phone(data, CRM_PHONE_WORK, "26 123 456"));
  CHECK_FAILS(crm_contact_add_phone(data, (crm_phone_kind)9, "1"), CRM_INVALID_ARGUMENT, "phone kind");
  CHECK_OK(crm_contact_set_consent(data, CRM_CHANNEL_EMAIL, 1, NULL));
  CHECK_OK(crm_contact_set_consent(data, CRM_CHANNEL_SMS, 0, "2024-05-01T10:00:00+03:00"));
  CHECK_FAILS(crm_contact_set_consent(data, (crm_channel)8, 1, NULL), CRM_INVALID_ARGUMENT, "channel");
  CHECK_FAILS(crm_contact_set_consent(data, CRM_CHANNEL_POST, 1, "yesterday"), CRM_INVALID_ARGUMENT, "yesterday");
  CHECK_OK(crm_contact_add_tag(data, "newsletter"));
  CHECK_OK(crm_contact_set_account(data, first));

  CHECK_OK(crm_contact_create(db, data, &created));
  CHECK_OK(crm_contact_id(created, &id));
  CHECK_OK(crm_contact_get(db, id, &read));
  CHECK_OK(crm_contact_get_field(read, "last_name", &value));
  CHECK(same(value, "Ковальчук"));
  CHECK_OK(crm_contact_get_field(read, "birthday", &value));
  CHECK(same(value, "--02-29"));
  CHECK_OK(crm_contact_get_field(read, "updated_at", &value));
  CHECK(value != NULL && value[4] == '-');
  CHECK_OK(crm_contact_email_count(read, &n));
  CHECK(n == 2);
  CHECK_OK(crm_contact_email(read, 0, &value, &primary));
  CHECK(same(value, "O.Kovalchuk@Firma.ua") && primary == 1);
  CHECK_FAILS(crm_contact_email(read, 2, &value, NULL), CRM_NOT_FOUND, "index 2");
  CHECK_OK(crm_contact_phone_count(read, &n));
  CHECK(n == 2);
  CHECK_OK(crm_contact_phone(read, 1, &kind, &raw, &e164));
  CHECK(kind == CRM_PHONE_WORK && same(raw, "26 123 456") && same(e164, "+37126123456"));
  CHECK_FAILS(crm_contact_phone(read, 3, NULL, NULL, NULL), CRM_NOT_FOUND, "index 3");
  CHECK_OK(crm_contact_consent(read, CRM_CHANNEL_SMS, &granted, &value));
  CHECK(granted == 0 && same(value, "2024-05-01T07:00:00.000000Z"));
  CHECK_OK(crm_contact_consent(read, CRM_CHANNEL_EMAIL, &granted, NULL));
  CHECK(granted == 1);
  CHECK_FAILS(crm_contact_consent(read, CRM_CHANNEL_POST, &granted, NULL), CRM_NOT_FOUND, "post");
  CHECK_OK(crm_contact_tag_count(read, &n));
  CHECK(n == 1);
  CHECK_OK(crm_contact_tag(read, 0, &value));
  CHECK(same(value, "newsletter"));
  CHECK_OK(crm_contact_account(read, &account));
  CHECK(account == first);
  CHECK_OK(crm_contact_version(read, &version));
  CHECK(version == 1);

  /* the incoming call: any written form finds her */
  CHECK_OK(crm_contact_find_by_phone(db, "0037126123456", &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_contact(cursor, &row));
  CHECK_OK(crm_contact_get_field(row, "first_name", &value));
  CHECK(same(value, "Олена"));
  CHECK_FAILS(crm_cursor_account(cursor, NULL), CRM_MISUSE, "out_account");
  {
    const crm_account *wrong = NULL;
    CHECK_FAILS(crm_cursor_account(cursor, &wrong), CRM_MISUSE, "another kind of record");
  }
  crm_cursor_free(cursor);
  CHECK_OK(crm_contact_find_by_email(db, "O.KOVALCHUK@firma.UA", &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  crm_cursor_free(cursor);
  CHECK_OK(crm_contact_find_by_external_ref(db, "P-1", &found));
  CHECK(found != NULL);
  crm_contact_free(found);

  /* moving to another employer through the record */
  CHECK_OK(crm_contact_clear_emails(read));
  CHECK_OK(crm_contact_clear_phones(read));
  CHECK_OK(crm_contact_clear_consents(read));
  CHECK_OK(crm_contact_clear_tags(read));
  CHECK_OK(crm_contact_set_account(read, second));
  CHECK_OK(crm_contact_update(db, read, &updated));
  CHECK_OK(crm_contact_email_count(updated, &n));
  CHECK(n == 0);
  CHECK_OK(crm_contact_account(updated, &account));
  CHECK(account == second);
  CHECK_FAILS(crm_contact_update(db, read, NULL), CRM_CONFLICT, "version");

  CHECK_OK(crm_employment_history(db, id, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_employment(cursor, &link));
  CHECK_OK(crm_employment_account(link, &link_account));
  CHECK(link_account == second);
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_employment(cursor, &link));
  CHECK_OK(crm_employment_get_field(link, "ended_on", &value));
  CHECK(strlen(value) == 10);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);

  /* explicit employment calls, dated today */
  {
    char *now = NULL;
    CHECK_OK(crm_db_now(db, &now));
    memcpy(today, now, 10);
    crm_free(now);
  }
  CHECK_OK(crm_employment_move(db, id, first, "Head of purchasing", today, &job));
  CHECK_OK(crm_employment_id(job, &job_id));
  CHECK_OK(crm_employment_contact(job, &link_contact));
  CHECK(link_contact == id);
  CHECK_OK(crm_employment_get_field(job, "title", &value));
  CHECK(same(value, "Head of purchasing"));
  CHECK_OK(crm_employment_get_field(job, "started_on", &value));
  CHECK(same(value, today));
  CHECK_FAILS(crm_employment_get_field(job, "salary", &value), CRM_INVALID_ARGUMENT, "salary");
  crm_employment_free(job);
  CHECK_OK(crm_employment_end(db, job_id, today, &job));
  CHECK_OK(crm_employment_get_field(job, "ended_on", &value));
  CHECK(same(value, today));
  crm_employment_free(job);
  CHECK_FAILS(crm_employment_end(db, job_id, today, NULL), CRM_CONFLICT, "already ended");
  CHECK_FAILS(crm_employment_end(db, job_id, "31.03.2025", NULL), CRM_INVALID_ARGUMENT, "31.03.2025");
  CHECK_OK(crm_employment_start(db, id, second, "Adviser", NULL, &job));
  crm_employment_free(job);
  CHECK_OK(crm_employment_start(db, id, first, NULL, "2020-01-01", NULL));
  CHECK_OK(crm_employment_get(db, job_id, &job));
  crm_employment_free(job);
  CHECK_FAILS(crm_employment_get(db, 999, &job), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_employment_start(db, id, 999, "x", NULL, NULL), CRM_NOT_FOUND, "999");
  CHECK_OK(crm_employment_of_account(db, second, 1, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  crm_cursor_free(cursor);
  CHECK_OK(crm_employment_of_account(db, first, 0, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  crm_cursor_free(cursor);

  /* bad input names the field and writes nothing */
  CHECK_OK(crm_contact_count(db, NULL, &count));
  CHECK(count == 1);
  CHECK_OK(crm_contact_set(data, "external_ref", "P-2"));
  CHECK_OK(crm_contact_add_phone(data, CRM_PHONE_HOME, "call me maybe"));
  CHECK_FAILS(crm_contact_create(db, data, NULL), CRM_INVALID_ARGUMENT, "call me maybe");
  CHECK(same(crm_last_error()->field, "contact.phones[2]"));
  CHECK_OK(crm_contact_clear_phones(data));
  CHECK_OK(crm_contact_set(data, "birthday", "2999-01-01"));
  CHECK_FAILS(crm_contact_create(db, data, NULL), CRM_INVALID_ARGUMENT, "future");
  CHECK_OK(crm_contact_set(data, "birthday", NULL));
  CHECK_OK(crm_contact_set(data, "last_name", "\xc3\x28"));
  CHECK_FAILS(crm_contact_create(db, data, NULL), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_OK(crm_contact_count(db, NULL, &count));
  CHECK(count == 1);

  /* soft delete, restore, purge, wrong ids */
  CHECK_OK(crm_contact_remove(db, id));
  CHECK_OK(crm_contact_find_by_phone(db, "+380671234567", &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_contact_restore(db, id));
  CHECK_OK(crm_contact_purge(db, id));
  CHECK_FAILS(crm_contact_get(db, id, &found), CRM_NOT_FOUND, "does not exist");
  CHECK_FAILS(crm_contact_remove(db, -1), CRM_NOT_FOUND, "-1");
  CHECK_FAILS(crm_contact_restore(db, 77), CRM_NOT_FOUND, "77");
  CHECK_FAILS(crm_contact_purge(db, 77), CRM_NOT_FOUND, "77");

  crm_contact_free(data);
  crm_contact_free(created);
  crm_contact_free(read);
  crm_contact_free(updated);
  crm_contact_free(NULL);
  crm_employment_free(NULL);
  crm_db_free(db);
}

static void test_lists_queries_and_transactions(void) {
  crm_db *db = open_memory_in("LV");
  crm_query *query = NULL;
  crm_cursor *cursor = NULL;
  const crm_contact *row = NULL;
  const char *value = NULL;
  int64_t count = 0;
  int rows = 0, accounts_created = -1, contacts_created = -1;
  crm_status status;

  CHECK_OK(crm_db_load_sample_data(db, 2025, 20, 150, &accounts_created, &contacts_created));
  CHECK(accounts_created == 20 && contacts_created == 150);
  CHECK_OK(crm_db_load_sample_data(db, 2025, 20, 150, &accounts_created, NULL));
  CHECK(accounts_created == 0);
  CHECK_FAILS(crm_db_load_sample_data(db, 1, 0, 1, NULL, NULL), CRM_INVALID_ARGUMENT, "accounts");

  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_page_size(query, 7));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_ID, 0));
  CHECK_OK(crm_contact_list(db, query, &cursor));
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) ++rows;
  CHECK(status == CRM_DONE);
  CHECK(rows == 150);
  crm_cursor_free(cursor);

  CHECK_OK(crm_query_set_country(query, "LV"));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_NAME, 1));
  CHECK_OK(crm_contact_count(db, query, &count));
  CHECK(count > 0 && count < 150);
  rows = 0;
  CHECK_OK(crm_contact_list(db, query, &cursor));
  while (crm_cursor_next(cursor) == CRM_ROW) {
    CHECK_OK(crm_cursor_contact(cursor, &row));
    CHECK_OK(crm_contact_get_field(row, "country", &value));
    CHECK(same(value, "LV"));
    ++rows;
  }
  CHECK(rows == count);
  crm_cursor_free(cursor);

  CHECK_OK(crm_query_set_country(query, NULL));
  CHECK_OK(crm_query_set_owner(query, "anna.berzina"));
  CHECK_OK(crm_query_set_tag(query, "VIP"));
  CHECK_OK(crm_query_set_deleted(query, CRM_DELETED_INCLUDE));
  CHECK_OK(crm_query_set_deleted(query, CRM_DELETED_ONLY));
  CHECK_OK(crm_account_count(db, query, &count));
  CHECK(count == 0);
  CHECK_OK(crm_query_set_deleted(query, CRM_DELETED_EXCLUDE));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_UPDATED_AT, 0));
  CHECK_OK(crm_query_set_offset(query, 1));
  CHECK_OK(crm_account_list(db, query, &cursor));
  while (crm_cursor_next(cursor) == CRM_ROW) {
  }
  crm_cursor_free(cursor);
  CHECK_FAILS(crm_query_set_page_size(query, 0), CRM_INVALID_ARGUMENT, "page_size");
  CHECK_FAILS(crm_query_set_offset(query, -3), CRM_INVALID_ARGUMENT, "negative");
  CHECK_FAILS(crm_query_set_sort(query, (crm_sort)9, 0), CRM_INVALID_ARGUMENT, "sort");
  CHECK_FAILS(crm_query_set_deleted(query, (crm_deleted_filter)9), CRM_INVALID_ARGUMENT, "deleted");
  CHECK_OK(crm_query_set_offset(query, 0));
  CHECK_OK(crm_query_set_country(query, "Narnia"));
  CHECK_OK(crm_account_list(db, query, &cursor));
  CHECK_FAILS(crm_cursor_next(cursor), CRM_INVALID_ARGUMENT, "Narnia");
  CHECK(crm_cursor_next(cursor) == CRM_DONE);  /* a failed cursor is finished */
  crm_cursor_free(cursor);
  crm_query_free(query);
  crm_query_free(NULL);

  /* transactions: rollback, commit, nesting */
  CHECK_OK(crm_account_count(db, NULL, &count));
  CHECK_OK(crm_db_begin(db));
  make_account(db, "Rolled back", "T-1");
  CHECK_OK(crm_db_rollback(db));
  CHECK_OK(crm_db_begin(db));
  make_account(db, "Outer", "T-2");
  CHECK_OK(crm_db_begin(db));
  make_account(db, "Inner, rolled back", "T-3");
  CHECK_OK(crm_db_rollback(db));
  CHECK_OK(crm_db_commit(db));
  {
    int64_t after = 0;
    crm_account *found = NULL;
    CHECK_OK(crm_account_count(db, NULL, &after));
    CHECK(after == count + 1);
    CHECK_OK(crm_account_find_by_external_ref(db, "T-3", &found));
    CHECK(found == NULL);
  }
  CHECK_FAILS(crm_db_commit(db), CRM_MISUSE, "no transaction is open");
  CHECK_FAILS(crm_db_rollback(db), CRM_MISUSE, "no transaction is open");
  /* an open transaction is rolled back by close */
  CHECK_OK(crm_db_begin(db));
  crm_db_free(db);
}

/* Every entry point with a NULL handle, NULL out-pointer or closed handle. */
static void test_misuse(void) {
  crm_db *db = open_memory_in("LV");
  crm_db *null_db = NULL;
  crm_account *account = NULL;
  crm_contact *contact = NULL;
  crm_employment *employment = NULL;
  crm_cursor *cursor = NULL;
  crm_query *query = NULL;
  char *text = NULL;
  const char *value = NULL;
  int64_t number = 0;
  int integer = 0;
  size_t size = 0;

  CHECK_FAILS(crm_db_open(NULL, NULL, &null_db), CRM_MISUSE, "path must not be NULL");
  CHECK_FAILS(crm_db_open(":memory:", NULL, NULL), CRM_MISUSE, "out_db must not be NULL");
  CHECK_FAILS(crm_options_new(NULL), CRM_MISUSE, "out_options");
  CHECK_FAILS(crm_options_set_default_region(NULL, "LV"), CRM_MISUSE, "options");
  CHECK_FAILS(crm_options_set_busy_timeout(NULL, 1), CRM_MISUSE, "options");
  CHECK_FAILS(crm_options_set_synchronous(NULL, CRM_SYNCHRONOUS_FULL), CRM_MISUSE, "options");
  CHECK_FAILS(crm_options_set_read_only(NULL, 1), CRM_MISUSE, "options");
  CHECK_FAILS(crm_options_set_create(NULL, 1), CRM_MISUSE, "options");
  CHECK_FAILS(crm_options_set_migrate(NULL, 1), CRM_MISUSE, "options");
  CHECK_FAILS(crm_query_new(NULL), CRM_MISUSE, "out_query");
  CHECK_FAILS(crm_query_set_owner(NULL, "x"), CRM_MISUSE, "query");
  CHECK_FAILS(crm_query_set_tag(NULL, "x"), CRM_MISUSE, "query");
  CHECK_FAILS(crm_query_set_country(NULL, "x"), CRM_MISUSE, "query");
  CHECK_FAILS(crm_query_set_deleted(NULL, CRM_DELETED_ONLY), CRM_MISUSE, "query");
  CHECK_FAILS(crm_query_set_sort(NULL, CRM_SORT_ID, 0), CRM_MISUSE, "query");
  CHECK_FAILS(crm_query_set_page_size(NULL, 5), CRM_MISUSE, "query");
  CHECK_FAILS(crm_query_set_offset(NULL, 5), CRM_MISUSE, "query");
  CHECK_FAILS(crm_cursor_next(NULL), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_account(NULL, NULL), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_contact(NULL, NULL), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_employment(NULL, NULL), CRM_MISUSE, "cursor");

  /* NULL database handle */
  CHECK_FAILS(crm_db_schema_version(NULL, &integer), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_db_migrate(NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_db_backup(NULL, "x"), CRM_MISUSE, "db");
  CHECK_FAILS(crm_db_integrity_check(NULL, &text), CRM_MISUSE, "db");
  CHECK_FAILS(crm_db_begin(NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_db_commit(NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_db_rollback(NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_db_now(NULL, &text), CRM_MISUSE, "db");
  /* A failing call leaves NULL in its out-parameter. */
  text = (char *)"untouched";
  CHECK_FAILS(crm_db_now(NULL, &text), CRM_MISUSE, "db");
  CHECK(text == NULL);
  text = (char *)"untouched";
  CHECK_FAILS(crm_db_integrity_check(NULL, &text), CRM_MISUSE, "db");
  CHECK(text == NULL);
  text = (char *)"untouched";
  CHECK_FAILS(crm_db_user(NULL, &text), CRM_MISUSE, "db");
  CHECK(text == NULL);
  text = (char *)"untouched";
  CHECK_FAILS(crm_calendar_add_business_days(db, "LV", "not a date", 1, &text), CRM_INVALID_ARGUMENT, "not a date");
  CHECK(text == NULL);
  text = (char *)"untouched";
  CHECK_FAILS(crm_calendar_add_business_days(db, NULL, "2024-01-01", 1, &text), CRM_MISUSE, "country");
  CHECK(text == NULL);
  CHECK_FAILS(crm_db_load_sample_data(NULL, 1, 1, 1, NULL, NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_account_get(NULL, 1, &account), CRM_MISUSE, "db");
  CHECK_FAILS(crm_contact_list(NULL, NULL, &cursor), CRM_MISUSE, "db");
  crm_db_close(NULL);
  crm_db_free(NULL);

  /* NULL required pointers */
  CHECK_FAILS(crm_db_schema_version(db, NULL), CRM_MISUSE, "out_version");
  CHECK_FAILS(crm_db_backup(db, NULL), CRM_MISUSE, "destination");
  CHECK_FAILS(crm_db_integrity_check(db, NULL), CRM_MISUSE, "out_report");
  CHECK_FAILS(crm_db_now(db, NULL), CRM_MISUSE, "out_instant");
  CHECK_FAILS(crm_account_new(NULL), CRM_MISUSE, "out_account");
  CHECK_FAILS(crm_account_set(NULL, "name", "x"), CRM_MISUSE, "record");
  CHECK_FAILS(crm_account_create(db, NULL, NULL), CRM_MISUSE, "data");
  CHECK_FAILS(crm_account_update(db, NULL, NULL), CRM_MISUSE, "account");
  CHECK_FAILS(crm_account_get(db, 1, NULL), CRM_MISUSE, "out_account");
  CHECK_FAILS(crm_account_list(db, NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_account_count(db, NULL, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_account_find_by_external_ref(db, NULL, &account), CRM_MISUSE, "external_ref");
  CHECK_FAILS(crm_account_find_by_email(db, NULL, &cursor), CRM_MISUSE, "email");
  CHECK_FAILS(crm_account_find_by_phone(db, NULL, &cursor), CRM_MISUSE, "phone");
  CHECK_FAILS(crm_account_subsidiaries(db, 1, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_contact_new(NULL), CRM_MISUSE, "out_contact");
  CHECK_FAILS(crm_contact_create(db, NULL, NULL), CRM_MISUSE, "data");
  CHECK_FAILS(crm_contact_update(db, NULL, NULL), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_get(db, 1, NULL), CRM_MISUSE, "out_contact");
  CHECK_FAILS(crm_contact_count(db, NULL, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_contact_find_by_external_ref(db, "x", NULL), CRM_MISUSE, "out_contact");
  CHECK_FAILS(crm_contact_find_by_email(db, "x", NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_contact_find_by_phone(db, "x", NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_employment_end(db, 1, NULL, NULL), CRM_MISUSE, "ended_on");
  CHECK_FAILS(crm_employment_move(db, 1, 1, "x", NULL, NULL), CRM_MISUSE, "on");
  CHECK_FAILS(crm_employment_get(db, 1, NULL), CRM_MISUSE, "out_employment");
  CHECK_FAILS(crm_employment_history(db, 1, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_employment_of_account(db, 1, 1, NULL), CRM_MISUSE, "out_cursor");

  /* NULL records */
  CHECK_FAILS(crm_account_get_field(NULL, "name", &value), CRM_MISUSE, "record");
  CHECK_FAILS(crm_account_id(NULL, &number), CRM_MISUSE, "account");
  CHECK_FAILS(crm_account_version(NULL, &number), CRM_MISUSE, "account");
  CHECK_FAILS(crm_account_parent(NULL, &number), CRM_MISUSE, "account");
  CHECK_FAILS(crm_account_set_parent(NULL, 1), CRM_MISUSE, "account");
  CHECK_FAILS(crm_account_tag_count(NULL, &size), CRM_MISUSE, "record");
  CHECK_FAILS(crm_account_tag(NULL, 0, &value), CRM_MISUSE, "record");
  CHECK_FAILS(crm_account_add_tag(NULL, "x"), CRM_MISUSE, "record");
  CHECK_FAILS(crm_account_clear_tags(NULL), CRM_MISUSE, "record");
  CHECK_FAILS(crm_contact_set(NULL, "last_name", "x"), CRM_MISUSE, "record");
  CHECK_FAILS(crm_contact_set(NULL, "birthday", "--01-01"), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_get_field(NULL, "last_name", &value), CRM_MISUSE, "record");
  CHECK_FAILS(crm_contact_id(NULL, &number), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_version(NULL, &number), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_account(NULL, &number), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_set_account(NULL, 1), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_add_email(NULL, "a@b.lv", 1), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_clear_emails(NULL), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_email_count(NULL, &size), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_email(NULL, 0, &value, NULL), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_add_phone(NULL, CRM_PHONE_MOBILE, "1"), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_clear_phones(NULL), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_phone_count(NULL, &size), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_phone(NULL, 0, NULL, NULL, NULL), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_set_consent(NULL, CRM_CHANNEL_SMS, 1, NULL), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_clear_consents(NULL), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_consent(NULL, CRM_CHANNEL_SMS, &integer, NULL), CRM_MISUSE, "contact");
  CHECK_FAILS(crm_contact_tag_count(NULL, &size), CRM_MISUSE, "record");
  CHECK_FAILS(crm_contact_tag(NULL, 0, &value), CRM_MISUSE, "record");
  CHECK_FAILS(crm_contact_add_tag(NULL, "x"), CRM_MISUSE, "record");
  CHECK_FAILS(crm_contact_clear_tags(NULL), CRM_MISUSE, "record");
  CHECK_FAILS(crm_employment_id(NULL, &number), CRM_MISUSE, "employment");
  CHECK_FAILS(crm_employment_contact(NULL, &number), CRM_MISUSE, "employment");
  CHECK_FAILS(crm_employment_account(NULL, &number), CRM_MISUSE, "employment");
  CHECK_FAILS(crm_employment_get_field(NULL, "title", &value), CRM_MISUSE, "employment");

  /* NULL arguments on a valid record */
  CHECK_OK(crm_contact_new(&contact));
  CHECK_FAILS(crm_contact_add_email(contact, NULL, 0), CRM_MISUSE, "address");
  CHECK_FAILS(crm_contact_add_phone(contact, CRM_PHONE_MOBILE, NULL), CRM_MISUSE, "number");
  CHECK_FAILS(crm_contact_add_tag(contact, NULL), CRM_MISUSE, "tag");
  CHECK_FAILS(crm_contact_set(contact, NULL, "x"), CRM_MISUSE, "field");
  CHECK_FAILS(crm_contact_get_field(contact, "last_name", NULL), CRM_MISUSE, "out_value");
  CHECK_FAILS(crm_contact_email(contact, 0, NULL, NULL), CRM_MISUSE, "out_address");
  CHECK_FAILS(crm_contact_consent(contact, CRM_CHANNEL_SMS, NULL, NULL), CRM_MISUSE, "out_granted");
  CHECK_FAILS(crm_contact_id(contact, NULL), CRM_MISUSE, "out_id");
  crm_contact_free(contact);

  /* a closed handle: every call is CRM_MISUSE, nothing crashes */
  CHECK_OK(crm_query_new(&query));
  crm_db_close(db);
  crm_db_close(db);
  CHECK_FAILS(crm_db_schema_version(db, &integer), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_db_migrate(db), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_db_backup(db, path_of("closed.crm")), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_db_integrity_check(db, &text), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_db_begin(db), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_db_commit(db), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_db_rollback(db), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_db_now(db, &text), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_db_load_sample_data(db, 1, 1, 1, NULL, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_account_get(db, 1, &account), CRM_MISUSE, "closed");
  CHECK(account == NULL);
  CHECK_FAILS(crm_account_list(db, query, &cursor), CRM_MISUSE, "closed");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_contact_find_by_phone(db, "26123456", &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_employment_history(db, 1, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_employment_start(db, 1, 1, "x", NULL, &employment), CRM_MISUSE, "closed");
  crm_query_free(query);
  crm_db_free(db);
}

static void test_select(void) {
  crm_db *db = open_memory_in("LV");
  crm_query *query = NULL;
  crm_cursor *cursor = NULL;
  crm_cursor *records = NULL;
  const char *name = NULL;
  const char *text = NULL;
  crm_column_type type = CRM_COLUMN_REAL;
  int columns = 0, rows = 0, is_null = -1, with_phone = 0;
  int64_t id = 0, previous = 0;
  double real = 0;

  CHECK_OK(crm_db_load_sample_data(db, 11, 6, 40, NULL, NULL));
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_ID, 0));
  CHECK_OK(crm_query_set_page_size(query, 9));
  CHECK_OK(crm_contact_select(db, " id, first_name,email ,phone,created_at", query, &cursor));
  CHECK_OK(crm_cursor_column_count(cursor, &columns));
  CHECK(columns == 5);
  CHECK_OK(crm_cursor_column(cursor, 1, &name, &type));
  CHECK(same(name, "first_name") && type == CRM_COLUMN_TEXT);
  CHECK_OK(crm_cursor_column(cursor, 4, NULL, &type));
  CHECK(type == CRM_COLUMN_INSTANT);
  CHECK_FAILS(crm_cursor_column(cursor, 5, &name, NULL), CRM_NOT_FOUND, "column 5");
  CHECK_FAILS(crm_cursor_text(cursor, 1, &text), CRM_MISUSE, "not on a row");
  while (crm_cursor_next(cursor) == CRM_ROW) {
    CHECK_OK(crm_cursor_int64(cursor, 0, &id));
    CHECK(id > previous);
    previous = id;
    CHECK_OK(crm_cursor_text(cursor, 2, &text));
    CHECK(text != NULL && strchr(text, '@') != NULL);
    CHECK_OK(crm_cursor_is_null(cursor, 3, &is_null));
    with_phone += !is_null;
    CHECK_OK(crm_cursor_double(cursor, 0, &real));
    CHECK(real == (double)id);
    ++rows;
  }
  CHECK(rows == 40 && with_phone == 40);
  CHECK_FAILS(crm_cursor_int64(cursor, 0, &id), CRM_MISUSE, "not on a row");
  crm_cursor_free(cursor);

  CHECK_OK(crm_account_select(db, "name,country,parent_id,tags", NULL, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_FAILS(crm_cursor_int64(cursor, 0, &id), CRM_INVALID_ARGUMENT, "not integer");
  CHECK_FAILS(crm_cursor_text(cursor, 2, &text), CRM_INVALID_ARGUMENT, "not text");
  CHECK_FAILS(crm_cursor_double(cursor, 1, &real), CRM_INVALID_ARGUMENT, "not numeric");
  CHECK_FAILS(crm_cursor_is_null(cursor, -1, &is_null), CRM_NOT_FOUND, "column -1");
  CHECK_FAILS(crm_cursor_contact(cursor, NULL), CRM_MISUSE, "out_contact");
  {
    const crm_contact *contact = NULL;
    CHECK_FAILS(crm_cursor_contact(cursor, &contact), CRM_MISUSE, "another kind of record");
  }
  crm_cursor_free(cursor);

  CHECK_FAILS(crm_contact_select(db, "first_name,salary", NULL, &cursor), CRM_INVALID_ARGUMENT, "'salary'");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_contact_select(db, NULL, NULL, &cursor), CRM_MISUSE, "columns");
  CHECK_FAILS(crm_account_select(db, "name", NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_account_select(NULL, "name", NULL, &cursor), CRM_MISUSE, "db");

  CHECK_OK(crm_account_list(db, NULL, &records));
  CHECK_FAILS(crm_cursor_column_count(records, &columns), CRM_MISUSE, "over records");
  CHECK_FAILS(crm_cursor_text(records, 0, &text), CRM_MISUSE, "over records");
  crm_cursor_free(records);
  CHECK_FAILS(crm_cursor_column_count(NULL, &columns), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_column(NULL, 0, NULL, NULL), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_is_null(NULL, 0, &is_null), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_int64(NULL, 0, &id), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_double(NULL, 0, &real), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_text(NULL, 0, &text), CRM_MISUSE, "cursor");

  /* closed while selecting */
  CHECK_OK(crm_contact_select(db, "id", query, &cursor));
  crm_db_close(db);
  CHECK_FAILS(crm_cursor_next(cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_contact_select(db, "id", query, &records), CRM_MISUSE, "closed");
  crm_cursor_free(cursor);
  crm_query_free(query);
  crm_db_free(db);
}

/* A cursor that outlives crm_db_close() reports misuse instead of crashing. */
static void test_cursor_after_close(void) {
  crm_db *db = open_memory_in("LV");
  crm_query *query = NULL;
  crm_cursor *cursor = NULL;
  CHECK_OK(crm_db_load_sample_data(db, 3, 5, 20, NULL, NULL));
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_page_size(query, 5));
  CHECK_OK(crm_contact_list(db, query, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  crm_db_close(db);
  CHECK_FAILS(crm_cursor_next(cursor), CRM_MISUSE, "closed");
  crm_cursor_free(cursor);
  crm_db_free(db);

  /* freeing the handle first is safe too: the cursor reports misuse */
  db = open_memory_in("LV");
  CHECK_OK(crm_db_load_sample_data(db, 3, 5, 20, NULL, NULL));
  CHECK_OK(crm_contact_list(db, query, &cursor));
  crm_db_free(db);
  CHECK_FAILS(crm_cursor_next(cursor), CRM_MISUSE, "closed");
  crm_cursor_free(cursor);
  crm_query_free(query);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s SCRATCH_DIR\n", argv[0]);
    return 2;
  }
  snprintf(scratch, sizeof scratch, "%s", argv[1]);
  test_version_errors_and_money();
  test_options_and_open();
  test_accounts();
  test_contacts_and_employment();
  test_lists_queries_and_transactions();
  test_misuse();
  test_cursor_after_close();
  test_select();
  return check_report("crm_capi_test");
}
