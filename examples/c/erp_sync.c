/*
 * An ERP integration in C: keep crmcore's accounts in step with the ERP's
 * customer list, then log an incoming call the PBX reports: the caller is
 * found by number (any written form) and the call is recorded on their
 * history; a call from an unknown number is kept for later.
 *
 *   erp_sync DATABASE CUSTOMERS.csv CALLER_NUMBER
 *
 * CUSTOMERS.csv is the ERP's export: ';'-separated, a header line, columns
 * code;name;vat_id;phone;email;country;contact_first_name;contact_last_name;contact_phone.
 * Each customer is created, or updated when its code (external_ref) is known;
 * its contact person is created once. Running it twice changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <crm/crm.h>

enum { kColumns = 9 };

static int report(const char *what) {
  const crm_error *error = crm_last_error();
  fprintf(stderr, "%s: %s (%s)\n", what, error->message, crm_status_name(error->code));
  return 1;
}

/* Splits line in place at ';' into at most kColumns fields. */
static int split(char *line, char *fields[kColumns]) {
  int count = 0;
  char *start = line;
  line[strcspn(line, "\r\n")] = '\0';
  while (count < kColumns) {
    char *end = strchr(start, ';');
    fields[count++] = start;
    if (!end) break;
    *end = '\0';
    start = end + 1;
  }
  return count;
}

/* Creates or updates the account for one ERP customer; returns its id or 0. */
static int64_t sync_account(crm_db *db, char *fields[kColumns], int *created) {
  static const char *names[] = {"external_ref", "name", "vat_id", "phone", "email", "country"};
  crm_account *account = NULL;
  crm_account *stored = NULL;
  int64_t id = 0;
  int i;
  crm_status status;

  if (crm_account_find_by_external_ref(db, fields[0], &account) != CRM_OK) return report("lookup"), 0;
  *created = account == NULL;
  if (*created && crm_account_new(&account) != CRM_OK) return report("new account"), 0;
  for (i = 0; i < 6; ++i)
    if (crm_account_set(account, names[i], fields[i]) != CRM_OK) return report(names[i]), 0;
  status = *created ? crm_account_create(db, account, &stored) : crm_account_update(db, account, &stored);
  crm_account_free(account);
  if (status != CRM_OK) return report(fields[0]), 0;
  crm_account_id(stored, &id);
  crm_account_free(stored);
  return id;
}

/* Creates the customer's contact person unless one with that phone exists. */
static int sync_contact(crm_db *db, int64_t account_id, char *fields[kColumns]) {
  crm_cursor *known = NULL;
  crm_contact *contact = NULL;
  crm_status status;
  if (crm_contact_find_by_phone(db, fields[8], &known) != CRM_OK) return report(fields[8]);
  status = crm_cursor_next(known);
  crm_cursor_free(known);
  if (status == CRM_ROW) return 0;
  if (crm_contact_new(&contact) != CRM_OK) return report("new contact");
  crm_contact_set(contact, "first_name", fields[6]);
  crm_contact_set(contact, "last_name", fields[7]);
  crm_contact_add_phone(contact, CRM_PHONE_MOBILE, fields[8]);
  crm_contact_set_account(contact, account_id);
  status = crm_contact_create(db, contact, NULL);
  crm_contact_free(contact);
  return status == CRM_OK ? 0 : report(fields[7]);
}

static int import_customers(crm_db *db, const char *path) {
  char line[2048];
  char *fields[kColumns];
  int created_count = 0, updated_count = 0, line_number = 0;
  FILE *in = fopen(path, "r");
  if (!in) {
    perror(path);
    return 1;
  }
  if (crm_db_begin(db) != CRM_OK) return report("begin");
  while (fgets(line, sizeof line, in)) {
    int created = 0;
    int64_t id;
    if (++line_number == 1) continue; /* header */
    if (split(line, fields) != kColumns) {
      fprintf(stderr, "%s:%d: expected %d columns\n", path, line_number, kColumns);
      continue;
    }
    id = sync_account(db, fields, &created);
    if (id == 0 || sync_contact(db, id, fields) != 0) {
      crm_db_rollback(db);
      fclose(in);
      return 1;
    }
    created ? ++created_count : ++updated_count;
  }
  fclose(in);
  if (crm_db_commit(db) != CRM_OK) return report("commit");
  printf("ERP customers: %d created, %d updated\n", created_count, updated_count);
  return 0;
}

/* Name of the contact (first and last) and of the account; "" when unknown. */
static void describe(crm_db *db, int64_t contact_id, int64_t account_id, char *out, size_t size) {
  crm_contact *contact = NULL;
  crm_account *account = NULL;
  const char *first = "", *last = "", *company = "";
  if (contact_id && crm_contact_get(db, contact_id, &contact) == CRM_OK) {
    crm_contact_get_field(contact, "first_name", &first);
    crm_contact_get_field(contact, "last_name", &last);
  }
  if (account_id && crm_account_get(db, account_id, &account) == CRM_OK)
    crm_account_get_field(account, "name", &company);
  snprintf(out, size, "%s %s, %s", first, last, company);
  crm_contact_free(contact);
  crm_account_free(account);
}

/* Records the call the PBX reported (60 seconds, answered) and says who it was. */
static int log_call(crm_db *db, const char *number) {
  crm_activity *call = NULL;
  crm_activity *logged = NULL;
  int64_t contact_id = 0, account_id = 0, activity_id = 0;
  char who[512];

  if (crm_activity_new(&call) != CRM_OK) return report("new call");
  if (crm_activity_set(call, "phone", number) != CRM_OK || crm_activity_set(call, "direction", "inbound") != CRM_OK ||
      crm_activity_set_int(call, "duration_seconds", 60) != CRM_OK ||
      crm_activity_set(call, "outcome", "answered") != CRM_OK) {
    crm_activity_free(call);
    return report(number);
  }
  if (crm_telephony_record_call(db, call, &logged, &contact_id, &account_id) != CRM_OK) {
    crm_activity_free(call);
    return report(number);
  }
  crm_activity_get_int(logged, "id", &activity_id);
  if (contact_id == 0) {
    printf("Incoming call from %s: unknown caller (logged as activity %lld, to attach later)\n", number,
           (long long)activity_id);
  } else {
    describe(db, contact_id, account_id, who, sizeof who);
    printf("Incoming call from %s: %s (logged as activity %lld)\n", number, who, (long long)activity_id);
  }
  crm_activity_free(logged);
  crm_activity_free(call);
  return 0;
}

int main(int argc, char **argv) {
  crm_options *options = NULL;
  crm_db *db = NULL;
  int failed;
  if (argc != 4) {
    fprintf(stderr, "usage: %s DATABASE CUSTOMERS.csv CALLER_NUMBER\n", argv[0]);
    return 2;
  }
  if (crm_version_number() / 10000 != CRM_VERSION_MAJOR) {
    fprintf(stderr, "built for crmcore %d, loaded %s\n", CRM_VERSION_MAJOR, crm_version_string());
    return 1;
  }
  crm_options_new(&options);
  crm_options_set_default_region(options, "LV");
  if (crm_db_open(argv[1], options, &db) != CRM_OK) {
    crm_options_free(options);
    return report(argv[1]);
  }
  crm_options_free(options);
  failed = import_customers(db, argv[2]) || log_call(db, argv[3]);
  crm_db_free(db);
  return failed;
}
