// Who may sync: devices with their own app passwords (`kith device`), and
// the secret URL of the subscribed calendar (`kith ics --url`, `--rotate`).
#include "app/calendar_feed.h"
#include "app/devices.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

nlohmann::json DevicesJson(const std::vector<Device>& devices) {
  nlohmann::json list = nlohmann::json::array();
  for (const Device& device : devices) list.push_back(DeviceToJson(device));
  return list;
}

nlohmann::json FeedJson(const httplib::Request& request, const SessionState& state, const std::string& path) {
  return {{"path", path}, {"url", ServerUrlOf(request, state) + path}};
}

}  // namespace

std::string ServerUrlOf(const httplib::Request& request, const SessionState& state) {
  if (!state.public_url.empty()) return state.public_url;
  return std::string(state.tls ? "https://" : "http://") + request.get_header_value("Host");
}

void AddDeviceRoutes(std::vector<Route>& routes, SessionState& state) {
  routes.push_back({Method::kGet, "/devices", Access::kRead,
                    [](const httplib::Request&, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const auto devices, ListDevices(context));
                      return Json(DevicesJson(devices));
                    },
                    "Devices that sync, revoked ones too (kith device list)", "devices", "", "Device[]"});
  routes.push_back({Method::kPost, "/devices", Access::kWrite,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
                      KITH_ASSIGN_OR_RETURN(const auto name, TextMember(body, "name"));
                      KITH_ASSIGN_OR_RETURN(const AddedDevice added, AddDevice(context, name.value_or("")));
                      ApiReply reply = Json(DeviceSetupJson(added, ServerUrlOf(request, state)), 201);
                      return reply;
                    },
                    "Add a device: its app password, shown only in this answer (kith device add)", "devices",
                    "NewDevice", "DeviceSetup"});
  routes.push_back({Method::kDelete,
                    "/devices",
                    Access::kWrite,
                    [](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const Device revoked,
                                            RevokeDevice(context, QueryText(request, "name")));
                      return Json(DeviceToJson(revoked));
                    },
                    "Revoke a device's app password (kith device revoke)",
                    "devices",
                    "",
                    "Device",
                    {"name"}});
  // Access::kWrite: the first ask makes the token, which is stored.
  routes.push_back({Method::kGet, "/calendar/subscription", Access::kWrite,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const std::string path, CalendarFeedPath(context));
                      return Json(FeedJson(request, state, path));
                    },
                    "The secret URL calendar apps subscribe to (kith ics --url)", "calendar", "",
                    "CalendarSubscription"});
  routes.push_back({Method::kPost, "/calendar/subscription/rotate", Access::kWrite,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const std::string path, RotateCalendarFeed(context));
                      return Json(FeedJson(request, state, path));
                    },
                    "Replace the calendar's secret URL; the old one answers 404 (kith ics --rotate)",
                    "calendar", "", "CalendarSubscription"});
  routes.push_back({Method::kDelete, "/calendar/subscription", Access::kWrite,
                    [](const httplib::Request& /*request*/, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const bool revoked, RevokeCalendarFeed(context));
                      return Json(nlohmann::json{{"revoked", revoked}});
                    },
                    "Take the calendar's secret URL away; it answers 404 (kith ics --revoke)", "calendar", "",
                    "CalendarRevoked"});
}

}  // namespace kith::http
