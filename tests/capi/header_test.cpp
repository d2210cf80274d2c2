// crm.h compiles on its own as C++ and declares its functions extern "C".
#include "crm/crm.h"

int main() { return crm_version_number() > 0 ? CRM_OK : CRM_INTERNAL; }
