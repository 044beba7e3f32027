#include "http/route.h"

#include <charconv>
#include <utility>

#include "formats/bounded_json.h"

namespace kith::http {

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPatch:
      return "PATCH";
    case Method::kPut:
      return "PUT";
    case Method::kDelete:
      return "DELETE";
  }
  return "GET";
}

Result<nlohmann::json> JsonBody(const httplib::Request& request) {
  if (request.body.empty()) return Fail(ErrorCode::kInvalidInput, "the request needs a JSON body", "body");
  // The client's mistake, said where it is ("… at line 1, column 9").
  auto parsed = ParseBoundedJson(request.body);
  if (!parsed) return Fail(ErrorCode::kInvalidInput, "the body: " + parsed.error().message, "body");
  return std::move(*parsed);
}

Result<nlohmann::json> JsonObjectBody(const httplib::Request& request) {
  KITH_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(request));
  if (!body.is_object()) return Fail(ErrorCode::kInvalidInput, "the body should be a JSON object", "body");
  return body;
}

std::int64_t PathId(const httplib::Request& request, std::size_t index) {
  std::int64_t value = 0;
  if (index >= request.matches.size()) return 0;
  const std::string text = request.matches[index].str();
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

Result<int> QueryInt(const httplib::Request& request, const std::string& name, int fallback, int min,
                     int max) {
  if (!request.has_param(name)) return fallback;
  const std::string text = request.get_param_value(name);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return Fail(ErrorCode::kInvalidInput,
                name + " should be a whole number from " + std::to_string(min) + " to " + std::to_string(max),
                name);
  }
  return value;
}

std::string QueryText(const httplib::Request& request, const std::string& name) {
  return request.has_param(name) ? request.get_param_value(name) : std::string();
}

Result<bool> QueryBool(const httplib::Request& request, const std::string& name) {
  const std::string text = QueryText(request, name);
  if (text.empty() || text == "false" || text == "0") return false;
  if (text == "true" || text == "1") return true;
  return Fail(ErrorCode::kInvalidInput, name + " should be true or false", name);
}

Result<std::optional<std::string>> TextMember(const nlohmann::json& object, const std::string& name) {
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return std::optional<std::string>();
  if (!found->is_string()) return Fail(ErrorCode::kInvalidInput, "'" + name + "' should be text", name);
  return std::optional<std::string>(found->get<std::string>());
}

Result<std::optional<std::int64_t>> IdMember(const nlohmann::json& object, const std::string& name) {
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return std::optional<std::int64_t>();
  if (!found->is_number_integer() || found->get<std::int64_t>() <= 0) {
    return Fail(ErrorCode::kInvalidInput, "'" + name + "' should be an id (a positive whole number)", name);
  }
  return std::optional<std::int64_t>(found->get<std::int64_t>());
}

Result<std::vector<std::string>> TextsMember(const nlohmann::json& object, const std::string& name) {
  std::vector<std::string> texts;
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return texts;
  if (!found->is_array())
    return Fail(ErrorCode::kInvalidInput, "'" + name + "' should be a list of text", name);
  for (const auto& item : *found) {
    if (!item.is_string()) {
      return Fail(ErrorCode::kInvalidInput, "'" + name + "' should be a list of text", name);
    }
    texts.push_back(item.get<std::string>());
  }
  return texts;
}

Result<std::optional<Date>> DateMember(const nlohmann::json& object, const std::string& name) {
  KITH_ASSIGN_OR_RETURN(auto text, TextMember(object, name));
  if (!text || text->empty()) return std::optional<Date>();
  auto date = ParseIsoDate(*text);
  if (!date) return Fail(ErrorCode::kInvalidInput, "'" + name + "' " + date.error().message, name);
  return std::optional<Date>(*date);
}

ApiReply Json(nlohmann::json body, int status) {
  ApiReply reply;
  reply.status = status;
  reply.body = std::move(body);
  return reply;
}

ApiReply JsonText(std::string text, int status) {
  ApiReply reply;
  reply.status = status;
  reply.json_text = std::move(text);
  return reply;
}

}  // namespace kith::http
