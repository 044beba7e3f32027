// A server that serves more than the API: routes given by the caller, added
// to the list after the OpenAPI document is made (so it leaves them out).
// Tests use it to serve a route that fails on purpose; the CLI uses
// Server::Start.
#pragma once

#include <memory>
#include <vector>

#include "http/route.h"
#include "http/server.h"

namespace kith::http {

// As Server::Start, with `extra` routes served under /api/v1 besides the API.
Result<std::unique_ptr<Server>> StartServerWithRoutes(const ServerOptions& options, const Clock& clock,
                                                      std::vector<Route> extra);

}  // namespace kith::http
