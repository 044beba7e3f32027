#include "dav/dav_xml.h"

#include <cctype>

namespace kith::dav {
namespace {

std::string PrefixOf(std::string_view ns) {
  if (ns == kDavNs) return "d";
  if (ns == kCardNs) return "card";
  if (ns == kServerNs) return "cs";
  return "";
}

std::string OpenTag(const Name& name, bool empty) {
  const std::string prefix = PrefixOf(name.ns);
  const std::string close = empty ? "/>" : ">";
  if (!prefix.empty()) return "<" + prefix + ":" + name.local + close;
  return "<x:" + name.local + " xmlns:x=\"" + Escape(name.ns) + "\"" + close;
}

std::string CloseTag(const Name& name) {
  const std::string prefix = PrefixOf(name.ns);
  return "</" + (prefix.empty() ? std::string("x") : prefix) + ":" + name.local + ">";
}

}  // namespace

Name NameOf(const pugi::xml_node& node) {
  const std::string_view qualified = node.name();
  const std::size_t colon = qualified.find(':');
  const std::string prefix(colon == std::string_view::npos ? "" : qualified.substr(0, colon));
  const std::string local(colon == std::string_view::npos ? qualified : qualified.substr(colon + 1));
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
  for (pugi::xml_node at = node; at; at = at.parent()) {
    if (const pugi::xml_attribute declared = at.attribute(attribute.c_str()))
      return Name{declared.value(), local};
  }
  return Name{"", local};
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view ns, std::string_view local) {
  for (const pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && NameOf(child).Names(ns, local)) return child;
  }
  return {};
}

std::vector<Name> PropNames(const pugi::xml_node& prop) {
  std::vector<Name> names;
  for (const pugi::xml_node child : prop.children()) {
    if (child.type() == pugi::node_element) names.push_back(NameOf(child));
  }
  return names;
}

std::optional<pugi::xml_document> ParseBody(const std::string& body) {
  std::optional<pugi::xml_document> document(std::in_place);
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return document;
  // No DOCTYPE: entities are not expanded (pugixml never fetches them).
  const pugi::xml_parse_result parsed = document->load_buffer(body.data(), body.size(), pugi::parse_default);
  if (!parsed) return std::nullopt;
  return document;
}

namespace {

const char* EntityOf(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    default:
      return nullptr;
  }
}

}  // namespace

std::string Escape(std::string_view text) {
  // Runs of plain text are copied whole: a card's vCard is mostly plain.
  std::string escaped;
  escaped.reserve(text.size() + text.size() / 16);
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = EntityOf(text[i]);
    if (entity == nullptr) continue;
    escaped.append(text.substr(run, i - run));
    escaped += entity;
    run = i + 1;
  }
  escaped.append(text.substr(run));
  return escaped;
}

std::string Href(std::string_view path) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string encoded = "<d:href>";
  encoded.reserve(path.size() + 32);
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (std::isalnum(byte) != 0) || c == '/' || c == '-' || c == '_' || c == '.' ||
                       c == '~' || c == '@' || c == ':';
    if (plain) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4U];
      encoded += kHex[byte & 0x0FU];
    }
  }
  return encoded + "</d:href>";
}

std::string EmptyElement(const Name& name) { return OpenTag(name, true); }

std::string Element(const Name& name, std::string_view inner) {
  return OpenTag(name, false) + std::string(inner) + CloseTag(name);
}

std::string MultistatusOpen() {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus xmlns:d=\"DAV:\" xmlns:card=\"" +
         std::string(kCardNs) + "\" xmlns:cs=\"" + std::string(kServerNs) + "\">\n";
}

std::string Response(std::string_view path, const std::vector<PropertyValue>& found,
                     const std::vector<Name>& missing) {
  std::string xml = "<d:response>" + Href(path);
  if (!found.empty()) {
    xml += "<d:propstat><d:prop>";
    for (const PropertyValue& value : found) {
      xml += value.inner.empty() ? EmptyElement(value.name) : Element(value.name, value.inner);
    }
    xml += "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>";
  }
  if (!missing.empty()) {
    xml += "<d:propstat><d:prop>";
    for (const Name& name : missing) xml += EmptyElement(name);
    xml += "</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>";
  }
  return xml + "</d:response>\n";
}

std::string StatusResponse(std::string_view path, std::string_view status) {
  return "<d:response>" + Href(path) + "<d:status>" + std::string(status) + "</d:status></d:response>\n";
}

std::string ErrorBody(std::string_view ns, std::string_view precondition) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:error xmlns:d=\"DAV:\" xmlns:card=\"" +
         std::string(kCardNs) + "\">" + EmptyElement(Name{std::string(ns), std::string(precondition)}) +
         "</d:error>\n";
}

}  // namespace kith::dav
