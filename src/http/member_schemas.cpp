// The OpenAPI schemas of a workspace's members, the shapes
// routes/member_routes.cpp writes.
#include "http/openapi.h"

namespace kith::http {

nlohmann::json MemberSchemas() {
  using nlohmann::json;
  const json text = {{"type", "string"}};
  const json role = {{"type", "string"}, {"enum", {"owner", "editor", "viewer"}}};
  return {
      {"Member", {{"type", "object"}, {"properties", {{"account", text}, {"role", role}}}}},
      {"NewMember",
       {{"type", "object"},
        {"properties",
         {{"account", text},
          {"role", role},
          {"password",
           {{"type", "string"}, {"description", "a new account's first password (8+ characters)"}}}}},
        {"required", {"account", "role"}}}},
      {"MemberRole", {{"type", "object"}, {"properties", {{"role", role}}}, {"required", {"role"}}}},
      {"RemovedMember",
       {{"type", "object"}, {"properties", {{"account", text}, {"removed", {{"type", "boolean"}}}}}}},
  };
}

}  // namespace kith::http
