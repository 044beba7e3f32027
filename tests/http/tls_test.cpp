// kith serve over HTTPS: a self-signed certificate made here with the
// openssl command line; a TLS client gets through, plain HTTP to the same
// port does not, cookies are Secure, CardDAV's WebDAV methods sync over it
// with an app password, and unusable files are refused with what is wrong.
#include <cstdlib>
#include <fstream>

#include "app/devices.h"
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

  // `client` trusts the certificate MakeCertificate(stem) made, and only it.
  void Trust(httplib::SSLClient& client, const std::string& stem) const {
    client.set_ca_cert_path(Path(stem + "-cert.pem").c_str());
    client.enable_server_certificate_verification(true);
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
  Trust(client, "a");
  auto session = client.Get("/api/v1/session");
  ASSERT_TRUE(session) << httplib::to_string(session.error());
  EXPECT_EQ(session->status, 200);
  const std::string cookie = session->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
}

std::string SyncCollection(const std::string& token) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><sync-collection xmlns="DAV:"><sync-token>)" + token +
         R"(</sync-token><sync-level>1</sync-level><prop><getetag/></prop></sync-collection>)";
}

// What a phone does over HTTPS (once a device is added, every sync request
// must sign in, on loopback too): discovery, the book's listing, a card written, a first sync, the
// card fetched by multiget, then a change and an incremental sync. httplib
// itself refuses PROPFIND and REPORT: this is kith's own TLS server.
TEST_F(Tls, CardDavSyncsOverTlsWithAnAppPassword) {
  MakeCertificate("a");
  std::string password;
  {
    auto store = OpenSqliteStore((directory_.path() / "kith.db").string());
    ASSERT_TRUE(store) << store.error().message;
    Context context{**store, clock_, ""};
    auto added = AddDevice(context, "phone");
    ASSERT_TRUE(added) << added.error().message;
    password = added->password;
  }
  auto started = StartTls(Path("a-cert.pem"), Path("a-key.pem"));
  ASSERT_TRUE(started) << started.error().message;
  Serve(std::move(*started));
  httplib::SSLClient phone("127.0.0.1", server_->port());
  Trust(phone, "a");
  const httplib::Headers signed_in = {{"Authorization", Basic("phone", password)}};
  auto dav = [&](const std::string& method, const std::string& path, const std::string& body,
                 httplib::Headers headers) {
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.headers = std::move(headers);
    request.body = body;
    if (!body.empty()) request.set_header("Content-Type", method == "PUT" ? "text/vcard" : "application/xml");
    return phone.send(request);
  };

  auto anonymous = dav("PROPFIND", "/dav/books/default/", "", {{"Depth", "0"}});
  ASSERT_TRUE(anonymous) << httplib::to_string(anonymous.error());
  EXPECT_EQ(anonymous->status, 401);
  httplib::Headers wrong = {{"Authorization", Basic("phone", "not-the-password")}};
  EXPECT_EQ(dav("PROPFIND", "/dav/books/default/", "", wrong)->status, 401);

  auto discovered = dav("PROPFIND", "/.well-known/carddav", "", signed_in);
  ASSERT_TRUE(discovered) << httplib::to_string(discovered.error());
  EXPECT_EQ(discovered->get_header_value("Location"), "/dav/");
  httplib::Headers depth_one = signed_in;
  depth_one.emplace("Depth", "1");
  auto listing = dav("PROPFIND", "/dav/books/", "", depth_one);
  ASSERT_TRUE(listing);
  EXPECT_EQ(listing->status, 207) << listing->body;
  EXPECT_NE(listing->body.find("/dav/books/default/"), std::string::npos) << listing->body;

  const std::string card =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ada\r\nFN:Ada Okafor\r\nN:Okafor;Ada;;;\r\nEND:VCARD\r\n";
  auto put = dav("PUT", "/dav/books/default/ada.vcf", card, signed_in);
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 201) << put->body;

  auto first = dav("REPORT", "/dav/books/default/", SyncCollection(""), signed_in);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 207) << first->body;
  EXPECT_NE(first->body.find("/dav/books/default/ada.vcf"), std::string::npos) << first->body;
  const std::size_t token_at = first->body.find("<d:sync-token>");
  ASSERT_NE(token_at, std::string::npos) << first->body;
  const std::size_t token_start = token_at + std::string("<d:sync-token>").size();
  const std::string token = first->body.substr(token_start, first->body.find('<', token_start) - token_start);

  const std::string multiget =
      R"(<?xml version="1.0"?><C:addressbook-multiget xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">)"
      R"(<prop><getetag/><C:address-data/></prop><href>/dav/books/default/ada.vcf</href></C:addressbook-multiget>)";
  auto fetched = dav("REPORT", "/dav/books/default/", multiget, signed_in);
  ASSERT_TRUE(fetched);
  EXPECT_EQ(fetched->status, 207);
  EXPECT_NE(fetched->body.find("FN:Ada Okafor"), std::string::npos) << fetched->body;

  const std::string edited = card.substr(0, card.find("END:VCARD")) + "TITLE:CTO\r\nEND:VCARD\r\n";
  httplib::Headers if_match = signed_in;
  if_match.emplace("If-Match", put->get_header_value("ETag"));
  EXPECT_EQ(dav("PUT", "/dav/books/default/ada.vcf", edited, if_match)->status, 204);
  auto changes = dav("REPORT", "/dav/books/default/", SyncCollection(token), signed_in);
  ASSERT_TRUE(changes);
  EXPECT_EQ(changes->status, 207) << changes->body;
  EXPECT_NE(changes->body.find("/dav/books/default/ada.vcf"), std::string::npos) << changes->body;
  EXPECT_EQ(changes->body.find("<d:sync-token>" + token + "<"), std::string::npos) << "the token moved on";
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
