// The OpenAPI schemas of devices and the subscribed calendar, the shapes
// app/devices.h writes.
#include "http/openapi.h"

namespace kith::http {

nlohmann::json DeviceSchemas() {
  using nlohmann::json;
  const json text = {{"type", "string"}};
  const json maybe_text = {{"type", "string"}, {"nullable", true}};
  const json device = {{"type", "object"},
                       {"properties",
                        {{"id", {{"type", "integer"}}},
                         {"name", text},
                         {"created_at", text},
                         {"last_used_at", maybe_text},
                         {"revoked_at", maybe_text}}}};
  return {
      {"NewDevice", {{"type", "object"}, {"properties", {{"name", text}}}, {"required", {"name"}}}},
      {"Device", device},
      {"DeviceSetup",
       {{"type", "object"},
        {"properties", {{"url", text}, {"username", text}, {"password", text}, {"device", device}}}}},
      {"CalendarSubscription", {{"type", "object"}, {"properties", {{"path", text}, {"url", text}}}}},
      {"CalendarRevoked",
       {{"type", "object"}, {"properties", {{"revoked", {{"type", "boolean"}}}}}, {"required", {"revoked"}}}},
  };
}

}  // namespace kith::http
