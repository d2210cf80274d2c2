/* The C ABI calls that take an enum, made from C as a C program makes them:
 * any int converts to the enum type here (well defined in C, unlike C++), so
 * capi_sequence_fuzzer can hand the library values outside the enumerators. */
#include "capi_enum_calls.h"

crm_status fuzz_contact_add_phone(crm_contact *contact, int kind, const char *number) {
  return crm_contact_add_phone(contact, (crm_phone_kind)kind, number);
}

crm_status fuzz_query_set_sort(crm_query *query, int sort, int descending) {
  return crm_query_set_sort(query, (crm_sort)sort, descending);
}

crm_status fuzz_query_set_deleted(crm_query *query, int filter) {
  return crm_query_set_deleted(query, (crm_deleted_filter)filter);
}
