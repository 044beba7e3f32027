// The XML of WebDAV, both ways: element names with their namespaces (which
// pugixml leaves to us) read from a request body, and multistatus answers
// written as text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace kith::dav {

inline constexpr std::string_view kDavNs = "DAV:";
inline constexpr std::string_view kCardNs = "urn:ietf:params:xml:ns:carddav";
inline constexpr std::string_view kServerNs = "http://calendarserver.org/ns/";

// A property or element name: its namespace URI and local name.
struct Name {
  std::string ns;
  std::string local;
  bool operator==(const Name&) const = default;
  [[nodiscard]] bool Names(std::string_view name_ns, std::string_view name_local) const {
    return ns == name_ns && local == name_local;
  }
};

// The namespace and local name of an element, its prefix resolved through
// the xmlns declarations around it.
Name NameOf(const pugi::xml_node& node);
// The first child element with this name, or an empty node.
pugi::xml_node Child(const pugi::xml_node& node, std::string_view ns, std::string_view local);
// The names of the elements inside a <prop>.
std::vector<Name> PropNames(const pugi::xml_node& prop);

// Parses a request body; nullopt when it is not well-formed XML (an empty
// body gives an empty document).
std::optional<pugi::xml_document> ParseBody(const std::string& body);

std::string Escape(std::string_view text);
// "<d:href>…</d:href>", the path percent-encoded.
std::string Href(std::string_view path);
// An empty element of `name`: "<d:getetag/>", or with its own xmlns.
std::string EmptyElement(const Name& name);
// An element of `name` around `inner` (already XML).
std::string Element(const Name& name, std::string_view inner);

// The opening of a multistatus body, with the namespaces kith writes in.
std::string MultistatusOpen();
inline constexpr std::string_view kMultistatusClose = "</d:multistatus>\n";

// One <d:response>: the found properties (name, inner XML) under 200 and
// the missing ones under 404.
struct PropertyValue {
  Name name;
  std::string inner;  // XML
};
std::string Response(std::string_view path, const std::vector<PropertyValue>& found,
                     const std::vector<Name>& missing);
// A <d:response> with a status only ("HTTP/1.1 404 Not Found").
std::string StatusResponse(std::string_view path, std::string_view status);

// A <d:error> body naming one precondition, e.g. valid-sync-token.
std::string ErrorBody(std::string_view ns, std::string_view precondition);

}  // namespace kith::dav
