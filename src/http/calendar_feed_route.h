// GET /ics/<token>.ics: the subscribed calendar, for calendar apps that
// fetch it without a cookie. Outside /api/v1: the token in the URL is the
// only credential, and a wrong one is a plain 404.
#pragma once

#include <httplib.h>

#include "http/routes/routes.h"
#include "http/store_pool.h"

namespace kith::http {

// The pattern the server registers: "/ics/<32 hex digits>.ics".
inline constexpr const char* kCalendarFeedPattern = R"(/ics/([0-9a-f]{1,64})\.ics)";

// Answers the feed: 200 text/calendar with ETag and Last-Modified, 304
// when the client's copy is current, 404 for a wrong token.
void ServeCalendarFeed(const httplib::Request& request, httplib::Response& response, SessionState& state,
                       StorePool& pool);

}  // namespace kith::http
