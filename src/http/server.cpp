#include "http/server.h"

#include <malloc.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
#include <csignal>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "app/access.h"
#include "app/account_sign_in.h"
#include "app/devices.h"
#include "app/remembered_sessions.h"
#include "app/web_access.h"
#include "dav/carddav_face.h"
#include "http/auth.h"
#include "http/calendar_feed_route.h"
#include "http/json_errors.h"
#include "http/openapi.h"
#include "http/routes/routes.h"
#include "http/server_with_routes.h"
#include "http/sink_stream.h"
#include "http/static_files.h"
#include "http/store_pool.h"
#include "http/tls.h"
#include "http/webdav_methods.h"

namespace kith::http {
namespace {

constexpr std::string_view kApiPrefix = "/api/v1";
// Keep-alive connections each hold a worker thread: they are timed out
// quickly and capped, so a few idle clients cannot starve the rest.
constexpr time_t kKeepAliveSeconds = 2;
constexpr std::size_t kKeepAliveRequests = 10000;
constexpr time_t kReadTimeoutSeconds = 10;
// Connections the kernel holds for the server before it accepts them.
// cpp-httplib listens with 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed when
// Debian built the library): a browser opening six connections at once,
// or 50 clients starting together, had the rest dropped and sent again a
// second later (TcpExtListenOverflows; BENCHMARKS.md, sixteenth round).
constexpr int kListenBacklog = SOMAXCONN;

const httplib::Headers& SecurityHeaders() {
  static const httplib::Headers kHeaders = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  return kHeaders;
}

// "/contacts/{id}/ledger" -> "/api/v1/contacts/(\d+)/ledger"; an {account}
// is a login name (app/login_names.h), every other parameter an id.
std::string PatternOf(const std::string& path) {
  static const std::regex kAccount(R"(\{account\})");
  static const std::regex kParameter(R"(\{[a-z_]+\})");
  const std::string named = std::regex_replace(path, kAccount, R"(([A-Za-z0-9._-]{1,64}))");
  return std::string(kApiPrefix) + std::regex_replace(named, kParameter, R"((\d+))");
}

// An SQLite database is read on this machine's cores: many more requests
// than cores only take turns with each other in the scheduler's slices
// (the typeahead's p99 of 35-40 ms under 50 clients). Two a core rather
// than one: a core whose request is preempted (by the clients, by other
// programs) still has one to go on with. Quiet, in the same four rounds,
// two a core answered 16 % more requests than no gate and one a core 4 %
// fewer, at the same p99; on a loaded machine both cost throughput
// (BENCHMARKS.md, api16 and the seventeenth round's merges). A PostgreSQL request mostly waits for the
// database server, and every worker thread may wait at once.
constexpr std::size_t kRequestsComputingPerCore = 2;
std::size_t ComputingAtOnce(const ServerOptions& options, const StorePool& pool) {
  if (pool.Shared()) return static_cast<std::size_t>(std::max(options.threads, 1));
  return kRequestsComputingPerCore * std::max(std::thread::hardware_concurrency(), 1U);
}

bool IsWrite(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// The member the request being served signed in as, on a database with
// accounts. Admit sets it (always, first: no request inherits another's)
// and the handler that follows reads it: httplib runs both for one request
// on one worker thread, one request at a time.
thread_local std::optional<WorkspaceAccess>
    t_member;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)
// When t_member is a session this server remembers rather than read for
// this request: the claim the handler's lease has the database check.
thread_local std::optional<SessionClaim>
    t_claim;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

// Routes a viewer may use although they are served on the read-write
// connection: signing in and out writes only the viewer's own session.
bool OpenToViewers(const Route& route) { return route.path == "/session"; }

// The paths sync clients use (the CardDAV face), behind HTTP Basic.
class HttpServer final : public Server {
 public:
  HttpServer(ServerOptions options, std::unique_ptr<StorePool> pool,
             std::unique_ptr<httplib::Server> listener, std::vector<Route> extra_routes)
      : options_(std::move(options)), pool_(std::move(pool)), server_(std::move(listener)) {
    state_.token = options_.token;
    state_.by_account = pool_->RestsAsNobody();
    state_.auth_required = !BindsOnlyLoopback(options_.host);
    state_.tls = !options_.tls_certificate.empty();
    state_.public_url = options_.public_url;
    while (state_.public_url.ends_with('/')) state_.public_url.pop_back();
    public_host_ = HostOfUrl(state_.public_url);
    routes_ = ApiRoutes(state_);
    routes_.push_back(
        {Method::kGet, "/openapi.json", Access::kRead,
         [this](const httplib::Request&, Context&) -> Result<ApiReply> { return Json(openapi_); },
         "This document", "meta", "", "OpenApi"});
    openapi_ = OpenApiDocument(routes_);
    openapi_["components"]["schemas"]["OpenApi"] = {{"type", "object"}};
    std::move(extra_routes.begin(), extra_routes.end(), std::back_inserter(routes_));
    Configure();
  }

  ~HttpServer() override { server_->stop(); }
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  void CountSignInsIn(std::unique_ptr<Store> store) { state_.throttle.CountIn(std::move(store)); }
  HttpServer(HttpServer&&) = delete;
  HttpServer& operator=(HttpServer&&) = delete;

  Status Bind() {
    // The listening socket, as cpp-httplib makes it, so that its backlog
    // can be set again once it listens (Listen).
    server_->set_socket_options([this](socket_t socket) {
      httplib::default_socket_options(socket);
      listening_socket_ = socket;
    });
    if (options_.port == 0) {
      port_ = server_->bind_to_any_port(options_.host);
      if (port_ <= 0) return Fail(ErrorCode::kIo, "cannot bind " + options_.host + " to a free port", "host");
    } else {
      if (!server_->bind_to_port(options_.host, options_.port)) {
        return Fail(ErrorCode::kIo,
                    "cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                        " (in use, or not an address of this machine)",
                    "port");
      }
      port_ = options_.port;
    }
    // Listening again on a listening socket only sets its backlog.
    if (listening_socket_ < 0 || ::listen(listening_socket_, kListenBacklog) != 0) {
      return Fail(ErrorCode::kIo, "cannot listen on " + options_.host + " with a backlog of " +
                                      std::to_string(kListenBacklog) + " connections");
    }
    return Ok();
  }

  [[nodiscard]] int port() const override { return port_; }

  Status Run() override {
    running_ = true;
    const bool listened = stop_requested_ || server_->listen_after_bind();
    running_ = false;
    if (!listened) return Fail(ErrorCode::kIo, "the server stopped unexpectedly");
    return Ok();
  }

  // httplib's stop() does nothing before the listening loop has started, so
  // a Stop() that races Run() waits for the loop to be up first.
  void Stop() override {
    stop_requested_ = true;
    constexpr int kWaitMilliseconds = 5000;
    for (int waited = 0; waited < kWaitMilliseconds && running_ && !server_->is_running(); ++waited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    server_->stop();
  }

 private:
  void Configure() {
    server_->set_tcp_nodelay(true);
    const auto threads = static_cast<std::size_t>(options_.threads);
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_->set_keep_alive_timeout(kKeepAliveSeconds);
    server_->set_keep_alive_max_count(kKeepAliveRequests);
    server_->set_read_timeout(kReadTimeoutSeconds);
    server_->set_write_timeout(kReadTimeoutSeconds);
    server_->set_payload_max_length(options_.max_upload);
    server_->set_default_headers(SecurityHeaders());
    server_->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
      const auto admitted = Admit(request, response);
      // The body is still unread; the connection skips it or closes.
      if (admitted == httplib::Server::HandlerResponse::Handled && RefusalClosesConnection(request)) {
        response.set_header("Connection", "close");
      }
      return admitted;
    });
    server_->set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& request, httplib::Response& response) -> httplib::Server::HandlerResponse {
          if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          if (response.status == 413) {
            SendHttpError(response, 413, "payload_too_large", "the request body is too large", "body");
          } else if (response.status == 404) {
            SendHttpError(response, 404, "no_route", "no such route: " + request.method + " " + request.path);
          } else {
            SendHttpError(response, response.status, "http_error", "the request could not be served");
          }
          return httplib::Server::HandlerResponse::Handled;
        }));
    server_->set_exception_handler(
        [](const httplib::Request&, httplib::Response& response, const std::exception_ptr&) {
          SendHttpError(response, 500, "internal", "the server failed on this request");
        });
    for (const Route& route : routes_) Register(route);
    dav::MountCardDav(*server_,
                      dav::DavHost{[this](dav::DavAccess access, const std::function<void(Context&)>& body) {
                                     StorePool::Lease lease = pool_->Borrow(
                                         access == dav::DavAccess::kWrite ? Access::kWrite : Access::kRead,
                                         t_member);
                                     // A connection that cannot act as the member serves nobody.
                                     if (!lease.acting())
                                       throw std::runtime_error("cannot act as the member");
                                     body(lease.context());
                                   },
                                   RequestMethod, HttpStatus},
                      dav::DavOptions{options_.dav_sync_limit, options_.dav_page_size, options_.report});
    server_->Get(kCalendarFeedPattern, [this](const httplib::Request& request, httplib::Response& response) {
      ServeCalendarFeed(request, response, state_, *pool_);
    });
    server_->Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
      ServeStatic(request, response);
    });
  }

  void Register(const Route& route) {
    const std::string pattern = PatternOf(route.path);
    const auto handler = [this, &route](const httplib::Request& request, httplib::Response& response) {
      Dispatch(route, request, response);
    };
    switch (route.method) {
      case Method::kGet:
        server_->Get(pattern, handler);
        break;
      case Method::kPost:
        server_->Post(pattern, handler);
        break;
      case Method::kPatch:
        server_->Patch(pattern, handler);
        break;
      case Method::kPut:
        server_->Put(pattern, handler);
        break;
      case Method::kDelete:
        server_->Delete(pattern, handler);
        break;
    }
  }

  // Checks that run before any route: the Host (DNS rebinding), sizes,
  // sign-in and CSRF. Handled means answered here with an error.
  httplib::Server::HandlerResponse Admit(const httplib::Request& request, httplib::Response& response) {
    using httplib::Server;
    t_member.reset();
    t_claim.reset();
    // WebDAV's methods travel as POSTs (webdav_methods.h): only the CardDAV
    // face may take them, never the API's POST routes.
    if (request.has_header(std::string(kDavMethodHeader)) && !dav::IsCardDavPath(request.path)) {
      SendHttpError(response, 405, "method_not_allowed",
                    RequestMethod(request) + " is served only under /dav/");
      return Server::HandlerResponse::Handled;
    }
    // On loopback there is no password: the Host is what keeps other sites'
    // pages out (DNS rebinding). Beyond loopback every request must sign in,
    // and a rebound name never carries the cookie or the credentials.
    // The --public-url's name is the user's own: a proxy in front passes it.
    const std::string host = request.get_header_value("Host");
    if (!state_.auth_required && !IsExpectedHostHeader(host, options_.host, port_) &&
        (public_host_.empty() || !SameHostName(host, public_host_))) {
      SendHttpError(response, 403, "forbidden_host",
                    "this server answers only to http://localhost:" + std::to_string(port_) +
                        " and http://127.0.0.1:" + std::to_string(port_));
      return Server::HandlerResponse::Handled;
    }
    if (IsWrite(request.method) && !IsSameOriginRequest(request)) {
      SendHttpError(response, 403, "cross_origin", "writes are accepted only from kith's own pages");
      return Server::HandlerResponse::Handled;
    }
    if (dav::IsCardDavPath(request.path)) return AdmitCardDavClient(request, response);
    if (!request.path.starts_with(kApiPrefix)) return Server::HandlerResponse::Unhandled;
    if (IsCrossSiteRequest(request)) {
      SendHttpError(response, 403, "cross_origin", "the API does not answer other sites' pages");
      return Server::HandlerResponse::Handled;
    }
    const bool multipart = request.get_header_value("Content-Type").starts_with("multipart/form-data");
    const std::string length = request.get_header_value("Content-Length");
    if (!multipart && !length.empty() &&
        std::strtoull(length.c_str(), nullptr, 10) > options_.max_json_body) {
      SendHttpError(response, 413, "payload_too_large",
                    "the request body is over " + std::to_string(options_.max_json_body) + " bytes", "body");
      return Server::HandlerResponse::Handled;
    }
    const std::string path = request.path.substr(kApiPrefix.size());
    if (path == "/session" || path == "/openapi.json") return Server::HandlerResponse::Unhandled;
    const auto by_account = DatabaseHasAccounts();
    if (!by_account) {
      SendError(response, by_account.error());
      return Server::HandlerResponse::Handled;
    }
    // The server's token names no member: on a database with accounts only
    // a member's session signs in, on loopback too.
    if (!*by_account) {
      if (const auto signed_in = AdmitBearer(request, response)) return *signed_in;
    }
    const auto session = LiveSession(SessionIdOf(request));
    if (!session) {
      SendError(response, session.error());
      return Server::HandlerResponse::Handled;
    }
    if (*by_account) {
      if (!*session || !(*session)->member) {
        SendHttpError(response, 401, "unauthorized",
                      "sign in with your account: POST /api/v1/session {\"account\", \"password\", "
                      "\"workspace\"}");
        return Server::HandlerResponse::Handled;
      }
      t_member = (*session)->member;
    }
    if (state_.auth_required && !*session) {
      SendHttpError(response, 401, "unauthorized", "sign in first: POST /api/v1/session");
      return Server::HandlerResponse::Handled;
    }
    if (IsWrite(request.method) &&
        (!*session ||
         !SameSecret(request.get_header_value(std::string(kCsrfHeader).c_str()), (*session)->csrf_token))) {
      SendHttpError(response, 403, "csrf",
                    "writes need the X-CSRF-Token header with the token from GET /api/v1/session");
      return Server::HandlerResponse::Handled;
    }
    return Server::HandlerResponse::Unhandled;
  }

  // A request with the server's token passes (Unhandled); too many wrong
  // tokens from its address are answered here (Handled); none otherwise.
  std::optional<httplib::Server::HandlerResponse> AdmitBearer(const httplib::Request& request,
                                                              httplib::Response& response) {
    const std::string bearer = BearerTokenOf(request);
    if (bearer.empty()) return std::nullopt;
    const SignInAttempt attempt = CheckBearerToken(state_.throttle, request.remote_addr, bearer, state_.token,
                                                   std::chrono::steady_clock::now());
    if (attempt.accepted) return httplib::Server::HandlerResponse::Unhandled;
    if (attempt.retry_after.count() > 0) {
      SendTooManyAttempts(response, attempt.retry_after);
      return httplib::Server::HandlerResponse::Handled;
    }
    return std::nullopt;
  }

  // CardDAV clients are no browsers: they sign in on every request (HTTP
  // Basic with an app password or the web password, or the server's token
  // as a bearer token),
  // never with the web app's cookie and CSRF token. Without any credential
  // set up, only a loopback server answers them (AdmitSyncClient).
  httplib::Server::HandlerResponse AdmitCardDavClient(const httplib::Request& request,
                                                      httplib::Response& response) {
    using httplib::Server;
    if (IsCrossSiteRequest(request)) {
      SendHttpError(response, 403, "cross_origin", "CardDAV does not answer other sites' pages");
      return Server::HandlerResponse::Handled;
    }
    const auto by_account = DatabaseHasAccounts();
    if (!by_account) {
      SendError(response, by_account.error());
      return Server::HandlerResponse::Handled;
    }
    if (*by_account) {
      return AdmitSyncMember(request, response, state_, *pool_, t_member) ? Server::HandlerResponse::Unhandled
                                                                          : Server::HandlerResponse::Handled;
    }
    if (const auto signed_in = AdmitBearer(request, response)) return *signed_in;
    return AdmitSyncClient(request, response, state_, *pool_) ? Server::HandlerResponse::Unhandled
                                                              : Server::HandlerResponse::Handled;
  }

  // Whether the database has accounts, so every request must act as a
  // member. Accounts are never taken away, so once seen the answer is
  // kept (and connections rest as nobody from then on); until then it is
  // asked again, so accounts added while the server runs take effect at
  // once.
  Result<bool> DatabaseHasAccounts() {
    if (state_.by_account) return true;
    if (!pool_->Shared()) return false;  // a personal file: one person, always
    bool has = false;
    {
      StorePool::Lease lease = pool_->Borrow(Access::kRead);
      KITH_RETURN_IF_ERROR(lease.acting());
      KITH_ASSIGN_OR_RETURN(has, SignsInByAccount(lease.context()));
    }
    if (has) {
      pool_->RestAsNobody();
      state_.by_account = true;
    }
    return has;
  }

  // The live session of a cookie, read on a read-only connection; its
  // last-seen time is written when it is stale. None for no cookie. A
  // member's session this server remembers is not read: t_claim is set,
  // and the handler's lease acts on it only if the database finds it
  // still holds (Handle).
  Result<std::optional<LiveWebSession>> LiveSession(const std::string& id) {
    if (id.empty()) return std::optional<LiveWebSession>();
    if (state_.by_account) {
      if (auto recalled = remembered_.Recall(id, pool_->clock(), state_.limits)) {
        t_claim = recalled->claim;
        return std::optional<LiveWebSession>(LiveWebSession{std::move(recalled->csrf_token), false,
                                                            recalled->claim.id_hash, 0, 0,
                                                            std::move(recalled->member)});
      }
    }
    std::optional<LiveWebSession> live;
    {
      StorePool::Lease lease = pool_->Borrow(Access::kRead);
      KITH_RETURN_IF_ERROR(lease.acting());
      KITH_ASSIGN_OR_RETURN(live, FindLiveWebSession(lease.context(), id, state_.limits));
    }
    if (live && live->needs_touch) {
      StorePool::Lease lease = pool_->Borrow(Access::kWrite);
      // A failed touch only lets the session idle out sooner; the request
      // itself is still good.
      (void)TouchWebSession(lease.context(), id);
    }
    if (live && state_.by_account) remembered_.Remember(id, *live);
    return live;
  }

  // Runs the route's handler over a leased connection. Whatever it throws
  // stops here: a JSON exception (a value of an unexpected type deep in a
  // reader) is the client's 400, anything else the server's 500. Either way
  // the lease has given the connection back and the open transaction has
  // rolled back as the exception unwound, so nothing is written.
  Result<ApiReply> Handle(const Route& route, const httplib::Request& request) {
    try {
      const auto handle = [&](Context& context) -> Result<ApiReply> {
        // Every route that writes refuses a viewer here, before it reads
        // its input, with the sentence of the app's own check (which
        // each write also passes, src/app/access.h): a new writing route
        // cannot forget it (tests/http/viewer_matrix_http_test.cpp).
        if (route.access == Access::kWrite && !OpenToViewers(route)) {
          KITH_RETURN_IF_ERROR(RequireWriter(context, "use " + std::string(MethodName(route.method)) + " " +
                                                          std::string(kApiPrefix) + route.path));
        }
        try {
          return route.handler(request, context);
        } catch (const nlohmann::json::exception& error) {
          return Fail(ErrorCode::kInvalidInput,
                      std::string("the JSON does not have the expected shape: ") + error.what(), "body");
        }
      };
      if (t_claim && t_member) {
        if (auto reply = pool_->WithClaimedMember(route.access, *t_member, *t_claim, handle)) {
          return std::move(*reply);
        }
        // The session changed since this server read it (signed out,
        // expired, the member removed or given another role, on any
        // server): nothing was done as the member. Read it again, as a
        // request of a session not remembered is.
        KITH_RETURN_IF_ERROR(ReadSessionAgain(request));
      }
      return pool_->With(route.access, t_member, handle);
    } catch (...) {
      return Fail(ErrorCode::kInternal, "the server failed on this request; nothing was written");
    }
  }

  // t_member as the cookie's session says now, after its claim was
  // refused; kUnauthorized when it signs no member in any more.
  Status ReadSessionAgain(const httplib::Request& request) {
    t_claim.reset();
    t_member.reset();
    const std::string cookie = SessionIdOf(request);
    remembered_.Forget(cookie);
    KITH_ASSIGN_OR_RETURN(const auto session, LiveSession(cookie));
    if (!session || !session->member) {
      return Fail(
          ErrorCode::kUnauthorized,
          "sign in with your account: POST /api/v1/session {\"account\", \"password\", \"workspace\"}");
    }
    t_member = session->member;
    return Ok();
  }

  void Dispatch(const Route& route, const httplib::Request& request, httplib::Response& response) {
    if (!route.multipart && request.body.size() > options_.max_json_body) {
      SendHttpError(response, 413, "payload_too_large", "the request body is too large", "body");
      return;
    }
    auto reply = Handle(route, request);
    if (!reply) {
      SendError(response, reply.error());
      return;
    }
    response.status = reply->status;
    for (const auto& [name, value] : reply->headers) response.set_header(name.c_str(), value);
    if (!reply->content_type.empty()) {
      if (!reply->filename.empty()) {
        response.set_header("Content-Disposition", "attachment; filename=\"" + reply->filename + "\"");
      }
      if (reply->stream) {
        SendStreamed(*pool_, t_member, std::move(reply->stream), reply->content_type, response);
        return;
      }
      response.set_content(reply->raw, reply->content_type.c_str());
      return;
    }
    response.set_header("Cache-Control", "no-store");
    if (!reply->json_text.empty()) {
      response.body = std::move(reply->json_text);  // set_content would copy it
      response.headers.erase("Content-Type");
      response.set_header("Content-Type", "application/json; charset=utf-8");
      return;
    }
    response.set_content(reply->body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         "application/json; charset=utf-8");
  }

  void ServeStatic(const httplib::Request& request, httplib::Response& response) {
    if (request.path.starts_with(kApiPrefix) || request.path == "/api") {
      SendHttpError(response, 404, "no_route", "no such route: GET " + request.path);
      return;
    }
    const std::filesystem::path root = options_.assets_directory;
    auto file = ResolveStaticFile(root, request.path);
    if (!file && IsAppRoute(request.path) && request.path.find("..") == std::string::npos) {
      file = ResolveStaticFile(root, "/index.html");
    }
    if (!file) {
      if (request.path == "/") {
        response.set_content(
            "kith: the web app is not built. Run `make run` (or build the kith_web target), "
            "or pass --assets DIR.\n",
            "text/plain; charset=utf-8");
        return;
      }
      response.status = 404;
      response.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    std::ifstream in(file->path, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    response.set_header("Cache-Control",
                        file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    response.set_content(content, file->content_type.c_str());
  }

  ServerOptions options_;
  std::unique_ptr<StorePool> pool_;
  SessionState state_;
  RememberedSessions remembered_;
  std::vector<Route> routes_;
  nlohmann::json openapi_;
  std::unique_ptr<httplib::Server> server_;  // plain or TLS (tls.h)
  int port_ = 0;
  socket_t listening_socket_ = -1;  // cpp-httplib's; it closes it
  std::string public_host_;         // of --public-url: accepted as a Host
  std::atomic<bool> running_ = false;
  std::atomic<bool> stop_requested_ = false;
};

}  // namespace

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options, const Clock& clock) {
  return StartServerWithRoutes(options, clock, {});
}

Result<std::unique_ptr<Server>> StartServerWithRoutes(const ServerOptions& options, const Clock& clock,
                                                      std::vector<Route> extra) {
  KITH_ASSIGN_OR_RETURN(auto pool, StorePool::Open(options.database_path, options.read_connections, clock,
                                                   options.phone_region));
  if (!BindsOnlyLoopback(options.host) && options.token.empty()) {
    auto locked = pool->With(Access::kRead, std::nullopt, [](Context& context) -> Result<ApiReply> {
      KITH_ASSIGN_OR_RETURN(const bool has, SyncNeedsCredentials(context, false, ""));
      return Json(has);
    });
    if (!locked) return tl::unexpected(locked.error());
    if (!locked->body.get<bool>()) {
      return Fail(
          ErrorCode::kInvalidInput,
          "serving on " + options.host +
              " exposes your list to the network: set a password first (`kith passwd`), pass --token, "
              "or add a device (`kith device add NAME`)",
          "host");
    }
  }
  // On a database with accounts every connection rests as nobody from the
  // start (StorePool::RestAsNobody): only a member's request reads a
  // workspace.
  auto by_account = pool->With(Access::kRead, std::nullopt, [](Context& context) -> Result<ApiReply> {
    KITH_ASSIGN_OR_RETURN(const bool has, SignsInByAccount(context));
    return Json(has);
  });
  if (!by_account) return tl::unexpected(by_account.error());
  if (by_account->body.get<bool>()) pool->RestAsNobody();
  // A shared database keeps the failed sign-ins every server counts, on a
  // connection of their own (the requests' connections act as members,
  // and readers are read-only).
  std::unique_ptr<Store> sign_in_counts;
  if (pool->Shared()) {
    KITH_ASSIGN_OR_RETURN(sign_in_counts, OpenStore(options.database_path, OpenIntent::kReadWrite));
  }
  KITH_ASSIGN_OR_RETURN(auto listener, MakeListener(options, ComputingAtOnce(options, *pool)));
  auto server = std::make_unique<HttpServer>(options, std::move(pool), std::move(listener), std::move(extra));
  server->CountSignInsIn(std::move(sign_in_counts));
  KITH_RETURN_IF_ERROR(server->Bind());
  return std::unique_ptr<Server>(std::move(server));
}

std::string ServedUrl(const ServerOptions& options, int port) {
  std::string host = options.host;
  if (host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]") {
    std::array<char, 256> name{};
    host = gethostname(name.data(), name.size() - 1) == 0 ? std::string(name.data()) : "localhost";
  } else if (host.find(':') != std::string::npos && !host.starts_with('[')) {
    host = "[" + host + "]";
  }
  const bool tls = !options.tls_certificate.empty();
  return std::string(tls ? "https://" : "http://") + host + ":" + std::to_string(port);
}

Status ServeUntilSignal(const ServerOptions& options, const Clock& clock,
                        const std::function<void(int port)>& on_listening) {
  // The signals are blocked in every thread and taken by one waiting thread,
  // which stops the server: requests in flight finish, then the database
  // closes as the server is destroyed.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // glibc gives each thread that allocates its own arena (up to 8 per core),
  // and each keeps the most its thread's largest request took: with dozens
  // of workers taking turns, the server's memory grew with the requests
  // served, not with what one needs (a full sync at 100,000 cards: 33 MB of
  // heap with the default, 20 MB with two arenas, the same CPU time).
  constexpr int kArenas = 2;
  mallopt(M_ARENA_MAX, kArenas);
  KITH_ASSIGN_OR_RETURN(auto server, Server::Start(options, clock));
  on_listening(server->port());
  std::atomic<bool> signalled = false;
  std::thread waiter([&server, &signalled, signals] {
    int received = 0;
    sigwait(&signals, &received);
    signalled = true;
    server->Stop();
  });
  Status status = server->Run();
  // Run() can end without a signal (an error): then wake the waiter.
  // The signal is blocked and taken by sigwait: it wakes the waiter, it does
  // not terminate it.
  if (!signalled)
    pthread_kill(waiter.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
  waiter.join();
  server.reset();
  return status;
}

}  // namespace kith::http
