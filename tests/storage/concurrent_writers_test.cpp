// Eight processes update the same record at once: every update that succeeds
// returns the record as its own transaction wrote it (its value, the version
// after the one it read), and no update is lost.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "crm/crm.hpp"
#include "support/test_database.hpp"

namespace crm {
namespace {

constexpr int kWriters = 8;
constexpr int kUpdatesEach = 150;
constexpr auto kTimeLimit = std::chrono::milliseconds(2500) * test::kTimeLimitFactor;

OpenOptions writer_options() {
  OpenOptions options;
  options.default_region = "LV";
  options.synchronous = Synchronous::off;  // the test is about isolation, not durability
  options.busy_timeout = std::chrono::milliseconds(10000);
  return options;
}

struct WriterReport {
  int updates = 0;       // updates that succeeded
  int conflicts = 0;     // stale versions refused, retried
  int wrong_return = 0;  // returned a value or version this update did not write
  std::string first_problem;
};

// One writer process: read, change, update, until kUpdatesEach have succeeded.
WriterReport write_as(int writer, const std::string& path, ContactId id) {
  WriterReport report;
  Database db = Database::open(path, writer_options());
  const auto deadline = std::chrono::steady_clock::now() + kTimeLimit;
  while (report.updates < kUpdatesEach && std::chrono::steady_clock::now() < deadline) {
    Contact contact = db.contacts().get(id);
    const std::int64_t read_version = contact.version;
    const std::string name = "w" + std::to_string(writer) + "-" + std::to_string(report.updates);
    contact.first_name = name;
    try {
      const Contact updated = db.contacts().update(contact);
      ++report.updates;
      if (updated.first_name != name || updated.version != read_version + 1) {
        if (report.wrong_return++ == 0)
          report.first_problem = "wrote " + name + " over version " + std::to_string(read_version) +
                                 ", got back " + updated.first_name + " at version " +
                                 std::to_string(updated.version);
      }
    } catch (const Error& e) {
      if (e.code() != ErrorCode::conflict) throw;
      ++report.conflicts;
    }
  }
  return report;
}

TEST(ConcurrentWriters, EightProcessesUpdateOneRecordAndEachGetsBackWhatItWrote) {
  test::TempDir dir;
  const std::string path = dir.file("shared.crm");
  ContactId id;
  {
    Database db = Database::open(path, writer_options());
    ContactData data;
    data.first_name = "start";
    data.last_name = "Shared";
    id = db.contacts().create(data).id;
  }
  std::vector<pid_t> children;
  for (int writer = 0; writer < kWriters; ++writer) {
    const pid_t pid = ::fork();
    ASSERT_NE(pid, -1);
    if (pid == 0) {
      int status = 3;
      try {
        const WriterReport report = write_as(writer, path, id);
        std::ofstream out(dir.file("writer" + std::to_string(writer)));
        out << report.updates << ' ' << report.conflicts << ' ' << report.wrong_return << '\n'
            << report.first_problem << '\n';
        status = out ? 0 : 2;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "writer %d: %s\n", writer, e.what());
      }
      ::_exit(status);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer process " << pid << " failed";
  }

  int total = 0;
  for (int writer = 0; writer < kWriters; ++writer) {
    std::ifstream in(dir.file("writer" + std::to_string(writer)));
    WriterReport report;
    in >> report.updates >> report.conflicts >> report.wrong_return;
    in.ignore();
    std::getline(in, report.first_problem);
    ASSERT_TRUE(in) << "writer " << writer << " left no report";
    EXPECT_GT(report.updates, 0) << "writer " << writer;
    EXPECT_EQ(report.wrong_return, 0) << "writer " << writer << ": " << report.first_problem;
    total += report.updates;
  }
  // No lost update: every success advanced the version by one.
  Database db = Database::open(path, writer_options());
  const Contact final_state = db.contacts().get(id);
  EXPECT_EQ(final_state.version, 1 + total);
  EXPECT_EQ(final_state.first_name.front(), 'w');
}

}  // namespace
}  // namespace crm
