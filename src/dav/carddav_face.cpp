#include "dav/carddav_face.h"

#include <algorithm>
#include <climits>
#include <memory>

#include "app/carddav.h"
#include "dav/dav_xml.h"

namespace kith::dav {
namespace {

constexpr std::string_view kRootPath = "/dav/";
constexpr std::string_view kPrincipalPath = "/dav/principal/";
constexpr std::string_view kHomePath = "/dav/books/";
constexpr std::string_view kXmlType = "application/xml; charset=utf-8";
constexpr std::string_view kVCardType = "text/vcard; charset=utf-8";
constexpr int kMultiStatus = 207;
constexpr int kQueryLimit = 1000;
// Cards read from the store at once for their address-data: few enough
// that an answer's memory stays small (each server thread keeps what its
// largest request took), enough that a batch costs a few queries per card
// batch rather than several per card.
constexpr int kCardBatch = 100;

enum class Kind { kRoot, kPrincipal, kHome, kBook, kCard, kNone };

struct Target {
  Kind kind = Kind::kNone;
  std::string segment;
  std::string name;
};

// "/dav/books/friends/abc.vcf" → a card; anything outside the tree → kNone.
Target ParseTarget(std::string_view path) {
  if (!path.starts_with("/dav")) return {};
  path.remove_prefix(std::string_view("/dav").size());
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (at < path.size()) {
    const std::size_t slash = path.find('/', at);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > at) parts.emplace_back(path.substr(at, end - at));
    at = end + 1;
  }
  if (parts.empty()) return {Kind::kRoot, "", ""};
  if (parts.size() == 1 && parts[0] == "principal") return {Kind::kPrincipal, "", ""};
  if (parts[0] != "books" || parts.size() > 3) return {};
  if (parts.size() == 1) return {Kind::kHome, "", ""};
  if (parts.size() == 2) return {Kind::kBook, parts[1], ""};
  return {Kind::kCard, parts[1], parts[2]};
}

std::string BookPath(std::string_view segment) { return std::string(kHomePath) + std::string(segment) + "/"; }
std::string CardPath(std::string_view segment, std::string_view name) {
  return BookPath(segment) + std::string(name);
}

// Percent-decodes an href and drops its scheme and host.
std::string PathOfHref(std::string_view href) {
  if (const std::size_t scheme = href.find("://"); scheme != std::string_view::npos) {
    const std::size_t slash = href.find('/', scheme + 3);
    href = slash == std::string_view::npos ? std::string_view("/") : href.substr(slash);
  }
  std::string path;
  for (std::size_t i = 0; i < href.size(); ++i) {
    if (href[i] == '%' && i + 2 < href.size() &&
        std::isxdigit(static_cast<unsigned char>(href[i + 1])) != 0 &&
        std::isxdigit(static_cast<unsigned char>(href[i + 2])) != 0) {
      path += static_cast<char>(std::stoi(std::string(href.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      path += href[i];
    }
  }
  return path;
}

void SendText(httplib::Response& response, int status, std::string_view text) {
  response.status = status;
  response.set_content(std::string(text) + "\n", "text/plain; charset=utf-8");
}

void SendXml(httplib::Response& response, int status, const std::string& xml) {
  response.status = status;
  response.set_content(xml, std::string(kXmlType).c_str());
}

std::optional<VCardVersion> VersionNamed(std::string_view text) {
  if (text.find("4.0") != std::string_view::npos) return VCardVersion::k40;
  if (text.find("3.0") != std::string_view::npos) return VCardVersion::k30;
  return std::nullopt;
}

const Name kResourceType{"DAV:", "resourcetype"};
const Name kDisplayName{"DAV:", "displayname"};
const Name kGetEtag{"DAV:", "getetag"};
const Name kContentType{"DAV:", "getcontenttype"};
const Name kSyncToken{"DAV:", "sync-token"};
const Name kCtag{std::string(kServerNs), "getctag"};
const Name kUserPrincipal{"DAV:", "current-user-principal"};
const Name kAddressData{std::string(kCardNs), "address-data"};

// What a collection answers about itself: the value of each property it
// has, or nullopt.
std::optional<std::string> CollectionProperty(const Target& target, const AddressBook* book,
                                              std::int64_t latest, const Name& name) {
  if (name.Names(kDavNs, "current-user-principal") || name.Names(kDavNs, "principal-URL") ||
      name.Names(kDavNs, "owner")) {
    return Href(kPrincipalPath);
  }
  if (name.Names(kCardNs, "addressbook-home-set")) return Href(kHomePath);
  if (name.Names(kDavNs, "current-user-privilege-set")) {
    return "<d:privilege><d:all/></d:privilege><d:privilege><d:read/></d:privilege><d:privilege><d:write/>"
           "</d:privilege><d:privilege><d:write-content/></d:privilege><d:privilege><d:write-properties/>"
           "</d:privilege><d:privilege><d:bind/></d:privilege><d:privilege><d:unbind/></d:privilege>";
  }
  if (name.Names(kDavNs, "resourcetype")) {
    if (target.kind == Kind::kPrincipal) return "<d:collection/><d:principal/>";
    if (target.kind == Kind::kBook) return "<d:collection/><card:addressbook/>";
    return "<d:collection/>";
  }
  if (name.Names(kDavNs, "displayname")) {
    if (book != nullptr) return Escape(book->display_name);
    if (target.kind == Kind::kPrincipal) return std::string(kDefaultBookName);
    return std::nullopt;
  }
  if (book == nullptr) return std::nullopt;
  if (name.Names(kDavNs, "sync-token")) return Escape(SyncToken(latest));
  if (name.Names(kServerNs, "getctag")) return Escape("\"" + std::to_string(latest) + "\"");
  if (name.Names(kDavNs, "supported-report-set")) {
    return "<d:supported-report><d:report><card:addressbook-multiget/></d:report></d:supported-report>"
           "<d:supported-report><d:report><card:addressbook-query/></d:report></d:supported-report>"
           "<d:supported-report><d:report><d:sync-collection/></d:report></d:supported-report>";
  }
  if (name.Names(kCardNs, "supported-address-data")) {
    return "<card:address-data-type content-type=\"text/vcard\" version=\"3.0\"/>"
           "<card:address-data-type content-type=\"text/vcard\" version=\"4.0\"/>";
  }
  if (name.Names(kCardNs, "max-resource-size")) return std::to_string(kMaxCardBytes);
  if (name.Names(kCardNs, "addressbook-description")) return Escape(book->display_name);
  return std::nullopt;
}

// The properties a PROPFIND asks for: named ones, or (allprop, an empty
// body) the usual ones, of which only those a resource has are answered.
struct PropRequest {
  std::vector<Name> names;
  bool all = false;
  std::optional<VCardVersion> address_data_version;
};

PropRequest AllProps() {
  return PropRequest{{kResourceType, kDisplayName, kGetEtag, kContentType, kSyncToken, kCtag, kUserPrincipal},
                     true,
                     std::nullopt};
}

PropRequest PropsOf(const pugi::xml_node& parent) {
  const pugi::xml_node prop = Child(parent, kDavNs, "prop");
  if (!prop) return AllProps();
  PropRequest request{PropNames(prop), false, std::nullopt};
  if (const pugi::xml_node data = Child(prop, kCardNs, "address-data")) {
    request.address_data_version = VersionNamed(data.attribute("version").value());
  }
  return request;
}

std::string Answer(std::string_view path, const PropRequest& request,
                   const std::function<std::optional<std::string>(const Name&)>& value_of) {
  std::vector<PropertyValue> found;
  std::vector<Name> missing;
  for (const Name& name : request.names) {
    if (auto value = value_of(name)) {
      found.push_back(PropertyValue{name, std::move(*value)});
    } else if (!request.all) {
      missing.push_back(name);
    }
  }
  return Response(path, found, missing);
}

bool WantsData(const PropRequest& request) {
  return std::find(request.names.begin(), request.names.end(), kAddressData) != request.names.end();
}

// A card's properties; address-data comes from `body` (null when the
// request does not ask for it).
std::string CardAnswer(const AddressBook& book, const CardEntry& entry, const PropRequest& request,
                       const CardBody* body) {
  return Answer(CardPath(book.segment, entry.name), request,
                [&](const Name& name) -> std::optional<std::string> {
                  if (name == kGetEtag) return Escape(body != nullptr ? body->etag : entry.etag);
                  if (name == kContentType) return std::string(kVCardType);
                  if (name == kResourceType) return std::string();
                  if (name == kAddressData && body != nullptr) return Escape(body->vcard);
                  return std::nullopt;
                });
}

// The answers for a page of entries, appended to `xml`: the cards read
// kCardBatch at a time when the request asks for address-data; an entry
// that left the book (or is gone by the time it is read) is a 404.
Status CardAnswers(Context& context, const AddressBook& book, const std::vector<CardEntry>& entries,
                   const PropRequest& request, std::string& xml) {
  const bool wants_data = WantsData(request);
  for (std::size_t begin = 0; begin < entries.size(); begin += kCardBatch) {
    const std::size_t end = std::min(entries.size(), begin + static_cast<std::size_t>(kCardBatch));
    std::vector<CardBody> bodies;
    if (wants_data) {
      std::vector<std::string> names;
      for (std::size_t i = begin; i < end; ++i) {
        if (entries[i].member) names.push_back(entries[i].name);
      }
      KITH_ASSIGN_OR_RETURN(bodies, ReadCards(context, book, names, request.address_data_version));
    }
    // ReadCards keeps the order of the names it was given.
    auto body = bodies.begin();
    for (std::size_t i = begin; i < end; ++i) {
      const CardEntry& entry = entries[i];
      const bool read = body != bodies.end() && body->name == entry.name;
      if (!entry.member || (wants_data && !read)) {
        xml += StatusResponse(CardPath(book.segment, entry.name), "HTTP/1.1 404 Not Found");
        continue;
      }
      xml += CardAnswer(book, entry, request, read ? &*body : nullptr);
      if (read) ++body;
    }
  }
  return Ok();
}

// A 207 body that streams: `head`, then each chunk `next` appends (over a
// connection borrowed for that chunk alone) until it says it was the last.
// Memory stays that of one chunk however many cards the answer holds.
using NextChunk = std::function<Result<bool>(Context&, std::string& chunk)>;

// A listing of a book, read from the journal a page at a time. `tail`
// closes the body (a sync token, a 507).
struct Listing {
  AddressBook book;
  std::int64_t after = 0;
  bool members_only = true;
  int remaining = INT_MAX;
  int page_size = 0;
  PropRequest props;
  std::function<std::string(bool truncated, std::int64_t last)> tail;

  Result<bool> Next(Context& context, std::string& chunk) {
    const int limit = std::min(page_size, remaining);
    KITH_ASSIGN_OR_RETURN(const BookPage page, BookChanges(context, book, after, limit, members_only));
    KITH_RETURN_IF_ERROR(CardAnswers(context, book, page.entries, props, chunk));
    after = page.last_sequence;
    remaining -= limit;
    if (!page.more || remaining <= 0) {
      chunk += tail(page.more, after);
      return true;
    }
    return false;
  }
};

// An addressbook-multiget: the hrefs asked for, answered a batch at a time
// in their order, a 404 for each that names no card of the book.
struct MultigetAnswer {
  AddressBook book;
  PropRequest props;
  std::vector<std::string> paths;
  std::vector<std::string> names;  // "" where the path is no card of the book
  std::size_t done = 0;

  Result<bool> Next(Context& context, std::string& chunk) {
    const std::size_t end = std::min(paths.size(), done + static_cast<std::size_t>(kCardBatch));
    const std::vector<std::string> batch(names.begin() + static_cast<std::ptrdiff_t>(done),
                                         names.begin() + static_cast<std::ptrdiff_t>(end));
    KITH_ASSIGN_OR_RETURN(const auto cards, ReadCards(context, book, batch, props.address_data_version));
    auto card = cards.begin();
    for (; done < end; ++done) {
      if (card == cards.end() || names[done].empty() || card->name != names[done]) {
        chunk += StatusResponse(paths[done], "HTTP/1.1 404 Not Found");
        continue;
      }
      chunk += CardAnswer(book, CardEntry{card->contact, card->name, card->etag, true, 0}, props, &*card);
      ++card;
    }
    if (done < paths.size()) return false;
    chunk += kMultistatusClose;
    return true;
  }
};

class Face {
 public:
  Face(DavHost host, DavOptions options)
      : with_(std::move(host.with_context)),
        status_of_(std::move(host.status_of)),
        options_(std::move(options)) {}

  void Handle(const std::string& method, const httplib::Request& request, httplib::Response& response) {
    response.set_header("DAV", "1, 3, addressbook");
    const Target target = ParseTarget(request.path);
    if (target.kind == Kind::kNone)
      return SendText(response, 404, "no such CardDAV resource: " + request.path);
    if (method == "OPTIONS") return Options(response);
    if (method == "PROPFIND") return Propfind(target, request, response);
    if (method == "REPORT") return Report(target, request, response);
    if (method == "GET" || method == "HEAD") return Get(target, request, response);
    if (method == "PUT") return Put(target, request, response);
    if (method == "DELETE") return Delete(target, request, response);
    if (method == "MKCOL") return Mkcol(target, request, response);
    if (method == "PROPPATCH") return Proppatch(target, request, response);
    response.set_header("Allow", kAllow);
    SendText(response, 405, method + " is not a CardDAV method kith serves");
  }

 private:
  static constexpr const char* kAllow = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT, MKCOL";

  static void Options(httplib::Response& response) {
    response.set_header("Allow", kAllow);
    response.status = 200;
  }

  // Runs `body` over a connection; an app error is answered as such.
  void Run(DavAccess access, httplib::Response& response, const std::function<Status(Context&)>& body) {
    with_(access, [&](Context& context) {
      const Status status = body(context);
      if (!status) SendText(response, status_of_(status.error().code), status.error().message);
    });
  }

  void Propfind(const Target& target, const httplib::Request& request, httplib::Response& response) {
    auto document = ParseBody(request.body);
    if (!document) return SendText(response, 400, "the PROPFIND body is not well-formed XML");
    const pugi::xml_node root = document->document_element();
    PropRequest props = AllProps();
    if (root && NameOf(root).Names(kDavNs, "propfind") && !Child(root, kDavNs, "allprop"))
      props = PropsOf(root);
    const std::string depth = request.get_header_value("Depth");
    const bool children = depth != "0";
    Run(DavAccess::kRead, response, [&](Context& context) -> Status {
      KITH_ASSIGN_OR_RETURN(const std::int64_t latest, LatestCardChange(context));
      std::string xml = MultistatusOpen();
      const auto collection = [&](const Target& at, std::string_view path, const AddressBook* book) {
        xml +=
            Answer(path, props, [&](const Name& name) { return CollectionProperty(at, book, latest, name); });
      };
      switch (target.kind) {
        case Kind::kRoot:
          collection(target, kRootPath, nullptr);
          if (children) {
            collection(Target{Kind::kPrincipal, "", ""}, kPrincipalPath, nullptr);
            collection(Target{Kind::kHome, "", ""}, kHomePath, nullptr);
          }
          break;
        case Kind::kPrincipal:
          collection(target, kPrincipalPath, nullptr);
          break;
        case Kind::kHome: {
          collection(target, kHomePath, nullptr);
          if (!children) break;
          KITH_ASSIGN_OR_RETURN(const auto books, ListAddressBooks(context));
          for (const AddressBook& book : books)
            collection(Target{Kind::kBook, book.segment, ""}, BookPath(book.segment), &book);
          break;
        }
        case Kind::kBook: {
          KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, target.segment));
          collection(target, BookPath(book.segment), &book);
          if (!children) break;
          auto listing = std::make_shared<Listing>();
          listing->book = book;
          listing->page_size = options_.page_size;
          listing->props = props;
          listing->tail = [](bool, std::int64_t) { return std::string(kMultistatusClose); };
          Stream(
              std::move(xml),
              [listing](Context& inner, std::string& chunk) { return listing->Next(inner, chunk); },
              response);
          return Ok();
        }
        case Kind::kCard: {
          KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, target.segment));
          KITH_ASSIGN_OR_RETURN(const CardBody card,
                                ReadCard(context, book, target.name, props.address_data_version));
          xml += CardAnswer(book, CardEntry{card.contact, card.name, card.etag, true, 0}, props, &card);
          break;
        }
        case Kind::kNone:
          break;
      }
      SendXml(response, kMultiStatus, xml + std::string(kMultistatusClose));
      return Ok();
    });
  }

  void Stream(std::string head, NextChunk next, httplib::Response& response) {
    response.status = kMultiStatus;
    WithContext with = with_;
    auto started = std::make_shared<bool>(false);
    response.set_chunked_content_provider(
        std::string(kXmlType), [head = std::move(head), next = std::move(next), started, with](
                                   std::size_t, httplib::DataSink& sink) {
          if (!*started) {
            *started = true;
            sink.write(head.data(), head.size());
          }
          std::string chunk;
          Result<bool> finished = false;
          with(DavAccess::kRead, [&](Context& context) { finished = next(context, chunk); });
          if (!finished) return false;
          if (!chunk.empty()) sink.write(chunk.data(), chunk.size());
          if (*finished) sink.done();
          return true;
        });
  }

  void Report(const Target& target, const httplib::Request& request, httplib::Response& response) {
    auto document = ParseBody(request.body);
    if (!document || !document->document_element())
      return SendText(response, 400, "the REPORT body is not well-formed XML");
    if (target.kind != Kind::kBook) return SendText(response, 403, "kith answers REPORTs on address books");
    const pugi::xml_node root = document->document_element();
    const Name report = NameOf(root);
    const PropRequest props = PropsOf(root);
    if (report.Names(kCardNs, "addressbook-multiget")) return Multiget(target, root, props, response);
    if (report.Names(kCardNs, "addressbook-query")) return Query(target, root, props, response);
    if (report.Names(kDavNs, "sync-collection")) return Sync(target, root, props, response);
    SendXml(response, 403, ErrorBody(kDavNs, "supported-report"));
  }

  void Multiget(const Target& target, const pugi::xml_node& root, const PropRequest& props,
                httplib::Response& response) {
    Run(DavAccess::kRead, response, [&](Context& context) -> Status {
      KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, target.segment));
      auto multiget = std::make_shared<MultigetAnswer>();
      multiget->book = book;
      multiget->props = props;
      for (const pugi::xml_node href : root.children()) {
        if (!NameOf(href).Names(kDavNs, "href")) continue;
        multiget->paths.push_back(PathOfHref(href.text().get()));
        const Target card = ParseTarget(multiget->paths.back());
        multiget->names.push_back(card.kind == Kind::kCard && card.segment == book.segment ? card.name : "");
      }
      Stream(
          MultistatusOpen(),
          [multiget](Context& inner, std::string& chunk) { return multiget->Next(inner, chunk); }, response);
      return Ok();
    });
  }

  void Query(const Target& target, const pugi::xml_node& root, const PropRequest& props,
             httplib::Response& response) {
    const pugi::xml_node filter = Child(root, kCardNs, "filter");
    const bool all_of = std::string_view(filter.attribute("test").value()) == "allof";
    int limit = kQueryLimit;
    if (const pugi::xml_node nresults = Child(Child(root, kCardNs, "limit"), kCardNs, "nresults")) {
      limit = std::clamp(nresults.text().as_int(kQueryLimit), 1, kQueryLimit);
    }
    std::vector<TextMatch> matches;
    for (const pugi::xml_node prop_filter : filter.children()) {
      if (!NameOf(prop_filter).Names(kCardNs, "prop-filter")) continue;
      if (Child(prop_filter, kCardNs, "is-not-defined") || Child(prop_filter, kCardNs, "param-filter")) {
        return SendXml(response, 403, ErrorBody(kCardNs, "supported-filter"));
      }
      const pugi::xml_node text = Child(prop_filter, kCardNs, "text-match");
      matches.push_back(TextMatch{prop_filter.attribute("name").value(), text.text().get(), !text});
    }
    Run(DavAccess::kRead, response, [&](Context& context) -> Status {
      KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, target.segment));
      KITH_ASSIGN_OR_RETURN(const auto entries, QueryBook(context, book, matches, all_of, limit));
      std::string xml = MultistatusOpen();
      KITH_RETURN_IF_ERROR(CardAnswers(context, book, entries, props, xml));
      SendXml(response, kMultiStatus, xml + std::string(kMultistatusClose));
      return Ok();
    });
  }

  void Sync(const Target& target, const pugi::xml_node& root, const PropRequest& props,
            httplib::Response& response) {
    const std::string token = Child(root, kDavNs, "sync-token").text().get();
    int limit = options_.sync_limit;
    if (const pugi::xml_node nresults = Child(Child(root, kDavNs, "limit"), kDavNs, "nresults")) {
      limit = std::clamp(nresults.text().as_int(limit), 1, limit);
    }
    Run(DavAccess::kRead, response, [&](Context& context) -> Status {
      KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, target.segment));
      std::int64_t after = 0;
      if (!token.empty()) {
        auto parsed = ParseSyncToken(context, token);
        if (!parsed) {
          SendXml(response, 403, ErrorBody(kDavNs, "valid-sync-token"));
          return Ok();
        }
        after = *parsed;
      }
      KITH_ASSIGN_OR_RETURN(const std::int64_t latest, LatestCardChange(context));
      auto listing = std::make_shared<Listing>();
      listing->book = book;
      listing->after = after;
      // A first sync lists the members; later ones also say who left.
      listing->members_only = token.empty();
      listing->remaining = limit;
      listing->page_size = options_.page_size;
      listing->props = props;
      const std::string book_path = BookPath(book.segment);
      listing->tail = [latest, book_path](bool truncated, std::int64_t last) {
        std::string xml;
        if (truncated) xml += StatusResponse(book_path, "HTTP/1.1 507 Insufficient Storage");
        xml += "<d:sync-token>" + Escape(SyncToken(truncated ? last : std::max(latest, last))) +
               "</d:sync-token>\n";
        return xml + std::string(kMultistatusClose);
      };
      Stream(
          MultistatusOpen(),
          [listing](Context& inner, std::string& chunk) { return listing->Next(inner, chunk); }, response);
      return Ok();
    });
  }

  void Get(const Target& target, const httplib::Request& request, httplib::Response& response) {
    if (target.kind != Kind::kCard) {
      return SendText(response, 200, "kith CardDAV: add this server to your address book app (docs/sync.md)");
    }
    Run(DavAccess::kRead, response, [&](Context& context) -> Status {
      KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, target.segment));
      KITH_ASSIGN_OR_RETURN(const CardBody card, ReadCard(context, book, target.name,
                                                          VersionNamed(request.get_header_value("Accept"))));
      response.set_header("ETag", card.etag);
      if (request.get_header_value("If-None-Match") == card.etag) {
        response.status = 304;
        return Ok();
      }
      response.status = 200;
      response.set_content(card.vcard, std::string(kVCardType).c_str());
      return Ok();
    });
  }

  static CardPreconditions PreconditionsOf(const httplib::Request& request) {
    CardPreconditions preconditions;
    if (request.has_header("If-Match")) preconditions.if_match = request.get_header_value("If-Match");
    preconditions.if_none_match_any = request.get_header_value("If-None-Match") == "*";
    return preconditions;
  }

  // CardDAV has no way to say "stored, but one value was set aside", so
  // the operator's log says where; the card shows the value as a raw field.
  void ReportSetAside(const std::string& path, const std::vector<SetAsideProperty>& set_aside) const {
    if (set_aside.empty() || !options_.report) return;
    std::string where;
    for (const SetAsideProperty& value : set_aside) {
      if (!where.empty()) where += ", ";
      where += value.property.empty() ? std::string("a line") : value.property;
      if (value.line != 0) where += " (line " + std::to_string(value.line) + ")";
    }
    options_.report("CardDAV PUT " + path + ": set aside " + where +
                    ", which failed their check: kept on the card as raw fields (\"Other fields\")");
  }

  void Put(const Target& target, const httplib::Request& request, httplib::Response& response) {
    if (target.kind != Kind::kCard)
      return SendText(response, 405, "cards are PUT into an address book: /dav/books/BOOK/UID.vcf");
    std::string type = request.get_header_value("Content-Type");
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!type.empty() && !type.starts_with("text/vcard") && !type.starts_with("text/x-vcard")) {
      return SendText(response, 415, "a card is sent as text/vcard, not " + type);
    }
    Run(DavAccess::kWrite, response, [&](Context& context) -> Status {
      KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, target.segment));
      KITH_ASSIGN_OR_RETURN(const CardWritten written,
                            PutCard(context, book, target.name, request.body, PreconditionsOf(request)));
      if (written.outcome == CardWriteOutcome::kPreconditionFailed) {
        SendText(response, 412, "the card changed since the client read it (If-Match / If-None-Match)");
        return Ok();
      }
      ReportSetAside(request.path, written.set_aside);
      // The stored bytes are exactly those sent: the ETag is theirs.
      response.set_header("ETag", written.etag);
      response.status = written.outcome == CardWriteOutcome::kCreated ? 201 : 204;
      return Ok();
    });
  }

  void Delete(const Target& target, const httplib::Request& request, httplib::Response& response) {
    if (target.kind != Kind::kCard && target.kind != Kind::kBook) {
      return SendText(response, 403, "only cards and address books can be deleted");
    }
    Run(DavAccess::kWrite, response, [&](Context& context) -> Status {
      if (target.kind == Kind::kBook) {
        if (target.segment == kDefaultBookSegment) {
          SendText(response, 403, "the default address book holds every contact: it cannot be deleted");
          return Ok();
        }
        KITH_RETURN_IF_ERROR(DeleteAddressBook(context, target.segment));
        response.status = 204;
        return Ok();
      }
      KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, target.segment));
      KITH_ASSIGN_OR_RETURN(const CardWritten written,
                            DeleteCard(context, book, target.name, PreconditionsOf(request)));
      if (written.outcome == CardWriteOutcome::kPreconditionFailed) {
        SendText(response, 412, "the card changed since the client read it (If-Match)");
        return Ok();
      }
      response.status = 204;
      return Ok();
    });
  }

  void Mkcol(const Target& target, const httplib::Request& request, httplib::Response& response) {
    if (target.kind != Kind::kBook)
      return SendText(response, 403, "address books are made under /dav/books/");
    auto document = ParseBody(request.body);
    if (!document) return SendText(response, 400, "the MKCOL body is not well-formed XML");
    std::string display_name;
    const pugi::xml_node prop = Child(Child(document->document_element(), kDavNs, "set"), kDavNs, "prop");
    if (prop) {
      display_name = Child(prop, kDavNs, "displayname").text().get();
      const pugi::xml_node type = Child(prop, kDavNs, "resourcetype");
      if (type && !Child(type, kCardNs, "addressbook")) {
        return SendXml(response, 403, ErrorBody(kDavNs, "valid-resourcetype"));
      }
    }
    Run(DavAccess::kWrite, response, [&](Context& context) -> Status {
      // RFC 4918: MKCOL on something that exists is 405.
      if (FindAddressBook(context, target.segment)) {
        SendText(response, 405, "address book '" + target.segment + "' already exists");
        return Ok();
      }
      KITH_RETURN_IF_ERROR(
          CreateAddressBook(context, target.segment, display_name).map([](const AddressBook&) {}));
      response.status = 201;
      return Ok();
    });
  }

  void Proppatch(const Target& target, const httplib::Request& request, httplib::Response& response) {
    auto document = ParseBody(request.body);
    if (!document || !document->document_element())
      return SendText(response, 400, "the PROPPATCH body is not well-formed XML");
    std::optional<std::string> new_name;
    std::vector<Name> accepted;
    std::vector<Name> refused;
    for (const pugi::xml_node action : document->document_element().children()) {
      const Name what = NameOf(action);
      if (!what.Names(kDavNs, "set") && !what.Names(kDavNs, "remove")) continue;
      for (const pugi::xml_node property : Child(action, kDavNs, "prop").children()) {
        if (property.type() != pugi::node_element) continue;
        const Name name = NameOf(property);
        // macOS sets its own card (me-card) on the home: accepted, kith
        // keeps your profile itself.
        if (name.Names(kServerNs, "me-card")) {
          accepted.push_back(name);
        } else if (name.Names(kDavNs, "displayname") && what.Names(kDavNs, "set") &&
                   target.kind == Kind::kBook && target.segment != kDefaultBookSegment) {
          new_name = property.text().get();
          accepted.push_back(name);
        } else {
          refused.push_back(name);
        }
      }
    }
    const std::string path = request.path;
    if (!refused.empty()) {
      std::string xml = MultistatusOpen() + "<d:response>" + Href(path) + "<d:propstat><d:prop>";
      for (const Name& name : refused) xml += EmptyElement(name);
      xml += "</d:prop><d:status>HTTP/1.1 403 Forbidden</d:status></d:propstat>";
      if (!accepted.empty()) {
        xml += "<d:propstat><d:prop>";
        for (const Name& name : accepted) xml += EmptyElement(name);
        xml += "</d:prop><d:status>HTTP/1.1 424 Failed Dependency</d:status></d:propstat>";
      }
      return SendXml(response, kMultiStatus, xml + "</d:response>" + std::string(kMultistatusClose));
    }
    Run(DavAccess::kWrite, response, [&](Context& context) -> Status {
      if (new_name) KITH_RETURN_IF_ERROR(RenameAddressBook(context, target.segment, *new_name));
      std::vector<PropertyValue> done;
      done.reserve(accepted.size());
      for (const Name& name : accepted) done.push_back(PropertyValue{name, ""});
      SendXml(response, kMultiStatus,
              MultistatusOpen() + Response(path, done, {}) + std::string(kMultistatusClose));
      return Ok();
    });
  }

  WithContext with_;
  std::function<int(ErrorCode)> status_of_;
  DavOptions options_;
};

}  // namespace

bool IsCardDavPath(const std::string& path) {
  return path == "/dav" || path.starts_with("/dav/") || path.starts_with("/.well-known/carddav");
}

DavHandler MakeCardDavHandler(DavHost host, DavOptions options) {
  auto face = std::make_shared<Face>(std::move(host), std::move(options));
  return [face](const std::string& method, const httplib::Request& request, httplib::Response& response) {
    face->Handle(method, request, response);
  };
}

void MountCardDav(httplib::Server& server, DavHost host, DavOptions options) {
  auto method = host.method_of;
  DavHandler face = MakeCardDavHandler(std::move(host), std::move(options));
  const auto redirect = [](const httplib::Request&, httplib::Response& response) {
    response.set_redirect(std::string(kRootPath), 301);
  };
  server.Get("/\\.well-known/carddav/?", redirect);
  server.Post("/\\.well-known/carddav/?", redirect);
  server.Options("/\\.well-known/carddav/?", redirect);
  const auto handle = [face, method](const httplib::Request& request, httplib::Response& response) {
    face(method(request), request, response);
  };
  const std::string pattern = "/dav(/.*)?";
  server.Get(pattern, handle);
  server.Put(pattern, handle);
  server.Post(pattern, handle);
  server.Delete(pattern, handle);
  server.Options(pattern, handle);
}

}  // namespace kith::dav
