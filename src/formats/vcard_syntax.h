// The lexical rules of a vCard content line that the reader and the writer
// must agree on (RFC 6350 §3.3–3.4): where the value starts, how text is
// escaped, how structured values split. Internal to formats/.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "domain/contact.h"

namespace kith::vcard {

inline char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Property and parameter names are case-insensitive, and always ASCII.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiUpper(a[i]) != AsciiUpper(b[i])) return false;
  }
  return true;
}

inline bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

// The ':' that starts the value: the first one outside a quoted parameter
// value. A line with an unbalanced quote falls back to its first ':' so a
// sloppy exporter's line still reads. npos when there is no ':' at all.
inline std::size_t FindValueColon(std::string_view line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') {
      quoted = !quoted;
    } else if (line[i] == ':' && !quoted) {
      return i;
    }
  }
  return quoted ? line.find(':') : std::string_view::npos;
}

// "item1.X-ABLabel;…:…" → "X-ABLabel": the name without group, parameters
// or the spaces some exporters leave around it.
inline std::string_view PropertyName(std::string_view line) {
  std::string_view name = line.substr(0, line.find_first_of(";:"));
  const std::size_t dot = name.find('.');
  if (dot != std::string_view::npos) name.remove_prefix(dot + 1);
  const std::size_t first = name.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return name.substr(first, name.find_last_not_of(" \t") - first + 1);
}

// Text escaping for values: backslash, comma, semicolon and line breaks.
inline void AppendEscapedText(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ',':
        out += "\\,";
        break;
      case ';':
        out += "\\;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out.push_back(c);
    }
  }
}

// Undoes AppendEscapedText, and the `\N` and `\:` some exporters write. Any
// other backslash is kept as it is: vCard 2.1 files have literal ones.
inline void AppendUnescapedText(std::string_view text, std::string& out) {
  std::size_t start = 0;
  for (std::size_t i = text.find('\\'); i != std::string_view::npos; i = text.find('\\', start)) {
    out.append(text.substr(start, i - start));
    if (i + 1 == text.size()) {
      out.push_back('\\');
      return;
    }
    const char next = text[i + 1];
    if (next == 'n' || next == 'N') {
      out.push_back('\n');
    } else if (next == '\\' || next == ',' || next == ';' || next == ':') {
      out.push_back(next);
    } else {
      out.push_back('\\');
      out.push_back(next);
    }
    start = i + 2;
  }
  out.append(text.substr(start));
}

inline std::string UnescapeText(std::string_view text) {
  std::string out;
  AppendUnescapedText(text, out);
  return out;
}

// Calls `visit` with each part of `value` between unescaped `separator`s, as
// written (still escaped): structured values split on ';', lists on ','.
template <typename Visit>
void ForEachComponent(std::string_view value, char separator, Visit&& visit) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\') {
      ++i;
    } else if (value[i] == separator) {
      visit(value.substr(start, i - start));
      start = i + 1;
    }
  }
  visit(value.substr(start));
}

inline bool HostIs(std::string_view host, std::string_view domain) {
  if (EqualsIgnoreCase(host, domain)) return true;
  return host.size() > domain.size() && host[host.size() - domain.size() - 1] == '.' &&
         EqualsIgnoreCase(host.substr(host.size() - domain.size()), domain);
}

// The social network a profile URL belongs to, by its host (any subdomain:
// uk.linkedin.com, mobile.twitter.com); nullopt for every other site.
inline std::optional<LinkKind> LinkKindFromHost(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  std::string_view host = url.substr(0, url.find_first_of("/?#"));
  const std::size_t at = host.rfind('@');
  if (at != std::string_view::npos) host.remove_prefix(at + 1);
  host = host.substr(0, host.find(':'));
  if (HostIs(host, "linkedin.com")) return LinkKind::kLinkedIn;
  if (HostIs(host, "twitter.com") || HostIs(host, "x.com")) return LinkKind::kTwitter;
  if (HostIs(host, "facebook.com")) return LinkKind::kFacebook;
  if (HostIs(host, "instagram.com")) return LinkKind::kInstagram;
  if (HostIs(host, "github.com")) return LinkKind::kGitHub;
  return std::nullopt;
}

}  // namespace kith::vcard
