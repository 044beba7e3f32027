#include "formats/json_text.h"

#include <array>
#include <cstddef>

#include <nlohmann/json.hpp>

namespace kith {
namespace {

// Whether `text` is well-formed UTF-8 (Unicode's table 3-7: no overlong
// forms, no surrogates, nothing past U+10FFFF), the same test nlohmann's
// decoder applies before it writes a string unchanged.
bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  const auto byte = [&text](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const auto continuation = [&](std::size_t at, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return at < text.size() && byte(at) >= low && byte(at) <= high;
  };
  while (i < text.size()) {
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
      ++i;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      if (!continuation(i + 1)) return false;
      i += 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
      const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
      if (!continuation(i + 1, low, high) || !continuation(i + 2)) return false;
      i += 3;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
      const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
      if (!continuation(i + 1, low, high) || !continuation(i + 2) || !continuation(i + 3)) return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

// The escape of an ASCII byte that JSON may not hold as it is, or null.
const char* EscapeOf(unsigned char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      return nullptr;
  }
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  // Bad UTF-8 is rare (names come through validation): let nlohmann
  // replace it, exactly as the tree's dump would.
  if (!IsValidUtf8(text)) {
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  constexpr unsigned char kLastControl = 0x1F;
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  std::size_t plain = 0;  // where the run of bytes copied as they are began
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c > kLastControl && c != '"' && c != '\\') continue;
    out.append(text.substr(plain, i - plain));
    plain = i + 1;
    if (const char* escape = EscapeOf(c)) {
      out += escape;
      continue;
    }
    constexpr std::array<char, 17> kHex = {"0123456789abcdef"};
    constexpr unsigned kNibble = 4;
    constexpr unsigned kLowNibble = 0xF;
    out += "\\u00";
    out += kHex[c >> kNibble];
    out += kHex[c & kLowNibble];
  }
  out.append(text.substr(plain));
  out += '"';
}

}  // namespace kith
