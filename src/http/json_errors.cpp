#include "http/json_errors.h"

#include <nlohmann/json.hpp>

namespace kith::http {

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kParseError:
      return 400;
    case ErrorCode::kUnauthorized:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kIo:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kParseError:
      return "parse_error";
    case ErrorCode::kUnauthorized:
      return "unauthorized";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kAlreadyExists:
      return "already_exists";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

namespace {

constexpr int kTooManyRequests = 429;

std::string TooManyAttemptsMessage(std::chrono::seconds retry_after) {
  return "too many wrong passwords or tokens from your address: try again in " +
         std::to_string(retry_after.count()) + " s";
}

}  // namespace

nlohmann::json ErrorEnvelope(std::string_view code, std::string_view message, std::string_view field) {
  return {{"error",
           {{"code", code},
            {"message", message},
            {"field", field.empty() ? nlohmann::json(nullptr) : nlohmann::json(field)}}}};
}

ApiReply TooManyAttempts(std::chrono::seconds retry_after) {
  ApiReply reply =
      Json(ErrorEnvelope("too_many_attempts", TooManyAttemptsMessage(retry_after)), kTooManyRequests);
  reply.headers.emplace_back("Retry-After", std::to_string(retry_after.count()));
  return reply;
}

void SendTooManyAttempts(httplib::Response& response, std::chrono::seconds retry_after) {
  SendHttpError(response, kTooManyRequests, "too_many_attempts", TooManyAttemptsMessage(retry_after));
  response.set_header("Retry-After", std::to_string(retry_after.count()));
}

void SendHttpError(httplib::Response& response, int status, std::string_view code, std::string_view message,
                   std::string_view field) {
  const nlohmann::json body = ErrorEnvelope(code, message, field);
  response.status = status;
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

void SendError(httplib::Response& response, const Error& error) {
  SendHttpError(response, HttpStatus(error.code), ErrorCodeName(error.code), error.message, error.field);
}

}  // namespace kith::http
