// The CardDAV face's requests: the XML bodies of PROPFIND, REPORT
// (multiget, query, sync-collection), MKCOL and PROPPATCH, and the vCards of
// PUT, handed to the face as the server hands them, on a scratch database of
// a few people. An input is a first line "METHOD /dav/path", header lines
// ("Depth: 1", "If-Match: …"), a blank line, then the body. No crash, leak or
// unbounded growth; every answer is the client's fault or a success, never a
// 5xx (a 507, the truncated sync-collection of RFC 6578, is the one the RFC
// asks for); an XML answer is well-formed. The database is put back after
// each input, so a finding replays alone.
#include <string>
#include <string_view>

#include <httplib.h>
#include <pugixml.hpp>

#include "app/contacts.h"
#include "dav/carddav_face.h"
#include "domain/clock.h"
#include "fuzz/fuzz_support.h"
#include "http/json_errors.h"
#include "store/store.h"

namespace {

using kith::fuzz::Check;

const kith::FixedClock kClock(kith::Date{2026, 11, 26});
constexpr int kInsufficientStorage = 507;

// The scratch database as it is before every input: a dozen people.
const std::string& PristineDatabase() {
  static const std::string path = [] {
    std::string made = kith::fuzz::ScratchPath("dav-pristine.db");
    auto store = kith::OpenSqliteStore(made);
    Check(store.has_value(), "the scratch database opens");
    kith::Context context{**store, kClock, "US"};
    Check(kith::GenerateContacts(context, 12, 5).has_value(), "the people are generated");
    // Closing the last connection folds the write-ahead log in, so the file
    // alone is the database.
    store->reset();
    return made;
  }();
  return path;
}

// Splits the input into method, path, headers and body; false when its first
// line is not "METHOD PATH".
bool ReadRequest(std::string_view input, std::string& method, httplib::Request& request) {
  std::size_t line_end = input.find('\n');
  if (line_end == std::string_view::npos) return false;
  const std::string_view first = input.substr(0, line_end);
  const std::size_t space = first.find(' ');
  if (space == std::string_view::npos || space == 0) return false;
  method = std::string(first.substr(0, space));
  request.path = std::string(first.substr(space + 1));
  std::size_t at = line_end + 1;
  while (at < input.size()) {
    line_end = input.find('\n', at);
    if (line_end == std::string_view::npos) line_end = input.size();
    const std::string_view line = input.substr(at, line_end - at);
    at = line_end + 1;
    if (line.empty()) break;
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos) continue;
    request.set_header(std::string(line.substr(0, colon)), std::string(line.substr(colon + 2)));
  }
  if (at < input.size()) request.body = std::string(input.substr(at));
  request.method = method;
  return true;
}

// What the client would read: the body set, or the one a streamed listing
// writes.
std::string BodyOf(httplib::Response& response) {
  if (!response.content_provider_) return response.body;
  std::string body;
  bool finished = false;
  httplib::DataSink sink;
  sink.write = [&body](const char* data, std::size_t length) {
    body.append(data, length);
    return true;
  };
  sink.done = [&finished] { finished = true; };
  sink.is_writable = [] { return true; };
  // A listing that never finishes would be a hang; its pages are bounded.
  for (int call = 0; !finished && call < 100000; ++call) {
    if (!response.content_provider_(body.size(), 0, sink)) break;
  }
  Check(finished, "a streamed answer finishes");
  return body;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string method;
  httplib::Request request;
  if (!ReadRequest(kith::fuzz::AsText(data, size), method, request)) return 0;

  static const std::string working = kith::fuzz::ScratchPath("dav.db");
  kith::fuzz::CopyOver(PristineDatabase(), working);
  auto store = kith::OpenSqliteStore(working);
  Check(store.has_value(), "the scratch database opens");
  kith::Context context{**store, kClock, "US"};

  // Small pages and a small sync limit, so the paging and 507 paths are
  // reached by a dozen people.
  const kith::dav::DavHandler face = kith::dav::MakeCardDavHandler(
      kith::dav::DavHost{[&context](kith::dav::DavAccess, const std::function<void(kith::Context&)>& body) {
                           body(context);
                         },
                         nullptr, kith::http::HttpStatus},
      kith::dav::DavOptions{5, 3, nullptr});
  httplib::Response response;
  face(method, request, response);
  const std::string body = BodyOf(response);

  Check(response.status < 500 || response.status == kInsufficientStorage,
        method + " " + request.path + " answered " + std::to_string(response.status) + ": " + body);
  if (response.get_header_value("Content-Type").find("xml") != std::string::npos) {
    pugi::xml_document answer;
    const pugi::xml_parse_result parsed = answer.load_buffer(body.data(), body.size());
    Check(static_cast<bool>(parsed), method + " " + request.path + " answered malformed XML: " + body);
  }
  return 0;
}
