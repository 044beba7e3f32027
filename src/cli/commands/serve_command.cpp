#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/backup.h"
#include "app/devices.h"
#include "app/health_upkeep.h"
#include "app/web_access.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "http/server.h"

#ifndef KITH_WEB_ASSETS_DIR
#define KITH_WEB_ASSETS_DIR ""
#endif

namespace kith::cli {
namespace {

std::string Environment(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read before threads start
  return value == nullptr ? std::string() : std::string(value);
}

struct ServeFlags {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;
  std::string assets;
  int threads = 64;
  std::string backup_every;  // empty: no scheduled backups
  int keep = 7;
  std::string backup_dir;
  std::string tls_certificate;
  std::string tls_key;
  std::string public_url;
};

}  // namespace

Command AddServeCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("serve", "The web app and the JSON API on http://127.0.0.1:8080");
  command->footer(R"(Serves the web app, the JSON API (/api/v1, documented at /api/v1/openapi.json) and
CardDAV for address book apps (/dav/, docs/sync.md) until SIGTERM or Ctrl-C,
which let requests in flight finish. Only 127.0.0.1 is served without a
password: for any other address set one with `kith passwd` or pass --token
(or $KITH_TOKEN).

Examples:
  kith serve
  kith serve --port 9000
  kith passwd && kith serve --host 0.0.0.0      # a phone on the same network
  kith serve --backup-every 24h --keep 7        # kith-YYYYMMDD-HHMMSS.db beside the database
  kith serve --host 0.0.0.0 --port 8443 --tls-cert cert.pem --tls-key key.pem
  kith serve --public-url https://kith.example.net   # behind Caddy or nginx (docs/sync.md)

Phones sync with CardDAV at /dav/ (`kith device add NAME`); calendar apps
subscribe to `kith ics --url`. Phones want HTTPS beyond this machine: give
--tls-cert and --tls-key (PEM), or run kith behind a proxy that terminates TLS.)");
  auto flags = std::make_shared<ServeFlags>();
  command->add_option("--host", flags->host, "Address to listen on (default 127.0.0.1)");
  command->add_option("--port", flags->port, "Port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--token", flags->token, "A secret that signs in (default $KITH_TOKEN)");
  command->add_option("--assets", flags->assets,
                      "The built web app (default $KITH_WEB_ASSETS, else the build's)");
  command->add_option("--threads", flags->threads, "Worker threads (default 64)")->check(CLI::Range(2, 1024));
  command->add_option("--backup-every", flags->backup_every,
                      "Back the database up this often while serving: 90s, 30m, 24h, 7d");
  command->add_option("--keep", flags->keep, "How many scheduled backups to keep (default 7)");
  command->add_option("--backup-dir", flags->backup_dir,
                      "Where scheduled backups go (default: beside the database)");
  command->add_option("--tls-cert", flags->tls_certificate, "Serve HTTPS with this PEM certificate (chain)");
  command->add_option("--tls-key", flags->tls_key, "The PEM private key of --tls-cert (unencrypted)");
  command->add_option("--public-url", flags->public_url,
                      "Where devices reach this server, when a proxy stands in front (https://…)");
  return {
      command, [flags, &globals]() {
        return RunWithSession(
            "serve", globals,
            [&](Session& session) {
              http::ServerOptions options;
              options.database_path = session.database_path();
              options.host = flags->host;
              options.port = flags->port;
              options.threads = flags->threads;
              options.token = flags->token.empty() ? Environment("KITH_TOKEN") : flags->token;
              options.assets_directory = flags->assets;
              if (options.assets_directory.empty()) options.assets_directory = Environment("KITH_WEB_ASSETS");
              if (options.assets_directory.empty()) options.assets_directory = KITH_WEB_ASSETS_DIR;
              options.phone_region = session.context().phone_region;
              options.tls_certificate = flags->tls_certificate;
              options.tls_key = flags->tls_key;
              options.public_url = flags->public_url;
              options.report = [](const std::string& message) {
                std::cerr << "kith serve: " << message << std::endl;
              };
              if (!flags->public_url.empty()) {
                if (auto remembered = RememberServerUrl(session.context(), flags->public_url); !remembered) {
                  return ReportError("serve", remembered.error());
                }
              }
              std::unique_ptr<BackupSchedule> backups;
              if (!flags->backup_every.empty()) {
                const auto every = ParseBackupInterval(flags->backup_every);
                if (!every) {
                  return ReportError("serve", Error{ErrorCode::kInvalidInput,
                                                    "--backup-every '" + flags->backup_every +
                                                        "' is not a duration like 90s, 30m, 24h or 7d",
                                                    "backup-every"});
                }
                auto started = BackupSchedule::Start(
                    {options.database_path, flags->backup_dir, *every, flags->keep}, session.context().clock,
                    [](const Result<BackupDone>& done) {
                      if (done) {
                        std::cout << "kith: backed up to " << done->path << std::endl;
                      } else {
                        std::cerr << "kith serve: backup failed: " << done.error().message << std::endl;
                      }
                    });
                if (!started) return ReportError("serve", started.error());
                backups = std::move(*started);
              }
              // The list by health stays an index walk after imports and as days pass.
              constexpr std::chrono::seconds kHealthRenewal{60};
              auto upkeep = HealthUpkeep::Start(
                  options.database_path, session.context().clock, kHealthRenewal, [](const Error& error) {
                    std::cerr << "kith serve: renewing health scores failed: " << error.message << std::endl;
                  });
              if (!upkeep) return ReportError("serve", upkeep.error());
              auto served = http::ServeUntilSignal(options, session.context().clock, [&](int port) {
                const std::string scheme = options.tls_certificate.empty() ? "http://" : "https://";
                std::cout << "kith: serving " << PrintableLocation(options.database_path) << " on " << scheme
                          << options.host << ":" << port << "/ (Ctrl-C to stop)" << std::endl;
                // Where `kith device add` and `kith ics --url` send devices.
                if (flags->public_url.empty()) {
                  if (auto remembered = RememberServerUrl(session.context(), http::ServedUrl(options, port));
                      !remembered) {
                    std::cerr << "kith serve: " << remembered.error().message << std::endl;
                  }
                }
              });
              if (!served) return ReportError("serve", served.error());
              std::cout << "kith: stopped." << std::endl;
              return 0;
            },
            Scope::kServer);
      }};
}

}  // namespace kith::cli
