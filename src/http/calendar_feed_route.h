// GET /ics/<token>.ics: the subscribed calendar, for calendar apps that
// fetch it without a cookie; on a database with accounts a member's own,
// /ics/<workspace id>/<account>/<token>.ics. Outside /api/v1: the token in
// the URL is the only credential, and a wrong one is a plain 404.
#pragma once

#include <httplib.h>

#include "http/routes/routes.h"
#include "http/store_pool.h"

namespace kith::http {

// The pattern the server registers: "/ics/<32 hex digits>.ics", or a
// member's "/ics/<workspace id>/<account>/<32 hex digits>.ics" (account
// names are letters, digits, '.', '_' and '-': app/login_names.h).
inline constexpr const char* kCalendarFeedPattern =
    R"(/ics/(?:([0-9]{1,18})/([A-Za-z0-9._-]{1,64})/)?([0-9a-f]{1,64})\.ics)";

// Answers the feed: 200 text/calendar with ETag and Last-Modified, 304
// when the client's copy is current, 404 for a wrong token (or a member
// no more).
void ServeCalendarFeed(const httplib::Request& request, httplib::Response& response, SessionState& state,
                       StorePool& pool);

}  // namespace kith::http
