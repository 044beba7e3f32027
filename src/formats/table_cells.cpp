#include "formats/table_cells.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "domain/validation.h"
#include "formats/text_encoding.h"

namespace kith::table {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view TrimView(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

char LowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = LowerChar(c);
  return lowered;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerChar(a[i]) != LowerChar(b[i])) return false;
  }
  return true;
}

// "E-mail Address" -> "emailaddress": the key synonyms are looked up by, so
// case, spaces and punctuation never matter. Bytes past ASCII are kept.
std::string NormalizedKey(std::string_view header) {
  std::string key;
  for (const char c : header) {
    if (IsDigit(c) || IsLetter(c) || static_cast<unsigned char>(c) >= 0x80) key.push_back(LowerChar(c));
  }
  return key;
}

// A cell that is not UTF-8 comes from a Windows program (Outlook writes
// Windows-1252): decoded as that, it keeps its accents.
namespace {

bool IsAscii(std::string_view text) {
  // Eight bytes at a time: this runs on every cell of every row.
  constexpr std::uint64_t kHighBits = 0x8080808080808080u;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((word & kHighBits) != 0) return false;
  }
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0x80u) != 0) return false;
  }
  return true;
}

}  // namespace

std::string_view AsUtf8(std::string_view cell, std::string& storage) {
  if (IsAscii(cell) || !FindInvalidUtf8(cell)) return cell;
  storage = Windows1252ToUtf8(cell);
  return storage;
}

std::string JoinForMessage(const std::vector<std::string>& values) {
  std::string joined;
  for (const auto& value : values) {
    if (!joined.empty()) joined += ", ";
    joined += value;
  }
  return joined;
}

// "0/0/00": Outlook's way of writing no date.
bool IsNoDate(std::string_view text) {
  bool zero = false;
  bool separator = false;
  for (const char c : text) {
    if (c == '0') {
      zero = true;
    } else if (c == '/' || c == '-' || c == '.') {
      separator = true;
    } else {
      return false;
    }
  }
  return zero && separator;
}

namespace {

int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  const std::string lowered = Lower(word);
  if (lowered == "sept") return 9;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i].substr(0, lowered.size()) == lowered) return static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace

// The date forms exports write: ISO (also with a time, as spreadsheets add),
// "12 Mar 2024", "7-Feb-22", "Mar 12, 2024", "3/14/2024" (month first, as US
// programs write it, unless the first number cannot be a month), "14.03.2024".
// Two-digit years are 20xx.
std::optional<Date> ParseTableDate(std::string_view text) {
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
      (text.size() == 10 || text[10] == ' ' || text[10] == 'T')) {
    auto iso = ParseIsoDate(text.substr(0, 10));
    if (iso) return *iso;
    return std::nullopt;
  }
  // "1/8/18, 6:14 PM" (LinkedIn, 2018): the time after the last comma says
  // nothing about the day.
  if (const std::size_t comma = text.rfind(',');
      comma != std::string_view::npos && text.find(':', comma) != std::string_view::npos) {
    text = TrimView(text.substr(0, comma));
  }
  std::array<std::string_view, 3> tokens;
  std::size_t count = 0;
  char separator = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '-' || c == '/' || c == '.' || c == ',') {
      if (c != ' ' && c != ',' && separator == 0) separator = c;
      ++i;
      continue;
    }
    const std::size_t start = i;
    const bool digits = IsDigit(c);
    while (i < text.size() && (digits ? IsDigit(text[i]) : IsLetter(text[i]))) ++i;
    if (i == start || count == tokens.size()) return std::nullopt;
    tokens[count++] = text.substr(start, i - start);
  }
  if (count != 3) return std::nullopt;
  const auto number = [](std::string_view token) -> int {
    if (token.empty() || token.size() > 4 || !IsDigit(token.front())) return -1;
    int value = 0;
    for (const char c : token) {
      if (!IsDigit(c)) return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  int year = 0;
  int month = 0;
  int day = 0;
  std::string_view year_token;
  if (number(tokens[1]) < 0) {  // 12 Mar 2024, 7-Feb-22
    day = number(tokens[0]);
    month = MonthFromName(tokens[1]);
    year_token = tokens[2];
  } else if (number(tokens[0]) < 0) {  // Mar 12, 2024
    month = MonthFromName(tokens[0]);
    day = number(tokens[1]);
    year_token = tokens[2];
  } else if (tokens[0].size() == 4) {  // 2024/03/12
    year_token = tokens[0];
    month = number(tokens[1]);
    day = number(tokens[2]);
  } else {
    const int first = number(tokens[0]);
    const int second = number(tokens[1]);
    const bool day_first = separator == '.' || (first > 12 && second <= 12);
    day = day_first ? first : second;
    month = day_first ? second : first;
    year_token = tokens[2];
  }
  year = number(year_token);
  if (year < 0 || (year_token.size() != 2 && year_token.size() != 4)) return std::nullopt;
  if (year_token.size() == 2) year += 2000;
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date{year, month, day};
}

// kith's lists are joined with " ::: ". A ":::" inside a value is written
// "\:::", and backslashes just before one are doubled, so any value comes
// back as it was; backslashes elsewhere are left alone.
namespace {

std::string EscapeKithItem(std::string_view item) {
  std::string out;
  out.reserve(item.size());
  std::size_t i = 0;
  while (i < item.size()) {
    if (item[i] == '\\') {
      std::size_t run = 0;
      while (i + run < item.size() && item[i + run] == '\\') ++run;
      const bool before_colons = item.compare(i + run, 3, ":::") == 0;
      out.append(before_colons ? run * 2 : run, '\\');
      i += run;
    } else if (item.compare(i, 3, ":::") == 0) {
      out += "\\:::";
      i += 3;
    } else {
      out.push_back(item[i]);
      ++i;
    }
  }
  return out;
}

std::string UnescapeKithItem(std::string_view item) {
  std::string out;
  out.reserve(item.size());
  std::size_t i = 0;
  while (i < item.size()) {
    if (item[i] != '\\') {
      out.push_back(item[i]);
      ++i;
      continue;
    }
    std::size_t run = 0;
    while (i + run < item.size() && item[i + run] == '\\') ++run;
    const bool before_colons = item.compare(i + run, 3, ":::") == 0;
    out.append(before_colons ? run / 2 : run, '\\');
    i += run;
  }
  return out;
}

}  // namespace

std::string JoinKithList(const std::vector<std::string>& items) {
  std::string joined;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += " ::: ";
    joined += EscapeKithItem(items[i]);
  }
  return joined;
}

// Every item, empty ones too (they keep the E.164 column aligned); an empty
// cell is an empty list.
std::vector<std::string> SplitKithList(std::string_view cell) {
  std::vector<std::string> items;
  if (cell.empty()) return items;
  constexpr std::string_view kSeparator = " ::: ";
  std::size_t start = 0;
  for (;;) {
    const std::size_t found = cell.find(kSeparator, start);
    if (found == std::string_view::npos) break;
    items.push_back(UnescapeKithItem(cell.substr(start, found - start)));
    start = found + kSeparator.size();
  }
  items.push_back(UnescapeKithItem(cell.substr(start)));
  return items;
}

// A custom field is "label: value"; a ':' or '\' in the label is escaped
// with '\' so the first unescaped ": " always ends the label.
std::string CustomFieldItem(const CustomField& field) {
  std::string item;
  for (const char c : field.label) {
    if (c == ':' || c == '\\') item.push_back('\\');
    item.push_back(c);
  }
  item += ": ";
  item += field.value;
  return item;
}

// Without a ": " the whole item is the value.
CustomField ParseCustomFieldItem(std::string_view item) {
  std::string label;
  for (std::size_t i = 0; i < item.size(); ++i) {
    const char c = item[i];
    if (c == '\\' && i + 1 < item.size()) {
      label.push_back(item[++i]);
    } else if (c == ':' && i + 1 < item.size() && item[i + 1] == ' ') {
      return CustomField{std::move(label), std::string(item.substr(i + 2))};
    } else {
      label.push_back(c);
    }
  }
  return CustomField{"", std::string(item)};
}

namespace {

bool HostIs(std::string_view host, std::string_view domain) {
  if (host.size() < domain.size()) return false;
  if (host.substr(host.size() - domain.size()) != domain) return false;
  return host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.';
}

}  // namespace

// The kind of link a web address is, from its host.
LinkKind KindFromHost(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const std::string host = Lower(url.substr(0, url.find_first_of("/?#:")));
  if (HostIs(host, "linkedin.com") || HostIs(host, "lnkd.in")) return LinkKind::kLinkedIn;
  if (HostIs(host, "twitter.com") || HostIs(host, "x.com")) return LinkKind::kTwitter;
  if (HostIs(host, "facebook.com") || HostIs(host, "fb.com")) return LinkKind::kFacebook;
  if (HostIs(host, "instagram.com")) return LinkKind::kInstagram;
  if (HostIs(host, "github.com")) return LinkKind::kGitHub;
  return LinkKind::kOther;
}

// Exports keep web addresses as typed ("www.kovacs.design"); kith stores
// them with a scheme. Anything that does not look like a host is kept as is.
std::string WithScheme(std::string_view url) {
  if (url.find("://") != std::string_view::npos || HasNonWebScheme(url)) return std::string(url);
  const std::string_view host = url.substr(0, url.find_first_of("/?#"));
  const bool looks_like_host = host.find('.') != std::string_view::npos &&
                               host.find_first_of(" @") == std::string_view::npos && host.front() != '.';
  if (!looks_like_host) return std::string(url);
  return "https://" + std::string(url);
}

// kith writes a link's flags after its address: "https://… [connected
// 2024-03-12, followed]"; "on DATE" is a connection date without the flag.
std::string AnnotatedLink(const Link& link) {
  std::string flags;
  const auto add = [&flags](const std::string& flag) {
    if (!flags.empty()) flags += ", ";
    flags += flag;
  };
  if (link.connected) {
    add(link.connected_on ? "connected " + link.connected_on->ToIso() : "connected");
  } else if (link.connected_on) {
    add("on " + link.connected_on->ToIso());
  }
  if (link.followed) add("followed");
  // An address that itself ends like flags gets an empty pair, which reads back as none.
  const bool looks_annotated =
      !link.url.empty() && link.url.back() == ']' && link.url.find(" [") != std::string::npos;
  if (flags.empty() && !looks_annotated) return link.url;
  return link.url + " [" + flags + "]";
}

Link ParseAnnotatedLink(std::string_view item, LinkKind kind) {
  Link whole{kind, std::string(item), false, false, std::nullopt};
  const std::size_t open = item.rfind(" [");
  if (item.empty() || item.back() != ']' || open == std::string_view::npos) return whole;
  Link link{kind, std::string(item.substr(0, open)), false, false, std::nullopt};
  std::string_view flags = item.substr(open + 2, item.size() - open - 3);
  while (!flags.empty()) {
    const std::size_t comma = flags.find(',');
    const std::string_view flag = TrimView(flags.substr(0, comma));
    flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
    if (flag == "connected") {
      link.connected = true;
    } else if (flag == "followed") {
      link.followed = true;
    } else if (flag.rfind("connected ", 0) == 0 || flag.rfind("on ", 0) == 0) {
      const bool connected = flag.front() == 'c';
      auto date = ParseIsoDate(TrimView(flag.substr(connected ? 10 : 3)));
      if (!date) return whole;
      link.connected = link.connected || connected;
      link.connected_on = *date;
    } else {
      return whole;  // not kith's flags: the brackets belong to the address
    }
  }
  return link;
}

std::optional<bool> ParseYesNo(std::string_view value) {
  const std::string lowered = Lower(value);
  for (const std::string_view yes : {"yes", "y", "true", "1", "x", "open"}) {
    if (lowered == yes) return true;
  }
  for (const std::string_view no : {"no", "n", "false", "0"}) {
    if (lowered == no) return false;
  }
  return std::nullopt;
}

// Google marks its own groups with "* ": "* myContacts" is every contact
// and says nothing, so it is dropped; "* starred" and the others become the
// plain tag ("starred", "Friends").
std::optional<std::string> TagFromLabel(std::string_view label) {
  if (label.rfind("* ", 0) == 0) label = TrimView(label.substr(2));
  if (label.empty() || EqualsIgnoringCase(label, "myContacts")) return std::nullopt;
  return std::string(label);
}

}  // namespace kith::table
