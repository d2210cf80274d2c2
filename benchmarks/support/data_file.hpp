// What the benchmarks that work on a big data file share: the size chosen by
// an environment variable, and the file built once in the temporary directory.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "crm/database.hpp"

namespace crm::bench {

/// The instant the data files are built around, their "now": 2025-03-14 10:00 UTC.
Instant data_file_now();

/// Options for building and reading data files: a clock stopped at
/// data_file_now(), and synchronous off (they are scratch files).
OpenOptions data_file_options();

/// The number in environment variable `name`, or `fallback` when it is unset.
std::int64_t size_from_env(const char* name, std::int64_t fallback);

/// Adds the users "user0" .. "user<count - 1>" the data files' records name
/// as their owners (a record's owner must be an active user).
void add_owner_users(const std::string& path, int count);

/// "<temp dir>/crmcore-bench-<what>-<rows>-schema<latest schema>.crm". When it
/// does not exist yet, `build` fills "<that>.building" (removed first, with
/// its -wal and -shm), which is renamed when complete, so an interrupted build
/// is never reused.
std::string cached_data_file(std::string_view what, std::int64_t rows,
                             const std::function<void(const std::string& path)>& build);

}  // namespace crm::bench
