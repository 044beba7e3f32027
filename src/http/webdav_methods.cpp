#include "http/webdav_methods.h"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace kith::http {
namespace {

// The rest of WebDAV is tunnelled too, so that a client asking for it hears
// 405 from the face rather than httplib's bare 400.
constexpr std::array<std::string_view, 9> kTunnelledMethods = {
    "PROPFIND", "PROPPATCH", "REPORT", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "ACL"};
constexpr std::string_view kCarrier = "POST";
// httplib refuses longer request lines (414) itself; past this the line is
// handed over as it is and fails there.
constexpr std::size_t kMaxRequestLine = 8192;
constexpr std::size_t kReadChunk = 4096;
constexpr int kMillisecondsPerSecond = 1000;
constexpr int kMicrosecondsPerMs = 1000;
// Up to this much of an answer is gathered before it is sent: a typical
// JSON answer whole, a download in pieces of this size.
constexpr std::size_t kGatheredBytes = std::size_t{64} * 1024;
// Past this a request waiting at the gate goes on without a place: a
// long request (a large listing computed whole) delays the others at most
// this much. A typeahead request waits about 10 ms behind 50 others on a
// busy machine.
constexpr std::chrono::milliseconds kLongestGateWait{100};

bool WouldBlock() { return errno == EAGAIN || errno == EWOULDBLOCK; }

// The socket itself: plain HTTP.
class PlainConnection final : public Connection {
 public:
  explicit PlainConnection(int socket) : socket_(socket) {}

  // Each tries first without waiting and polls only when it would block:
  // the request usually is already there (the keep-alive wait polled for
  // it) and the answer fits the socket's buffer, so a poll before every
  // recv and send was two system calls per request spent for nothing.
  ssize_t Receive(char* data, std::size_t size, int timeout_ms) override {
    const ssize_t received = ::recv(socket_, data, size, MSG_DONTWAIT);
    if (received >= 0 || !WouldBlock()) return received;
    if (!WaitFor(socket_, POLLIN, timeout_ms)) return -1;
    return ::recv(socket_, data, size, 0);
  }
  ssize_t Send(const char* data, std::size_t size, int timeout_ms) override {
    const ssize_t sent = ::send(socket_, data, size, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (sent >= 0 || !WouldBlock()) return sent;
    if (!WaitFor(socket_, POLLOUT, timeout_ms)) return -1;
    return ::send(socket_, data, size, MSG_NOSIGNAL);
  }
  // One blocking recv, the socket's receive timeout set to the wait: a poll
  // before the recv was a system call per request spent for nothing.
  ssize_t ReceiveNext(char* data, std::size_t size, int timeout_ms) override {
    if (timeout_ms != receive_timeout_ms_) {
      const timeval timeout{
          timeout_ms / kMillisecondsPerSecond,
          static_cast<suseconds_t>(timeout_ms % kMillisecondsPerSecond) * kMicrosecondsPerMs};
      // A zero timeout would mean none at all to the socket.
      if (timeout_ms <= 0 || ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout)) != 0) {
        return WaitFor(socket_, POLLIN, timeout_ms) ? Receive(data, size, timeout_ms) : -1;
      }
      receive_timeout_ms_ = timeout_ms;
    }
    return ::recv(socket_, data, size, 0);
  }
  [[nodiscard]] bool HasPending() const override { return false; }
  void Finish(bool /*cleanly*/) override {}

 private:
  int socket_;
  int receive_timeout_ms_ = 0;  // SO_RCVTIMEO as set; 0: none (waits for ever)
};

// A stream over a connection that rewrites the method of each request line
// it hands over, and remembers which method it was. What httplib writes is
// gathered and sent at once when the answer is whole (or before the stream
// reads, or when much has gathered): httplib writes the head and the body
// apart, and with TCP_NODELAY each write was a system call and a packet.
class TunnelStream final : public httplib::Stream {
 public:
  TunnelStream(int socket, Connection& connection, int read_timeout_ms, int write_timeout_ms)
      : socket_(socket),
        connection_(connection),
        read_timeout_ms_(read_timeout_ms),
        write_timeout_ms_(write_timeout_ms) {}

  void StartRequest() {
    pass_.Leave();
    at_request_line_ = true;
    tunnelled_.clear();
    body_known_ = false;
  }
  [[nodiscard]] const std::string& tunnelled() const { return tunnelled_; }
  [[nodiscard]] bool HasBuffered() const { return offset_ < buffer_.size() || connection_.HasPending(); }

  // Whether the connection's next request begins within `timeout_ms`:
  // its first bytes are read (or were already).
  bool NextRequestArrives(int timeout_ms) {
    return HasBuffered() || Fill(&Connection::ReceiveNext, timeout_ms);
  }

  // Called once the request's headers are read (httplib reads them a byte
  // at a time, so what was handed over so far is exactly the head).
  void StartBody(const httplib::Request& request) {
    body_known_ = true;
    body_start_ = handed_over_;
    chunked_ = request.has_header("Transfer-Encoding");
    declared_length_ = std::strtoull(request.get_header_value("Content-Length").c_str(), nullptr, 10);
  }

  // After the answer: reads and drops whatever of the body nothing read, so
  // that the next request on the connection starts at its request line.
  // False when the connection has to close instead (RefusalClosesConnection).
  bool SkipUnreadBody() {
    if (!body_known_) return false;  // refused before its headers were whole
    const std::uint64_t read = handed_over_ - body_start_;
    if (chunked_) return read > 0;  // httplib reads a chunked body whole or fails
    if (read >= declared_length_) return true;
    std::uint64_t left = declared_length_ - read;
    if (left > kMaxSkippedBody) return false;
    std::array<char, kReadChunk> dropped{};
    while (left > 0) {
      const ssize_t count = ReadBuffered(dropped.data(), std::min<std::uint64_t>(left, dropped.size()));
      if (count <= 0) return false;
      left -= static_cast<std::uint64_t>(count);
    }
    return true;
  }

  bool is_readable() const override { return HasBuffered() || WaitFor(socket_, POLLIN, read_timeout_ms_); }
  // Writable without asking the socket while the answer gathers: a
  // request waits for its client only in Flush, after it left the gate.
  bool is_writable() const override {
    return unsent_.size() < kGatheredBytes || WaitFor(socket_, POLLOUT, write_timeout_ms_);
  }

  // Called once the request's head is read: the request computes in turn
  // (RequestGate) until it waits for its client (Fill, Flush).
  void Admit(RequestGate& gate) { pass_ = gate.Enter(); }

  // Sends what was gathered; false when the connection broke. A client
  // that reads slowly holds no place at the gate.
  bool Flush() {
    pass_.Leave();
    std::size_t sent = 0;
    while (sent < unsent_.size()) {
      const ssize_t count = connection_.Send(unsent_.data() + sent, unsent_.size() - sent, write_timeout_ms_);
      if (count <= 0) {
        unsent_.clear();
        return false;
      }
      sent += static_cast<std::size_t>(count);
    }
    unsent_.clear();
    return true;
  }

  ssize_t read(char* ptr, size_t size) override {
    // A client may wait for what was written before it sends more
    // (100 Continue before a body).
    if (!unsent_.empty() && !Flush()) return -1;
    if (at_request_line_) {
      at_request_line_ = false;
      if (!FillLine()) return -1;
      TunnelMethod();
    }
    return ReadBuffered(ptr, size);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (unsent_.size() + size > kGatheredBytes) {
      if (!Flush()) return -1;
      if (size > kGatheredBytes) return connection_.Send(ptr, size, write_timeout_ms_);
    }
    unsent_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }

  // httplib asks for both addresses on every request; a connection's never
  // change, so each is asked of the kernel once.
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    if (!remote_) remote_ = Address(true);
    ip = remote_->first;
    port = remote_->second;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    if (!local_) local_ = Address(false);
    ip = local_->first;
    port = local_->second;
  }
  socket_t socket() const override { return socket_; }

 private:
  ssize_t ReadBuffered(char* ptr, size_t size) {
    if (offset_ == buffer_.size() && !Fill()) return -1;
    const std::size_t count = std::min(size, buffer_.size() - offset_);
    std::memcpy(ptr, buffer_.data() + offset_, count);
    offset_ += count;
    handed_over_ += count;
    return static_cast<ssize_t>(count);
  }

  // A client that sends slowly holds no place at the gate.
  bool Fill() { return Fill(&Connection::Receive, read_timeout_ms_); }
  bool Fill(ssize_t (Connection::*receive)(char*, std::size_t, int), int timeout_ms) {
    pass_.Leave();
    if (offset_ == buffer_.size()) {
      buffer_.clear();
      offset_ = 0;
    }
    std::array<char, kReadChunk> chunk{};
    const ssize_t received = (connection_.*receive)(chunk.data(), chunk.size(), timeout_ms);
    if (received <= 0) return false;
    buffer_.append(chunk.data(), static_cast<std::size_t>(received));
    return true;
  }

  // Reads until the buffer holds a whole request line (or too much of one).
  bool FillLine() {
    while (buffer_.find('\n', offset_) == std::string::npos && buffer_.size() - offset_ <= kMaxRequestLine) {
      if (!Fill()) return offset_ < buffer_.size();
    }
    return true;
  }

  void TunnelMethod() {
    const std::size_t space = buffer_.find(' ', offset_);
    if (space == std::string::npos) return;
    const std::string_view method(buffer_.data() + offset_, space - offset_);
    if (std::find(kTunnelledMethods.begin(), kTunnelledMethods.end(), method) == kTunnelledMethods.end())
      return;
    tunnelled_ = std::string(method);
    buffer_.replace(offset_, method.size(), kCarrier);
  }

  [[nodiscard]] std::pair<std::string, int> Address(bool remote) const {
    std::pair<std::string, int> found{"", 0};
    auto& [ip, port] = found;
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    auto* generic =
        reinterpret_cast<sockaddr*>(&address);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
    if ((remote ? ::getpeername(socket_, generic, &length) : ::getsockname(socket_, generic, &length)) != 0)
      return found;
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (address.ss_family == AF_INET) {
      const auto* v4 =
          reinterpret_cast<sockaddr_in*>(&address);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
      ::inet_ntop(AF_INET, &v4->sin_addr, text.data(), text.size());
      port = ntohs(v4->sin_port);
    } else if (address.ss_family == AF_INET6) {
      const auto* v6 =
          reinterpret_cast<sockaddr_in6*>(&address);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
      ::inet_ntop(AF_INET6, &v6->sin6_addr, text.data(), text.size());
      port = ntohs(v6->sin6_port);
    }
    ip = text.data();
    return found;
  }

  int socket_;
  Connection& connection_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  std::string buffer_;
  std::size_t offset_ = 0;
  bool at_request_line_ = false;
  std::string tunnelled_;
  std::uint64_t handed_over_ = 0;  // bytes read() gave httplib, ever
  std::uint64_t body_start_ = 0;   // handed_over_ when the body began
  std::uint64_t declared_length_ = 0;
  bool chunked_ = false;
  bool body_known_ = false;
  std::string unsent_;  // written by httplib, not yet sent
  mutable std::optional<std::pair<std::string, int>> remote_;
  mutable std::optional<std::pair<std::string, int>> local_;
  RequestGate::Pass pass_;  // held from Admit while the request computes
};

}  // namespace

bool RefusalClosesConnection(const httplib::Request& request) {
  return request.has_header("Transfer-Encoding") ||
         std::strtoull(request.get_header_value("Content-Length").c_str(), nullptr, 10) > kMaxSkippedBody;
}

bool WaitFor(int socket, short events, int timeout_ms) {
  pollfd descriptor{socket, events, 0};
  const int ready = ::poll(&descriptor, 1, timeout_ms);
  return ready > 0 && (descriptor.revents & (events | POLLHUP)) != 0;
}

std::string RequestMethod(const httplib::Request& request) {
  const std::string tunnelled = request.get_header_value(std::string(kDavMethodHeader).c_str());
  return tunnelled.empty() ? request.method : tunnelled;
}

WebDavMethodServer::WebDavMethodServer(std::size_t computing_at_once)
    : gate_(computing_at_once, kLongestGateWait) {}

std::unique_ptr<Connection> WebDavMethodServer::Open(int socket) {
  return std::make_unique<PlainConnection>(socket);
}

int WebDavMethodServer::ReadTimeoutMs() const {
  return static_cast<int>(read_timeout_sec_ * kMillisecondsPerSecond +
                          read_timeout_usec_ / kMicrosecondsPerMs);
}

int WebDavMethodServer::WriteTimeoutMs() const {
  return static_cast<int>(write_timeout_sec_ * kMillisecondsPerSecond +
                          write_timeout_usec_ / kMicrosecondsPerMs);
}

bool WebDavMethodServer::process_and_close_socket(socket_t sock) {
  bool served = false;
  if (std::unique_ptr<Connection> connection = Open(sock)) {
    TunnelStream stream(sock, *connection, ReadTimeoutMs(), WriteTimeoutMs());
    served = true;
    for (std::size_t count = keep_alive_max_count_;
         svr_sock_ != INVALID_SOCKET && count > 0 &&
         stream.NextRequestArrives(static_cast<int>(keep_alive_timeout_sec_ * kMillisecondsPerSecond));
         --count) {
      bool connection_closed = false;
      stream.StartRequest();
      served =
          process_request(stream, count == 1, connection_closed, [this, &stream](httplib::Request& request) {
            // Whatever the client sent under this name is not what the line said.
            request.headers.erase(std::string(kDavMethodHeader));
            stream.StartBody(request);
            stream.Admit(gate_);
            if (stream.tunnelled().empty()) return;
            request.set_header(std::string(kDavMethodHeader), stream.tunnelled());
            // A PROPFIND may come without a body and without saying so; as a POST
            // httplib would wait for a body until the connection closes.
            if (!request.has_header("Content-Length") && !request.has_header("Transfer-Encoding")) {
              request.set_header("Content-Length", "0");
            }
          });
      if (!stream.Flush()) served = false;
      if (!served || connection_closed || !stream.SkipUnreadBody()) break;
    }
    connection->Finish(served);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return served;
}

}  // namespace kith::http
