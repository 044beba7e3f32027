#include "domain/utf8.h"

namespace kith {
namespace {

// The length of the sequence a lead byte starts, or 0 for a stray byte.
int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 0;
}

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Decodes the character at `text[index]`, advancing `index` past it.
char32_t DecodeOne(std::string_view text, std::size_t& index) {
  const auto lead = static_cast<unsigned char>(text[index]);
  const int length = SequenceLength(lead);
  if (length == 0 || index + static_cast<std::size_t>(length) > text.size()) {
    ++index;
    return U'\uFFFD';
  }
  if (length == 1) {
    ++index;
    return lead;
  }
  char32_t code = lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[index + static_cast<std::size_t>(i)]);
    if (!IsContinuation(byte)) {
      ++index;
      return U'\uFFFD';
    }
    code = (code << 6) | (byte & 0x3F);
  }
  index += static_cast<std::size_t>(length);
  return code;
}

}  // namespace

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string decoded;
  decoded.reserve(text.size());
  std::size_t index = 0;
  while (index < text.size()) decoded.push_back(DecodeOne(text, index));
  return decoded;
}

std::string_view FirstCharacter(std::string_view text) {
  if (text.empty()) return {};
  std::size_t index = 0;
  DecodeOne(text, index);
  return text.substr(0, index);
}

int CharacterCount(std::string_view text) {
  int count = 0;
  std::size_t index = 0;
  while (index < text.size()) {
    DecodeOne(text, index);
    ++count;
  }
  return count;
}

}  // namespace kith
