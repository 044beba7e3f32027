#include "http/tls.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "http/tls_webdav_server.h"
#include "http/webdav_methods.h"

namespace kith::http {
namespace {

// The last OpenSSL error as text, or `fallback` when it left none.
std::string OpenSslError(const std::string& fallback) {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return fallback;
  char text[256];
  ERR_error_string_n(code, text, sizeof(text));
  return fallback + " (" + text + ")";
}

Status CheckReadable(const std::string& path, const std::string& what, const std::string& flag) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Fail(ErrorCode::kInvalidInput,
                "cannot read the TLS " + what + " '" + path + "': " + std::strerror(errno), flag);
  }
  return Ok();
}

// Never prompt on the terminal for an encrypted key's passphrase: the
// server may run with no one at it. The key then fails to load.
int NoPassphrase(char* /*buffer*/, int /*size*/, int /*rwflag*/, void* /*userdata*/) { return 0; }

}  // namespace

Result<std::unique_ptr<httplib::Server>> MakeListener(const ServerOptions& options,
                                                      std::size_t computing_at_once) {
  const std::string& certificate = options.tls_certificate;
  const std::string& key = options.tls_key;
  // Both carry the WebDAV methods httplib does not know (PROPFIND, REPORT, …).
  if (certificate.empty() && key.empty()) return std::make_unique<WebDavMethodServer>(computing_at_once);
  if (certificate.empty() || key.empty()) {
    return Fail(ErrorCode::kInvalidInput, "--tls-cert and --tls-key go together: give both files or neither",
                certificate.empty() ? "tls-cert" : "tls-key");
  }
  KITH_RETURN_IF_ERROR(CheckReadable(certificate, "certificate", "tls-cert"));
  KITH_RETURN_IF_ERROR(CheckReadable(key, "key", "tls-key"));
  ERR_clear_error();
  Status loaded = Ok();
  auto server = std::make_unique<TlsWebDavMethodServer>(computing_at_once, [&](SSL_CTX& context) {
    SSL_CTX_set_min_proto_version(&context, TLS1_2_VERSION);
    SSL_CTX_set_options(&context, SSL_OP_NO_COMPRESSION | SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION);
    SSL_CTX_set_default_passwd_cb(&context, NoPassphrase);
    if (SSL_CTX_use_certificate_chain_file(&context, certificate.c_str()) != 1) {
      loaded = Fail(ErrorCode::kInvalidInput, OpenSslError("'" + certificate + "' holds no PEM certificate"),
                    "tls-cert");
      return false;
    }
    if (SSL_CTX_use_PrivateKey_file(&context, key.c_str(), SSL_FILETYPE_PEM) != 1) {
      // OpenSSL checks the key against the certificate as it loads it.
      const bool mismatch = ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH;
      loaded = Fail(ErrorCode::kInvalidInput,
                    OpenSslError(mismatch ? "the key '" + key + "' does not belong to the certificate '" +
                                                certificate + "'"
                                          : "'" + key + "' holds no unencrypted PEM private key"),
                    "tls-key");
      return false;
    }
    if (SSL_CTX_check_private_key(&context) != 1) {
      loaded =
          Fail(ErrorCode::kInvalidInput,
               OpenSslError("the key '" + key + "' does not belong to the certificate '" + certificate + "'"),
               "tls-key");
      return false;
    }
    return true;
  });
  if (!loaded) return tl::unexpected(loaded.error());
  if (!server->is_valid()) {
    return Fail(ErrorCode::kInternal, OpenSslError("OpenSSL could not set up TLS"), "tls-cert");
  }
  return std::unique_ptr<httplib::Server>(std::move(server));
}

}  // namespace kith::http
