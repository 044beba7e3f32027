#include "search/edit_distance.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(EditDistance, CountsSingleEdits) {
  EXPECT_EQ(EditDistance("john", "john", 2), 0);
  EXPECT_EQ(EditDistance("okafr", "okafor", 2), 1);  // deletion
  EXPECT_EQ(EditDistance("jonh", "john", 2), 1);     // swap of neighbours
  EXPECT_EQ(EditDistance("maria", "marie", 2), 1);   // substitution
  EXPECT_EQ(EditDistance("mohamed", "muhammad", 3), 3);
}

TEST(EditDistance, MeasuresCharactersNotBytes) {
  EXPECT_EQ(EditDistance("nunez", "nuñez", 2), 1);
  EXPECT_EQ(EditDistance("王伟", "王", 2), 1);
}

TEST(EditDistance, StopsPastTheLimit) {
  EXPECT_EQ(EditDistance("ada", "bartholomew", 2), 3);
  EXPECT_EQ(EditDistance("abcdef", "uvwxyz", 2), 3);
}

}  // namespace
}  // namespace kith
