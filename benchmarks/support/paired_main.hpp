// A main() for benchmarks that compare crmcore with raw SQLite doing the same
// work: benchmarks named "<function>/<case>/crmcore/..." and
// "<other function>/<case>/sqlite/..." (BENCHMARK_CAPTURE names) are paired
// and the ratio of their times is printed after the usual table.
#pragma once

#include <functional>

namespace crm::bench {

/// Runs the registered benchmarks and prints "ratio <case>: crmcore / sqlite = X",
/// and for a case also run as "<case>/crmcore_audit_off" (the audit trail
/// turned off) "ratio <case>: audit on / off = X".
int run_paired_benchmarks(int argc, char** argv);

/// Makes the data file first (`prepare`, outside any measurement; prints how
/// long it took), then calls `register_benchmarks` and runs them as
/// run_paired_benchmarks() does.
int run_paired_benchmarks_after(const std::function<void()>& prepare, const std::function<void()>& register_benchmarks,
                                int argc, char** argv);

}  // namespace crm::bench
