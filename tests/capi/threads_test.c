/*
 * Several threads, each with its own crm_db handle on one file, write
 * contacts concurrently (in transactions and one by one) and read while the
 * others write. Afterwards every row is there, once.
 *
 *   crm_capi_threads_test SCRATCH_DIR
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

enum { kThreads = 4, kBatches = 10, kPerBatch = 20, kSingles = 25 };

static char database_path[1200];

struct worker {
  int number;
  int failures;
  char message[512];
};

static int add_contact(crm_db *db, int thread, int index) {
  crm_contact *contact = NULL;
  char ref[64], phone[32], email[64];
  crm_status status;
  snprintf(ref, sizeof ref, "T%d-%d", thread, index);
  snprintf(phone, sizeof phone, "+371 2%d%06d", thread, index);
  snprintf(email, sizeof email, "t%d.%d@example.lv", thread, index);
  if (crm_contact_new(&contact) != CRM_OK) return 0;
  crm_contact_set(contact, "last_name", "Bērziņš");
  crm_contact_set(contact, "external_ref", ref);
  crm_contact_add_phone(contact, CRM_PHONE_MOBILE, phone);
  crm_contact_add_email(contact, email, 1);
  status = crm_contact_create(db, contact, NULL);
  crm_contact_free(contact);
  return status == CRM_OK;
}

static void *work(void *argument) {
  struct worker *self = (struct worker *)argument;
  crm_options *options = NULL;
  crm_db *db = NULL;
  int batch, i, index = 0;
  int64_t seen = 0;

  crm_options_new(&options);
  crm_options_set_busy_timeout(options, 30000);
  if (crm_db_open(database_path, options, &db) != CRM_OK) {
    snprintf(self->message, sizeof self->message, "open: %s", crm_last_error()->message);
    self->failures++;
    crm_options_free(options);
    return NULL;
  }
  crm_options_free(options);
  for (batch = 0; batch < kBatches; ++batch) {
    if (crm_db_begin(db) != CRM_OK) {
      snprintf(self->message, sizeof self->message, "begin: %s", crm_last_error()->message);
      self->failures++;
      continue;
    }
    for (i = 0; i < kPerBatch; ++i)
      if (!add_contact(db, self->number, index++)) self->failures++;
    if (crm_db_commit(db) != CRM_OK) {
      snprintf(self->message, sizeof self->message, "commit: %s", crm_last_error()->message);
      self->failures++;
    }
    if (crm_contact_count(db, NULL, &seen) != CRM_OK) self->failures++;
  }
  for (i = 0; i < kSingles; ++i)
    if (!add_contact(db, self->number, index++)) {
      snprintf(self->message, sizeof self->message, "create: %s", crm_last_error()->message);
      self->failures++;
    }
  crm_db_free(db);
  return NULL;
}

int main(int argc, char **argv) {
  pthread_t threads[kThreads];
  struct worker workers[kThreads];
  crm_db *db = NULL;
  int64_t count = 0;
  int t, i;

  if (argc != 2) {
    fprintf(stderr, "usage: %s SCRATCH_DIR\n", argv[0]);
    return 2;
  }
  snprintf(database_path, sizeof database_path, "%s/threads.crm", argv[1]);
  remove(database_path);
  CHECK_OK(crm_db_open(database_path, NULL, &db)); /* create the schema first */

  for (t = 0; t < kThreads; ++t) {
    memset(&workers[t], 0, sizeof workers[t]);
    workers[t].number = t;
    CHECK(pthread_create(&threads[t], NULL, work, &workers[t]) == 0);
  }
  for (t = 0; t < kThreads; ++t) {
    pthread_join(threads[t], NULL);
    if (workers[t].failures) fprintf(stderr, "thread %d: %d failures, last: %s\n", t, workers[t].failures, workers[t].message);
    CHECK(workers[t].failures == 0);
  }

  CHECK_OK(crm_contact_count(db, NULL, &count));
  CHECK(count == kThreads * (kBatches * kPerBatch + kSingles));
  for (t = 0; t < kThreads; ++t) {
    for (i = 0; i < kBatches * kPerBatch + kSingles; i += 37) {
      char ref[64];
      crm_contact *found = NULL;
      snprintf(ref, sizeof ref, "T%d-%d", t, i);
      CHECK_OK(crm_contact_find_by_external_ref(db, ref, &found));
      CHECK(found != NULL);
      crm_contact_free(found);
    }
  }
  {
    char *report = NULL;
    CHECK_OK(crm_db_integrity_check(db, &report));
    CHECK(same(report, ""));
    crm_free(report);
  }
  crm_db_free(db);
  return check_report("crm_capi_threads_test");
}
