#include "formats/json_text.h"

#include <array>
#include <cstddef>

#include <nlohmann/json.hpp>

namespace kith {
namespace {

constexpr unsigned char kLastControl = 0x1F;
constexpr unsigned char kFirstNonAscii = 0x80;

// The bytes written as they are without a second look: printable ASCII
// other than the quote and the backslash. A lookup per byte, because this
// loop ran over every byte of a typeahead answer twice (a UTF-8 check, then
// the escapes) and was the largest part of the JSON's cost (BENCHMARKS.md,
// api13).
constexpr std::array<bool, 256> PlainBytes() {
  std::array<bool, 256> plain{};
  for (unsigned c = kLastControl + 1; c < kFirstNonAscii; ++c) plain.at(c) = c != '"' && c != '\\';
  return plain;
}
constexpr std::array<bool, 256> kPlain = PlainBytes();

// The length of the well-formed UTF-8 character that starts at `at` with a
// byte of 0x80 or more (Unicode's table 3-7: no overlong forms, no
// surrogates, nothing past U+10FFFF, the same test nlohmann's decoder
// applies before it writes a string unchanged), or 0 when it is not one.
std::size_t Utf8Length(std::string_view text, std::size_t at) {
  const auto byte = [&text](std::size_t index) { return static_cast<unsigned char>(text[index]); };
  const auto continuation = [&](std::size_t index, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return index < text.size() && byte(index) >= low && byte(index) <= high;
  };
  const unsigned char lead = byte(at);
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(at + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(at + 1, low, high) && continuation(at + 2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(at + 1, low, high) && continuation(at + 2) && continuation(at + 3) ? 4 : 0;
  }
  return 0;
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

// Appends the escape of `c`, a control character, the quote or the backslash.
void AppendEscape(std::string& out, unsigned char c) {
  if (const char* escape = EscapeOf(c)) {
    out += escape;
    return;
  }
  constexpr std::array<char, 17> kHex = {"0123456789abcdef"};
  constexpr unsigned kNibble = 4;
  constexpr unsigned kLowNibble = 0xF;
  out += "\\u00";
  out += kHex[c >> kNibble];
  out += kHex[c & kLowNibble];
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  const std::size_t written = out.size();
  out.reserve(written + text.size() + 2);
  out += '"';
  std::size_t plain = 0;  // where the run of bytes copied as they are began
  std::size_t at = 0;
  while (at < text.size()) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (kPlain[c]) {
      ++at;
    } else if (c >= kFirstNonAscii) {
      const std::size_t length = Utf8Length(text, at);
      // Bad UTF-8 is rare (names come through validation): let nlohmann
      // replace it, exactly as the tree's dump would.
      if (length == 0) {
        out.resize(written);
        out +=
            nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      at += length;
    } else {
      out.append(text.substr(plain, at - plain));
      AppendEscape(out, c);
      plain = ++at;
    }
  }
  out.append(text.substr(plain));
  out += '"';
}

}  // namespace kith
