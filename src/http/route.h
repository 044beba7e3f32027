// One API route: its method and path, whether it reads or writes, the action
// it translates to, and what the OpenAPI document says about it. Routes are
// data, so the server, the OpenAPI document and its test read one list.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "app/context.h"
#include "domain/result.h"

namespace kith::http {

enum class Method { kGet, kPost, kPatch, kPut, kDelete };
std::string_view MethodName(Method method);  // "GET", …

// Reads run on a pool of read-only connections, side by side; writes take
// the one read-write connection in turn.
enum class Access { kRead, kWrite };

// What a route answers: JSON, or a download.
struct ApiReply {
  int status = 200;
  nlohmann::json body;
  std::string json_text;  // when not empty, the JSON body already written (JsonText): sent instead of `body`
  std::string raw;        // when not empty, sent as is with `content_type`
  // A download too large to hold (an export of everyone): written to the
  // socket as it is read, on a read connection of its own acting as the same
  // member (SendStreamed, http/sink_stream.h). Sent instead of `raw`, with
  // `content_type`.
  std::function<Status(Context&, std::ostream&)> stream;
  std::string content_type;
  std::string filename;  // a download: Content-Disposition attachment
  std::vector<std::pair<std::string, std::string>> headers;
};

using RouteHandler = std::function<Result<ApiReply>(const httplib::Request&, Context&)>;

struct Route {
  Route(Method method_in, std::string path_in, Access access_in, RouteHandler handler_in,
        std::string summary_in, std::string tag_in, std::string request_schema_in,
        std::string response_schema_in, std::vector<std::string> query_in = {})
      : method(method_in),
        path(std::move(path_in)),
        access(access_in),
        handler(std::move(handler_in)),
        summary(std::move(summary_in)),
        tag(std::move(tag_in)),
        request_schema(std::move(request_schema_in)),
        response_schema(std::move(response_schema_in)),
        query(std::move(query_in)) {}

  Method method = Method::kGet;
  std::string path;  // OpenAPI template under /api/v1: "/contacts/{id}"; {account} is a login name, every
                     // other {…} an integer
  Access access = Access::kRead;
  RouteHandler handler;
  // For the OpenAPI document.
  std::string summary;
  std::string tag;
  std::string request_schema;      // a components/schemas name, or "" for none
  std::string response_schema;     // ditto; "X[]" for an array of X
  std::vector<std::string> query;  // query parameter names
  bool multipart = false;          // the body is multipart/form-data
};

// The request helpers every route uses. Each returns kInvalidInput naming
// the field on bad input, so the route answers 400 with the envelope.
Result<nlohmann::json> JsonBody(const httplib::Request& request);
Result<nlohmann::json> JsonObjectBody(const httplib::Request& request);
std::int64_t PathId(const httplib::Request& request, std::size_t index = 1);
Result<int> QueryInt(const httplib::Request& request, const std::string& name, int fallback, int min,
                     int max);
std::string QueryText(const httplib::Request& request, const std::string& name);
Result<bool> QueryBool(const httplib::Request& request, const std::string& name);
// Optional typed members of a JSON object: absent or null give nullopt, a
// wrong type gives kInvalidInput naming the member.
Result<std::optional<std::string>> TextMember(const nlohmann::json& object, const std::string& name);
Result<std::optional<std::int64_t>> IdMember(const nlohmann::json& object, const std::string& name);
Result<std::vector<std::string>> TextsMember(const nlohmann::json& object, const std::string& name);
Result<std::optional<Date>> DateMember(const nlohmann::json& object, const std::string& name);

ApiReply Json(nlohmann::json body, int status = 200);
// A JSON body written as text by the route itself (formats/json_text.h), for
// hot paths where a nlohmann::json tree costs more than the answer: sent
// with the same headers as Json's.
ApiReply JsonText(std::string text, int status = 200);

}  // namespace kith::http
