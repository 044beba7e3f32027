// `kith serve`: the JSON API under /api/v1, the web app and CardDAV under
// /dav/ (docs/sync.md), from one process.
// The only door into http/: the CLI builds a Server and runs it.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "domain/clock.h"
#include "domain/result.h"

namespace kith::http {

struct ServerOptions {
  std::string database_path;  // opened (and created) by the server
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port)
  // The built web app (index.html, assets/). Empty or missing: the API only,
  // and "/" says how to build the assets.
  std::string assets_directory;
  // A shared secret accepted as "Authorization: Bearer TOKEN" or to sign in.
  // Empty: only the password set by `kith passwd` (if any) signs in.
  std::string token;
  std::string phone_region;
  // Where devices and browsers reach this server when a proxy stands in
  // front ("https://kith.example.net"): links name it, and its host is
  // accepted in Host headers on loopback. Empty: none.
  std::string public_url;
  // PEM files for HTTPS: both or neither. Neither: plain HTTP.
  std::string tls_certificate;
  std::string tls_key;
  // Worker threads. Each keep-alive connection holds one while it is open,
  // so there must be more than the clients expected at once: with 48, two
  // of the search benchmark's 50 connections (wrk -c50) waited unserved and
  // timed out. An idle thread costs only its stack; a busy one a context
  // switch per request whatever their number.
  int threads = 64;
  int read_connections = 4;              // read-only SQLite connections for GETs
  std::size_t max_json_body = 1 << 20;   // 1 MiB: a contact is a few KB
  std::size_t max_upload = 64ULL << 20;  // 64 MiB: a big LinkedIn or vCard export
  // CardDAV: responses a sync-collection gives at most (then a 507 and a
  // token to go on from), and cards read at a time while a listing streams.
  int dav_sync_limit = 10000;
  int dav_page_size = 500;
  // What the server tells its operator beside its answers (kith serve:
  // standard error): never a secret or a card's values. Empty: nothing.
  std::function<void(const std::string&)> report;
};

class Server {
 public:
  // Opens the database and binds the socket. kInvalidInput when the host is
  // not a loopback address and no password (`kith passwd`), token or device
  // (`kith device add`) is set: the network would get the list without a
  // lock; kInvalidInput also for TLS files that cannot be used (MakeListener
  // in tls.h says which). kIo when the database cannot be opened or the
  // address cannot be bound.
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options, const Clock& clock);
  virtual ~Server() = default;

  // The bound port (useful with port 0).
  [[nodiscard]] virtual int port() const = 0;
  // Serves until Stop(); returns once requests in flight have finished.
  virtual Status Run() = 0;
  // Stops accepting; safe from another thread. Run() then returns.
  virtual void Stop() = 0;
};

// The address the server answers at, for devices and links:
// "https://HOST:PORT" under TLS, "http://HOST:PORT" otherwise. A wildcard
// host (0.0.0.0, ::) is named by this machine's host name, which other
// machines on the network can usually reach; an IPv6 literal is bracketed.
std::string ServedUrl(const ServerOptions& options, int port);

// Runs the server until SIGTERM or SIGINT, then finishes requests in flight
// and closes the database. Calls `on_listening` with the port once bound.
Status ServeUntilSignal(const ServerOptions& options, const Clock& clock,
                        const std::function<void(int port)>& on_listening);

}  // namespace kith::http
