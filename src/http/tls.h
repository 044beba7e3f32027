// The listening socket's protocol: plain HTTP, or HTTPS with the
// certificate and key `kith serve --tls-cert FILE --tls-key FILE` names
// (phones refuse Basic auth over plain HTTP off the machine).
#pragma once

#include <cstddef>
#include <memory>

#include <httplib.h>

#include "domain/result.h"
#include "http/server.h"

namespace kith::http {

// An httplib::Server for `options` that serves the WebDAV methods too: HTTPS
// (TlsWebDavMethodServer, TLS 1.2 at least) when both TLS files are given,
// plain HTTP (WebDavMethodServer) when neither is. kInvalidInput,
// naming the flag, when only one is given, a file cannot be read, holds no
// PEM certificate or private key (an encrypted key counts as none: kith
// cannot prompt for its passphrase), or the key does not belong to the
// certificate. `computing_at_once` requests compute at a time, the others
// wait their turn (WebDavMethodServer).
Result<std::unique_ptr<httplib::Server>> MakeListener(const ServerOptions& options,
                                                      std::size_t computing_at_once);

}  // namespace kith::http
