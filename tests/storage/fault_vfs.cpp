#include "storage/fault_vfs.hpp"

#include <atomic>
#include <stdexcept>
#include <string>

#include <sqlite3.h>

namespace crm::test {
namespace {

// What is armed: the kind of fault, the operation it hits and the count so far.
std::atomic<bool> g_armed{false};
std::atomic<Fault> g_fault{Fault::write_error};
std::atomic<std::int64_t> g_nth{0};
std::atomic<std::int64_t> g_seen{0};
std::atomic<bool> g_fired{false};

// Counts one operation of `kind`; true when it is to fail.
bool should_fail(Fault kind) {
  if (!g_armed.load() || g_fault.load() != kind) return false;
  const std::int64_t seen = ++g_seen;
  const bool fail = kind == Fault::disk_full ? seen >= g_nth.load() : seen == g_nth.load();
  if (fail) g_fired = true;
  return fail;
}

// ---- the allocator wrapper ------------------------------------------------

sqlite3_mem_methods g_real_memory{};

void* failing_malloc(int bytes) {
  if (should_fail(Fault::out_of_memory)) return nullptr;
  return g_real_memory.xMalloc(bytes);
}

void* failing_realloc(void* old, int bytes) {
  if (should_fail(Fault::out_of_memory)) return nullptr;
  return g_real_memory.xRealloc(old, bytes);
}

// ---- the VFS shim ---------------------------------------------------------

// A file of the shim: its own header, then the wrapped VFS's file.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_vfs* g_real_vfs = nullptr;  // the default VFS before ours ("unix")
sqlite3_vfs g_fault_vfs{};           // ours: the wrapped VFS with our xOpen

// The wrapped VFS's file inside one of ours. Each fault_* method below
// forwards to it; fault_write and fault_sync first ask should_fail().
sqlite3_file* real_of(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->real; }

int fault_close(sqlite3_file* file) { return real_of(file)->pMethods->xClose(real_of(file)); }
int fault_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  return real_of(file)->pMethods->xRead(real_of(file), buffer, amount, offset);
}
int fault_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  if (should_fail(Fault::write_error)) return SQLITE_IOERR_WRITE;
  if (should_fail(Fault::disk_full)) return SQLITE_FULL;
  return real_of(file)->pMethods->xWrite(real_of(file), buffer, amount, offset);
}
int fault_truncate(sqlite3_file* file, sqlite3_int64 size) {
  return real_of(file)->pMethods->xTruncate(real_of(file), size);
}
int fault_sync(sqlite3_file* file, int flags) {
  if (should_fail(Fault::sync_error)) return SQLITE_IOERR_FSYNC;
  return real_of(file)->pMethods->xSync(real_of(file), flags);
}
int fault_file_size(sqlite3_file* file, sqlite3_int64* size) {
  return real_of(file)->pMethods->xFileSize(real_of(file), size);
}
int fault_lock(sqlite3_file* file, int level) { return real_of(file)->pMethods->xLock(real_of(file), level); }
int fault_unlock(sqlite3_file* file, int level) { return real_of(file)->pMethods->xUnlock(real_of(file), level); }
int fault_check_reserved_lock(sqlite3_file* file, int* out) {
  return real_of(file)->pMethods->xCheckReservedLock(real_of(file), out);
}
int fault_file_control(sqlite3_file* file, int op, void* argument) {
  return real_of(file)->pMethods->xFileControl(real_of(file), op, argument);
}
int fault_sector_size(sqlite3_file* file) { return real_of(file)->pMethods->xSectorSize(real_of(file)); }
int fault_device_characteristics(sqlite3_file* file) {
  return real_of(file)->pMethods->xDeviceCharacteristics(real_of(file));
}
int fault_shm_map(sqlite3_file* file, int page, int page_size, int extend, void volatile** out) {
  return real_of(file)->pMethods->xShmMap(real_of(file), page, page_size, extend, out);
}
int fault_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
  return real_of(file)->pMethods->xShmLock(real_of(file), offset, n, flags);
}
void fault_shm_barrier(sqlite3_file* file) { real_of(file)->pMethods->xShmBarrier(real_of(file)); }
int fault_shm_unmap(sqlite3_file* file, int delete_flag) {
  return real_of(file)->pMethods->xShmUnmap(real_of(file), delete_flag);
}
int fault_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  return real_of(file)->pMethods->xFetch(real_of(file), offset, amount, out);
}
int fault_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  return real_of(file)->pMethods->xUnfetch(real_of(file), offset, page);
}

// Version 3 methods; a wrapped file of an older version keeps the same
// version in its shim (SQLite then never calls the newer members).
sqlite3_io_methods fault_methods(int version) {
  return {.iVersion = version,
          .xClose = fault_close,
          .xRead = fault_read,
          .xWrite = fault_write,
          .xTruncate = fault_truncate,
          .xSync = fault_sync,
          .xFileSize = fault_file_size,
          .xLock = fault_lock,
          .xUnlock = fault_unlock,
          .xCheckReservedLock = fault_check_reserved_lock,
          .xFileControl = fault_file_control,
          .xSectorSize = fault_sector_size,
          .xDeviceCharacteristics = fault_device_characteristics,
          .xShmMap = fault_shm_map,
          .xShmLock = fault_shm_lock,
          .xShmBarrier = fault_shm_barrier,
          .xShmUnmap = fault_shm_unmap,
          .xFetch = fault_fetch,
          .xUnfetch = fault_unfetch};
}
const sqlite3_io_methods kMethodsByVersion[] = {fault_methods(1), fault_methods(2), fault_methods(3)};

int fault_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  auto* shim = reinterpret_cast<FaultFile*>(file);
  shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
  shim->base.pMethods = nullptr;
  const int rc = g_real_vfs->xOpen(g_real_vfs, name, shim->real, flags, out_flags);
  if (shim->real->pMethods != nullptr) {
    const int version = shim->real->pMethods->iVersion;
    shim->base.pMethods = &kMethodsByVersion[version < 1 ? 0 : (version > 3 ? 2 : version - 1)];
  }
  return rc;
}

}  // namespace

std::string_view fault_name(Fault fault) noexcept {
  switch (fault) {
    case Fault::write_error: return "write_error";
    case Fault::sync_error: return "sync_error";
    case Fault::disk_full: return "disk_full";
    case Fault::out_of_memory: return "out_of_memory";
  }
  return "unknown";
}

void install_fault_injection() {
  if (g_real_vfs != nullptr) return;
  // The allocator can only be replaced while SQLite is shut down.
  if (sqlite3_shutdown() != SQLITE_OK || sqlite3_config(SQLITE_CONFIG_GETMALLOC, &g_real_memory) != SQLITE_OK)
    throw std::runtime_error("fault injection: SQLite cannot be shut down to wrap its allocator");
  sqlite3_mem_methods failing = g_real_memory;
  failing.xMalloc = failing_malloc;
  failing.xRealloc = failing_realloc;
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &failing) != SQLITE_OK || sqlite3_initialize() != SQLITE_OK)
    throw std::runtime_error("fault injection: SQLite refused the wrapped allocator");
  g_real_vfs = sqlite3_vfs_find(nullptr);
  if (g_real_vfs == nullptr) throw std::runtime_error("fault injection: SQLite has no default VFS");
  g_fault_vfs = *g_real_vfs;  // xDelete, xAccess, ... and pAppData stay the wrapped VFS's
  g_fault_vfs.pNext = nullptr;
  g_fault_vfs.zName = "crm_fault";
  g_fault_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real_vfs->szOsFile;
  g_fault_vfs.xOpen = fault_open;
  if (sqlite3_vfs_register(&g_fault_vfs, 1) != SQLITE_OK)
    throw std::runtime_error("fault injection: cannot register the fault VFS");
}

void arm_fault(Fault fault, std::int64_t nth) {
  g_armed = false;
  g_fault = fault;
  g_nth = nth;
  g_seen = 0;
  g_fired = false;
  g_armed = true;
}

std::int64_t disarm_fault() noexcept {
  g_armed = false;
  return g_seen.load();
}

bool fault_fired() noexcept { return g_fired.load(); }

}  // namespace crm::test
