/*
 * Tests of users and teams through the C ABI, written in C99: users filled
 * field by field (roles as comma-separated names), stored, found by exact
 * login, updated (the login fixed), deactivated, listed; a record's owner
 * must be an active user; teams created as a tree, found, listed, renamed,
 * moved (never under themselves), their members with and without the teams
 * below, removed only when empty; and misuse, each time with the status and
 * crm_last_error()'s message.
 *
 * Connections acting as users (crm_db_as_user(), crm_db_set_user(),
 * crm_db_open_as()) see and write what their roles allow; crm_access_*.
 *
 *   crm_capi_user_test SCRATCH_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "crm/crm.h"

/* Stores a user with login in team (0: none) with roles ("" for none); its id. */
static int64_t make_user(crm_db *db, const char *login, int64_t team, const char *roles) {
  crm_user *data = NULL;
  crm_user *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_user_new(&data));
  CHECK_OK(crm_user_set(data, "login", login));
  CHECK_OK(crm_user_set(data, "roles", roles));
  CHECK_OK(crm_user_set_team(data, team));
  CHECK_OK(crm_user_create(db, data, &created));
  CHECK_OK(crm_user_get_int(created, "id", &id));
  crm_user_free(data);
  crm_user_free(created);
  return id;
}

/* The logins of the users on cursor, joined by "|" into out (size bytes); frees the cursor. */
static void logins_of(crm_cursor *cursor, char *out, size_t size) {
  const crm_user *user = NULL;
  const char *login = NULL;
  crm_status status;
  out[0] = '\0';
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    CHECK_OK(crm_cursor_user(cursor, &user));
    CHECK_OK(crm_user_get_field(user, "login", &login));
    if (out[0] != '\0') strncat(out, "|", size - strlen(out) - 1);
    strncat(out, login, size - strlen(out) - 1);
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
}

/* The team names on cursor with their parent ids, "name<parent" joined by "|"; frees the cursor. */
static void teams_of(crm_cursor *cursor, char *out, size_t size) {
  const char *name = NULL;
  int64_t id = 0;
  int64_t parent = 0;
  char item[128];
  crm_status status;
  out[0] = '\0';
  while ((status = crm_cursor_next(cursor)) == CRM_ROW) {
    CHECK_OK(crm_cursor_team(cursor, &id, &name, &parent));
    CHECK(id > 0);
    snprintf(item, sizeof item, "%s%s<%lld", out[0] == '\0' ? "" : "|", name, (long long)parent);
    strncat(out, item, size - strlen(out) - 1);
  }
  CHECK(status == CRM_DONE);
  crm_cursor_free(cursor);
}

static void test_users(void) {
  crm_db *db = open_bare_memory_in("LV");
  crm_user *data = NULL;
  crm_user *anna = NULL;
  crm_user *found = NULL;
  crm_user *updated = NULL;
  crm_cursor *cursor = NULL;
  const char *value = NULL;
  int64_t number = 0;
  int64_t team = 0;
  char logins[256];

  CHECK_OK(crm_team_create(db, "Baltics", 0, &team));
  CHECK_OK(crm_user_new(&data));
  CHECK_OK(crm_user_set(data, "login", "anna"));
  CHECK_OK(crm_user_set(data, "name", "Anna B\xc4\x93rzi\xc5\x86" "a"));
  CHECK_OK(crm_user_set(data, "email", "anna@example.com"));
  CHECK_OK(crm_user_set(data, "time_zone", "Europe/Riga"));
  CHECK_OK(crm_user_set(data, "roles", "sales_rep, sales_manager"));
  CHECK_OK(crm_user_set_team(data, team));
  CHECK_FAILS(crm_user_set(data, "roles", "boss"), CRM_INVALID_ARGUMENT, "'boss' is not a role");
  CHECK_FAILS(crm_user_set(data, "shoe_size", "42"), CRM_INVALID_ARGUMENT, "not a field");
  CHECK_OK(crm_user_create(db, data, &anna));
  CHECK_OK(crm_user_get_field(anna, "roles", &value));
  CHECK(same(value, "sales_manager,sales_rep"));
  CHECK_OK(crm_user_get_field(anna, "time_zone", &value));
  CHECK(same(value, "Europe/Riga"));
  CHECK_OK(crm_user_get_int(anna, "team_id", &number));
  CHECK(number == team);
  CHECK_OK(crm_user_get_int(anna, "active", &number));
  CHECK(number == 1);
  CHECK_FAILS(crm_user_create(db, data, NULL), CRM_ALREADY_EXISTS, "'anna' is already a user");

  CHECK_OK(crm_user_find(db, "anna", &found));
  CHECK(found != NULL);
  crm_user_free(found);
  CHECK_OK(crm_user_find(db, "Anna", &found));
  CHECK(found == NULL); /* logins compare exactly */
  CHECK_OK(crm_user_get_int(anna, "id", &number));
  CHECK_OK(crm_user_get(db, number, &found));
  CHECK_OK(crm_user_get_field(found, "email", &value));
  CHECK(same(value, "anna@example.com"));
  crm_user_free(found);
  CHECK_FAILS(crm_user_get(db, 999, &found), CRM_NOT_FOUND, "user 999");

  /* A record's owner must be an active user. */
  {
    crm_account *account = NULL;
    CHECK_OK(crm_account_new(&account));
    CHECK_OK(crm_account_set(account, "name", "SIA Koks"));
    CHECK_OK(crm_account_set(account, "owner", "anna"));
    CHECK_OK(crm_account_create(db, account, NULL));
    CHECK_OK(crm_user_owned_records(db, "anna", &number));
    CHECK(number == 1);
    CHECK_OK(crm_user_set_active(anna, 0));
    CHECK_OK(crm_user_update(db, anna, &updated));
    CHECK_OK(crm_user_get_int(updated, "active", &number));
    CHECK(number == 0);
    crm_user_free(updated);
    CHECK_FAILS(crm_account_create(db, account, NULL), CRM_INVALID_ARGUMENT, "account.owner");
    CHECK_OK(crm_account_set(account, "owner", "nobody"));
    CHECK_FAILS(crm_account_create(db, account, NULL), CRM_INVALID_ARGUMENT, "not an active user");
    crm_account_free(account);
  }
  CHECK_OK(crm_user_set(anna, "login", "anna2"));
  CHECK_FAILS(crm_user_update(db, anna, NULL), CRM_INVALID_ARGUMENT, "a login cannot change");

  make_user(db, "janis", 0, "");
  CHECK_OK(crm_user_list(db, 0, &cursor));
  logins_of(cursor, logins, sizeof logins);
  CHECK(same(logins, "anna|janis"));
  CHECK_OK(crm_user_list(db, 1, &cursor));
  logins_of(cursor, logins, sizeof logins);
  CHECK(same(logins, "janis"));

  crm_user_free(data);
  crm_user_free(anna);
  crm_db_free(db);
}

static void test_teams(void) {
  crm_db *db = open_bare_memory_in(NULL);
  crm_cursor *cursor = NULL;
  int64_t sales = 0, baltics = 0, riga = 0, found = 0;
  char text[256];
  char expected[256];

  CHECK_OK(crm_team_create(db, "Sales", 0, &sales));
  CHECK_OK(crm_team_create(db, "Baltics", sales, &baltics));
  CHECK_OK(crm_team_create(db, "Riga", baltics, &riga));
  CHECK_FAILS(crm_team_create(db, "SALES", 0, NULL), CRM_ALREADY_EXISTS, "already a team");
  CHECK_FAILS(crm_team_create(db, "X", 999, NULL), CRM_NOT_FOUND, "team 999");
  make_user(db, "boss", sales, "sales_manager");
  make_user(db, "anna", baltics, "sales_rep");
  make_user(db, "janis", riga, "sales_rep");

  CHECK_OK(crm_team_find(db, "baltics", &found));
  CHECK(found == baltics);
  CHECK_OK(crm_team_find(db, "Nowhere", &found));
  CHECK(found == 0);
  {
    char *name = NULL;
    int64_t parent = -1;
    CHECK_OK(crm_team_get(db, riga, &name, &parent));
    CHECK(same(name, "Riga"));
    CHECK(parent == baltics);
    crm_free(name);
    CHECK_OK(crm_team_get(db, sales, NULL, &parent));
    CHECK(parent == 0);
    CHECK_FAILS(crm_team_get(db, 999, &name, &parent), CRM_NOT_FOUND, "team 999");
    CHECK(name == NULL);
  }
  CHECK_OK(crm_team_list(db, &cursor));
  teams_of(cursor, text, sizeof text);
  snprintf(expected, sizeof expected, "Baltics<%lld|Riga<%lld|Sales<0", (long long)sales, (long long)baltics);
  CHECK(same(text, expected));
  CHECK_OK(crm_team_below(db, sales, &cursor));
  teams_of(cursor, text, sizeof text);
  CHECK(strstr(text, "Baltics<") == text && strstr(text, "|Riga<") != NULL);

  CHECK_OK(crm_team_members(db, sales, 1, &cursor));
  logins_of(cursor, text, sizeof text);
  CHECK(same(text, "anna|boss|janis"));
  CHECK_OK(crm_team_members(db, baltics, 0, &cursor));
  logins_of(cursor, text, sizeof text);
  CHECK(same(text, "anna"));

  CHECK_FAILS(crm_team_move(db, sales, riga), CRM_INVALID_ARGUMENT, "cannot move under itself");
  CHECK_OK(crm_team_move(db, riga, 0));
  CHECK_OK(crm_team_rename(db, riga, "R\xc4\xabga"));
  CHECK_OK(crm_team_find(db, "riga", &found));
  CHECK(found == riga);
  CHECK_FAILS(crm_team_remove(db, riga), CRM_CONFLICT, "1 member(s)");
  CHECK_FAILS(crm_team_remove(db, 999), CRM_NOT_FOUND, "team 999");
  crm_db_free(db);
}

/* An import adds the users its owner cells name, unless told not to. */
static void test_import_owners(void) {
  static const char kCsv[] = "name,owner\nSIA Koks,peteris\nSIA Ozols,peteris\n";
  crm_db *db = open_bare_memory_in(NULL);
  crm_import_options *options = NULL;
  crm_import_result *result = NULL;
  int64_t inserted = 0, failed = 0, owned = 0;
  size_t count = 0;
  const char *login = NULL;

  CHECK_OK(crm_import_options_new("account", &options));
  CHECK_OK(crm_import_options_set_create_owners(options, 0));
  CHECK_OK(crm_import_text(db, kCsv, sizeof kCsv - 1, options, &result));
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, &failed));
  CHECK(inserted == 0 && failed == 2);
  CHECK_OK(crm_import_result_users_created_count(result, &count));
  CHECK(count == 0);
  crm_import_result_free(result);

  CHECK_OK(crm_import_options_set_create_owners(options, 1));
  CHECK_OK(crm_import_text(db, kCsv, sizeof kCsv - 1, options, &result));
  CHECK_OK(crm_import_result_counts(result, NULL, &inserted, NULL, NULL, &failed));
  CHECK(inserted == 2 && failed == 0);
  CHECK_OK(crm_import_result_users_created_count(result, &count));
  CHECK(count == 1);
  CHECK_OK(crm_import_result_user_created(result, 0, &login));
  CHECK(same(login, "peteris"));
  CHECK_FAILS(crm_import_result_user_created(result, 1, &login), CRM_INVALID_ARGUMENT, "past the last created user");
  crm_import_result_free(result);
  CHECK_OK(crm_user_owned_records(db, "peteris", &owned));
  CHECK(owned == 2);
  crm_import_options_free(options);
  crm_db_free(db);
}

static void test_misuse(void) {
  crm_db *db = open_bare_memory_in(NULL);
  crm_user *user = NULL;
  int64_t number = 0;
  CHECK_FAILS(crm_user_new(NULL), CRM_MISUSE, "out_user");
  CHECK_FAILS(crm_user_set(NULL, "login", "x"), CRM_MISUSE, "NULL");
  CHECK_FAILS(crm_user_set_team(NULL, 1), CRM_MISUSE, "user");
  CHECK_FAILS(crm_user_set_active(NULL, 1), CRM_MISUSE, "user");
  CHECK_FAILS(crm_user_find(db, NULL, &user), CRM_MISUSE, "login");
  CHECK_FAILS(crm_user_owned_records(db, "x", NULL), CRM_MISUSE, "out_count");
  CHECK_FAILS(crm_team_create(db, NULL, 0, NULL), CRM_MISUSE, "name");
  CHECK_OK(crm_user_new(&user));
  CHECK_FAILS(crm_user_get_int(user, "shoe_size", &number), CRM_INVALID_ARGUMENT, "shoe_size");
  CHECK_FAILS(crm_user_create(db, user, NULL), CRM_INVALID_ARGUMENT, "user.login");
  crm_user_free(user);
  crm_user_free(NULL);
  crm_db_free(db);
}

/* A contact called last_name owned by owner; its id. */
static int64_t make_owned_contact(crm_db *db, const char *last_name, const char *owner) {
  crm_contact *data = NULL;
  crm_contact *created = NULL;
  int64_t id = 0;
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "last_name", last_name));
  CHECK_OK(crm_contact_set(data, "owner", owner));
  CHECK_OK(crm_contact_create(db, data, &created));
  CHECK_OK(crm_contact_id(created, &id));
  crm_contact_free(data);
  crm_contact_free(created);
  return id;
}

static int64_t count_contacts(crm_db *db) {
  int64_t count = -1;
  CHECK_OK(crm_contact_count(db, NULL, &count));
  return count;
}

/* The status of creating a contact on db. */
static crm_status make_owned_contact_status(crm_db *db) {
  crm_contact *data = NULL;
  crm_status status;
  CHECK_OK(crm_contact_new(&data));
  CHECK_OK(crm_contact_set(data, "last_name", "Refused"));
  status = crm_contact_create(db, data, NULL);
  crm_contact_free(data);
  return status;
}

/* Connections acting as users see and write what their roles allow. */
static void test_acting_users(void) {
  crm_db *db = open_bare_memory_in(NULL);
  crm_db *anna = NULL;
  crm_db *boss = NULL;
  crm_db *other = NULL;
  crm_contact *contact = NULL;
  char *text = NULL;
  int64_t sales = 0, baltics = 0, anna_contact, olga_contact;

  CHECK_OK(crm_team_create(db, "Sales", 0, &sales));
  CHECK_OK(crm_team_create(db, "Baltics", sales, &baltics));
  make_user(db, "boss", sales, "sales_manager");
  make_user(db, "anna", baltics, "sales_rep");
  make_user(db, "olga", 0, "sales_rep");
  make_user(db, "ana", 0, "analyst");
  anna_contact = make_owned_contact(db, "Anna's", "anna");
  olga_contact = make_owned_contact(db, "Olga's", "olga");
  make_owned_contact(db, "Nobody's", "");

  CHECK_OK(crm_db_as_user(db, "anna", &anna));
  CHECK_OK(crm_db_user(anna, &text));
  CHECK(same(text, "anna"));
  crm_free(text);
  CHECK(count_contacts(anna) == 2); /* her own and the unassigned one */
  CHECK_FAILS(crm_contact_get(anna, olga_contact, &contact), CRM_NOT_FOUND, "does not exist");
  CHECK(contact == NULL);
  CHECK_OK(crm_contact_get(anna, anna_contact, &contact));
  CHECK_OK(crm_contact_set(contact, "owner", "olga"));
  CHECK_FAILS(crm_contact_update(anna, contact, NULL), CRM_PERMISSION_DENIED,
              "assign contact: not within your scope (none)");
  crm_contact_free(contact);

  /* Shared with olga, anna's contact is hers to read; and gone when unshared. */
  {
    crm_db *olga = NULL;
    crm_cursor *shares = NULL;
    const char *login = NULL;
    const char *level = NULL;
    int64_t team = -1;
    int removed = -1;
    CHECK_OK(crm_db_as_user(db, "olga", &olga));
    CHECK(count_contacts(olga) == 2);
    CHECK_OK(crm_access_share(anna, "contact", anna_contact, "olga", 0, "edit"));
    CHECK(count_contacts(olga) == 3);
    CHECK_OK(crm_access_shares(anna, "contact", anna_contact, &shares));
    CHECK(crm_cursor_next(shares) == CRM_ROW);
    CHECK_OK(crm_cursor_share(shares, &login, &team, &level));
    CHECK(same(login, "olga") && team == 0 && same(level, "edit"));
    CHECK(crm_cursor_next(shares) == CRM_DONE);
    crm_cursor_free(shares);
    CHECK_FAILS(crm_access_share(anna, "contact", anna_contact, "olga", baltics, NULL), CRM_MISUSE, "either login");
    CHECK_FAILS(crm_access_share(anna, "contact", anna_contact, NULL, 0, NULL), CRM_MISUSE, "either login");
    CHECK_FAILS(crm_access_share(anna, "contact", anna_contact, "olga", 0, "own"), CRM_INVALID_ARGUMENT, "read, edit");
    CHECK_FAILS(crm_access_share(olga, "contact", olga_contact + 1000, "anna", 0, NULL), CRM_NOT_FOUND, "does not exist");
    CHECK_OK(crm_access_unshare(anna, "contact", anna_contact, "olga", 0, &removed));
    CHECK(removed == 1);
    CHECK(count_contacts(olga) == 2);
    crm_db_free(olga);
  }

  CHECK_OK(crm_db_set_user(anna, "boss"));
  CHECK(count_contacts(anna) == 2); /* olga is in no team */
  CHECK_OK(crm_db_set_user(anna, NULL));
  CHECK(count_contacts(anna) == 3);
  CHECK_FAILS(crm_db_set_user(anna, "ghost"), CRM_NOT_FOUND, "'ghost' is not a user");
  CHECK_FAILS(crm_db_as_user(db, "ghost", &other), CRM_NOT_FOUND, "ghost");
  CHECK(other == NULL);

  CHECK_OK(crm_access_scope(db, "anna", "contact", "read", &text));
  CHECK(same(text, "own"));
  crm_free(text);
  CHECK_OK(crm_access_scope(db, "boss", "opportunity", "assign", &text));
  CHECK(same(text, "team_and_below"));
  crm_free(text);
  CHECK_FAILS(crm_access_scope(db, "anna", "contact", "fly", &text), CRM_INVALID_ARGUMENT, "not a action");
  CHECK_FAILS(crm_access_scope(db, "ghost", "contact", "read", &text), CRM_NOT_FOUND, "ghost");

  CHECK_OK(crm_access_unassigned_visibility(db, &text));
  CHECK(same(text, "everyone"));
  crm_free(text);
  CHECK_OK(crm_db_as_user(db, "boss", &boss));
  CHECK_FAILS(crm_access_set_unassigned_visibility(boss, "all_scope"), CRM_PERMISSION_DENIED,
              "changing settings needs the administrator role");
  CHECK_FAILS(crm_access_set_unassigned_visibility(db, "some"), CRM_INVALID_ARGUMENT, "everyone, all_scope");
  CHECK_OK(crm_access_set_unassigned_visibility(db, "all_scope"));
  CHECK_OK(crm_db_as_user(db, "anna", &other));
  CHECK(count_contacts(other) == 1);
  crm_db_free(other);
  other = NULL;

  CHECK_FAILS(crm_db_open_as(":memory:", "", NULL, &other), CRM_MISUSE, "login");
  CHECK_FAILS(crm_db_open_as(":memory:", "anna", NULL, &other), CRM_NOT_FOUND, "'anna' is not a user");
  CHECK(other == NULL);

  crm_db_free(boss);
  crm_db_free(anna);
  crm_db_free(db);
}

/* A file database opened as a user with crm_db_open_as(). */
static void test_open_as(const char *scratch) {
  char path[1200];
  crm_db *db = NULL;
  crm_db *ana = NULL;
  snprintf(path, sizeof path, "%s/open_as.db", scratch);
  remove(path);
  CHECK_OK(crm_db_open(path, NULL, &db));
  make_user(db, "ana", 0, "analyst");
  make_owned_contact(db, "Seen", "ana");
  CHECK_OK(crm_db_open_as(path, "ana", NULL, &ana));
  CHECK(count_contacts(ana) == 1);
  CHECK_FAILS(make_owned_contact_status(ana), CRM_PERMISSION_DENIED, "create contact: not within your scope (none)");
  crm_db_free(ana);
  crm_db_free(db);
  remove(path);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: crm_capi_user_test SCRATCH_DIR\n");
    return 2;
  }
  test_users();
  test_acting_users();
  test_open_as(argv[1]);
  test_teams();
  test_import_owners();
  test_misuse();
  return check_report("capi_user_test");
}
