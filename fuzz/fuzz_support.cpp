// The helpers every libFuzzer target in fuzz/ shares (see fuzz_support.hpp).
#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace crm_fuzz {

void fail(std::string_view fuzzer, std::string_view input, const std::string& what) {
  std::string shown;  // the input with control bytes escaped, so the report stays readable
  for (const char c : input) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      shown += escaped;
    } else {
      shown += c;
    }
  }
  std::fprintf(stderr, "\n==== %.*s: invariant broken ====\ninput (%zu bytes): %s\n%s\n",
               static_cast<int>(fuzzer.size()), fuzzer.data(), input.size(), shown.c_str(), what.c_str());
  std::fflush(stderr);
  std::abort();
}

std::uint8_t InputReader::byte() {
  if (offset_ >= size_) return 0;
  return data_[offset_++];
}

std::string InputReader::text(std::size_t max_bytes) {
  const std::size_t wanted = std::min<std::size_t>(byte(), max_bytes);
  const std::size_t length = std::min(wanted, size_ - std::min(offset_, size_));
  std::string result(reinterpret_cast<const char*>(data_) + offset_, length);
  offset_ += length;
  return result;
}

std::string_view InputReader::rest() {
  const std::size_t start = std::min(offset_, size_);
  offset_ = size_;
  return {reinterpret_cast<const char*>(data_) + start, size_ - start};
}

}  // namespace crm_fuzz
