// Writing a file so that it appears whole or not at all: the text goes to a
// temporary file beside the target, which replaces the target only once it
// is complete and on disk.
#pragma once

#include <fstream>
#include <string>

namespace crm::detail {

/// A file written under a temporary name in the target's directory and
/// renamed over the target by commit(). Until then the target is untouched;
/// destroying an uncommitted ReplacingFile removes the temporary file.
class ReplacingFile {
 public:
  /// Creates the temporary file beside `path` (permissions as for any new
  /// file: 0666 less the umask). Throws Error(invalid_argument) for an empty
  /// path, not_found when the directory does not exist, permission_denied
  /// when it cannot be written, io for other failures.
  explicit ReplacingFile(const std::string& path);
  ReplacingFile(const ReplacingFile&) = delete;
  ReplacingFile& operator=(const ReplacingFile&) = delete;
  /// Removes the temporary file unless committed.
  ~ReplacingFile();

  /// The stream to write the file's content to.
  std::ostream& stream() noexcept { return out_; }

  /// Flushes and syncs the temporary file to disk and renames it over the
  /// target. Throws Error(io) (or permission_denied) when any step fails;
  /// the temporary file is then removed and the target left as it was.
  void commit();

 private:
  std::string path_;
  std::string temp_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace crm::detail
