// One vCard content line as the reader meets it: physical lines however
// the file ends them, the parts of an unfolded line (group, name,
// parameters, value), and its vCard 2.1 encodings decoded to plain UTF-8.
// Internal to formats/.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "formats/vcard_syntax.h"

namespace kith::vcard {

// "item1.URL;…" → "item1"; empty when the property has no group.
std::string_view GroupOf(std::string_view line);
bool IsBlank(std::string_view text);
std::string_view TrimSpaces(std::string_view text);
std::string_view StripQuotes(std::string_view text);

struct Param {
  std::string_view name;   // "TYPE" for a vCard 2.1 bare type, "ENCODING" for a bare encoding
  std::string_view value;  // as written: maybe quoted, maybe a comma-separated list
  std::string_view text;   // the whole parameter as written
};

// One unfolded content line, cut into its parts; views into the line.
struct ContentLine {
  std::string_view group;
  std::string_view name;
  std::string_view head;  // everything before the value's ':'
  std::string_view value;
  std::vector<Param> params;

  [[nodiscard]] std::optional<std::string_view> Find(std::string_view param_name) const {
    for (const Param& param : params) {
      if (EqualsIgnoreCase(param.name, param_name)) return StripQuotes(param.value);
    }
    return std::nullopt;
  }

  // Calls `visit` with every TYPE value, however it was spelled:
  // TYPE=a,b · TYPE=a;TYPE=b · TYPE="a,b" · 2.1's bare ;A;B.
  template <typename Visit>
  void ForEachType(Visit&& visit) const {
    for (const Param& param : params) {
      if (!EqualsIgnoreCase(param.name, "TYPE")) continue;
      vcard::ForEachComponent(param.value, ',', [&](std::string_view type) {
        type = StripQuotes(type);
        if (!type.empty()) visit(type);
      });
    }
  }

  [[nodiscard]] bool HasType(std::string_view type) const {
    bool found = false;
    ForEachType([&](std::string_view candidate) { found = found || EqualsIgnoreCase(candidate, type); });
    return found;
  }
};

// Cuts `text` into `line`; `colon` is FindValueColon(text), which the
// caller has checked.
void ParseContentLine(std::string_view text, std::size_t colon, ContentLine& line);

// "BEGIN:VCARD" and the like, however spaced and cased.
bool IsMarker(std::string_view text, std::size_t colon, std::string_view name, std::string_view value);

// Whether the line's ENCODING parameter is `encoding`.
bool HasEncoding(std::string_view text, std::string_view encoding);

// Appends a component of a structured value as written, except that a lone
// backslash at its end (which reads as itself) is doubled, so that the
// separator written after it is not taken as escaped.
void AppendComponent(std::string_view component, std::string& out);

enum class Normalized { kAsRead, kRewritten, kRepaired };

// Rewrites a vCard 2.1 QUOTED-PRINTABLE or Latin-1 line as the plain UTF-8
// line it stands for, without its ENCODING and CHARSET, so everything after
// this (mapping, preserving) sees one kind of line. Decoded bytes that are
// not UTF-8 though the line says they are (a Latin-1 value under
// CHARSET=UTF-8) are repaired, never kept: kRepaired says so.
Normalized NormalizeEncoding(std::string& text, std::size_t colon, ContentLine& line);

// Physical lines, however the file ends them: LF, CRLF, a lone CR (classic
// Mac OS) or CR CR LF (CRLF text written again through a Windows text-mode
// stream). Each of those counts as one line end.
// A line longer than `max_bytes` is handed over cut to max_bytes + 1 bytes
// (the rest of it skipped), so one endless line cannot fill memory and the
// caller still sees that it was too long.
class PhysicalLines {
 public:
  explicit PhysicalLines(std::istream& in, std::size_t max_bytes)
      : buffer_(*in.rdbuf()), max_bytes_(max_bytes) {}

  // The next line, without its line end, in `line`; false at the end of input.
  bool Next(std::string& line);

 private:
  std::streambuf& buffer_;
  std::size_t max_bytes_;
  bool blank_pending_ = false;
};

}  // namespace kith::vcard
