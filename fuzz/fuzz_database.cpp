// The C++ API fuzzers' shared helpers (see fuzz_database.hpp).
#include "fuzz_database.hpp"

#include <exception>
#include <typeinfo>

#include "crm/error.hpp"
#include "crm/time.hpp"

namespace crm_fuzz {

std::string describe_current_exception() {
  try {
    throw;
  } catch (const crm::Error& e) {
    return "crm::Error(" + std::string(crm::error_code_name(e.code())) + "): " + e.what();
  } catch (const std::exception& e) {
    return std::string("exception ") + typeid(e).name() + ": " + e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

crm::OpenOptions fixed_clock_options() {
  crm::OpenOptions options;
  options.default_region = "LV";
  options.clock = [] { return crm::Instant(crm::Date(2025, 3, 14), boost::posix_time::hours(10)); };
  return options;
}

}  // namespace crm_fuzz
