// Reading and writing one cell of a contacts table: trimming, case, dates
// as exports write them, lists in a cell, kith's escaped lists, custom
// fields as "label: value", and links with their flags. Internal to formats/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"
#include "domain/date.h"

namespace kith::table {

bool IsSpace(char c);
std::string_view TrimView(std::string_view text);
char LowerChar(char c);
std::string Lower(std::string_view text);
bool EqualsIgnoringCase(std::string_view a, std::string_view b);
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "E-mail Address" -> "emailaddress": the key synonyms are looked up by, so
// case, spaces and punctuation never matter. Bytes past ASCII are kept.
std::string NormalizedKey(std::string_view header);

// A cell that is not UTF-8 comes from a Windows program (Outlook writes
// Windows-1252): decoded as that, it keeps its accents. Returns `cell`, or
// `storage` holding the decoded text.
std::string_view AsUtf8(std::string_view cell, std::string& storage);

// "a, b, c" for error messages.
std::string JoinForMessage(const std::vector<std::string>& values);

// "0/0/00": Outlook's way of writing no date.
bool IsNoDate(std::string_view text);

// The date forms exports write: ISO (also with a time, as spreadsheets add),
// "12 Mar 2024", "7-Feb-22", "Mar 12, 2024", "3/14/2024" (month first, as US
// programs write it, unless the first number cannot be a month), "14.03.2024".
// Two-digit years are 20xx.
std::optional<Date> ParseTableDate(std::string_view text);

// "yes", "no", "true", "x", … ; nullopt for anything else.
std::optional<bool> ParseYesNo(std::string_view value);

// Calls `add` with each trimmed, non-empty item of `cell`. `separators`
// holds the single characters that separate items besides ":::".
template <typename Add>
void ForEachItem(std::string_view cell, std::string_view separators, const Add& add) {
  std::size_t start = 0;
  const auto flush = [&](std::size_t stop, std::size_t next) {
    const std::string_view item = TrimView(cell.substr(start, stop - start));
    if (!item.empty()) add(item);
    start = next;
  };
  if (separators.empty()) {
    // Only ":::": jump from colon to colon.
    for (std::size_t i = cell.find(':'); i != std::string_view::npos; i = cell.find(':', i + 1)) {
      if (cell.compare(i, 3, ":::") != 0) continue;
      flush(i, i + 3);
      i += 2;
    }
  } else {
    for (std::size_t i = 0; i < cell.size(); ++i) {
      const char c = cell[i];
      if (c == ':' && cell.compare(i, 3, ":::") == 0) {
        flush(i, i + 3);
        i += 2;
      } else if (separators.find(c) != std::string_view::npos) {
        flush(i, i + 1);
      }
    }
  }
  flush(cell.size(), cell.size());
}

// kith's lists are joined with " ::: ". A ":::" inside a value is written
// "\:::", and backslashes just before one are doubled, so any value comes
// back as it was; backslashes elsewhere are left alone.
std::string JoinKithList(const std::vector<std::string>& items);
// Every item, empty ones too (they keep the E.164 column aligned); an empty
// cell is an empty list.
std::vector<std::string> SplitKithList(std::string_view cell);

// A custom field is "label: value"; a ':' or '\' in the label is escaped
// with '\' so the first unescaped ": " always ends the label. Without a
// ": " the whole item is the value.
std::string CustomFieldItem(const CustomField& field);
CustomField ParseCustomFieldItem(std::string_view item);

// The kind of link a web address is, from its host.
LinkKind KindFromHost(std::string_view url);

// Exports keep web addresses as typed ("www.kovacs.design"); kith stores
// them with a scheme. Anything that does not look like a host is kept as is.
std::string WithScheme(std::string_view url);

// kith writes a link's flags after its address: "https://… [connected
// 2024-03-12, followed]"; "on DATE" is a connection date without the flag.
std::string AnnotatedLink(const Link& link);
Link ParseAnnotatedLink(std::string_view item, LinkKind kind);

// Google marks its own groups with "* ": "* myContacts" is every contact
// and says nothing, so it is dropped; "* starred" and the others become the
// plain tag ("starred", "Friends").
std::optional<std::string> TagFromLabel(std::string_view label);

}  // namespace kith::table
