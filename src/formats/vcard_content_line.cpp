#include "formats/vcard_content_line.h"

#include "formats/text_encoding.h"

namespace kith::vcard {
namespace {

bool ContainsIgnoreCase(std::string_view text, std::string_view needle) {
  if (needle.size() > text.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (EqualsIgnoreCase(text.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

bool IsBareEncoding(std::string_view token) {
  return EqualsIgnoreCase(token, "QUOTED-PRINTABLE") || EqualsIgnoreCase(token, "BASE64") ||
         EqualsIgnoreCase(token, "8BIT") || EqualsIgnoreCase(token, "7BIT");
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string DecodeQuotedPrintable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '=' && i + 2 < text.size() && HexDigit(text[i + 1]) >= 0 && HexDigit(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexDigit(text[i + 1]) * 16 + HexDigit(text[i + 2])));
      i += 2;
    } else if (text[i] == '=' && i + 1 == text.size()) {
      break;  // a soft line break at the very end
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

enum class Charset { kUtf8, kWindows1252, kUnknown };

// ISO-8859-1 is read as Windows-1252, as browsers do (WHATWG Encoding): the
// exporters that say Latin-1 are Windows programs, and the bytes 0x80–0x9F
// they write are Windows characters (€, curly quotes), never C1 controls.
Charset ParseCharset(std::string_view name) {
  for (std::string_view utf8 : {"UTF-8", "UTF8", "US-ASCII", "ASCII"}) {
    if (EqualsIgnoreCase(name, utf8)) return Charset::kUtf8;
  }
  for (std::string_view latin :
       {"ISO-8859-1", "ISO8859-1", "ISO_8859-1", "LATIN1", "LATIN-1", "WINDOWS-1252", "CP1252"}) {
    if (EqualsIgnoreCase(name, latin)) return Charset::kWindows1252;
  }
  return Charset::kUnknown;
}

bool HasHighBytes(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace

// "item1.URL;…" → "item1"; empty when the property has no group.
std::string_view GroupOf(std::string_view line) {
  const std::size_t dot = line.find('.');
  if (dot == std::string_view::npos || dot > line.find_first_of(";:")) return {};
  return line.substr(0, dot);
}

bool IsBlank(std::string_view text) { return text.find_first_not_of(" \t") == std::string_view::npos; }

std::string_view TrimSpaces(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string_view StripQuotes(std::string_view text) {
  text = TrimSpaces(text);
  if (!text.empty() && text.front() == '"') text.remove_prefix(1);
  if (!text.empty() && text.back() == '"') text.remove_suffix(1);
  return text;
}

// `colon` is FindValueColon(text), which the caller has checked.
void ParseContentLine(std::string_view text, std::size_t colon, ContentLine& line) {
  line.head = text.substr(0, colon);
  line.value = text.substr(colon + 1);
  const std::size_t semicolon = line.head.find(';');
  const std::string_view qualified_name = TrimSpaces(line.head.substr(0, semicolon));
  const std::size_t dot = qualified_name.find('.');
  line.group = dot == std::string_view::npos ? std::string_view() : qualified_name.substr(0, dot);
  line.name = dot == std::string_view::npos ? qualified_name : qualified_name.substr(dot + 1);
  line.params.clear();
  if (semicolon == std::string_view::npos) return;
  const std::string_view params = line.head.substr(semicolon + 1);
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i <= params.size(); ++i) {
    if (i < params.size() && params[i] == '"') quoted = !quoted;
    if (i < params.size() && (params[i] != ';' || quoted)) continue;
    const std::string_view param = TrimSpaces(params.substr(start, i - start));
    start = i + 1;
    if (param.empty()) continue;
    const std::size_t equals = param.find('=');
    if (equals != std::string_view::npos) {
      line.params.push_back({TrimSpaces(param.substr(0, equals)), param.substr(equals + 1), param});
    } else {
      line.params.push_back({IsBareEncoding(param) ? "ENCODING" : "TYPE", param, param});
    }
  }
}

bool IsMarker(std::string_view text, std::size_t colon, std::string_view name, std::string_view value) {
  return colon != std::string_view::npos && EqualsIgnoreCase(TrimSpaces(text.substr(0, colon)), name) &&
         EqualsIgnoreCase(TrimSpaces(text.substr(colon + 1)), value);
}

bool HasEncoding(std::string_view text, std::string_view encoding) {
  const std::size_t colon = vcard::FindValueColon(text);
  if (colon == std::string_view::npos) return false;
  ContentLine line;
  ParseContentLine(text, colon, line);
  const auto found = line.Find("ENCODING");
  return found && EqualsIgnoreCase(*found, encoding);
}

// Appends a component of a structured value as written, except that a lone
// backslash at its end (which reads as itself) is doubled, so that the
// separator written after it is not taken as escaped.
void AppendComponent(std::string_view component, std::string& out) {
  out.append(component);
  std::size_t backslashes = 0;
  while (backslashes < component.size() && component[component.size() - 1 - backslashes] == '\\')
    ++backslashes;
  if (backslashes % 2 == 1) out.push_back('\\');
}

// Rewrites a vCard 2.1 QUOTED-PRINTABLE or Latin-1 line as the plain UTF-8
// line it stands for, without its ENCODING and CHARSET, so everything after
// this (mapping, preserving) sees one kind of line. Decoded bytes that are
// not UTF-8 though the line says they are (a Latin-1 value under
// CHARSET=UTF-8) are repaired, never kept: kRepaired says so.
Normalized NormalizeEncoding(std::string& text, std::size_t colon, ContentLine& line) {
  const std::string_view head = std::string_view(text).substr(0, colon);
  if (!ContainsIgnoreCase(head, "QUOTED-PRINTABLE") && !ContainsIgnoreCase(head, "CHARSET")) {
    return Normalized::kAsRead;
  }
  ParseContentLine(text, colon, line);
  const auto encoding = line.Find("ENCODING");
  const bool quoted_printable = encoding && EqualsIgnoreCase(*encoding, "QUOTED-PRINTABLE");
  const auto charset_name = line.Find("CHARSET");
  const Charset charset = charset_name ? ParseCharset(*charset_name) : Charset::kUtf8;
  if (charset == Charset::kUnknown) return Normalized::kAsRead;  // nothing here can decode it
  if (!quoted_printable && (charset != Charset::kWindows1252 || !HasHighBytes(line.value))) {
    return Normalized::kAsRead;
  }

  std::string value = quoted_printable ? DecodeQuotedPrintable(line.value) : std::string(line.value);
  bool repaired = false;
  if (charset == Charset::kWindows1252) {
    value = Windows1252ToUtf8(value);
  } else if (FindInvalidUtf8(value)) {
    value = RepairUtf8(value);
    repaired = true;
  }
  std::string rewritten(line.head.substr(0, line.head.find(';')));
  for (const Param& param : line.params) {
    if (EqualsIgnoreCase(param.name, "CHARSET")) continue;
    if (quoted_printable && EqualsIgnoreCase(param.name, "ENCODING")) continue;
    rewritten += ';';
    rewritten += param.text;
  }
  rewritten += ':';
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\r' || value[i] == '\n') {
      if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n') ++i;
      rewritten += "\\n";
    } else {
      rewritten.push_back(value[i]);
    }
  }
  text = std::move(rewritten);
  return repaired ? Normalized::kRepaired : Normalized::kRewritten;
}

bool PhysicalLines::Next(std::string& line) {
  line.clear();
  if (blank_pending_) {
    blank_pending_ = false;
    return true;
  }
  bool any = false;
  for (;;) {
    const int c = buffer_.sbumpc();
    if (c == std::char_traits<char>::eof()) return any;
    any = true;
    if (c == '\n') return true;
    if (c != '\r') {
      if (line.size() <= max_bytes_) line.push_back(static_cast<char>(c));
      continue;
    }
    if (buffer_.sgetc() == '\n') {
      buffer_.sbumpc();
    } else if (buffer_.sgetc() == '\r') {
      buffer_.sbumpc();
      // CR CR LF is one line end; two CRs without LF are two.
      if (buffer_.sgetc() == '\n') {
        buffer_.sbumpc();
      } else {
        blank_pending_ = true;
      }
    }
    return true;
  }
}

}  // namespace kith::vcard
