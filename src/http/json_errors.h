// The one error envelope of the API: {"error": {"code", "message", "field"}}.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "domain/result.h"
#include "http/route.h"

namespace kith::http {

// The one table from error codes to HTTP statuses (a switch without default,
// so a new code fails the build until it is mapped).
int HttpStatus(ErrorCode code);
// "invalid_input", "not_found", … as the envelope's "code".
std::string_view ErrorCodeName(ErrorCode code);

// {"error": {"code", "message", "field"}}; a null field when empty.
nlohmann::json ErrorEnvelope(std::string_view code, std::string_view message, std::string_view field = {});

// 429 with Retry-After: a client that guessed wrong too often must wait.
ApiReply TooManyAttempts(std::chrono::seconds retry_after);
void SendTooManyAttempts(httplib::Response& response, std::chrono::seconds retry_after);

// Writes an app error with its mapped status.
void SendError(httplib::Response& response, const Error& error);
// Writes an error the HTTP layer itself detects (no route, too large,
// unauthorized, CSRF…), with its own status and code.
void SendHttpError(httplib::Response& response, int status, std::string_view code, std::string_view message,
                   std::string_view field = {});

}  // namespace kith::http
