// Library-wide entry points: version, status names, memory, money.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "c_handles.hpp"
#include "crm/money.hpp"
#include "crm/version.hpp"

using namespace crm::capi;

namespace crm::capi {

/// A malloc'ed copy of `text` for the caller to release with crm_free().
char* owned_copy(const std::string& text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (!copy) throw std::bad_alloc();
  std::memcpy(copy, text.c_str(), text.size() + 1);
  return copy;
}

void require_utf8(const char* value, const char* field) { crm::check_utf8(value ? value : "", field); }

}  // namespace crm::capi

extern "C" {

int crm_version_number(void) {
  return crm::kVersionMajor * 10000 + crm::kVersionMinor * 100 + crm::kVersionPatch;
}

const char* crm_version_string(void) { return crm::kVersionString; }

const char* crm_status_name(crm_status status) {
  switch (crm::capi::c_enum_value(status)) {
    case CRM_OK: return "CRM_OK";
    case CRM_NOT_FOUND: return "CRM_NOT_FOUND";
    case CRM_INVALID_ARGUMENT: return "CRM_INVALID_ARGUMENT";
    case CRM_ALREADY_EXISTS: return "CRM_ALREADY_EXISTS";
    case CRM_CONFLICT: return "CRM_CONFLICT";
    case CRM_PERMISSION_DENIED: return "CRM_PERMISSION_DENIED";
    case CRM_BUSY: return "CRM_BUSY";
    case CRM_IO: return "CRM_IO";
    case CRM_CORRUPT: return "CRM_CORRUPT";
    case CRM_PARSE_ERROR: return "CRM_PARSE_ERROR";
    case CRM_UNSUPPORTED: return "CRM_UNSUPPORTED";
    case CRM_CURSOR_EXPIRED: return "CRM_CURSOR_EXPIRED";
    case CRM_MISUSE: return "CRM_MISUSE";
    case CRM_NOMEM: return "CRM_NOMEM";
    case CRM_INTERNAL: return "CRM_INTERNAL";
    case CRM_ROW: return "CRM_ROW";
    case CRM_DONE: return "CRM_DONE";
  }
  return "CRM_UNKNOWN_STATUS";
}

void crm_free(void* pointer) { std::free(pointer); }

crm_status crm_currency_minor_digits(const char* currency, int* out_digits) {
  CRM_REQUIRE(currency);
  CRM_REQUIRE(out_digits);
  return guard([&] {
    *out_digits = crm::currency_minor_digits(currency);
    return CRM_OK;
  });
}

crm_status crm_money_parse(const char* text, int64_t* out_minor_units, char out_currency[4]) {
  CRM_REQUIRE(text);
  CRM_REQUIRE(out_minor_units);
  CRM_REQUIRE(out_currency);
  return guard([&] {
    const crm::Money money = crm::Money::parse(text);
    *out_minor_units = money.minor_units();
    std::memcpy(out_currency, money.currency().data(), 3);
    out_currency[3] = '\0';
    return CRM_OK;
  });
}

crm_status crm_money_format(int64_t minor_units, const char* currency, char** out_text) {
  CRM_REQUIRE(out_text);
  *out_text = nullptr;
  CRM_REQUIRE(currency);
  return guard([&] {
    *out_text = owned_copy(crm::Money(minor_units, currency).to_string());
    return CRM_OK;
  });
}

}  // extern "C"
