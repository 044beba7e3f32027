#include "formats/text_encoding.h"

#include <array>
#include <vector>

namespace kith {
namespace {

// Windows-1252's characters for bytes 0x80–0x9F; 0 marks the five it leaves
// undefined, which decode to the C1 control of the same value.
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t Windows1252Character(unsigned char byte) {
  if (byte >= 0x80 && byte <= 0x9F && kWindows1252High[byte - 0x80u] != 0)
    return kWindows1252High[byte - 0x80u];
  return byte;
}

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

void AppendUtf8(char32_t code, std::string& out) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t minimum = 0;
    char32_t code = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2;
      minimum = 0x80;
      code = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      minimum = 0x800;
      code = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      minimum = 0x10000;
      code = lead & 0x07u;
    } else {
      return i;
    }
    if (i + length > size) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if (!IsContinuation(bytes[i + k])) return i;
      code = (code << 6) | (bytes[i + k] & 0x3Fu);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

std::string Windows1252ToUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) AppendUtf8(Windows1252Character(static_cast<unsigned char>(c)), out);
  return out;
}

std::string RepairUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  while (!text.empty()) {
    const auto bad = FindInvalidUtf8(text);
    if (!bad) {
      out.append(text);
      break;
    }
    out.append(text.substr(0, *bad));
    AppendUtf8(Windows1252Character(static_cast<unsigned char>(text[*bad])), out);
    text.remove_prefix(*bad + 1);
  }
  return out;
}

void RepairUtf8(ContactFields& fields) {
  const auto repair = [](std::string& text) {
    if (FindInvalidUtf8(text)) text = RepairUtf8(text);
  };
  const auto repair_all = [&](std::vector<std::string>& texts) {
    for (std::string& text : texts) repair(text);
  };
  for (std::string* text :
       {&fields.display_name, &fields.given_name, &fields.family_name, &fields.company, &fields.title,
        &fields.website, &fields.city, &fields.neighborhood, &fields.hometown, &fields.how_met,
        &fields.met_at, &fields.looking_for, &fields.notes, &fields.photo}) {
    repair(*text);
  }
  for (std::vector<std::string>* texts :
       {&fields.emails, &fields.tags, &fields.skills, &fields.interests, &fields.vcard_properties}) {
    repair_all(*texts);
  }
  for (Phone& phone : fields.phones) {
    repair(phone.original);
    repair(phone.e164);
  }
  for (Link& link : fields.links) repair(link.url);
  for (CustomField& field : fields.custom) {
    repair(field.label);
    repair(field.value);
  }
}

std::optional<bool> Utf16ByteOrder(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE")) return false;
  if (bytes.starts_with("\xFE\xFF")) return true;
  return std::nullopt;
}

std::string Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  constexpr char32_t kReplacement = 0xFFFD;
  std::string out;
  out.reserve(bytes.size());
  const auto unit_at = [&](std::size_t i) -> char32_t {
    const auto first = static_cast<unsigned char>(bytes[i]);
    const auto second = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? static_cast<char32_t>((first << 8) | second)
                      : static_cast<char32_t>((second << 8) | first);
  };
  std::size_t i = Utf16ByteOrder(bytes) ? 2 : 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const char32_t unit = unit_at(i);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    AppendUtf8(unit >= 0xD800 && unit <= 0xDFFF ? kReplacement : unit, out);
  }
  if (i < bytes.size()) AppendUtf8(kReplacement, out);  // an odd byte at the end
  return out;
}

std::string Latin1ToUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) AppendUtf8(static_cast<unsigned char>(c), out);
  return out;
}

bool LooksBinary(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && byte != '\t' && byte != '\r' && byte != '\n' && byte != '\f') return true;
    if (byte == 0x7F) return true;
  }
  return false;
}

}  // namespace kith
