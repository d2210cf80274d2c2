// What the fuzzers of the C++ API share beyond fuzz_support.hpp: naming the
// exception being handled, and the options every fuzzer opens its database
// with (a fixed clock and region, so a crash file reproduces on any day and
// machine).
#pragma once

#include <string>

#include "crm/custom_field.hpp"
#include "crm/database.hpp"

namespace crm_fuzz {

/// Every record kind, in RecordKind's order.
inline constexpr crm::RecordKind kRecordKinds[] = {crm::RecordKind::account, crm::RecordKind::contact,
                                                   crm::RecordKind::lead, crm::RecordKind::opportunity,
                                                   crm::RecordKind::activity};

/// Describes the exception being handled (call it inside a catch block):
/// "crm::Error(<code>): <message>", or the type and message of any other.
std::string describe_current_exception();

/// Open options with default region "LV" and the clock fixed at
/// 2025-03-14 10:00 UTC.
crm::OpenOptions fixed_clock_options();

}  // namespace crm_fuzz
