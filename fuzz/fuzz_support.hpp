// What every libFuzzer target in fuzz/ shares: stopping on a broken invariant
// with the input that broke it, and reading choices and text from the input.
// No crmcore dependency (the C ABI fuzzer links only libcrmcore.so); the C++
// API fuzzers' helpers are in fuzz_database.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace crm_fuzz {

/// Prints the fuzzer's name, the input (as text, escaped) and `what`, then
/// aborts so that libFuzzer saves the input as a crash file.
[[noreturn]] void fail(std::string_view fuzzer, std::string_view input, const std::string& what);

/// Reads a fuzzer's input from the front: whole bytes for choices, then the
/// rest as text. Past the end it returns zeros and empty text, so every input
/// decodes to something.
class InputReader {
 public:
  InputReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  /// The next byte, or 0 past the end.
  std::uint8_t byte();
  /// The next byte modulo `count` (1 and up).
  std::size_t choice(std::size_t count) { return byte() % count; }
  /// Text of up to `max_bytes` bytes: a length byte, then that many bytes
  /// (fewer when the input ends).
  std::string text(std::size_t max_bytes = 255);
  /// All bytes not read yet.
  std::string_view rest();
  bool at_end() const noexcept { return offset_ >= size_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t offset_ = 0;
};

}  // namespace crm_fuzz
