#include "search/spelling_variants.hpp"

#include <algorithm>
#include <array>

#include "text/unicode.hpp"

namespace crm::detail {
namespace {

// A plain spelling and the other one people write for it, both lower case.
struct Pair {
  std::string_view plain;
  std::string_view marked;
};

constexpr std::array<Pair, 5> kPairs = {{{"ss", "ß"}, {"е", "ё"}, {"и", "й"}, {"і", "ї"}, {"у", "ў"}}};

// The word case-folded (which turns ß into ss) with every marked letter plain.
std::string plain_spelling(std::string_view word) {
  std::string folded = casefold(word);
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    const auto pair = std::find_if(kPairs.begin(), kPairs.end(), [&](const Pair& p) {
      return std::string_view(folded).substr(i, p.marked.size()) == p.marked;
    });
    if (pair != kPairs.end()) {
      out += pair->plain;
      i += pair->marked.size();
    } else {
      out += folded[i++];
    }
  }
  return out;
}

// `plain` cut into literal text and the places that may be spelled either way.
struct Piece {
  std::string_view text;
  const Pair* pair;  // nullptr for literal text
};

std::vector<Piece> pieces_of(std::string_view plain) {
  std::vector<Piece> pieces;
  std::size_t literal = 0;
  for (std::size_t i = 0; i < plain.size();) {
    const auto pair = std::find_if(kPairs.begin(), kPairs.end(),
                                   [&](const Pair& p) { return plain.substr(i, p.plain.size()) == p.plain; });
    if (pair == kPairs.end()) {
      ++i;
      continue;
    }
    if (i > literal) pieces.push_back({plain.substr(literal, i - literal), nullptr});
    pieces.push_back({pair->plain, &*pair});
    i += pair->plain.size();
    literal = i;
  }
  if (literal < plain.size()) pieces.push_back({plain.substr(literal), nullptr});
  return pieces;
}

std::size_t places(const std::vector<Piece>& pieces) {
  return static_cast<std::size_t>(std::count_if(pieces.begin(), pieces.end(), [](const Piece& p) { return p.pair; }));
}

// Every combination: bit k of `choice` picks the marked spelling of place k.
std::vector<std::string> combinations(const std::vector<Piece>& pieces) {
  std::vector<std::string> out;
  const std::size_t count = std::size_t{1} << places(pieces);
  for (std::size_t choice = 0; choice < count; ++choice) {
    std::string spelling;
    std::size_t place = 0;
    for (const Piece& piece : pieces) {
      const bool marked = piece.pair && ((choice >> place) & 1) != 0;
      if (piece.pair) ++place;
      spelling += marked ? piece.pair->marked : piece.text;
    }
    out.push_back(std::move(spelling));
  }
  return out;
}

}  // namespace

std::vector<std::string> spelling_variants(std::string_view word) {
  const std::string plain = plain_spelling(word);
  const std::vector<Piece> pieces = pieces_of(plain);
  if ((std::size_t{1} << std::min<std::size_t>(places(pieces), 63)) <= kMaxSpellingVariants) return combinations(pieces);
  std::vector<std::string> out{plain};
  if (std::string as_written = casefold(word); as_written != plain) out.push_back(std::move(as_written));
  return out;
}

}  // namespace crm::detail
