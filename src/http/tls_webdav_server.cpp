#include "http/tls_webdav_server.h"

#include <fcntl.h>
#include <openssl/err.h>
#include <poll.h>
#include <pthread.h>

#include <algorithm>
#include <climits>
#include <csignal>
#include <cstddef>

namespace kith::http {
namespace {

// OpenSSL writes to the socket with write(2), which raises SIGPIPE when the
// client has gone away; that would end kith. Blocked in the serving thread,
// the write fails with EPIPE instead and only this connection ends.
void BlockBrokenPipeSignal() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

// Repeats an OpenSSL call on the non-blocking socket until it succeeds,
// waiting for the socket as OpenSSL asks (a TLS read may need to write, a
// write to read). The call's positive result, or -1 when the connection is
// over or the socket stays silent for `timeout_ms`.
template <typename Call>
int Retry(SSL* ssl, int socket, int timeout_ms, const Call& call) {
  for (;;) {
    ERR_clear_error();
    const int result = call();
    if (result > 0) return result;
    switch (SSL_get_error(ssl, result)) {
      case SSL_ERROR_WANT_READ:
        if (!WaitFor(socket, POLLIN, timeout_ms)) return -1;
        break;
      case SSL_ERROR_WANT_WRITE:
        if (!WaitFor(socket, POLLOUT, timeout_ms)) return -1;
        break;
      default:
        ERR_clear_error();
        return -1;
    }
  }
}

int Clamp(std::size_t size) { return static_cast<int>(std::min<std::size_t>(size, INT_MAX)); }

// A TLS session over an accepted socket, its handshake done.
class TlsConnection final : public Connection {
 public:
  TlsConnection(int socket, SSL* ssl) : socket_(socket), ssl_(ssl) {}
  TlsConnection(const TlsConnection&) = delete;
  TlsConnection& operator=(const TlsConnection&) = delete;
  TlsConnection(TlsConnection&&) = delete;
  TlsConnection& operator=(TlsConnection&&) = delete;
  ~TlsConnection() override { SSL_free(ssl_); }

  ssize_t Receive(char* data, std::size_t size, int timeout_ms) override {
    return Retry(ssl_, socket_, timeout_ms, [&] { return SSL_read(ssl_, data, Clamp(size)); });
  }
  // Waits for the socket first, as the next request is rarely there yet:
  // a read tried before the wait would fail each time.
  ssize_t ReceiveNext(char* data, std::size_t size, int timeout_ms) override {
    if (!HasPending() && !WaitFor(socket_, POLLIN, timeout_ms)) return -1;
    return Receive(data, size, timeout_ms);
  }
  ssize_t Send(const char* data, std::size_t size, int timeout_ms) override {
    return Retry(ssl_, socket_, timeout_ms, [&] { return SSL_write(ssl_, data, Clamp(size)); });
  }
  [[nodiscard]] bool HasPending() const override { return SSL_pending(ssl_) > 0; }
  // One close_notify, without waiting for the client's: the socket closes next.
  void Finish(bool cleanly) override {
    if (cleanly) SSL_shutdown(ssl_);
  }

 private:
  int socket_;
  SSL* ssl_;
};

}  // namespace

TlsWebDavMethodServer::TlsWebDavMethodServer(std::size_t computing_at_once,
                                             const std::function<bool(SSL_CTX& context)>& setup)
    : WebDavMethodServer(computing_at_once), context_(SSL_CTX_new(TLS_server_method())) {
  if (context_ != nullptr && !setup(*context_)) {
    SSL_CTX_free(context_);
    context_ = nullptr;
  }
}

TlsWebDavMethodServer::~TlsWebDavMethodServer() { SSL_CTX_free(context_); }

bool TlsWebDavMethodServer::is_valid() const { return context_ != nullptr; }

std::unique_ptr<Connection> TlsWebDavMethodServer::Open(int socket) {
  BlockBrokenPipeSignal();
  const int flags = fcntl(socket, F_GETFL);  // NOLINT(cppcoreguidelines-pro-type-vararg)
  if (flags < 0 ||
      fcntl(socket, F_SETFL, flags | O_NONBLOCK) != 0)  // NOLINT(cppcoreguidelines-pro-type-vararg)
    return nullptr;
  SSL* ssl = SSL_new(context_);
  if (ssl == nullptr) return nullptr;
  auto connection = std::make_unique<TlsConnection>(socket, ssl);
  if (SSL_set_fd(ssl, socket) != 1) return nullptr;
  if (Retry(ssl, socket, ReadTimeoutMs(), [ssl] { return SSL_accept(ssl); }) < 0) return nullptr;
  return connection;
}

}  // namespace kith::http
