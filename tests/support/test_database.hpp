// Helpers shared by the C++ tests: databases with a controllable clock and
// temporary files that clean up after themselves.
#pragma once

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "crm/crm.hpp"

namespace crm::test {

/// How many times longer a test that measures time allows: sanitizers slow the
/// code several times over (the sanitized builds of scripts/sanitize.sh define
/// CRM_TEST_SANITIZED, see tests/CMakeLists.txt).
#ifdef CRM_TEST_SANITIZED
inline constexpr int kTimeLimitFactor = 10;
#else
inline constexpr int kTimeLimitFactor = 1;
#endif

/// A clock the test moves by hand; starts at 2025-03-14 10:00:00 UTC.
struct ManualClock {
  std::shared_ptr<Instant> now = std::make_shared<Instant>(Date(2025, 3, 14), boost::posix_time::hours(10));

  Clock clock() const {
    auto shared = now;
    return [shared] { return *shared; };
  }
  void advance(boost::posix_time::time_duration by) const { *now += by; }
};

/// Options with default region LV and the manual clock.
inline OpenOptions test_options(const ManualClock& clock, std::string region = "LV") {
  OpenOptions options;
  options.default_region = std::move(region);
  options.clock = clock.clock();
  return options;
}

/// Adds an active user for each login not yet a user, so that records can
/// name them as their owner.
inline void add_users(Database& db, std::initializer_list<const char*> logins) {
  for (const char* login : logins)
    if (!db.users().find(login)) db.users().create({.login = login});
}

/// The logins the tests give records to.
inline constexpr std::initializer_list<const char*> kTestOwners = {
    "anna", "anna.berzina", "ilze", "janis", "ona", "peter", "peteris", "ivars", "Bērziņa"};

/// Makes `db` act as `login`, an administrator (created, or given the role,
/// when needed): what it writes is recorded as made by them.
inline void act_as_administrator(Database& db, const char* login) {
  std::optional<User> user = db.users().find(login);
  if (!user) user = db.users().create({.login = login});
  if (std::find(user->roles.begin(), user->roles.end(), Role::administrator) == user->roles.end()) {
    user->roles.push_back(Role::administrator);
    db.users().update(user->id, *user);
  }
  db.set_user(login);
}

/// A fixture member declared after the Database: adds the users of
/// kTestOwners (or of `logins`), so that records can name them as owners.
struct TestUsers {
  explicit TestUsers(Database& db, std::initializer_list<const char*> logins = kTestOwners) { add_users(db, logins); }
};

/// A fresh directory under the system temp dir (or under `base`), removed at destruction.
class TempDir {
 public:
  explicit TempDir(const std::filesystem::path& base = std::filesystem::temp_directory_path()) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("crmcore-") + (info ? info->test_suite_name() + std::string("-") + info->name() : "x");
    for (char& c : name)
      if (c == '/') c = '-';  // parameterized tests' names
    path_ = base / (name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// A path for `file` inside the directory.
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// Expects `statement` to throw crm::Error with `code`; returns the error for
/// further checks of field and message.
#define EXPECT_CRM_ERROR(statement, expected_code)                                            \
  [&]() -> ::crm::Error {                                                                     \
    try {                                                                                     \
      statement;                                                                              \
    } catch (const ::crm::Error& error) {                                                     \
      EXPECT_EQ(error.code(), expected_code) << error.what();                                 \
      return error;                                                                           \
    }                                                                                         \
    ADD_FAILURE() << "expected crm::Error(" << ::crm::error_code_name(expected_code) << ")"; \
    return ::crm::Error(expected_code, "(not thrown)");                                       \
  }()

}  // namespace crm::test
