#include "http/routes/routes.h"

namespace kith::http {

std::vector<Route> ApiRoutes(SessionState& state) {
  std::vector<Route> routes;
  AddSessionRoutes(routes, state);
  AddContactRoutes(routes);
  AddGiveRoutes(routes);
  AddTransferRoutes(routes);
  AddRelationshipRoutes(routes);
  AddScanRoutes(routes);
  AddDeviceRoutes(routes, state);
  AddMemberRoutes(routes);
  return routes;
}

}  // namespace kith::http
