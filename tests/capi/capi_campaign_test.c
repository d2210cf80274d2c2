/*
 * Tests of lead sources, campaigns, the base currency and exchange rates
 * through the C ABI, written in C99: lead sources added, found ignoring case,
 * renamed, listed and removed (and refused while records use them);
 * campaigns filled field by field, stored, found, updated with version
 * checks, listed by start date and removed; the lead source and campaign
 * fields of accounts, contacts and leads and the new lead fields round trip;
 * rates set, replaced, looked up by day, listed, removed and used to
 * convert; and misuse (NULL handles and pointers, a closed handle, the wrong
 * cursor), each time with the status, crm_last_error()'s code and message.
 *
 *   crm_capi_campaign_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

/* ---- helpers ------------------------------------------------------------ */

/* Stores a campaign called name on channel, starting on starts_on (NULL:
   undated), costing cost_minor of currency; returns its id. */
static int64_t make_campaign(crm_db *db, const char *name, const char *channel, const char *starts_on,
                             int64_t cost_minor, const char *currency) {
  crm_campaign *data = NULL;
  crm_campaign *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_campaign_new(&data));
  CHECK_OK(crm_campaign_set(data, "name", name));
  CHECK_OK(crm_campaign_set(data, "channel", channel));
  CHECK_OK(crm_campaign_set(data, "starts_on", starts_on));
  CHECK_OK(crm_campaign_set_cost(data, cost_minor, currency));
  CHECK_OK(crm_campaign_create(db, data, &created));
  CHECK_OK(crm_campaign_id(created, &id));
  crm_campaign_free(data);
  crm_campaign_free(created);
  return id;
}

/* The lead source names of the list, joined by "|" into out (size bytes). */
static void lead_source_names(crm_db *db, char *out, size_t size) {
  crm_cursor *cursor = NULL;
  const char *name = NULL;
  int64_t id = 0;
  crm_status status;
  out[0] = '\0';
  CHECK_OK(crm_lead_source_list(db, &cursor));
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    CHECK_OK(crm_cursor_lead_source(cursor, &id, &name));
    CHECK(id > 0);
    if (out[0] != '\0') strncat(out, "|", size - strlen(out) - 1);
    strncat(out, name, size - strlen(out) - 1);
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
}

/* The campaign names of the list, joined by "|" into out (size bytes). */
static void campaign_names(crm_db *db, char *out, size_t size) {
  crm_cursor *cursor = NULL;
  const crm_campaign *campaign = NULL;
  const char *name = NULL;
  crm_status status;
  out[0] = '\0';
  CHECK_OK(crm_campaign_list(db, &cursor));
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    CHECK_OK(crm_cursor_campaign(cursor, &campaign));
    CHECK_OK(crm_campaign_get_field(campaign, "name", &name));
    if (out[0] != '\0') strncat(out, "|", size - strlen(out) - 1);
    strncat(out, name, size - strlen(out) - 1);
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
}

/* The rates crm_exchange_rate_list() gives for from and to, as
   "FROM>TO@DAY=RATE" joined by "|" into out (size bytes). */
static void rate_list(crm_db *db, const char *from, const char *to, char *out, size_t size) {
  crm_cursor *cursor = NULL;
  const char *parts[4] = {NULL, NULL, NULL, NULL};
  char entry[64];
  crm_status status;
  out[0] = '\0';
  CHECK_OK(crm_exchange_rate_list(db, from, to, &cursor));
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    CHECK_OK(crm_cursor_exchange_rate(cursor, &parts[0], &parts[1], &parts[2], &parts[3]));
    snprintf(entry, sizeof entry, "%s>%s@%s=%s", parts[0], parts[1], parts[2], parts[3]);
    if (out[0] != '\0') strncat(out, "|", size - strlen(out) - 1);
    strncat(out, entry, size - strlen(out) - 1);
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
}

/* ---- lead sources ------------------------------------------------------- */

static void test_lead_sources(void) {
  crm_db *db = open_memory_in("LV");
  crm_account *account = NULL;
  crm_account *stored = NULL;
  char names[256];
  char *name = NULL;
  const char *text = NULL;
  int64_t fair = 0, web = 0, found = 0, account_id = 0;

  CHECK_OK(crm_lead_source_add(db, "Trade fair", &fair));
  CHECK(fair > 0);
  CHECK_OK(crm_lead_source_add(db, "Referral", NULL));
  CHECK_FAILS(crm_lead_source_add(db, "trade FAIR", &found), CRM_ALREADY_EXISTS, "already a lead source");
  CHECK_FAILS(crm_lead_source_add(db, "", &found), CRM_INVALID_ARGUMENT, "");
  CHECK_FAILS(crm_lead_source_add(db, "two\nlines", &found), CRM_INVALID_ARGUMENT, "");
  CHECK_FAILS(crm_lead_source_add(db, "\xe2\x82", &found), CRM_INVALID_ARGUMENT, "UTF-8");

  CHECK_OK(crm_lead_source_find(db, "TRADE fair", &found));
  CHECK(found == fair);
  CHECK_OK(crm_lead_source_find(db, "Billboard", &found));
  CHECK(found == 0);
  CHECK_OK(crm_lead_source_get(db, fair, &name));
  CHECK(same(name, "Trade fair"));
  crm_free(name);
  name = (char *)"untouched";
  CHECK_FAILS(crm_lead_source_get(db, 999, &name), CRM_NOT_FOUND, "999");
  CHECK(name == NULL);

  /* a record naming an unknown source adds it; "web" and "Web" are one */
  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_account_set(account, "name", "SIA Koks"));
  CHECK_OK(crm_account_set(account, "lead_source", "Web"));
  CHECK_OK(crm_account_create(db, account, &stored));
  CHECK_OK(crm_account_id(stored, &account_id));
  CHECK_OK(crm_lead_source_find(db, "web", &web));
  CHECK(web > 0);
  lead_source_names(db, names, sizeof names);
  CHECK(same(names, "Referral|Trade fair|Web"));

  /* renaming shows on the records that point to it */
  CHECK_OK(crm_lead_source_rename(db, web, "Web site"));
  CHECK_FAILS(crm_lead_source_rename(db, web, "referral"), CRM_ALREADY_EXISTS, "already a lead source");
  CHECK_FAILS(crm_lead_source_rename(db, 999, "Other"), CRM_NOT_FOUND, "999");
  crm_account_free(stored);
  CHECK_OK(crm_account_get(db, account_id, &stored));
  CHECK_OK(crm_account_get_field(stored, "lead_source", &text));
  CHECK(same(text, "Web site"));

  /* a source in use stays */
  CHECK_FAILS(crm_lead_source_remove(db, web), CRM_CONFLICT, "1");
  CHECK_OK(crm_lead_source_remove(db, fair));
  CHECK_FAILS(crm_lead_source_get(db, fair, &name), CRM_NOT_FOUND, "");
  CHECK_FAILS(crm_lead_source_remove(db, fair), CRM_NOT_FOUND, "");
  lead_source_names(db, names, sizeof names);
  CHECK(same(names, "Referral|Web site"));

  crm_account_free(account);
  crm_account_free(stored);
  crm_db_free(db);
}

/* ---- campaigns ---------------------------------------------------------- */

static void test_campaign_fields(void) {
  crm_campaign *data = NULL;
  const char *text = NULL;
  const char *currency = NULL;
  int64_t minor = -1, number = -1;
  int has = -1;

  CHECK_OK(crm_campaign_new(&data));
  /* the defaults: channel other, cost 0.00 EUR, no budget, not stored */
  CHECK_OK(crm_campaign_get_field(data, "channel", &text));
  CHECK(same(text, "other"));
  CHECK_OK(crm_campaign_cost(data, &minor, &currency));
  CHECK(minor == 0 && same(currency, "EUR"));
  CHECK_OK(crm_campaign_budget(data, &has, &minor, &currency));
  CHECK(has == 0 && minor == 0 && same(currency, ""));
  CHECK_OK(crm_campaign_id(data, &number));
  CHECK(number == 0);
  CHECK_OK(crm_campaign_get_field(data, "starts_on", &text));
  CHECK(same(text, ""));

  CHECK_OK(crm_campaign_set(data, "name", "Riga Build 2025"));
  CHECK_OK(crm_campaign_set(data, "channel", "cold call"));
  CHECK_OK(crm_campaign_get_field(data, "channel", &text));
  CHECK(same(text, "cold_call"));
  CHECK_FAILS(crm_campaign_set(data, "channel", "pigeon"), CRM_INVALID_ARGUMENT, "pigeon");
  CHECK_FAILS(crm_campaign_set(data, "channel", "pigeon"), CRM_INVALID_ARGUMENT, "web, email");
  CHECK_OK(crm_campaign_get_field(data, "channel", &text));
  CHECK(same(text, "cold_call")); /* a bad value leaves the field as it was */
  CHECK_OK(crm_campaign_set(data, "channel", NULL));
  CHECK_OK(crm_campaign_get_field(data, "channel", &text));
  CHECK(same(text, "other"));
  CHECK_OK(crm_campaign_set(data, "channel", "event"));
  CHECK_OK(crm_campaign_set(data, "starts_on", "2025-04-01"));
  CHECK_OK(crm_campaign_set(data, "ends_on", "2025-04-03"));
  CHECK_FAILS(crm_campaign_set(data, "ends_on", "3 April"), CRM_INVALID_ARGUMENT, "3 April");
  CHECK_OK(crm_campaign_get_field(data, "ends_on", &text));
  CHECK(same(text, "2025-04-03"));
  CHECK_OK(crm_campaign_set(data, "lead_source", "Trade fair"));
  CHECK_OK(crm_campaign_set(data, "owner", "anna"));
  CHECK_OK(crm_campaign_set(data, "description", "Stand B12"));
  CHECK_FAILS(crm_campaign_set(data, "cost", "12"), CRM_INVALID_ARGUMENT, "'cost' is not a field that can be set");
  CHECK_FAILS(crm_campaign_set(data, "created_at", "x"), CRM_INVALID_ARGUMENT, "channel");
  CHECK_FAILS(crm_campaign_get_field(data, "budget", &text), CRM_INVALID_ARGUMENT, "'budget' is not a field");
  CHECK_OK(crm_campaign_get_field(data, "lead_source", &text));
  CHECK(same(text, "Trade fair"));
  CHECK_OK(crm_campaign_get_field(data, "owner", &text));
  CHECK(same(text, "anna"));
  CHECK_OK(crm_campaign_get_field(data, "description", &text));
  CHECK(same(text, "Stand B12"));
  CHECK_OK(crm_campaign_get_field(data, "created_at", &text));
  CHECK(same(text, ""));

  CHECK_OK(crm_campaign_set_cost(data, 120000, "EUR"));
  CHECK_FAILS(crm_campaign_set_cost(data, 1, "EURO"), CRM_INVALID_ARGUMENT, "EURO");
  CHECK_OK(crm_campaign_cost(data, &minor, &currency));
  CHECK(minor == 120000 && same(currency, "EUR"));
  CHECK_OK(crm_campaign_set_budget(data, 150000, "EUR"));
  CHECK_OK(crm_campaign_budget(data, &has, &minor, &currency));
  CHECK(has == 1 && minor == 150000 && same(currency, "EUR"));
  CHECK_OK(crm_campaign_set_budget(data, 0, NULL));
  CHECK_OK(crm_campaign_budget(data, &has, &minor, &currency));
  CHECK(has == 0 && minor == 0 && same(currency, ""));
  CHECK_OK(crm_campaign_set_budget(data, 1, ""));
  CHECK_OK(crm_campaign_budget(data, &has, &minor, &currency));
  CHECK(has == 0);
  crm_campaign_free(data);
  crm_campaign_free(NULL);
}

static void test_campaigns(void) {
  crm_db *db = open_memory_in("LV");
  crm_campaign *data = NULL;
  crm_campaign *created = NULL;
  crm_campaign *got = NULL;
  crm_campaign *updated = NULL;
  crm_campaign *stale = NULL;
  const char *text = NULL;
  const char *currency = NULL;
  char names[256];
  int64_t id = 0, other = 0, number = 0, source = 0, minor = 0;
  int has = 0;

  CHECK_OK(crm_campaign_new(&data));
  CHECK_OK(crm_campaign_set(data, "name", "Spring fair"));
  CHECK_OK(crm_campaign_set(data, "channel", "event"));
  CHECK_OK(crm_campaign_set(data, "starts_on", "2025-04-01"));
  CHECK_OK(crm_campaign_set(data, "ends_on", "2025-04-03"));
  CHECK_OK(crm_campaign_set(data, "lead_source", "Trade fair"));
  CHECK_OK(crm_campaign_set(data, "owner", "anna"));
  CHECK_OK(crm_campaign_set_cost(data, 120000, "EUR"));
  CHECK_OK(crm_campaign_set_budget(data, 150000, "EUR"));
  CHECK_OK(crm_campaign_create(db, data, &created));
  CHECK_OK(crm_campaign_id(created, &id));
  CHECK(id > 0);
  CHECK_OK(crm_campaign_version(created, &number));
  CHECK(number == 1);
  CHECK_OK(crm_campaign_get_field(created, "created_at", &text));
  CHECK(text != NULL && strlen(text) > 10);
  CHECK_OK(crm_campaign_get_field(created, "updated_at", &text));
  CHECK(text != NULL && strlen(text) > 10);
  /* its lead source was added */
  CHECK_OK(crm_lead_source_find(db, "trade fair", &source));
  CHECK(source > 0);
  crm_campaign_free(created);

  /* refused data: the field is named, nothing is stored */
  CHECK_FAILS(crm_campaign_create(db, data, NULL), CRM_ALREADY_EXISTS, "");
  CHECK_OK(crm_campaign_set(data, "name", "SPRING Fair"));
  CHECK_FAILS(crm_campaign_create(db, data, NULL), CRM_ALREADY_EXISTS, "");
  CHECK_OK(crm_campaign_set(data, "name", "Autumn fair"));
  CHECK_OK(crm_campaign_set(data, "ends_on", "2025-03-31"));
  CHECK_FAILS(crm_campaign_create(db, data, NULL), CRM_INVALID_ARGUMENT, "ends_on");
  CHECK_OK(crm_campaign_set(data, "ends_on", NULL));
  CHECK_OK(crm_campaign_set_cost(data, -1, "EUR"));
  CHECK_FAILS(crm_campaign_create(db, data, NULL), CRM_INVALID_ARGUMENT, "cost");
  CHECK_OK(crm_campaign_set_cost(data, 100, "EUR"));
  CHECK_OK(crm_campaign_set_budget(data, 100, "USD"));
  CHECK_FAILS(crm_campaign_create(db, data, NULL), CRM_INVALID_ARGUMENT, "budget");
  CHECK_OK(crm_campaign_set_budget(data, 0, NULL));
  CHECK_OK(crm_campaign_set(data, "name", NULL));
  created = data; /* overwritten with NULL by the failing call */
  CHECK_FAILS(crm_campaign_create(db, data, &created), CRM_INVALID_ARGUMENT, "name");
  CHECK(created == NULL);

  /* get and find */
  CHECK_OK(crm_campaign_get(db, id, &got));
  CHECK_OK(crm_campaign_get_field(got, "name", &text));
  CHECK(same(text, "Spring fair"));
  CHECK_OK(crm_campaign_get_field(got, "channel", &text));
  CHECK(same(text, "event"));
  CHECK_OK(crm_campaign_get_field(got, "starts_on", &text));
  CHECK(same(text, "2025-04-01"));
  CHECK_OK(crm_campaign_get_field(got, "ends_on", &text));
  CHECK(same(text, "2025-04-03"));
  CHECK_OK(crm_campaign_get_field(got, "lead_source", &text));
  CHECK(same(text, "Trade fair"));
  CHECK_OK(crm_campaign_cost(got, &minor, &currency));
  CHECK(minor == 120000 && same(currency, "EUR"));
  CHECK_OK(crm_campaign_budget(got, &has, &minor, &currency));
  CHECK(has == 1 && minor == 150000 && same(currency, "EUR"));
  crm_campaign_free(got);
  got = data;
  CHECK_FAILS(crm_campaign_get(db, 999, &got), CRM_NOT_FOUND, "999");
  CHECK(got == NULL);
  CHECK_OK(crm_campaign_find(db, "spring FAIR", &got));
  CHECK(got != NULL);
  CHECK_OK(crm_campaign_id(got, &number));
  CHECK(number == id);
  crm_campaign_free(got);
  got = data;
  CHECK_OK(crm_campaign_find(db, "Winter fair", &got));
  CHECK(got == NULL);

  /* update with the version check */
  CHECK_OK(crm_campaign_get(db, id, &got));
  CHECK_OK(crm_campaign_get(db, id, &stale));
  CHECK_OK(crm_campaign_set_cost(got, 130000, "EUR"));
  CHECK_OK(crm_campaign_set(got, "description", "Stand B12"));
  CHECK_OK(crm_campaign_update(db, got, &updated));
  CHECK_OK(crm_campaign_version(updated, &number));
  CHECK(number == 2);
  CHECK_OK(crm_campaign_cost(updated, &minor, &currency));
  CHECK(minor == 130000 && same(currency, "EUR"));
  CHECK_OK(crm_campaign_get_field(updated, "description", &text));
  CHECK(same(text, "Stand B12"));
  CHECK_FAILS(crm_campaign_update(db, got, NULL), CRM_CONFLICT, ""); /* its version is stale now */
  CHECK_OK(crm_campaign_set(stale, "owner", "peteris"));
  created = data;
  CHECK_FAILS(crm_campaign_update(db, stale, &created), CRM_CONFLICT, "");
  CHECK(created == NULL);
  crm_campaign_free(got);
  crm_campaign_free(stale);
  crm_campaign_free(updated);

  /* list: by start date, undated last, then name */
  other = make_campaign(db, "Banner ads", "banner", NULL, 0, "EUR");
  CHECK(other > 0);
  CHECK(make_campaign(db, "January mailing", "email", "2025-01-10", 5000, "EUR") > 0);
  CHECK(make_campaign(db, "Autumn fair", "event", "2025-09-01", 0, "EUR") > 0);
  campaign_names(db, names, sizeof names);
  CHECK(same(names, "January mailing|Spring fair|Autumn fair|Banner ads"));

  /* remove: refused while a record points to the campaign */
  {
    crm_lead *lead = NULL;
    CHECK_OK(crm_lead_new(&lead));
    CHECK_OK(crm_lead_set(lead, "last_name", "Ozols"));
    CHECK_OK(crm_lead_set(lead, "campaign", "spring fair"));
    CHECK_OK(crm_lead_create(db, lead, NULL));
    crm_lead_free(lead);
  }
  CHECK_FAILS(crm_campaign_remove(db, id), CRM_CONFLICT, "1");
  CHECK_FAILS(crm_lead_source_remove(db, source), CRM_CONFLICT, ""); /* the campaign counts under it */
  CHECK_OK(crm_campaign_remove(db, other));
  CHECK_FAILS(crm_campaign_get(db, other, &got), CRM_NOT_FOUND, "");
  CHECK_FAILS(crm_campaign_remove(db, other), CRM_NOT_FOUND, "");
  campaign_names(db, names, sizeof names);
  CHECK(same(names, "January mailing|Spring fair|Autumn fair"));

  crm_campaign_free(data);
  crm_db_free(db);
}

/* The campaign and lead source fields of accounts, contacts and leads, and
   the job title and industry of leads, through create and get. */
static void test_record_fields(void) {
  crm_db *db = open_memory_in("LV");
  crm_account *account = NULL;
  crm_account *stored_account = NULL;
  crm_contact *contact = NULL;
  crm_contact *stored_contact = NULL;
  crm_lead *lead = NULL;
  crm_lead *stored_lead = NULL;
  const char *text = NULL;

  make_campaign(db, "Spring fair", "event", "2025-04-01", 120000, "EUR");

  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_account_set(account, "name", "SIA Koks"));
  CHECK_OK(crm_account_set(account, "campaign", "Autumn fair"));
  CHECK_FAILS(crm_account_create(db, account, &stored_account), CRM_NOT_FOUND, "no campaign 'Autumn fair'");
  CHECK(same(crm_last_error()->field, "account.campaign"));
  CHECK(stored_account == NULL);
  CHECK_OK(crm_account_set(account, "campaign", "SPRING fair"));
  CHECK_OK(crm_account_set(account, "lead_source", "fair"));
  CHECK_OK(crm_account_create(db, account, &stored_account));
  CHECK_OK(crm_account_get_field(stored_account, "campaign", &text));
  CHECK(same(text, "Spring fair"));
  CHECK_OK(crm_account_get_field(stored_account, "lead_source", &text));
  CHECK(same(text, "fair"));

  CHECK_OK(crm_contact_new(&contact));
  CHECK_OK(crm_contact_set(contact, "last_name", "Bērziņa"));
  CHECK_OK(crm_contact_set(contact, "campaign", "Spring fair"));
  CHECK_OK(crm_contact_set(contact, "lead_source", "Fair"));
  CHECK_OK(crm_contact_get_field(contact, "campaign", &text));
  CHECK(same(text, "Spring fair"));
  CHECK_OK(crm_contact_create(db, contact, &stored_contact));
  CHECK_OK(crm_contact_get_field(stored_contact, "campaign", &text));
  CHECK(same(text, "Spring fair"));
  CHECK_OK(crm_contact_get_field(stored_contact, "lead_source", &text));
  CHECK(same(text, "fair")); /* one source, named as first written */

  CHECK_OK(crm_lead_new(&lead));
  CHECK_OK(crm_lead_set(lead, "last_name", "Ковальчук"));
  CHECK_OK(crm_lead_set(lead, "company_name", "ТОВ Ліс"));
  CHECK_OK(crm_lead_set(lead, "source", "Web form"));
  CHECK_OK(crm_lead_set(lead, "campaign", "Spring fair"));
  CHECK_OK(crm_lead_set(lead, "job_title", "Головний бухгалтер"));
  CHECK_OK(crm_lead_set(lead, "industry", "Timber"));
  CHECK_OK(crm_lead_create(db, lead, &stored_lead));
  CHECK_OK(crm_lead_get_field(stored_lead, "source", &text));
  CHECK(same(text, "Web form"));
  CHECK_OK(crm_lead_get_field(stored_lead, "campaign", &text));
  CHECK(same(text, "Spring fair"));
  CHECK_OK(crm_lead_get_field(stored_lead, "job_title", &text));
  CHECK(same(text, "Головний бухгалтер"));
  CHECK_OK(crm_lead_get_field(stored_lead, "industry", &text));
  CHECK(same(text, "Timber"));
  CHECK_OK(crm_lead_set(stored_lead, "campaign", NULL));
  CHECK_OK(crm_lead_set(stored_lead, "industry", ""));
  crm_lead_free(lead);
  lead = NULL;
  CHECK_OK(crm_lead_update(db, stored_lead, &lead));
  CHECK_OK(crm_lead_get_field(lead, "campaign", &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_lead_get_field(lead, "industry", &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_lead_get_field(lead, "job_title", &text));
  CHECK(same(text, "Головний бухгалтер"));

  crm_account_free(account);
  crm_account_free(stored_account);
  crm_contact_free(contact);
  crm_contact_free(stored_contact);
  crm_lead_free(lead);
  crm_lead_free(stored_lead);
  crm_db_free(db);
}

/* The new fields as selected columns, and carried over by a lead's conversion. */
static void test_select_and_convert(void) {
  crm_db *db = open_memory_in("LV");
  crm_lead *lead = NULL;
  crm_lead *stored = NULL;
  crm_account *account = NULL;
  crm_contact *contact = NULL;
  crm_cursor *cursor = NULL;
  const char *text = NULL;
  int64_t lead_id = 0, account_id = 0, contact_id = 0;

  make_campaign(db, "Spring fair", "event", "2025-04-01", 120000, "EUR");
  CHECK_OK(crm_lead_new(&lead));
  CHECK_OK(crm_lead_set(lead, "last_name", "Ozols"));
  CHECK_OK(crm_lead_set(lead, "company_name", "SIA Koks"));
  CHECK_OK(crm_lead_set(lead, "source", "Trade fair"));
  CHECK_OK(crm_lead_set(lead, "campaign", "Spring fair"));
  CHECK_OK(crm_lead_set(lead, "job_title", "Buyer"));
  CHECK_OK(crm_lead_set(lead, "industry", "Timber"));
  CHECK_OK(crm_lead_create(db, lead, &stored));
  CHECK_OK(crm_lead_get_int(stored, "id", &lead_id));

  CHECK_OK(crm_lead_select(db, "source, campaign, job_title, industry", NULL, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_text(cursor, 0, &text));
  CHECK(same(text, "Trade fair"));
  CHECK_OK(crm_cursor_text(cursor, 1, &text));
  CHECK(same(text, "Spring fair"));
  CHECK_OK(crm_cursor_text(cursor, 2, &text));
  CHECK(same(text, "Buyer"));
  CHECK_OK(crm_cursor_text(cursor, 3, &text));
  CHECK(same(text, "Timber"));
  crm_cursor_free(cursor);

  /* the account and contact made from the lead take its origin */
  CHECK_OK(crm_lead_convert(db, lead_id, 0, NULL, 0, NULL, NULL, &account_id, &contact_id, NULL));
  CHECK_OK(crm_account_get(db, account_id, &account));
  CHECK_OK(crm_account_get_field(account, "campaign", &text));
  CHECK(same(text, "Spring fair"));
  CHECK_OK(crm_account_get_field(account, "lead_source", &text));
  CHECK(same(text, "Trade fair"));
  CHECK_OK(crm_account_get_field(account, "industry", &text));
  CHECK(same(text, "Timber"));
  CHECK_OK(crm_contact_get(db, contact_id, &contact));
  CHECK_OK(crm_contact_get_field(contact, "campaign", &text));
  CHECK(same(text, "Spring fair"));
  CHECK_OK(crm_contact_get_field(contact, "job_title", &text));
  CHECK(same(text, "Buyer"));
  CHECK_OK(crm_account_select(db, "name, campaign", NULL, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_text(cursor, 1, &text));
  CHECK(same(text, "Spring fair"));
  crm_cursor_free(cursor);
  CHECK_OK(crm_contact_select(db, "last_name, lead_source, campaign", NULL, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_text(cursor, 1, &text));
  CHECK(same(text, "Trade fair"));
  CHECK_OK(crm_cursor_text(cursor, 2, &text));
  CHECK(same(text, "Spring fair"));
  crm_cursor_free(cursor);

  crm_lead_free(lead);
  crm_lead_free(stored);
  crm_account_free(account);
  crm_contact_free(contact);
  crm_db_free(db);
}

/* ---- currencies --------------------------------------------------------- */

static void test_base_currency(void) {
  crm_db *db = open_memory_in(NULL);
  char *code = NULL;

  CHECK_OK(crm_currency_base(db, &code));
  CHECK(same(code, "EUR"));
  crm_free(code);
  CHECK_OK(crm_currency_set_base(db, "USD"));
  CHECK_OK(crm_currency_base(db, &code));
  CHECK(same(code, "USD"));
  crm_free(code);
  CHECK_FAILS(crm_currency_set_base(db, "XYZ"), CRM_INVALID_ARGUMENT, "XYZ");
  CHECK_FAILS(crm_currency_set_base(db, "euro"), CRM_INVALID_ARGUMENT, "euro");
  CHECK_OK(crm_currency_base(db, &code));
  CHECK(same(code, "USD"));
  crm_free(code);
  crm_db_free(db);
}

static void test_exchange_rates(void) {
  crm_db *db = open_memory_in(NULL);
  char list[512];
  char *valid_from = NULL;
  char *rate = NULL;
  int64_t minor = 0;

  CHECK_OK(crm_exchange_rate_set(db, "USD", "EUR", "2025-01-01", "0.9200"));
  CHECK_OK(crm_exchange_rate_set(db, "USD", "EUR", "2025-02-01", "0.95"));
  CHECK_OK(crm_exchange_rate_set(db, "USD", "JPY", "2025-01-01", "150.5"));
  CHECK_OK(crm_exchange_rate_set(db, "GBP", "EUR", "2025-01-01", "1.2"));
  /* a rate of the same pair and day replaces the old one */
  CHECK_OK(crm_exchange_rate_set(db, "GBP", "EUR", "2025-01-01", "1.18"));
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", "USD", "2025-01-01", "1"), CRM_INVALID_ARGUMENT, "");
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", "XYZ", "2025-01-01", "1"), CRM_INVALID_ARGUMENT, "XYZ");
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", "EUR", "2025-01-01", "-0.9"), CRM_INVALID_ARGUMENT, "-0.9");
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", "EUR", "2025-01-01", "0"), CRM_INVALID_ARGUMENT, "");
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", "EUR", "2025-01-01", "ninety"), CRM_INVALID_ARGUMENT, "ninety");
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", "EUR", "2025-01-01", "0.1234567890123"), CRM_INVALID_ARGUMENT, "");
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", "EUR", "1 Jan", "0.9"), CRM_INVALID_ARGUMENT, "1 Jan");

  /* the rate valid on a day: the latest starting on or before it */
  CHECK_OK(crm_exchange_rate_get(db, "USD", "EUR", "2025-01-31", &valid_from, &rate));
  CHECK(same(valid_from, "2025-01-01") && same(rate, "0.92")); /* canonical form */
  crm_free(valid_from);
  crm_free(rate);
  CHECK_OK(crm_exchange_rate_get(db, "USD", "EUR", "2025-06-30", NULL, &rate));
  CHECK(same(rate, "0.95"));
  crm_free(rate);
  CHECK_OK(crm_exchange_rate_get(db, "USD", "EUR", "2025-02-01", &valid_from, NULL));
  CHECK(same(valid_from, "2025-02-01"));
  crm_free(valid_from);
  valid_from = (char *)"untouched";
  rate = (char *)"untouched";
  CHECK_FAILS(crm_exchange_rate_get(db, "USD", "EUR", "2024-12-31", &valid_from, &rate), CRM_NOT_FOUND, "USD");
  CHECK_FAILS(crm_exchange_rate_get(db, "USD", "EUR", "2024-12-31", &valid_from, &rate), CRM_NOT_FOUND, "2024-12-31");
  CHECK(valid_from == NULL && rate == NULL);
  CHECK_FAILS(crm_exchange_rate_get(db, "EUR", "USD", "2025-06-30", NULL, NULL), CRM_NOT_FOUND, "EUR");

  /* lists: all, of one source currency, of one pair */
  rate_list(db, NULL, NULL, list, sizeof list);
  CHECK(same(list, "GBP>EUR@2025-01-01=1.18|USD>EUR@2025-01-01=0.92|USD>EUR@2025-02-01=0.95|"
                   "USD>JPY@2025-01-01=150.5"));
  rate_list(db, "USD", NULL, list, sizeof list);
  CHECK(same(list, "USD>EUR@2025-01-01=0.92|USD>EUR@2025-02-01=0.95|USD>JPY@2025-01-01=150.5"));
  rate_list(db, "USD", "", list, sizeof list);
  CHECK(same(list, "USD>EUR@2025-01-01=0.92|USD>EUR@2025-02-01=0.95|USD>JPY@2025-01-01=150.5"));
  rate_list(db, "USD", "JPY", list, sizeof list);
  CHECK(same(list, "USD>JPY@2025-01-01=150.5"));
  rate_list(db, "CHF", NULL, list, sizeof list);
  CHECK(same(list, ""));

  /* conversion: exact, rounded half away from zero to the target's minor unit */
  CHECK_OK(crm_money_convert(db, 10000, "USD", "EUR", "2025-01-15", &minor));
  CHECK(minor == 9200);
  CHECK_OK(crm_money_convert(db, 5, "USD", "EUR", "2025-03-01", &minor)); /* 4.75 cents */
  CHECK(minor == 5);
  CHECK_OK(crm_money_convert(db, -5, "USD", "EUR", "2025-03-01", &minor));
  CHECK(minor == -5);
  CHECK_OK(crm_money_convert(db, 1001, "USD", "JPY", "2025-03-01", &minor)); /* 10.01 x 150.5 = 1506.505 yen */
  CHECK(minor == 1507);
  CHECK_OK(crm_money_convert(db, 12345, "EUR", "EUR", "2020-01-01", &minor)); /* no rate needed */
  CHECK(minor == 12345);
  minor = 77;
  CHECK_FAILS(crm_money_convert(db, 100, "USD", "EUR", "2024-06-01", &minor), CRM_NOT_FOUND, "2024-06-01");
  CHECK(minor == 77);
  CHECK_FAILS(crm_money_convert(db, 100, "CHF", "EUR", "2025-06-01", &minor), CRM_NOT_FOUND, "CHF");
  CHECK_FAILS(crm_money_convert(db, 100, "USD", "EURO", "2025-06-01", &minor), CRM_INVALID_ARGUMENT, "EURO");
  CHECK_FAILS(crm_money_convert(db, INT64_MAX, "USD", "JPY", "2025-06-01", &minor), CRM_INVALID_ARGUMENT, "");
  CHECK_FAILS(crm_money_convert(db, 100, "USD", "EUR", "June", &minor), CRM_INVALID_ARGUMENT, "June");

  /* removing a rate */
  CHECK_OK(crm_exchange_rate_remove(db, "USD", "EUR", "2025-02-01"));
  CHECK_FAILS(crm_exchange_rate_remove(db, "USD", "EUR", "2025-02-01"), CRM_NOT_FOUND, "");
  CHECK_FAILS(crm_exchange_rate_remove(db, "USD", "EUR", "February"), CRM_INVALID_ARGUMENT, "February");
  CHECK_OK(crm_money_convert(db, 10000, "USD", "EUR", "2025-06-30", &minor));
  CHECK(minor == 9200);
  crm_db_free(db);
}

/* ---- misuse ------------------------------------------------------------- */

static void test_misuse(void) {
  crm_db *db = open_memory_in(NULL);
  crm_campaign *campaign = NULL;
  crm_campaign *got = NULL;
  const crm_campaign *borrowed = NULL;
  crm_cursor *cursor = NULL;
  crm_cursor *other = NULL;
  const char *text = NULL;
  const char *parts = NULL;
  char *owned = NULL;
  int64_t number = 0;
  int has = 0;

  /* NULL database handle */
  CHECK_FAILS(crm_lead_source_add(NULL, "x", &number), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_source_find(NULL, "x", &number), CRM_MISUSE, "db");
  CHECK_FAILS(crm_lead_source_get(NULL, 1, &owned), CRM_MISUSE, "db");
  CHECK_FAILS(crm_lead_source_list(NULL, &cursor), CRM_MISUSE, "db");
  CHECK_FAILS(crm_lead_source_rename(NULL, 1, "x"), CRM_MISUSE, "db");
  CHECK_FAILS(crm_lead_source_remove(NULL, 1), CRM_MISUSE, "db");
  CHECK_FAILS(crm_campaign_create(NULL, campaign, NULL), CRM_MISUSE, "");
  CHECK_FAILS(crm_campaign_get(NULL, 1, &got), CRM_MISUSE, "db");
  CHECK_FAILS(crm_campaign_find(NULL, "x", &got), CRM_MISUSE, "db");
  CHECK_FAILS(crm_campaign_remove(NULL, 1), CRM_MISUSE, "db");
  CHECK_FAILS(crm_campaign_list(NULL, &cursor), CRM_MISUSE, "db");
  CHECK_FAILS(crm_currency_base(NULL, &owned), CRM_MISUSE, "db");
  CHECK_FAILS(crm_currency_set_base(NULL, "EUR"), CRM_MISUSE, "db");
  CHECK_FAILS(crm_exchange_rate_set(NULL, "USD", "EUR", "2025-01-01", "1"), CRM_MISUSE, "db");
  CHECK_FAILS(crm_exchange_rate_remove(NULL, "USD", "EUR", "2025-01-01"), CRM_MISUSE, "db");
  CHECK_FAILS(crm_exchange_rate_get(NULL, "USD", "EUR", "2025-01-01", NULL, NULL), CRM_MISUSE, "db");
  CHECK_FAILS(crm_exchange_rate_list(NULL, NULL, NULL, &cursor), CRM_MISUSE, "db");
  CHECK_FAILS(crm_money_convert(NULL, 1, "USD", "EUR", "2025-01-01", &number), CRM_MISUSE, "db");

  /* NULL required pointers */
  CHECK_FAILS(crm_lead_source_add(db, NULL, &number), CRM_MISUSE, "name");
  CHECK_FAILS(crm_lead_source_find(db, NULL, &number), CRM_MISUSE, "name");
  CHECK_FAILS(crm_lead_source_find(db, "x", NULL), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_lead_source_get(db, 1, NULL), CRM_MISUSE, "out_name");
  CHECK_FAILS(crm_lead_source_list(db, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_lead_source_rename(db, 1, NULL), CRM_MISUSE, "name");
  CHECK_FAILS(crm_campaign_new(NULL), CRM_MISUSE, "out_campaign");
  CHECK_FAILS(crm_campaign_create(db, NULL, NULL), CRM_MISUSE, "data");
  CHECK_FAILS(crm_campaign_get(db, 1, NULL), CRM_MISUSE, "out_campaign");
  CHECK_FAILS(crm_campaign_find(db, NULL, &got), CRM_MISUSE, "name");
  CHECK_FAILS(crm_campaign_find(db, "x", NULL), CRM_MISUSE, "out_campaign");
  CHECK_FAILS(crm_campaign_update(db, NULL, NULL), CRM_MISUSE, "campaign");
  CHECK_FAILS(crm_campaign_list(db, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_currency_base(db, NULL), CRM_MISUSE, "out_currency");
  CHECK_FAILS(crm_currency_set_base(db, NULL), CRM_MISUSE, "currency");
  CHECK_FAILS(crm_exchange_rate_set(db, NULL, "EUR", "2025-01-01", "1"), CRM_MISUSE, "from");
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", NULL, "2025-01-01", "1"), CRM_MISUSE, "to");
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", "EUR", NULL, "1"), CRM_MISUSE, "valid_from");
  CHECK_FAILS(crm_exchange_rate_set(db, "USD", "EUR", "2025-01-01", NULL), CRM_MISUSE, "rate");
  CHECK_FAILS(crm_exchange_rate_remove(db, "USD", "EUR", NULL), CRM_MISUSE, "valid_from");
  CHECK_FAILS(crm_exchange_rate_get(db, "USD", "EUR", NULL, NULL, NULL), CRM_MISUSE, "day");
  CHECK_FAILS(crm_exchange_rate_list(db, NULL, NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_money_convert(db, 1, NULL, "EUR", "2025-01-01", &number), CRM_MISUSE, "currency");
  CHECK_FAILS(crm_money_convert(db, 1, "USD", "EUR", "2025-01-01", NULL), CRM_MISUSE, "out_minor_units");

  /* NULL records and NULL arguments on a valid record */
  CHECK_FAILS(crm_campaign_set(NULL, "name", "x"), CRM_MISUSE, "record");
  CHECK_FAILS(crm_campaign_get_field(NULL, "name", &text), CRM_MISUSE, "record");
  CHECK_FAILS(crm_campaign_set_cost(NULL, 1, "EUR"), CRM_MISUSE, "campaign");
  CHECK_FAILS(crm_campaign_cost(NULL, &number, &text), CRM_MISUSE, "campaign");
  CHECK_FAILS(crm_campaign_set_budget(NULL, 1, "EUR"), CRM_MISUSE, "campaign");
  CHECK_FAILS(crm_campaign_budget(NULL, &has, &number, &text), CRM_MISUSE, "campaign");
  CHECK_FAILS(crm_campaign_id(NULL, &number), CRM_MISUSE, "campaign");
  CHECK_FAILS(crm_campaign_version(NULL, &number), CRM_MISUSE, "campaign");
  CHECK_OK(crm_campaign_new(&campaign));
  CHECK_FAILS(crm_campaign_set(campaign, NULL, "x"), CRM_MISUSE, "field");
  CHECK_FAILS(crm_campaign_get_field(campaign, "name", NULL), CRM_MISUSE, "out_value");
  CHECK_FAILS(crm_campaign_set_cost(campaign, 1, NULL), CRM_MISUSE, "currency");
  CHECK_FAILS(crm_campaign_cost(campaign, NULL, &text), CRM_MISUSE, "out_minor_units");
  CHECK_FAILS(crm_campaign_cost(campaign, &number, NULL), CRM_MISUSE, "out_currency");
  CHECK_FAILS(crm_campaign_budget(campaign, NULL, &number, &text), CRM_MISUSE, "out_has_budget");
  CHECK_FAILS(crm_campaign_id(campaign, NULL), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_campaign_version(campaign, NULL), CRM_MISUSE, "out_version");

  /* the wrong cursor, and a cursor not on a row */
  CHECK_FAILS(crm_cursor_lead_source(NULL, &number, &text), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_campaign(NULL, &borrowed), CRM_MISUSE, "cursor");
  CHECK_FAILS(crm_cursor_exchange_rate(NULL, &parts, NULL, NULL, NULL), CRM_MISUSE, "cursor");
  CHECK_OK(crm_lead_source_add(db, "web", NULL));
  CHECK_OK(crm_exchange_rate_set(db, "USD", "EUR", "2025-01-01", "0.9"));
  CHECK_OK(crm_lead_source_list(db, &cursor));
  CHECK_FAILS(crm_cursor_lead_source(cursor, &number, &text), CRM_MISUSE, "not on a row");
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_lead_source(cursor, NULL, NULL));
  CHECK_FAILS(crm_cursor_campaign(cursor, &borrowed), CRM_MISUSE, "another kind");
  CHECK_FAILS(crm_cursor_campaign(cursor, NULL), CRM_MISUSE, "out_campaign");
  CHECK_FAILS(crm_cursor_exchange_rate(cursor, &parts, NULL, NULL, NULL), CRM_MISUSE, "another kind");
  CHECK_OK(crm_exchange_rate_list(db, NULL, NULL, &other));
  CHECK(crm_cursor_next(other) == CRM_ROW);
  CHECK_OK(crm_cursor_exchange_rate(other, NULL, NULL, NULL, &parts));
  CHECK(same(parts, "0.9"));
  CHECK_FAILS(crm_cursor_lead_source(other, &number, &text), CRM_MISUSE, "another kind");
  CHECK(crm_cursor_next(other) == CRM_DONE);
  crm_cursor_free(other);

  /* a closed handle */
  crm_db_close(db);
  CHECK_FAILS(crm_cursor_next(cursor), CRM_MISUSE, "closed");
  crm_cursor_free(cursor);
  cursor = NULL;
  CHECK_FAILS(crm_lead_source_list(db, &cursor), CRM_MISUSE, "closed");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_lead_source_add(db, "x", NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_campaign_create(db, campaign, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_campaign_update(db, campaign, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_campaign_get(db, 1, &got), CRM_MISUSE, "closed");
  CHECK(got == NULL);
  CHECK_FAILS(crm_currency_base(db, &owned), CRM_MISUSE, "closed");
  CHECK(owned == NULL);
  CHECK_FAILS(crm_exchange_rate_list(db, NULL, NULL, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_money_convert(db, 1, "USD", "EUR", "2025-01-01", &number), CRM_MISUSE, "closed");
  crm_campaign_free(campaign);
  crm_db_free(db);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  test_lead_sources();
  test_campaign_fields();
  test_campaigns();
  test_record_fields();
  test_select_and_convert();
  test_base_currency();
  test_exchange_rates();
  test_misuse();
  return check_report("capi_campaign_test");
}
