// The API's routes, by resource. Each Add…Routes appends its group; ApiRoutes
// lists every group. A new resource (the relationship loop: events,
// interactions, facts, reminders, follow-ups, posts, the agenda) is one more
// file in routes/ and one more line in ApiRoutes().
#pragma once

#include <atomic>
#include <vector>

#include "app/calendar_feed.h"
#include "app/devices.h"
#include "app/sign_in_throttle.h"
#include "app/web_sessions.h"
#include "http/auth.h"
#include "http/route.h"

namespace kith::http {

// What the session routes share with the server's checks.
struct SessionState {
  std::string token;           // accepted to sign in and as a bearer token; "" for none
  bool auth_required = false;  // not loopback: every API call needs a session or the token
  bool tls = false;            // served over TLS: cookies are Secure, URLs https
  std::string public_url;      // --public-url: what links name, when set
  SessionLimits limits;
  SignInThrottle throttle;            // wrong passwords and tokens, per client address
  SyncPasswordCache sync_passwords;   // Basic credentials that matched lately
  CalendarFeedHistory calendar_feed;  // when the subscribed calendar last changed
  // The database has accounts: every request acts as a member signed in by
  // account. Set once seen (accounts are never taken away).
  std::atomic<bool> by_account = false;
};

void AddSessionRoutes(std::vector<Route>& routes, SessionState& state);
void AddContactRoutes(std::vector<Route>& routes);
void AddGiveRoutes(std::vector<Route>& routes);
void AddTransferRoutes(std::vector<Route>& routes);
void AddRelationshipRoutes(std::vector<Route>& routes);
void AddScanRoutes(std::vector<Route>& routes);
// Devices (app passwords) and the subscribed calendar's secret URL.
void AddDeviceRoutes(std::vector<Route>& routes, SessionState& state);
// The members of the signed-in member's workspace, for its owners.
void AddMemberRoutes(std::vector<Route>& routes);

// The address a browser or device reaches this server at: --public-url when
// given, else from the request's Host ("https://kith.example.net" under TLS).
std::string ServerUrlOf(const httplib::Request& request, const SessionState& state);

// Every API route, in the order the OpenAPI document lists them.
std::vector<Route> ApiRoutes(SessionState& state);

}  // namespace kith::http
