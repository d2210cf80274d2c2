/*
 * Tests of the sales half of the C ABI, written in C99: pipelines, stages
 * and lost reasons, products, opportunities and their stage history, leads,
 * activities, agendas and reminders, timelines, telephony, business-day
 * calendars and the named query filters. Every function is called, real
 * behaviour is checked, and so is every kind of misuse from the C ABI rules
 * (NULL handles and pointers, a closed handle, invalid UTF-8, a wrong id, a
 * stale version), each time with the status, crm_last_error()'s code and its
 * message.
 *
 *   crm_capi_sales_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

static char scratch[1024];

/* ---- helpers ------------------------------------------------------------ */

static crm_db *open_memory(const char *user) {
  crm_options *options = NULL;
  crm_db *db = NULL;
  CHECK_OK(crm_options_new(&options));
  CHECK_OK(crm_options_set_default_region(options, "LV"));
  CHECK_OK(crm_db_open(":memory:", options, &db));
  crm_options_free(options);
  add_test_users(db);
  CHECK_OK(crm_db_set_user(db, user));
  return db;
}

/* A contact working for account (0: none) with an optional phone number. */
static int64_t make_contact(crm_db *db, const char *last_name, int64_t account, const char *phone) {
  crm_contact *data = NULL;
  crm_contact *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "last_name", last_name));
  CHECK_OK(crm_contact_set_account(data, account));
  if (phone != NULL) CHECK_OK(crm_contact_add_phone(data, CRM_PHONE_MOBILE, phone));
  CHECK_OK(crm_contact_create(db, data, &created));
  CHECK_OK(crm_contact_id(created, &id));
  crm_contact_free(data);
  crm_contact_free(created);
  return id;
}

static int64_t make_product(crm_db *db, const char *sku, int64_t price_minor) {
  crm_product *data = NULL;
  crm_product *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_product_new(&data));
  CHECK_OK(crm_product_set(data, "sku", sku));
  CHECK_OK(crm_product_set(data, "name", sku));
  CHECK_OK(crm_product_set_price(data, price_minor, "EUR"));
  CHECK_OK(crm_product_create(db, data, &created));
  CHECK_OK(crm_product_id(created, &id));
  crm_product_free(data);
  crm_product_free(created);
  return id;
}

/* A deal of account in the default pipeline's first stage. */
static int64_t make_deal(crm_db *db, const char *name, int64_t account, int64_t amount_minor) {
  crm_opportunity *data = NULL;
  crm_opportunity *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_opportunity_new(&data));
  CHECK_OK(crm_opportunity_set(data, "name", name));
  CHECK_OK(crm_opportunity_set_int(data, "account", account));
  CHECK_OK(crm_opportunity_set_amount(data, amount_minor, "EUR"));
  CHECK_OK(crm_opportunity_create(db, data, &created));
  CHECK_OK(crm_opportunity_get_int(created, "id", &id));
  crm_opportunity_free(data);
  crm_opportunity_free(created);
  return id;
}

/* A planned task of owner linked to (link_field, link_id), due at starts_at. */
static int64_t make_task(crm_db *db, const char *subject, const char *owner, const char *starts_at,
                         const char *link_field, int64_t link_id) {
  crm_activity *data = NULL;
  crm_activity *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_activity_new(&data));
  CHECK_OK(crm_activity_set(data, "subject", subject));
  CHECK_OK(crm_activity_set(data, "owner", owner));
  CHECK_OK(crm_activity_set(data, "starts_at", starts_at));
  CHECK_OK(crm_activity_set_int(data, link_field, link_id));
  CHECK_OK(crm_activity_create(db, data, &created));
  CHECK_OK(crm_activity_get_int(created, "id", &id));
  crm_activity_free(data);
  crm_activity_free(created);
  return id;
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

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(long y, long m, long d) {
  long era, yoe, doy, doe;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* "YYYY-MM-DD" moved by delta days into out. */
static void shift_day(const char *day, long delta, char out[11]) {
  long y = atol(day), m = atol(day + 5), d = atol(day + 8);
  long z = days_from_civil(y, m, d) + delta + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = yoe + era * 400 + (m <= 2);
  {
    char buffer[64];
    snprintf(buffer, sizeof buffer, "%04ld-%02ld-%02ld", y, m, d);
    memcpy(out, buffer, 10);
    out[10] = '\0';
  }
}

/* Today's UTC date as the database sees it. */
static void today_of(crm_db *db, char out[11]) {
  char *now = NULL;
  CHECK_OK(crm_db_now(db, &now));
  memcpy(out, now, 10);
  out[10] = '\0';
  crm_free(now);
}

/* ---- users -------------------------------------------------------------- */

static void test_users(void) {
  crm_options *options = NULL;
  crm_db *db = open_memory("anna");
  char *user = NULL;

  CHECK_OK(crm_db_user(db, &user));
  CHECK(same(user, "anna"));
  crm_free(user);
  CHECK_FAILS(crm_db_set_user(db, "  Pēteris "), CRM_NOT_FOUND, "'Pēteris' is not a user");
  CHECK_OK(crm_db_set_user(db, " peteris "));
  CHECK_OK(crm_db_user(db, &user));
  CHECK(same(user, "peteris"));
  crm_free(user);
  CHECK_OK(crm_db_set_user(db, NULL));
  CHECK_OK(crm_db_user(db, &user));
  CHECK(same(user, ""));
  crm_free(user);
  CHECK_FAILS(crm_db_set_user(db, "bad \xff user"), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_db_user(db, NULL), CRM_MISUSE, "out_user");
  CHECK_FAILS(crm_db_user(NULL, &user), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_db_set_user(NULL, "x"), CRM_MISUSE, "db must not be NULL");

  CHECK_OK(crm_options_new(&options));
  CHECK_OK(crm_options_set_user(options, NULL));
  CHECK_OK(crm_options_set_user(options, ""));
  CHECK_FAILS(crm_options_set_user(options, "\xc3\x28"), CRM_INVALID_ARGUMENT, "user: text is not valid UTF-8");
  CHECK_FAILS(crm_options_set_user(NULL, "anna"), CRM_MISUSE, "options must not be NULL");
  crm_options_free(options);

  crm_db_close(db);
  CHECK_FAILS(crm_db_user(db, &user), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_db_set_user(db, "x"), CRM_MISUSE, "closed");
  crm_db_free(db);
}

/* ---- pipelines, stages, lost reasons ------------------------------------ */

static void test_pipelines(void) {
  static const char *const default_names[] = {"Prospecting", "Qualification", "Proposal",
                                              "Negotiation", "Won",           "Lost"};
  static const int default_probabilities[] = {10, 20, 50, 75, 100, 0};
  static const crm_stage_kind default_kinds[] = {CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN,
                                                 CRM_STAGE_OPEN, CRM_STAGE_WON,  CRM_STAGE_LOST};
  const char *const names[] = {"Lead in", "Signed", "Dropped"};
  const int probabilities[] = {30, 100, 0};
  crm_stage_kind kinds[] = {CRM_STAGE_OPEN, CRM_STAGE_WON, CRM_STAGE_LOST};
  crm_db *db = open_memory("anna");
  crm_pipeline *sales = NULL;
  crm_pipeline *partners = NULL;
  crm_pipeline *found = NULL;
  crm_stage *stage = NULL;
  crm_stage *added = NULL;
  const crm_stage *borrowed = NULL;
  const crm_pipeline *row = NULL;
  crm_cursor *cursor = NULL;
  const char *text = NULL;
  int64_t id = 0, sales_id = 0, partners_id = 0, added_id = 0, pipeline_id = 0;
  int64_t order[4];
  int value = -1, rows = 0;
  size_t count = 0, i;
  crm_stage_kind kind = CRM_STAGE_LOST;

  /* the default pipeline of a new database */
  CHECK_OK(crm_pipeline_default(db, &sales));
  CHECK_OK(crm_pipeline_id(sales, &sales_id));
  CHECK(sales_id > 0);
  CHECK_OK(crm_pipeline_name(sales, &text));
  CHECK(same(text, "Sales"));
  CHECK_OK(crm_pipeline_is_default(sales, &value));
  CHECK(value == 1);
  CHECK_OK(crm_pipeline_stage_count(sales, &count));
  CHECK(count == 6);
  for (i = 0; i < count && i < 6; ++i) {
    CHECK_OK(crm_pipeline_stage(sales, i, &borrowed));
    CHECK_OK(crm_stage_name(borrowed, &text));
    CHECK(same(text, default_names[i]));
    CHECK_OK(crm_stage_probability(borrowed, &value));
    CHECK(value == default_probabilities[i]);
    CHECK_OK(crm_stage_get_kind(borrowed, &kind));
    CHECK(kind == default_kinds[i]);
    CHECK_OK(crm_stage_position(borrowed, &value));
    CHECK(value == (int)i + 1);
    CHECK_OK(crm_stage_pipeline(borrowed, &pipeline_id));
    CHECK(pipeline_id == sales_id);
    CHECK_OK(crm_stage_removed(borrowed, &value));
    CHECK(value == 0);
  }
  CHECK_FAILS(crm_pipeline_stage(sales, 6, &borrowed), CRM_NOT_FOUND, "index 6");

  CHECK_OK(crm_pipeline_find(db, "SALES", &found));
  CHECK(found != NULL);
  CHECK_OK(crm_pipeline_id(found, &id));
  CHECK(id == sales_id);
  crm_pipeline_free(found);
  CHECK_OK(crm_pipeline_find(db, "Nowhere", &found));
  CHECK(found == NULL);

  /* a pipeline of our own */
  CHECK_OK(crm_pipeline_create(db, "Partners", 3, names, probabilities, kinds, &partners));
  CHECK_OK(crm_pipeline_id(partners, &partners_id));
  CHECK_OK(crm_pipeline_is_default(partners, &value));
  CHECK(value == 0);
  CHECK_OK(crm_pipeline_stage_count(partners, &count));
  CHECK(count == 3);
  CHECK_FAILS(crm_pipeline_create(db, "partners", 3, names, probabilities, kinds, NULL), CRM_ALREADY_EXISTS,
              "partners");
  CHECK_FAILS(crm_pipeline_create(db, "Open only", 1, names, probabilities, kinds, NULL), CRM_INVALID_ARGUMENT,
              "won");
  kinds[1] = (crm_stage_kind)7;
  CHECK_FAILS(crm_pipeline_create(db, "Odd", 3, names, probabilities, kinds, NULL), CRM_INVALID_ARGUMENT,
              "kinds[1]: 7 is not a stage kind");
  kinds[1] = CRM_STAGE_WON;
  CHECK_FAILS(crm_pipeline_create(db, "Bad \xff name", 3, names, probabilities, kinds, NULL), CRM_INVALID_ARGUMENT,
              "UTF-8");
  CHECK_FAILS(crm_pipeline_create(db, "Empty", 0, NULL, NULL, NULL, &found), CRM_INVALID_ARGUMENT, "");
  CHECK(found == NULL);

  CHECK_OK(crm_pipeline_list(db, &cursor));
  while (crm_cursor_next(cursor) == CRM_ROW) {
    CHECK_OK(crm_cursor_pipeline(cursor, &row));
    CHECK_OK(crm_pipeline_id(row, &id));
    CHECK(id == (rows == 0 ? sales_id : partners_id)); /* default first */
    ++rows;
  }
  CHECK(rows == 2);
  crm_cursor_free(cursor);

  CHECK_OK(crm_pipeline_rename(db, partners_id, "Resellers", &found));
  CHECK_OK(crm_pipeline_name(found, &text));
  CHECK(same(text, "Resellers"));
  crm_pipeline_free(found);
  CHECK_OK(crm_pipeline_rename(db, partners_id, "Partners", NULL));
  CHECK_OK(crm_pipeline_set_default(db, partners_id));
  CHECK_OK(crm_pipeline_get(db, partners_id, &found));
  CHECK_OK(crm_pipeline_is_default(found, &value));
  CHECK(value == 1);
  crm_pipeline_free(found);
  CHECK_OK(crm_pipeline_set_default(db, sales_id));
  CHECK_FAILS(crm_pipeline_get(db, 999, &found), CRM_NOT_FOUND, "999");
  CHECK(found == NULL);
  CHECK_FAILS(crm_pipeline_set_default(db, 999), CRM_NOT_FOUND, "999");

  /* stages: add, update, reorder, remove */
  CHECK_OK(crm_stage_add(db, partners_id, "Demo", 60, CRM_STAGE_OPEN, 0, &added));
  CHECK_OK(crm_stage_id(added, &added_id));
  CHECK_OK(crm_stage_position(added, &value));
  CHECK(value == 2); /* after the last open stage */
  CHECK_OK(crm_stage_update(db, added_id, "Live demo", 65, CRM_STAGE_OPEN, &stage));
  CHECK_OK(crm_stage_name(stage, &text));
  CHECK(same(text, "Live demo"));
  CHECK_OK(crm_stage_probability(stage, &value));
  CHECK(value == 65);
  crm_stage_free(stage);
  CHECK_FAILS(crm_stage_update(db, added_id, "Live demo", 101, CRM_STAGE_OPEN, NULL), CRM_INVALID_ARGUMENT, "101");
  CHECK_FAILS(crm_stage_add(db, partners_id, "Weird", 5, (crm_stage_kind)-1, 0, &stage), CRM_INVALID_ARGUMENT,
              "kind: -1 is not a stage kind");
  CHECK(stage == NULL);
  CHECK_FAILS(crm_stage_add(db, 999, "Lost pipeline", 5, CRM_STAGE_OPEN, 0, NULL), CRM_NOT_FOUND, "999");

  CHECK_OK(crm_pipeline_get(db, partners_id, &found));
  CHECK_OK(crm_pipeline_stage_count(found, &count));
  CHECK(count == 4);
  for (i = 0; i < count && i < 4; ++i) {
    CHECK_OK(crm_pipeline_stage(found, count - 1 - i, &borrowed));
    CHECK_OK(crm_stage_id(borrowed, &order[i]));
  }
  crm_pipeline_free(found);
  CHECK_OK(crm_pipeline_reorder_stages(db, partners_id, 4, order));
  CHECK_OK(crm_pipeline_get(db, partners_id, &found));
  CHECK_OK(crm_pipeline_stage(found, 0, &borrowed));
  CHECK_OK(crm_stage_id(borrowed, &id));
  CHECK(id == order[0]);
  crm_pipeline_free(found);
  CHECK_FAILS(crm_pipeline_reorder_stages(db, partners_id, 2, order), CRM_INVALID_ARGUMENT, "");

  CHECK_OK(crm_stage_remove(db, added_id, 0));
  CHECK_OK(crm_stage_get(db, added_id, &stage));
  CHECK_OK(crm_stage_removed(stage, &value));
  CHECK(value == 1);
  crm_stage_free(stage);
  CHECK_FAILS(crm_stage_remove(db, added_id, 0), CRM_CONFLICT, "already removed");
  CHECK_FAILS(crm_stage_get(db, 4242, &stage), CRM_NOT_FOUND, "4242");
  CHECK(stage == NULL);

  /* lost reasons */
  {
    int64_t reason = 0, again = 0, cursor_id = 0;
    const char *name = NULL;
    int active = -1, total = 0, inactive = 0;
    CHECK_OK(crm_lost_reason_list(db, 0, &cursor));
    CHECK(drain(cursor) == 6);
    CHECK_OK(crm_lost_reason_add(db, "Too slow", &reason));
    CHECK(reason > 0);
    CHECK_FAILS(crm_lost_reason_add(db, "too SLOW", &again), CRM_ALREADY_EXISTS, "already exists");
    CHECK_FAILS(crm_lost_reason_add(db, "\xe2\x82", &again), CRM_INVALID_ARGUMENT, "UTF-8");
    CHECK_OK(crm_lost_reason_find(db, "TOO slow", &again));
    CHECK(again == reason);
    CHECK_OK(crm_lost_reason_set_active(db, reason, 0));
    CHECK_OK(crm_lost_reason_find(db, "Too slow", &again));
    CHECK(again == 0);
    CHECK_OK(crm_lost_reason_list(db, 1, &cursor));
    while (crm_cursor_next(cursor) == CRM_ROW) {
      CHECK_OK(crm_cursor_lost_reason(cursor, &cursor_id, &name, &active));
      ++total;
      if (!active) {
        ++inactive;
        CHECK(cursor_id == reason && same(name, "Too slow"));
      }
    }
    CHECK(total == 7 && inactive == 1);
    CHECK_FAILS(crm_cursor_lost_reason(cursor, &cursor_id, &name, &active), CRM_MISUSE, "not on a row");
    crm_cursor_free(cursor);
    CHECK_OK(crm_lost_reason_set_active(db, reason, 1));
    CHECK_FAILS(crm_lost_reason_set_active(db, 999, 1), CRM_NOT_FOUND, "999");
  }

  crm_pipeline_free(sales);
  crm_pipeline_free(partners);
  crm_stage_free(added);
  crm_pipeline_free(NULL);
  crm_stage_free(NULL);
  crm_db_free(db);
}

/* ---- products ----------------------------------------------------------- */

static void test_products(void) {
  crm_db *db = open_memory("anna");
  crm_product *data = NULL;
  crm_product *created = NULL;
  crm_product *updated = NULL;
  crm_product *found = NULL;
  crm_cursor *cursor = NULL;
  const crm_product *row = NULL;
  const char *text = NULL;
  const char *currency = NULL;
  int64_t id = 0, version = 0, price = 0;
  int active = -1;

  CHECK_OK(crm_product_new(&data));
  CHECK_OK(crm_product_set(data, "sku", "OAK-100"));
  CHECK_OK(crm_product_set(data, "name", "Ozolkoka dēlis"));
  CHECK_OK(crm_product_set_price(data, 2599, "EUR"));
  CHECK_OK(crm_product_set_active(data, 1));
  CHECK_FAILS(crm_product_set_price(data, 1, "EURO"), CRM_INVALID_ARGUMENT, "EURO");
  CHECK_FAILS(crm_product_set(data, "price", "1"), CRM_INVALID_ARGUMENT, "'price' is not a field that can be set");
  CHECK_OK(crm_product_create(db, data, &created));
  CHECK_OK(crm_product_id(created, &id));
  CHECK(id > 0);
  CHECK_OK(crm_product_version(created, &version));
  CHECK(version == 1);
  CHECK_OK(crm_product_get_field(created, "name", &text));
  CHECK(same(text, "Ozolkoka dēlis"));
  CHECK_OK(crm_product_get_field(created, "created_at", &text));
  CHECK(text != NULL && strlen(text) == 27);
  CHECK_OK(crm_product_get_field(created, "updated_at", &text));
  CHECK(text != NULL && strlen(text) == 27);
  CHECK_FAILS(crm_product_get_field(created, "deleted_at", &text), CRM_INVALID_ARGUMENT, "'deleted_at' is not a field");
  CHECK_OK(crm_product_price(created, &price, &currency));
  CHECK(price == 2599 && same(currency, "EUR"));
  CHECK_OK(crm_product_active(created, &active));
  CHECK(active == 1);

  /* duplicates, bad text, nothing stored */
  CHECK_FAILS(crm_product_create(db, data, NULL), CRM_ALREADY_EXISTS, "OAK-100");
  CHECK_OK(crm_product_set(data, "sku", "PINE-1"));
  CHECK_OK(crm_product_set(data, "name", "Bad \xff name"));
  CHECK_FAILS(crm_product_create(db, data, NULL), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_OK(crm_product_set(data, "name", "Pine"));
  CHECK_OK(crm_product_set_price(data, -1, "EUR"));
  CHECK_FAILS(crm_product_create(db, data, NULL), CRM_INVALID_ARGUMENT, "negative");
  CHECK_OK(crm_product_set_price(data, 900, "EUR"));
  CHECK_OK(crm_product_set_active(data, 0));
  CHECK_OK(crm_product_create(db, data, NULL));

  /* update, stale update */
  CHECK_OK(crm_product_set_price(created, 2999, "EUR"));
  CHECK_OK(crm_product_update(db, created, &updated));
  CHECK_OK(crm_product_version(updated, &version));
  CHECK(version == 2);
  CHECK_OK(crm_product_price(updated, &price, &currency));
  CHECK(price == 2999);
  CHECK_FAILS(crm_product_update(db, created, NULL), CRM_CONFLICT, "changed by someone else");

  CHECK_OK(crm_product_find_by_sku(db, "oak-100", &found));
  CHECK(found != NULL);
  crm_product_free(found);
  CHECK_OK(crm_product_find_by_sku(db, "none", &found));
  CHECK(found == NULL);
  CHECK_FAILS(crm_product_get(db, 777, &found), CRM_NOT_FOUND, "777");
  CHECK_OK(crm_product_get(db, id, &found));
  crm_product_free(found);

  CHECK_OK(crm_product_list(db, 0, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_product(cursor, &row));
  CHECK_OK(crm_product_get_field(row, "sku", &text));
  CHECK(same(text, "OAK-100"));
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_product_list(db, 1, &cursor));
  CHECK(drain(cursor) == 2);

  crm_product_free(data);
  crm_product_free(created);
  crm_product_free(updated);
  crm_product_free(NULL);
  crm_db_free(db);
}

/* ---- opportunities, line items, stage history, filters ------------------- */

static void test_opportunities(void) {
  crm_db *db = open_memory("anna");
  int64_t account = make_named_account(db, "SIA Koka Nams");
  int64_t other_account = make_named_account(db, "UAB Medis");
  int64_t contact = make_contact(db, "Bērziņš", account, NULL);
  int64_t oak = make_product(db, "OAK", 10000);
  int64_t pine = make_product(db, "PINE", 400);
  crm_opportunity *data = NULL;
  crm_opportunity *created = NULL;
  crm_opportunity *read = NULL;
  crm_opportunity *moved = NULL;
  crm_opportunity *updated = NULL;
  crm_opportunity *found = NULL;
  crm_pipeline *sales = NULL;
  crm_cursor *cursor = NULL;
  crm_query *query = NULL;
  const crm_opportunity *row = NULL;
  const crm_stage_change *change = NULL;
  const crm_stage *stage = NULL;
  const char *text = NULL;
  const char *currency = NULL;
  int64_t id = 0, value = 0, amount = 0, count = 0, product = 0, quantity = 0, unit = 0, total = 0;
  int64_t prospecting = 0, proposal = 0, won = 0, lost = 0, price_reason = 0, sales_id = 0;
  int discount = -1, columns = 0;
  crm_column_type type = CRM_COLUMN_TEXT;
  size_t n = 0;
  char today[11];

  today_of(db, today);
  CHECK_OK(crm_pipeline_default(db, &sales));
  CHECK_OK(crm_pipeline_id(sales, &sales_id));
  CHECK_OK(crm_pipeline_stage(sales, 0, &stage));
  CHECK_OK(crm_stage_id(stage, &prospecting));
  CHECK_OK(crm_pipeline_stage(sales, 2, &stage));
  CHECK_OK(crm_stage_id(stage, &proposal));
  CHECK_OK(crm_pipeline_stage(sales, 4, &stage));
  CHECK_OK(crm_stage_id(stage, &won));
  CHECK_OK(crm_pipeline_stage(sales, 5, &stage));
  CHECK_OK(crm_stage_id(stage, &lost));
  CHECK_OK(crm_lost_reason_find(db, "price", &price_reason));
  CHECK(price_reason > 0);

  { /* a deal names an existing campaign */
    crm_campaign *campaign = NULL;
    CHECK_OK(crm_campaign_new(&campaign));
    CHECK_OK(crm_campaign_set(campaign, "name", "Riga Build 2025"));
    CHECK_OK(crm_campaign_create(db, campaign, NULL));
    crm_campaign_free(campaign);
  }
  CHECK_OK(crm_opportunity_new(&data));
  CHECK_OK(crm_opportunity_set(data, "name", "Floors for the school"));
  CHECK_OK(crm_opportunity_set(data, "owner", "anna"));
  CHECK_OK(crm_opportunity_set(data, "lead_source", "fair"));
  CHECK_OK(crm_opportunity_set(data, "campaign", "Riga Build 2025"));
  CHECK_OK(crm_opportunity_set(data, "next_step", "Send samples"));
  CHECK_OK(crm_opportunity_set(data, "description", "Oak and pine"));
  CHECK_OK(crm_opportunity_set(data, "external_ref", "D-1"));
  CHECK_OK(crm_opportunity_set(data, "expected_close", "2030-06-30"));
  CHECK_FAILS(crm_opportunity_set(data, "expected_close", "30.06.2030"), CRM_INVALID_ARGUMENT, "30.06.2030");
  CHECK_OK(crm_opportunity_get_field(data, "expected_close", &text));
  CHECK(same(text, "2030-06-30")); /* a bad value leaves the field as it was */
  CHECK_FAILS(crm_opportunity_set(data, "stage_kind", "won"), CRM_INVALID_ARGUMENT, "'stage_kind' is not a field");
  CHECK_OK(crm_opportunity_set_int(data, "account", account));
  CHECK_OK(crm_opportunity_set_int(data, "primary_contact", contact));
  CHECK_OK(crm_opportunity_set_int(data, "pipeline", sales_id));
  CHECK_OK(crm_opportunity_set_int(data, "stage", prospecting));
  CHECK_OK(crm_opportunity_set_int(data, "lost_reason", 0));
  CHECK_OK(crm_opportunity_set_int(data, "probability_override", 15));
  CHECK_OK(crm_opportunity_set_int(data, "probability_override", -1));
  CHECK_FAILS(crm_opportunity_set_int(data, "probability_override", INT64_C(5000000000)), CRM_INVALID_ARGUMENT,
              "out of range");
  CHECK_FAILS(crm_opportunity_set_int(data, "id", 5), CRM_INVALID_ARGUMENT, "'id' is not an integer field");
  CHECK_FAILS(crm_opportunity_get_int(data, "weight", &value), CRM_INVALID_ARGUMENT, "'weight'");
  CHECK_OK(crm_opportunity_set_amount(data, 1, "EUR"));
  CHECK_OK(crm_opportunity_add_line_item(data, oak, 3, 0, 0, 10));  /* list price 100.00, 10 % off */
  CHECK_OK(crm_opportunity_add_line_item(data, pine, 7, 1, 350, 0)); /* 3.50 each */
  CHECK_OK(crm_opportunity_add_contact(data, contact, "decision maker"));
  CHECK_OK(crm_opportunity_add_tag(data, "school"));
  CHECK_OK(crm_opportunity_line_item_count(data, &n));
  CHECK(n == 2);
  CHECK_OK(crm_opportunity_line_item(data, 0, &product, &quantity, &unit, &discount, &total));
  CHECK(product == oak && quantity == 3 && unit == 0 && discount == 10 && total == 0); /* not priced yet */

  CHECK_OK(crm_opportunity_create(db, data, &created));
  CHECK_OK(crm_opportunity_get_int(created, "id", &id));
  CHECK_OK(crm_opportunity_get_int(created, "stage", &value));
  CHECK(value == prospecting);
  CHECK_OK(crm_opportunity_get_int(created, "probability", &value));
  CHECK(value == 10);
  CHECK_OK(crm_opportunity_get_int(created, "probability_override", &value));
  CHECK(value == -1);
  CHECK_OK(crm_opportunity_get_int(created, "closed", &value));
  CHECK(value == 0);
  CHECK_OK(crm_opportunity_get_int(created, "version", &value));
  CHECK(value == 1);
  CHECK_OK(crm_opportunity_get_int(created, "pipeline", &value));
  CHECK(value == sales_id);
  CHECK_OK(crm_opportunity_get_int(created, "primary_contact", &value));
  CHECK(value == contact);
  CHECK_OK(crm_opportunity_get_int(created, "account", &value));
  CHECK(value == account);
  CHECK_OK(crm_opportunity_get_int(created, "lost_reason", &value));
  CHECK(value == 0);
  CHECK_OK(crm_opportunity_get_field(created, "stage_kind", &text));
  CHECK(same(text, "open"));
  CHECK_OK(crm_opportunity_get_field(created, "closed_on", &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_opportunity_get_field(created, "campaign", &text));
  CHECK(same(text, "Riga Build 2025"));
  CHECK_OK(crm_opportunity_get_field(created, "deleted_at", &text));
  CHECK(text == NULL);
  /* line items: 3 x 100.00 less 10 % = 270.00; 7 x 3.50 = 24.50; the deal is their sum */
  CHECK_OK(crm_opportunity_line_item(created, 0, &product, &quantity, &unit, &discount, &total));
  CHECK(unit == 10000 && total == 27000);
  CHECK_OK(crm_opportunity_line_item(created, 1, NULL, NULL, &unit, NULL, &total));
  CHECK(unit == 350 && total == 2450);
  CHECK_FAILS(crm_opportunity_line_item(created, 2, NULL, NULL, NULL, NULL, NULL), CRM_NOT_FOUND, "index 2");
  CHECK_OK(crm_opportunity_amount(created, &amount, &currency));
  CHECK(amount == 29450 && same(currency, "EUR"));
  CHECK_OK(crm_opportunity_contact_count(created, &n));
  CHECK(n == 1);
  CHECK_OK(crm_opportunity_contact(created, 0, &value, &text));
  CHECK(value == contact && same(text, "decision maker"));
  CHECK_FAILS(crm_opportunity_contact(created, 1, &value, &text), CRM_NOT_FOUND, "index 1");
  CHECK_OK(crm_opportunity_tag_count(created, &n));
  CHECK(n == 1);
  CHECK_OK(crm_opportunity_tag(created, 0, &text));
  CHECK(same(text, "school"));

  /* stage moves are recorded, with who made them */
  CHECK_OK(crm_opportunity_move_to_stage(db, id, proposal, NULL, 0, &moved));
  CHECK_OK(crm_opportunity_get_int(moved, "probability", &value));
  CHECK(value == 50);
  crm_opportunity_free(moved);
  CHECK_FAILS(crm_opportunity_move_to_stage(db, id, lost, NULL, 0, &moved), CRM_INVALID_ARGUMENT, "lost_reason");
  CHECK(moved == NULL);
  CHECK_FAILS(crm_opportunity_move_to_stage(db, id, lost, "yesterday", price_reason, NULL), CRM_INVALID_ARGUMENT,
              "yesterday");
  CHECK_OK(crm_db_set_user(db, "peteris"));
  CHECK_OK(crm_opportunity_move_to_stage(db, id, lost, today, price_reason, &moved));
  CHECK_OK(crm_opportunity_get_field(moved, "stage_kind", &text));
  CHECK(same(text, "lost"));
  CHECK_OK(crm_opportunity_get_field(moved, "closed_on", &text));
  CHECK(same(text, today));
  CHECK_OK(crm_opportunity_get_int(moved, "closed", &value));
  CHECK(value == 1);
  crm_opportunity_free(moved);

  CHECK_OK(crm_opportunity_stage_history(db, id, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_stage_change(cursor, &change));
  CHECK_OK(crm_stage_change_get_int(change, "from_stage", &value));
  CHECK(value == 0);
  CHECK_OK(crm_stage_change_get_int(change, "to_stage", &value));
  CHECK(value == prospecting);
  CHECK_OK(crm_stage_change_get_int(change, "opportunity", &value));
  CHECK(value == id);
  CHECK_OK(crm_stage_change_get_int(change, "amount_minor", &value));
  CHECK(value == 29450);
  CHECK_OK(crm_stage_change_get_field(change, "by", &text));
  CHECK(same(text, "anna"));
  CHECK_OK(crm_stage_change_get_field(change, "currency", &text));
  CHECK(same(text, "EUR"));
  CHECK_OK(crm_stage_change_get_field(change, "at", &text));
  CHECK(text != NULL && strlen(text) == 27 && strncmp(text, today, 10) == 0);
  CHECK_FAILS(crm_stage_change_get_field(change, "when", &text), CRM_INVALID_ARGUMENT, "'when'");
  CHECK_FAILS(crm_stage_change_get_int(change, "stage", &value), CRM_INVALID_ARGUMENT, "'stage'");
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_stage_change(cursor, &change));
  CHECK_OK(crm_stage_change_get_int(change, "from_stage", &value));
  CHECK(value == prospecting);
  CHECK_OK(crm_stage_change_get_int(change, "to_stage", &value));
  CHECK(value == proposal);
  CHECK_OK(crm_stage_change_get_int(change, "probability", &value));
  CHECK(value == 50);
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_stage_change(cursor, &change));
  CHECK_OK(crm_stage_change_get_int(change, "to_stage", &value));
  CHECK(value == lost);
  CHECK_OK(crm_stage_change_get_int(change, "lost_reason", &value));
  CHECK(value == price_reason);
  CHECK_OK(crm_stage_change_get_int(change, "id", &value));
  CHECK(value > 0);
  CHECK_OK(crm_stage_change_get_field(change, "by", &text));
  CHECK(same(text, "peteris"));
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  CHECK_FAILS(crm_cursor_stage_change(cursor, &change), CRM_MISUSE, "not on a row");
  crm_cursor_free(cursor);
  CHECK_FAILS(crm_opportunity_stage_history(db, 999, &cursor), CRM_NOT_FOUND, "999");

  /* reopening by update records the change too; a stale version writes nothing */
  CHECK_OK(crm_opportunity_get(db, id, &read));
  CHECK_OK(crm_opportunity_set_int(read, "stage", won));
  CHECK_OK(crm_opportunity_set(read, "closed_on", NULL));
  CHECK_OK(crm_opportunity_clear_tags(read));
  CHECK_OK(crm_opportunity_clear_contacts(read));
  CHECK_OK(crm_opportunity_clear_line_items(read));
  CHECK_OK(crm_opportunity_set_amount(read, 500000, "EUR"));
  CHECK_OK(crm_opportunity_update(db, read, &updated));
  CHECK_OK(crm_opportunity_get_field(updated, "stage_kind", &text));
  CHECK(same(text, "won"));
  CHECK_OK(crm_opportunity_amount(updated, &amount, &currency));
  CHECK(amount == 500000);
  CHECK_OK(crm_opportunity_line_item_count(updated, &n));
  CHECK(n == 0);
  CHECK_FAILS(crm_opportunity_update(db, read, NULL), CRM_CONFLICT, "changed by someone else");
  CHECK_OK(crm_opportunity_stage_history(db, id, &cursor));
  CHECK(drain(cursor) == 4);

  /* bad input names the field and writes nothing */
  CHECK_OK(crm_opportunity_count(db, NULL, &count));
  CHECK(count == 1);
  CHECK_FAILS(crm_opportunity_create(db, data, NULL), CRM_ALREADY_EXISTS, "D-1");
  CHECK(same(crm_last_error()->field, "opportunity.external_ref"));
  CHECK_OK(crm_opportunity_set(data, "external_ref", NULL));
  CHECK_OK(crm_opportunity_set(data, "name", "Bad \xc3\x28"));
  CHECK_FAILS(crm_opportunity_create(db, data, NULL), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_OK(crm_opportunity_set(data, "name", "Other deal"));
  CHECK_OK(crm_opportunity_set_int(data, "account", 999));
  CHECK_FAILS(crm_opportunity_create(db, data, NULL), CRM_NOT_FOUND, "999");
  CHECK_OK(crm_opportunity_set_int(data, "account", other_account));
  CHECK_OK(crm_opportunity_set_int(data, "primary_contact", 0));
  CHECK_OK(crm_opportunity_clear_contacts(data));
  CHECK_OK(crm_opportunity_set_amount(data, 100, "USD"));
  CHECK_FAILS(crm_opportunity_create(db, data, NULL), CRM_INVALID_ARGUMENT, "USD");
  CHECK_OK(crm_opportunity_clear_line_items(data));
  CHECK_OK(crm_opportunity_clear_tags(data));
  CHECK_OK(crm_opportunity_create(db, data, &found));
  CHECK_OK(crm_opportunity_amount(found, &amount, &currency));
  CHECK(amount == 100 && same(currency, "USD"));
  crm_opportunity_free(found);
  make_deal(db, "Third deal", other_account, 700);
  CHECK_OK(crm_opportunity_count(db, NULL, &count));
  CHECK(count == 3);

  /* named filters */
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_filter(query, "account", other_account));
  CHECK_OK(crm_opportunity_count(db, query, &count));
  CHECK(count == 2);
  CHECK_OK(crm_query_set_filter(query, "open", 1));
  CHECK_OK(crm_query_set_filter(query, "pipeline", sales_id));
  CHECK_OK(crm_query_set_filter(query, "stage", prospecting));
  CHECK_OK(crm_query_set_page_size(query, 1));
  CHECK_OK(crm_opportunity_list(db, query, &cursor));
  CHECK(drain(cursor) == 2);
  CHECK_OK(crm_query_set_filter(query, "account", 0)); /* 0 drops the filter */
  CHECK_OK(crm_query_set_filter(query, "open", 0));
  CHECK_OK(crm_query_set_filter(query, "stage", 0));
  CHECK_OK(crm_opportunity_list(db, query, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_opportunity(cursor, &row));
  CHECK_OK(crm_opportunity_get_int(row, "id", &value));
  CHECK(value == id);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_opportunity_select(db, "id, name, amount_minor, currency, stage, weighted_amount, amount", query,
                                   &cursor));
  CHECK_OK(crm_cursor_column_count(cursor, &columns));
  CHECK(columns == 7);
  CHECK_OK(crm_cursor_column(cursor, 5, NULL, &type));
  CHECK(type == CRM_COLUMN_DECIMAL);
  CHECK_OK(crm_cursor_column(cursor, 6, NULL, &type));
  CHECK(type == CRM_COLUMN_DECIMAL);
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_int64(cursor, 0, &value));
  CHECK(value == id);
  CHECK_OK(crm_cursor_text(cursor, 4, &text));
  CHECK(same(text, "Won"));
  {
    /* money cells: minor units and currency, the same as amount_minor and
       currency; won, the weighted amount is the whole amount */
    int64_t minor = 0, weighted = 0;
    const char *code = NULL, *weighted_code = NULL;
    double real = 0;
    CHECK_OK(crm_cursor_int64(cursor, 2, &value));
    CHECK_OK(crm_cursor_text(cursor, 3, &text));
    CHECK_OK(crm_cursor_money(cursor, 6, &minor, &code));
    CHECK(minor == value && value != 0 && same(code, text));
    CHECK_OK(crm_cursor_money(cursor, 5, &weighted, &weighted_code));
    CHECK(weighted == value && same(weighted_code, text));
    CHECK_FAILS(crm_cursor_double(cursor, 6, &real), CRM_INVALID_ARGUMENT, "amount");
    CHECK_FAILS(crm_cursor_money(cursor, 4, &minor, &code), CRM_INVALID_ARGUMENT, "not money");
    CHECK_FAILS(crm_cursor_money(cursor, 6, NULL, &code), CRM_MISUSE, "out_minor_units");
    CHECK_FAILS(crm_cursor_money(NULL, 6, &minor, &code), CRM_MISUSE, "cursor");
  }
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_FAILS(crm_opportunity_select(db, "id,colour", NULL, &cursor), CRM_INVALID_ARGUMENT, "'colour'");
  CHECK(cursor == NULL);

  /* a filter the kind does not know fails when listing, naming it */
  CHECK_OK(crm_query_set_filter(query, "contact", contact));
  CHECK_FAILS(crm_opportunity_list(db, query, &cursor), CRM_INVALID_ARGUMENT, "filter 'contact'");
  CHECK(cursor == NULL);
  CHECK(same(crm_last_error()->field, "contact"));
  CHECK_FAILS(crm_opportunity_count(db, query, &count), CRM_INVALID_ARGUMENT, "filter 'contact'");
  CHECK_FAILS(crm_opportunity_select(db, "id", query, &cursor), CRM_INVALID_ARGUMENT, "filter 'contact'");
  CHECK_FAILS(crm_account_list(db, query, &cursor), CRM_INVALID_ARGUMENT, "a list of accounts has no such filter");
  CHECK_FAILS(crm_account_count(db, query, &count), CRM_INVALID_ARGUMENT, "filter 'contact'");
  CHECK_FAILS(crm_account_select(db, "id", query, &cursor), CRM_INVALID_ARGUMENT, "filter 'contact'");
  CHECK_FAILS(crm_contact_list(db, query, &cursor), CRM_INVALID_ARGUMENT, "a list of contacts has no such filter");
  CHECK_FAILS(crm_contact_count(db, query, &count), CRM_INVALID_ARGUMENT, "filter 'contact'");
  CHECK_FAILS(crm_contact_select(db, "id", query, &cursor), CRM_INVALID_ARGUMENT, "filter 'contact'");
  CHECK_FAILS(crm_lead_list(db, query, &cursor), CRM_INVALID_ARGUMENT, "a list of leads has no such filter");
  CHECK_FAILS(crm_lead_count(db, query, &count), CRM_INVALID_ARGUMENT, "filter 'contact'");
  CHECK_FAILS(crm_opportunity_without_next_activity(db, query, &cursor), CRM_INVALID_ARGUMENT, "filter 'contact'");
  CHECK_OK(crm_query_set_filter(query, "contact", 0));
  CHECK_OK(crm_query_set_filter_text(query, "status", "done"));
  CHECK_FAILS(crm_opportunity_count(db, query, &count), CRM_INVALID_ARGUMENT, "filter 'status'");
  CHECK_OK(crm_query_set_filter_text(query, "status", NULL));
  CHECK_OK(crm_opportunity_count(db, query, &count));
  CHECK(count == 1); /* still closed ones of the default pipeline */
  /* filters that are not known at all, or bad values, fail when set */
  CHECK_FAILS(crm_query_set_filter(query, "colour", 1), CRM_INVALID_ARGUMENT,
              "filter 'colour' is not an integer filter");
  CHECK(same(crm_last_error()->field, "colour"));
  CHECK_FAILS(crm_query_set_filter(query, "kind", 1), CRM_INVALID_ARGUMENT, "crm_query_set_filter_text");
  CHECK_FAILS(crm_query_set_filter(query, "open", 2), CRM_INVALID_ARGUMENT, "is not 1 (open), 0 (closed) or -1");
  CHECK_OK(crm_query_set_filter(query, "open", -1)); /* either: the filter is gone */
  CHECK_OK(crm_opportunity_count(db, query, &count));
  CHECK(count == 3);
  CHECK_OK(crm_query_set_filter(query, "open", 0));
  CHECK_FAILS(crm_query_set_filter(query, "account", -4), CRM_INVALID_ARGUMENT, "-4 is not an id");
  CHECK_FAILS(crm_query_set_filter(query, "\xff", 1), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_query_set_filter_text(query, "kind", "pigeon"), CRM_INVALID_ARGUMENT,
              "'pigeon' is not an activity kind");
  CHECK_FAILS(crm_query_set_filter_text(query, "status", "maybe"), CRM_INVALID_ARGUMENT, "'maybe'");
  CHECK_FAILS(crm_query_set_filter_text(query, "stage", "Won"), CRM_INVALID_ARGUMENT, "crm_query_set_filter)");
  CHECK_FAILS(crm_query_set_filter_text(query, "kind", "c\xc3\x28ll"), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_query_set_filter_text(query, "\xff", "x"), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_OK(crm_query_set_filter(query, "pipeline", 0));
  CHECK_FAILS(crm_account_count(db, query, &count), CRM_INVALID_ARGUMENT, "filter 'open'");
  crm_query_free(query);
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_filter(query, "account", account));
  CHECK_OK(crm_query_set_filter(query, "account", 0)); /* no named filter left */
  CHECK_OK(crm_account_count(db, query, &count));
  CHECK(count == 2);

  /* lookups */
  CHECK_OK(crm_opportunity_find_by_external_ref(db, "D-1", &found));
  CHECK(found != NULL);
  crm_opportunity_free(found);
  CHECK_OK(crm_opportunity_find_by_external_ref(db, "D-404", &found));
  CHECK(found == NULL);
  crm_query_free(query);
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_opportunity_without_next_activity(db, query, &cursor));
  CHECK(drain(cursor) == 2); /* the open ones, nobody working on them */
  CHECK_OK(crm_opportunity_without_next_activity(db, NULL, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_opportunity(cursor, &row));
  CHECK_OK(crm_opportunity_get_int(row, "closed", &value));
  CHECK(value == 0);
  crm_cursor_free(cursor);
  crm_query_free(query);

  /* soft delete, restore, purge, wrong ids */
  CHECK_OK(crm_opportunity_remove(db, id));
  CHECK_OK(crm_opportunity_count(db, NULL, &count));
  CHECK(count == 2);
  CHECK_OK(crm_opportunity_get(db, id, &found));
  CHECK_OK(crm_opportunity_get_field(found, "deleted_at", &text));
  CHECK(text != NULL);
  crm_opportunity_free(found);
  CHECK_OK(crm_opportunity_restore(db, id));
  CHECK_OK(crm_opportunity_purge(db, id));
  CHECK_FAILS(crm_opportunity_get(db, id, &found), CRM_NOT_FOUND, "does not exist");
  CHECK(found == NULL);
  CHECK_FAILS(crm_opportunity_remove(db, 999), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_opportunity_restore(db, 999), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_opportunity_purge(db, 999), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_opportunity_move_to_stage(db, 999, won, NULL, 0, NULL), CRM_NOT_FOUND, "999");

  crm_opportunity_free(data);
  crm_opportunity_free(created);
  crm_opportunity_free(read);
  crm_opportunity_free(updated);
  crm_opportunity_free(NULL);
  crm_pipeline_free(sales);
  crm_db_free(db);
}

/* ---- leads -------------------------------------------------------------- */

static void test_leads(void) {
  crm_db *db = open_memory("anna");
  int64_t existing_account = make_named_account(db, "SIA Esošais");
  crm_lead *data = NULL;
  crm_lead *created = NULL;
  crm_lead *read = NULL;
  crm_lead *updated = NULL;
  crm_lead *found = NULL;
  crm_contact *person = NULL;
  crm_opportunity *deal = NULL;
  crm_cursor *cursor = NULL;
  crm_query *query = NULL;
  const crm_lead *row = NULL;
  const char *text = NULL;
  int64_t id = 0, second = 0, value = 0, count = 0, account = 0, contact = 0, opportunity = -1;
  size_t n = 0;

  CHECK_OK(crm_lead_new(&data));
  CHECK_OK(crm_lead_set(data, "first_name", "Rūta"));
  CHECK_OK(crm_lead_set(data, "last_name", "Kalniņa"));
  CHECK_OK(crm_lead_set(data, "company_name", "SIA Kalni"));
  CHECK_OK(crm_lead_set(data, "email", "ruta@kalni.lv"));
  CHECK_OK(crm_lead_set(data, "phone", "29 111 222"));
  CHECK_OK(crm_lead_set(data, "source", "web form"));
  CHECK_OK(crm_lead_set(data, "status", "contacted"));
  CHECK_OK(crm_lead_set(data, "country", "LV"));
  CHECK_OK(crm_lead_set(data, "owner", "anna"));
  CHECK_OK(crm_lead_set(data, "external_ref", "L-1"));
  CHECK_OK(crm_lead_set(data, "description", "Wants a quote"));
  CHECK_OK(crm_lead_set(data, "disqualified_reason", ""));
  CHECK_OK(crm_lead_add_tag(data, "hot"));
  CHECK_FAILS(crm_lead_set(data, "status", "lukewarm"), CRM_INVALID_ARGUMENT, "'lukewarm' is not a lead status");
  CHECK_FAILS(crm_lead_set(data, "phone_e164", "+1"), CRM_INVALID_ARGUMENT,
              "'phone_e164' is not a field that can be set");
  CHECK_FAILS(crm_lead_set(data, "converted_at", "x"), CRM_INVALID_ARGUMENT, "converted_at");
  CHECK_OK(crm_lead_create(db, data, &created));
  CHECK_OK(crm_lead_get_int(created, "id", &id));
  CHECK(id > 0);
  CHECK_OK(crm_lead_get_int(created, "version", &value));
  CHECK(value == 1);
  CHECK_OK(crm_lead_get_field(created, "status", &text));
  CHECK(same(text, "contacted"));
  CHECK_OK(crm_lead_get_field(created, "phone_e164", &text));
  CHECK(same(text, "+37129111222"));
  CHECK_OK(crm_lead_get_field(created, "converted_at", &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_lead_get_field(created, "company_name", &text));
  CHECK(same(text, "SIA Kalni"));
  CHECK_OK(crm_lead_get_field(created, "deleted_at", &text));
  CHECK(text == NULL);
  CHECK_OK(crm_lead_get_int(created, "converted_account", &value));
  CHECK(value == 0);
  CHECK_FAILS(crm_lead_get_int(created, "score", &value), CRM_INVALID_ARGUMENT, "'score'");
  CHECK_OK(crm_lead_tag_count(created, &n));
  CHECK(n == 1);
  CHECK_OK(crm_lead_tag(created, 0, &text));
  CHECK(same(text, "hot"));
  CHECK_FAILS(crm_lead_tag(created, 1, &text), CRM_NOT_FOUND, "index 1");

  /* bad input */
  CHECK_FAILS(crm_lead_create(db, data, NULL), CRM_ALREADY_EXISTS, "L-1");
  CHECK_OK(crm_lead_set(data, "external_ref", NULL));
  CHECK_OK(crm_lead_clear_tags(data));
  CHECK_OK(crm_lead_set(data, "last_name", "\xff"));
  CHECK_FAILS(crm_lead_create(db, data, NULL), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_OK(crm_lead_set(data, "last_name", "Ozola"));
  CHECK_OK(crm_lead_set(data, "email", "ilze@ozoli.lv"));
  CHECK_OK(crm_lead_set(data, "phone", NULL));
  CHECK_OK(crm_lead_set(data, "status", NULL));
  CHECK_OK(crm_lead_create(db, data, &found));
  CHECK_OK(crm_lead_get_int(found, "id", &second));
  CHECK_OK(crm_lead_get_field(found, "status", &text));
  CHECK(same(text, "new"));
  crm_lead_free(found);

  /* lookups and lists */
  CHECK_OK(crm_lead_find_by_external_ref(db, "L-1", &found));
  CHECK(found != NULL);
  crm_lead_free(found);
  CHECK_OK(crm_lead_find_by_external_ref(db, "L-2", &found));
  CHECK(found == NULL);
  CHECK_OK(crm_lead_find_by_email(db, "RUTA@Kalni.LV", &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_lead(cursor, &row));
  CHECK_OK(crm_lead_get_field(row, "first_name", &text));
  CHECK(same(text, "Rūta"));
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_lead_find_by_phone(db, "+371 2911 1222", &cursor));
  CHECK(drain(cursor) == 1);
  CHECK_FAILS(crm_lead_find_by_phone(db, "not a number", &cursor), CRM_INVALID_ARGUMENT, "not a number");
  CHECK(cursor == NULL);
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_ID, 0));
  CHECK_OK(crm_query_set_page_size(query, 1));
  CHECK_OK(crm_lead_list(db, query, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_lead(cursor, &row));
  CHECK_OK(crm_lead_get_int(row, "id", &value));
  CHECK(value == id);
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_query_set_tag(query, "hot"));
  CHECK_OK(crm_lead_count(db, query, &count));
  CHECK(count == 1);
  CHECK_OK(crm_lead_count(db, NULL, &count));
  CHECK(count == 2);

  /* update, stale update */
  CHECK_OK(crm_lead_get(db, id, &read));
  CHECK_OK(crm_lead_set(read, "status", "qualified"));
  CHECK_OK(crm_lead_update(db, read, &updated));
  CHECK_OK(crm_lead_get_int(updated, "version", &value));
  CHECK(value == 2);
  CHECK_FAILS(crm_lead_update(db, read, NULL), CRM_CONFLICT, "changed by someone else");

  /* conversion: a new account and contact from the lead, and a deal */
  CHECK_OK(crm_opportunity_new(&deal));
  CHECK_OK(crm_opportunity_set(deal, "name", "First order"));
  CHECK_OK(crm_opportunity_set_amount(deal, 120000, "EUR"));
  CHECK_OK(crm_lead_convert(db, id, 0, NULL, 0, NULL, deal, &account, &contact, &opportunity));
  CHECK(account > 0 && contact > 0 && opportunity > 0);
  crm_lead_free(found);
  CHECK_OK(crm_lead_get(db, id, &found));
  CHECK_OK(crm_lead_get_int(found, "converted_account", &value));
  CHECK(value == account);
  CHECK_OK(crm_lead_get_int(found, "converted_contact", &value));
  CHECK(value == contact);
  CHECK_OK(crm_lead_get_int(found, "converted_opportunity", &value));
  CHECK(value == opportunity);
  CHECK_OK(crm_lead_get_field(found, "converted_at", &text));
  CHECK(text != NULL && strlen(text) == 27);
  crm_lead_free(found);
  {
    crm_account *made = NULL;
    crm_opportunity *made_deal = NULL;
    CHECK_OK(crm_account_get(db, account, &made));
    CHECK_OK(crm_account_get_field(made, "name", &text));
    CHECK(same(text, "SIA Kalni"));
    crm_account_free(made);
    CHECK_OK(crm_opportunity_get(db, opportunity, &made_deal));
    CHECK_OK(crm_opportunity_get_int(made_deal, "primary_contact", &value));
    CHECK(value == contact);
    CHECK_OK(crm_opportunity_get_field(made_deal, "lead_source", &text));
    CHECK(same(text, "web form"));
    crm_opportunity_free(made_deal);
  }
  CHECK_FAILS(crm_lead_convert(db, id, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL), CRM_CONFLICT,
              "already been converted");

  /* conversion into an existing account with a contact described here, no deal */
  CHECK_OK(crm_contact_new(&person));
  CHECK_OK(crm_contact_set(person, "first_name", "Ilze"));
  CHECK_OK(crm_contact_set(person, "last_name", "Ozola"));
  account = contact = 0;
  CHECK_OK(crm_lead_convert(db, second, existing_account, NULL, 0, person, NULL, &account, &contact, &opportunity));
  CHECK(account == existing_account && contact > 0 && opportunity == 0);
  CHECK_FAILS(crm_lead_convert(db, 999, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL), CRM_NOT_FOUND, "999");

  /* soft delete, restore, purge, wrong ids */
  CHECK_OK(crm_lead_remove(db, second));
  CHECK_OK(crm_lead_count(db, NULL, &count));
  CHECK(count == 1);
  CHECK_OK(crm_lead_restore(db, second));
  CHECK_OK(crm_lead_purge(db, second));
  CHECK_FAILS(crm_lead_get(db, second, &found), CRM_NOT_FOUND, "does not exist");
  CHECK(found == NULL);
  CHECK_FAILS(crm_lead_remove(db, 999), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_lead_restore(db, 999), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_lead_purge(db, 999), CRM_NOT_FOUND, "999");

  crm_query_free(query);
  crm_contact_free(person);
  crm_opportunity_free(deal);
  crm_lead_free(data);
  crm_lead_free(created);
  crm_lead_free(read);
  crm_lead_free(updated);
  crm_lead_free(NULL);
  crm_db_free(db);
}

/* ---- activities, agenda, reminders -------------------------------------- */

static void test_activities(void) {
  crm_db *db = open_memory("anna");
  int64_t account = make_named_account(db, "SIA Koka Nams");
  int64_t contact = make_contact(db, "Bērziņš", account, NULL);
  int64_t other = make_contact(db, "Liepa", 0, NULL);
  crm_activity *data = NULL;
  crm_activity *created = NULL;
  crm_activity *read = NULL;
  crm_activity *updated = NULL;
  crm_activity *done = NULL;
  crm_activity *next = NULL;
  crm_activity *found = NULL;
  crm_activity *weekly = NULL;
  crm_cursor *overdue = NULL;
  crm_cursor *today_cursor = NULL;
  crm_cursor *upcoming = NULL;
  crm_cursor *cursor = NULL;
  crm_query *query = NULL;
  const crm_activity *row = NULL;
  const char *text = NULL;
  int64_t id = 0, task = 0, value = 0, count = 0, overdue_id = 0, today_id = 0, upcoming_id = 0;
  char today[11], yesterday[11], tomorrow[11], in_three[11], in_week[11];
  char when[40], remind[40];

  today_of(db, today);
  shift_day(today, -1, yesterday);
  shift_day(today, 1, tomorrow);
  shift_day(today, 3, in_three);
  shift_day(today, 7, in_week);

  /* a call with every field */
  CHECK_OK(crm_activity_new(&data));
  CHECK_OK(crm_activity_set(data, "kind", "call"));
  CHECK_OK(crm_activity_set(data, "status", "done"));
  CHECK_OK(crm_activity_set(data, "subject", "Price question"));
  CHECK_OK(crm_activity_set(data, "body", "Asked about oak"));
  CHECK_OK(crm_activity_set(data, "starts_at", "2025-03-14T11:00:00+02:00"));
  CHECK_OK(crm_activity_set(data, "direction", "inbound"));
  CHECK_OK(crm_activity_set(data, "outcome", "answered"));
  CHECK_OK(crm_activity_set(data, "phone", "26 123 456"));
  CHECK_OK(crm_activity_set(data, "email", ""));
  CHECK_OK(crm_activity_set(data, "owner", "anna"));
  CHECK_OK(crm_activity_set_int(data, "duration_seconds", 180));
  CHECK_OK(crm_activity_set_int(data, "account", account));
  CHECK_OK(crm_activity_set_int(data, "contact", contact));
  CHECK_FAILS(crm_activity_set(data, "kind", "pigeon"), CRM_INVALID_ARGUMENT, "'pigeon' is not an activity kind");
  CHECK(same(crm_last_error()->field, "activity.kind"));
  CHECK_FAILS(crm_activity_set(data, "status", "later"), CRM_INVALID_ARGUMENT, "'later'");
  CHECK_FAILS(crm_activity_set(data, "direction", "sideways"), CRM_INVALID_ARGUMENT, "'sideways'");
  CHECK_FAILS(crm_activity_set(data, "starts_at", "tomorrow"), CRM_INVALID_ARGUMENT, "tomorrow");
  CHECK_FAILS(crm_activity_set(data, "recurrence_unit", "fortnight"), CRM_INVALID_ARGUMENT, "'fortnight'");
  CHECK_FAILS(crm_activity_set(data, "completed_at", "2025-01-01T00:00:00Z"), CRM_INVALID_ARGUMENT, "completed_at");
  CHECK_FAILS(crm_activity_set(data, "colour", "red"), CRM_INVALID_ARGUMENT, "'colour' is not a field that can be set");
  CHECK_FAILS(crm_activity_set_int(data, "previous", 1), CRM_INVALID_ARGUMENT, "'previous'");
  CHECK_FAILS(crm_activity_set_int(data, "recurrence_business_days", 2), CRM_INVALID_ARGUMENT, "neither 0 nor 1");
  CHECK_FAILS(crm_activity_get_int(data, "weight", &value), CRM_INVALID_ARGUMENT, "'weight'");
  CHECK_OK(crm_activity_get_field(data, "kind", &text));
  CHECK(same(text, "call"));
  CHECK_OK(crm_activity_create(db, data, &created));
  CHECK_OK(crm_activity_get_int(created, "id", &id));
  CHECK(id > 0);
  CHECK_OK(crm_activity_get_field(created, "phone_e164", &text));
  CHECK(same(text, "+37126123456"));
  CHECK_OK(crm_activity_get_field(created, "starts_at", &text));
  CHECK(same(text, "2025-03-14T09:00:00.000000Z"));
  CHECK_OK(crm_activity_get_field(created, "completed_at", &text));
  CHECK(text != NULL && strlen(text) == 27);
  CHECK_OK(crm_activity_get_field(created, "direction", &text));
  CHECK(same(text, "inbound"));
  CHECK_OK(crm_activity_get_field(created, "status", &text));
  CHECK(same(text, "done"));
  CHECK_OK(crm_activity_get_field(created, "reminder_at", &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_activity_get_field(created, "recurrence_unit", &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_activity_get_field(created, "deleted_at", &text));
  CHECK(text == NULL);
  CHECK_OK(crm_activity_get_int(created, "duration_seconds", &value));
  CHECK(value == 180);
  CHECK_OK(crm_activity_get_int(created, "contact", &value));
  CHECK(value == contact);
  CHECK_OK(crm_activity_get_int(created, "version", &value));
  CHECK(value == 1);

  /* validation happens when stored and names the field */
  CHECK_OK(crm_activity_set(data, "kind", "meeting"));
  CHECK_FAILS(crm_activity_create(db, data, NULL), CRM_INVALID_ARGUMENT, "activity.direction");
  CHECK_OK(crm_activity_set(data, "direction", NULL));
  CHECK_OK(crm_activity_set(data, "subject", "\xc3\x28"));
  CHECK_FAILS(crm_activity_create(db, data, NULL), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_OK(crm_activity_set(data, "subject", "Meeting"));
  CHECK_OK(crm_activity_set_int(data, "lead", 999));
  CHECK_FAILS(crm_activity_create(db, data, NULL), CRM_NOT_FOUND, "activity.lead");
  CHECK_OK(crm_activity_set_int(data, "lead", 0));
  CHECK_OK(crm_activity_set_int(data, "duration_seconds", -5));
  CHECK_FAILS(crm_activity_create(db, data, NULL), CRM_INVALID_ARGUMENT, "activity.duration_seconds");

  /* a weekly task: completing it makes the next one */
  CHECK_OK(crm_activity_new(&weekly));
  CHECK_OK(crm_activity_set(weekly, "subject", "Weekly report"));
  CHECK_OK(crm_activity_set(weekly, "starts_at", "2025-03-14T09:00:00Z"));
  CHECK_OK(crm_activity_set(weekly, "reminder_at", "2025-03-14T08:30:00Z"));
  CHECK_OK(crm_activity_set(weekly, "recurrence_unit", "week"));
  CHECK_OK(crm_activity_set_int(weekly, "recurrence_interval", 1));
  CHECK_OK(crm_activity_set_int(weekly, "recurrence_business_days", 0));
  CHECK_OK(crm_activity_set(weekly, "recurrence_calendar", "LV"));
  CHECK_OK(crm_activity_set(weekly, "owner", "anna"));
  CHECK_OK(crm_activity_set_int(weekly, "contact", contact));
  CHECK_OK(crm_activity_get_field(weekly, "kind", &text));
  CHECK(same(text, "task"));
  CHECK_OK(crm_activity_get_field(weekly, "recurrence_unit", &text));
  CHECK(same(text, "week"));
  CHECK_OK(crm_activity_get_field(weekly, "recurrence_calendar", &text));
  CHECK(same(text, "LV"));
  CHECK_OK(crm_activity_get_int(weekly, "recurrence_interval", &value));
  CHECK(value == 1);
  CHECK_OK(crm_activity_get_int(weekly, "recurrence_business_days", &value));
  CHECK(value == 0);
  CHECK_OK(crm_activity_create(db, weekly, &read));
  CHECK_OK(crm_activity_get_int(read, "id", &task));
  CHECK_OK(crm_activity_complete(db, task, "sent", NULL, &done, &next));
  CHECK(done != NULL && next != NULL);
  CHECK_OK(crm_activity_get_field(done, "status", &text));
  CHECK(same(text, "done"));
  CHECK_OK(crm_activity_get_field(done, "outcome", &text));
  CHECK(same(text, "sent"));
  CHECK_OK(crm_activity_get_field(next, "starts_at", &text));
  CHECK(same(text, "2025-03-21T09:00:00.000000Z"));
  CHECK_OK(crm_activity_get_field(next, "reminder_at", &text));
  CHECK(same(text, "2025-03-21T08:30:00.000000Z"));
  CHECK_OK(crm_activity_get_field(next, "status", &text));
  CHECK(same(text, "planned"));
  CHECK_OK(crm_activity_get_int(next, "previous", &value));
  CHECK(value == task);
  CHECK_OK(crm_activity_get_int(next, "id", &value));
  crm_activity_free(done);
  crm_activity_free(next);
  done = next = NULL;
  CHECK_FAILS(crm_activity_complete(db, task, NULL, NULL, &done, &next), CRM_CONFLICT, "only planned");
  CHECK(done == NULL && next == NULL);
  CHECK_OK(crm_activity_complete(db, value, NULL, "2025-03-21T10:00:00Z", NULL, NULL));
  CHECK_FAILS(crm_activity_complete(db, task + 100, NULL, NULL, NULL, NULL), CRM_NOT_FOUND, "does not exist");
  CHECK_FAILS(crm_activity_complete(db, task, NULL, "soon", NULL, NULL), CRM_INVALID_ARGUMENT, "soon");
  /* without a recurrence there is no next one */
  CHECK_OK(crm_activity_set(weekly, "recurrence_unit", ""));
  CHECK_OK(crm_activity_get_int(weekly, "recurrence_interval", &value));
  CHECK(value == 0);
  CHECK_OK(crm_activity_set(weekly, "reminder_at", NULL));
  CHECK_OK(crm_activity_create(db, weekly, &updated));
  CHECK_OK(crm_activity_get_int(updated, "id", &value));
  crm_activity_free(updated);
  updated = NULL;
  next = data; /* a sentinel that must be replaced by NULL */
  CHECK_OK(crm_activity_complete(db, value, NULL, NULL, NULL, &next));
  CHECK(next == NULL);

  /* cancel, attach, update, stale update */
  value = make_task(db, "Visit", "anna", "2030-01-01T10:00:00Z", "account", account);
  CHECK_OK(crm_activity_cancel(db, value, &updated));
  CHECK_OK(crm_activity_get_field(updated, "status", &text));
  CHECK(same(text, "cancelled"));
  crm_activity_free(updated);
  CHECK_FAILS(crm_activity_cancel(db, value, NULL), CRM_CONFLICT, "only planned");
  CHECK_OK(crm_activity_attach_to_contact(db, value, other, &updated));
  CHECK_OK(crm_activity_get_int(updated, "contact", &value));
  CHECK(value == other);
  crm_activity_free(updated);
  CHECK_FAILS(crm_activity_attach_to_contact(db, id, 999, NULL), CRM_NOT_FOUND, "999");
  CHECK_OK(crm_activity_get(db, id, &updated));
  CHECK_OK(crm_activity_set(updated, "outcome", "voicemail"));
  CHECK_OK(crm_activity_update(db, updated, &done));
  CHECK_OK(crm_activity_get_int(done, "version", &value));
  CHECK(value == 2);
  crm_activity_free(done);
  done = NULL;
  CHECK_FAILS(crm_activity_update(db, updated, NULL), CRM_CONFLICT, "changed by someone else");

  /* lists with named filters */
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_filter_text(query, "kind", "call"));
  CHECK_OK(crm_activity_count(db, query, &count));
  CHECK(count == 1);
  CHECK_OK(crm_query_set_filter_text(query, "kind", "task"));
  CHECK_OK(crm_query_set_filter_text(query, "status", "done"));
  CHECK_OK(crm_query_set_filter(query, "contact", contact));
  CHECK_OK(crm_query_set_sort(query, CRM_SORT_ID, 0));
  CHECK_OK(crm_query_set_page_size(query, 1));
  CHECK_OK(crm_activity_list(db, query, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_activity(cursor, &row));
  CHECK_OK(crm_activity_get_int(row, "id", &value));
  CHECK(value == task);
  CHECK(crm_cursor_next(cursor) == CRM_ROW); /* the second weekly report */
  CHECK(crm_cursor_next(cursor) == CRM_ROW); /* the one without recurrence */
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_query_set_filter(query, "account", account));
  CHECK_OK(crm_activity_count(db, query, &count));
  CHECK(count == 0); /* the tasks are linked to the contact only */
  CHECK_OK(crm_query_set_filter(query, "account", 0));
  CHECK_OK(crm_query_set_filter(query, "opportunity", 0));
  CHECK_OK(crm_activity_count(db, query, &count));
  CHECK(count == 3);
  CHECK_OK(crm_query_set_filter(query, "lead", 12345));
  CHECK_OK(crm_activity_count(db, query, &count));
  CHECK(count == 0);
  CHECK_OK(crm_query_set_filter(query, "lead", 0));
  CHECK_OK(crm_query_set_filter(query, "open", 1));
  CHECK_FAILS(crm_activity_list(db, query, &cursor), CRM_INVALID_ARGUMENT, "a list of activities has no such filter");
  CHECK_FAILS(crm_activity_count(db, query, &count), CRM_INVALID_ARGUMENT, "filter 'open'");
  CHECK(same(crm_last_error()->field, "open"));
  crm_query_free(query);
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_query_set_country(query, "LV"));
  CHECK_FAILS(crm_activity_count(db, query, &count), CRM_INVALID_ARGUMENT, "country");
  crm_query_free(query);
  CHECK_OK(crm_activity_list(db, NULL, &cursor));
  CHECK(drain(cursor) == 6);

  /* agenda: overdue, today and upcoming in the owner's days */
  snprintf(when, sizeof when, "%sT09:00:00Z", yesterday);
  overdue_id = make_task(db, "Old task", "ilze", when, "contact", contact);
  snprintf(when, sizeof when, "%sT12:00:00Z", today);
  today_id = make_task(db, "Today's task", "ilze", when, "contact", contact);
  snprintf(when, sizeof when, "%sT09:00:00Z", in_three);
  upcoming_id = make_task(db, "Soon", "ilze", when, "contact", contact);
  make_task(db, "Someone else's", "anna", when, "contact", contact);
  CHECK_OK(crm_activity_agenda(db, "ilze", NULL, tomorrow, in_week, &overdue, &today_cursor, &upcoming));
  CHECK(crm_cursor_next(overdue) == CRM_ROW);
  CHECK_OK(crm_cursor_activity(overdue, &row));
  CHECK_OK(crm_activity_get_int(row, "id", &value));
  CHECK(value == overdue_id);
  CHECK(crm_cursor_next(overdue) == CRM_DONE);
  CHECK(crm_cursor_next(today_cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_activity(today_cursor, &row));
  CHECK_OK(crm_activity_get_int(row, "id", &value));
  CHECK(value == today_id);
  CHECK(crm_cursor_next(today_cursor) == CRM_DONE);
  CHECK(crm_cursor_next(upcoming) == CRM_ROW);
  CHECK_OK(crm_cursor_activity(upcoming, &row));
  CHECK_OK(crm_activity_get_int(row, "id", &value));
  CHECK(value == upcoming_id);
  CHECK(crm_cursor_next(upcoming) == CRM_DONE);
  crm_cursor_free(overdue);
  crm_cursor_free(today_cursor);
  crm_cursor_free(upcoming);
  CHECK_OK(crm_activity_agenda(db, "ilze", "UTC", NULL, NULL, NULL, &today_cursor, &upcoming));
  CHECK(drain(today_cursor) == 1);
  CHECK(drain(upcoming) == 0);
  CHECK_OK(crm_activity_agenda(db, "ilze", "Europe/Riga", NULL, NULL, &overdue, NULL, NULL));
  CHECK(drain(overdue) >= 1);
  CHECK_FAILS(crm_activity_agenda(db, "ilze", "Mars/Olympus", NULL, NULL, &overdue, &today_cursor, &upcoming),
              CRM_INVALID_ARGUMENT, "Mars/Olympus");
  CHECK(overdue == NULL && today_cursor == NULL && upcoming == NULL);
  CHECK_FAILS(crm_activity_agenda(db, "ilze", NULL, in_week, tomorrow, NULL, NULL, &upcoming), CRM_INVALID_ARGUMENT,
              "");
  CHECK_FAILS(crm_activity_agenda(db, "ilze", NULL, "next week", NULL, NULL, NULL, NULL), CRM_INVALID_ARGUMENT,
              "next week");

  /* reminders */
  snprintf(when, sizeof when, "%sT12:00:00Z", tomorrow);
  snprintf(remind, sizeof remind, "%sT11:00:00Z", tomorrow);
  CHECK_OK(crm_activity_new(&next));
  CHECK_OK(crm_activity_set(next, "subject", "Call back"));
  CHECK_OK(crm_activity_set(next, "starts_at", when));
  CHECK_OK(crm_activity_set(next, "reminder_at", remind));
  CHECK_OK(crm_activity_set_int(next, "contact", contact));
  CHECK_OK(crm_activity_create(db, next, &done));
  CHECK_OK(crm_activity_get_int(done, "id", &value));
  snprintf(when, sizeof when, "%sT00:00:00Z", yesterday);
  CHECK_OK(crm_activity_reminders_due(db, remind, when, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_activity(cursor, &row));
  CHECK_OK(crm_activity_get_int(row, "id", &id));
  CHECK(id == value);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_activity_reminders_due(db, remind, NULL, &cursor));
  CHECK(drain(cursor) == 2); /* the planned weekly report's reminder, long due, too */
  snprintf(when, sizeof when, "%sT12:00:00Z", tomorrow);
  CHECK_OK(crm_activity_reminders_due(db, when, remind, &cursor));
  CHECK(drain(cursor) == 0); /* already reminded at `since` */
  CHECK_FAILS(crm_activity_reminders_due(db, "noon", NULL, &cursor), CRM_INVALID_ARGUMENT, "noon");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_activity_reminders_due(db, remind, "before", &cursor), CRM_INVALID_ARGUMENT, "before");
  /* a deleted activity no longer reminds */
  CHECK_OK(crm_activity_remove(db, value));
  CHECK_OK(crm_activity_reminders_due(db, remind, NULL, &cursor));
  CHECK(drain(cursor) == 1);
  CHECK_OK(crm_activity_restore(db, value));
  CHECK_OK(crm_activity_purge(db, value));
  CHECK_FAILS(crm_activity_get(db, value, &found), CRM_NOT_FOUND, "does not exist");
  CHECK(found == NULL);
  CHECK_FAILS(crm_activity_remove(db, value), CRM_NOT_FOUND, "does not exist");
  CHECK_FAILS(crm_activity_restore(db, value), CRM_NOT_FOUND, "does not exist");
  CHECK_FAILS(crm_activity_purge(db, value), CRM_NOT_FOUND, "does not exist");

  crm_activity_free(data);
  crm_activity_free(created);
  crm_activity_free(read);
  crm_activity_free(updated);
  crm_activity_free(done);
  crm_activity_free(next);
  crm_activity_free(weekly);
  crm_activity_free(NULL);
  crm_db_free(db);
}

/* ---- timelines ---------------------------------------------------------- */

static void test_timelines(void) {
  crm_db *db = open_memory("anna");
  int64_t account = make_named_account(db, "SIA Koka Nams");
  int64_t contact = make_contact(db, "Bērziņš", account, NULL);
  int64_t deal = make_deal(db, "Floors", account, 1000);
  int64_t lead = 0, call = 0, value = 0, note = 0;
  crm_lead *lead_data = NULL;
  crm_lead *lead_made = NULL;
  crm_pipeline *sales = NULL;
  const crm_stage *stage = NULL;
  crm_cursor *cursor = NULL;
  const crm_activity *activity = NULL;
  const crm_stage_change *change = NULL;
  const char *previous_at = NULL;
  char previous[40] = "9999";
  int activities = 0, changes = 0, rows = 0, i, ordered = 1;
  int64_t proposal = 0;

  CHECK_OK(crm_pipeline_default(db, &sales));
  CHECK_OK(crm_pipeline_stage(sales, 2, &stage));
  CHECK_OK(crm_stage_id(stage, &proposal));
  crm_pipeline_free(sales);
  call = make_task(db, "Call about floors", "anna", "2025-01-10T10:00:00Z", "opportunity", deal);
  CHECK_OK(crm_opportunity_move_to_stage(db, deal, proposal, NULL, 0, NULL));

  /* a deal's timeline has both kinds of entries, newest first */
  CHECK_OK(crm_timeline_opportunity(db, deal, 0, &cursor));
  while (crm_cursor_next(cursor) == CRM_ROW) {
    CHECK_OK(crm_cursor_timeline_entry(cursor, &activity, &change));
    CHECK((activity == NULL) != (change == NULL));
    if (activity != NULL) {
      ++activities;
      CHECK_OK(crm_activity_get_int(activity, "id", &value));
      CHECK(value == call);
      CHECK(rows == 2); /* dated 2025, older than the stage changes made today */
    } else {
      ++changes;
      CHECK_OK(crm_stage_change_get_int(change, "to_stage", &value));
      if (rows == 0) CHECK(value == proposal);
    }
    ++rows;
  }
  CHECK(activities == 1 && changes == 2);
  CHECK_FAILS(crm_cursor_timeline_entry(cursor, &activity, &change), CRM_MISUSE, "not on a row");
  crm_cursor_free(cursor);

  /* once attached to the contact, the account and the contact see the call too */
  CHECK_OK(crm_activity_attach_to_contact(db, call, contact, NULL));
  CHECK_OK(crm_timeline_account(db, account, 0, &cursor));
  CHECK(drain(cursor) == 3);
  CHECK_OK(crm_timeline_contact(db, contact, 0, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_timeline_entry(cursor, &activity, &change));
  CHECK(activity != NULL && change == NULL);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_activity_remove(db, call));
  CHECK_OK(crm_timeline_contact(db, contact, 0, &cursor));
  CHECK(drain(cursor) == 0);
  CHECK_OK(crm_timeline_contact(db, contact, 1, &cursor));
  CHECK(drain(cursor) == 1);

  /* a lead's timeline pages through more entries than fit in one page */
  CHECK_OK(crm_lead_new(&lead_data));
  CHECK_OK(crm_lead_set(lead_data, "last_name", "Ozola"));
  CHECK_OK(crm_lead_create(db, lead_data, &lead_made));
  CHECK_OK(crm_lead_get_int(lead_made, "id", &lead));
  CHECK_OK(crm_db_begin(db));
  for (i = 0; i < 230; ++i) {
    char when[40];
    snprintf(when, sizeof when, "2024-%02d-%02dT%02d:00:00Z", 1 + i % 12, 1 + i % 28, i % 24);
    note = make_task(db, "Follow-up", "anna", when, "lead", lead);
  }
  CHECK_OK(crm_db_commit(db));
  CHECK(note > 0);
  rows = 0;
  CHECK_OK(crm_timeline_lead(db, lead, 0, &cursor));
  while (crm_cursor_next(cursor) == CRM_ROW) {
    CHECK_OK(crm_cursor_timeline_entry(cursor, &activity, &change));
    CHECK(activity != NULL);
    if (activity != NULL) {
      CHECK_OK(crm_activity_get_field(activity, "starts_at", &previous_at));
      if (strcmp(previous_at, previous) > 0) ordered = 0;
      snprintf(previous, sizeof previous, "%s", previous_at);
    }
    ++rows;
  }
  CHECK(rows == 230 && ordered);
  crm_cursor_free(cursor);

  /* wrong ids fail when the cursor is made */
  CHECK_FAILS(crm_timeline_account(db, 999, 0, &cursor), CRM_NOT_FOUND, "999");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_timeline_contact(db, 999, 0, &cursor), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_timeline_opportunity(db, 999, 0, &cursor), CRM_NOT_FOUND, "999");
  CHECK_FAILS(crm_timeline_lead(db, 999, 1, &cursor), CRM_NOT_FOUND, "999");

  /* a cursor over something else is misuse */
  CHECK_OK(crm_timeline_lead(db, lead, 0, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  {
    const crm_lead *wrong = NULL;
    CHECK_FAILS(crm_cursor_lead(cursor, &wrong), CRM_MISUSE, "another kind of record");
    CHECK_FAILS(crm_cursor_activity(cursor, &activity), CRM_MISUSE, "another kind of record");
  }
  /* closing the database mid-way: the cursor reports misuse */
  crm_db_close(db);
  for (i = 0; i < 150; ++i) {
    crm_status status = crm_cursor_next(cursor);
    if (status != CRM_ROW) {
      CHECK(status == CRM_MISUSE);
      CHECK(strstr(crm_last_error()->message, "closed") != NULL);
      break;
    }
  }
  CHECK(i < 150);
  crm_cursor_free(cursor);
  crm_lead_free(lead_data);
  crm_lead_free(lead_made);
  crm_db_free(db);
}

/* ---- telephony ---------------------------------------------------------- */

static void test_telephony(void) {
  crm_db *db = open_memory("anna");
  int64_t account = make_named_account(db, "SIA Koka Nams");
  int64_t contact = make_contact(db, "Bērziņš", account, "26 123 456");
  crm_activity *call = NULL;
  crm_activity *logged = NULL;
  crm_cursor *cursor = NULL;
  const crm_activity *row = NULL;
  const char *text = NULL;
  int64_t found_contact = -1, found_account = -1, value = 0, stranger = 0, unknown_call = 0;

  CHECK_OK(crm_activity_new(&call));
  CHECK_OK(crm_activity_set(call, "phone", "+371 2612 3456")); /* another written form */
  CHECK_OK(crm_activity_set(call, "direction", "inbound"));
  CHECK_OK(crm_activity_set(call, "starts_at", "2025-03-14T09:00:00Z"));
  CHECK_OK(crm_activity_set_int(call, "duration_seconds", 95));
  CHECK_OK(crm_activity_set(call, "owner", "anna"));
  CHECK_OK(crm_activity_set(call, "outcome", "answered"));
  CHECK_OK(crm_activity_set(call, "body", "Wants samples"));
  CHECK_OK(crm_telephony_record_call(db, call, &logged, &found_contact, &found_account));
  CHECK(found_contact == contact && found_account == account);
  CHECK_OK(crm_activity_get_field(logged, "kind", &text));
  CHECK(same(text, "call"));
  CHECK_OK(crm_activity_get_field(logged, "status", &text));
  CHECK(same(text, "done"));
  CHECK_OK(crm_activity_get_field(logged, "subject", &text));
  CHECK(same(text, "Inbound call"));
  CHECK_OK(crm_activity_get_field(logged, "body", &text));
  CHECK(same(text, "Wants samples"));
  CHECK_OK(crm_activity_get_field(logged, "starts_at", &text));
  CHECK(same(text, "2025-03-14T09:00:00.000000Z"));
  CHECK_OK(crm_activity_get_int(logged, "duration_seconds", &value));
  CHECK(value == 95);
  CHECK_OK(crm_activity_get_int(logged, "contact", &value));
  CHECK(value == contact);
  crm_activity_free(logged);

  /* an unknown number is recorded as it is, and attached later */
  CHECK_OK(crm_activity_set(call, "phone", "0037129000000"));
  CHECK_OK(crm_activity_set(call, "direction", "outbound"));
  CHECK_OK(crm_activity_set(call, "subject", "Cold call"));
  CHECK_OK(crm_activity_set(call, "starts_at", NULL)); /* now */
  CHECK_OK(crm_telephony_record_call(db, call, &logged, &found_contact, &found_account));
  CHECK(found_contact == 0 && found_account == 0);
  CHECK_OK(crm_activity_get_int(logged, "id", &unknown_call));
  CHECK_OK(crm_activity_get_field(logged, "subject", &text));
  CHECK(same(text, "Cold call"));
  crm_activity_free(logged);
  CHECK_OK(crm_telephony_record_call(db, call, NULL, NULL, NULL));
  stranger = make_contact(db, "Svešiniece", 0, "29 000 000");
  CHECK_OK(crm_telephony_attach_unmatched(db, stranger, &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_activity(cursor, &row));
  CHECK_OK(crm_activity_get_int(row, "id", &value));
  CHECK(value == unknown_call);
  CHECK_OK(crm_activity_get_int(row, "contact", &value));
  CHECK(value == stranger);
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  crm_cursor_free(cursor);
  CHECK_OK(crm_telephony_attach_unmatched(db, stranger, &cursor));
  CHECK(drain(cursor) == 0);
  CHECK_FAILS(crm_telephony_attach_unmatched(db, 999, &cursor), CRM_NOT_FOUND, "999");
  CHECK(cursor == NULL);

  /* a call needs a number and a direction */
  CHECK_OK(crm_activity_set(call, "direction", ""));
  CHECK_FAILS(crm_telephony_record_call(db, call, &logged, NULL, NULL), CRM_INVALID_ARGUMENT, "call.direction");
  CHECK(logged == NULL);
  CHECK_OK(crm_activity_set(call, "direction", "inbound"));
  CHECK_OK(crm_activity_set(call, "phone", ""));
  CHECK_FAILS(crm_telephony_record_call(db, call, NULL, NULL, NULL), CRM_INVALID_ARGUMENT, "call.number");
  CHECK_OK(crm_activity_set(call, "phone", "26 \xff"));
  CHECK_FAILS(crm_telephony_record_call(db, call, NULL, NULL, NULL), CRM_INVALID_ARGUMENT, "UTF-8");

  crm_activity_free(call);
  crm_db_free(db);
}

/* ---- business-day calendars --------------------------------------------- */

static void test_calendars(void) {
  crm_db *db = open_memory("anna");
  crm_cursor *cursor = NULL;
  const char *day = NULL;
  const char *name = NULL;
  char *result = NULL;
  int mask = -1, business = -1;

  CHECK_OK(crm_calendar_weekend(db, "LV", &mask));
  CHECK(mask == 65);
  CHECK_OK(crm_calendar_add_holiday(db, "LV", "2025-03-17", "Test holiday"));
  CHECK_OK(crm_calendar_add_holiday(db, "LV", "2025-03-17", "Renamed holiday"));
  CHECK_OK(crm_calendar_add_holiday(db, "LV", "2025-05-04", "Restoration of Independence"));
  CHECK_OK(crm_calendar_add_holiday(db, "LT", "2025-03-11", "Restoration of Independence"));
  CHECK_OK(crm_calendar_is_business_day(db, "LV", "2025-03-17", &business));
  CHECK(business == 0);
  CHECK_OK(crm_calendar_is_business_day(db, "LV", "2025-03-18", &business));
  CHECK(business == 1);
  CHECK_OK(crm_calendar_is_business_day(db, "LV", "2025-03-15", &business)); /* Saturday */
  CHECK(business == 0);
  /* Friday + 1 business day skips the weekend and the Monday holiday */
  CHECK_OK(crm_calendar_add_business_days(db, "LV", "2025-03-14", 1, &result));
  CHECK(same(result, "2025-03-18"));
  crm_free(result);
  CHECK_OK(crm_calendar_add_business_days(db, "LV", "2025-03-18", -1, &result));
  CHECK(same(result, "2025-03-14"));
  crm_free(result);
  CHECK_OK(crm_calendar_add_business_days(db, "LT", "2025-03-14", 1, &result));
  CHECK(same(result, "2025-03-17"));
  crm_free(result);

  CHECK_OK(crm_calendar_holidays(db, "LV", "2025-01-01", "2025-12-31", &cursor));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_holiday(cursor, &day, &name));
  CHECK(same(day, "2025-03-17") && same(name, "Renamed holiday"));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_OK(crm_cursor_holiday(cursor, &day, &name));
  CHECK(same(day, "2025-05-04"));
  CHECK(crm_cursor_next(cursor) == CRM_DONE);
  CHECK_FAILS(crm_cursor_holiday(cursor, &day, &name), CRM_MISUSE, "not on a row");
  crm_cursor_free(cursor);
  CHECK_OK(crm_calendar_remove_holiday(db, "LV", "2025-03-17"));
  CHECK_FAILS(crm_calendar_remove_holiday(db, "LV", "2025-03-17"), CRM_NOT_FOUND, "2025-03-17");
  CHECK_OK(crm_calendar_holidays(db, "LV", "2025-01-01", "2025-12-31", &cursor));
  CHECK(drain(cursor) == 1);

  /* a six-day week: only Sunday off */
  CHECK_OK(crm_calendar_set_weekend(db, "LV", 1));
  CHECK_OK(crm_calendar_weekend(db, "LV", &mask));
  CHECK(mask == 1);
  CHECK_OK(crm_calendar_is_business_day(db, "LV", "2025-03-15", &business));
  CHECK(business == 1);
  CHECK_FAILS(crm_calendar_set_weekend(db, "LV", 128), CRM_INVALID_ARGUMENT, "weekday_mask: 128");
  CHECK_FAILS(crm_calendar_set_weekend(db, "LV", -1), CRM_INVALID_ARGUMENT, "weekday_mask");
  CHECK_OK(crm_calendar_set_weekend(db, "LV", 127));
  CHECK_FAILS(crm_calendar_add_business_days(db, "LV", "2025-03-14", 1, &result), CRM_INVALID_ARGUMENT,
              "no business day");

  /* bad dates and countries */
  CHECK_FAILS(crm_calendar_add_holiday(db, "LV", "17.03.2025", "x"), CRM_INVALID_ARGUMENT, "17.03.2025");
  CHECK_FAILS(crm_calendar_add_holiday(db, "Narnia", "2025-03-17", "x"), CRM_INVALID_ARGUMENT, "Narnia");
  CHECK_FAILS(crm_calendar_add_holiday(db, "LV", "2025-03-17", "\xff"), CRM_INVALID_ARGUMENT, "UTF-8");
  CHECK_FAILS(crm_calendar_is_business_day(db, "LV", "someday", &business), CRM_INVALID_ARGUMENT, "someday");
  CHECK_FAILS(crm_calendar_holidays(db, "LV", "2025-01-01", "2025-13-01", &cursor), CRM_INVALID_ARGUMENT,
              "2025-13-01");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_calendar_remove_holiday(db, "LV", "x"), CRM_INVALID_ARGUMENT, "'x'");
  CHECK_FAILS(crm_calendar_add_business_days(db, "LV", "x", 1, &result), CRM_INVALID_ARGUMENT, "'x'");
  CHECK_FAILS(crm_calendar_weekend(db, "XX", &mask), CRM_INVALID_ARGUMENT, "XX");
  CHECK_FAILS(crm_calendar_set_weekend(db, "XX", 65), CRM_INVALID_ARGUMENT, "XX");
  crm_db_free(db);
}

/* ---- misuse of every new function --------------------------------------- */

static void test_misuse(void) {
  crm_db *db = open_memory("anna");
  crm_pipeline *pipeline = NULL;
  crm_product *product = NULL;
  crm_opportunity *opportunity = NULL;
  crm_lead *lead = NULL;
  crm_activity *activity = NULL;
  crm_activity *next = NULL;
  crm_cursor *cursor = NULL;
  crm_cursor *other_cursor = NULL;
  crm_cursor *third_cursor = NULL;
  crm_query *query = NULL;
  const crm_pipeline *borrowed_pipeline = NULL;
  const crm_stage *borrowed_stage = NULL;
  const crm_product *borrowed_product = NULL;
  const crm_opportunity *borrowed_opportunity = NULL;
  const crm_stage_change *change = NULL;
  const crm_lead *borrowed_lead = NULL;
  const crm_activity *borrowed_activity = NULL;
  const char *text = NULL;
  const char *text2 = NULL;
  const char *const names[] = {"a", NULL, "c"};
  const char *const good_names[] = {"a", "b", "c"};
  const int probabilities[] = {1, 2, 3};
  const crm_stage_kind kinds[] = {CRM_STAGE_OPEN, CRM_STAGE_WON, CRM_STAGE_LOST};
  char *owned = NULL;
  int64_t number = 0;
  int integer = 0;
  size_t size = 0;
  crm_stage_kind kind = CRM_STAGE_OPEN;
  crm_pipeline *got_pipeline = NULL;
  crm_stage *got_stage = NULL;
  crm_product *got_product = NULL;
  crm_opportunity *got_opportunity = NULL;
  crm_lead *got_lead = NULL;

  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_product_new(&product));
  CHECK_OK(crm_opportunity_new(&opportunity));
  CHECK_OK(crm_lead_new(&lead));
  CHECK_OK(crm_activity_new(&activity));
  CHECK_FAILS(crm_query_set_filter(NULL, "account", 1), CRM_MISUSE, "query must not be NULL");
  CHECK_FAILS(crm_query_set_filter(query, NULL, 1), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_query_set_filter_text(NULL, "kind", "call"), CRM_MISUSE, "query must not be NULL");
  CHECK_FAILS(crm_query_set_filter_text(query, NULL, "call"), CRM_MISUSE, "name must not be NULL");

  /* NULL database handle */
  CHECK_FAILS(crm_pipeline_create(NULL, "x", 3, good_names, probabilities, kinds, &got_pipeline), CRM_MISUSE,
              "db must not be NULL");
  CHECK(got_pipeline == NULL);
  CHECK_FAILS(crm_pipeline_get(NULL, 1, &got_pipeline), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_pipeline_find(NULL, "x", &got_pipeline), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_pipeline_default(NULL, &got_pipeline), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_pipeline_list(NULL, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_pipeline_rename(NULL, 1, "x", NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_pipeline_set_default(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_pipeline_reorder_stages(NULL, 1, 0, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_stage_get(NULL, 1, &got_stage), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_stage_add(NULL, 1, "x", 1, CRM_STAGE_OPEN, 0, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_stage_update(NULL, 1, "x", 1, CRM_STAGE_OPEN, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_stage_remove(NULL, 1, 0), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lost_reason_list(NULL, 0, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lost_reason_add(NULL, "x", &number), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lost_reason_set_active(NULL, 1, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lost_reason_find(NULL, "x", &number), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_product_create(NULL, NULL, NULL), CRM_MISUSE, "data must not be NULL");
  CHECK_FAILS(crm_product_create(NULL, product, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_product_get(NULL, 1, &got_product), CRM_MISUSE, "db must not be NULL");
  CHECK(got_product == NULL);
  CHECK_FAILS(crm_product_update(NULL, product, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_product_find_by_sku(NULL, "x", &got_product), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_product_list(NULL, 1, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_create(NULL, opportunity, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_update(NULL, opportunity, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_move_to_stage(NULL, 1, 1, NULL, 0, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_remove(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_restore(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_purge(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_list(NULL, NULL, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_count(NULL, NULL, &number), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_select(NULL, "id", NULL, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_find_by_external_ref(NULL, "x", &got_opportunity), CRM_MISUSE, "db must not be NULL");
  CHECK(got_opportunity == NULL);
  CHECK_FAILS(crm_opportunity_without_next_activity(NULL, NULL, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_opportunity_stage_history(NULL, 1, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_create(NULL, lead, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_update(NULL, lead, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_remove(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_restore(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_purge(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_list(NULL, NULL, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_count(NULL, NULL, &number), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_find_by_email(NULL, "x", &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_find_by_phone(NULL, "x", &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_convert(NULL, 1, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_lead_get(NULL, 1, &got_lead), CRM_MISUSE, "db must not be NULL");
  CHECK(got_lead == NULL);
  CHECK_FAILS(crm_lead_find_by_external_ref(NULL, "x", &got_lead), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_create(NULL, activity, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_update(NULL, activity, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_complete(NULL, 1, NULL, NULL, NULL, &next), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_cancel(NULL, 1, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_attach_to_contact(NULL, 1, 1, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_remove(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_restore(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_purge(NULL, 1), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_list(NULL, NULL, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_count(NULL, NULL, &number), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_activity_agenda(NULL, "anna", NULL, NULL, NULL, &cursor, NULL, NULL), CRM_MISUSE,
              "db must not be NULL");
  CHECK_FAILS(crm_activity_reminders_due(NULL, "2025-01-01T00:00:00Z", NULL, &cursor), CRM_MISUSE,
              "db must not be NULL");
  CHECK_FAILS(crm_activity_get(NULL, 1, &next), CRM_MISUSE, "db must not be NULL");
  CHECK(next == NULL);
  CHECK_FAILS(crm_timeline_account(NULL, 1, 0, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_timeline_contact(NULL, 1, 0, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_timeline_opportunity(NULL, 1, 0, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_timeline_lead(NULL, 1, 0, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_telephony_record_call(NULL, activity, NULL, NULL, NULL), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_telephony_attach_unmatched(NULL, 1, &cursor), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_calendar_add_holiday(NULL, "LV", "2025-01-01", "x"), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_calendar_remove_holiday(NULL, "LV", "2025-01-01"), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_calendar_holidays(NULL, "LV", "2025-01-01", "2025-01-02", &cursor), CRM_MISUSE,
              "db must not be NULL");
  CHECK_FAILS(crm_calendar_set_weekend(NULL, "LV", 65), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_calendar_weekend(NULL, "LV", &integer), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_calendar_is_business_day(NULL, "LV", "2025-01-01", &integer), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_calendar_add_business_days(NULL, "LV", "2025-01-01", 1, &owned), CRM_MISUSE,
              "db must not be NULL");
  CHECK(cursor == NULL);

  /* NULL required pointers */
  CHECK_FAILS(crm_pipeline_create(db, NULL, 3, names, probabilities, kinds, NULL), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_pipeline_create(db, "x", 3, NULL, probabilities, kinds, NULL), CRM_MISUSE, "stage_names");
  CHECK_FAILS(crm_pipeline_create(db, "x", 3, names, NULL, kinds, NULL), CRM_MISUSE, "probabilities");
  CHECK_FAILS(crm_pipeline_create(db, "x", 3, names, probabilities, NULL, NULL), CRM_MISUSE, "kinds");
  CHECK_FAILS(crm_pipeline_create(db, "x", 3, names, probabilities, kinds, NULL), CRM_MISUSE,
              "stage_names must not hold NULL");
  CHECK_FAILS(crm_pipeline_get(db, 1, NULL), CRM_MISUSE, "out_pipeline");
  CHECK_FAILS(crm_pipeline_find(db, NULL, &got_pipeline), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_pipeline_find(db, "x", NULL), CRM_MISUSE, "out_pipeline");
  CHECK_FAILS(crm_pipeline_default(db, NULL), CRM_MISUSE, "out_pipeline");
  CHECK_FAILS(crm_pipeline_list(db, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_pipeline_rename(db, 1, NULL, NULL), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_pipeline_reorder_stages(db, 1, 2, NULL), CRM_MISUSE, "stage_ids");
  CHECK_FAILS(crm_stage_get(db, 1, NULL), CRM_MISUSE, "out_stage");
  CHECK_FAILS(crm_stage_add(db, 1, NULL, 1, CRM_STAGE_OPEN, 0, NULL), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_stage_update(db, 1, NULL, 1, CRM_STAGE_OPEN, NULL), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_lost_reason_list(db, 0, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_lost_reason_add(db, NULL, &number), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_lost_reason_add(db, "x", NULL), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_lost_reason_find(db, NULL, &number), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_lost_reason_find(db, "x", NULL), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_product_new(NULL), CRM_MISUSE, "out_product");
  CHECK_FAILS(crm_product_update(db, NULL, NULL), CRM_MISUSE, "product must not be NULL");
  CHECK_FAILS(crm_product_get(db, 1, NULL), CRM_MISUSE, "out_product");
  CHECK_FAILS(crm_product_find_by_sku(db, NULL, &got_product), CRM_MISUSE,
              "sku must not be NULL");
  CHECK_FAILS(crm_product_find_by_sku(db, "x", NULL), CRM_MISUSE, "out_product");
  CHECK_FAILS(crm_product_list(db, 0, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_opportunity_new(NULL), CRM_MISUSE, "out_opportunity");
  CHECK_FAILS(crm_opportunity_create(db, NULL, NULL), CRM_MISUSE, "data must not be NULL");
  CHECK_FAILS(crm_opportunity_update(db, NULL, NULL), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_get(db, 1, NULL), CRM_MISUSE, "out_opportunity");
  CHECK_FAILS(crm_opportunity_list(db, NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_opportunity_count(db, NULL, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_opportunity_select(db, NULL, NULL, &cursor), CRM_MISUSE, "columns must not be NULL");
  CHECK_FAILS(crm_opportunity_select(db, "id", NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_opportunity_find_by_external_ref(db, NULL, &got_opportunity), CRM_MISUSE, "external_ref");
  CHECK(got_opportunity == NULL);
  CHECK_FAILS(crm_opportunity_find_by_external_ref(db, "x", NULL), CRM_MISUSE, "out_opportunity");
  CHECK_FAILS(crm_opportunity_without_next_activity(db, NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_opportunity_stage_history(db, 1, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_lead_new(NULL), CRM_MISUSE, "out_lead");
  CHECK_FAILS(crm_lead_create(db, NULL, NULL), CRM_MISUSE, "data must not be NULL");
  CHECK_FAILS(crm_lead_update(db, NULL, NULL), CRM_MISUSE, "lead must not be NULL");
  CHECK_FAILS(crm_lead_get(db, 1, NULL), CRM_MISUSE, "out_lead");
  CHECK_FAILS(crm_lead_list(db, NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_lead_count(db, NULL, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_lead_find_by_external_ref(db, NULL, &got_lead), CRM_MISUSE, "external_ref");
  CHECK(got_lead == NULL);
  CHECK_FAILS(crm_lead_find_by_external_ref(db, "x", NULL), CRM_MISUSE, "out_lead");
  CHECK_FAILS(crm_lead_find_by_email(db, NULL, &cursor), CRM_MISUSE, "email must not be NULL");
  CHECK_FAILS(crm_lead_find_by_email(db, "x", NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_lead_find_by_phone(db, NULL, &cursor), CRM_MISUSE, "phone must not be NULL");
  CHECK_FAILS(crm_lead_find_by_phone(db, "x", NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_activity_new(NULL), CRM_MISUSE, "out_activity");
  CHECK_FAILS(crm_activity_create(db, NULL, NULL), CRM_MISUSE, "data must not be NULL");
  CHECK_FAILS(crm_activity_update(db, NULL, NULL), CRM_MISUSE, "activity must not be NULL");
  CHECK_FAILS(crm_activity_get(db, 1, NULL), CRM_MISUSE, "out_activity");
  CHECK_FAILS(crm_activity_list(db, NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_activity_count(db, NULL, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_activity_agenda(db, NULL, NULL, NULL, NULL, &cursor, &other_cursor, &third_cursor), CRM_MISUSE,
              "owner must not be NULL");
  CHECK(cursor == NULL && other_cursor == NULL && third_cursor == NULL);
  CHECK_FAILS(crm_activity_reminders_due(db, NULL, NULL, &cursor), CRM_MISUSE, "at must not be NULL");
  CHECK_FAILS(crm_activity_reminders_due(db, "2025-01-01T00:00:00Z", NULL, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_timeline_account(db, 1, 0, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_timeline_contact(db, 1, 0, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_timeline_opportunity(db, 1, 0, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_timeline_lead(db, 1, 0, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_telephony_record_call(db, NULL, NULL, NULL, NULL), CRM_MISUSE, "call must not be NULL");
  CHECK_FAILS(crm_telephony_attach_unmatched(db, 1, NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_calendar_add_holiday(db, NULL, "2025-01-01", "x"), CRM_MISUSE, "country must not be NULL");
  CHECK_FAILS(crm_calendar_add_holiday(db, "LV", NULL, "x"), CRM_MISUSE, "day must not be NULL");
  CHECK_FAILS(crm_calendar_add_holiday(db, "LV", "2025-01-01", NULL), CRM_MISUSE, "name must not be NULL");
  CHECK_FAILS(crm_calendar_remove_holiday(db, NULL, "2025-01-01"), CRM_MISUSE, "country must not be NULL");
  CHECK_FAILS(crm_calendar_remove_holiday(db, "LV", NULL), CRM_MISUSE, "day must not be NULL");
  CHECK_FAILS(crm_calendar_holidays(db, NULL, "2025-01-01", "2025-01-02", &cursor), CRM_MISUSE, "country");
  CHECK_FAILS(crm_calendar_holidays(db, "LV", NULL, "2025-01-02", &cursor), CRM_MISUSE, "from must not be NULL");
  CHECK_FAILS(crm_calendar_holidays(db, "LV", "2025-01-01", NULL, &cursor), CRM_MISUSE, "to must not be NULL");
  CHECK_FAILS(crm_calendar_holidays(db, "LV", "2025-01-01", "2025-01-02", NULL), CRM_MISUSE, "out_cursor");
  CHECK_FAILS(crm_calendar_set_weekend(db, NULL, 65), CRM_MISUSE, "country must not be NULL");
  CHECK_FAILS(crm_calendar_weekend(db, NULL, &integer), CRM_MISUSE, "country must not be NULL");
  CHECK_FAILS(crm_calendar_weekend(db, "LV", NULL), CRM_MISUSE, "out_weekday_mask");
  CHECK_FAILS(crm_calendar_is_business_day(db, NULL, "2025-01-01", &integer), CRM_MISUSE, "country");
  CHECK_FAILS(crm_calendar_is_business_day(db, "LV", NULL, &integer), CRM_MISUSE, "day must not be NULL");
  CHECK_FAILS(crm_calendar_is_business_day(db, "LV", "2025-01-01", NULL), CRM_MISUSE, "out_is_business_day");
  CHECK_FAILS(crm_calendar_add_business_days(db, NULL, "2025-01-01", 1, &owned), CRM_MISUSE, "country");
  CHECK_FAILS(crm_calendar_add_business_days(db, "LV", NULL, 1, &owned), CRM_MISUSE, "from must not be NULL");
  CHECK_FAILS(crm_calendar_add_business_days(db, "LV", "2025-01-01", 1, NULL), CRM_MISUSE, "out_day");

  /* NULL records and NULL arguments on records */
  CHECK_FAILS(crm_pipeline_id(NULL, &number), CRM_MISUSE, "pipeline must not be NULL");
  CHECK_FAILS(crm_pipeline_name(NULL, &text), CRM_MISUSE, "pipeline must not be NULL");
  CHECK_FAILS(crm_pipeline_is_default(NULL, &integer), CRM_MISUSE, "pipeline must not be NULL");
  CHECK_FAILS(crm_pipeline_stage_count(NULL, &size), CRM_MISUSE, "pipeline must not be NULL");
  CHECK_FAILS(crm_pipeline_stage(NULL, 0, &borrowed_stage), CRM_MISUSE, "pipeline must not be NULL");
  CHECK_FAILS(crm_stage_id(NULL, &number), CRM_MISUSE, "stage must not be NULL");
  CHECK_FAILS(crm_stage_pipeline(NULL, &number), CRM_MISUSE, "stage must not be NULL");
  CHECK_FAILS(crm_stage_name(NULL, &text), CRM_MISUSE, "stage must not be NULL");
  CHECK_FAILS(crm_stage_probability(NULL, &integer), CRM_MISUSE, "stage must not be NULL");
  CHECK_FAILS(crm_stage_get_kind(NULL, &kind), CRM_MISUSE, "stage must not be NULL");
  CHECK_FAILS(crm_stage_position(NULL, &integer), CRM_MISUSE, "stage must not be NULL");
  CHECK_FAILS(crm_stage_removed(NULL, &integer), CRM_MISUSE, "stage must not be NULL");
  CHECK_OK(crm_pipeline_default(db, &pipeline));
  CHECK_FAILS(crm_pipeline_id(pipeline, NULL), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_pipeline_name(pipeline, NULL), CRM_MISUSE, "out_name");
  CHECK_FAILS(crm_pipeline_is_default(pipeline, NULL), CRM_MISUSE, "out_is_default");
  CHECK_FAILS(crm_pipeline_stage_count(pipeline, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_pipeline_stage(pipeline, 0, NULL), CRM_MISUSE, "out_stage");
  CHECK_OK(crm_pipeline_stage(pipeline, 0, &borrowed_stage));
  CHECK_FAILS(crm_stage_id(borrowed_stage, NULL), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_stage_pipeline(borrowed_stage, NULL), CRM_MISUSE, "out_pipeline_id");
  CHECK_FAILS(crm_stage_name(borrowed_stage, NULL), CRM_MISUSE, "out_name");
  CHECK_FAILS(crm_stage_probability(borrowed_stage, NULL), CRM_MISUSE, "out_probability");
  CHECK_FAILS(crm_stage_get_kind(borrowed_stage, NULL), CRM_MISUSE, "out_kind");
  CHECK_FAILS(crm_stage_position(borrowed_stage, NULL), CRM_MISUSE, "out_position");
  CHECK_FAILS(crm_stage_removed(borrowed_stage, NULL), CRM_MISUSE, "out_removed");

  CHECK_FAILS(crm_product_set(NULL, "sku", "x"), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_product_set(product, NULL, "x"), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_product_get_field(NULL, "sku", &text), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_product_get_field(product, "sku", NULL), CRM_MISUSE, "out_value");
  CHECK_FAILS(crm_product_set_price(NULL, 1, "EUR"), CRM_MISUSE, "product must not be NULL");
  CHECK_FAILS(crm_product_set_price(product, 1, NULL), CRM_MISUSE, "currency must not be NULL");
  CHECK_FAILS(crm_product_price(NULL, &number, &text), CRM_MISUSE, "product must not be NULL");
  CHECK_FAILS(crm_product_price(product, NULL, &text), CRM_MISUSE, "out_minor_units");
  CHECK_FAILS(crm_product_price(product, &number, NULL), CRM_MISUSE, "out_currency");
  CHECK_FAILS(crm_product_set_active(NULL, 1), CRM_MISUSE, "product must not be NULL");
  CHECK_FAILS(crm_product_active(NULL, &integer), CRM_MISUSE, "product must not be NULL");
  CHECK_FAILS(crm_product_active(product, NULL), CRM_MISUSE, "out_active");
  CHECK_FAILS(crm_product_id(NULL, &number), CRM_MISUSE, "product must not be NULL");
  CHECK_FAILS(crm_product_id(product, NULL), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_product_version(NULL, &number), CRM_MISUSE, "product must not be NULL");
  CHECK_FAILS(crm_product_version(product, NULL), CRM_MISUSE, "out_version");

  CHECK_FAILS(crm_opportunity_set(NULL, "name", "x"), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_opportunity_set(opportunity, NULL, "x"), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_opportunity_get_field(NULL, "name", &text), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_opportunity_get_field(opportunity, "name", NULL), CRM_MISUSE, "out_value");
  CHECK_FAILS(crm_opportunity_set_int(NULL, "stage", 1), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_opportunity_set_int(opportunity, NULL, 1), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_opportunity_get_int(NULL, "stage", &number), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_opportunity_get_int(opportunity, "stage", NULL), CRM_MISUSE, "out_value");
  CHECK_FAILS(crm_opportunity_set_amount(NULL, 1, "EUR"), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_set_amount(opportunity, 1, NULL), CRM_MISUSE, "currency must not be NULL");
  CHECK_FAILS(crm_opportunity_set_amount(opportunity, 1, "ZZZ"), CRM_INVALID_ARGUMENT, "ZZZ");
  CHECK_FAILS(crm_opportunity_amount(NULL, &number, &text), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_amount(opportunity, NULL, &text), CRM_MISUSE, "out_minor_units");
  CHECK_FAILS(crm_opportunity_amount(opportunity, &number, NULL), CRM_MISUSE, "out_currency");
  CHECK_FAILS(crm_opportunity_add_contact(NULL, 1, "user"), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_add_contact(opportunity, 1, NULL), CRM_MISUSE, "role must not be NULL");
  CHECK_FAILS(crm_opportunity_clear_contacts(NULL), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_contact_count(NULL, &size), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_contact_count(opportunity, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_opportunity_contact(NULL, 0, &number, &text), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_contact(opportunity, 0, NULL, &text), CRM_MISUSE, "out_contact_id");
  CHECK_FAILS(crm_opportunity_contact(opportunity, 0, &number, NULL), CRM_MISUSE, "out_role");
  CHECK_FAILS(crm_opportunity_add_line_item(NULL, 1, 1, 0, 0, 0), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_clear_line_items(NULL), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_line_item_count(NULL, &size), CRM_MISUSE, "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_line_item_count(opportunity, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_opportunity_line_item(NULL, 0, NULL, NULL, NULL, NULL, NULL), CRM_MISUSE,
              "opportunity must not be NULL");
  CHECK_FAILS(crm_opportunity_tag_count(NULL, &size), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_opportunity_tag_count(opportunity, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_opportunity_tag(NULL, 0, &text), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_opportunity_tag(opportunity, 0, NULL), CRM_MISUSE, "out_tag");
  CHECK_FAILS(crm_opportunity_tag(opportunity, 0, &text), CRM_NOT_FOUND, "index 0");
  CHECK_FAILS(crm_opportunity_add_tag(NULL, "x"), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_opportunity_add_tag(opportunity, NULL), CRM_MISUSE, "tag must not be NULL");
  CHECK_FAILS(crm_opportunity_clear_tags(NULL), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_stage_change_get_int(NULL, "id", &number), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_stage_change_get_field(NULL, "at", &text), CRM_MISUSE, "change must not be NULL");

  CHECK_FAILS(crm_lead_set(NULL, "last_name", "x"), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_lead_set(lead, NULL, "x"), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_lead_get_field(NULL, "last_name", &text), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_lead_get_field(lead, NULL, &text), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_lead_get_field(lead, "last_name", NULL), CRM_MISUSE, "out_value");
  CHECK_FAILS(crm_lead_get_int(NULL, "id", &number), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_lead_get_int(lead, NULL, &number), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_lead_get_int(lead, "id", NULL), CRM_MISUSE, "out_value");
  CHECK_FAILS(crm_lead_tag_count(NULL, &size), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_lead_tag(NULL, 0, &text), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_lead_add_tag(NULL, "x"), CRM_MISUSE, "record must not be NULL");
  CHECK_FAILS(crm_lead_add_tag(lead, NULL), CRM_MISUSE, "tag must not be NULL");
  CHECK_FAILS(crm_lead_clear_tags(NULL), CRM_MISUSE, "record must not be NULL");

  CHECK_FAILS(crm_activity_set(NULL, "subject", "x"), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_activity_set(activity, NULL, "x"), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_activity_get_field(NULL, "subject", &text), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_activity_get_field(activity, "subject", NULL), CRM_MISUSE, "out_value");
  CHECK_FAILS(crm_activity_set_int(NULL, "account", 1), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_activity_set_int(activity, NULL, 1), CRM_MISUSE, "field must not be NULL");
  CHECK_FAILS(crm_activity_get_int(NULL, "account", &number), CRM_MISUSE, "the record must not be NULL");
  CHECK_FAILS(crm_activity_get_int(activity, "account", NULL), CRM_MISUSE, "out_value");

  /* cursors: NULL, wrong kind, not on a row */
  CHECK_FAILS(crm_cursor_pipeline(NULL, &borrowed_pipeline), CRM_MISUSE, "cursor must not be NULL");
  CHECK_FAILS(crm_cursor_product(NULL, &borrowed_product), CRM_MISUSE, "cursor must not be NULL");
  CHECK_FAILS(crm_cursor_opportunity(NULL, &borrowed_opportunity), CRM_MISUSE, "cursor must not be NULL");
  CHECK_FAILS(crm_cursor_stage_change(NULL, &change), CRM_MISUSE, "cursor must not be NULL");
  CHECK_FAILS(crm_cursor_lead(NULL, &borrowed_lead), CRM_MISUSE, "cursor must not be NULL");
  CHECK_FAILS(crm_cursor_activity(NULL, &borrowed_activity), CRM_MISUSE, "cursor must not be NULL");
  CHECK_FAILS(crm_cursor_timeline_entry(NULL, &borrowed_activity, &change), CRM_MISUSE, "cursor must not be NULL");
  CHECK_FAILS(crm_cursor_lost_reason(NULL, &number, &text, &integer), CRM_MISUSE, "cursor must not be NULL");
  CHECK_FAILS(crm_cursor_holiday(NULL, &text, &text2), CRM_MISUSE, "cursor must not be NULL");
  CHECK_OK(crm_pipeline_list(db, &cursor));
  CHECK_FAILS(crm_cursor_pipeline(cursor, &borrowed_pipeline), CRM_MISUSE, "not on a row");
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_FAILS(crm_cursor_pipeline(cursor, NULL), CRM_MISUSE, "out_pipeline");
  CHECK_FAILS(crm_cursor_product(cursor, &borrowed_product), CRM_MISUSE, "another kind of record");
  CHECK_FAILS(crm_cursor_product(cursor, NULL), CRM_MISUSE, "out_product");
  CHECK_FAILS(crm_cursor_opportunity(cursor, &borrowed_opportunity), CRM_MISUSE, "another kind of record");
  CHECK_FAILS(crm_cursor_opportunity(cursor, NULL), CRM_MISUSE, "out_opportunity");
  CHECK_FAILS(crm_cursor_stage_change(cursor, &change), CRM_MISUSE, "another kind of record");
  CHECK_FAILS(crm_cursor_stage_change(cursor, NULL), CRM_MISUSE, "out_change");
  CHECK_FAILS(crm_cursor_lead(cursor, &borrowed_lead), CRM_MISUSE, "another kind of record");
  CHECK_FAILS(crm_cursor_lead(cursor, NULL), CRM_MISUSE, "out_lead");
  CHECK_FAILS(crm_cursor_activity(cursor, &borrowed_activity), CRM_MISUSE, "another kind of record");
  CHECK_FAILS(crm_cursor_activity(cursor, NULL), CRM_MISUSE, "out_activity");
  CHECK_FAILS(crm_cursor_timeline_entry(cursor, &borrowed_activity, &change), CRM_MISUSE, "another kind of record");
  CHECK_FAILS(crm_cursor_timeline_entry(cursor, NULL, &change), CRM_MISUSE, "out_activity");
  CHECK_FAILS(crm_cursor_timeline_entry(cursor, &borrowed_activity, NULL), CRM_MISUSE, "out_change");
  CHECK_FAILS(crm_cursor_lost_reason(cursor, &number, &text, &integer), CRM_MISUSE, "another kind of record");
  CHECK_FAILS(crm_cursor_lost_reason(cursor, NULL, &text, &integer), CRM_MISUSE, "out_id");
  CHECK_FAILS(crm_cursor_lost_reason(cursor, &number, NULL, &integer), CRM_MISUSE, "out_name");
  CHECK_FAILS(crm_cursor_lost_reason(cursor, &number, &text, NULL), CRM_MISUSE, "out_active");
  CHECK_FAILS(crm_cursor_holiday(cursor, &text, &text2), CRM_MISUSE, "another kind of record");
  CHECK_FAILS(crm_cursor_holiday(cursor, NULL, &text2), CRM_MISUSE, "out_day");
  CHECK_FAILS(crm_cursor_holiday(cursor, &text, NULL), CRM_MISUSE, "out_name");
  crm_cursor_free(cursor);
  cursor = NULL;

  /* a closed handle: every call is CRM_MISUSE, out handles are NULL */
  crm_db_close(db);
  crm_pipeline_free(pipeline);
  pipeline = NULL;
  CHECK_FAILS(crm_pipeline_create(db, "x", 3, good_names, probabilities, kinds, &got_pipeline), CRM_MISUSE,
              "closed");
  CHECK_FAILS(crm_pipeline_get(db, 1, &got_pipeline), CRM_MISUSE, "closed");
  CHECK(got_pipeline == NULL);
  CHECK_FAILS(crm_pipeline_find(db, "x", &got_pipeline), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_pipeline_default(db, &got_pipeline), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_pipeline_list(db, &cursor), CRM_MISUSE, "closed");
  CHECK(cursor == NULL);
  CHECK_FAILS(crm_pipeline_rename(db, 1, "x", &got_pipeline), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_pipeline_set_default(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_pipeline_reorder_stages(db, 1, 0, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_stage_get(db, 1, &got_stage), CRM_MISUSE, "closed");
  CHECK(got_stage == NULL);
  CHECK_FAILS(crm_stage_add(db, 1, "x", 1, CRM_STAGE_OPEN, 0, &got_stage), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_stage_update(db, 1, "x", 1, CRM_STAGE_OPEN, &got_stage), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_stage_remove(db, 1, 0), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lost_reason_list(db, 1, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lost_reason_add(db, "x", &number), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lost_reason_set_active(db, 1, 0), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lost_reason_find(db, "x", &number), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_product_create(db, product, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_product_update(db, product, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_product_find_by_sku(db, "x", &got_product), CRM_MISUSE, "closed");
  CHECK(got_product == NULL);
  CHECK_FAILS(crm_product_get(db, 1, &got_product), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_product_list(db, 0, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_create(db, opportunity, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_update(db, opportunity, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_move_to_stage(db, 1, 1, NULL, 0, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_remove(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_restore(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_purge(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_list(db, query, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_count(db, query, &number), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_select(db, "id", query, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_without_next_activity(db, query, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_stage_history(db, 1, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_opportunity_find_by_external_ref(db, "x", &got_opportunity), CRM_MISUSE, "closed");
  CHECK(got_opportunity == NULL);
  CHECK_FAILS(crm_opportunity_get(db, 1, &got_opportunity), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_create(db, lead, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_update(db, lead, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_remove(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_restore(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_purge(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_list(db, query, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_count(db, query, &number), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_find_by_email(db, "a@b.lv", &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_find_by_phone(db, "26123456", &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_convert(db, 1, 0, NULL, 0, NULL, NULL, &number, NULL, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_lead_find_by_external_ref(db, "x", &got_lead), CRM_MISUSE, "closed");
  CHECK(got_lead == NULL);
  CHECK_FAILS(crm_lead_get(db, 1, &got_lead), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_create(db, activity, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_update(db, activity, NULL), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_complete(db, 1, NULL, NULL, &next, NULL), CRM_MISUSE, "closed");
  CHECK(next == NULL);
  CHECK_FAILS(crm_activity_cancel(db, 1, &next), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_attach_to_contact(db, 1, 1, &next), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_remove(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_restore(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_purge(db, 1), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_list(db, query, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_count(db, query, &number), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_agenda(db, "anna", NULL, NULL, NULL, &cursor, &other_cursor, &third_cursor), CRM_MISUSE,
              "closed");
  CHECK(cursor == NULL && other_cursor == NULL && third_cursor == NULL);
  CHECK_FAILS(crm_activity_reminders_due(db, "2025-01-01T00:00:00Z", NULL, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_activity_get(db, 1, &next), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_timeline_account(db, 1, 0, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_timeline_contact(db, 1, 0, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_timeline_opportunity(db, 1, 0, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_timeline_lead(db, 1, 0, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_telephony_record_call(db, activity, &next, &number, &number), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_telephony_attach_unmatched(db, 1, &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_calendar_add_holiday(db, "LV", "2025-01-01", "x"), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_calendar_remove_holiday(db, "LV", "2025-01-01"), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_calendar_holidays(db, "LV", "2025-01-01", "2025-01-02", &cursor), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_calendar_set_weekend(db, "LV", 65), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_calendar_weekend(db, "LV", &integer), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_calendar_is_business_day(db, "LV", "2025-01-01", &integer), CRM_MISUSE, "closed");
  CHECK_FAILS(crm_calendar_add_business_days(db, "LV", "2025-01-01", 1, &owned), CRM_MISUSE, "closed");
  CHECK(cursor == NULL && owned == NULL);

  crm_query_free(query);
  crm_product_free(product);
  crm_opportunity_free(opportunity);
  crm_lead_free(lead);
  crm_activity_free(activity);
  crm_db_free(db);
}

/* History imported from another CRM: deals without an account, activities
 * with the old system's key, linked by who_ref / what_ref. */
static void test_history_as_it_was(void) {
  crm_db *db = open_memory("anna");
  int64_t account = make_named_account(db, "SIA Koka Nams");
  crm_opportunity *data = NULL;
  crm_opportunity *created = NULL;
  crm_opportunity *read = NULL;
  crm_activity *found = NULL;
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  crm_query *query = NULL;
  const char *text = NULL;
  const char *column = NULL;
  int64_t id = 0, value = -1, count = 0, inserted = 0, failed = 0, deal_id = 0, activity_deal = 0;
  const char *csv =
      "external_ref,subject,what_ref\n"
      "00T1,Call about the floors,006A\n"
      "00T2,Campaign task,701X\n";

  /* a deal without an account: 0 is none */
  CHECK_OK(crm_opportunity_new(&data));
  CHECK_OK(crm_opportunity_set(data, "name", "Imported without account"));
  CHECK_OK(crm_opportunity_set(data, "external_ref", "006A"));
  CHECK_OK(crm_opportunity_set_amount(data, 50000, "EUR"));
  CHECK_OK(crm_opportunity_set_account(data, account));
  CHECK_OK(crm_opportunity_account(data, &value));
  CHECK(value == account);
  CHECK_OK(crm_opportunity_set_account(data, 0));
  CHECK_OK(crm_opportunity_create(db, data, &created));
  CHECK_OK(crm_opportunity_id(created, &deal_id));
  CHECK_OK(crm_opportunity_get(db, deal_id, &read));
  CHECK_OK(crm_opportunity_account(read, &value));
  CHECK(value == 0);
  CHECK_OK(crm_opportunity_get_int(read, "account", &value));
  CHECK(value == 0);
  CHECK_OK(crm_query_new(&query));
  CHECK_OK(crm_opportunity_count(db, query, &count));
  CHECK(count == 1);
  crm_query_free(query);
  CHECK_OK(crm_opportunity_set_account(data, 404));
  crm_opportunity_free(created);
  created = NULL;
  CHECK_FAILS(crm_opportunity_create(db, data, &created), CRM_NOT_FOUND, "404");
  CHECK(created == NULL);

  /* activities by what_ref, then found by their own external_ref */
  CHECK_OK(crm_import_options_new("activity", &options));
  CHECK_OK(crm_import_text(db, csv, strlen(csv), options, &result));
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, &failed));
  CHECK(inserted == 1);
  CHECK(failed == 1);
  CHECK_OK(crm_import_result_error(result, 0, NULL, &column, &text));
  CHECK(same(column, "what_ref"));
  CHECK(strstr(text, "no account or deal has the external reference '701X'") != NULL);
  CHECK_OK(crm_activity_find_by_external_ref(db, "00T1", &found));
  CHECK(found != NULL);
  CHECK_OK(crm_activity_get_field(found, "external_ref", &text));
  CHECK(same(text, "00T1"));
  CHECK_OK(crm_activity_get_int(found, "opportunity", &activity_deal));
  CHECK(activity_deal == deal_id);
  crm_activity_free(found);
  found = NULL;
  CHECK_OK(crm_activity_find_by_external_ref(db, "00T2", &found));
  CHECK(found == NULL);

  /* misuse */
  CHECK_FAILS(crm_opportunity_account(NULL, &id), CRM_MISUSE, "must not be NULL");
  CHECK_FAILS(crm_opportunity_account(read, NULL), CRM_MISUSE, "must not be NULL");
  CHECK_FAILS(crm_opportunity_set_account(NULL, 1), CRM_MISUSE, "must not be NULL");
  CHECK_FAILS(crm_activity_find_by_external_ref(NULL, "00T1", &found), CRM_MISUSE, "must not be NULL");
  CHECK_FAILS(crm_activity_find_by_external_ref(db, NULL, &found), CRM_MISUSE, "must not be NULL");
  CHECK_FAILS(crm_activity_find_by_external_ref(db, "00T1", NULL), CRM_MISUSE, "must not be NULL");
  CHECK_FAILS(crm_activity_find_by_external_ref(db, "\xff", &found), CRM_INVALID_ARGUMENT, "UTF-8");

  crm_import_result_free(result);
  crm_import_options_free(options);
  crm_opportunity_free(read);
  crm_opportunity_free(created);
  crm_opportunity_free(data);
  crm_db_free(db);
}

/* The only activity of upcoming, by subject ("" when there is none or more
 * than one); frees the cursor. */
static const char *only_subject(crm_cursor *upcoming, char out[64]) {
  const crm_activity *row = NULL;
  const char *text = NULL;
  out[0] = '\0';
  if (crm_cursor_next(upcoming) == CRM_ROW) {
    CHECK_OK(crm_cursor_activity(upcoming, &row));
    CHECK_OK(crm_activity_get_field(row, "subject", &text));
    snprintf(out, 64, "%s", text);
    if (crm_cursor_next(upcoming) != CRM_DONE) out[0] = '\0';
  }
  crm_cursor_free(upcoming);
  return out;
}

/* Agenda days in a zone whose rules changed: each day is cut by the rule the
 * zone had that year (the system's tzdata), not by today's rule. */
static void test_agenda_in_zones_with_history(void) {
  crm_db *db = open_memory("anna");
  int64_t account = make_named_account(db, "SIA Koka Nams");
  crm_cursor *upcoming = NULL;
  char subject[64];

  /* 02:30 UTC: 00:30 on the 15th in Sao Paulo's summer time of 2018 (UTC-2),
   * 23:30 on the 14th in 2020, without summer time (UTC-3). */
  make_task(db, "Sao Paulo 2018", "ilze", "2018-01-15T02:30:00Z", "account", account);
  make_task(db, "Sao Paulo 2020", "ilze", "2020-01-15T02:30:00Z", "account", account);
  CHECK_OK(crm_activity_agenda(db, "ilze", "America/Sao_Paulo", "2018-01-15", "2018-01-15", NULL, NULL, &upcoming));
  CHECK(same(only_subject(upcoming, subject), "Sao Paulo 2018"));
  CHECK_OK(crm_activity_agenda(db, "ilze", "America/Sao_Paulo", "2020-01-14", "2020-01-14", NULL, NULL, &upcoming));
  CHECK(same(only_subject(upcoming, subject), "Sao Paulo 2020"));
  CHECK_OK(crm_activity_agenda(db, "ilze", "America/Sao_Paulo", "2020-01-15", "2020-01-15", NULL, NULL, &upcoming));
  CHECK(drain(upcoming) == 0);
  /* 21:30 UTC on 14 January 1990: 00:30 on the 15th in Kyiv, then on Moscow time (UTC+3). */
  make_task(db, "Kyiv 1990", "ilze", "1990-01-14T21:30:00Z", "account", account);
  CHECK_OK(crm_activity_agenda(db, "ilze", "Europe/Kyiv", "1990-01-15", "1990-01-15", NULL, NULL, &upcoming));
  CHECK(same(only_subject(upcoming, subject), "Kyiv 1990"));
  crm_db_free(db);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s SCRATCH_DIR\n", argv[0]);
    return 2;
  }
  snprintf(scratch, sizeof scratch, "%s", argv[1]);
  test_users();
  test_pipelines();
  test_products();
  test_opportunities();
  test_leads();
  test_activities();
  test_agenda_in_zones_with_history();
  test_history_as_it_was();
  test_timelines();
  test_telephony();
  test_calendars();
  test_misuse();
  return check_report("crm_capi_sales_test");
}
