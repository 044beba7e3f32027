// The OpenAPI 3 document of the API, built from the route list, with the
// schemas of the JSON shapes in CLI.md.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "http/route.h"

namespace kith::http {

nlohmann::json OpenApiDocument(const std::vector<Route>& routes);

// The schemas of the relationship loop (events, interactions, facts,
// reminders, follow-ups, posts, the agenda), by name.
nlohmann::json RelationshipSchemas();

// The schemas of card scanning (the upload form and the scanned card).
nlohmann::json ScanSchemas();

// The schemas of devices (app passwords) and the subscribed calendar.
nlohmann::json DeviceSchemas();
// A workspace's members (member_schemas.cpp).
nlohmann::json MemberSchemas();

}  // namespace kith::http
