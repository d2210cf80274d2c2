#include "io/text_decoder.hpp"

#include <cerrno>
#include <cstring>

#include <iconv.h>
#include <utf8proc.h>

#include "crm/error.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
const auto kIconvFailed = static_cast<std::size_t>(-1);

bool is_utf8_name(std::string_view name) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::string folded;
  for (char c : name) folded.push_back(lower(c));
  return folded == "utf-8" || folded == "utf8";
}

Error unknown_encoding(std::string_view name) {
  return Error(ErrorCode::invalid_argument, "import: unknown encoding '" + std::string(name) + "'", "encoding");
}

// How many bytes a UTF-8 sequence starting with `lead` has (1 for bytes that
// cannot start a multibyte sequence; validation reports those).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 1;
}

// The number of bytes at the end of `text` that begin a multibyte sequence
// the text stops inside (0 to 3).
std::size_t incomplete_tail(std::string_view text) {
  const std::size_t look = text.size() < 3 ? text.size() : 3;
  for (std::size_t back = 1; back <= look; ++back) {
    const auto byte = static_cast<unsigned char>(text[text.size() - back]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: keep looking for the lead
    return sequence_length(byte) > back ? back : 0;
  }
  return 0;
}

// The offset of the first byte of `text` that is NUL or not valid UTF-8
// (text.size() when there is none).
std::size_t first_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t pos = 0;
  while (pos < size) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes + pos, size - pos, &code_point);
    if (length <= 0 || code_point <= 0) break;
    pos += length;
  }
  return static_cast<std::size_t>(pos);
}

std::string hex_byte(char byte) {
  constexpr char digits[] = "0123456789ABCDEF";
  const auto value = static_cast<unsigned char>(byte);
  return std::string("0x") + digits[value >> 4] + digits[value & 0xF];
}

}  // namespace

void TextDecoder::IconvCloser::operator()(void* handle) const noexcept {
  iconv_close(static_cast<iconv_t>(handle));
}

TextDecoder::TextDecoder(std::string_view encoding) : encoding_(encoding) {
  if (is_utf8_name(encoding)) return;
  if (encoding.empty() || encoding.find('/') != std::string_view::npos) throw unknown_encoding(encoding);
  iconv_t handle = iconv_open("UTF-8", encoding_.c_str());
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    if (errno == EINVAL) throw unknown_encoding(encoding);
    throw Error(ErrorCode::io, "import: cannot start converting from '" + encoding_ + "': " + std::strerror(errno),
                "encoding");
  }
  converter_.reset(handle);
}

std::string TextDecoder::decode(std::string_view bytes, bool last) {
  std::string out;
  decode_append(bytes, last, out);
  return out;
}

void TextDecoder::decode_append(std::string_view bytes, bool last, std::string& out) {
  if (converter_)
    append_converted(bytes, last, out);
  else
    append_utf8(bytes, last, out);
}

void TextDecoder::append_utf8(std::string_view bytes, bool last, std::string& out) {
  const std::size_t start = out.size();
  out.append(pending_);
  out.append(bytes);
  pending_.clear();
  if (at_start_ && hold_partial_bom(out, start, last)) return;
  const std::string_view text(out.data() + start, out.size() - start);
  const std::size_t tail = incomplete_tail(text);
  const std::string_view complete = text.substr(0, text.size() - tail);
  if (!is_valid_utf8(complete)) {
    const std::size_t bad = first_invalid_utf8(complete);
    if (complete[bad] == '\0') fail_invalid(decoded_ + bad, "a NUL byte (is the file UTF-16?)");
    fail_invalid(decoded_ + bad, "invalid UTF-8 (byte " + hex_byte(complete[bad]) + ")");
  }
  if (tail > 0 && last) fail_invalid(decoded_ + complete.size(), "a UTF-8 character cut off by the end of the file");
  pending_.assign(text.substr(complete.size()));
  out.resize(start + complete.size());
  decoded_ += complete.size();
}

// Drops a UTF-8 byte order mark at the start of the file. Returns true when
// the text so far could still become one (then it waits in pending_).
bool TextDecoder::hold_partial_bom(std::string& out, std::size_t start, bool last) {
  const std::string_view text(out.data() + start, out.size() - start);
  if (text.starts_with(kUtf8Bom)) {
    out.erase(start, kUtf8Bom.size());
    decoded_ += kUtf8Bom.size();
  } else if (!last && text.size() < kUtf8Bom.size() && kUtf8Bom.starts_with(text)) {
    pending_.assign(text);
    out.resize(start);
    return true;
  }
  at_start_ = false;
  return false;
}

void TextDecoder::append_converted(std::string_view bytes, bool last, std::string& out) {
  std::string_view input = bytes;
  if (!pending_.empty()) {
    joined_.assign(pending_);
    joined_.append(bytes);
    input = joined_;
    pending_.clear();
  }
  auto* handle = static_cast<iconv_t>(converter_.get());
  char* in = const_cast<char*>(input.data());
  std::size_t in_left = input.size();
  std::size_t written = out.size();
  while (in_left > 0) {
    out.resize(written + in_left * 3 + 16);
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t result = iconv(handle, &in, &in_left, &out_ptr, &out_left);
    written = static_cast<std::size_t>(out_ptr - out.data());
    if (result != kIconvFailed || errno == E2BIG) continue;
    const std::uint64_t offset = decoded_ + static_cast<std::uint64_t>(in - input.data());
    if (errno == EINVAL && !last) {
      pending_.assign(in, in_left);
      break;
    }
    if (errno == EINVAL) fail_invalid(offset, "a character cut off by the end of the file");
    fail_invalid(offset, "a byte that is not valid " + encoding_ + " (" + hex_byte(*in) + ")");
  }
  if (last) {
    out.resize(written + 16);
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    iconv(handle, nullptr, nullptr, &out_ptr, &out_left);  // ends a stateful encoding's shift state
    written = static_cast<std::size_t>(out_ptr - out.data());
  }
  out.resize(written);
  decoded_ += input.size() - pending_.size();
}

void TextDecoder::fail_invalid(std::uint64_t offset, std::string_view reason) const {
  throw Error(ErrorCode::invalid_argument,
              "import: " + std::string(reason) + " at byte offset " + std::to_string(offset) +
                  " of the file; name the file's encoding (for example WINDOWS-1257 or WINDOWS-1251)",
              "encoding");
}

}  // namespace crm::detail
