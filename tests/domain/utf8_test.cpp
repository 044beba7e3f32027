#include "domain/utf8.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(Utf8, CountsCharactersNotBytes) {
  EXPECT_EQ(CharacterCount("Núñez"), 5);
  EXPECT_EQ(CharacterCount("王伟"), 2);
  EXPECT_EQ(CharacterCount(""), 0);
}

TEST(Utf8, FirstCharacterIsWholeSequence) {
  EXPECT_EQ(FirstCharacter("Ødegaard"), "Ø");
  EXPECT_EQ(FirstCharacter("ada"), "a");
  EXPECT_EQ(FirstCharacter(""), "");
}

TEST(Utf8, MalformedBytesBecomeReplacementCharacters) {
  const std::u32string decoded = DecodeUtf8(
      "a\xff"
      "b");
  ASSERT_EQ(decoded.size(), 3U);
  EXPECT_EQ(decoded[1], U'\uFFFD');
  EXPECT_EQ(decoded[2], U'b');
}

}  // namespace
}  // namespace kith
