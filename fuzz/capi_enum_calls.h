/* C ABI calls with an enum argument passed as a plain int (capi_enum_calls.c). */
#ifndef CRM_FUZZ_CAPI_ENUM_CALLS_H
#define CRM_FUZZ_CAPI_ENUM_CALLS_H

#include "crm/crm.h"

#ifdef __cplusplus
extern "C" {
#endif

crm_status fuzz_contact_add_phone(crm_contact *contact, int kind, const char *number);
crm_status fuzz_query_set_sort(crm_query *query, int sort, int descending);
crm_status fuzz_query_set_deleted(crm_query *query, int filter);

#ifdef __cplusplus
}
#endif

#endif
