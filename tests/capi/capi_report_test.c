/*
 * Tests of reports through the C ABI, written in C99: a small data set built
 * through the C ABI (an account, deals in EUR and USD with expected close
 * dates, a won and a lost deal, campaigns with their leads, an exchange
 * rate); pipeline_by_stage, forecast (by month and by quarter), win_rates
 * and campaign_return checked cell by cell against values worked out by
 * hand below; the filters (owner, pipeline, segment, range); the rates a
 * report used; a missing rate failing the report with the pair and the
 * day; every report of the names list running; the catalog of reports
 * (titles, options, groupings, segment kinds, columns as the reports give
 * them); and misuse (NULL handles
 * and pointers, a closed handle, bad report, interval and group names, the
 * wrong cursor), each time with the status, crm_last_error()'s code and
 * its message.
 *
 *   crm_capi_report_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

/* ---- the data set --------------------------------------------------------
 * Rate USD -> EUR 0.9 from 2025-01-01. Pipeline "Sales" (the default).
 *   D1 Oak floors    1000.00 EUR  Prospecting (10 %)  expected 2025-03-15  anna
 *   D2 Pine doors    2000.00 USD  Proposal (50 %)     expected 2025-03-20  anna
 *   D3 Birch stairs   500.00 EUR  Won on 2025-02-10   campaign Spring fair  peteris
 *   D4 Ash table      300.00 EUR  Lost on 2025-02-12                        peteris
 * Campaigns: Spring fair (event, from 2025-01-05, 400.00 EUR, 2 leads),
 * US banners (banner, from 2025-01-10, 100.00 USD = 90.00 EUR, 1 lead),
 * Word of mouth (referral, undated, no cost, no leads). */

typedef struct data_set {
  crm_db *db;
  int64_t pipeline;
  int64_t stages[6]; /* Prospecting, Qualification, Proposal, Negotiation, Won, Lost */
} data_set;

static void make_campaign(crm_db *db, const char *name, const char *channel, const char *starts_on, int64_t cost,
                          const char *currency) {
  crm_campaign *data = NULL;
  CHECK_OK(crm_campaign_new(&data));
  CHECK_OK(crm_campaign_set(data, "name", name));
  CHECK_OK(crm_campaign_set(data, "channel", channel));
  CHECK_OK(crm_campaign_set(data, "starts_on", starts_on));
  CHECK_OK(crm_campaign_set_cost(data, cost, currency));
  CHECK_OK(crm_campaign_create(db, data, NULL));
  crm_campaign_free(data);
}

static void make_lead(crm_db *db, const char *last_name, const char *campaign) {
  crm_lead *data = NULL;
  CHECK_OK(crm_lead_new(&data));
  CHECK_OK(crm_lead_set(data, "last_name", last_name));
  CHECK_OK(crm_lead_set(data, "campaign", campaign));
  CHECK_OK(crm_lead_create(db, data, NULL));
  crm_lead_free(data);
}

/* A deal of account in the default pipeline's stage number stage (an open
   one), expected to close on expected_close; returns its id. */
static int64_t make_deal(const data_set *set, int64_t account, const char *name, int64_t minor, const char *currency,
                         int stage, const char *expected_close, const char *owner, const char *campaign) {
  crm_opportunity *data = NULL;
  crm_opportunity *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_opportunity_new(&data));
  CHECK_OK(crm_opportunity_set(data, "name", name));
  CHECK_OK(crm_opportunity_set(data, "owner", owner));
  CHECK_OK(crm_opportunity_set(data, "campaign", campaign));
  CHECK_OK(crm_opportunity_set(data, "expected_close", expected_close));
  CHECK_OK(crm_opportunity_set_int(data, "account", account));
  CHECK_OK(crm_opportunity_set_int(data, "pipeline", set->pipeline));
  CHECK_OK(crm_opportunity_set_int(data, "stage", set->stages[stage]));
  CHECK_OK(crm_opportunity_set_amount(data, minor, currency));
  CHECK_OK(crm_opportunity_create(set->db, data, &created));
  CHECK_OK(crm_opportunity_get_int(created, "id", &id));
  crm_opportunity_free(data);
  crm_opportunity_free(created);
  return id;
}

static data_set make_data_set(void) {
  data_set set;
  crm_pipeline *sales = NULL;
  const crm_stage *stage = NULL;
  int64_t account = 0, price = 0, won = 0, lost = 0;
  size_t i;

  memset(&set, 0, sizeof set);
  set.db = open_memory_in("LV");
  CHECK_OK(crm_pipeline_default(set.db, &sales));
  CHECK_OK(crm_pipeline_id(sales, &set.pipeline));
  for (i = 0; i < 6; ++i) {
    CHECK_OK(crm_pipeline_stage(sales, i, &stage));
    CHECK_OK(crm_stage_id(stage, &set.stages[i]));
  }
  crm_pipeline_free(sales);
  CHECK_OK(crm_lost_reason_find(set.db, "price", &price));

  CHECK_OK(crm_exchange_rate_set(set.db, "USD", "EUR", "2025-01-01", "0.9"));
  make_campaign(set.db, "Spring fair", "event", "2025-01-05", 40000, "EUR");
  make_campaign(set.db, "US banners", "banner", "2025-01-10", 10000, "USD");
  make_campaign(set.db, "Word of mouth", "referral", NULL, 0, "EUR");
  make_lead(set.db, "Ozols", "Spring fair");
  make_lead(set.db, "Liepa", "Spring fair");
  make_lead(set.db, "Smith", "US banners");

  account = make_named_account(set.db, "SIA Koks");
  make_deal(&set, account, "Oak floors", 100000, "EUR", 0, "2025-03-15", "anna", NULL);
  make_deal(&set, account, "Pine doors", 200000, "USD", 2, "2025-03-20", "anna", NULL);
  won = make_deal(&set, account, "Birch stairs", 50000, "EUR", 0, "2025-02-28", "peteris", "Spring fair");
  lost = make_deal(&set, account, "Ash table", 30000, "EUR", 0, "2025-02-28", "peteris", NULL);
  CHECK_OK(crm_opportunity_move_to_stage(set.db, won, set.stages[4], "2025-02-10", 0, NULL));
  CHECK_OK(crm_opportunity_move_to_stage(set.db, lost, set.stages[5], "2025-02-12", price, NULL));
  return set;
}

/* ---- reading reports ----------------------------------------------------- */

/* Runs report name with options; NULL (after a failed check) when it fails. */
static crm_report *run(crm_db *db, const char *name, const crm_report_options *options) {
  crm_report *report = NULL;
  CHECK_OK(crm_report_run(db, name, options, &report));
  return report;
}

/* Options for the range start..end (either NULL). */
static crm_report_options *range(const char *start, const char *end) {
  crm_report_options *options = NULL;
  CHECK_OK(crm_report_options_new(&options));
  CHECK_OK(crm_report_options_set_start(options, start));
  CHECK_OK(crm_report_options_set_end(options, end));
  CHECK_OK(crm_report_options_set_as_of(options, "2025-06-30"));
  return options;
}

/* The number of the column called name, or -1. */
static int column_of(const crm_cursor *cursor, const char *name) {
  int count = 0, i;
  const char *column = NULL;
  CHECK_OK(crm_cursor_column_count(cursor, &count));
  for (i = 0; i < count; ++i) {
    CHECK_OK(crm_cursor_column(cursor, i, &column, NULL));
    if (same(column, name)) return i;
  }
  fprintf(stderr, "no column '%s'\n", name);
  ++check_failures;
  return -1;
}

/* A cursor over report's rows on the first row whose text column key holds
   value (NULL: a null cell); NULL (after a failed check) when none does. */
static crm_cursor *row_where(const crm_report *report, const char *key, const char *value) {
  crm_cursor *cursor = NULL;
  const char *cell = NULL;
  int column;
  CHECK_OK(crm_report_rows(report, &cursor));
  column = column_of(cursor, key);
  while (column >= 0 && crm_cursor_next(cursor) == CRM_ROW) {
    CHECK_OK(crm_cursor_text(cursor, column, &cell));
    if (same(cell, value)) return cursor;
  }
  fprintf(stderr, "no row with %s = '%s'\n", key, value ? value : "(null)");
  ++check_failures;
  crm_cursor_free(cursor);
  return NULL;
}

/* The text of cell `name` of the current row ("(null)" for null). */
static const char *text_at(const crm_cursor *cursor, const char *name) {
  const char *text = NULL;
  if (cursor == NULL) return "(no row)";
  CHECK_OK(crm_cursor_text(cursor, column_of(cursor, name), &text));
  return text ? text : "(null)";
}

static int64_t int_at(const crm_cursor *cursor, const char *name) {
  int64_t value = -12345;
  if (cursor != NULL) CHECK_OK(crm_cursor_int64(cursor, column_of(cursor, name), &value));
  return value;
}

static double real_at(const crm_cursor *cursor, const char *name) {
  double value = -12345.0;
  if (cursor != NULL) CHECK_OK(crm_cursor_double(cursor, column_of(cursor, name), &value));
  return value;
}

static int is_null_at(const crm_cursor *cursor, const char *name) {
  int is_null = -1;
  if (cursor != NULL) CHECK_OK(crm_cursor_is_null(cursor, column_of(cursor, name), &is_null));
  return is_null;
}

static int near(double a, double b) { return a - b < 1e-9 && b - a < 1e-9; }

/* The number of rows of report. */
static int row_count(const crm_report *report) {
  crm_cursor *cursor = NULL;
  int rows = 0;
  CHECK_OK(crm_report_rows(report, &cursor));
  while (crm_cursor_next(cursor) == CRM_ROW) ++rows;
  crm_cursor_free(cursor);
  return rows;
}

/* Checks one row of pipeline_by_stage. */
static void check_stage(const crm_report *report, const char *stage, const char *kind, int64_t deals,
                        const char *amount, const char *weighted) {
  crm_cursor *row = row_where(report, "stage", stage);
  CHECK(same(text_at(row, "pipeline"), "Sales"));
  CHECK(same(text_at(row, "stage_kind"), kind));
  CHECK(int_at(row, "deals") == deals);
  CHECK(same(text_at(row, "amount"), amount));
  CHECK(same(text_at(row, "weighted_amount"), weighted));
  crm_cursor_free(row);
}

/* Checks one period of the forecast. */
static void check_period(const crm_report *report, const char *period, const char *start, const char *end,
                         int64_t won, int64_t open, const char *committed, const char *weighted,
                         const char *best_case) {
  crm_cursor *row = row_where(report, "period", period);
  CHECK(same(text_at(row, "period_start"), start));
  CHECK(same(text_at(row, "period_end"), end));
  CHECK(int_at(row, "won_deals") == won);
  CHECK(int_at(row, "open_deals") == open);
  CHECK(same(text_at(row, "committed"), committed));
  CHECK(same(text_at(row, "weighted"), weighted));
  CHECK(same(text_at(row, "best_case"), best_case));
  crm_cursor_free(row);
}

/* ---- tests --------------------------------------------------------------- */

static void test_pipeline_by_stage(const data_set *set) {
  crm_report_options *options = range("2025-01-01", "2025-12-31");
  crm_report *report = run(set->db, "pipeline_by_stage", options);
  const char *text = NULL;
  const char *parts[4] = {NULL, NULL, NULL, NULL};
  crm_cursor *cursor = NULL;
  crm_column_type type = CRM_COLUMN_TEXT;
  size_t count = 0;
  int64_t segment_id = 0;
  crm_segment *segment = NULL;

  CHECK_OK(crm_report_name(report, &text));
  CHECK(same(text, "pipeline_by_stage"));
  CHECK_OK(crm_report_currency(report, &text));
  CHECK(same(text, "EUR"));
  CHECK(row_count(report) == 6);
  /* D2: 2000.00 USD x 0.9 = 1800.00 EUR, weighted at 50 % = 900.00 */
  check_stage(report, "Prospecting", "open", 1, "1000.00", "100.00");
  check_stage(report, "Qualification", "open", 0, "0.00", "0.00");
  check_stage(report, "Proposal", "open", 1, "1800.00", "900.00");
  check_stage(report, "Negotiation", "open", 0, "0.00", "0.00");
  check_stage(report, "Won", "won", 1, "500.00", "500.00");
  check_stage(report, "Lost", "lost", 1, "300.00", "0.00");

  /* the columns are typed; money is decimal */
  CHECK_OK(crm_report_rows(report, &cursor));
  CHECK_OK(crm_cursor_column(cursor, column_of(cursor, "deals"), NULL, &type));
  CHECK(type == CRM_COLUMN_INTEGER);
  CHECK_OK(crm_cursor_column(cursor, column_of(cursor, "amount"), NULL, &type));
  CHECK(type == CRM_COLUMN_DECIMAL);
  CHECK_OK(crm_cursor_column(cursor, column_of(cursor, "stage"), NULL, &type));
  CHECK(type == CRM_COLUMN_TEXT);
  crm_cursor_free(cursor);

  /* the rate it used */
  CHECK_OK(crm_report_rate_count(report, &count));
  CHECK(count == 1);
  CHECK_OK(crm_report_rate(report, 0, &parts[0], &parts[1], &parts[2], &parts[3]));
  CHECK(same(parts[0], "USD") && same(parts[1], "EUR") && same(parts[2], "2025-01-01") && same(parts[3], "0.9"));
  CHECK_OK(crm_report_rate(report, 0, NULL, NULL, NULL, NULL));
  CHECK_FAILS(crm_report_rate(report, 1, &parts[0], NULL, NULL, NULL), CRM_NOT_FOUND, "index 1");
  crm_report_free(report);

  /* filters: owner, pipeline, segment, range */
  CHECK_OK(crm_report_options_set_owner(options, "anna"));
  report = run(set->db, "pipeline_by_stage", options);
  check_stage(report, "Prospecting", "open", 1, "1000.00", "100.00");
  check_stage(report, "Won", "won", 0, "0.00", "0.00");
  crm_report_free(report);
  CHECK_OK(crm_report_options_set_owner(options, NULL));
  CHECK_OK(crm_report_options_set_pipeline(options, set->pipeline));
  CHECK_OK(crm_segment_create(set->db, "opportunity", "Peteris's deals", "owner = \"peteris\"", &segment));
  CHECK_OK(crm_segment_id(segment, &segment_id));
  crm_segment_free(segment);
  CHECK_OK(crm_report_options_set_segment(options, segment_id));
  report = run(set->db, "pipeline_by_stage", options);
  check_stage(report, "Prospecting", "open", 0, "0.00", "0.00");
  check_stage(report, "Won", "won", 1, "500.00", "500.00");
  check_stage(report, "Lost", "lost", 1, "300.00", "0.00");
  CHECK_OK(crm_report_rate_count(report, &count));
  CHECK(count == 0); /* no USD deal among them */
  crm_report_free(report);
  CHECK_OK(crm_report_options_set_segment(options, 0));
  CHECK_OK(crm_report_options_set_pipeline(options, 0));
  CHECK_OK(crm_report_options_set_end(options, "2025-02-28")); /* the open deals close in March */
  report = run(set->db, "pipeline_by_stage", options);
  check_stage(report, "Prospecting", "open", 0, "0.00", "0.00");
  check_stage(report, "Proposal", "open", 0, "0.00", "0.00");
  check_stage(report, "Won", "won", 1, "500.00", "500.00");
  crm_report_free(report);
  crm_report_options_free(options);
}

static void test_forecast(const data_set *set) {
  crm_report_options *options = range("2025-02-01", "2025-03-31");
  crm_report *report = run(set->db, "forecast", options);
  size_t count = 0;

  /* February: D3 won (500.00); the lost D4 does not count. March: D1 and D2
     open, weighted 100.00 + 900.00, best case 1000.00 + 1800.00 */
  CHECK(row_count(report) == 2);
  check_period(report, "2025-02", "2025-02-01", "2025-02-28", 1, 0, "500.00", "0.00", "500.00");
  check_period(report, "2025-03", "2025-03-01", "2025-03-31", 0, 2, "0.00", "1000.00", "2800.00");
  CHECK_OK(crm_report_rate_count(report, &count));
  CHECK(count == 1);
  crm_report_free(report);

  /* by quarter; an empty period shows as zero */
  CHECK_OK(crm_report_options_set_interval(options, "quarter"));
  CHECK_OK(crm_report_options_set_start(options, "2025-01-01"));
  CHECK_OK(crm_report_options_set_end(options, "2025-06-30"));
  report = run(set->db, "forecast", options);
  CHECK(row_count(report) == 2);
  check_period(report, "2025-Q1", "2025-01-01", "2025-03-31", 1, 2, "500.00", "1000.00", "3300.00");
  check_period(report, "2025-Q2", "2025-04-01", "2025-06-30", 0, 0, "0.00", "0.00", "0.00");
  crm_report_free(report);
  CHECK_OK(crm_report_options_set_interval(options, "week"));
  report = run(set->db, "forecast", options);
  CHECK(row_count(report) >= 26);
  crm_report_free(report);
  crm_report_options_free(options);
}

static void test_win_rates_by_campaign(const data_set *set) {
  crm_report_options *options = range("2025-01-01", "2025-12-31");
  crm_report *report = NULL;
  crm_cursor *row = NULL;

  CHECK_OK(crm_report_options_set_group(options, "campaign"));
  report = run(set->db, "win_rates", options);
  CHECK(row_count(report) == 2);
  row = row_where(report, "group", "Spring fair");
  CHECK(int_at(row, "won") == 1 && int_at(row, "lost") == 0);
  CHECK(near(real_at(row, "win_rate"), 1.0));
  CHECK(same(text_at(row, "won_amount"), "500.00"));
  crm_cursor_free(row);
  row = row_where(report, "group", NULL); /* deals without a campaign */
  CHECK(int_at(row, "won") == 0 && int_at(row, "lost") == 1);
  CHECK(near(real_at(row, "win_rate"), 0.0));
  crm_cursor_free(row);
  crm_report_free(report);
  crm_report_options_free(options);
}

static void test_campaign_return(const data_set *set) {
  crm_report_options *options = range(NULL, NULL);
  crm_report *report = run(set->db, "campaign_return", options);
  crm_cursor *row = NULL;

  /* Spring fair: (500.00 - 400.00) / 400.00 = 0.25; US banners: 100.00 USD
     on 2025-01-10 = 90.00 EUR, nothing won, roi -1; Word of mouth: no cost */
  CHECK(row_count(report) == 3);
  row = row_where(report, "campaign", "Spring fair");
  CHECK(int_at(row, "rank") == 1);
  CHECK(same(text_at(row, "channel"), "event"));
  CHECK(same(text_at(row, "cost"), "400.00"));
  CHECK(int_at(row, "leads") == 2);
  CHECK(same(text_at(row, "cost_per_lead"), "200.00"));
  CHECK(int_at(row, "won_deals") == 1);
  CHECK(same(text_at(row, "won_revenue"), "500.00"));
  CHECK(near(real_at(row, "roi"), 0.25));
  crm_cursor_free(row);
  row = row_where(report, "campaign", "US banners");
  CHECK(int_at(row, "rank") == 2);
  CHECK(same(text_at(row, "cost"), "90.00"));
  CHECK(int_at(row, "leads") == 1);
  CHECK(same(text_at(row, "cost_per_lead"), "90.00"));
  CHECK(int_at(row, "won_deals") == 0);
  CHECK(same(text_at(row, "won_revenue"), "0.00"));
  CHECK(near(real_at(row, "roi"), -1.0));
  crm_cursor_free(row);
  row = row_where(report, "campaign", "Word of mouth");
  CHECK(int_at(row, "rank") == 3);
  CHECK(int_at(row, "leads") == 0);
  CHECK(is_null_at(row, "cost_per_lead") == 1);
  CHECK(is_null_at(row, "roi") == 1);
  crm_cursor_free(row);
  crm_report_free(report);
  crm_report_options_free(options);
}

/* A deal in a currency without a rate fails the report naming the pair and
   the day; with the rate the report runs. */
static void test_missing_rate(const data_set *set) {
  crm_report_options *options = range("2025-01-01", "2025-12-31");
  crm_report *report = NULL;
  int64_t account = make_named_account(set->db, "Oak Ltd");
  size_t count = 0;

  make_deal(set, account, "Elm chairs", 10000, "GBP", 0, "2025-03-10", "anna", NULL);
  report = (crm_report *)options; /* overwritten with NULL by the failing call */
  CHECK_FAILS(crm_report_run(set->db, "pipeline_by_stage", options, &report), CRM_NOT_FOUND, "GBP");
  CHECK(report == NULL);
  CHECK_FAILS(crm_report_run(set->db, "forecast", options, &report), CRM_NOT_FOUND, "2025-03-10");
  CHECK_FAILS(crm_report_run(set->db, "forecast", options, &report), CRM_NOT_FOUND, "EUR");

  /* 100.00 GBP x 1.2 = 120.00 EUR joins the 1000.00 EUR of D1 */
  CHECK_OK(crm_exchange_rate_set(set->db, "GBP", "EUR", "2025-03-01", "1.2"));
  report = run(set->db, "pipeline_by_stage", options);
  check_stage(report, "Prospecting", "open", 2, "1120.00", "112.00");
  CHECK_OK(crm_report_rate_count(report, &count));
  CHECK(count == 2);
  crm_report_free(report);
  crm_report_options_free(options);
}

/* Every report of the list runs, and every cell reads as its column's type. */
static void test_every_report_runs(const data_set *set) {
  crm_report_options *options = range(NULL, NULL);
  size_t count = 0, i;
  const char *name = NULL;
  const char *got = NULL;

  CHECK_OK(crm_report_available_count(&count));
  CHECK(count == 12);
  CHECK_OK(crm_report_available(0, &name));
  CHECK(same(name, "pipeline_by_stage"));
  CHECK_FAILS(crm_report_available(count, &name), CRM_NOT_FOUND, "index");
  CHECK_OK(crm_report_options_set_days(options, 30));
  for (i = 0; i < count; ++i) {
    crm_report *report = NULL;
    crm_cursor *cursor = NULL;
    int columns = 0, column;
    CHECK_OK(crm_report_available(i, &name));
    report = run(set->db, name, options);
    if (report == NULL) {
      fprintf(stderr, "report %s failed\n", name);
      continue;
    }
    CHECK_OK(crm_report_name(report, &got));
    CHECK(same(got, name));
    CHECK_OK(crm_report_rows(report, &cursor));
    CHECK_OK(crm_cursor_column_count(cursor, &columns));
    CHECK(columns > 0);
    while (crm_cursor_next(cursor) == CRM_ROW) {
      for (column = 0; column < columns; ++column) {
        crm_column_type type = CRM_COLUMN_TEXT;
        int64_t integer = 0;
        double real = 0.0;
        const char *text = NULL;
        CHECK_OK(crm_cursor_column(cursor, column, NULL, &type));
        if (type == CRM_COLUMN_INTEGER) CHECK_OK(crm_cursor_int64(cursor, column, &integer));
        else if (type == CRM_COLUMN_REAL) CHECK_OK(crm_cursor_double(cursor, column, &real));
        else CHECK_OK(crm_cursor_text(cursor, column, &text));
      }
    }
    crm_cursor_free(cursor);
    crm_report_free(report);
  }
  crm_report_options_free(options);
}

/* Whether report name lists `item` among the count items read by `read`. */
static int lists(crm_status (*read)(const char *, size_t, const char **), const char *name, size_t count,
                 const char *item) {
  size_t i;
  const char *got = NULL;
  for (i = 0; i < count; ++i) {
    CHECK_OK(read(name, i, &got));
    if (same(got, item)) return 1;
  }
  return 0;
}

/* The catalog describes every report: a title and summary, the options it
 * accepts (each documented), and the columns its table really has. */
static void test_report_catalog(const data_set *set) {
  crm_report_options *options = range(NULL, NULL);
  size_t reports = 0, r;
  const char *name = NULL;
  const char *text = NULL;
  const char *doc = NULL;
  size_t count = 0, i;
  int days = -1;

  CHECK_OK(crm_report_available_count(&reports));
  for (r = 0; r < reports; ++r) {
    crm_report *report = NULL;
    crm_cursor *cursor = NULL;
    int columns = 0;
    CHECK_OK(crm_report_available(r, &name));
    CHECK_OK(crm_report_info_title(name, &text));
    CHECK(strlen(text) > 10);
    CHECK_OK(crm_report_info_summary(name, &text));
    CHECK(strlen(text) > 20);
    CHECK_OK(crm_report_info_option_count(name, &count));
    CHECK(count >= 3);
    CHECK(lists(crm_report_info_option, name, count, "as_of"));
    for (i = 0; i < count; ++i) {
      CHECK_OK(crm_report_info_option(name, i, &text));
      CHECK_OK(crm_report_option_doc(text, &doc));
      CHECK(strlen(doc) > 10);
    }
    CHECK_FAILS(crm_report_info_option(name, count, &text), CRM_NOT_FOUND, "index");
    /* The catalog's columns are the columns of the report's rows. */
    report = run(set->db, name, options);
    if (report == NULL) continue;
    CHECK_OK(crm_report_rows(report, &cursor));
    CHECK_OK(crm_cursor_column_count(cursor, &columns));
    CHECK_OK(crm_report_info_column_count(name, &count));
    CHECK(count == (size_t)columns);
    for (i = 0; i < count; ++i) {
      const char *column = NULL, *catalog_column = NULL;
      crm_column_type type = CRM_COLUMN_TEXT, catalog_type = CRM_COLUMN_INTEGER;
      CHECK_OK(crm_cursor_column(cursor, (int)i, &column, &type));
      CHECK_OK(crm_report_info_column(name, i, &catalog_column, &catalog_type, &doc));
      CHECK(same(column, catalog_column));
      CHECK(type == catalog_type);
      CHECK(strlen(doc) > 3);
    }
    CHECK_OK(crm_report_info_column(name, 0, NULL, NULL, NULL));
    CHECK_FAILS(crm_report_info_column(name, count, &text, NULL, NULL), CRM_NOT_FOUND, "index");
    crm_cursor_free(cursor);
    crm_report_free(report);
  }
  crm_report_options_free(options);

  /* Groupings, segment kinds and default days of a few reports. */
  CHECK_OK(crm_report_info_group_count("win_rates", &count));
  CHECK(count == 4);
  CHECK(lists(crm_report_info_group, "win_rates", count, "product"));
  CHECK(!lists(crm_report_info_group, "win_rates", count, "industry"));
  CHECK_OK(crm_report_info_group_count("leads", &count));
  CHECK(lists(crm_report_info_group, "leads", count, "industry"));
  CHECK_OK(crm_report_info_group_count("forecast", &count));
  CHECK(count == 0);
  CHECK_OK(crm_report_info_option_count("forecast", &count));
  CHECK(lists(crm_report_info_option, "forecast", count, "interval"));
  CHECK(!lists(crm_report_info_option, "forecast", count, "group"));
  CHECK_OK(crm_report_info_option_count("upcoming_birthdays", &count));
  CHECK(!lists(crm_report_info_option, "upcoming_birthdays", count, "start"));
  CHECK(lists(crm_report_info_option, "upcoming_birthdays", count, "days"));
  CHECK_OK(crm_report_info_segment_kind_count("lead_conversion", &count));
  CHECK(count == 1);
  CHECK_OK(crm_report_info_segment_kind("lead_conversion", 0, &text));
  CHECK(same(text, "lead"));
  CHECK_FAILS(crm_report_info_segment_kind("lead_conversion", 1, &text), CRM_NOT_FOUND, "index");
  CHECK_OK(crm_report_info_segment_kind_count("pipeline_by_stage", &count));
  CHECK(lists(crm_report_info_segment_kind, "pipeline_by_stage", count, "account"));
  CHECK(!lists(crm_report_info_segment_kind, "pipeline_by_stage", count, "lead"));
  CHECK_OK(crm_report_info_default_days("at_risk_accounts", &days));
  CHECK(days == 90);
  CHECK_OK(crm_report_info_default_days("upcoming_birthdays", &days));
  CHECK(days == 7);
  CHECK_OK(crm_report_info_default_days("forecast", &days));
  CHECK(days == 0);
  CHECK_OK(crm_report_option_doc("interval", &doc));
  CHECK(strstr(doc, "quarter") != NULL);

  /* Unknown names and misuse. */
  CHECK_FAILS(crm_report_info_title("pipeline", &text), CRM_INVALID_ARGUMENT, "pipeline_by_stage");
  CHECK_FAILS(crm_report_info_summary("pipeline", &text), CRM_INVALID_ARGUMENT, "open_pipeline_history");
  CHECK_FAILS(crm_report_info_option_count("pipeline", &count), CRM_INVALID_ARGUMENT, "pipeline");
  CHECK_FAILS(crm_report_info_column_count("pipeline", &count), CRM_INVALID_ARGUMENT, "pipeline");
  CHECK_FAILS(crm_report_info_column("pipeline", 0, &text, NULL, NULL), CRM_INVALID_ARGUMENT, "pipeline");
  CHECK_FAILS(crm_report_info_group_count("pipeline", &count), CRM_INVALID_ARGUMENT, "pipeline");
  CHECK_FAILS(crm_report_info_segment_kind_count("pipeline", &count), CRM_INVALID_ARGUMENT, "pipeline");
  CHECK_FAILS(crm_report_info_default_days("pipeline", &days), CRM_INVALID_ARGUMENT, "pipeline");
  CHECK_FAILS(crm_report_option_doc("colour", &doc), CRM_INVALID_ARGUMENT, "colour");
  CHECK_FAILS(crm_report_info_title(NULL, &text), CRM_MISUSE, "name");
  CHECK_FAILS(crm_report_info_title("forecast", NULL), CRM_MISUSE, "out_title");
  CHECK_FAILS(crm_report_info_summary("forecast", NULL), CRM_MISUSE, "out_summary");
  CHECK_FAILS(crm_report_info_option_count(NULL, &count), CRM_MISUSE, "name");
  CHECK_FAILS(crm_report_info_option("forecast", 0, NULL), CRM_MISUSE, "out_option");
  CHECK_FAILS(crm_report_option_doc(NULL, &doc), CRM_MISUSE, "option");
  CHECK_FAILS(crm_report_option_doc("days", NULL), CRM_MISUSE, "out_doc");
  CHECK_FAILS(crm_report_info_group_count("forecast", NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_report_info_group("forecast", 0, &text), CRM_NOT_FOUND, "index");
  CHECK_FAILS(crm_report_info_group("forecast", 0, NULL), CRM_MISUSE, "out_group");
  CHECK_FAILS(crm_report_info_segment_kind(NULL, 0, &text), CRM_MISUSE, "name");
  CHECK_FAILS(crm_report_info_default_days("forecast", NULL), CRM_MISUSE, "out_days");
  CHECK_FAILS(crm_report_info_column_count("forecast", NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_report_info_column(NULL, 0, &text, NULL, NULL), CRM_MISUSE, "name");
}

static void test_misuse(void) {
  crm_db *db = open_memory_in(NULL);
  crm_report_options *options = NULL;
  crm_report *report = NULL;
  crm_cursor *cursor = NULL;
  crm_cursor *records = NULL;
  const crm_campaign *campaign = NULL;
  const char *text = NULL;
  size_t count = 0;
  int columns = 0;
  int64_t integer = 0;
  double real = 0.0;

  /* options */
  CHECK_FAILS(crm_report_options_new(NULL), CRM_MISUSE, "out_options");
  CHECK_FAILS(crm_report_options_set_start(NULL, "2025-01-01"), CRM_MISUSE, "options");
  CHECK_FAILS(crm_report_options_set_end(NULL, "2025-01-01"), CRM_MISUSE, "options");
  CHECK_FAILS(crm_report_options_set_as_of(NULL, "2025-01-01"), CRM_MISUSE, "options");
  CHECK_FAILS(crm_report_options_set_owner(NULL, "anna"), CRM_MISUSE, "options");
  CHECK_FAILS(crm_report_options_set_pipeline(NULL, 1), CRM_MISUSE, "options");
  CHECK_FAILS(crm_report_options_set_segment(NULL, 1), CRM_MISUSE, "options");
  CHECK_FAILS(crm_report_options_set_interval(NULL, "week"), CRM_MISUSE, "options");
  CHECK_FAILS(crm_report_options_set_group(NULL, "owner"), CRM_MISUSE, "options");
  CHECK_FAILS(crm_report_options_set_days(NULL, 1), CRM_MISUSE, "options");
  crm_report_options_free(NULL);
  CHECK_OK(crm_report_options_new(&options));
  CHECK_FAILS(crm_report_options_set_interval(options, "fortnight"), CRM_INVALID_ARGUMENT, "fortnight");
  CHECK_FAILS(crm_report_options_set_interval(options, "fortnight"), CRM_INVALID_ARGUMENT, "week, month or quarter");
  CHECK_FAILS(crm_report_options_set_interval(options, NULL), CRM_MISUSE, "interval");
  CHECK_FAILS(crm_report_options_set_group(options, "colour"), CRM_INVALID_ARGUMENT, "colour");
  CHECK_FAILS(crm_report_options_set_group(options, "colour"), CRM_INVALID_ARGUMENT, "lead_source");
  CHECK_FAILS(crm_report_options_set_group(options, NULL), CRM_MISUSE, "group");
  CHECK_FAILS(crm_report_options_set_start(options, "March"), CRM_INVALID_ARGUMENT, "March");
  CHECK_FAILS(crm_report_options_set_end(options, "2025-02-30"), CRM_INVALID_ARGUMENT, "2025-02-30");
  CHECK_FAILS(crm_report_options_set_as_of(options, "today"), CRM_INVALID_ARGUMENT, "today");
  CHECK_FAILS(crm_report_options_set_days(options, -1), CRM_INVALID_ARGUMENT, "days");
  CHECK_OK(crm_report_options_set_days(options, 0));
  CHECK_OK(crm_report_options_set_start(options, ""));

  /* names */
  CHECK_FAILS(crm_report_available_count(NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_report_available(0, NULL), CRM_MISUSE, "out_name");

  /* running */
  CHECK_FAILS(crm_report_run(NULL, "forecast", NULL, &report), CRM_MISUSE, "db must not be NULL");
  CHECK_FAILS(crm_report_run(db, NULL, NULL, &report), CRM_MISUSE, "name");
  CHECK_FAILS(crm_report_run(db, "forecast", NULL, NULL), CRM_MISUSE, "out_report");
  report = (crm_report *)options;
  CHECK_FAILS(crm_report_run(db, "pipeline", options, &report), CRM_INVALID_ARGUMENT, "pipeline_by_stage");
  CHECK(report == NULL);
  CHECK_FAILS(crm_report_run(db, "pipeline", options, &report), CRM_INVALID_ARGUMENT, "campaign_return");
  CHECK_OK(crm_report_options_set_pipeline(options, 1));
  CHECK_FAILS(crm_report_run(db, "leads", options, &report), CRM_INVALID_ARGUMENT, "pipeline");
  CHECK_OK(crm_report_options_set_pipeline(options, 0));

  /* reading a report */
  CHECK_OK(crm_report_run(db, "forecast", NULL, &report));
  CHECK_FAILS(crm_report_name(NULL, &text), CRM_MISUSE, "report");
  CHECK_FAILS(crm_report_name(report, NULL), CRM_MISUSE, "out_name");
  CHECK_FAILS(crm_report_currency(NULL, &text), CRM_MISUSE, "report");
  CHECK_FAILS(crm_report_currency(report, NULL), CRM_MISUSE, "out_currency");
  CHECK_FAILS(crm_report_rate_count(NULL, &count), CRM_MISUSE, "report");
  CHECK_FAILS(crm_report_rate_count(report, NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_report_rate(NULL, 0, &text, NULL, NULL, NULL), CRM_MISUSE, "report");
  CHECK_FAILS(crm_report_rate(report, 0, &text, NULL, NULL, NULL), CRM_NOT_FOUND, "index 0");
  CHECK_FAILS(crm_report_rows(NULL, &cursor), CRM_MISUSE, "report");
  CHECK_FAILS(crm_report_rows(report, NULL), CRM_MISUSE, "out_cursor");
  crm_report_free(NULL);
  crm_report_free(report);

  /* the cursor of a report, used wrongly */
  CHECK_OK(crm_report_run(db, "pipeline_by_stage", NULL, &report));
  CHECK_OK(crm_report_rows(report, &cursor));
  CHECK_FAILS(crm_cursor_text(cursor, 0, &text), CRM_MISUSE, "not on a row");
  CHECK_FAILS(crm_cursor_campaign(cursor, &campaign), CRM_MISUSE, "another kind");
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  CHECK_FAILS(crm_cursor_int64(cursor, 99, &integer), CRM_NOT_FOUND, "column 99");
  CHECK_FAILS(crm_cursor_int64(cursor, column_of(cursor, "stage"), &integer), CRM_INVALID_ARGUMENT, "stage");
  CHECK_FAILS(crm_cursor_double(cursor, column_of(cursor, "amount"), &real), CRM_INVALID_ARGUMENT, "amount");
  CHECK_OK(crm_campaign_list(db, &records));
  CHECK_FAILS(crm_cursor_column_count(records, &columns), CRM_MISUSE, "not selected columns");
  crm_cursor_free(records);

  /* the rows outlive the report and the database */
  crm_report_free(report);
  crm_db_close(db);
  CHECK_OK(crm_cursor_text(cursor, column_of(cursor, "stage"), &text));
  CHECK(same(text, "Prospecting"));
  CHECK(crm_cursor_next(cursor) == CRM_ROW);
  crm_cursor_free(cursor);

  /* a closed handle */
  report = (crm_report *)options;
  CHECK_FAILS(crm_report_run(db, "forecast", options, &report), CRM_MISUSE, "closed");
  CHECK(report == NULL);
  crm_report_options_free(options);
  crm_db_free(db);
}

int main(int argc, char **argv) {
  data_set set;
  (void)argc;
  (void)argv;
  set = make_data_set();
  test_pipeline_by_stage(&set);
  test_forecast(&set);
  test_win_rates_by_campaign(&set);
  test_campaign_return(&set);
  test_every_report_runs(&set);
  test_report_catalog(&set);
  test_missing_rate(&set);
  crm_db_free(set.db);
  test_misuse();
  return check_report("capi_report_test");
}
