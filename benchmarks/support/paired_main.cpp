#include "support/paired_main.hpp"

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

#include <benchmark/benchmark.h>

namespace crm::bench {
namespace {

// "function/case/crmcore/100000/iterations:3" -> "case/crmcore/100000/iterations:3":
// the two sides of a pair are different functions registered for one case.
std::string case_name(const std::string& benchmark_name) {
  const auto slash = benchmark_name.find('/');
  return slash == std::string::npos ? benchmark_name : benchmark_name.substr(slash + 1);
}

// Console output plus the real time of every run, keyed by case name.
class PairedReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs)
      if (run.run_type == Run::RT_Iteration || run.aggregate_name == "median")
        seconds_[case_name(run.benchmark_name())] = run.GetAdjustedRealTime();
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\n");
    for (const auto& [name, ours] : seconds_) {
      const auto marker = name.find("/crmcore");
      if (marker == std::string::npos) continue;
      std::string raw_name = name;
      raw_name.replace(marker, 8, "/sqlite");
      auto raw = seconds_.find(raw_name);
      if (raw == seconds_.end() || raw->second <= 0) continue;
      std::printf("ratio %-60s crmcore / sqlite = %.2f\n", name.c_str(), ours / raw->second);
    }
    // the same work with the audit trail off: "<function>/<case>/crmcore_audit_off"
    for (const auto& [name, audited] : seconds_) {
      const auto marker = name.find("/crmcore_audit_off");
      if (marker == std::string::npos) continue;
      std::string on_name = name;
      on_name.replace(marker, 18, "/crmcore");
      auto on = seconds_.find(on_name);
      if (on == seconds_.end() || audited <= 0) continue;
      std::printf("ratio %-60s audit on / off = %.2f\n", on_name.c_str(), on->second / audited);
    }
  }

 private:
  std::map<std::string, double> seconds_;
};

}  // namespace

int run_paired_benchmarks(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  PairedReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}

int run_paired_benchmarks_after(const std::function<void()>& prepare, const std::function<void()>& register_benchmarks,
                                int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  prepare();
  std::fprintf(stderr, "data file ready after %.1f s\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  register_benchmarks();
  return run_paired_benchmarks(argc, argv);
}

}  // namespace crm::bench
