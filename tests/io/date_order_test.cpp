// Deciding how slashed dates are read: the raw scan that spares an import
// the second reading of a file without any '/' after its header.
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "io/date_order.hpp"

namespace crm::detail {
namespace {

bool holds_slash(const std::string& text) {
  std::istringstream in(text);
  const bool found = holds_slash_after_header(in, in.tellg());
  EXPECT_EQ(in.tellg(), std::istream::pos_type(0)) << "the stream is left at its start";
  return found;
}

TEST(SlashScan, ASlashInTheHeaderLineAloneIsNoDate) {
  EXPECT_FALSE(holds_slash("Country/Region,Birthdate\nLV,1980-03-04\n"));
  EXPECT_FALSE(holds_slash("Country/Region"));
  EXPECT_FALSE(holds_slash(""));
}

TEST(SlashScan, ASlashInAnyCellAfterTheHeaderIsFoundEvenPastTheFirstChunk) {
  EXPECT_TRUE(holds_slash("Name,Birthdate\nA,3/4/1980\n"));
  const std::string far = "Name,Birthdate\n" + std::string(200000, 'x') + ",3/4/1980\n";
  EXPECT_TRUE(holds_slash(far));
  const std::string long_header = std::string(100000, 'h') + "/\nA,1980-03-04\n";
  EXPECT_FALSE(holds_slash(long_header));
}

}  // namespace
}  // namespace crm::detail
