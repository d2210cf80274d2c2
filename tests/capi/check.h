/* A tiny test harness for the C tests of crm.h (C99). */
#ifndef CRM_TEST_CHECK_H
#define CRM_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "crm/crm.h"

static int check_failures = 0;

/* Fails the test (and goes on) unless cond holds. */
#define CHECK(cond)                                                          \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
      ++check_failures;                                                      \
    }                                                                        \
  } while (0)

/* The call must return CRM_OK. */
#define CHECK_OK(call)                                                                      \
  do {                                                                                      \
    crm_status check_status_ = (call);                                                      \
    if (check_status_ != CRM_OK) {                                                          \
      fprintf(stderr, "%s:%d: %s returned %s: %s\n", __FILE__, __LINE__, #call,             \
              crm_status_name(check_status_), crm_last_error()->message);                   \
      ++check_failures;                                                                     \
    }                                                                                       \
  } while (0)

/* The call must fail with `expected`, crm_last_error() must report the same
   code and its message must contain `fragment`. */
#define CHECK_FAILS(call, expected, fragment)                                               \
  do {                                                                                      \
    crm_status check_status_ = (call);                                                      \
    const crm_error *check_error_ = crm_last_error();                                       \
    if (check_status_ != (expected) || check_error_->code != (expected) ||                  \
        strstr(check_error_->message, (fragment)) == NULL) {                                \
      fprintf(stderr, "%s:%d: %s returned %s (last error %s: \"%s\"), expected %s with \"%s\"\n", \
              __FILE__, __LINE__, #call, crm_status_name(check_status_),                    \
              crm_status_name(check_error_->code), check_error_->message,                   \
              crm_status_name(expected), (fragment));                                       \
      ++check_failures;                                                                     \
    }                                                                                       \
  } while (0)

/* Adds the users the tests give records to (a record's owner must be an
   active user): anna, anna.berzina, ilze, olena.m, peteris. */
static inline void add_test_users(crm_db *db) {
  static const char *const logins[] = {"anna", "anna.berzina", "ilze", "olena.m", "peteris"};
  size_t i;
  for (i = 0; i < sizeof logins / sizeof logins[0]; ++i) {
    crm_user *user = NULL;
    CHECK_OK(crm_user_new(&user));
    CHECK_OK(crm_user_set(user, "login", logins[i]));
    CHECK_OK(crm_user_set(user, "roles", "administrator"));
    CHECK_OK(crm_user_create(db, user, NULL));
    crm_user_free(user);
  }
}

/* A new in-memory database whose phone numbers without a country code are
   in region (NULL: none), without users. */
static inline crm_db *open_bare_memory_in(const char *region) {
  crm_options *options = NULL;
  crm_db *db = NULL;
  CHECK_OK(crm_options_new(&options));
  if (region != NULL) CHECK_OK(crm_options_set_default_region(options, region));
  CHECK_OK(crm_db_open(":memory:", options, &db));
  crm_options_free(options);
  return db;
}

/* A new in-memory database whose phone numbers without a country code are
   in region (NULL: none), with the users of add_test_users(). */
static inline crm_db *open_memory_in(const char *region) {
  crm_db *db = open_bare_memory_in(region);
  add_test_users(db);
  return db;
}

/* A new account with only a name; its id. */
static inline int64_t make_named_account(crm_db *db, const char *name) {
  crm_account *data = NULL;
  crm_account *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_account_new(&data));
  CHECK_OK(crm_account_set(data, "name", name));
  CHECK_OK(crm_account_create(db, data, &created));
  CHECK_OK(crm_account_id(created, &id));
  crm_account_free(data);
  crm_account_free(created);
  return id;
}

/* True when the two strings are equal (NULL equals only NULL). */
static int same(const char *a, const char *b) {
  if (a == NULL || b == NULL) return a == b;
  return strcmp(a, b) == 0;
}

/* The exit status for main(). */
static int check_report(const char *name) {
  if (check_failures == 0) {
    printf("%s: all checks passed\n", name);
    return 0;
  }
  printf("%s: %d checks failed\n", name, check_failures);
  return 1;
}

#endif
