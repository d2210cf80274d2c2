#include "c_errors.hpp"

namespace crm::capi {
namespace {

// The calling thread's last error: owned strings and the public view of them.
struct LastError {
  std::string message;
  std::string field;
  crm_error view{sizeof(crm_error), CRM_OK, "", "", 0, 0};
};

LastError& last_error() noexcept {
  thread_local LastError error;
  return error;
}

}  // namespace

crm_status fail(crm_status status, const std::string& message, const std::string& field, int line,
                int column) noexcept {  // callers build `message` inside guard() or fail_with()
  LastError& error = last_error();
  try {
    error.message = message;
    error.field = field;
  } catch (...) {
    error.message.clear();  // no memory for the text: keep the code at least
    error.field.clear();
  }
  error.view = {sizeof(crm_error), status, error.message.c_str(), error.field.c_str(), line, column};
  return status;
}

crm_status misuse(const char* function, const char* problem) noexcept {
  try {
    return fail(CRM_MISUSE, std::string(function) + ": " + problem);
  } catch (...) {
    return fail(CRM_MISUSE, "misuse");
  }
}

crm_status status_for(ErrorCode code) noexcept { return static_cast<crm_status>(static_cast<int>(code)); }

}  // namespace crm::capi

extern "C" {

const crm_error* crm_last_error(void) { return &crm::capi::last_error().view; }

}  // extern "C"
