#include "support/data_file.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "crm/database.hpp"
#include "crm/user.hpp"

namespace crm::bench {

Instant data_file_now() { return Instant(Date(2025, 3, 14), boost::posix_time::hours(10)); }

OpenOptions data_file_options() {
  OpenOptions options;
  options.clock = [] { return data_file_now(); };
  options.synchronous = Synchronous::off;
  return options;
}

std::int64_t size_from_env(const char* name, std::int64_t fallback) {
  const char* env = std::getenv(name);
  return env ? std::atoll(env) : fallback;
}

std::string cached_data_file(std::string_view what, std::int64_t rows,
                             const std::function<void(const std::string& path)>& build) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("crmcore-bench-" + std::string(what) + "-" + std::to_string(rows) + "-schema" +
                     std::to_string(Database::latest_schema_version()) + ".crm");
  if (std::filesystem::exists(path)) return path.string();
  std::fprintf(stderr, "building %s (once) ...\n", path.c_str());
  const std::string building = path.string() + ".building";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(building + suffix);
  build(building);
  std::filesystem::rename(building, path);
  return path.string();
}

void add_owner_users(const std::string& path, int count) {
  Database db = Database::open(path, data_file_options());
  Transaction transaction(db);
  for (int n = 0; n < count; ++n) db.users().create({.login = "user" + std::to_string(n)});
  transaction.commit();
}

}  // namespace crm::bench
