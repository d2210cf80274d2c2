// What the steps of the sample data set share: the random generator, the
// accounts made so far with the people who work there, and the moment.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "crm/crm.hpp"
#include "sample/sample_names.hpp"

namespace crm::detail::sample {

/// splitmix64: small, fast and the same on every platform.
class Random {
 public:
  /// A generator whose sequence is fixed by `seed`.
  explicit Random(std::uint64_t seed) : state_(seed) {}
  /// The next 64 random bits.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// A number in 0..n-1; n must be positive.
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  /// True `percent` times in a hundred.
  bool chance(int percent) { return below(100) < percent; }
  /// One of `items`, which must not be empty.
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }
  /// `count` random decimal digits.
  std::string digits(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text.push_back(static_cast<char>('0' + below(10)));
    return text;
  }

 private:
  std::uint64_t state_;
};

/// The sample's code for its `number`-th record of a kind, "SAMPLE-<letter>-"
/// and the number with leading zeros to `width` digits: sample_ref('C', 7, 5)
/// is "SAMPLE-C-00007".
inline std::string sample_ref(char letter, int number, int width) {
  std::string digits = std::to_string(number);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return std::string("SAMPLE-") + letter + "-" + digits;
}

/// A sample person working at a sample account now, with what is needed to
/// call or write to them.
struct StaffMember {
  ContactId id{};
  std::string owner{};  ///< The contact's owner (the account's owner).
  std::string phone{};  ///< The first phone as written, or "".
  std::string email{};  ///< The primary email, or "".
};

/// An account of the sample, where it is, and who works there now.
struct SampleAccount {
  Account account;
  const Country* country = nullptr;
  std::string domain{};             ///< The company's internet domain.
  std::vector<StaffMember> staff{};  ///< Current employees, in creation order.
};

/// The state the later steps (deals, activities) build on.
struct SampleScene {
  Database& db;
  Random& random;
  Instant now;                             ///< db.now() when the load began.
  std::span<const SampleAccount> accounts;
};

}  // namespace crm::detail::sample
