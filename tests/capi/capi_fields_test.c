/* The built-in fields of each record kind through the C ABI: the enumeration
   (crm_record_field_*) and that every field it lists for select or CSV is
   reachable on a stored record of its kind with the functions its type
   names. A field the descriptors gain without a way to reach it from C
   fails here. */
#include <stdlib.h>

#include "check.h"

/* A record of one kind and the calls that reach its fields by name. */
typedef struct {
  const char *kind;
  const void *record;
  crm_status (*get_text)(const void *record, const char *field, const char **out_value);
  crm_status (*set_text)(void *record, const char *field, const char *value);
  crm_status (*get_int)(const void *record, const char *field, int64_t *out_value); /* NULL: the kind has none */
  crm_status (*tag_count)(const void *record, size_t *out_count);                   /* NULL: the kind has none */
  crm_status (*custom_count)(const void *record, size_t *out_count);
} kind_calls;

static crm_status account_get(const void *r, const char *f, const char **v) {
  return crm_account_get_field((const crm_account *)r, f, v);
}
static crm_status account_set(void *r, const char *f, const char *v) { return crm_account_set((crm_account *)r, f, v); }
static crm_status account_tags(const void *r, size_t *n) { return crm_account_tag_count((const crm_account *)r, n); }
static crm_status account_custom(const void *r, size_t *n) {
  return crm_account_custom_count((const crm_account *)r, n);
}
static crm_status contact_get(const void *r, const char *f, const char **v) {
  return crm_contact_get_field((const crm_contact *)r, f, v);
}
static crm_status contact_set(void *r, const char *f, const char *v) { return crm_contact_set((crm_contact *)r, f, v); }
static crm_status contact_tags(const void *r, size_t *n) { return crm_contact_tag_count((const crm_contact *)r, n); }
static crm_status contact_custom(const void *r, size_t *n) {
  return crm_contact_custom_count((const crm_contact *)r, n);
}
static crm_status lead_get(const void *r, const char *f, const char **v) {
  return crm_lead_get_field((const crm_lead *)r, f, v);
}
static crm_status lead_set(void *r, const char *f, const char *v) { return crm_lead_set((crm_lead *)r, f, v); }
static crm_status lead_get_int(const void *r, const char *f, int64_t *v) {
  return crm_lead_get_int((const crm_lead *)r, f, v);
}
static crm_status lead_tags(const void *r, size_t *n) { return crm_lead_tag_count((const crm_lead *)r, n); }
static crm_status lead_custom(const void *r, size_t *n) { return crm_lead_custom_count((const crm_lead *)r, n); }
static crm_status deal_get(const void *r, const char *f, const char **v) {
  return crm_opportunity_get_field((const crm_opportunity *)r, f, v);
}
static crm_status deal_set(void *r, const char *f, const char *v) {
  return crm_opportunity_set((crm_opportunity *)r, f, v);
}
static crm_status deal_get_int(const void *r, const char *f, int64_t *v) {
  return crm_opportunity_get_int((const crm_opportunity *)r, f, v);
}
static crm_status deal_tags(const void *r, size_t *n) {
  return crm_opportunity_tag_count((const crm_opportunity *)r, n);
}
static crm_status deal_custom(const void *r, size_t *n) {
  return crm_opportunity_custom_count((const crm_opportunity *)r, n);
}
static crm_status activity_get(const void *r, const char *f, const char **v) {
  return crm_activity_get_field((const crm_activity *)r, f, v);
}
static crm_status activity_set(void *r, const char *f, const char *v) {
  return crm_activity_set((crm_activity *)r, f, v);
}
static crm_status activity_get_int(const void *r, const char *f, int64_t *v) {
  return crm_activity_get_int((const crm_activity *)r, f, v);
}
static crm_status activity_custom(const void *r, size_t *n) {
  return crm_activity_custom_count((const crm_activity *)r, n);
}

/* True for the types crm_<kind>_get_field() reads as text. */
static int is_text_type(const char *type) {
  static const char *const kTypes[] = {"text",    "integer",  "duration",    "percent",  "money", "date",
                                       "instant", "boolean",  "birthday",    "enumeration", "reference"};
  size_t i;
  for (i = 0; i < sizeof kTypes / sizeof kTypes[0]; ++i)
    if (strcmp(type, kTypes[i]) == 0) return 1;
  return 0;
}

static int is_integer_type(const char *type) {
  return strcmp(type, "integer") == 0 || strcmp(type, "duration") == 0 || strcmp(type, "percent") == 0 ||
         strcmp(type, "reference") == 0 || strcmp(type, "boolean") == 0;
}

/* Reaches a field of a type that has functions of its own; 0 when C has no
   way to reach fields of this type on this kind. */
static int reach_list(const kind_calls *calls, const char *type) {
  size_t count = 99;
  const char *text = NULL;
  int granted = 0;
  if (strcmp(type, "tags") == 0 && calls->tag_count) {
    CHECK_OK(calls->tag_count(calls->record, &count));
  } else if (strcmp(type, "custom") == 0) {
    CHECK_OK(calls->custom_count(calls->record, &count));
  } else if (strcmp(type, "emails") == 0 && strcmp(calls->kind, "contact") == 0) {
    CHECK_OK(crm_contact_email_count((const crm_contact *)calls->record, &count));
  } else if (strcmp(type, "phones") == 0 && strcmp(calls->kind, "contact") == 0) {
    CHECK_OK(crm_contact_phone_count((const crm_contact *)calls->record, &count));
  } else if (strcmp(type, "consents") == 0 && strcmp(calls->kind, "contact") == 0) {
    CHECK_OK(crm_contact_consent((const crm_contact *)calls->record, CRM_CHANNEL_EMAIL, &granted, NULL));
    count = (size_t)granted;
  } else if (strcmp(type, "deal_contacts") == 0 && strcmp(calls->kind, "opportunity") == 0) {
    CHECK_OK(crm_opportunity_contact_count((const crm_opportunity *)calls->record, &count));
  } else if (strcmp(type, "line_items") == 0 && strcmp(calls->kind, "opportunity") == 0) {
    CHECK_OK(crm_opportunity_line_item_count((const crm_opportunity *)calls->record, &count));
  } else if (strcmp(type, "recurrence") == 0 && strcmp(calls->kind, "activity") == 0) {
    CHECK_OK(calls->get_text(calls->record, "recurrence_unit", &text));
    count = text ? strlen(text) : 0;
  } else {
    return 0;
  }
  CHECK(count != 99);
  return 1;
}

/* Every field of the kind: a name, a known type, a doc; the select and CSV
   ones readable on `calls->record`; the settable ones that read as text take
   back what they read. */
static void check_kind(const kind_calls *calls, void *copy) {
  size_t count = 0;
  size_t index;
  size_t selected = 0;
  CHECK_OK(crm_record_field_count(calls->kind, &count));
  CHECK(count >= 8);
  for (index = 0; index < count; ++index) {
    const char *name = NULL;
    const char *type = NULL;
    const char *doc = NULL;
    const char *value = NULL;
    uint32_t roles = 0;
    int64_t number = 0;
    size_t other;
    CHECK_OK(crm_record_field_name(calls->kind, index, &name));
    CHECK_OK(crm_record_field_type(calls->kind, index, &type));
    CHECK_OK(crm_record_field_doc(calls->kind, index, &doc));
    CHECK_OK(crm_record_field_roles(calls->kind, index, &roles));
    if (!name || !type || !doc) continue;
    CHECK(strlen(doc) > 0);
    for (other = 0; other < index; ++other) { /* names are unique within a kind */
      const char *earlier = NULL;
      CHECK_OK(crm_record_field_name(calls->kind, other, &earlier));
      CHECK(!same(earlier, name));
    }
    if (is_text_type(type)) {
      crm_status status = calls->get_text(calls->record, name, &value);
      if (status != CRM_OK) fprintf(stderr, "%s.%s (%s) does not read as text\n", calls->kind, name, type);
      CHECK(status == CRM_OK);
      CHECK(value != NULL || strcmp(name, "deleted_at") == 0);
      if (is_integer_type(type) && calls->get_int) CHECK_OK(calls->get_int(calls->record, name, &number));
      if (!(roles & CRM_FIELD_READ_ONLY) && value) {
        /* what a field reads as is what it takes: set it on a copy */
        char *kept = malloc(strlen(value) + 1);
        const char *again = NULL;
        strcpy(kept, value);
        CHECK_OK(calls->set_text(copy, name, kept));
        CHECK_OK(calls->get_text(copy, name, &again));
        CHECK(same(again, kept));
        free(kept);
      } else if (roles & CRM_FIELD_READ_ONLY) {
        CHECK_FAILS(calls->set_text(copy, name, "1"), CRM_INVALID_ARGUMENT, "is not a field that can be set");
      }
    } else if (roles & (CRM_FIELD_SELECT | CRM_FIELD_CSV_READ | CRM_FIELD_CSV_WRITE)) {
      if (!reach_list(calls, type)) fprintf(stderr, "%s.%s: C cannot reach a field of type %s\n", calls->kind, name, type);
      CHECK(reach_list(calls, type));
    } else {
      CHECK(strcmp(type, "address") == 0 || reach_list(calls, type));
    }
    if (roles & (CRM_FIELD_SELECT | CRM_FIELD_CSV_WRITE)) ++selected;
  }
  CHECK(selected >= 5);
}

/* The index of field `name` of `kind`, or the count when it has none. */
static size_t field_index(const char *kind, const char *name) {
  size_t count = 0;
  size_t index;
  CHECK_OK(crm_record_field_count(kind, &count));
  for (index = 0; index < count; ++index) {
    const char *found = NULL;
    CHECK_OK(crm_record_field_name(kind, index, &found));
    if (same(found, name)) break;
  }
  return index;
}

static void test_enumeration(void) {
  size_t count = 0;
  size_t index;
  const char *text = NULL;
  uint32_t roles = 0;

  index = field_index("contact", "job_title");
  CHECK_OK(crm_record_field_type("contact", index, &text));
  CHECK(same(text, "text"));
  CHECK_OK(crm_record_field_roles("contact", index, &roles));
  CHECK((roles & CRM_FIELD_CSV_WRITE) && (roles & CRM_FIELD_FILTER) && !(roles & CRM_FIELD_READ_ONLY));
  CHECK((roles & CRM_FIELD_MERGE_CHOOSE) && !(roles & CRM_FIELD_MERGE_UNITE));
  index = field_index("contact", "emails");
  CHECK_OK(crm_record_field_type("contact", index, &text));
  CHECK(same(text, "emails"));
  CHECK_OK(crm_record_field_roles("contact", index, &roles));
  CHECK((roles & CRM_FIELD_MERGE_UNITE) && (roles & CRM_FIELD_PERSONAL));
  index = field_index("contact", "birthday");
  CHECK_OK(crm_record_field_type("contact", index, &text));
  CHECK(same(text, "birthday"));
  CHECK_OK(crm_record_field_roles("contact", index, &roles));
  CHECK(roles & CRM_FIELD_PERSONAL);
  index = field_index("account", "street"); /* an address part, by the name crm_account_set() takes */
  CHECK_OK(crm_record_field_type("account", index, &text));
  CHECK(same(text, "text"));
  index = field_index("opportunity", "id");
  CHECK_OK(crm_record_field_type("opportunity", index, &text));
  CHECK(same(text, "reference"));
  CHECK_OK(crm_record_field_roles("opportunity", index, &roles));
  CHECK((roles & CRM_FIELD_READ_ONLY) && (roles & CRM_FIELD_KEY));
  index = field_index("activity", "kind");
  CHECK_OK(crm_record_field_type("activity", index, &text));
  CHECK(same(text, "enumeration"));
  CHECK_OK(crm_record_field_doc("activity", index, &text));
  CHECK(text != NULL && strlen(text) > 0);

  CHECK_OK(crm_record_field_count("lead", &count));
  CHECK_FAILS(crm_record_field_name("lead", count, &text), CRM_NOT_FOUND, "is beyond the");
  CHECK_FAILS(crm_record_field_type("lead", count + 5, &text), CRM_NOT_FOUND, "is beyond the");
  CHECK_FAILS(crm_record_field_count("contacts", &count), CRM_INVALID_ARGUMENT, "'contacts' is not a kind of record");
  CHECK(same(crm_last_error()->field, "record_kind"));
  CHECK_FAILS(crm_record_field_doc("deal", 0, &text), CRM_INVALID_ARGUMENT, "is not a kind of record");
  CHECK_FAILS(crm_record_field_roles("deal", 0, &roles), CRM_INVALID_ARGUMENT, "is not a kind of record");
  CHECK(crm_record_field_count(NULL, &count) == CRM_MISUSE);
  CHECK(crm_record_field_count("lead", NULL) == CRM_MISUSE);
  CHECK(crm_record_field_name("lead", 0, NULL) == CRM_MISUSE);
  CHECK(crm_record_field_type(NULL, 0, &text) == CRM_MISUSE);
  CHECK(crm_record_field_doc("lead", 0, NULL) == CRM_MISUSE);
  CHECK(crm_record_field_roles("lead", 0, NULL) == CRM_MISUSE);
}

/* Stored records of every kind, each field listed for it reachable. */
static void test_every_field_is_reachable(void) {
  crm_db *db = open_memory_in("LV");
  crm_account *account = NULL, *stored_account = NULL, *account_copy = NULL;
  crm_contact *contact = NULL, *stored_contact = NULL, *contact_copy = NULL;
  crm_lead *lead = NULL, *stored_lead = NULL, *lead_copy = NULL;
  crm_opportunity *deal = NULL, *stored_deal = NULL, *deal_copy = NULL;
  crm_activity *activity = NULL, *stored_activity = NULL, *activity_copy = NULL;
  int64_t account_id = 0;
  const char *text = NULL;
  int64_t number = 0;

  CHECK_OK(crm_account_new(&account));
  CHECK_OK(crm_account_set(account, "name", "SIA Koks"));
  CHECK_OK(crm_account_set(account, "city", "Rīga"));
  CHECK_OK(crm_account_set(account, "phone", "67000111"));
  CHECK_OK(crm_account_create(db, account, &stored_account));
  CHECK_OK(crm_account_id(stored_account, &account_id));

  CHECK_OK(crm_contact_new(&contact));
  CHECK_OK(crm_contact_set(contact, "last_name", "Bērziņa"));
  CHECK_OK(crm_contact_set(contact, "birthday", "1984-02-29"));
  CHECK_OK(crm_contact_set_account(contact, account_id));
  CHECK_OK(crm_contact_set_consent(contact, CRM_CHANNEL_EMAIL, 1, NULL));
  CHECK_OK(crm_contact_create(db, contact, &stored_contact));

  CHECK_OK(crm_lead_new(&lead));
  CHECK_OK(crm_lead_set(lead, "company_name", "ТОВ Ліс"));
  CHECK_OK(crm_lead_set(lead, "status", "contacted"));
  CHECK_OK(crm_lead_create(db, lead, &stored_lead));

  CHECK_OK(crm_opportunity_new(&deal));
  CHECK_OK(crm_opportunity_set(deal, "name", "Chairs"));
  CHECK_OK(crm_opportunity_set_int(deal, "account", account_id));
  CHECK_OK(crm_opportunity_set_amount(deal, 125000, "EUR"));
  CHECK_OK(crm_opportunity_set(deal, "expected_close", "2025-06-30"));
  CHECK_OK(crm_opportunity_create(db, deal, &stored_deal));

  CHECK_OK(crm_activity_new(&activity));
  CHECK_OK(crm_activity_set(activity, "kind", "call"));
  CHECK_OK(crm_activity_set(activity, "subject", "First call"));
  CHECK_OK(crm_activity_set(activity, "starts_at", "2025-03-01T09:00:00Z"));
  CHECK_OK(crm_activity_set_int(activity, "account", account_id));
  CHECK_OK(crm_activity_create(db, activity, &stored_activity));

  CHECK_OK(crm_account_new(&account_copy));
  CHECK_OK(crm_contact_new(&contact_copy));
  CHECK_OK(crm_lead_new(&lead_copy));
  CHECK_OK(crm_opportunity_new(&deal_copy));
  CHECK_OK(crm_activity_new(&activity_copy));
  {
    const kind_calls kinds[] = {
        {"account", stored_account, account_get, account_set, NULL, account_tags, account_custom},
        {"contact", stored_contact, contact_get, contact_set, NULL, contact_tags, contact_custom},
        {"lead", stored_lead, lead_get, lead_set, lead_get_int, lead_tags, lead_custom},
        {"opportunity", stored_deal, deal_get, deal_set, deal_get_int, deal_tags, deal_custom},
        {"activity", stored_activity, activity_get, activity_set, activity_get_int, NULL, activity_custom},
    };
    void *copies[] = {account_copy, contact_copy, lead_copy, deal_copy, activity_copy};
    size_t i;
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; ++i) check_kind(&kinds[i], copies[i]);
  }

  /* Fields of every type read as text, and integer ones set as text too. */
  CHECK_OK(crm_contact_get_field(stored_contact, "birthday", &text));
  CHECK(same(text, "1984-02-29"));
  CHECK_OK(crm_contact_get_field(stored_contact, "account", &text));
  CHECK(text != NULL && strtoll(text, NULL, 10) == account_id);
  CHECK_OK(crm_opportunity_get_field(stored_deal, "amount", &text));
  CHECK(same(text, "1250.00 EUR"));
  CHECK_OK(crm_opportunity_get_field(stored_deal, "expected_close", &text));
  CHECK(same(text, "2025-06-30"));
  CHECK_OK(crm_opportunity_get_field(stored_deal, "probability_override", &text));
  CHECK(same(text, ""));
  CHECK_OK(crm_activity_get_field(stored_activity, "duration_seconds", &text));
  CHECK(same(text, "0"));
  CHECK_OK(crm_activity_set(activity_copy, "duration_seconds", "90"));
  CHECK_OK(crm_activity_get_int(activity_copy, "duration_seconds", &number));
  CHECK(number == 90);
  CHECK_FAILS(crm_activity_set(activity_copy, "duration_seconds", "1.5"), CRM_INVALID_ARGUMENT,
              "activity.duration_seconds: '1.5' is not an integer");
  CHECK_OK(crm_activity_get_int(activity_copy, "duration_seconds", &number));
  CHECK(number == 90); /* a refused value leaves the record as it was */
  CHECK_OK(crm_activity_set(activity_copy, "duration_seconds", NULL));
  CHECK_OK(crm_activity_get_int(activity_copy, "duration_seconds", &number));
  CHECK(number == 0);
  CHECK_OK(crm_opportunity_set(deal_copy, "account", "7"));
  CHECK_OK(crm_opportunity_get_int(deal_copy, "account", &number));
  CHECK(number == 7);
  CHECK_OK(crm_opportunity_set(deal_copy, "amount", "12.50 USD"));
  CHECK_OK(crm_opportunity_get_field(deal_copy, "amount", &text));
  CHECK(same(text, "12.50 USD"));
  CHECK_FAILS(crm_lead_set(lead_copy, "status", "lukewarm"), CRM_INVALID_ARGUMENT,
              "lead.status: 'lukewarm' is not a lead status (new, contacted, qualified, disqualified)");
  CHECK_OK(crm_lead_set(lead_copy, "status", ""));
  CHECK_OK(crm_lead_get_field(lead_copy, "status", &text));
  CHECK(same(text, "new")); /* "" gives what a new record has */
  CHECK_FAILS(crm_account_set(account_copy, "address", "Rīga"), CRM_INVALID_ARGUMENT,
              "'address' is not a field that can be set");

  crm_account_free(account);
  crm_account_free(stored_account);
  crm_account_free(account_copy);
  crm_contact_free(contact);
  crm_contact_free(stored_contact);
  crm_contact_free(contact_copy);
  crm_lead_free(lead);
  crm_lead_free(stored_lead);
  crm_lead_free(lead_copy);
  crm_opportunity_free(deal);
  crm_opportunity_free(stored_deal);
  crm_opportunity_free(deal_copy);
  crm_activity_free(activity);
  crm_activity_free(stored_activity);
  crm_activity_free(activity_copy);
  crm_db_free(db);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  test_enumeration();
  test_every_field_is_reachable();
  return check_report("capi_fields_test");
}
