#include "io/replacing_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

#include "crm/error.hpp"

namespace crm::detail {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, int error) {
  const ErrorCode code = error == ENOENT || error == ENOTDIR ? ErrorCode::not_found
                         : error == EACCES || error == EPERM || error == EROFS ? ErrorCode::permission_denied
                                                                               : ErrorCode::io;
  throw Error(code, "export: cannot " + what + " '" + path + "': " + std::strerror(error), "path");
}

// Creates a new, empty file with a name no other writer uses; returns its name.
std::string create_temporary_beside(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path target(path);
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string name = (target.parent_path() / ("." + target.filename().string() + "." +
                                                      std::to_string(::getpid()) + "." +
                                                      std::to_string(counter++) + ".tmp"))
                                 .string();
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return name;
    }
    if (errno != EEXIST) fail("create a file beside", path, errno);
  }
  fail("create a file beside", path, EEXIST);
}

// Makes the file's content durable before it is renamed into place.
void sync_file(const std::string& name) {
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("sync", name, errno);
  const bool synced = ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!synced) fail("sync", name, error);
}

// Makes the rename durable (best effort: some file systems refuse it).
void sync_directory_of(const std::string& path) {
  std::string directory = std::filesystem::path(path).parent_path().string();
  if (directory.empty()) directory = ".";
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

ReplacingFile::ReplacingFile(const std::string& path) : path_(path) {
  if (path.empty()) throw Error(ErrorCode::invalid_argument, "export: the file path is empty", "path");
  if (std::filesystem::is_directory(path))
    throw Error(ErrorCode::invalid_argument, "export: '" + path + "' is a directory, not a file", "path");
  temp_ = create_temporary_beside(path);
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
    fail("write", temp_, errno ? errno : EIO);
  }
}

ReplacingFile::~ReplacingFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

void ReplacingFile::commit() {
  out_.flush();
  if (!out_) fail("write", temp_, errno ? errno : EIO);
  out_.close();
  if (out_.fail()) fail("write", temp_, errno ? errno : EIO);
  sync_file(temp_);
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) fail("replace", path_, errno);
  committed_ = true;
  sync_directory_of(path_);
}

}  // namespace crm::detail
