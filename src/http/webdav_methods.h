// cpp-httplib (Debian's 0.11) refuses every method it does not know with a
// 400 before any handler runs, and WebDAV lives on PROPFIND, REPORT, MKCOL
// and PROPPATCH. This server reads the request line itself: such a method
// travels through httplib as a POST (so httplib reads its body) and reaches
// the handlers in the kDavMethodHeader header, which a client cannot forge
// (it is always replaced).
#pragma once

#include <string_view>

#include <httplib.h>

namespace kith::http {

inline constexpr std::string_view kDavMethodHeader = "X-Kith-Dav-Method";

// The WebDAV method of a request: the tunnelled one, else its own.
std::string RequestMethod(const httplib::Request& request);

class WebDavMethodServer : public httplib::Server {
 private:
  // Serves one connection as httplib does (keep-alive, its limits and
  // timeouts), through a stream that tunnels the WebDAV methods.
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace kith::http
