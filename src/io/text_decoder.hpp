// Streaming conversion of a file's bytes, in a named encoding, to UTF-8.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace crm::detail {

/// Turns the bytes of a file in a named encoding into UTF-8, one chunk at a
/// time, so that a file of any size can be read in constant memory.
///
/// UTF-8 input is validated, not converted, and a byte order mark at the very
/// start is dropped. Any other encoding glibc iconv knows ("WINDOWS-1257",
/// "CP1251", ...) is converted by iconv. A multibyte sequence cut by a chunk
/// boundary is held back and finished by the next call. Not copyable; the
/// decoder owns its iconv handle.
class TextDecoder {
 public:
  /// `encoding` is "UTF-8" (or "utf8", any case) or a name iconv knows.
  /// Throws Error(invalid_argument, field "encoding") for an unknown name.
  explicit TextDecoder(std::string_view encoding);

  /// The encoding name as given to the constructor.
  const std::string& encoding() const noexcept { return encoding_; }

  /// The UTF-8 text of the next chunk of the file; `last` marks the final
  /// chunk (which may be empty). Throws Error(invalid_argument, field
  /// "encoding") naming the byte offset in the file of the first byte that is
  /// not valid in the encoding, of a multibyte sequence the file ends inside,
  /// or (UTF-8 only) of a NUL byte, which usually means a UTF-16 file.
  std::string decode(std::string_view bytes, bool last);

  /// As decode(), but appends the text to `out` so that its buffer is reused.
  void decode_append(std::string_view bytes, bool last, std::string& out);

 private:
  // Closes an iconv handle (an iconv_t, which glibc defines as void*).
  struct IconvCloser {
    void operator()(void* handle) const noexcept;
  };

  /// Validates UTF-8 input and appends it to `out`.
  void append_utf8(std::string_view bytes, bool last, std::string& out);
  /// Converts input in a legacy encoding with iconv and appends it to `out`.
  void append_converted(std::string_view bytes, bool last, std::string& out);
  /// Drops a UTF-8 BOM from the text appended at `start`; true while the
  /// text could still become one (it then waits in pending_).
  bool hold_partial_bom(std::string& out, std::size_t start, bool last);
  /// Throws Error(invalid_argument) for the byte at file `offset`.
  [[noreturn]] void fail_invalid(std::uint64_t offset, std::string_view reason) const;

  std::string encoding_;
  std::unique_ptr<void, IconvCloser> converter_;  // null for UTF-8 input
  std::string pending_;        // bytes of an unfinished multibyte sequence
  std::string joined_;         // pending_ + the next chunk, for iconv (reused buffer)
  std::uint64_t decoded_ = 0;  // file bytes handled before pending_
  bool at_start_ = true;       // no text produced yet (a UTF-8 BOM may follow)
};

}  // namespace crm::detail
