// crmcore: the whole public C++ API in one include.
#pragma once

#include "crm/account.hpp"
#include "crm/contact.hpp"
#include "crm/database.hpp"
#include "crm/employment.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/list.hpp"
#include "crm/money.hpp"
#include "crm/time.hpp"
#include "crm/sample_data.hpp"
#include "crm/table.hpp"
#include "crm/version.hpp"
