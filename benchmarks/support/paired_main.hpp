// A main() for benchmarks that compare crmcore with raw SQLite doing the same
// work: benchmarks named "<function>/<case>/crmcore/..." and
// "<other function>/<case>/sqlite/..." (BENCHMARK_CAPTURE names) are paired
// and the ratio of their times is printed after the usual table.
#pragma once

namespace crm::bench {

/// Runs the registered benchmarks and prints "ratio <case>: crmcore / sqlite = X".
int run_paired_benchmarks(int argc, char** argv);

}  // namespace crm::bench
