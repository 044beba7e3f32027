// cpp-httplib (Debian's 0.11) refuses every method it does not know with a
// 400 before any handler runs, and WebDAV lives on PROPFIND, REPORT, MKCOL
// and PROPPATCH. This server reads the request line itself: such a method
// travels through httplib as a POST (so httplib reads its body) and reaches
// the handlers in the kDavMethodHeader header, which a client cannot forge
// (it is always replaced). The bytes come through a Connection: the socket
// itself here, TLS over it in TlsWebDavMethodServer (tls_webdav_server.h).
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <httplib.h>

#include "http/request_gate.h"

namespace kith::http {

inline constexpr std::string_view kDavMethodHeader = "X-Kith-Dav-Method";

// A request refused before its body is read (a 401, a 403, a 405) leaves
// the body on a keep-alive connection; up to this much of it is read and
// dropped so that the next request starts where it should. A longer or
// chunked body closes the connection instead: RefusalClosesConnection says
// which, so that the refusal can tell the client (Connection: close).
inline constexpr std::size_t kMaxSkippedBody = 1 << 20;
bool RefusalClosesConnection(const httplib::Request& request);

// The WebDAV method of a request: the tunnelled one, else its own.
std::string RequestMethod(const httplib::Request& request);

// True when `events` (POLLIN, POLLOUT) happen on `socket` within
// `timeout_ms`, or the peer hung up.
bool WaitFor(int socket, short events, int timeout_ms);

// One accepted connection's bytes, each call waiting at most the timeout it
// is given. Both return what recv/send would: the count moved, 0 or less
// when the connection is over (closed, broken or silent too long).
class Connection {
 public:
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&&) = delete;
  Connection& operator=(Connection&&) = delete;
  virtual ~Connection() = default;

  virtual ssize_t Receive(char* data, std::size_t size, int timeout_ms) = 0;
  // As Receive, for a keep-alive connection's next request, which usually
  // is not there yet: it waits first.
  virtual ssize_t ReceiveNext(char* data, std::size_t size, int timeout_ms) = 0;
  virtual ssize_t Send(const char* data, std::size_t size, int timeout_ms) = 0;
  // Bytes already received that Receive hands over without waiting (TLS
  // decrypts a whole record at a time).
  [[nodiscard]] virtual bool HasPending() const = 0;
  // Called once every request is answered and the connection is to close:
  // `cleanly` when it served without error (TLS then says goodbye).
  virtual void Finish(bool cleanly) = 0;
};

class WebDavMethodServer : public httplib::Server {
 public:
  // `computing_at_once` requests compute at a time, the others wait their
  // turn in the order they came (RequestGate): a few a core when the
  // requests compute here, more when they mostly wait for a database server.
  explicit WebDavMethodServer(std::size_t computing_at_once);

 protected:
  // The connection to serve `socket` through, or null when none can be set
  // up (a TLS handshake that fails): the socket is then closed unserved.
  virtual std::unique_ptr<Connection> Open(int socket);

  [[nodiscard]] int ReadTimeoutMs() const;
  [[nodiscard]] int WriteTimeoutMs() const;

 private:
  // Serves one connection as httplib does (keep-alive, its limits and
  // timeouts), through a stream that tunnels the WebDAV methods.
  bool process_and_close_socket(socket_t sock) override;

  RequestGate gate_;
};

}  // namespace kith::http
