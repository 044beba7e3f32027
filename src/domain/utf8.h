// Just enough UTF-8 to measure and compare words by character, not by byte.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// Decodes UTF-8; malformed bytes each become U+FFFD, so nothing is dropped.
std::u32string DecodeUtf8(std::string_view text);

// The bytes of the first character of `text` (empty for empty text).
std::string_view FirstCharacter(std::string_view text);

// The number of characters (code points) in `text`.
int CharacterCount(std::string_view text);

}  // namespace kith
