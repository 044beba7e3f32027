// HTTPS with the WebDAV methods: httplib's own SSLServer reads requests
// through its parser, which refuses PROPFIND and REPORT, so CardDAV clients
// could not sync with `kith serve --tls-cert/--tls-key`. This server runs the
// TLS handshake and record layer itself (OpenSSL) and serves the decrypted
// stream exactly as WebDavMethodServer serves a plain socket.
#pragma once

#include <openssl/ssl.h>

#include <cstddef>
#include <functional>
#include <memory>

#include "http/webdav_methods.h"

namespace kith::http {

class TlsWebDavMethodServer final : public WebDavMethodServer {
 public:
  // `computing_at_once`: as WebDavMethodServer. `setup` loads the
  // certificate and key into a fresh server context and says whether it
  // could; when it cannot, is_valid() is false and the server must not be
  // started.
  TlsWebDavMethodServer(std::size_t computing_at_once, const std::function<bool(SSL_CTX& context)>& setup);
  TlsWebDavMethodServer(const TlsWebDavMethodServer&) = delete;
  TlsWebDavMethodServer& operator=(const TlsWebDavMethodServer&) = delete;
  TlsWebDavMethodServer(TlsWebDavMethodServer&&) = delete;
  TlsWebDavMethodServer& operator=(TlsWebDavMethodServer&&) = delete;
  ~TlsWebDavMethodServer() override;

  bool is_valid() const override;

 protected:
  // A TLS session over `socket` once the client's handshake completes within
  // the read timeout; null when it does not (plain HTTP, a client that
  // distrusts the certificate, silence).
  std::unique_ptr<Connection> Open(int socket) override;

 private:
  SSL_CTX* context_;
};

}  // namespace kith::http
