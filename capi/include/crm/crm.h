/*
 * crm.h: the stable C ABI of crmcore, an embeddable CRM core.
 *
 * Conventions (read these once):
 *
 *  - Names: functions are crm_<noun>_<verb>, macros CRM_*. Only crm_* symbols
 *    are exported from libcrmcore.so.1.
 *  - Status: every function that can fail returns crm_status; CRM_OK (0) on
 *    success. On failure, crm_last_error() describes what went wrong.
 *  - Out-parameters come last and are named out_*. On failure they are left
 *    unchanged, except that handle out-parameters are set to NULL.
 *  - Strings are UTF-8 and NUL-terminated. Strings passed in are copied
 *    before the call returns. Strings handed out are either borrowed (const
 *    char*, valid for the time the function's documentation states) or owned
 *    by the caller (char*, released with crm_free()). Text longer than the
 *    library's limits is CRM_INVALID_ARGUMENT naming the field and the
 *    limit, with nothing written: one-line fields 1,000 bytes, external_ref
 *    255, a tag 200, descriptions and notes 100,000, filter text 4 MiB and
 *    10,000 values per filter (an in (...) list of text, numbers or names
 *    counts once), search text 1,000 bytes and 32 words, an imported CSV
 *    cell 1 MiB and record 4 MiB (the C++ header crm/limits.hpp).
 *  - Handles (crm_db, crm_account, ...) are opaque, created by the library and
 *    released with their own _free function, which accepts NULL.
 *  - Money crosses as int64_t minor units (cents) plus a three-letter ISO
 *    4217 code. Dates are ISO-8601 text "YYYY-MM-DD"; instants are UTC text
 *    "YYYY-MM-DDTHH:MM:SS.ffffffZ" (input may also carry an offset such as
 *    "+02:00"). Birthdays without a year are "--MM-DD". Record ids are
 *    int64_t, 0 meaning "none".
 *  - Unset text fields read as "" (never NULL), except deleted_at, which
 *    reads as NULL while a record is not deleted.
 *
 * Threading contract:
 *
 *  - A crm_db handle, and every cursor made from it, is used by one thread at
 *    a time. Threads (and processes) that work concurrently each open their
 *    own crm_db on the same file; SQLite's WAL mode and the busy timeout let
 *    them read and write side by side.
 *  - Record handles (crm_account, crm_contact, ...) are plain values: any
 *    thread may use one, but not two threads at once.
 *  - crm_version_number(), crm_version_string(), crm_last_error(),
 *    crm_free(), crm_filter_normalize(), crm_currency_minor_digits(),
 *    crm_money_parse(), crm_money_format(), crm_report_available*(),
 *    crm_report_info_*() and crm_report_option_doc() are
 *    safe on any thread at any time. (The functions of these families that
 *    take a crm_db, such as crm_money_convert(), follow the crm_db rule.)
 *    crm_last_error() reports the calling thread's most recent failure.
 */
#ifndef CRM_H
#define CRM_H

#include <stddef.h>
#include <stdint.h>

/* Marks the exported functions; the library is built with hidden visibility. */
#if defined(__GNUC__)
#define CRM_API __attribute__((visibility("default")))
#else
#define CRM_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ---------------------------------------------------------- */

#define CRM_VERSION_MAJOR 1
#define CRM_VERSION_MINOR 0
#define CRM_VERSION_PATCH 0
/** MAJOR * 10000 + MINOR * 100 + PATCH of the header compiled against. */
#define CRM_VERSION_NUMBER (CRM_VERSION_MAJOR * 10000 + CRM_VERSION_MINOR * 100 + CRM_VERSION_PATCH)

/** The version number of the library loaded at run time (see CRM_VERSION_NUMBER). */
CRM_API int crm_version_number(void);
/** The version of the loaded library as "MAJOR.MINOR.PATCH"; static storage. */
CRM_API const char *crm_version_string(void);

/* ---- Status and errors ------------------------------------------------ */

/** The result of every fallible call. Values are fixed forever. */
typedef enum crm_status {
  CRM_OK = 0,
  CRM_NOT_FOUND = 1,         /**< the record, file or name does not exist */
  CRM_INVALID_ARGUMENT = 2,  /**< input failed validation; the message names the field and value */
  CRM_ALREADY_EXISTS = 3,    /**< a unique value (external_ref, ...) is taken */
  CRM_CONFLICT = 4,          /**< stale version, or the record is in a state that forbids it */
  CRM_PERMISSION_DENIED = 5, /**< read-only file or connection */
  CRM_BUSY = 6,              /**< another connection held a lock longer than the busy timeout */
  CRM_IO = 7,                /**< the operating system failed to read or write */
  CRM_CORRUPT = 8,           /**< not a crmcore database, or damaged */
  CRM_PARSE_ERROR = 9,       /**< text could not be parsed; the error has line and column */
  CRM_UNSUPPORTED = 10,      /**< valid but not supported, e.g. a file from a newer crmcore */
  CRM_CURSOR_EXPIRED = 11,   /**< a change feed cursor behind what the feed keeps: resynchronise */
  CRM_MISUSE = 21,           /**< NULL handle or pointer, closed handle, wrong cursor kind */
  CRM_NOMEM = 22,            /**< out of memory */
  CRM_INTERNAL = 23,         /**< a failure inside the library that none of the above describes */
  CRM_ROW = 100,             /**< crm_cursor_next(): a record is ready */
  CRM_DONE = 101             /**< crm_cursor_next(): no more records */
} crm_status;

/** What went wrong in the calling thread's most recent failing call. The
 *  library owns it; later versions only append fields, and struct_size tells
 *  how many bytes of it the running library filled. */
typedef struct crm_error {
  uint32_t struct_size; /**< sizeof(crm_error) of the loaded library */
  crm_status code;     /**< the status that call returned */
  const char *message; /**< a sentence naming the field and value; never NULL */
  const char *field;   /**< the input field concerned ("contact.emails[0]"), or "" */
  int line;            /**< for CRM_PARSE_ERROR: 1-based line, else 0 (filters: see crm_filter_check()) */
  int column;          /**< for CRM_PARSE_ERROR: 1-based column in characters, else 0 */
} crm_error;

/** The calling thread's last error; never NULL (code CRM_OK and message ""
 *  before any failure). Successful calls leave it unchanged. The pointer and
 *  its strings stay valid until the next failing call on the same thread. */
CRM_API const crm_error *crm_last_error(void);

/** A static English name for a status ("CRM_NOT_FOUND"); never NULL. */
CRM_API const char *crm_status_name(crm_status status);

/** Frees memory the library handed out as char* (reports, formatted text).
 *  NULL is a no-op. Never use the C library's free() on it. */
CRM_API void crm_free(void *pointer);

/* ---- Money ------------------------------------------------------------ */

/** Minor-unit digits of an ISO 4217 currency (2 for "EUR", 0 for "JPY").
 *  CRM_INVALID_ARGUMENT for an unknown code. */
CRM_API crm_status crm_currency_minor_digits(const char *currency, int *out_digits);

/** Parses "1234.50 EUR" into minor units (123450) and the code ("EUR",
 *  written with its NUL into out_currency). */
CRM_API crm_status crm_money_parse(const char *text, int64_t *out_minor_units, char out_currency[4]);

/** Formats minor units and a currency as "1234.50 EUR"; free with crm_free(). */
CRM_API crm_status crm_money_format(int64_t minor_units, const char *currency, char **out_text);

/* ---- Opening a database ----------------------------------------------- */

/** Options for crm_db_open(); optional. */
typedef struct crm_options crm_options;

/** How hard SQLite works to keep commits on disk. */
typedef enum crm_synchronous {
  CRM_SYNCHRONOUS_FULL = 0,   /**< default: commits survive a power cut */
  CRM_SYNCHRONOUS_NORMAL = 1, /**< commits survive a process crash */
  CRM_SYNCHRONOUS_OFF = 2     /**< scratch files only */
} crm_synchronous;

/** New options with the defaults: create missing files, read-write, migrate
 *  older files, 5000 ms busy timeout, full synchronous, no default region. */
CRM_API crm_status crm_options_new(crm_options **out_options);
/** Frees options; NULL is a no-op. */
CRM_API void crm_options_free(crm_options *options);
/** Country (ISO 3166-1 alpha-2) for phone numbers without a country code;
 *  NULL or "" for none. Checked when the database is opened. */
CRM_API crm_status crm_options_set_default_region(crm_options *options, const char *region);
/** The user the connection acts as: an active user's login. Every read and
 *  write is then limited to what the user's roles allow (see "Rights"
 *  below), and changes are recorded as made by them. NULL or "" for the
 *  system session, which may do everything. Checked when the database is
 *  opened: CRM_NOT_FOUND for an unknown login, CRM_INVALID_ARGUMENT for an
 *  inactive user. */
CRM_API crm_status crm_options_set_user(crm_options *options, const char *user);
/** The embedder's tag the audit trail keeps with every change the
 *  connection makes ("erp-sync", "pbx"); one line of valid UTF-8, NULL or ""
 *  for none (CRM_INVALID_ARGUMENT otherwise, when the database is opened). */
CRM_API crm_status crm_options_set_origin(crm_options *options, const char *origin);
/** Milliseconds to wait for another connection's lock (>= 0). */
CRM_API crm_status crm_options_set_busy_timeout(crm_options *options, int milliseconds);
/** Durability of commits. */
CRM_API crm_status crm_options_set_synchronous(crm_options *options, crm_synchronous mode);
/** Non-zero: open without writing. */
CRM_API crm_status crm_options_set_read_only(crm_options *options, int read_only);
/** Zero: fail with CRM_NOT_FOUND instead of creating a missing file. */
CRM_API crm_status crm_options_set_create(crm_options *options, int create);
/** Zero: open an older file without migrating it; record functions then
 *  fail with CRM_UNSUPPORTED until crm_db_migrate(). */
CRM_API crm_status crm_options_set_migrate(crm_options *options, int migrate);

/** A connection to one database file. */
typedef struct crm_db crm_db;

/** Opens or creates the database at path (":memory:" for a private
 *  in-memory one) with options (NULL for defaults). Sets WAL, foreign keys
 *  and the busy timeout and migrates an older file in one transaction. A
 *  file from a newer crmcore is CRM_UNSUPPORTED; a file that is not a
 *  crmcore database is CRM_CORRUPT. Free the handle with crm_db_free(). */
CRM_API crm_status crm_db_open(const char *path, const crm_options *options, crm_db **out_db);

/** Opens the database at path as crm_db_open() does, acting as the active
 *  user login (not NULL or ""; see crm_options_set_user(), whose value in
 *  options it replaces). */
CRM_API crm_status crm_db_open_as(const char *path, const char *login, const crm_options *options,
                                  crm_db **out_db);

/** Another connection to the same database as db (an in-memory one too),
 *  with its options, acting as login (NULL or "": the system session), as
 *  crm_db_set_user() would make it. Independent of db: use it from another
 *  thread if need be; free it with crm_db_free(). */
CRM_API crm_status crm_db_as_user(crm_db *db, const char *login, crm_db **out_db);

/** Closes the connection, rolling back an open transaction. The handle stays
 *  allocated: later calls on it return CRM_MISUSE until crm_db_free(). NULL
 *  and an already closed handle are no-ops. */
CRM_API void crm_db_close(crm_db *db);

/** Closes (if open) and frees the handle. Cursors made from it may be freed
 *  before or after; used after, they return CRM_MISUSE. NULL is a no-op.
 *  Called from a callback of a running call on db (crm_import_progress_fn),
 *  it frees db when that call returns. */
CRM_API void crm_db_free(crm_db *db);

/** The schema version of the open file. */
CRM_API crm_status crm_db_schema_version(crm_db *db, int *out_version);
/** The schema version this library writes. */
CRM_API int crm_db_latest_schema_version(void);
/** Upgrades an older file to the latest schema in one transaction. */
CRM_API crm_status crm_db_migrate(crm_db *db);
/** Copies the whole database to destination (replaced if present) while it
 *  stays usable. */
CRM_API crm_status crm_db_backup(crm_db *db, const char *destination);
/** Runs SQLite's integrity and foreign-key checks. *out_report is "" for a
 *  sound file, else one problem per line; free it with crm_free(). */
CRM_API crm_status crm_db_integrity_check(crm_db *db, char **out_report);

/** Begins a transaction; nested calls open savepoints. Every write in
 *  between is committed or rolled back together. */
CRM_API crm_status crm_db_begin(crm_db *db);
/** Commits the innermost open transaction. CRM_MISUSE when none is open. */
CRM_API crm_status crm_db_commit(crm_db *db);
/** Rolls back the innermost open transaction. CRM_MISUSE when none is open. */
CRM_API crm_status crm_db_rollback(crm_db *db);

/** The instant the database stamps records with now (UTC text); free with crm_free(). */
CRM_API crm_status crm_db_now(crm_db *db, char **out_instant);

/** Loads the built-in deterministic sample data (seed; accounts 1..100000;
 *  contacts 0..1000000) in one transaction. When present already, nothing is
 *  added and both counts are 0. Either out pointer may be NULL. */
CRM_API crm_status crm_db_load_sample_data(crm_db *db, uint64_t seed, int accounts, int contacts,
                                           int *out_accounts_created, int *out_contacts_created);

/* ---- Listing: queries and cursors ------------------------------------- */

/** Filters, order and page size for the crm_*_list(), crm_*_count() and
 *  crm_*_select() functions and crm_segment_members(). */
typedef struct crm_query crm_query;

/** Which records a list shows with respect to soft deletion. */
typedef enum crm_deleted_filter {
  CRM_DELETED_EXCLUDE = 0, /**< live records only (default) */
  CRM_DELETED_INCLUDE = 1, /**< live and deleted */
  CRM_DELETED_ONLY = 2     /**< deleted only */
} crm_deleted_filter;

/** List order; ties are broken by id. */
typedef enum crm_sort {
  CRM_SORT_NAME = 0,      /**< case- and diacritic-insensitive name (default) */
  CRM_SORT_ID = 1,        /**< creation order */
  CRM_SORT_UPDATED_AT = 2 /**< last change */
} crm_sort;

/** A query without filters, by name, 100 records per page. */
CRM_API crm_status crm_query_new(crm_query **out_query);
/** Frees a query; NULL is a no-op. */
CRM_API void crm_query_free(crm_query *query);
/** Only records of this owner; NULL or "" for any. */
CRM_API crm_status crm_query_set_owner(crm_query *query, const char *owner);
/** Only records with this tag (case-insensitive); NULL or "" for any. */
CRM_API crm_status crm_query_set_tag(crm_query *query, const char *tag);
/** Only records in this ISO 3166-1 alpha-2 country; NULL or "" for any. */
CRM_API crm_status crm_query_set_country(crm_query *query, const char *country);
/** Live, deleted or both. */
CRM_API crm_status crm_query_set_deleted(crm_query *query, crm_deleted_filter filter);
/** Order and direction (descending non-zero). */
CRM_API crm_status crm_query_set_sort(crm_query *query, crm_sort sort, int descending);
/** Records fetched per round trip, 1..10000 (default 100, as in C++ and
 *  Python); cursors page transparently. */
CRM_API crm_status crm_query_set_page_size(crm_query *query, int page_size);
/** Records to skip before the first one returned (>= 0). */
CRM_API crm_status crm_query_set_offset(crm_query *query, int64_t offset);
/** Adds a filter that only some record kinds know, by name. Integer filters:
 *  "account", "contact", "opportunity", "lead", "pipeline", "stage" (ids; 0
 *  removes the filter) and "open" (1: open deals only, 0: closed ones only,
 *  -1: either, removing the filter). A list of a kind that does not know a
 *  filter that is set fails with CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_query_set_filter(crm_query *query, const char *name, int64_t value);
/** Adds a text filter by name: "kind" ("call", ...) and "status"
 *  ("planned", "done", "cancelled") for activities; NULL or "" removes it. */
CRM_API crm_status crm_query_set_filter_text(crm_query *query, const char *name, const char *value);
/** Only records that filter, text in the segment language (see "Filters
 *  and saved segments" below), selects, e.g. `country in ("LV", "LT") and
 *  tagged "vip"`; NULL or "" removes it. The text is copied and parsed now:
 *  a syntax error is CRM_PARSE_ERROR with its line and column in
 *  crm_last_error(), and the query keeps its previous filter. Field names and
 *  value types are checked against the database when the query is used:
 *  crm_*_count() and crm_*_select() then fail with CRM_PARSE_ERROR (line,
 *  column, and the nearest valid name: "did you mean 'industry'?"), and so
 *  does the first crm_cursor_next() of a crm_*_list() cursor. Combines with
 *  the other filters with "and"; every crm_*_list(), crm_*_count() and
 *  crm_*_select() taking a query honours it. Invalid UTF-8 is
 *  CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_query_set_where(crm_query *query, const char *filter);
/** Only members of the saved segment segment_id (see crm_segment_create());
 *  0 removes the filter, a negative id is CRM_INVALID_ARGUMENT. Checked when
 *  the query is used (as crm_query_set_where() describes): a segment that
 *  does not exist is CRM_NOT_FOUND, one of another record kind than the
 *  list's CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_query_set_segment(crm_query *query, int64_t segment_id);
/** Orders by a field instead of the crm_query_set_sort() order: a custom
 *  field or a built-in field the segment language knows on the listed kind
 *  ("country", "last_activity_at", "score"); descending non-zero for
 *  descending (this also sets the direction crm_query_set_sort() set). Ties
 *  are broken by id. Records without a value come first for text and dates,
 *  last for numbers (ascending). NULL or "" removes it, and the
 *  crm_query_set_sort() order applies again. An unknown or multi-valued
 *  field is CRM_INVALID_ARGUMENT (field "sort_field") when the query is
 *  used (as crm_query_set_where() describes); invalid UTF-8 is
 *  CRM_INVALID_ARGUMENT here. */
CRM_API crm_status crm_query_set_sort_field(crm_query *query, const char *field, int descending);

/** A forward-only sequence of records of one kind, or of rows of selected
 *  columns (crm_account_select(), crm_contact_select(), crm_lead_select(),
 *  crm_opportunity_select(), crm_segment_select()). */
typedef struct crm_cursor crm_cursor;

/** Advances to the next record: CRM_ROW when one is ready, CRM_DONE at the
 *  end, or an error (the cursor is then finished). */
CRM_API crm_status crm_cursor_next(crm_cursor *cursor);
/** Frees a cursor; NULL is a no-op. */
CRM_API void crm_cursor_free(crm_cursor *cursor);

/** The kind of values in a selected column. Dates and instants are read as
 *  ISO-8601 text with crm_cursor_text(). Decimals are amounts of money, each
 *  cell with its currency: minor units and the ISO 4217 code with
 *  crm_cursor_money(), or the exact decimal text ("1234.50") with
 *  crm_cursor_text(); crm_cursor_double() refuses them (CRM_INVALID_ARGUMENT)
 *  so that no amount is rounded on the way. The money columns of reports
 *  (in the report's currency), the money columns of crm_*_select() (a deal's
 *  amount and weighted_amount, custom money fields, each in the record's
 *  currency) are decimal. (Earlier builds of libcrmcore.so.1 gave a deal's
 *  amount and weighted_amount as CRM_COLUMN_REAL and custom money fields
 *  as CRM_COLUMN_TEXT "1200.00 EUR"; a program written for them reads
 *  these columns with crm_cursor_money(); amount_minor and currency keep
 *  their integer and text types.) */
typedef enum crm_column_type {
  CRM_COLUMN_INTEGER = 0,
  CRM_COLUMN_REAL = 1,
  CRM_COLUMN_TEXT = 2,
  CRM_COLUMN_DATE = 3,
  CRM_COLUMN_INSTANT = 4,
  CRM_COLUMN_DECIMAL = 5
} crm_column_type;

/** Number of columns of a cursor over selected columns (CRM_MISUSE for a
 *  cursor over records). Valid before the first crm_cursor_next(). */
CRM_API crm_status crm_cursor_column_count(const crm_cursor *cursor, int *out_count);
/** Name (borrowed, valid while the cursor lives) and type of column number
 *  column (0-based); either out pointer may be NULL. */
CRM_API crm_status crm_cursor_column(const crm_cursor *cursor, int column, const char **out_name,
                                     crm_column_type *out_type);
/** Whether the cell of the current row is null. */
CRM_API crm_status crm_cursor_is_null(const crm_cursor *cursor, int column, int *out_is_null);
/** The cell of an integer column (0 when null). */
CRM_API crm_status crm_cursor_int64(const crm_cursor *cursor, int column, int64_t *out_value);
/** The cell of an integer or real column as a double (0.0 when null). */
CRM_API crm_status crm_cursor_double(const crm_cursor *cursor, int column, double *out_value);
/** The cell of a text, date, instant or decimal column; NULL when the cell
 *  is null. Borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_text(const crm_cursor *cursor, int column, const char **out_text);
/** The cell of a decimal (money) column as minor units and its ISO 4217
 *  code ("EUR"): 123450 and "EUR" for 1234.50 EUR. A null cell gives 0 and
 *  NULL. *out_currency is borrowed until the next call on the cursor.
 *  CRM_INVALID_ARGUMENT for a column of another type. */
CRM_API crm_status crm_cursor_money(const crm_cursor *cursor, int column, int64_t *out_minor_units,
                                    const char **out_currency);

/* ---- Accounts --------------------------------------------------------- */

/** An account (organization): data to create, or a stored record. */
typedef struct crm_account crm_account;

/** An empty account to fill with crm_account_set() and pass to crm_account_create(). */
CRM_API crm_status crm_account_new(crm_account **out_account);
/** Frees an account record; NULL is a no-op. */
CRM_API void crm_account_free(crm_account *account);

/** Sets a field by name as text; NULL or "" unsets it. The fields and their
 *  types: crm_record_field_count("account", ...) and the functions beside it
 *  (lead_source names a lead source, added when new; campaign a campaign,
 *  which must exist). Values are validated when the record is stored; an
 *  unknown or read-only field is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_account_set(crm_account *account, const char *field, const char *value);
/** Reads a field as text: every field crm_record_field_name() lists for
 *  "account" with a type read as text (the read-only ones too).
 *  *out_value is borrowed until the record is changed or freed. */
CRM_API crm_status crm_account_get_field(const crm_account *account, const char *field, const char **out_value);
/** The row id (0 before it is stored). */
CRM_API crm_status crm_account_id(const crm_account *account, int64_t *out_id);
/** The version; crm_account_update() checks it against the stored one. */
CRM_API crm_status crm_account_version(const crm_account *account, int64_t *out_version);
/** The parent account's id, 0 for none. */
CRM_API crm_status crm_account_parent(const crm_account *account, int64_t *out_parent_id);
/** Sets the parent account (0 for none). */
CRM_API crm_status crm_account_set_parent(crm_account *account, int64_t parent_id);
/** Number of tags. */
CRM_API crm_status crm_account_tag_count(const crm_account *account, size_t *out_count);
/** Tag number index (0-based); borrowed until the record is changed or freed. */
CRM_API crm_status crm_account_tag(const crm_account *account, size_t index, const char **out_tag);
/** Adds a tag (duplicates ignoring case are dropped when stored). */
CRM_API crm_status crm_account_add_tag(crm_account *account, const char *tag);
/** Removes every tag. */
CRM_API crm_status crm_account_clear_tags(crm_account *account);
/** Sets the value of custom field name (see crm_custom_field_define()) as
 *  text in the form crm_custom_field_set_default() describes; NULL or ""
 *  removes it. The text is read as the field's type, and an unknown name
 *  reported, when the account is created or updated (CRM_INVALID_ARGUMENT). */
CRM_API crm_status crm_account_set_custom(crm_account *account, const char *name, const char *value);
/** The value of custom field name (ignoring case) as text in its canonical
 *  form ("12.5", "Gold", "1200.00 EUR", "true"); "" when the account has none.
 *  Borrowed until the record is changed or freed. */
CRM_API crm_status crm_account_get_custom(const crm_account *account, const char *name, const char **out_value);
/** Number of custom values the account carries. */
CRM_API crm_status crm_account_custom_count(const crm_account *account, size_t *out_count);
/** The field name of custom value number index (by name); borrowed until
 *  the record is changed or freed. */
CRM_API crm_status crm_account_custom_name(const crm_account *account, size_t index, const char **out_name);

/** Validates and stores a new account. *out_created (NULL to skip) receives
 *  the stored record, to free with crm_account_free(). */
CRM_API crm_status crm_account_create(crm_db *db, const crm_account *data, crm_account **out_created);
/** Reads account id (also when soft-deleted: see deleted_at). CRM_NOT_FOUND if none. */
CRM_API crm_status crm_account_get(crm_db *db, int64_t id, crm_account **out_account);
/** Saves the record if its version is still the stored one (else
 *  CRM_CONFLICT, nothing written). *out_updated (NULL to skip) receives the
 *  stored record with its new version. */
CRM_API crm_status crm_account_update(crm_db *db, const crm_account *account, crm_account **out_updated);
/** Soft-deletes (restorable). CRM_CONFLICT when already deleted. */
CRM_API crm_status crm_account_remove(crm_db *db, int64_t id);
/** Undoes crm_account_remove(). CRM_CONFLICT when not deleted. */
CRM_API crm_status crm_account_restore(crm_db *db, int64_t id);
/** Deletes for good with tags and employment links. */
CRM_API crm_status crm_account_purge(crm_db *db, int64_t id);
/** A cursor over the accounts of query (NULL: all live accounts by name). */
CRM_API crm_status crm_account_list(crm_db *db, const crm_query *query, crm_cursor **out_cursor);
/** How many accounts match the filters of query (NULL: all live ones). */
CRM_API crm_status crm_account_count(crm_db *db, const crm_query *query, int64_t *out_count);
/** The live account with this external_ref; *out_account is NULL (and CRM_OK
 *  returned) when there is none. */
CRM_API crm_status crm_account_find_by_external_ref(crm_db *db, const char *external_ref, crm_account **out_account);
/** A cursor over live accounts whose email equals email, ignoring case. */
CRM_API crm_status crm_account_find_by_email(crm_db *db, const char *email, crm_cursor **out_cursor);
/** A cursor over live accounts with this phone number in any written form;
 *  CRM_INVALID_ARGUMENT when phone is not a phone number. */
CRM_API crm_status crm_account_find_by_phone(crm_db *db, const char *phone, crm_cursor **out_cursor);
/** A cursor over the live direct subsidiaries of parent_id. */
CRM_API crm_status crm_account_subsidiaries(crm_db *db, int64_t parent_id, crm_cursor **out_cursor);
/** A cursor over chosen columns of the accounts of query (NULL: all live
 *  ones by name). columns is a comma-separated list of: id, name,
 *  registration_number, vat_id, industry, website, phone, phone_e164, email,
 *  street, city, postal_code, region, country, parent_id, owner, lead_source
 *  and campaign (their names), external_ref, description, tags, created_at,
 *  updated_at, deleted_at, version. An unknown column is
 *  CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_account_select(crm_db *db, const char *columns, const crm_query *query,
                                      crm_cursor **out_cursor);
/** The account at the cursor; borrowed until the next call on the cursor.
 *  CRM_MISUSE for a cursor over something else or not on a row. */
CRM_API crm_status crm_cursor_account(const crm_cursor *cursor, const crm_account **out_account);

/* ---- Contacts --------------------------------------------------------- */

/** A contact (person): data to create, or a stored record. */
typedef struct crm_contact crm_contact;

/** What a phone number is for. */
typedef enum crm_phone_kind {
  CRM_PHONE_MOBILE = 0,
  CRM_PHONE_WORK = 1,
  CRM_PHONE_HOME = 2,
  CRM_PHONE_OTHER = 3
} crm_phone_kind;

/** A marketing channel a contact may consent to. */
typedef enum crm_channel {
  CRM_CHANNEL_EMAIL = 0,
  CRM_CHANNEL_PHONE = 1,
  CRM_CHANNEL_SMS = 2,
  CRM_CHANNEL_POST = 3
} crm_channel;

/** An empty contact to fill and pass to crm_contact_create(). */
CRM_API crm_status crm_contact_new(crm_contact **out_contact);
/** Frees a contact record; NULL is a no-op. */
CRM_API void crm_contact_free(crm_contact *contact);

/** Sets a field by name as text; NULL or "" unsets it. The fields and their
 *  types: crm_record_field_count("contact", ...) and the functions beside it
 *  (birthday is "YYYY-MM-DD" or "--MM-DD"; lead_source names a lead source,
 *  added when new; campaign a campaign, which must exist). A value that does
 *  not read as the field's type (a malformed birthday) is
 *  CRM_INVALID_ARGUMENT here; other values are validated when stored. */
CRM_API crm_status crm_contact_set(crm_contact *contact, const char *field, const char *value);
/** Reads a field as text: every field crm_record_field_name() lists for
 *  "contact" with a type read as text. Borrowed until the record is changed
 *  or freed. */
CRM_API crm_status crm_contact_get_field(const crm_contact *contact, const char *field, const char **out_value);
/** The row id (0 before it is stored). */
CRM_API crm_status crm_contact_id(const crm_contact *contact, int64_t *out_id);
/** The version; crm_contact_update() checks it. */
CRM_API crm_status crm_contact_version(const crm_contact *contact, int64_t *out_version);
/** The current employer's account id, 0 for none. */
CRM_API crm_status crm_contact_account(const crm_contact *contact, int64_t *out_account_id);
/** Sets the current employer (0 for none): on create it starts an
 *  employment, on update a different account moves the person. */
CRM_API crm_status crm_contact_set_account(crm_contact *contact, int64_t account_id);

/** Adds an email address; primary non-zero marks it primary. */
CRM_API crm_status crm_contact_add_email(crm_contact *contact, const char *address, int primary);
/** Removes every email address. */
CRM_API crm_status crm_contact_clear_emails(crm_contact *contact);
/** Number of email addresses. */
CRM_API crm_status crm_contact_email_count(const crm_contact *contact, size_t *out_count);
/** Email number index (the primary one is 0 on stored records); out_primary
 *  may be NULL. *out_address is borrowed until the record is changed or freed. */
CRM_API crm_status crm_contact_email(const crm_contact *contact, size_t index, const char **out_address,
                                     int *out_primary);
/** Adds a phone number as written ("26 123 456", "+371 26 123 456"). */
CRM_API crm_status crm_contact_add_phone(crm_contact *contact, crm_phone_kind kind, const char *number);
/** Adds a phone number kept as written even when it cannot be read as one
 *  ("555-4246-7492" from an old system): stored flagged, without E.164
 *  (a number that can be read is stored as crm_contact_add_phone() would). */
CRM_API crm_status crm_contact_add_phone_as_written(crm_contact *contact, crm_phone_kind kind, const char *number);
/** *out_unreadable: 1 when phone number index is kept as written because it
 *  cannot be read as a phone number (its E.164 form is ""), else 0. */
CRM_API crm_status crm_contact_phone_unreadable(const crm_contact *contact, size_t index, int *out_unreadable);
/** Removes every phone number. */
CRM_API crm_status crm_contact_clear_phones(crm_contact *contact);
/** Number of phone numbers. */
CRM_API crm_status crm_contact_phone_count(const crm_contact *contact, size_t *out_count);
/** Phone number index: its kind, the text as written and its E.164 form (""
 *  until stored). Any out pointer may be NULL; the strings are borrowed until
 *  the record is changed or freed. */
CRM_API crm_status crm_contact_phone(const crm_contact *contact, size_t index, crm_phone_kind *out_kind,
                                     const char **out_raw, const char **out_e164);
/** Records consent on a channel. changed_at (UTC text) may be NULL: the
 *  library then stamps the time when the answer is new or changed. */
CRM_API crm_status crm_contact_set_consent(crm_contact *contact, crm_channel channel, int granted,
                                           const char *changed_at);
/** Forgets every consent answer on the record. */
CRM_API crm_status crm_contact_clear_consents(crm_contact *contact);
/** The consent on a channel; CRM_NOT_FOUND when none was recorded.
 *  out_changed_at (may be NULL) is borrowed; "" until stamped. */
CRM_API crm_status crm_contact_consent(const crm_contact *contact, crm_channel channel, int *out_granted,
                                       const char **out_changed_at);
/** Number of tags. */
CRM_API crm_status crm_contact_tag_count(const crm_contact *contact, size_t *out_count);
/** Tag number index; borrowed until the record is changed or freed. */
CRM_API crm_status crm_contact_tag(const crm_contact *contact, size_t index, const char **out_tag);
/** Adds a tag. */
CRM_API crm_status crm_contact_add_tag(crm_contact *contact, const char *tag);
/** Removes every tag. */
CRM_API crm_status crm_contact_clear_tags(crm_contact *contact);
/** Sets the value of custom field name (see crm_custom_field_define()) as
 *  text in the form crm_custom_field_set_default() describes; NULL or ""
 *  removes it. The text is read as the field's type, and an unknown name
 *  reported, when the contact is created or updated (CRM_INVALID_ARGUMENT). */
CRM_API crm_status crm_contact_set_custom(crm_contact *contact, const char *name, const char *value);
/** The value of custom field name (ignoring case) as text in its canonical
 *  form ("12.5", "Gold", "1200.00 EUR", "true"); "" when the contact has none.
 *  Borrowed until the record is changed or freed. */
CRM_API crm_status crm_contact_get_custom(const crm_contact *contact, const char *name, const char **out_value);
/** Number of custom values the contact carries. */
CRM_API crm_status crm_contact_custom_count(const crm_contact *contact, size_t *out_count);
/** The field name of custom value number index (by name); borrowed until
 *  the record is changed or freed. */
CRM_API crm_status crm_contact_custom_name(const crm_contact *contact, size_t index, const char **out_name);

/** Validates and stores a new contact; *out_created may be NULL. */
CRM_API crm_status crm_contact_create(crm_db *db, const crm_contact *data, crm_contact **out_created);
/** Reads contact id (also when soft-deleted). CRM_NOT_FOUND if none. */
CRM_API crm_status crm_contact_get(crm_db *db, int64_t id, crm_contact **out_contact);
/** Saves the record if its version is current (else CRM_CONFLICT); emails,
 *  phones, consents and tags are replaced by the record's lists. */
CRM_API crm_status crm_contact_update(crm_db *db, const crm_contact *contact, crm_contact **out_updated);
/** Soft-deletes (restorable). */
CRM_API crm_status crm_contact_remove(crm_db *db, int64_t id);
/** Undoes crm_contact_remove(). */
CRM_API crm_status crm_contact_restore(crm_db *db, int64_t id);
/** Deletes for good with emails, phones, consents, tags and employment links. */
CRM_API crm_status crm_contact_purge(crm_db *db, int64_t id);
/** A cursor over the contacts of query (NULL: all live ones by name). */
CRM_API crm_status crm_contact_list(crm_db *db, const crm_query *query, crm_cursor **out_cursor);
/** How many contacts match the filters of query. */
CRM_API crm_status crm_contact_count(crm_db *db, const crm_query *query, int64_t *out_count);
/** The live contact with this external_ref; NULL (and CRM_OK) when none. */
CRM_API crm_status crm_contact_find_by_external_ref(crm_db *db, const char *external_ref, crm_contact **out_contact);
/** A cursor over live contacts with this email, ignoring case. */
CRM_API crm_status crm_contact_find_by_email(crm_db *db, const char *email, crm_cursor **out_cursor);
/** The incoming-call lookup: a cursor over live contacts with this number in
 *  any written form; CRM_INVALID_ARGUMENT when it is not a phone number. */
CRM_API crm_status crm_contact_find_by_phone(crm_db *db, const char *phone, crm_cursor **out_cursor);
/** A cursor over chosen columns of the contacts of query: the fast way to
 *  read many contacts. columns is a comma-separated list of: id, first_name,
 *  last_name, job_title, birthday, preferred_language, country, owner,
 *  lead_source and campaign (their names), external_ref, description,
 *  email (primary), phone (first, E.164), account_id, account_name (current employer), tags, created_at,
 *  updated_at, deleted_at, version. */
CRM_API crm_status crm_contact_select(crm_db *db, const char *columns, const crm_query *query,
                                      crm_cursor **out_cursor);
/** The contact at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_contact(const crm_cursor *cursor, const crm_contact **out_contact);

/* ---- Employment history ----------------------------------------------- */

/** A contact working (or having worked) for an account. Read-only. */
typedef struct crm_employment crm_employment;

/** Frees an employment record; NULL is a no-op. */
CRM_API void crm_employment_free(crm_employment *employment);
/** Its row id. */
CRM_API crm_status crm_employment_id(const crm_employment *employment, int64_t *out_id);
/** The person's contact id. */
CRM_API crm_status crm_employment_contact(const crm_employment *employment, int64_t *out_contact_id);
/** The organization's account id. */
CRM_API crm_status crm_employment_account(const crm_employment *employment, int64_t *out_account_id);
/** Text fields: title, started_on, ended_on ("" when unknown / still current).
 *  Borrowed until the record is freed. */
CRM_API crm_status crm_employment_get_field(const crm_employment *employment, const char *field,
                                            const char **out_value);

/** Adds a current employment beside any others; started_on may be NULL. */
CRM_API crm_status crm_employment_start(crm_db *db, int64_t contact_id, int64_t account_id, const char *title,
                                        const char *started_on, crm_employment **out_employment);
/** Ends a current employment on ended_on (its last day). */
CRM_API crm_status crm_employment_end(crm_db *db, int64_t employment_id, const char *ended_on,
                                      crm_employment **out_employment);
/** Moves a person to a new employer on date on: current employments end
 *  then, a new one starts, the contact's job title follows. Past links stay. */
CRM_API crm_status crm_employment_move(crm_db *db, int64_t contact_id, int64_t account_id, const char *title,
                                       const char *on, crm_employment **out_employment);
/** Reads one employment. */
CRM_API crm_status crm_employment_get(crm_db *db, int64_t employment_id, crm_employment **out_employment);
/** A cursor over every employment of a contact, current first, newest first. */
CRM_API crm_status crm_employment_history(crm_db *db, int64_t contact_id, crm_cursor **out_cursor);
/** A cursor over the employments at an account (current only when
 *  current_only is non-zero), newest first. */
CRM_API crm_status crm_employment_of_account(crm_db *db, int64_t account_id, int current_only,
                                             crm_cursor **out_cursor);
/** The employment at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_employment(const crm_cursor *cursor, const crm_employment **out_employment);

/* ---- Pipelines, stages and lost reasons ------------------------------ */

/** A pipeline and its active stages, read-only. */
typedef struct crm_pipeline crm_pipeline;
/** A stage of a pipeline, read-only. */
typedef struct crm_stage crm_stage;

/** Whether a stage is in progress or closes the deal. */
typedef enum crm_stage_kind { CRM_STAGE_OPEN = 0, CRM_STAGE_WON = 1, CRM_STAGE_LOST = 2 } crm_stage_kind;

/** Frees a pipeline; NULL is a no-op. */
CRM_API void crm_pipeline_free(crm_pipeline *pipeline);
/** Its id. */
CRM_API crm_status crm_pipeline_id(const crm_pipeline *pipeline, int64_t *out_id);
/** Its name; borrowed until the pipeline is freed. */
CRM_API crm_status crm_pipeline_name(const crm_pipeline *pipeline, const char **out_name);
/** 1 when it is the default pipeline, else 0. */
CRM_API crm_status crm_pipeline_is_default(const crm_pipeline *pipeline, int *out_is_default);
/** Number of active stages. */
CRM_API crm_status crm_pipeline_stage_count(const crm_pipeline *pipeline, size_t *out_count);
/** Active stage number index in order; borrowed until the pipeline is freed. */
CRM_API crm_status crm_pipeline_stage(const crm_pipeline *pipeline, size_t index, const crm_stage **out_stage);

/** Frees a stage; NULL is a no-op. */
CRM_API void crm_stage_free(crm_stage *stage);
/** Its id. */
CRM_API crm_status crm_stage_id(const crm_stage *stage, int64_t *out_id);
/** The pipeline it belongs to. */
CRM_API crm_status crm_stage_pipeline(const crm_stage *stage, int64_t *out_pipeline_id);
/** Its name; borrowed until the stage (or its pipeline) is freed. */
CRM_API crm_status crm_stage_name(const crm_stage *stage, const char **out_name);
/** Default probability 0..100 of deals entering it. */
CRM_API crm_status crm_stage_probability(const crm_stage *stage, int *out_probability);
/** Open, won or lost. */
CRM_API crm_status crm_stage_get_kind(const crm_stage *stage, crm_stage_kind *out_kind);
/** 1-based position in its pipeline. */
CRM_API crm_status crm_stage_position(const crm_stage *stage, int *out_position);
/** 1 once removed (kept for history), else 0. */
CRM_API crm_status crm_stage_removed(const crm_stage *stage, int *out_removed);

/** A new pipeline with stage_count stages given as parallel arrays of names,
 *  default probabilities and kinds (at least one open, won and lost stage). */
CRM_API crm_status crm_pipeline_create(crm_db *db, const char *name, size_t stage_count,
                                       const char *const *stage_names, const int *probabilities,
                                       const crm_stage_kind *kinds, crm_pipeline **out_pipeline);
/** The pipeline with this id. */
CRM_API crm_status crm_pipeline_get(crm_db *db, int64_t id, crm_pipeline **out_pipeline);
/** The pipeline with this name (ignoring case); *out_pipeline NULL when none. */
CRM_API crm_status crm_pipeline_find(crm_db *db, const char *name, crm_pipeline **out_pipeline);
/** The default pipeline. */
CRM_API crm_status crm_pipeline_default(crm_db *db, crm_pipeline **out_pipeline);
/** A cursor over every pipeline, default first. */
CRM_API crm_status crm_pipeline_list(crm_db *db, crm_cursor **out_cursor);
/** The pipeline at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_pipeline(const crm_cursor *cursor, const crm_pipeline **out_pipeline);
/** Renames a pipeline; *out_pipeline may be NULL. */
CRM_API crm_status crm_pipeline_rename(crm_db *db, int64_t id, const char *name, crm_pipeline **out_pipeline);
/** Makes a pipeline the default. */
CRM_API crm_status crm_pipeline_set_default(crm_db *db, int64_t id);
/** Puts the active stages of a pipeline in this order (each once). */
CRM_API crm_status crm_pipeline_reorder_stages(crm_db *db, int64_t pipeline_id, size_t count,
                                               const int64_t *stage_ids);
/** The stage with this id (also a removed one). */
CRM_API crm_status crm_stage_get(crm_db *db, int64_t id, crm_stage **out_stage);
/** Adds a stage at 1-based position (0: after the last open stage). */
CRM_API crm_status crm_stage_add(crm_db *db, int64_t pipeline_id, const char *name, int probability,
                                 crm_stage_kind kind, int position, crm_stage **out_stage);
/** Renames a stage or changes its default probability or kind. */
CRM_API crm_status crm_stage_update(crm_db *db, int64_t id, const char *name, int probability, crm_stage_kind kind,
                                    crm_stage **out_stage);
/** Removes a stage; when deals are in it, move_to (another active stage of
 *  the same pipeline and kind) is required and they move there, recorded. */
CRM_API crm_status crm_stage_remove(crm_db *db, int64_t id, int64_t move_to);

/** A cursor over the lost reasons (inactive ones too when include_inactive). */
CRM_API crm_status crm_lost_reason_list(crm_db *db, int include_inactive, crm_cursor **out_cursor);
/** The lost reason at the cursor; *out_name borrowed until the next call on it. */
CRM_API crm_status crm_cursor_lost_reason(const crm_cursor *cursor, int64_t *out_id, const char **out_name,
                                          int *out_active);
/** Adds a lost reason. */
CRM_API crm_status crm_lost_reason_add(crm_db *db, const char *name, int64_t *out_id);
/** Activates (1) or retires (0) a lost reason. */
CRM_API crm_status crm_lost_reason_set_active(crm_db *db, int64_t id, int active);
/** The active lost reason with this name; *out_id is 0 when none. */
CRM_API crm_status crm_lost_reason_find(crm_db *db, const char *name, int64_t *out_id);

/* ---- Products ----------------------------------------------------------- */

/** A product of the catalog. */
typedef struct crm_product crm_product;

/** An empty product to fill and create. */
CRM_API crm_status crm_product_new(crm_product **out_product);
/** Frees a product; NULL is a no-op. */
CRM_API void crm_product_free(crm_product *product);
/** Sets "sku" or "name". */
CRM_API crm_status crm_product_set(crm_product *product, const char *field, const char *value);
/** Reads "sku", "name", "created_at", "updated_at"; borrowed until the product changes or is freed. */
CRM_API crm_status crm_product_get_field(const crm_product *product, const char *field, const char **out_value);
/** Sets the list price. */
CRM_API crm_status crm_product_set_price(crm_product *product, int64_t minor_units, const char *currency);
/** The list price; *out_currency borrowed like a field. */
CRM_API crm_status crm_product_price(const crm_product *product, int64_t *out_minor_units, const char **out_currency);
/** Activates (1) or retires (0) the product. */
CRM_API crm_status crm_product_set_active(crm_product *product, int active);
/** 1 when active. */
CRM_API crm_status crm_product_active(const crm_product *product, int *out_active);
/** Its id (0 before it is stored). */
CRM_API crm_status crm_product_id(const crm_product *product, int64_t *out_id);
/** Its version. */
CRM_API crm_status crm_product_version(const crm_product *product, int64_t *out_version);
/** Stores a new product. */
CRM_API crm_status crm_product_create(crm_db *db, const crm_product *data, crm_product **out_created);
/** Reads a product. */
CRM_API crm_status crm_product_get(crm_db *db, int64_t id, crm_product **out_product);
/** Saves a product if its version is current. */
CRM_API crm_status crm_product_update(crm_db *db, const crm_product *product, crm_product **out_updated);
/** The product with this SKU (ignoring case); *out_product NULL when none. */
CRM_API crm_status crm_product_find_by_sku(crm_db *db, const char *sku, crm_product **out_product);
/** A cursor over the catalog by name (inactive products too when include_inactive). */
CRM_API crm_status crm_product_list(crm_db *db, int include_inactive, crm_cursor **out_cursor);
/** The product at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_product(const crm_cursor *cursor, const crm_product **out_product);

/* ---- Opportunities and stage history ------------------------------------ */

/** An opportunity (deal): data to create, or a stored record. */
typedef struct crm_opportunity crm_opportunity;
/** One recorded stage change of a deal, read-only. */
typedef struct crm_stage_change crm_stage_change;

/** An empty deal to fill and create. */
CRM_API crm_status crm_opportunity_new(crm_opportunity **out_opportunity);
/** Frees a deal; NULL is a no-op. */
CRM_API void crm_opportunity_free(crm_opportunity *opportunity);
/** Sets a field as text; NULL or "" unsets it. The fields and their types:
 *  crm_record_field_count("opportunity", ...) and the functions beside it
 *  (lead_source names a lead source, added when new; campaign a campaign,
 *  which must exist; expected_close and closed_on are dates). */
CRM_API crm_status crm_opportunity_set(crm_opportunity *opportunity, const char *field, const char *value);
/** Reads a field as text: every field crm_record_field_name() lists for
 *  "opportunity" with a type read as text, such as stage_kind ("open",
 *  "won", "lost"); deleted_at is NULL while not deleted. */
CRM_API crm_status crm_opportunity_get_field(const crm_opportunity *opportunity, const char *field,
                                             const char **out_value);
/** Sets an integer field: the settable "integer" and "reference" fields
 *  crm_record_field_name() lists for "opportunity" (ids, 0 unsets, the
 *  account too: a deal may have none; probability_override: -1 unsets). */
CRM_API crm_status crm_opportunity_set_int(crm_opportunity *opportunity, const char *field, int64_t value);
/** Reads an integer field: the "integer" and "reference" fields
 *  crm_record_field_name() lists for "opportunity", such as id, version and
 *  probability (in force), and closed (1 when won or lost).
 *  Deprecated for "id" and "version" (they keep working): use
 *  crm_opportunity_id() and crm_opportunity_version(). */
CRM_API crm_status crm_opportunity_get_int(const crm_opportunity *opportunity, const char *field,
                                           int64_t *out_value);
/** The row id (0 before it is stored). */
CRM_API crm_status crm_opportunity_id(const crm_opportunity *opportunity, int64_t *out_id);
/** The customer's account id, 0 for a deal without an account (history
 *  imported from other CRMs may have them). */
CRM_API crm_status crm_opportunity_account(const crm_opportunity *opportunity, int64_t *out_account_id);
/** Sets the customer's account (0 for none, which a deal may have). */
CRM_API crm_status crm_opportunity_set_account(crm_opportunity *opportunity, int64_t account_id);
/** The version; crm_opportunity_update() checks it against the stored one. */
CRM_API crm_status crm_opportunity_version(const crm_opportunity *opportunity, int64_t *out_version);
/** Sets the amount (its currency is the deal's currency). */
CRM_API crm_status crm_opportunity_set_amount(crm_opportunity *opportunity, int64_t minor_units,
                                              const char *currency);
/** The amount; *out_currency borrowed like a field. */
CRM_API crm_status crm_opportunity_amount(const crm_opportunity *opportunity, int64_t *out_minor_units,
                                          const char **out_currency);
/** Adds a contact with a role ("decision maker", ...). */
CRM_API crm_status crm_opportunity_add_contact(crm_opportunity *opportunity, int64_t contact_id, const char *role);
/** Removes every contact (not the primary contact). */
CRM_API crm_status crm_opportunity_clear_contacts(crm_opportunity *opportunity);
/** Number of contacts with roles. */
CRM_API crm_status crm_opportunity_contact_count(const crm_opportunity *opportunity, size_t *out_count);
/** Contact number index and its role (borrowed like a field). */
CRM_API crm_status crm_opportunity_contact(const crm_opportunity *opportunity, size_t index, int64_t *out_contact_id,
                                           const char **out_role);
/** Adds a line item. With has_unit_price 0 the product's list price is used;
 *  else unit_price_minor is in the deal's currency. */
CRM_API crm_status crm_opportunity_add_line_item(crm_opportunity *opportunity, int64_t product_id, int64_t quantity,
                                                 int has_unit_price, int64_t unit_price_minor, int discount_percent);
/** Removes every line item. */
CRM_API crm_status crm_opportunity_clear_line_items(crm_opportunity *opportunity);
/** Number of line items. */
CRM_API crm_status crm_opportunity_line_item_count(const crm_opportunity *opportunity, size_t *out_count);
/** Line item number index; unit price and total in the deal's currency (both
 *  0 until stored when no price was given). Out pointers may be NULL. */
CRM_API crm_status crm_opportunity_line_item(const crm_opportunity *opportunity, size_t index,
                                             int64_t *out_product_id, int64_t *out_quantity,
                                             int64_t *out_unit_price_minor, int *out_discount_percent,
                                             int64_t *out_total_minor);
/** Number of tags. */
CRM_API crm_status crm_opportunity_tag_count(const crm_opportunity *opportunity, size_t *out_count);
/** Tag number index; borrowed until the record is changed or freed. */
CRM_API crm_status crm_opportunity_tag(const crm_opportunity *opportunity, size_t index, const char **out_tag);
/** Adds a tag. */
CRM_API crm_status crm_opportunity_add_tag(crm_opportunity *opportunity, const char *tag);
/** Removes every tag. */
CRM_API crm_status crm_opportunity_clear_tags(crm_opportunity *opportunity);
/** Sets the value of custom field name (see crm_custom_field_define()) as
 *  text in the form crm_custom_field_set_default() describes; NULL or ""
 *  removes it. The text is read as the field's type, and an unknown name
 *  reported, when the deal is created or updated (CRM_INVALID_ARGUMENT). */
CRM_API crm_status crm_opportunity_set_custom(crm_opportunity *opportunity, const char *name, const char *value);
/** The value of custom field name (ignoring case) as text in its canonical
 *  form ("12.5", "Gold", "1200.00 EUR", "true"); "" when the deal has none.
 *  Borrowed until the record is changed or freed. */
CRM_API crm_status crm_opportunity_get_custom(const crm_opportunity *opportunity, const char *name, const char **out_value);
/** Number of custom values the deal carries. */
CRM_API crm_status crm_opportunity_custom_count(const crm_opportunity *opportunity, size_t *out_count);
/** The field name of custom value number index (by name); borrowed until
 *  the record is changed or freed. */
CRM_API crm_status crm_opportunity_custom_name(const crm_opportunity *opportunity, size_t index, const char **out_name);

/** Stores a new deal and records its first stage. */
CRM_API crm_status crm_opportunity_create(crm_db *db, const crm_opportunity *data, crm_opportunity **out_created);
/** Reads a deal (also when soft-deleted). */
CRM_API crm_status crm_opportunity_get(crm_db *db, int64_t id, crm_opportunity **out_opportunity);
/** Saves a deal if its version is current; a changed stage is recorded. */
CRM_API crm_status crm_opportunity_update(crm_db *db, const crm_opportunity *opportunity,
                                          crm_opportunity **out_updated);
/** Moves a deal to a stage of its pipeline. closed_on (NULL: today) is the
 *  close date for won and lost stages; lost_reason_id is required for lost. */
CRM_API crm_status crm_opportunity_move_to_stage(crm_db *db, int64_t id, int64_t stage_id, const char *closed_on,
                                                 int64_t lost_reason_id, crm_opportunity **out_opportunity);
/** Soft-deletes a deal. */
CRM_API crm_status crm_opportunity_remove(crm_db *db, int64_t id);
/** Undoes crm_opportunity_remove(). */
CRM_API crm_status crm_opportunity_restore(crm_db *db, int64_t id);
/** Deletes a deal for good. */
CRM_API crm_status crm_opportunity_purge(crm_db *db, int64_t id);
/** A cursor over the deals of query (filters: owner, tag, and "account",
 *  "pipeline", "stage", "open" by crm_query_set_filter). */
CRM_API crm_status crm_opportunity_list(crm_db *db, const crm_query *query, crm_cursor **out_cursor);
/** How many deals match. */
CRM_API crm_status crm_opportunity_count(crm_db *db, const crm_query *query, int64_t *out_count);
/** A cursor over chosen columns of deals: id, name, account_id, account_name,
 *  primary_contact_id, amount, amount_minor, currency, expected_close,
 *  pipeline_id, pipeline, stage_id, stage, stage_kind, probability,
 *  weighted_amount, closed_on, lost_reason, owner, lead_source, campaign,
 *  next_step, external_ref, tags, created_at, updated_at, deleted_at, version.
 *  amount and weighted_amount (the amount times the probability, rounded
 *  half away from zero to the minor unit) are money, CRM_COLUMN_DECIMAL in
 *  the deal's currency: read them with crm_cursor_money(). */
CRM_API crm_status crm_opportunity_select(crm_db *db, const char *columns, const crm_query *query,
                                          crm_cursor **out_cursor);
/** The live deal with this external_ref; NULL when none. */
CRM_API crm_status crm_opportunity_find_by_external_ref(crm_db *db, const char *external_ref,
                                                        crm_opportunity **out_opportunity);
/** A cursor over open deals (of query's owner) with no planned activity. */
CRM_API crm_status crm_opportunity_without_next_activity(crm_db *db, const crm_query *query,
                                                         crm_cursor **out_cursor);
/** The deal at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_opportunity(const crm_cursor *cursor, const crm_opportunity **out_opportunity);
/** A cursor over a deal's stage changes, oldest first. */
CRM_API crm_status crm_opportunity_stage_history(crm_db *db, int64_t id, crm_cursor **out_cursor);
/** The stage change at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_stage_change(const crm_cursor *cursor, const crm_stage_change **out_change);
/** An integer of a stage change: opportunity, from_stage (0 at creation),
 *  to_stage, amount_minor, probability, lost_reason, and id (deprecated,
 *  still working: use crm_stage_change_id()). */
CRM_API crm_status crm_stage_change_get_int(const crm_stage_change *change, const char *field, int64_t *out_value);
/** The stage change's row id. */
CRM_API crm_status crm_stage_change_id(const crm_stage_change *change, int64_t *out_id);
/** A text of a stage change: at (UTC instant), by (user), currency;
 *  borrowed until the cursor moves or is freed. */
CRM_API crm_status crm_stage_change_get_field(const crm_stage_change *change, const char *field,
                                              const char **out_value);

/* ---- Leads ------------------------------------------------------------- */

/** A lead: data to create, or a stored record. */
typedef struct crm_lead crm_lead;

/** An empty lead to fill and create. */
CRM_API crm_status crm_lead_new(crm_lead **out_lead);
/** Frees a lead; NULL is a no-op. */
CRM_API void crm_lead_free(crm_lead *lead);
/** Sets a field as text; NULL or "" unsets it. The fields and their types:
 *  crm_record_field_count("lead", ...) and the functions beside it (source
 *  names a lead source, added when new; campaign a campaign, which must
 *  exist; status is "new", "contacted", "qualified" or "disqualified"). */
CRM_API crm_status crm_lead_set(crm_lead *lead, const char *field, const char *value);
/** Reads a field as text: every field crm_record_field_name() lists for
 *  "lead" with a type read as text; deleted_at is NULL while not deleted. */
CRM_API crm_status crm_lead_get_field(const crm_lead *lead, const char *field, const char **out_value);
/** Reads an integer: the "integer" and "reference" fields
 *  crm_record_field_name() lists for "lead", such as id, version and
 *  converted_account (0 when none).
 *  Deprecated for "id" and "version" (they keep working): use
 *  crm_lead_id() and crm_lead_version(). */
CRM_API crm_status crm_lead_get_int(const crm_lead *lead, const char *field, int64_t *out_value);
/** The row id (0 before it is stored). */
CRM_API crm_status crm_lead_id(const crm_lead *lead, int64_t *out_id);
/** The version; crm_lead_update() checks it against the stored one. */
CRM_API crm_status crm_lead_version(const crm_lead *lead, int64_t *out_version);
/** Number of tags. */
CRM_API crm_status crm_lead_tag_count(const crm_lead *lead, size_t *out_count);
/** Tag number index; borrowed until the record is changed or freed. */
CRM_API crm_status crm_lead_tag(const crm_lead *lead, size_t index, const char **out_tag);
/** Adds a tag. */
CRM_API crm_status crm_lead_add_tag(crm_lead *lead, const char *tag);
/** Removes every tag. */
CRM_API crm_status crm_lead_clear_tags(crm_lead *lead);
/** Sets the value of custom field name (see crm_custom_field_define()) as
 *  text in the form crm_custom_field_set_default() describes; NULL or ""
 *  removes it. The text is read as the field's type, and an unknown name
 *  reported, when the lead is created or updated (CRM_INVALID_ARGUMENT). */
CRM_API crm_status crm_lead_set_custom(crm_lead *lead, const char *name, const char *value);
/** The value of custom field name (ignoring case) as text in its canonical
 *  form ("12.5", "Gold", "1200.00 EUR", "true"); "" when the lead has none.
 *  Borrowed until the record is changed or freed. */
CRM_API crm_status crm_lead_get_custom(const crm_lead *lead, const char *name, const char **out_value);
/** Number of custom values the lead carries. */
CRM_API crm_status crm_lead_custom_count(const crm_lead *lead, size_t *out_count);
/** The field name of custom value number index (by name); borrowed until
 *  the record is changed or freed. */
CRM_API crm_status crm_lead_custom_name(const crm_lead *lead, size_t index, const char **out_name);
/** Stores a new lead. */
CRM_API crm_status crm_lead_create(crm_db *db, const crm_lead *data, crm_lead **out_created);
/** Reads a lead. */
CRM_API crm_status crm_lead_get(crm_db *db, int64_t id, crm_lead **out_lead);
/** Saves a lead if its version is current. */
CRM_API crm_status crm_lead_update(crm_db *db, const crm_lead *lead, crm_lead **out_updated);
/** Soft-deletes a lead. */
CRM_API crm_status crm_lead_remove(crm_db *db, int64_t id);
/** Undoes crm_lead_remove(). */
CRM_API crm_status crm_lead_restore(crm_db *db, int64_t id);
/** Deletes a lead for good. */
CRM_API crm_status crm_lead_purge(crm_db *db, int64_t id);
/** A cursor over leads (filters: owner, tag, country). */
CRM_API crm_status crm_lead_list(crm_db *db, const crm_query *query, crm_cursor **out_cursor);
/** How many leads match. */
CRM_API crm_status crm_lead_count(crm_db *db, const crm_query *query, int64_t *out_count);
/** A cursor over chosen columns of the leads of query (NULL: all live ones
 *  by name). columns is a comma-separated list of: id, first_name,
 *  last_name, company_name, email, phone (E.164), source and campaign
 *  (their names), job_title, industry, status, disqualified_reason,
 *  country, owner, external_ref, description, tags,
 *  converted_at, converted_account_id, converted_contact_id,
 *  converted_opportunity_id, created_at, updated_at, deleted_at, version;
 *  and custom fields of leads by name. An unknown column is
 *  CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_lead_select(crm_db *db, const char *columns, const crm_query *query,
                                   crm_cursor **out_cursor);
/** The live lead with this external_ref; NULL when none. */
CRM_API crm_status crm_lead_find_by_external_ref(crm_db *db, const char *external_ref, crm_lead **out_lead);
/** A cursor over live leads with this email, ignoring case. */
CRM_API crm_status crm_lead_find_by_email(crm_db *db, const char *email, crm_cursor **out_cursor);
/** A cursor over live leads with this phone number in any written form. */
CRM_API crm_status crm_lead_find_by_phone(crm_db *db, const char *phone, crm_cursor **out_cursor);
/** The lead at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_lead(const crm_cursor *cursor, const crm_lead **out_lead);
/** Converts a lead in one transaction. account_id / contact_id: existing
 *  records to use, or 0 to create them (from new_account / new_contact when
 *  not NULL, else from the lead: the account with its industry, the contact
 *  with its job title). opportunity (may be NULL): a deal to create for
 *  them. The records made take the lead's source and campaign when they
 *  name none. The out ids may be NULL; *out_opportunity_id is 0 without a
 *  deal. */
CRM_API crm_status crm_lead_convert(crm_db *db, int64_t lead_id, int64_t account_id, const crm_account *new_account,
                                    int64_t contact_id, const crm_contact *new_contact,
                                    const crm_opportunity *opportunity, int64_t *out_account_id,
                                    int64_t *out_contact_id, int64_t *out_opportunity_id);

/* ---- Activities, agenda, reminders, timelines, telephony ---------------- */

/** An activity (call, meeting, email, task, note, sms): data or a stored record. */
typedef struct crm_activity crm_activity;

/** An empty activity (a planned task) to fill and create. */
CRM_API crm_status crm_activity_new(crm_activity **out_activity);
/** Frees an activity; NULL is a no-op. */
CRM_API void crm_activity_free(crm_activity *activity);
/** Sets a field as text; NULL or "" unsets it. The fields and their types:
 *  crm_record_field_count("activity", ...) and the functions beside it
 *  (kind: "call", "meeting", "email", "task", "note", "sms"; status:
 *  "planned", "done", "cancelled"; direction: "inbound", "outbound", "").
 *  Also recurrence_unit ("day", "week", "month"; "" for no recurrence) and
 *  recurrence_calendar (country). */
CRM_API crm_status crm_activity_set(crm_activity *activity, const char *field, const char *value);
/** Reads a field as text: every field crm_record_field_name() lists for
 *  "activity" with a type read as text, and the two above; deleted_at is
 *  NULL while not deleted. */
CRM_API crm_status crm_activity_get_field(const crm_activity *activity, const char *field, const char **out_value);
/** Sets an integer field: the settable "integer" and "reference" fields
 *  crm_record_field_name() lists for "activity" (ids, 0 unsets), and
 *  recurrence_interval and recurrence_business_days (0/1). */
CRM_API crm_status crm_activity_set_int(crm_activity *activity, const char *field, int64_t value);
/** Reads an integer field: the "integer" and "reference" fields
 *  crm_record_field_name() lists for "activity" (id, version, previous, ...)
 *  and the two above.
 *  Deprecated for "id" and "version" (they keep working): use
 *  crm_activity_id() and crm_activity_version(). */
CRM_API crm_status crm_activity_get_int(const crm_activity *activity, const char *field, int64_t *out_value);
/** The row id (0 before it is stored). */
CRM_API crm_status crm_activity_id(const crm_activity *activity, int64_t *out_id);
/** The version; crm_activity_update() checks it against the stored one. */
CRM_API crm_status crm_activity_version(const crm_activity *activity, int64_t *out_version);
/** Sets the value of custom field name (see crm_custom_field_define()) as
 *  text in the form crm_custom_field_set_default() describes; NULL or ""
 *  removes it. The text is read as the field's type, and an unknown name
 *  reported, when the activity is created or updated (CRM_INVALID_ARGUMENT). */
CRM_API crm_status crm_activity_set_custom(crm_activity *activity, const char *name, const char *value);
/** The value of custom field name (ignoring case) as text in its canonical
 *  form ("12.5", "Gold", "1200.00 EUR", "true"); "" when the activity has none.
 *  Borrowed until the record is changed or freed. */
CRM_API crm_status crm_activity_get_custom(const crm_activity *activity, const char *name, const char **out_value);
/** Number of custom values the activity carries. */
CRM_API crm_status crm_activity_custom_count(const crm_activity *activity, size_t *out_count);
/** The field name of custom value number index (by name); borrowed until
 *  the record is changed or freed. */
CRM_API crm_status crm_activity_custom_name(const crm_activity *activity, size_t index, const char **out_name);
/** Stores a new activity. */
CRM_API crm_status crm_activity_create(crm_db *db, const crm_activity *data, crm_activity **out_created);
/** Reads an activity. */
CRM_API crm_status crm_activity_get(crm_db *db, int64_t id, crm_activity **out_activity);
/** Saves an activity if its version is current. */
CRM_API crm_status crm_activity_update(crm_db *db, const crm_activity *activity, crm_activity **out_updated);
/** Marks a planned activity done (completed_at NULL: now; outcome may be NULL)
 *  and, for a recurring task, creates the next occurrence (*out_next, NULL
 *  otherwise). Either out pointer may be NULL. */
CRM_API crm_status crm_activity_complete(crm_db *db, int64_t id, const char *outcome, const char *completed_at,
                                         crm_activity **out_completed, crm_activity **out_next);
/** Cancels a planned activity. */
CRM_API crm_status crm_activity_cancel(crm_db *db, int64_t id, crm_activity **out_activity);
/** Links an activity to a contact and the account the contact works for. */
CRM_API crm_status crm_activity_attach_to_contact(crm_db *db, int64_t id, int64_t contact_id,
                                                  crm_activity **out_activity);
/** Soft-deletes an activity; its reminder no longer fires. */
CRM_API crm_status crm_activity_remove(crm_db *db, int64_t id);
/** Undoes crm_activity_remove(). */
CRM_API crm_status crm_activity_restore(crm_db *db, int64_t id);
/** Deletes an activity for good. */
CRM_API crm_status crm_activity_purge(crm_db *db, int64_t id);
/** A cursor over activities (filters: owner; "account", "contact",
 *  "opportunity", "lead" and text "kind", "status"; name order is by subject). */
CRM_API crm_status crm_activity_list(crm_db *db, const crm_query *query, crm_cursor **out_cursor);
/** How many activities match. */
CRM_API crm_status crm_activity_count(crm_db *db, const crm_query *query, int64_t *out_count);
/** The live activity with this external_ref (the embedding system's key);
 *  NULL when none. */
CRM_API crm_status crm_activity_find_by_external_ref(crm_db *db, const char *external_ref,
                                                     crm_activity **out_activity);
/** The activity at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_activity(const crm_cursor *cursor, const crm_activity **out_activity);
/** A user's agenda in time_zone (IANA name, POSIX rule or "UTC"; NULL is
 *  UTC): cursors over the overdue activities, today's, and those from `from`
 *  to `to` (dates; both NULL for none). An IANA zone's days follow the rules
 *  it had on each day (the system's tzdata); a POSIX rule applies to every
 *  year. Any out pointer may be NULL. */
CRM_API crm_status crm_activity_agenda(crm_db *db, const char *owner, const char *time_zone, const char *from,
                                       const char *to, crm_cursor **out_overdue, crm_cursor **out_today,
                                       crm_cursor **out_upcoming);
/** A cursor over planned live activities whose reminder_at is in (since, at]
 *  (since NULL: everything up to at), earliest first. */
CRM_API crm_status crm_activity_reminders_due(crm_db *db, const char *at, const char *since,
                                              crm_cursor **out_cursor);

/** A cursor over an account's timeline, newest first (activities of the
 *  account and of its people while employed there, stage changes of its
 *  deals); include_deleted adds soft-deleted activities. */
CRM_API crm_status crm_timeline_account(crm_db *db, int64_t account_id, int include_deleted,
                                        crm_cursor **out_cursor);
/** A cursor over a contact's timeline, newest first. */
CRM_API crm_status crm_timeline_contact(crm_db *db, int64_t contact_id, int include_deleted,
                                        crm_cursor **out_cursor);
/** A cursor over a deal's timeline (activities and stage changes), newest first. */
CRM_API crm_status crm_timeline_opportunity(crm_db *db, int64_t opportunity_id, int include_deleted,
                                            crm_cursor **out_cursor);
/** A cursor over a lead's timeline, newest first. */
CRM_API crm_status crm_timeline_lead(crm_db *db, int64_t lead_id, int include_deleted, crm_cursor **out_cursor);
/** A cursor over the timeline of record record_id of kind ("account",
 *  "contact", "opportunity" or "lead"; an activity has none:
 *  CRM_INVALID_ARGUMENT) as crm_timeline_account() and its siblings give it,
 *  with the record's own logged changes among the events (see "Audit
 *  trail"): an entry that is a change has neither an activity nor a stage
 *  change; read its fields with crm_cursor_timeline_changes(). */
CRM_API crm_status crm_timeline_with_changes(crm_db *db, const char *kind, int64_t record_id, int include_deleted,
                                             crm_cursor **out_cursor);
/** The timeline entry at the cursor: an activity (*out_activity), a stage
 *  change (*out_change), or, only on a crm_timeline_with_changes() cursor, a
 *  logged change (both NULL); borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_timeline_entry(const crm_cursor *cursor, const crm_activity **out_activity,
                                             const crm_stage_change **out_change);
/** A new cursor over the fields of the logged change at the timeline cursor,
 *  read by crm_audit_column (no rows for an activity or a stage change); free
 *  it with crm_cursor_free(). */
CRM_API crm_status crm_cursor_timeline_changes(const crm_cursor *cursor, crm_cursor **out_fields);

/** Records a call a telephone system reports. `call` describes it: phone
 *  (the other party's number, required), direction (required), starts_at
 *  (NULL: now), duration_seconds, owner, subject, outcome, body (the notes).
 *  The contact with that number (any written form) and its current account
 *  are found and linked; an unknown number is recorded as it is. Out
 *  pointers may be NULL; the ids are 0 when nobody was found. */
CRM_API crm_status crm_telephony_record_call(crm_db *db, const crm_activity *call, crm_activity **out_activity,
                                             int64_t *out_contact_id, int64_t *out_account_id);
/** Links every recorded call without a contact whose number is one of the
 *  contact's to that contact; a cursor over them. */
CRM_API crm_status crm_telephony_attach_unmatched(crm_db *db, int64_t contact_id, crm_cursor **out_cursor);

/* ---- Business-day calendars -------------------------------------------- */

/** Adds (or renames) a holiday of a country on a date ("YYYY-MM-DD"). */
CRM_API crm_status crm_calendar_add_holiday(crm_db *db, const char *country, const char *day, const char *name);
/** Removes a holiday; CRM_NOT_FOUND when there is none that day. */
CRM_API crm_status crm_calendar_remove_holiday(crm_db *db, const char *country, const char *day);
/** A cursor over a country's holidays from `from` to `to` inclusive. */
CRM_API crm_status crm_calendar_holidays(crm_db *db, const char *country, const char *from, const char *to,
                                         crm_cursor **out_cursor);
/** The holiday at the cursor; strings borrowed until the next call on it. */
CRM_API crm_status crm_cursor_holiday(const crm_cursor *cursor, const char **out_day, const char **out_name);
/** Sets a country's weekend as a bit mask: bit 0 Sunday ... bit 6 Saturday. */
CRM_API crm_status crm_calendar_set_weekend(crm_db *db, const char *country, int weekday_mask);
/** A country's weekend as a bit mask (default Saturday and Sunday: 65). */
CRM_API crm_status crm_calendar_weekend(crm_db *db, const char *country, int *out_weekday_mask);
/** 1 when day is a business day of the country, else 0. */
CRM_API crm_status crm_calendar_is_business_day(crm_db *db, const char *country, const char *day,
                                                int *out_is_business_day);
/** The date `days` business days after `from` (before when negative);
 *  free *out_day with crm_free(). */
CRM_API crm_status crm_calendar_add_business_days(crm_db *db, const char *country, const char *from, int days,
                                                  char **out_day);

/* ---- Record fields ------------------------------------------------------ */

/** The built-in fields of each record kind ("account", "contact", "lead",
 *  "opportunity", "activity"), from the library's one description of every
 *  kind, in export order. A field's type decides how C reaches it:
 *   - "text", "date" (YYYY-MM-DD), "instant" (UTC ISO-8601), "birthday"
 *     ("YYYY-MM-DD" or "--MM-DD"), "enumeration" (one of its names), "money"
 *     ("1234.50 EUR"), "integer", "duration" (whole seconds), "percent"
 *     (0..100, "" for none), "reference" (the id of another record),
 *     "boolean" ("1"/"0"): read with crm_<kind>_get_field() and, unless
 *     CRM_FIELD_READ_ONLY, set with crm_<kind>_set() as text; NULL or ""
 *     gives the value a new record has. "integer", "duration", "percent"
 *     (-1 for none), "reference" (0 for none) and "boolean" are also read
 *     and set as int64_t with crm_<kind>_get_int()/_set_int() where the
 *     kind has them; an optional integer reads -1 for none.
 *   - "emails", "phones", "consents", "tags", "deal_contacts" (a deal's
 *     further contacts), "line_items", "recurrence" (set and read as
 *     recurrence_unit, recurrence_interval, recurrence_business_days and
 *     recurrence_calendar), "custom" (crm_<kind>_set_custom()) and "address"
 *     (the whole address; its parts are fields of their own): through the
 *     kind's own functions.
 *  The index runs from 0 to the count; strings are static (valid while the
 *  library is loaded). A record_kind that is not one of the five is
 *  CRM_INVALID_ARGUMENT (field "record_kind"), an index past the fields
 *  CRM_NOT_FOUND. */

/** Role bits of crm_record_field_roles(); values never change. */
#define CRM_FIELD_FILTER 0x1u     /**< named by the segment language (crm_segment_*, crm_query_set_where()) */
#define CRM_FIELD_SORT 0x2u       /**< crm_query_set_sort_field() accepts it */
#define CRM_FIELD_SELECT 0x4u     /**< a column of the kind's select */
#define CRM_FIELD_CSV_READ 0x8u   /**< read by CSV import */
#define CRM_FIELD_CSV_WRITE 0x10u /**< written by CSV export */
#define CRM_FIELD_MERGE_CHOOSE 0x20u /**< merging duplicates takes one side's value (crm_merge_options_take()) */
#define CRM_FIELD_PERSONAL 0x40u  /**< personal data of a person (privacy export and erasure) */
#define CRM_FIELD_AUDITED 0x80u   /**< a change of it is a change of the record */
#define CRM_FIELD_READ_ONLY 0x100u /**< maintained by the library; callers cannot set it */
#define CRM_FIELD_MERGE_UNITE 0x200u /**< merging duplicates keeps both sides' values (emails, tags, ...) */
#define CRM_FIELD_KEY 0x400u      /**< identifies the record (id, external_ref) */

/** The number of built-in fields of record_kind. */
CRM_API crm_status crm_record_field_count(const char *record_kind, size_t *out_count);
/** The name of field number index, as crm_<kind>_set() and _get_field() take it. */
CRM_API crm_status crm_record_field_name(const char *record_kind, size_t index, const char **out_name);
/** The type of field number index ("text", "date", ...; see above). */
CRM_API crm_status crm_record_field_type(const char *record_kind, size_t index, const char **out_type);
/** One line describing field number index, for people. */
CRM_API crm_status crm_record_field_doc(const char *record_kind, size_t index, const char **out_doc);
/** The CRM_FIELD_* bits of field number index. */
CRM_API crm_status crm_record_field_roles(const char *record_kind, size_t index, uint32_t *out_roles);

/* ---- Custom fields ------------------------------------------------------ */

/** A custom field: a field an administrator adds at run time to one kind of
 *  record ("account", "contact", "lead", "opportunity" or "activity", the
 *  record_kind arguments below). Data to define, or a stored definition.
 *  Types, named as text: "text", "integer", "decimal" (exact, such as
 *  "12.50"), "money" ("1200.00 EUR"), "date" ("YYYY-MM-DD"), "boolean"
 *  ("true"/"false"/"yes"/"no"/"1"/"0"), "choice" (one of the field's
 *  choices, ignoring case) and "choices" (any of them, separated by ";").
 *  Records carry values as text: crm_<record>_set_custom() and
 *  crm_<record>_get_custom(); a money value reads as "1200.00 EUR", which
 *  crm_money_parse() turns into minor units and the currency (a select
 *  gives them at once: crm_cursor_money()). */
typedef struct crm_custom_field crm_custom_field;

/** A new field definition to fill and pass to crm_custom_field_define().
 *  name: letters, digits and "_", starting with a letter, at most 64
 *  characters; type: one of the names above (else CRM_INVALID_ARGUMENT
 *  naming custom_field.name or custom_field.type, and *out_field is NULL).
 *  Whether the name is a built-in field of the record kind is checked by
 *  crm_custom_field_define(). */
CRM_API crm_status crm_custom_field_new(const char *name, const char *type, crm_custom_field **out_field);
/** Frees a field; NULL is a no-op. */
CRM_API void crm_custom_field_free(crm_custom_field *field);
/** Renames the field (stored by crm_custom_field_update(); values stay). A
 *  name without the shape crm_custom_field_new() asks for fails with
 *  CRM_INVALID_ARGUMENT naming custom_field.name, and the name stays. */
CRM_API crm_status crm_custom_field_set_name(crm_custom_field *field, const char *name);
/** Adds a choice to a "choice" or "choices" field. */
CRM_API crm_status crm_custom_field_add_choice(crm_custom_field *field, const char *choice);
/** Removes every choice (a choice still used by records cannot be dropped
 *  from a stored field: CRM_CONFLICT on update). */
CRM_API crm_status crm_custom_field_clear_choices(crm_custom_field *field);
/** Non-zero: records must have a value (the default fills it in on create). */
CRM_API crm_status crm_custom_field_set_required(crm_custom_field *field, int required);
/** Non-zero: keep an index on the values, for fast filtering. */
CRM_API crm_status crm_custom_field_set_indexed(crm_custom_field *field, int indexed);
/** The value new records without one get, as text read as the field's type
 *  (CRM_INVALID_ARGUMENT when it does not read); NULL or "" for none. */
CRM_API crm_status crm_custom_field_set_default(crm_custom_field *field, const char *value);
/** Its id (0 before it is defined). */
CRM_API crm_status crm_custom_field_id(const crm_custom_field *field, int64_t *out_id);
/** Its name; borrowed until the field is changed or freed. */
CRM_API crm_status crm_custom_field_name(const crm_custom_field *field, const char **out_name);
/** Its type ("integer", ...); borrowed until the field is freed. */
CRM_API crm_status crm_custom_field_type(const crm_custom_field *field, const char **out_type);
/** The kind of record that carries it ("contact", ...; "" before it is
 *  defined); borrowed until the field is freed. */
CRM_API crm_status crm_custom_field_record_kind(const crm_custom_field *field, const char **out_kind);
/** 1-based position among the fields of its kind (0 before it is defined). */
CRM_API crm_status crm_custom_field_position(const crm_custom_field *field, int *out_position);
/** Number of choices. */
CRM_API crm_status crm_custom_field_choice_count(const crm_custom_field *field, size_t *out_count);
/** Choice number index; borrowed until the field is changed or freed. */
CRM_API crm_status crm_custom_field_choice(const crm_custom_field *field, size_t index, const char **out_choice);
/** 1 when records must have a value, else 0. */
CRM_API crm_status crm_custom_field_required(const crm_custom_field *field, int *out_required);
/** 1 when the values are indexed, else 0. */
CRM_API crm_status crm_custom_field_indexed(const crm_custom_field *field, int *out_indexed);
/** The default value as text in canonical form, "" when none; borrowed until
 *  the field is changed or freed. */
CRM_API crm_status crm_custom_field_default(const crm_custom_field *field, const char **out_value);
/** When it was defined (UTC instant; "" before); borrowed until the field is
 *  freed. */
CRM_API crm_status crm_custom_field_created_at(const crm_custom_field *field, const char **out_instant);

/** Defines field on records of record_kind. CRM_INVALID_ARGUMENT for a bad
 *  name, choices or default; CRM_ALREADY_EXISTS for a name in use (ignoring
 *  case). Records stored before get no value. *out_created may be NULL. */
CRM_API crm_status crm_custom_field_define(crm_db *db, const char *record_kind, const crm_custom_field *field,
                                           crm_custom_field **out_created);
/** The field with this id; CRM_NOT_FOUND if none. */
CRM_API crm_status crm_custom_field_get(crm_db *db, int64_t id, crm_custom_field **out_field);
/** The field of record_kind named name (ignoring case); *out_field NULL
 *  (and CRM_OK) when none. */
CRM_API crm_status crm_custom_field_find(crm_db *db, const char *record_kind, const char *name,
                                         crm_custom_field **out_field);
/** A cursor over the fields of record_kind in order. */
CRM_API crm_status crm_custom_field_list(crm_db *db, const char *record_kind, crm_cursor **out_cursor);
/** The field at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_custom_field(const crm_cursor *cursor, const crm_custom_field **out_field);
/** Saves a stored field's name, choices, required flag, default and index
 *  (its type and kind cannot change: CRM_INVALID_ARGUMENT). Values stay.
 *  *out_updated may be NULL. */
CRM_API crm_status crm_custom_field_update(crm_db *db, const crm_custom_field *field,
                                           crm_custom_field **out_updated);
/** Removes the field and its values from every record of its kind. */
CRM_API crm_status crm_custom_field_remove(crm_db *db, int64_t id);

/** Reads text as a value of a custom field type (type_name: one of the type
 *  names above) and gives it back in canonical form, the form
 *  crm_<record>_get_custom() returns ("decimal", "012.50" -> "12.5";
 *  "boolean", "yes" -> "true"). CRM_INVALID_ARGUMENT for an unknown type or
 *  text that does not read as the type, with the reason in
 *  crm_last_error(). Free *out_text with crm_free(). */
CRM_API crm_status crm_custom_value_normalize(const char *type_name, const char *text, char **out_text);

/* ---- Filters and saved segments ----------------------------------------- */

/*
 * Filters are text in the segment language, for example:
 *
 *   industry = "Retail" and country in ("LV", "LT")
 *   birthday within next 7 days
 *   account.industry = "Retail" and not has activity(kind = call and start >= today - 90 days)
 *   has opportunity(stage = "Won" and closed >= 2025-01-01) and tagged "vip"
 *   amount >= 10000 EUR and expected_close in this quarter
 *   last_name ~ "berzina"
 *   activity_count(kind = call, since today - 90 days) >= 3
 *
 * Words of the language (and, or, not, in, ...) ignore case; text literals
 * are in double or single quotes with \", \' and \\ as escapes; "--" starts
 * a comment to the end of the line. Fields are those of the record kind
 * (record_kind, named as for custom fields: "account", "contact", "lead",
 * "opportunity", "activity"), its custom fields by name, and a few
 * aggregates (won_revenue, open_pipeline, last_activity_at). "today" is the
 * database clock's UTC date.
 *
 * Errors in a filter: text that does not parse, an unknown field and a value
 * that does not fit its field are CRM_PARSE_ERROR. crm_last_error()->line
 * and ->column then give the 1-based position in the filter text of the
 * token at fault (columns count characters, not bytes); the message says
 * "line L, column C: " and what was expected or, for an unknown name, the
 * nearest valid one ("did you mean 'industry'?"). For a list, count or
 * select the position is in the text given to crm_query_set_where(), or in
 * the saved filter of the segment given to crm_query_set_segment() (the
 * message then starts "segment '<name>': "). Filter text that is not valid
 * UTF-8 is CRM_INVALID_ARGUMENT.
 */

/** Parses filter and gives back its canonical text (keywords lower case,
 *  text in double quotes, numbers and dates in canonical form), which
 *  parses back to the same filter. Only the syntax is checked, not field
 *  names (see crm_filter_check()). Free *out_text with crm_free(); it is
 *  NULL on failure. Needs no database: safe on any thread. */
CRM_API crm_status crm_filter_normalize(const char *filter, char **out_text);
/** Checks that filter runs on records of record_kind in this database: it
 *  parses, its fields exist and its values fit their types. CRM_OK when it
 *  does, else CRM_PARSE_ERROR with line, column and the nearest valid names;
 *  an unknown record_kind is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_filter_check(crm_db *db, const char *record_kind, const char *filter);
/** How many live records of record_kind filter selects now (checked as by
 *  crm_filter_check()). *out_count is left unchanged on failure. */
CRM_API crm_status crm_filter_count(crm_db *db, const char *record_kind, const char *filter, int64_t *out_count);

/** A saved segment of accounts, contacts, leads or opportunities, read-only:
 *  either dynamic (a filter, evaluated on each read, so that its members
 *  come and go as records change) or a static list (members added and
 *  removed by hand, or frozen from another segment). Members are always
 *  live (not soft-deleted) records of the segment's record kind. Names are
 *  unique per record kind, ignoring case and diacritics. To list members as
 *  records, pass the segment to crm_query_set_segment() and list them with
 *  crm_<record>_list(). */
typedef struct crm_segment crm_segment;

/** Whether a segment is a filter or a list of members. */
typedef enum crm_segment_kind {
  CRM_SEGMENT_DYNAMIC = 0, /**< a filter, evaluated on each read */
  CRM_SEGMENT_LIST = 1     /**< a static list of members */
} crm_segment_kind;

/** Frees a segment; NULL is a no-op. */
CRM_API void crm_segment_free(crm_segment *segment);
/** Its id. */
CRM_API crm_status crm_segment_id(const crm_segment *segment, int64_t *out_id);
/** The kind of records it holds ("account", "contact", "lead",
 *  "opportunity"); borrowed until the segment is freed. */
CRM_API crm_status crm_segment_record_kind(const crm_segment *segment, const char **out_kind);
/** Its name; borrowed until the segment is freed. */
CRM_API crm_status crm_segment_name(const crm_segment *segment, const char **out_name);
/** Dynamic or list. */
CRM_API crm_status crm_segment_get_kind(const crm_segment *segment, crm_segment_kind *out_kind);
/** A dynamic segment's filter as saved (canonical text, see
 *  crm_filter_normalize()); "" for a list. Borrowed until the segment is
 *  freed. */
CRM_API crm_status crm_segment_filter(const crm_segment *segment, const char **out_filter);
/** Its version, incremented by every change (rename, new filter, members
 *  added or removed). */
CRM_API crm_status crm_segment_version(const crm_segment *segment, int64_t *out_version);
/** When it was created (UTC instant); borrowed until the segment is freed. */
CRM_API crm_status crm_segment_created_at(const crm_segment *segment, const char **out_instant);
/** When it last changed (UTC instant); borrowed until the segment is freed. */
CRM_API crm_status crm_segment_updated_at(const crm_segment *segment, const char **out_instant);

/** Saves a dynamic segment of record_kind ("account", "contact", "lead" or
 *  "opportunity"; "activity" and unknown kinds are CRM_INVALID_ARGUMENT)
 *  called name, selecting what filter selects. The filter is checked first
 *  as by crm_filter_check() (CRM_PARSE_ERROR). An empty name is
 *  CRM_INVALID_ARGUMENT, a name in use for the kind CRM_ALREADY_EXISTS.
 *  *out_segment (NULL to skip) receives the saved segment, to free with
 *  crm_segment_free(); it is NULL on failure. */
CRM_API crm_status crm_segment_create(crm_db *db, const char *record_kind, const char *name, const char *filter,
                                      crm_segment **out_segment);
/** Saves an empty static list of record_kind called name (errors as
 *  crm_segment_create()); *out_segment may be NULL. */
CRM_API crm_status crm_segment_create_list(crm_db *db, const char *record_kind, const char *name,
                                           crm_segment **out_segment);
/** Saves a new static list called name holding the current members of
 *  segment id (dynamic or list), of the same record kind. Later changes to
 *  records or to segment id do not change the new list. CRM_NOT_FOUND when
 *  id does not exist. *out_list may be NULL. */
CRM_API crm_status crm_segment_freeze(crm_db *db, int64_t id, const char *name, crm_segment **out_list);
/** The segment with this id; CRM_NOT_FOUND if none. */
CRM_API crm_status crm_segment_get(crm_db *db, int64_t id, crm_segment **out_segment);
/** The segment of record_kind called name (ignoring case and diacritics);
 *  *out_segment NULL (and CRM_OK) when none. */
CRM_API crm_status crm_segment_find(crm_db *db, const char *record_kind, const char *name,
                                    crm_segment **out_segment);
/** A cursor over the segments of record_kind (NULL or "" for every kind),
 *  by record kind and name; read them with crm_cursor_segment(). */
CRM_API crm_status crm_segment_list(crm_db *db, const char *record_kind, crm_cursor **out_cursor);
/** The segment at the cursor; borrowed until the next call on the cursor.
 *  CRM_MISUSE for a cursor over something else or not on a row. */
CRM_API crm_status crm_cursor_segment(const crm_cursor *cursor, const crm_segment **out_segment);
/** Renames a segment (errors as crm_segment_create()); *out_segment (NULL
 *  to skip) receives it with its new version. */
CRM_API crm_status crm_segment_rename(crm_db *db, int64_t id, const char *name, crm_segment **out_segment);
/** Replaces a dynamic segment's filter (checked first: CRM_PARSE_ERROR);
 *  CRM_INVALID_ARGUMENT for a static list. *out_segment may be NULL. */
CRM_API crm_status crm_segment_set_filter(crm_db *db, int64_t id, const char *filter, crm_segment **out_segment);
/** Removes a segment (a list's memberships with it); the records stay.
 *  CRM_NOT_FOUND when it does not exist. */
CRM_API crm_status crm_segment_remove(crm_db *db, int64_t id);
/** Adds count records (ids of live records of the list's kind) to static
 *  list id in one transaction; ids already in it stay once. record_ids may
 *  be NULL only when count is 0. CRM_NOT_FOUND naming the first id that is
 *  not a live record of the list's kind, CRM_INVALID_ARGUMENT for a dynamic
 *  segment; nothing is added then. The ids are copied. */
CRM_API crm_status crm_segment_add_members(crm_db *db, int64_t id, const int64_t *record_ids, size_t count);
/** Removes count records from static list id (ids not in it are ignored);
 *  CRM_INVALID_ARGUMENT for a dynamic segment. */
CRM_API crm_status crm_segment_remove_members(crm_db *db, int64_t id, const int64_t *record_ids, size_t count);
/** How many live records are members of segment id now. */
CRM_API crm_status crm_segment_count(crm_db *db, int64_t id, int64_t *out_count);
/** *out_contains is 1 when record_id is a live member of segment id now,
 *  else 0. */
CRM_API crm_status crm_segment_contains(crm_db *db, int64_t id, int64_t record_id, int *out_contains);
/** A cursor over the record ids of segment id's members in query's order
 *  (NULL: by name), its filters applying too (crm_query_set_where(),
 *  owner, tag, ...; its segment is replaced by id). Pages are fetched as
 *  the cursor advances (crm_query_set_page_size()). Read each id with
 *  crm_cursor_segment_member(). CRM_NOT_FOUND when id does not exist; a
 *  filter set with crm_query_set_filter() is CRM_INVALID_ARGUMENT. Errors
 *  in the query's where text or sort field come from the first
 *  crm_cursor_next(). */
CRM_API crm_status crm_segment_members(crm_db *db, int64_t id, const crm_query *query, crm_cursor **out_cursor);
/** The member's record id at a crm_segment_members() cursor. CRM_MISUSE
 *  for a cursor over something else or not on a row. */
CRM_API crm_status crm_cursor_segment_member(const crm_cursor *cursor, int64_t *out_record_id);
/** A cursor over chosen columns of segment id's members, for export:
 *  columns as crm_<record>_select() of the segment's record kind takes
 *  them, custom fields by name; read with crm_cursor_column() and the
 *  crm_cursor_* cell readers. query (NULL: by name) orders and filters as
 *  for crm_segment_members(). The first page is read by this call, so that
 *  an unknown column (CRM_INVALID_ARGUMENT), a missing segment
 *  (CRM_NOT_FOUND) and errors in the query's where text (CRM_PARSE_ERROR)
 *  are reported here; *out_cursor is NULL then. */
CRM_API crm_status crm_segment_select(crm_db *db, int64_t id, const char *columns, const crm_query *query,
                                      crm_cursor **out_cursor);

/* ---- Exporting to CSV and JSON -------------------------------------------
 * Writes the records of one kind, or a segment's members, to a CSV or JSON
 * file, page by page from one consistent snapshot. CSV: UTF-8, CRLF line
 * ends, a header row of column names (the kind's columns, then one per
 * custom field by its name), one row per record, cells in the forms the
 * import reads back ("2025-03-07", "2025-01-02T10:00:00Z", amount "1234.50"
 * beside currency "EUR", lists "a; b"); links to other records as their
 * external_ref and name (account_ref, account, ...). JSON: an array of
 * objects with the same keys; unset fields left out; money as decimal
 * strings, never JSON numbers; custom values under "custom". Deal line items
 * are not exported. */

/** Deprecated (keeps working): set the delimiter on crm_export_options
 *  with crm_export_options_set_delimiter() and call crm_export_to_file_v2().
 *  Only for crm_export_to_file(): the CSV delimiter, ',' (the default), ';'
 *  or '\t'; any other is CRM_INVALID_ARGUMENT and the query keeps its
 *  delimiter. Lists and crm_export_to_file_v2() ignore it. */
CRM_API crm_status crm_query_set_csv_delimiter(crm_query *query, char delimiter);

/** Writes the records of record_kind ("account", "contact", "lead",
 *  "opportunity" or "activity") that query selects (NULL: every live
 *  record) to the file at path in format ("csv" or "json"). The query's
 *  where text, segment (of the same record kind, else CRM_INVALID_ARGUMENT),
 *  owner, tag, country, deleted filter and order apply; its page size and
 *  offset do not, and a filter set with crm_query_set_filter() is
 *  CRM_INVALID_ARGUMENT. The file is written under a temporary name beside
 *  path and renamed over path only when complete, so path never holds half
 *  an export; on failure it is left as it was. *out_rows (NULL to skip)
 *  receives the records written. Errors: an unknown kind or format
 *  CRM_INVALID_ARGUMENT; where text CRM_PARSE_ERROR with line and column; a
 *  missing directory CRM_NOT_FOUND; one that cannot be written
 *  CRM_PERMISSION_DENIED; other write failures CRM_IO. */
CRM_API crm_status crm_export_to_file(crm_db *db, const char *record_kind, const char *format,
                                      const crm_query *query, const char *path, int64_t *out_rows);

/** How an export is written, apart from which records (the query): the
 *  file format, the CSV delimiter and whether formulas are escaped. */
typedef struct crm_export_options crm_export_options;

/** Options for crm_export_to_file_v2(): CSV with ',' and formulas escaped
 *  until set otherwise. */
CRM_API crm_status crm_export_options_new(crm_export_options **out_options);
/** Frees export options; NULL is a no-op. */
CRM_API void crm_export_options_free(crm_export_options *options);
/** The file format, "csv" or "json"; any other is CRM_INVALID_ARGUMENT and
 *  the options keep their format. */
CRM_API crm_status crm_export_options_set_format(crm_export_options *options, const char *format);
/** The CSV delimiter, ',', ';' or '\t'; any other is CRM_INVALID_ARGUMENT
 *  and the options keep their delimiter. JSON ignores it. */
CRM_API crm_status crm_export_options_set_delimiter(crm_export_options *options, char delimiter);
/** CSV only: escape (non-zero, the default) or keep (0) cells a spreadsheet
 *  would run as a formula (OWASP "CSV injection"). Escaped, a cell that
 *  begins with '=', '+', '-', '@', a tab or a carriage return (or with "'"
 *  before one of them) is written with a "'" before it; cells that are only
 *  a number or phone number ("-5.00", "+371 26 123 456") are written as
 *  they are. The import drops that quote, so an export reads back exactly.
 *  Keep them (0) only for programs that read the file as data. JSON is never
 *  escaped. */
CRM_API crm_status crm_export_options_set_escape_formulas(crm_export_options *options, int escape);
/** crm_export_to_file() with the format, delimiter and formula escaping
 *  taken from options (NULL: CSV with ',', formulas escaped), not from the query: the records of record_kind
 *  that query selects (NULL: every live record) to the file at path, with
 *  the same filters, atomic replacement and errors. */
CRM_API crm_status crm_export_to_file_v2(crm_db *db, const char *record_kind, const crm_query *query,
                                         const crm_export_options *options, const char *path, int64_t *out_rows);

/* ---- Importing CSV files ------------------------------------------------
 * Imports accounts, contacts, leads, opportunities or activities from CSV
 * text (spreadsheets, ERP, 1C and Excel exports) in one streaming pass: the
 * file is never held in memory. The first line names the columns; they map
 * to fields by name (the column names of crm_export_to_file(), the
 * library's field names and common English headers such as "First Name",
 * "E-mail", "Mobile Phone", "Company"), or as crm_import_options_map_column()
 * says, custom fields included. Each row is written whole or not at all;
 * rows that fail are reported with their line, column and message while the
 * others are written, committed every batch of rows (or none of them with
 * crm_import_options_set_all_or_nothing(), or in a dry run). */

/** How to import: the record kind plus optional settings, made by
 *  crm_import_options_new() and freed with crm_import_options_free(). */
typedef struct crm_import_options crm_import_options;
/** What an import did; freed with crm_import_result_free(). */
typedef struct crm_import_result crm_import_result;

/** Called after every batch of rows with the rows read so far, the bytes
 *  read and the input's size (0 when unknown), the rows written (inserted or
 *  updated) and the rows refused. Return 0 to go on; any other value stops
 *  the import after that batch, and crm_import_result_outcome() passes it
 *  back. Runs on the thread that called the import, which holds db: the
 *  callback must not use it. A call on db from the callback fails with
 *  CRM_INVALID_ARGUMENT, its message naming this rule, crm_db_close(db)
 *  there does nothing, and crm_db_free(db) there frees db once the import
 *  returns (its result is still returned; db must not be used after it). */
typedef int (*crm_import_progress_fn)(int64_t rows, int64_t bytes, int64_t total_bytes, int64_t imported,
                                      int64_t failed, void *user_data);

/** New options for importing records of record_kind ("account", "contact",
 *  "lead", "opportunity", "activity"): UTF-8, delimiter detected, insert
 *  mode, duplicates of stored accounts and contacts reported, 2000 rows per
 *  transaction. */
CRM_API crm_status crm_import_options_new(const char *record_kind, crm_import_options **out_options);
/** Frees options; NULL is a no-op. */
CRM_API void crm_import_options_free(crm_import_options *options);
/** The file's encoding: "UTF-8" (with or without BOM; the default),
 *  "WINDOWS-1257" (Baltic), "WINDOWS-1251" (Cyrillic) or any name iconv
 *  knows; an unknown name fails when the import starts. */
CRM_API crm_status crm_import_options_set_encoding(crm_import_options *options, const char *encoding);
/** ',', ';' or '\t'; 0 (the default) detects it from the header line. */
CRM_API crm_status crm_import_options_set_delimiter(crm_import_options *options, char delimiter);
/** Maps the file's header (as written) to column: a column or custom field
 *  name, or "" to ignore the header. Unmapped headers map by name. */
CRM_API crm_status crm_import_options_map_column(crm_import_options *options, const char *header,
                                                 const char *column);
/** mode "insert" (the default) or "upsert": a row whose key finds one
 *  stored record updates it with its non-empty cells. key (NULL: unchanged,
 *  initially "external_ref"): "external_ref", "email", "phone" or
 *  "registration_number" (accounts). */
CRM_API crm_status crm_import_options_set_mode(crm_import_options *options, const char *mode, const char *key);
/** For rows that look like stored accounts or contacts: "ignore", "report"
 *  (the default: insert and list), "skip" or "merge" (update the stored
 *  record with the row's non-empty cells). */
CRM_API crm_status crm_import_options_set_on_duplicate(crm_import_options *options, const char *action);
/** Non-zero (the default): an owner cell naming no user adds an active user
 *  with that login (listed by crm_import_result_user_created()); zero: such a
 *  cell is refused like any bad value. An inactive user's cells are refused
 *  either way. */
CRM_API crm_status crm_import_options_set_create_owners(crm_import_options *options, int create_owners);
/** Non-zero: check everything (links and unique keys included), write nothing. */
CRM_API crm_status crm_import_options_set_dry_run(crm_import_options *options, int dry_run);
/** Non-zero: write nothing when any row fails or the import is stopped. */
CRM_API crm_status crm_import_options_set_all_or_nothing(crm_import_options *options, int all_or_nothing);
/** Rows per transaction, 1 to 100000 (default 2000). */
CRM_API crm_status crm_import_options_set_batch_rows(crm_import_options *options, size_t rows);
/** The progress callback (NULL: none) and the user_data passed to it. The
 *  options keep user_data; free_user_data (may be NULL) is called with it
 *  once they no longer do: when the options are freed or another callback
 *  is set. */
CRM_API crm_status crm_import_options_set_progress(crm_import_options *options, crm_import_progress_fn progress,
                                                   void *user_data, void (*free_user_data)(void *user_data));

/** Cells of header (as written in the file) equal to from, ignoring case and
 *  the white space around them, are read as to ("Closed Won" -> "Won": an
 *  old CRM's picklist values onto the library's); to "" reads them as
 *  empty. Other cells are read as written; a later call for the same header
 *  and from replaces the earlier. A header the file lacks makes the import
 *  fail with CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_import_options_map_value(crm_import_options *options, const char *header, const char *from,
                                                const char *to);
/** Makes column's cells from a template of other cells of each row, for a
 *  file that lacks the column: "{Header}" is that header's cell (trimmed),
 *  "{#line}" the line the row starts on, the rest literal text
 *  ("{product} — {account}" for a deal's name; "task" alone is the same for
 *  every row). The text between a blank cell and the cell before it is
 *  dropped; the column is blank when every named cell is. A later call for
 *  the same column replaces the earlier. A template naming a header the
 *  file lacks or with a "{" not closed, and an unknown column, make the
 *  import fail with CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_import_options_compose(crm_import_options *options, const char *column,
                                              const char *template_text);
/** What a cell that cannot be read or stored does to its row: "strict"
 *  (the default: the row is refused) or "lenient" (a bad optional cell is
 *  left out and listed as a warning, crm_import_result_warning(); a
 *  contact's phone that cannot be read is kept as written, flagged, see
 *  crm_contact_phone_unreadable(); required cells such as a name or the
 *  upsert key still refuse the row). */
CRM_API crm_status crm_import_options_set_policy(crm_import_options *options, const char *policy);
/** How dates with slashes and the year last ("7/3/2025") are read:
 *  "detect" (the default: per column over the whole file, from a date only
 *  one order can read, such as "13/3/2025"; a column of only ambiguous
 *  dates refuses them), "day_first" or "month_first". */
CRM_API crm_status crm_import_options_set_date_order(crm_import_options *options, const char *order);

/** Imports the CSV file at path. Problems with the import as a whole fail
 *  the call: CRM_NOT_FOUND for a missing file, CRM_INVALID_ARGUMENT for an
 *  unknown encoding or column, an empty file, bytes that are not in the
 *  named encoding, or a key the kind lacks (rows of finished batches stay
 *  written). Problems with rows do not: read them from *out_result, which
 *  the caller frees with crm_import_result_free() (NULL on failure). */
CRM_API crm_status crm_import_file(crm_db *db, const char *path, const crm_import_options *options,
                                   crm_import_result **out_result);
/** Imports size bytes of CSV text (copied first), otherwise as crm_import_file(). */
CRM_API crm_status crm_import_text(crm_db *db, const char *text, size_t size, const crm_import_options *options,
                                   crm_import_result **out_result);
/** Frees a result; NULL is a no-op. */
CRM_API void crm_import_result_free(crm_import_result *result);
/** The rows read, inserted, updated, skipped as duplicates and refused; any
 *  out pointer may be NULL. In a dry run or a rolled-back import, inserted
 *  and updated count what would have been written. */
CRM_API crm_status crm_import_result_counts(const crm_import_result *result, int64_t *out_rows,
                                            int64_t *out_inserted, int64_t *out_updated, int64_t *out_skipped,
                                            int64_t *out_failed);
/** *out_unchanged: rows whose stored record already held their data
 *  (upsert, merge), so nothing was written for them. */
CRM_API crm_status crm_import_result_unchanged(const crm_import_result *result, int64_t *out_unchanged);
/** *out_committed: 1 when the written rows are in the database (0 for a dry
 *  run and a failed or stopped all-or-nothing import); *out_stop_value: what
 *  the progress callback returned to stop the import, 0 when it ran to the
 *  end. Either pointer may be NULL. */
CRM_API crm_status crm_import_result_outcome(const crm_import_result *result, int *out_committed,
                                             int *out_stop_value);
/** How many refused rows are listed (the first 1000). */
CRM_API crm_status crm_import_result_error_count(const crm_import_result *result, size_t *out_count);
/** Refused row index: its 1-based line, the header of the offending cell
 *  ("" for the whole row) and the message; strings valid until the result
 *  is freed; any out pointer may be NULL. */
CRM_API crm_status crm_import_result_error(const crm_import_result *result, size_t index, int64_t *out_line,
                                           const char **out_column, const char **out_message);
/** *out_count: how many warnings are listed (the first 1000);
 *  *out_total: how many cells were left out of imported rows in all
 *  (policy "lenient"). Either pointer may be NULL. */
CRM_API crm_status crm_import_result_warnings(const crm_import_result *result, size_t *out_count,
                                              int64_t *out_total);
/** Warning index: the line of the row, the header of the cell left out and
 *  why; strings valid until the result is freed; any out pointer may be NULL. */
CRM_API crm_status crm_import_result_warning(const crm_import_result *result, size_t index, int64_t *out_line,
                                             const char **out_column, const char **out_message);
/** How many headers were mapped to a column (explicitly or by name). */
CRM_API crm_status crm_import_result_mapping_count(const crm_import_result *result, size_t *out_count);
/** Mapped header index (sorted by header): the header as written and the
 *  column or custom field it fed; strings valid until the result is freed;
 *  either out pointer may be NULL. */
CRM_API crm_status crm_import_result_mapping(const crm_import_result *result, size_t index, const char **out_header,
                                            const char **out_column);
/** How many headers mapped to nothing and were ignored. */
CRM_API crm_status crm_import_result_ignored_count(const crm_import_result *result, size_t *out_count);
/** Ignored header index, valid until the result is freed. */
CRM_API crm_status crm_import_result_ignored_header(const crm_import_result *result, size_t index,
                                                    const char **out_header);
/** How many users the import added for owner cells that named no user. */
CRM_API crm_status crm_import_result_users_created_count(const crm_import_result *result, size_t *out_count);
/** The login of added user index, in the order first met; valid until the
 *  result is freed. */
CRM_API crm_status crm_import_result_user_created(const crm_import_result *result, size_t index,
                                                  const char **out_login);
/** How many rows resembled stored records (the first 1000). */
CRM_API crm_status crm_import_result_duplicate_count(const crm_import_result *result, size_t *out_count);
/** Duplicate index: the row's line, the stored record it resembles, the
 *  score (1-100) and what was done ("report", "skip", "merge"); the string
 *  is static; any out pointer may be NULL. */
CRM_API crm_status crm_import_result_duplicate(const crm_import_result *result, size_t index, int64_t *out_line,
                                               int64_t *out_record_id, int *out_score, const char **out_action);
/** Reason reason_index of duplicate index ("same_email", "same_phone",
 *  "same_registration_number", "same_vat_id", "same_name"; static), or
 *  NULL past its last reason. */
CRM_API crm_status crm_import_result_duplicate_reason(const crm_import_result *result, size_t index,
                                                      size_t reason_index, const char **out_reason);

/* ---- Whole-org import ---------------------------------------------------
 * Another CRM's export folder (one CSV file per object) imported whole, in
 * the order a preset gives (accounts before the contacts and deals naming
 * them), every file by upsert on its external_ref, so that running it
 * again creates nothing twice. A header no crmcore column takes and that
 * holds a value becomes a custom field of the file's kind, named after the
 * header ("External_id__c" -> "external_id_c"), of the type all its cells
 * read as (integer, decimal, ISO date, else text): nothing is dropped
 * unless the preset maps the header to "". */

/** What crm_import_org() did, file by file; freed with crm_org_import_result_free(). */
typedef struct crm_org_import_result crm_org_import_result;

/** Imports the export folder directory with preset: a built-in name
 *  ("generic", "hubspot", "maven", "salesforce"; crm_org_preset()) or the path of a preset file
 *  in the same JSON form. policy is "lenient" (NULL: the default, bad
 *  optional cells left out as warnings) or "strict". CRM_NOT_FOUND for a
 *  missing folder or preset file, CRM_INVALID_ARGUMENT for an unknown or
 *  malformed preset; problems with rows are in each file's result. */
CRM_API crm_status crm_import_org(crm_db *db, const char *directory, const char *preset, const char *policy,
                                  crm_org_import_result **out_result);
/** Frees a result; NULL is a no-op. */
CRM_API void crm_org_import_result_free(crm_org_import_result *result);
/** How many file imports there were (a file with a second pass counts twice). */
CRM_API crm_status crm_org_import_result_file_count(const crm_org_import_result *result, size_t *out_count);
/** File import index: the file's name, its record kind (or "campaign",
 *  "campaign_member", "employment" for a file of links), the pass (1 or 2)
 *  and its import result, read with the crm_import_result_* functions and
 *  not freed (it lives as long as result). Any out pointer may be NULL. */
CRM_API crm_status crm_org_import_result_file(const crm_org_import_result *result, size_t index,
                                              const char **out_file, const char **out_kind, int *out_pass,
                                              const crm_import_result **out_file_result);
/** *out_count: how many headers of file import index no crmcore column
 *  takes and that were kept as custom fields (0 on a second pass). */
CRM_API crm_status crm_org_import_result_kept_count(const crm_org_import_result *result, size_t index,
                                                   size_t *out_count);
/** Kept header kept_index of file import index (sorted by header): the
 *  header as written and the custom field (of the file's kind) its cells
 *  went to; strings valid until the result is freed; either out pointer
 *  may be NULL. */
CRM_API crm_status crm_org_import_result_kept(const crm_org_import_result *result, size_t index, size_t kept_index,
                                             const char **out_header, const char **out_field);
/** How many CSV files of the folder the preset does not name. */
CRM_API crm_status crm_org_import_result_unused_count(const crm_org_import_result *result, size_t *out_count);
/** Unused file index, valid until the result is freed. */
CRM_API crm_status crm_org_import_result_unused(const crm_org_import_result *result, size_t index,
                                                const char **out_file);
/** The JSON text of built-in preset name, to copy and change; free with crm_free(). */
CRM_API crm_status crm_org_preset(const char *name, char **out_text);

/* ---- Duplicates and merging ---------------------------------------------
 * Finding accounts or contacts that look like the same organization or
 * person, and merging two of them into one. Only live (not deleted)
 * records are compared. Reasons: "same_email" (weight 90), "same_phone"
 * (80), "same_registration_number" (95), "same_vat_id" (95; both ignoring
 * case, spaces and punctuation), "same_name" (40; ignoring case, diacritics
 * and white space, or the same ASCII Latin spelling: "Kozlowski" and
 * "Kozłowski", "Mueller" and "Müller", "Ivanov" and "Иванов"). A score is 1..100: 100 x (1 - product of (1 - weight /
 * 100)) over the reasons, rounded; email alone 90, email and name 94,
 * email and phone 98. */

/** A pair of duplicates (crm_duplicate_find()) or a stored record that new
 *  data would duplicate (crm_duplicate_match_contact(),
 *  crm_duplicate_match_account()); borrowed from its cursor. */
typedef struct crm_duplicate crm_duplicate;

/** A cursor over pairs of live records of record_kind ("account" or
 *  "contact"; other kinds are CRM_INVALID_ARGUMENT) that look like
 *  duplicates, best score first, then by ids; read each with
 *  crm_cursor_duplicate(). limit: at most this many pairs, 1..100000 (0:
 *  1000); min_score: only pairs scoring at least this, 1..100 (0: 1). Pairs
 *  are found by grouping the indexed keys in SQL: a million records take
 *  seconds. */
CRM_API crm_status crm_duplicate_find(crm_db *db, const char *record_kind, size_t limit, int min_score,
                                      crm_cursor **out_cursor);
/** A cursor over the live contacts that a new contact with data's emails,
 *  phones and name would duplicate (what an importer asks before inserting),
 *  best score first, then by id; limit and min_score as for
 *  crm_duplicate_find(). An email or phone number that crm_contact_create()
 *  would refuse is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_duplicate_match_contact(crm_db *db, const crm_contact *data, size_t limit, int min_score,
                                               crm_cursor **out_cursor);
/** As crm_duplicate_match_contact(), for a new account's email, phone,
 *  registration number, VAT id and name. */
CRM_API crm_status crm_duplicate_match_account(crm_db *db, const crm_account *data, size_t limit, int min_score,
                                               crm_cursor **out_cursor);
/** The duplicate at the cursor; borrowed until the next call on the cursor.
 *  CRM_MISUSE for a cursor over something else or not on a row. */
CRM_API crm_status crm_cursor_duplicate(const crm_cursor *cursor, const crm_duplicate **out_duplicate);
/** "account" or "contact"; borrowed while the duplicate is. */
CRM_API crm_status crm_duplicate_record_kind(const crm_duplicate *duplicate, const char **out_kind);
/** The two records of a pair, the smaller id first. For a match,
 *  *out_first_id is the stored record and *out_second_id is 0. */
CRM_API crm_status crm_duplicate_ids(const crm_duplicate *duplicate, int64_t *out_first_id, int64_t *out_second_id);
/** The score, 1..100. */
CRM_API crm_status crm_duplicate_score(const crm_duplicate *duplicate, int *out_score);
/** How many reasons were found (at least 1). */
CRM_API crm_status crm_duplicate_reason_count(const crm_duplicate *duplicate, size_t *out_count);
/** Reason number index (from 0, in the order listed above) by name, such as
 *  "same_email"; static storage. CRM_NOT_FOUND past the last. */
CRM_API crm_status crm_duplicate_reason(const crm_duplicate *duplicate, size_t index, const char **out_reason);

/** Field choices for a merge, made by crm_merge_options_new() (none chosen)
 *  and freed with crm_merge_options_free(). */
typedef struct crm_merge_options crm_merge_options;

/** Which record a merged field takes its value from. */
typedef enum crm_merge_side {
  CRM_MERGE_SURVIVOR = 0, /**< the record that stays */
  CRM_MERGE_OTHER = 1     /**< the record merged into it (and deleted) */
} crm_merge_side;

/** New merge options with no field chosen. */
CRM_API crm_status crm_merge_options_new(crm_merge_options **out_options);
/** Frees merge options; NULL is a no-op. */
CRM_API void crm_merge_options_free(crm_merge_options *options);
/** Makes field take its value from side, even an empty one. Fields: a
 *  built-in field of the merged kind with CRM_FIELD_MERGE_CHOOSE among its
 *  crm_record_field_roles() (for accounts "address" is all its parts
 *  together) or a custom field, ignoring case; names are checked by the merge (CRM_INVALID_ARGUMENT with
 *  the nearest name). A field not chosen takes the survivor's value, or the
 *  other's when the survivor has none. Choosing a field again replaces the
 *  choice; a side other than the two is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_merge_options_take(crm_merge_options *options, const char *field, crm_merge_side side);

/** Merges contact other_id into survivor_id in one transaction: fields as
 *  options say (NULL: none chosen); emails, phones, tags and consents
 *  united (the survivor's primary email stays primary; on a channel both
 *  answered, the later answer holds); every activity, deal, employment,
 *  lead conversion link and static list membership of the other moves to
 *  the survivor; then the other is deleted for good and the merge recorded
 *  (crm_merge_history()). *out_contact (NULL to skip) receives the survivor
 *  as stored, its version incremented. The same id twice or an unknown
 *  field is CRM_INVALID_ARGUMENT, an id that does not exist CRM_NOT_FOUND,
 *  a deleted record CRM_CONFLICT; nothing is written then. */
CRM_API crm_status crm_contact_merge(crm_db *db, int64_t survivor_id, int64_t other_id,
                                     const crm_merge_options *options, crm_contact **out_contact);
/** Merges account other_id into survivor_id as crm_contact_merge() does:
 *  tags united; activities, deals, employments (the other's people now work
 *  for the survivor), lead conversion links, list memberships and
 *  subsidiaries move. A survivor that was the other's subsidiary takes the
 *  other's parent. A merge that would make an account its own parent
 *  through subsidiaries is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_account_merge(crm_db *db, int64_t survivor_id, int64_t other_id,
                                     const crm_merge_options *options, crm_account **out_account);

/** One merge of the history, borrowed from its cursor. */
typedef struct crm_merge crm_merge;

/** A cursor over the merges into record survivor_id of record_kind
 *  ("account" or "contact"), newest first, including merges into records
 *  later merged into it; read each with crm_cursor_merge(). CRM_NOT_FOUND
 *  when the record does not exist. */
CRM_API crm_status crm_merge_history(crm_db *db, const char *record_kind, int64_t survivor_id,
                                     crm_cursor **out_cursor);
/** The merge at the cursor; borrowed until the next call on the cursor. */
CRM_API crm_status crm_cursor_merge(const crm_cursor *cursor, const crm_merge **out_merge);
/** Its row id in the history. */
CRM_API crm_status crm_merge_id(const crm_merge *merge, int64_t *out_id);
/** "account" or "contact"; borrowed while the merge is. */
CRM_API crm_status crm_merge_record_kind(const crm_merge *merge, const char **out_kind);
/** The record that stayed and the one merged into it (deleted since). */
CRM_API crm_status crm_merge_ids(const crm_merge *merge, int64_t *out_survivor_id, int64_t *out_merged_id);
/** When (UTC instant); borrowed while the merge is. */
CRM_API crm_status crm_merge_merged_at(const crm_merge *merge, const char **out_instant);
/** The connection's user then (crm_db_set_user()), or ""; borrowed while the merge is. */
CRM_API crm_status crm_merge_merged_by(const crm_merge *merge, const char **out_user);
/** The choices given as a JSON object, {"job_title": "other", ...};
 *  borrowed while the merge is. */
CRM_API crm_status crm_merge_choices(const crm_merge *merge, const char **out_json);
/** The merged record as it was just before the merge, a JSON object of its
 *  fields (emails, phones, tags, custom values by name as text, version,
 *  time stamps); borrowed while the merge is. */
CRM_API crm_status crm_merge_merged_record(const crm_merge *merge, const char **out_json);

/* ---- Full-text search ---------------------------------------------------
 *
 * crm_db_search() finds live accounts, contacts, leads, deals and activities
 * by words in their names and other fields, ignoring case and diacritics
 * ("berzina" finds "Bērziņa", "КОВАЛЬЧУК" finds "Ковальчук"), best first.
 * Names are also found as people type them in Latin: "kozlowski" finds
 * "Kozłowski", "yilmaz" "Yılmaz", "mueller" (and "muller") "Müller",
 * "ivanov" "Иванов", and "шевченко" finds "Shevchenko".
 * The text is plain words, never query syntax: every word must occur in a
 * record; a word ending in '*' matches words it begins ("kov*"); an email
 * address matches as written; text that is a phone number (digits with
 * + ( ) - . and spaces, at least 6 digits) matches the number in any
 * written form (normalized with the connection's default region). What each
 * kind is searched by is listed in crm/search.hpp of the C++ API.
 */

/** Options for crm_db_search(): which record kinds, how many hits. */
typedef struct crm_search_options crm_search_options;

/** The columns of a crm_db_search() cursor, read with crm_cursor_text(),
 *  crm_cursor_int64() and crm_cursor_double(). */
typedef enum crm_search_column {
  CRM_SEARCH_KIND = 0,    /**< text: "account", "contact", "lead", "opportunity" or "activity" */
  CRM_SEARCH_ID = 1,      /**< integer: the record's id (of that kind) */
  CRM_SEARCH_TITLE = 2,   /**< text: its name, a deal's name, an activity's subject */
  CRM_SEARCH_SNIPPET = 3, /**< text: an extract of its other fields, matched words between '[' and ']' */
  CRM_SEARCH_SCORE = 4    /**< real: relevance, higher is better; compare within one search */
} crm_search_column;

/** New options: every record kind, at most 20 hits. Free with
 *  crm_search_options_free(). */
CRM_API crm_status crm_search_options_new(crm_search_options **out_options);
/** Frees options; NULL is a no-op. */
CRM_API void crm_search_options_free(crm_search_options *options);
/** Adds record_kind ("account", "contact", "lead", "opportunity",
 *  "activity") to the kinds searched; once a kind is added, only the added
 *  kinds are searched. An unknown kind is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_search_options_add_kind(crm_search_options *options, const char *record_kind);
/** At most limit hits, 1..1000 (else CRM_INVALID_ARGUMENT). */
CRM_API crm_status crm_search_options_set_limit(crm_search_options *options, int limit);

/** Searches for text with options (NULL: every kind, 20 hits). All hits are
 *  read by this call; *out_cursor walks them best first, with the columns
 *  of crm_search_column (also named "kind", "id", "title", "snippet" and
 *  "score" by crm_cursor_column()). Free it with crm_cursor_free(); its
 *  strings are borrowed until the next call on the cursor. Blank text and
 *  text that is not valid UTF-8 are CRM_INVALID_ARGUMENT; text with no
 *  letter or digit gives an empty cursor. *out_cursor is NULL on failure. */
CRM_API crm_status crm_db_search(crm_db *db, const char *text, const crm_search_options *options,
                                 crm_cursor **out_cursor);

/** The login this connection acts as ("" for the system session); free
 *  with crm_free(). */
CRM_API crm_status crm_db_user(crm_db *db, char **out_user);
/** Makes this connection act as the active user login from now on (NULL or
 *  "": the system session). Records outside the user's read scope are then
 *  absent from every read (a get is CRM_NOT_FOUND; lists, counts, reports,
 *  search, timelines and exports leave them out) and a write outside an
 *  action's scope is CRM_PERMISSION_DENIED naming the action, the kind and
 *  the scope. CRM_NOT_FOUND for an unknown login, CRM_INVALID_ARGUMENT for
 *  an inactive user or while a transaction is open. */
CRM_API crm_status crm_db_set_user(crm_db *db, const char *user);

/* ---- Rights ----------------------------------------------------------------
 * What a user may do: per record kind ("contact") and action ("read",
 * "create", "update", "delete", "assign", "import", "export", "merge") a
 * scope ("none", "own", "team", "team_and_below", "all"), the widest any of
 * the user's roles grants. Built-in roles: "administrator" (all),
 * "sales_manager" (team_and_below), "sales_rep" (own; assign and export
 * none), "analyst" (read and export all, nothing else). Changing the shared
 * setup (users, teams, pipelines, products, rates, custom fields, calendars,
 * settings) needs the administrator role. */

/** The scope the user login has for action on records of kind ("contact");
 *  free *out_scope with crm_free(). "none" for an inactive user;
 *  CRM_NOT_FOUND for an unknown login; CRM_INVALID_ARGUMENT for an unknown
 *  kind or action. */
CRM_API crm_status crm_access_scope(crm_db *db, const char *login, const char *kind, const char *action,
                                    char **out_scope);
/** Who sees records without an owner: "everyone" (every user whose scope for
 *  the action is not none; the default) or "all_scope" (only those whose
 *  scope is all); free *out_setting with crm_free(). */
CRM_API crm_status crm_access_unassigned_visibility(crm_db *db, char **out_setting);
/** Changes who sees records without an owner ("everyone" or "all_scope")
 *  for the whole database; the system session or an administrator only
 *  (CRM_PERMISSION_DENIED). A connection already acting as a user keeps the
 *  setting it started with until crm_db_set_user() again. */
CRM_API crm_status crm_access_set_unassigned_visibility(crm_db *db, const char *setting);

/** Shares record record_id of kind ("contact") beyond what roles reach: with
 *  the active user login (team_id 0), or with the members of team team_id
 *  and of the teams below it (login NULL or ""), at level "read" or "edit"
 *  (change its fields; NULL: "read"). An existing share takes the new level.
 *  Whoever may update the record may share it (CRM_PERMISSION_DENIED
 *  otherwise); CRM_NOT_FOUND for a record the connection does not see, an
 *  unknown user or team; CRM_MISUSE for both or neither of login and team. */
CRM_API crm_status crm_access_share(crm_db *db, const char *kind, int64_t record_id, const char *login,
                                    int64_t team_id, const char *level);
/** Ends a share made by crm_access_share(); *out_removed (NULL to skip) is 1
 *  when there was one, else 0. The same rights as sharing. */
CRM_API crm_status crm_access_unshare(crm_db *db, const char *kind, int64_t record_id, const char *login,
                                      int64_t team_id, int *out_removed);
/** A cursor over the record's shares (users by login, then teams); read each
 *  with crm_cursor_share(). CRM_NOT_FOUND for a record the connection does
 *  not see. */
CRM_API crm_status crm_access_shares(crm_db *db, const char *kind, int64_t record_id, crm_cursor **out_cursor);
/** The share at the cursor: the user's login ("" for a team share), the
 *  team's id (0 for a user share) and the level ("read" or "edit"); strings
 *  borrowed until the next call on the cursor; any out pointer may be NULL. */
CRM_API crm_status crm_cursor_share(const crm_cursor *cursor, const char **out_login, int64_t *out_team_id,
                                    const char **out_level);

/* ---- Audit trail -----------------------------------------------------------
 * Every committed write of a record (account, contact, lead, opportunity,
 * activity) leaves entries in one append-only log: who (the acting user, ""
 * for a system session), the embedder's origin tag, when, the transaction,
 * the operation ("create", "update", "delete", "restore", "purge", "merge",
 * "stage_change", "link", "unlink", "erase") and per field the old and new value as
 * text. Rolled-back work leaves nothing. The cursors below are tables read
 * with crm_cursor_text() and crm_cursor_int64() by crm_audit_column, one row
 * per changed field ("field" "" for a change of no field: a delete). */

/** The columns of an audit cursor. */
typedef enum crm_audit_column {
  CRM_AUDIT_SEQ = 0,       /**< integer: the change's place in the log, never reused */
  CRM_AUDIT_TX = 1,        /**< integer: its transaction (the seq of the transaction's first change) */
  CRM_AUDIT_AT = 2,        /**< text: when, ISO 8601 UTC */
  CRM_AUDIT_USER = 3,      /**< text: the acting user's login, "" for a system session */
  CRM_AUDIT_ORIGIN = 4,    /**< text: the embedder's tag, "" for none */
  CRM_AUDIT_KIND = 5,      /**< text: "account", "contact", "lead", "opportunity" or "activity" */
  CRM_AUDIT_RECORD_ID = 6, /**< integer: the record's id */
  CRM_AUDIT_OPERATION = 7, /**< text: what happened */
  CRM_AUDIT_FIELD = 8,     /**< text: the field ("job_title", a custom field's name), "" for none */
  CRM_AUDIT_OLD = 9,       /**< text or NULL: the value before */
  CRM_AUDIT_NEW = 10       /**< text or NULL: the value after */
} crm_audit_column;

/** A cursor over the changes of record record_id of kind, oldest first.
 *  CRM_NOT_FOUND for a record that never existed or that the connection does
 *  not read (a purged record's history needs the read scope all). */
CRM_API crm_status crm_audit_history(crm_db *db, const char *kind, int64_t record_id, crm_cursor **out_cursor);

/** Which changes crm_audit_find() returns. */
typedef struct crm_audit_query crm_audit_query;
/** A new query: every change, at most 1000. Free with crm_audit_query_free(). */
CRM_API crm_status crm_audit_query_new(crm_audit_query **out_query);
/** Frees a query; NULL is a no-op. */
CRM_API void crm_audit_query_free(crm_audit_query *query);
/** Only changes of records of kind ("contact"), and with record_id > 0 only
 *  of that record. An unknown kind is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_audit_query_set_record(crm_audit_query *query, const char *kind, int64_t record_id);
/** Only changes by login ("" : by system sessions; NULL: anyone). */
CRM_API crm_status crm_audit_query_set_user(crm_audit_query *query, const char *login);
/** Only changes at or after from and before until (ISO 8601 instants; NULL
 *  leaves that side open). Unreadable text is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_audit_query_set_period(crm_audit_query *query, const char *from, const char *until);
/** Only changes with a seq greater than after_seq (to page on), and at most
 *  limit changes (1 to 100000, else CRM_INVALID_ARGUMENT from crm_audit_find()). */
CRM_API crm_status crm_audit_query_set_page(crm_audit_query *query, int64_t after_seq, int64_t limit);
/** A cursor over the changes query (NULL: the defaults) selects, in log
 *  order; a connection acting as a user gets only those of records it reads. */
CRM_API crm_status crm_audit_find(crm_db *db, const crm_audit_query *query, crm_cursor **out_cursor);

/** *out_enabled is 1 while writes are logged (the default), else 0. */
CRM_API crm_status crm_audit_enabled(crm_db *db, int *out_enabled);
/** Turns logging on (nonzero) or off for every connection, from their next
 *  write transaction; the system session or an administrator only
 *  (CRM_PERMISSION_DENIED). */
CRM_API crm_status crm_audit_set_enabled(crm_db *db, int enabled);
/** *out_days: how many days entries are kept, 0 for forever (the default). */
CRM_API crm_status crm_audit_retention_days(crm_db *db, int *out_days);
/** Keeps entries days days (0: forever; at most 36500, else
 *  CRM_INVALID_ARGUMENT); older ones are deleted now and as later
 *  transactions commit. The system session or an administrator only. */
CRM_API crm_status crm_audit_set_retention_days(crm_db *db, int days);
/** *out_entries: how many of the newest entries are kept, 0 for all (the default). */
CRM_API crm_status crm_audit_retention_entries(crm_db *db, int64_t *out_entries);
/** Keeps only the entries newest entries (0: all; negative is
 *  CRM_INVALID_ARGUMENT); older ones are deleted now and as later
 *  transactions commit. The system session or an administrator only. */
CRM_API crm_status crm_audit_set_retention_entries(crm_db *db, int64_t entries);

/* ---- Change feed -----------------------------------------------------------
 * The audit trail read as a stream, for programs that follow the CRM (an
 * ERP's sync): every committed change once, in the order of its seq, which
 * grows and is never reused. A reader keeps the seq of the last change it
 * handled (its cursor) and asks for what came after. Retention removes the
 * oldest changes; a cursor behind them is CRM_CURSOR_EXPIRED, never a silent
 * gap: read the records again, then follow from crm_changes_latest(). */

/** A cursor over the changes after cursor (0: the start), in seq order, one
 *  row per changed field read by crm_audit_column (rows of one change share
 *  CRM_AUDIT_SEQ; a change of no field is one row with field ""). kinds: NULL
 *  or "" for every kind, else kinds separated by commas ("contact,lead"); at
 *  most limit changes (1 to 100000). A connection acting as a user gets only
 *  changes of records it reads. CRM_INVALID_ARGUMENT for a negative cursor,
 *  an unknown kind or a limit out of range; CRM_CURSOR_EXPIRED as above. */
CRM_API crm_status crm_changes_since(crm_db *db, int64_t cursor, const char *kinds, int64_t limit,
                                     crm_cursor **out_cursor);
/** *out_seq: the seq of the newest change (0 when none). */
CRM_API crm_status crm_changes_latest(crm_db *db, int64_t *out_seq);
/** *out_seq: the smallest cursor crm_changes_since() accepts (0 until
 *  retention has removed a change). */
CRM_API crm_status crm_changes_earliest_cursor(crm_db *db, int64_t *out_seq);

/** The origin tag of this connection's changes ("" for none); free with crm_free(). */
CRM_API crm_status crm_db_origin(crm_db *db, char **out_origin);
/** Sets the origin tag of the changes made from now on (NULL or "": none);
 *  one line, else CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_db_set_origin(crm_db *db, const char *origin);

/* ---- Privacy ---------------------------------------------------------------
 * What the CRM keeps about a person (kind "contact" or "lead"), as one JSON
 * document, and their erasure. Personal fields are those the record
 * descriptors mark personal (CRM_FIELD_PERSONAL); consents are kept
 * by an erasure as the proof of what the person agreed to. A legal hold keeps
 * a person from being erased or purged (CRM_CONFLICT) until it is released.
 * A kind other than contact or lead is CRM_INVALID_ARGUMENT. */

/** Everything about the person as one JSON object (UTF-8): "format"
 *  ("crmcore.person/1"), "exported_at", "kind", "id", "person" (the record as
 *  the JSON export writes it), "consent_history", "employment", "deals",
 *  "activities", "leads" (converted into a contact), "merges", "legal_hold"
 *  (null when none) and "audit" (every logged change of them). Needs the
 *  export action on kind; CRM_NOT_FOUND for no such person or one the
 *  connection does not read. Free *out_json with crm_free(). */
CRM_API crm_status crm_privacy_export_person(crm_db *db, const char *kind, int64_t record_id, char **out_json);

/** Erases the person in one transaction: their personal fields are cleared
 *  (a required name becomes "[erased]"), for a contact also on the leads
 *  converted into it; their emails and phone numbers are replaced by
 *  "[erased]" in activities, the merge history and every audit entry, whose
 *  values of the person's personal fields go (the entries stay); the search
 *  index and duplicate keys lose them, and the pages SQLite frees are
 *  overwritten, so that after a VACUUM they appear nowhere in the file. The
 *  erasure is logged as operation "erase" without values. CRM_CONFLICT under
 *  a legal hold; needs the delete action (CRM_PERMISSION_DENIED). When
 *  out_report is not NULL it receives a JSON object {"persons": [{"kind",
 *  "id"}], "fields": [...], "activities": n, "audit_entries": n, "merges": n};
 *  free it with crm_free(). */
CRM_API crm_status crm_privacy_erase(crm_db *db, const char *kind, int64_t record_id, char **out_report);

/** Places a legal hold on the person, or replaces the reason of the one
 *  placed: reason is one line of 1 to 1000 bytes (CRM_INVALID_ARGUMENT);
 *  CRM_NOT_FOUND for no such person; the system session or an administrator
 *  only (CRM_PERMISSION_DENIED). */
CRM_API crm_status crm_privacy_place_hold(crm_db *db, const char *kind, int64_t record_id, const char *reason);
/** Releases the hold on the person; CRM_NOT_FOUND when none is placed. The
 *  system session or an administrator only. */
CRM_API crm_status crm_privacy_release_hold(crm_db *db, const char *kind, int64_t record_id);

/** The columns of a legal hold cursor. */
typedef enum crm_legal_hold_column {
  CRM_LEGAL_HOLD_KIND = 0,      /**< text: "contact" or "lead" */
  CRM_LEGAL_HOLD_RECORD_ID = 1, /**< integer: the person's id */
  CRM_LEGAL_HOLD_REASON = 2,    /**< text: why */
  CRM_LEGAL_HOLD_PLACED_AT = 3, /**< text: when, ISO 8601 UTC */
  CRM_LEGAL_HOLD_PLACED_BY = 4  /**< text: the login that placed it, "" for a system session */
} crm_legal_hold_column;

/** A cursor over the holds placed, by kind then id, read by
 *  crm_legal_hold_column: every hold with kind NULL, else the one on the
 *  person record_id of kind (no row when none). */
CRM_API crm_status crm_privacy_holds(crm_db *db, const char *kind, int64_t record_id, crm_cursor **out_cursor);

/* ---- Users and teams ------------------------------------------------------
 * The people who work in the CRM. Every record's "owner" is a user's login:
 * storing a record whose owner is not an active user's login is
 * CRM_INVALID_ARGUMENT naming "<kind>.owner" (a deactivated user keeps the
 * records they own, which stay editable, but is given no new ones). Users are
 * deactivated, never deleted. Teams form a tree; a team's members together
 * with those of the teams below it are what its manager oversees. Roles are
 * the built-in "administrator", "sales_manager", "sales_rep" and "analyst". */

/** A user: data to create, or a stored user. */
typedef struct crm_user crm_user;

/** An empty, active user with no team and no roles, to fill and pass to
 *  crm_user_create(). */
CRM_API crm_status crm_user_new(crm_user **out_user);
/** Frees a user; NULL is ignored. */
CRM_API void crm_user_free(crm_user *user);
/** Sets a text field: login (required, compared exactly, fixed once
 *  created), name (the login when empty), email, time_zone (an IANA name
 *  such as "Europe/Riga"), roles (role names separated by commas). A NULL
 *  value unsets it. CRM_INVALID_ARGUMENT for an unknown field or role. */
CRM_API crm_status crm_user_set(crm_user *user, const char *field, const char *value);
/** Reads a text field (those of crm_user_set(), roles comma-separated in
 *  declaration order, and created_at, updated_at); borrowed until the user
 *  changes or is freed. */
CRM_API crm_status crm_user_get_field(const crm_user *user, const char *field, const char **out_value);
/** Reads an integer field: id, team_id (0 for none), active (1 or 0). */
CRM_API crm_status crm_user_get_int(const crm_user *user, const char *field, int64_t *out_value);
/** Puts the user in team team_id (0: no team); checked when stored. */
CRM_API crm_status crm_user_set_team(crm_user *user, int64_t team_id);
/** Activates (nonzero) or deactivates (0) the user. */
CRM_API crm_status crm_user_set_active(crm_user *user, int active);
/** Stores a new user; *out_created (NULL to skip) receives it, to free with
 *  crm_user_free(). CRM_ALREADY_EXISTS when the login is taken,
 *  CRM_INVALID_ARGUMENT for a bad login, email or time zone, CRM_NOT_FOUND
 *  for an unknown team. */
CRM_API crm_status crm_user_create(crm_db *db, const crm_user *data, crm_user **out_created);
/** The user with id; CRM_NOT_FOUND when there is none. */
CRM_API crm_status crm_user_get(crm_db *db, int64_t id, crm_user **out_user);
/** The user whose login is exactly login; *out_user is NULL (and CRM_OK
 *  returned) when there is none. */
CRM_API crm_status crm_user_find(crm_db *db, const char *login, crm_user **out_user);
/** Replaces the stored user with the same id by this one (name, email, time
 *  zone, team, roles, active); the login cannot change (CRM_INVALID_ARGUMENT).
 *  *out_updated (NULL to skip) receives the stored user. */
CRM_API crm_status crm_user_update(crm_db *db, const crm_user *user, crm_user **out_updated);
/** A cursor over the users (only the active ones when active_only is
 *  nonzero), by login; read each with crm_cursor_user(). */
CRM_API crm_status crm_user_list(crm_db *db, int active_only, crm_cursor **out_cursor);
/** The user at the cursor; borrowed until the next call on the cursor.
 *  CRM_MISUSE for a cursor over something else or not on a row. */
CRM_API crm_status crm_cursor_user(const crm_cursor *cursor, const crm_user **out_user);
/** How many live records (accounts, contacts, leads, deals, activities,
 *  campaigns) the user with this login owns. */
CRM_API crm_status crm_user_owned_records(crm_db *db, const char *login, int64_t *out_count);

/** Adds a team called name under parent_id (0: a top team); *out_id (NULL to
 *  skip) receives its id. CRM_ALREADY_EXISTS when the name is taken
 *  (ignoring case and diacritics), CRM_NOT_FOUND for an unknown parent. */
CRM_API crm_status crm_team_create(crm_db *db, const char *name, int64_t parent_id, int64_t *out_id);
/** The id of the team called name; *out_id is 0 (and CRM_OK returned) when
 *  there is none. */
CRM_API crm_status crm_team_find(crm_db *db, const char *name, int64_t *out_id);
/** The team with id: its name (free *out_name with crm_free()) and parent
 *  (*out_parent_id 0 for a top team); either may be NULL to skip.
 *  CRM_NOT_FOUND for an unknown id. */
CRM_API crm_status crm_team_get(crm_db *db, int64_t id, char **out_name, int64_t *out_parent_id);
/** A cursor over every team, by name; read each with crm_cursor_team(). */
CRM_API crm_status crm_team_list(crm_db *db, crm_cursor **out_cursor);
/** A cursor over the teams below team id at any depth, by name. */
CRM_API crm_status crm_team_below(crm_db *db, int64_t id, crm_cursor **out_cursor);
/** The team at the cursor: its id, name (borrowed until the next call on the
 *  cursor) and parent's id (0 for a top team); any out pointer may be NULL. */
CRM_API crm_status crm_cursor_team(const crm_cursor *cursor, int64_t *out_id, const char **out_name,
                                   int64_t *out_parent_id);
/** Renames team id; CRM_ALREADY_EXISTS when another team has the name. */
CRM_API crm_status crm_team_rename(crm_db *db, int64_t id, const char *name);
/** Moves team id under parent_id (0: to the top); CRM_INVALID_ARGUMENT when
 *  the parent is the team itself or below it. */
CRM_API crm_status crm_team_move(crm_db *db, int64_t id, int64_t parent_id);
/** Removes team id; CRM_CONFLICT while it has members or teams below it. */
CRM_API crm_status crm_team_remove(crm_db *db, int64_t id);
/** A cursor over the users of team id and, when with_teams_below is nonzero,
 *  of every team below it; by login; read each with crm_cursor_user(). */
CRM_API crm_status crm_team_members(crm_db *db, int64_t id, int with_teams_below, crm_cursor **out_cursor);

/* ---- Lead sources and campaigns -----------------------------------------
 * Where customers come from. A lead source is a short named channel ("web",
 * "referral", "Trade fair"); a campaign is a marketing effort with its
 * channel, dates and cost. Accounts, contacts, leads and deals name both by
 * name (the "lead_source" (leads: "source") and "campaign" text fields); a
 * record naming an unknown lead source adds it, while a campaign must exist
 * (else storing the record is CRM_NOT_FOUND naming the field). Names are unique
 * ignoring case and diacritics, so "Web" and "web" are one source. */

/** Adds a lead source called name; *out_id (NULL to skip) receives its id.
 *  CRM_ALREADY_EXISTS when the name is taken, CRM_INVALID_ARGUMENT when it
 *  is empty, spans lines or is not valid UTF-8. */
CRM_API crm_status crm_lead_source_add(crm_db *db, const char *name, int64_t *out_id);
/** The id of the lead source called name (ignoring case and diacritics);
 *  *out_id is 0 (and CRM_OK returned) when there is none. */
CRM_API crm_status crm_lead_source_find(crm_db *db, const char *name, int64_t *out_id);
/** The name of lead source id, as first written; free *out_name with
 *  crm_free(). CRM_NOT_FOUND when there is none. */
CRM_API crm_status crm_lead_source_get(crm_db *db, int64_t id, char **out_name);
/** A cursor over every lead source, by name; read each with
 *  crm_cursor_lead_source(). */
CRM_API crm_status crm_lead_source_list(crm_db *db, crm_cursor **out_cursor);
/** The lead source at the cursor: its id and name (borrowed until the next
 *  call on the cursor); either out pointer may be NULL. CRM_MISUSE for a
 *  cursor over something else or not on a row. */
CRM_API crm_status crm_cursor_lead_source(const crm_cursor *cursor, int64_t *out_id, const char **out_name);
/** Renames lead source id; every record pointing to it shows the new name.
 *  CRM_ALREADY_EXISTS when another source has the name, CRM_NOT_FOUND when
 *  id does not exist. */
CRM_API crm_status crm_lead_source_rename(crm_db *db, int64_t id, const char *name);
/** Removes lead source id. CRM_CONFLICT, naming how many, while records or
 *  campaigns still point to it; CRM_NOT_FOUND when it does not exist. */
CRM_API crm_status crm_lead_source_remove(crm_db *db, int64_t id);

/** A marketing campaign: data to create, or a stored campaign. */
typedef struct crm_campaign crm_campaign;

/** An empty campaign (channel "other", cost 0.00 EUR, no budget) to fill and
 *  pass to crm_campaign_create(). */
CRM_API crm_status crm_campaign_new(crm_campaign **out_campaign);
/** Frees a campaign; NULL is a no-op. */
CRM_API void crm_campaign_free(crm_campaign *campaign);
/** Sets a text field by name; NULL or "" unsets it. Fields: name (required,
 *  unique ignoring case and diacritics), channel ("web", "email", "sms",
 *  "event", "banner", "referral", "cold_call", "social", "print",
 *  "partner" or "other"; unset is "other"), starts_on and ends_on (dates;
 *  the cost converts on starts_on), lead_source (the lead source its leads
 *  count under, by name, added when new), owner, description. A malformed
 *  date or an unknown channel is CRM_INVALID_ARGUMENT here and leaves the
 *  field as it was; other values are validated when stored. */
CRM_API crm_status crm_campaign_set(crm_campaign *campaign, const char *field, const char *value);
/** Reads a text field: the settable ones plus created_at and updated_at.
 *  Borrowed until the campaign is changed or freed. */
CRM_API crm_status crm_campaign_get_field(const crm_campaign *campaign, const char *field, const char **out_value);
/** Sets what the campaign cost so far (not negative when stored). */
CRM_API crm_status crm_campaign_set_cost(crm_campaign *campaign, int64_t minor_units, const char *currency);
/** The cost; *out_currency borrowed until the campaign is changed or freed. */
CRM_API crm_status crm_campaign_cost(const crm_campaign *campaign, int64_t *out_minor_units,
                                     const char **out_currency);
/** Sets what the campaign may cost, in the cost's currency (checked when
 *  stored); currency NULL or "" removes the budget. */
CRM_API crm_status crm_campaign_set_budget(crm_campaign *campaign, int64_t minor_units, const char *currency);
/** *out_has_budget: 1 and the budget, or 0 with 0 and "" when there is none.
 *  *out_currency borrowed until the campaign is changed or freed. */
CRM_API crm_status crm_campaign_budget(const crm_campaign *campaign, int *out_has_budget, int64_t *out_minor_units,
                                       const char **out_currency);
/** Its id (0 before it is stored). */
CRM_API crm_status crm_campaign_id(const crm_campaign *campaign, int64_t *out_id);
/** Its version; crm_campaign_update() checks it. */
CRM_API crm_status crm_campaign_version(const crm_campaign *campaign, int64_t *out_version);

/** Validates and stores a new campaign. CRM_INVALID_ARGUMENT naming the
 *  field (empty name, end before start, negative cost, budget in another
 *  currency), CRM_ALREADY_EXISTS for a taken name. *out_created (NULL to
 *  skip) receives the stored campaign, to free with crm_campaign_free(). */
CRM_API crm_status crm_campaign_create(crm_db *db, const crm_campaign *data, crm_campaign **out_created);
/** Reads campaign id; CRM_NOT_FOUND if none. */
CRM_API crm_status crm_campaign_get(crm_db *db, int64_t id, crm_campaign **out_campaign);
/** The campaign called name (ignoring case and diacritics); *out_campaign
 *  is NULL (and CRM_OK returned) when there is none. */
CRM_API crm_status crm_campaign_find(crm_db *db, const char *name, crm_campaign **out_campaign);
/** Saves the campaign if its version is still the stored one (else
 *  CRM_CONFLICT, nothing written). *out_updated (NULL to skip) receives it
 *  with its new version. */
CRM_API crm_status crm_campaign_update(crm_db *db, const crm_campaign *campaign, crm_campaign **out_updated);
/** Deletes campaign id for good. CRM_CONFLICT, naming how many, while
 *  records still point to it; CRM_NOT_FOUND when it does not exist. */
CRM_API crm_status crm_campaign_remove(crm_db *db, int64_t id);
/** A cursor over every campaign, by start date (undated last), then name;
 *  read each with crm_cursor_campaign(). */
CRM_API crm_status crm_campaign_list(crm_db *db, crm_cursor **out_cursor);
/** The campaign at the cursor; borrowed until the next call on the cursor.
 *  CRM_MISUSE for a cursor over something else or not on a row. */
CRM_API crm_status crm_cursor_campaign(const crm_cursor *cursor, const crm_campaign **out_campaign);

/* ---- Base currency and exchange rates -----------------------------------
 * Reports sum money in the database's base currency (EUR in a new
 * database). A rate says how many units of `to` one unit of `from` buys
 * from its valid_from day until the pair's next rate; it is an exact
 * decimal as text ("0.9234": positive, at most 12 decimals and 18 digits in
 * all), kept in canonical form. Conversion is exact: minor units times the
 * rate, rounded half away from zero to the target's minor unit. A missing
 * rate is CRM_NOT_FOUND naming the pair and the day, never a silent zero. */

/** The base currency's ISO 4217 code; free *out_currency with crm_free(). */
CRM_API crm_status crm_currency_base(crm_db *db, char **out_currency);
/** Makes currency the base currency; CRM_INVALID_ARGUMENT for an unknown code. */
CRM_API crm_status crm_currency_set_base(crm_db *db, const char *currency);
/** Records (or replaces) the rate of from -> to valid from valid_from
 *  ("YYYY-MM-DD"). CRM_INVALID_ARGUMENT for unknown or equal codes, a
 *  malformed day or a rate that is not a positive decimal within the limits
 *  above. */
CRM_API crm_status crm_exchange_rate_set(crm_db *db, const char *from, const char *to, const char *valid_from,
                                         const char *rate);
/** Deletes the rate of from -> to starting on valid_from; CRM_NOT_FOUND when
 *  there is none. */
CRM_API crm_status crm_exchange_rate_remove(crm_db *db, const char *from, const char *to, const char *valid_from);
/** The rate of from -> to valid on day: the latest one starting on or
 *  before it. *out_valid_from (its first day) and *out_rate (the decimal)
 *  are freed with crm_free(); either pointer may be NULL. CRM_NOT_FOUND
 *  naming the pair and the day when there is none. */
CRM_API crm_status crm_exchange_rate_get(crm_db *db, const char *from, const char *to, const char *day,
                                         char **out_valid_from, char **out_rate);
/** A cursor over the rates of one pair (both codes given), of one source
 *  currency (to NULL or ""), or all of them (both NULL or ""), by pair,
 *  then day; read each with crm_cursor_exchange_rate(). */
CRM_API crm_status crm_exchange_rate_list(crm_db *db, const char *from, const char *to, crm_cursor **out_cursor);
/** The rate at the cursor: its pair, first day and decimal, borrowed until
 *  the next call on the cursor; any out pointer may be NULL. CRM_MISUSE for
 *  a cursor over something else or not on a row. */
CRM_API crm_status crm_cursor_exchange_rate(const crm_cursor *cursor, const char **out_from, const char **out_to,
                                            const char **out_valid_from, const char **out_rate);
/** minor_units of currency converted to currency `to` at the rate valid on
 *  day ("YYYY-MM-DD"), in to's minor units; the amount itself when currency
 *  already is `to`. CRM_NOT_FOUND naming the pair and the day without a
 *  rate; CRM_INVALID_ARGUMENT for an unknown code or a result that does not
 *  fit. */
CRM_API crm_status crm_money_convert(crm_db *db, int64_t minor_units, const char *currency, const char *to,
                                     const char *day, int64_t *out_minor_units);

/* ---- Reports -------------------------------------------------------------
 * Reports a sales manager reads: pipeline, forecast, win rates, funnel,
 * leads, campaign return, activity, at-risk accounts, birthdays and the
 * history of the open pipeline. crm_report_available() lists their names;
 * crm_report_info_*() tell what each shows, its options and its columns.
 * A report is a table of typed columns (read through crm_report_rows()),
 * the currency of its money columns (CRM_COLUMN_DECIMAL, in the base
 * currency) and the exchange rates it used. Amounts are summed per
 * currency and date in minor units and each sum converted once with the
 * rate valid on the records' date; a record in another currency without a
 * rate fails the report with CRM_NOT_FOUND naming the pair and the day.
 * Periodic reports list every period of the range, empty ones as zero.
 * Deals are live opportunities; a deal's date is its close date when
 * closed, its expected close when open, else the report's as_of day. */

/** Filters and settings of a report, made by crm_report_options_new() and
 *  freed with crm_report_options_free(). A filter a report cannot apply (a
 *  pipeline for leads, a grouping it has no column for) fails the report
 *  with CRM_INVALID_ARGUMENT. */
typedef struct crm_report_options crm_report_options;
/** A report's result, made by crm_report_run() and freed with crm_report_free(). */
typedef struct crm_report crm_report;

/** New options: no date range, every owner, pipeline and record, monthly
 *  periods, rows by owner, the reports' default days, as of today (UTC). */
CRM_API crm_status crm_report_options_new(crm_report_options **out_options);
/** Frees options; NULL is a no-op. */
CRM_API void crm_report_options_free(crm_report_options *options);
/** First day of the range, inclusive ("YYYY-MM-DD"); NULL or "" for from
 *  the earliest record. Each report says which date the range applies to.
 *  A malformed day is CRM_INVALID_ARGUMENT and keeps the previous one. */
CRM_API crm_status crm_report_options_set_start(crm_report_options *options, const char *day);
/** Last day of the range, inclusive; NULL or "" for up to the latest record. */
CRM_API crm_status crm_report_options_set_end(crm_report_options *options, const char *day);
/** The report's "today" (overdue tasks, at-risk accounts, birthdays, the
 *  date of deals without one); NULL or "" for today by the connection's
 *  clock (UTC). */
CRM_API crm_status crm_report_options_set_as_of(crm_report_options *options, const char *day);
/** Only records of this user; NULL or "" for every owner. */
CRM_API crm_status crm_report_options_set_owner(crm_report_options *options, const char *owner);
/** Only deals of pipeline pipeline_id; 0 for every pipeline. */
CRM_API crm_status crm_report_options_set_pipeline(crm_report_options *options, int64_t pipeline_id);
/** Only records in saved segment segment_id: a segment of the report's
 *  records, or of accounts or contacts (then their records); 0 for none. */
CRM_API crm_status crm_report_options_set_segment(crm_report_options *options, int64_t segment_id);
/** Periods of the reports with the "interval" option: "week", "month"
 *  (the default) or "quarter"; any other is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_report_options_set_interval(crm_report_options *options, const char *interval);
/** What the rows of the reports with the "group" option stand for:
 *  "owner" (the default), "lead_source", "product", "campaign", "industry"
 *  or "job_title" (crm_report_info_group() lists those each report takes);
 *  any other is CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_report_options_set_group(crm_report_options *options, const char *group);
/** The days the reports with the "days" option look at; 0 for each
 *  report's default (crm_report_info_default_days()); negative is
 *  CRM_INVALID_ARGUMENT. */
CRM_API crm_status crm_report_options_set_days(crm_report_options *options, int days);

/** How many reports crm_report_run() knows. */
CRM_API crm_status crm_report_available_count(size_t *out_count);
/** The name of report number index; static storage. CRM_NOT_FOUND past
 *  the last. The crm_report_info_*() functions describe each one. */
CRM_API crm_status crm_report_available(size_t index, const char **out_name);

/* What each report is and takes, from the library's one catalog of reports.
 * Every string is static storage. An unknown report name is
 * CRM_INVALID_ARGUMENT listing the names; an index past the last of a list
 * CRM_NOT_FOUND. */

/** What report name shows, in one line. */
CRM_API crm_status crm_report_info_title(const char *name, const char **out_title);
/** What report name shows, in a paragraph: its records, the date the range
 *  applies to, the order of its rows. */
CRM_API crm_status crm_report_info_summary(const char *name, const char **out_summary);
/** How many options report name accepts. */
CRM_API crm_status crm_report_info_option_count(const char *name, size_t *out_count);
/** Option number index that report name accepts: "start", "end", "as_of",
 *  "owner", "pipeline", "segment", "interval", "group" or "days" (the
 *  crm_report_options_set_*() of that name). A report refuses a range,
 *  owner, pipeline, segment or group it does not accept with
 *  CRM_INVALID_ARGUMENT; it ignores an interval or days it does not use. */
CRM_API crm_status crm_report_info_option(const char *name, size_t index, const char **out_option);
/** What report option `option` ("start", "group", ...) does, in one sentence;
 *  CRM_INVALID_ARGUMENT for another name. */
CRM_API crm_status crm_report_option_doc(const char *option, const char **out_doc);
/** How many groupings report name takes (0 without the "group" option). */
CRM_API crm_status crm_report_info_group_count(const char *name, size_t *out_count);
/** Grouping number index that report name takes ("owner", "lead_source",
 *  ...), as crm_report_options_set_group() names it. */
CRM_API crm_status crm_report_info_group(const char *name, size_t index, const char **out_group);
/** How many record kinds of segment report name takes (0 without the
 *  "segment" option). */
CRM_API crm_status crm_report_info_segment_kind_count(const char *name, size_t *out_count);
/** Record kind number index ("account", "contact", "lead", "opportunity",
 *  "activity") of the segments report name takes. */
CRM_API crm_status crm_report_info_segment_kind(const char *name, size_t index, const char **out_kind);
/** The days report name looks at when the days option is 0 (0 for a report
 *  without the "days" option). */
CRM_API crm_status crm_report_info_default_days(const char *name, int *out_days);
/** How many columns the table of report name has. */
CRM_API crm_status crm_report_info_column_count(const char *name, size_t *out_count);
/** Column number index of report name's table, as crm_report_rows() gives
 *  it: its name, type and what a cell holds; any out pointer may be NULL. */
CRM_API crm_status crm_report_info_column(const char *name, size_t index, const char **out_name,
                                          crm_column_type *out_type, const char **out_doc);

/** Runs report name with options (NULL: the defaults of
 *  crm_report_options_new()) over one snapshot of the database; free
 *  *out_report (NULL on failure) with crm_report_free(). An unknown name is
 *  CRM_INVALID_ARGUMENT listing the names; a missing exchange rate
 *  CRM_NOT_FOUND naming the pair and the day. */
CRM_API crm_status crm_report_run(crm_db *db, const char *name, const crm_report_options *options,
                                  crm_report **out_report);
/** Frees a report; NULL is a no-op. */
CRM_API void crm_report_free(crm_report *report);
/** The report's name ("forecast"); borrowed until the report is freed. */
CRM_API crm_status crm_report_name(const crm_report *report, const char **out_name);
/** The currency of its decimal (money) columns, the base currency;
 *  borrowed until the report is freed. */
CRM_API crm_status crm_report_currency(const crm_report *report, const char **out_currency);
/** How many exchange rates the report applied. */
CRM_API crm_status crm_report_rate_count(const crm_report *report, size_t *out_count);
/** Rate number index (by pair, then day): its pair, first day and decimal,
 *  borrowed until the report is freed; any out pointer may be NULL.
 *  CRM_NOT_FOUND past the last. */
CRM_API crm_status crm_report_rate(const crm_report *report, size_t index, const char **out_from,
                                   const char **out_to, const char **out_valid_from, const char **out_rate);
/** A new cursor over the report's rows: crm_cursor_column_count() and
 *  crm_cursor_column() tell its columns, the crm_cursor_* cell readers read
 *  them (money columns, CRM_COLUMN_DECIMAL, with crm_cursor_text()). The
 *  cursor holds its own copy of the rows: it may outlive the report and
 *  the database. Free it with crm_cursor_free(). */
CRM_API crm_status crm_report_rows(const crm_report *report, crm_cursor **out_cursor);

#ifdef __cplusplus
}
#endif

#endif /* CRM_H */
