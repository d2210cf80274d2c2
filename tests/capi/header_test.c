/* crm.h compiles on its own as C99 with every warning an error. */
#include "crm/crm.h"

int main(void) { return CRM_OK; }
