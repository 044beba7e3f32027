// The HTTP API's JSON bodies: every route that takes one (http/routes/*),
// called as the server calls it, on a scratch database of a few people. An
// input is a line naming the route as the OpenAPI document does, with the id
// for its path when it has one ("PATCH /contacts/{id} 2"), then the body. No crash, leak or unbounded growth
// (nesting depth is bounded), and each body is either taken or refused as the client's fault: a 4xx, never an
// internal or I/O error, never an exception the server would turn into a 500. The database is put back after
// each input, so a finding replays alone.
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "app/contacts.h"
#include "domain/clock.h"
#include "fuzz/fuzz_support.h"
#include "http/json_errors.h"
#include "http/routes/routes.h"
#include "store/store.h"

namespace {

using kith::fuzz::Check;
namespace http = kith::http;

const kith::FixedClock kClock(kith::Date{2026, 11, 26});

// The routes with a JSON body, except signing in (argon2 is slow on purpose)
// and the demo generator (its count is bounded, and large by design).
const std::vector<http::Route>& BodyRoutes() {
  static const std::vector<http::Route> routes = [] {
    static http::SessionState state;
    std::vector<http::Route> chosen;
    for (http::Route& route : http::ApiRoutes(state)) {
      if (route.request_schema.empty() || route.multipart) continue;
      if (route.path == "/session" || route.path == "/demo") continue;
      chosen.push_back(std::move(route));
    }
    return chosen;
  }();
  return routes;
}

// Calls `route` as the server's Dispatch does, a JSON exception becoming 400.
kith::Result<http::ApiReply> Call(const http::Route& route, int id, std::string body,
                                  kith::Context& context) {
  httplib::Request request;
  request.method = std::string(http::MethodName(route.method));
  static const std::regex kParameter(R"(\{[a-z_]+\})");
  request.path = "/api/v1" + std::regex_replace(route.path, kParameter, std::to_string(id));
  const std::string pattern = "/api/v1" + std::regex_replace(route.path, kParameter, R"((\d+))");
  request.matches = std::smatch();
  static thread_local std::string matched_path;
  matched_path = request.path;
  std::regex_match(matched_path, request.matches, std::regex(pattern));
  request.body = std::move(body);
  request.set_header("Content-Type", "application/json");
  try {
    return route.handler(request, context);
  } catch (const nlohmann::json::exception& error) {
    return kith::Fail(kith::ErrorCode::kInvalidInput, error.what(), "body");
  }
}

// The scratch database as it is before every input: a few people, an event,
// an opportunity, all made through the routes themselves.
const std::string& PristineDatabase() {
  static const std::string path = [] {
    std::string made = kith::fuzz::ScratchPath("http-pristine.db");
    auto store = kith::OpenSqliteStore(made);
    Check(store.has_value(), "the scratch database opens");
    kith::Context context{**store, kClock, "US"};
    Check(kith::GenerateContacts(context, 12, 5).has_value(), "the people are generated");
    const std::vector<std::pair<std::string, std::string>> seeds = {
        {"/events", R"({"name": "RustConf 2026", "on": "2026-11-20", "place": "Chicago"})"},
        {"/opportunities", R"({"title": "Staff C++ engineer", "kind": "job", "skills": ["C++"]})"},
        {"/contacts/{id}/interactions", R"({"kind": "coffee", "summary": "her linker", "they_talked": 60})"},
        {"/contacts/{id}/reminders", R"({"due": "2026-12-01", "note": "ask about the linker"})"},
    };
    for (const auto& [seed_path, body] : seeds) {
      bool found = false;
      for (const http::Route& route : BodyRoutes()) {
        if (route.path != seed_path || route.method == http::Method::kGet) continue;
        const auto reply = Call(route, 1, body, context);
        Check(reply.has_value(), "seeding " + seed_path + ": " + (reply ? "" : reply.error().message));
        found = true;
        break;
      }
      Check(found, "a seed's route exists: " + seed_path);
    }
    // Closing the last connection folds the write-ahead log in, so the file
    // alone is the database.
    store->reset();
    return made;
  }();
  return path;
}

// The route an input's first line names, and the id for its path.
const http::Route* RouteNamed(std::string_view line, int& id) {
  for (const http::Route& route : BodyRoutes()) {
    const std::string name = std::string(http::MethodName(route.method)) + " " + route.path;
    if (!line.starts_with(name)) continue;
    std::string_view rest = line.substr(name.size());
    if (!rest.empty() && rest.front() != ' ') continue;
    id = 1;
    if (rest.size() > 1 && rest.size() < 6 &&
        rest.find_first_not_of("0123456789", 1) == std::string_view::npos) {
      id = std::stoi(std::string(rest.substr(1)));
    }
    return &route;
  }
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = kith::fuzz::AsText(data, size);
  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  int id = 1;
  const http::Route* found = RouteNamed(input.substr(0, newline), id);
  if (found == nullptr) return 0;
  const http::Route& route = *found;
  const std::string body(input.substr(newline + 1));

  static const std::string working = kith::fuzz::ScratchPath("http.db");
  kith::fuzz::CopyOver(PristineDatabase(), working);
  auto store = kith::OpenSqliteStore(working);
  Check(store.has_value(), "the scratch database opens");
  kith::Context context{**store, kClock, "US"};
  const auto reply = Call(route, id, body, context);
  if (!reply) {
    const int status = http::HttpStatus(reply.error().code);
    Check(status >= 400 && status < 500, std::string(http::MethodName(route.method)) + " " + route.path +
                                             " answered " + std::to_string(status) + ": " +
                                             reply.error().message);
    return 0;
  }
  Check(reply->status >= 200 && reply->status < 300, "a taken body is answered 2xx");
  // The server sends the reply as the dump below; it must not throw.
  (void)reply->body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
