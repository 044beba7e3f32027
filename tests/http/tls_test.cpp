// kith serve over HTTPS: a self-signed certificate made here with the
// openssl command line; a TLS client gets through, plain HTTP to the same
// port does not, cookies are Secure, and unusable files are refused with
// what is wrong.
#include <cstdlib>
#include <fstream>

#include "http/server_fixture.h"

namespace kith::testing {
namespace {

class Tls : public ServerTest {
 protected:
  void SetUp() override {}  // each test starts the server it needs

  // A self-signed P-256 certificate for 127.0.0.1 and localhost: cert.pem
  // and key.pem in the test's folder.
  void MakeCertificate(const std::string& stem) {
    const std::string command =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "
        "/CN=localhost "
        "-addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
        Path(stem + "-key.pem") + " -out " + Path(stem + "-cert.pem") + " 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0)  // NOLINT(concurrency-mt-unsafe): the test's only thread
        << "the openssl command line is needed (Debian's openssl package; scripts/install-deps.sh)";
  }

  std::string Path(const std::string& name) const { return (directory_.path() / name).string(); }

  Result<std::unique_ptr<http::Server>> StartTls(const std::string& certificate, const std::string& key) {
    http::ServerOptions options = OptionsFor("127.0.0.1");
    options.threads = 4;
    options.tls_certificate = certificate;
    options.tls_key = key;
    return http::Server::Start(options, clock_);
  }

  void Serve(std::unique_ptr<http::Server> server) {
    server_ = std::move(server);
    thread_ = std::thread([this] { (void)server_->Run(); });
  }

  std::string TlsMessage(const std::string& certificate, const std::string& key) {
    auto started = StartTls(certificate, key);
    EXPECT_FALSE(started);
    if (started) return "(started)";
    EXPECT_EQ(started.error().code, ErrorCode::kInvalidInput);
    return started.error().message;
  }
};

TEST_F(Tls, AClientThatTrustsTheCertificateGetsThroughAndItsCookieIsSecure) {
  MakeCertificate("a");
  auto started = StartTls(Path("a-cert.pem"), Path("a-key.pem"));
  ASSERT_TRUE(started) << started.error().message;
  Serve(std::move(*started));
  httplib::SSLClient client("127.0.0.1", server_->port());
  client.set_ca_cert_path(Path("a-cert.pem").c_str());
  client.enable_server_certificate_verification(true);
  auto session = client.Get("/api/v1/session");
  ASSERT_TRUE(session) << httplib::to_string(session.error());
  EXPECT_EQ(session->status, 200);
  const std::string cookie = session->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
}

TEST_F(Tls, PlainHttpToTheTlsPortGetsNoAnswer) {
  MakeCertificate("a");
  auto started = StartTls(Path("a-cert.pem"), Path("a-key.pem"));
  ASSERT_TRUE(started) << started.error().message;
  Serve(std::move(*started));
  httplib::Client plain("127.0.0.1", server_->port());
  plain.set_read_timeout(5);
  auto response = plain.Get("/api/v1/session");
  EXPECT_FALSE(response) << "plain HTTP got status " << response->status;
}

TEST_F(Tls, APlainServerSetsNoSecureCookie) {
  StartServer();
  auto session = client_->Get("/api/v1/session");
  ASSERT_TRUE(session);
  EXPECT_EQ(session->get_header_value("Set-Cookie").find("Secure"), std::string::npos);
}

TEST_F(Tls, AMissingCertificateIsNamed) {
  MakeCertificate("a");
  const std::string message = TlsMessage(Path("nowhere.pem"), Path("a-key.pem"));
  EXPECT_NE(message.find("nowhere.pem"), std::string::npos) << message;
  EXPECT_NE(message.find("No such file"), std::string::npos) << message;
}

TEST_F(Tls, OnlyOneOfTheTwoFilesIsRefused) {
  MakeCertificate("a");
  EXPECT_NE(TlsMessage(Path("a-cert.pem"), "").find("go together"), std::string::npos);
  EXPECT_NE(TlsMessage("", Path("a-key.pem")).find("go together"), std::string::npos);
}

TEST_F(Tls, AFileThatIsNoCertificateIsRefused) {
  MakeCertificate("a");
  std::ofstream(Path("junk.pem")) << "not a certificate\n";
  const std::string message = TlsMessage(Path("junk.pem"), Path("a-key.pem"));
  EXPECT_NE(message.find("holds no PEM certificate"), std::string::npos) << message;
  const std::string key_message = TlsMessage(Path("a-cert.pem"), Path("junk.pem"));
  EXPECT_NE(key_message.find("holds no unencrypted PEM private key"), std::string::npos) << key_message;
}

TEST_F(Tls, AKeyOfAnotherCertificateIsRefused) {
  MakeCertificate("a");
  MakeCertificate("b");
  const std::string message = TlsMessage(Path("a-cert.pem"), Path("b-key.pem"));
  EXPECT_NE(message.find("does not belong to the certificate"), std::string::npos) << message;
}

}  // namespace
}  // namespace kith::testing
