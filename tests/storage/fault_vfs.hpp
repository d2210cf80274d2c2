// Test support: make SQLite fail on purpose. A VFS shim over the default VFS
// (registered as the new default, so every connection the library opens goes
// through it) fails the Nth write, the Nth fsync or reports a full disk from
// the Nth write on; a wrapper of SQLite's allocator fails its Nth allocation.
#pragma once

#include <cstdint>
#include <string_view>

namespace crm::test {

/// The failures the shim can inject.
enum class Fault {
  write_error,    ///< The Nth xWrite returns SQLITE_IOERR_WRITE (that one only).
  sync_error,     ///< The Nth xSync returns SQLITE_IOERR_FSYNC (that one only).
  disk_full,      ///< The Nth xWrite and every later one return SQLITE_FULL.
  out_of_memory,  ///< The Nth allocation by SQLite's allocator returns null (that one only).
};

/// Every Fault, in declaration order.
inline constexpr Fault kAllFaults[] = {Fault::write_error, Fault::sync_error, Fault::disk_full, Fault::out_of_memory};

/// "write_error", "sync_error", "disk_full", "out_of_memory".
std::string_view fault_name(Fault fault) noexcept;

/// Installs the shim once per process: shuts SQLite down, wraps its
/// allocator, initializes it again and registers the fault VFS as default.
/// Call before any connection is opened (a test environment's SetUp).
void install_fault_injection();

/// From now on, the `nth` (1-based) operation of the kind `fault` counts
/// fails as `fault` says. Replaces an earlier arm(). Counting starts at zero.
void arm_fault(Fault fault, std::int64_t nth);

/// Stops injecting; operations succeed again. Returns how many operations
/// of the armed kind ran since arm_fault().
std::int64_t disarm_fault() noexcept;

/// True when the armed fault was injected at least once since arm_fault().
bool fault_fired() noexcept;

}  // namespace crm::test
