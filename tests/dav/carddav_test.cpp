// The CardDAV face over a real socket: the request bodies iOS, macOS
// Contacts and DAVx5 send, every method and REPORT, and every error path.
#include <regex>
#include <string>

#include "http/server_fixture.h"

namespace kith::testing {
namespace {

// What iOS asks the principal while it sets an account up.
constexpr const char* kIosPrincipalPropfind = R"(<?xml version="1.0" encoding="UTF-8"?>
<A:propfind xmlns:A="DAV:">
  <A:prop>
    <B:addressbook-home-set xmlns:B="urn:ietf:params:xml:ns:carddav"/>
    <B:directory-gateway xmlns:B="urn:ietf:params:xml:ns:carddav"/>
    <A:displayname/>
    <C:email-address-set xmlns:C="http://calendarserver.org/ns/"/>
    <A:principal-collection-set/>
    <A:principal-URL/>
    <A:resource-id/>
    <A:supported-report-set/>
  </A:prop>
</A:propfind>)";

// What iOS asks the home (Depth 1) to find the books.
constexpr const char* kIosHomePropfind = R"(<?xml version="1.0" encoding="UTF-8"?>
<A:propfind xmlns:A="DAV:">
  <A:prop>
    <A:add-member/>
    <C:bulk-requests xmlns:C="http://me.com/_namespace/"/>
    <A:current-user-privilege-set/>
    <A:displayname/>
    <B:max-image-size xmlns:B="urn:ietf:params:xml:ns:carddav"/>
    <B:max-resource-size xmlns:B="urn:ietf:params:xml:ns:carddav"/>
    <C:me-card xmlns:C="http://calendarserver.org/ns/"/>
    <A:owner/>
    <A:resourcetype/>
    <A:supported-report-set/>
    <A:sync-token/>
  </A:prop>
</A:propfind>)";

// DAVx5's look at a book before it syncs (default namespace, upper-case prefixes).
constexpr const char* kDavx5BookPropfind =
    R"(<?xml version='1.0' encoding='UTF-8' ?><propfind xmlns="DAV:" xmlns:CARD="urn:ietf:params:xml:ns:carddav" )"
    R"(xmlns:CS="http://calendarserver.org/ns/"><prop><CARD:max-resource-size /><supported-report-set />)"
    R"(<CARD:supported-address-data /><CS:getctag /><sync-token /><displayname /><resourcetype /></prop></propfind>)";

std::string Davx5Sync(const std::string& token, int nresults = 0) {
  std::string body = R"(<?xml version='1.0' encoding='UTF-8' ?><sync-collection xmlns="DAV:">)";
  body += token.empty() ? "<sync-token />" : "<sync-token>" + token + "</sync-token>";
  body += "<sync-level>1</sync-level><prop><getetag /></prop>";
  if (nresults > 0) body += "<limit><nresults>" + std::to_string(nresults) + "</nresults></limit>";
  return body + "</sync-collection>";
}

std::string Davx5Multiget(const std::vector<std::string>& hrefs) {
  std::string body =
      R"(<?xml version='1.0' encoding='UTF-8' ?><CARD:addressbook-multiget xmlns="DAV:" )"
      R"(xmlns:CARD="urn:ietf:params:xml:ns:carddav"><prop><getetag /><CARD:address-data /></prop>)";
  for (const std::string& href : hrefs) body += "<href>" + href + "</href>";
  return body + "</CARD:addressbook-multiget>";
}

// A card as an iPhone writes it: grouped labels, a photo, a social profile,
// an X- line kith knows nothing of, TYPE parameters.
constexpr const char* kAppleCard =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.1//EN\r\n"
    "N:Okafor;Ada;;;\r\n"
    "FN:Ada Okafor\r\n"
    "ORG:Acme Robotics;\r\n"
    "TITLE:Engineer\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:ada@acme.example\r\n"
    "item1.X-ABLabel:_$!<Other>!$_\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:+1 312 555 0100\r\n"
    "item2.URL;type=pref:https://ada.example\r\n"
    "item2.X-ABLabel:blog\r\n"
    "X-SOCIALPROFILE;type=twitter:https://twitter.com/ada\r\n"
    "X-PHONETIC-FIRST-NAME:Ah-dah\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRof\r\n"
    " Hh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAA\r\n"
    "UID:6B29FC40-CA47-1067-B31D-00DD010662DA\r\n"
    "END:VCARD\r\n";

std::string SimpleCard(const std::string& uid, const std::string& name, const std::string& email) {
  return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + name + "\r\nN:" + name +
         ";;;;\r\nEMAIL;TYPE=INTERNET:" + email + "\r\nEND:VCARD\r\n";
}

std::string Between(const std::string& text, const std::string& open, const std::string& close) {
  const std::size_t start = text.find(open);
  if (start == std::string::npos) return "";
  const std::size_t end = text.find(close, start + open.size());
  return text.substr(start + open.size(), end - start - open.size());
}

int Count(const std::string& text, const std::string& needle) {
  int count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// A card's lines as one reads them, folds undone.
std::string Unfolded(std::string card) {
  for (std::size_t at = card.find("\r\n "); at != std::string::npos; at = card.find("\r\n ", at))
    card.erase(at, 3);
  return card;
}

class CardDav : public ServerTestOnBothStores {
 protected:
  httplib::Result Dav(const std::string& method, const std::string& path, const std::string& body = "",
                      httplib::Headers headers = {}) {
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.headers = std::move(headers);
    if (!body.empty()) {
      request.body = body;
      if (!request.has_header("Content-Type")) {
        request.set_header("Content-Type", method == "PUT" ? "text/vcard; charset=utf-8" : "application/xml");
      }
    }
    for (const auto& [name, value] : extra_headers_) request.set_header(name, value);
    return client_->send(request);
  }

  std::string Expect207(const httplib::Result& response) {
    EXPECT_TRUE(response);
    if (!response) return "";
    EXPECT_EQ(response->status, 207) << response->body;
    return response->body;
  }

  // The <d:response> of one href in a multistatus body.
  static std::string ResponseOf(const std::string& body, const std::string& href) {
    const std::size_t at = body.find("<d:href>" + href + "</d:href>");
    if (at == std::string::npos) return "";
    const std::size_t start = body.rfind("<d:response>", at);
    return body.substr(start, body.find("</d:response>", at) - start);
  }

  std::string PutCard(const std::string& path, const std::string& card, int status = 201) {
    auto response = Dav("PUT", path, card, {{"If-None-Match", "*"}});
    EXPECT_TRUE(response);
    if (!response) return "";
    EXPECT_EQ(response->status, status) << response->body;
    return response->get_header_value("ETag");
  }

  // A server whose listings stream two cards a chunk, holding `count`
  // cards card0.vcf… ("Person cardN").
  void ServeInPagesOfTwoWithCards(int count) {
    StopServer();
    dav_page_size_ = 2;
    StartServer();
    for (int i = 0; i < count; ++i) {
      const std::string uid = "card" + std::to_string(i);
      PutCard("/dav/books/default/" + uid + ".vcf", SimpleCard(uid, "Person " + uid, uid + "@acme.example"));
    }
  }

  std::string SyncToken(const std::string& body) {
    return Between(body, "<d:sync-token>", "</d:sync-token>");
  }

  httplib::Headers extra_headers_;
};

// Every CardDAV test on both stores: sync tokens, ETags and stored vCards
// come from the store.
KITH_ON_BOTH_STORES(CardDav);

TEST_P(CardDav, WellKnownRedirectsToTheRoot) {
  for (const char* method : {"GET", "PROPFIND"}) {
    auto response = Dav(method, "/.well-known/carddav");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 301) << method;
    EXPECT_EQ(response->get_header_value("Location"), "/dav/") << method;
  }
}

TEST_P(CardDav, OptionsAdvertisesAddressbook) {
  auto response = Dav("OPTIONS", "/dav/");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("DAV"), "1, 3, addressbook");
  EXPECT_TRUE(Has(response->get_header_value("Allow"), "PROPFIND"));
  EXPECT_TRUE(Has(response->get_header_value("Allow"), "REPORT"));
}

TEST_P(CardDav, TheRootNamesTheCurrentUserPrincipal) {
  const std::string body = Expect207(Dav("PROPFIND", "/dav/",
                                         R"(<d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/>)"
                                         R"(</d:prop></d:propfind>)",
                                         {{"Depth", "0"}}));
  EXPECT_TRUE(
      Has(body, "<d:current-user-principal><d:href>/dav/principal/</d:href></d:current-user-principal>"))
      << body;
}

TEST_P(CardDav, ThePrincipalAnswersIosWithTheHomeAndUnknownPropertiesAs404) {
  const std::string body =
      Expect207(Dav("PROPFIND", "/dav/principal/", kIosPrincipalPropfind, {{"Depth", "0"}}));
  EXPECT_TRUE(
      Has(body, "<card:addressbook-home-set><d:href>/dav/books/</d:href></card:addressbook-home-set>"))
      << body;
  EXPECT_TRUE(Has(body, "<d:principal-URL><d:href>/dav/principal/</d:href></d:principal-URL>"));
  const std::string missing = Between(body, "<d:propstat><d:prop><card:directory-gateway", "</d:propstat>");
  EXPECT_TRUE(Has(missing, "HTTP/1.1 404 Not Found")) << body;
  EXPECT_TRUE(Has(missing, "email-address-set")) << body;
}

TEST_P(CardDav, TheHomeListsTheDefaultBookForIos) {
  const std::string body = Expect207(Dav("PROPFIND", "/dav/books/", kIosHomePropfind, {{"Depth", "1"}}));
  const std::string book = ResponseOf(body, "/dav/books/default/");
  ASSERT_FALSE(book.empty()) << body;
  EXPECT_TRUE(Has(book, "<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>"));
  EXPECT_TRUE(Has(book, "<d:displayname>kith</d:displayname>"));
  EXPECT_TRUE(Has(book, "<card:max-resource-size>4194304</card:max-resource-size>"));
  EXPECT_TRUE(Has(book, "<d:privilege><d:write/></d:privilege>"));
  EXPECT_TRUE(Has(book, "<d:sync-collection/>"));
  EXPECT_TRUE(Has(book, "<d:sync-token>urn:kith:sync:"));
  EXPECT_TRUE(Has(Between(book, "bulk-requests", "</d:propstat>"), "404")) << book;
}

TEST_P(CardDav, TheBookAnswersDavx5WithCtagTokenAndBothVCardVersions) {
  const std::string body =
      Expect207(Dav("PROPFIND", "/dav/books/default/", kDavx5BookPropfind, {{"Depth", "0"}}));
  EXPECT_TRUE(Has(body, "<cs:getctag>")) << body;
  EXPECT_TRUE(Has(body, "version=\"3.0\"/>"));
  EXPECT_TRUE(Has(body, "version=\"4.0\"/>"));
  EXPECT_TRUE(Has(body, "<card:addressbook-multiget/>"));
  EXPECT_TRUE(Has(body, "<card:addressbook-query/>"));
  EXPECT_FALSE(Has(body, "404")) << body;
}

TEST_P(CardDav, PutThenGetGivesBackTheExactBytesAndETag) {
  const std::string etag = PutCard("/dav/books/default/6B29FC40.vcf", kAppleCard);
  ASSERT_FALSE(etag.empty());
  auto response = Dav("GET", "/dav/books/default/6B29FC40.vcf");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, kAppleCard);
  EXPECT_EQ(response->get_header_value("ETag"), etag);
  EXPECT_TRUE(Has(response->get_header_value("Content-Type"), "text/vcard"));
  const json list = Expect(Send("GET", "/api/v1/contacts"), 200);
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["name"], "Ada Okafor");
}

// A client that writes Windows-1252, not UTF-8: kith reads the name, and
// the client gets its own bytes back.
TEST_P(CardDav, ACardInWindows1252IsReadAndGivenBackAsSent) {
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:jose\r\nFN:Jos\xe9 N\xfa\xf1"
      "ez\r\nEND:VCARD\r\n";
  const std::string etag = PutCard("/dav/books/default/jose.vcf", card);
  ASSERT_FALSE(etag.empty());
  auto response = Dav("GET", "/dav/books/default/jose.vcf");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, card);
  const json list = Expect(Send("GET", "/api/v1/contacts"), 200);
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["name"], "José Núñez");
}

TEST_P(CardDav, AStaleClientGets412AndNeverOverwrites) {
  const std::string path = "/dav/books/default/ada.vcf";
  const std::string first = PutCard(path, SimpleCard("ada", "Ada Okafor", "ada@acme.example"));
  auto again = Dav("PUT", path, SimpleCard("ada", "Ada Twice", "ada@acme.example"), {{"If-None-Match", "*"}});
  EXPECT_EQ(again->status, 412);
  auto updated = Dav("PUT", path, SimpleCard("ada", "Ada Newer", "ada@acme.example"), {{"If-Match", first}});
  EXPECT_EQ(updated->status, 204) << updated->body;
  const std::string second = updated->get_header_value("ETag");
  EXPECT_NE(second, first);
  auto stale = Dav("PUT", path, SimpleCard("ada", "Ada Stale", "ada@acme.example"), {{"If-Match", first}});
  EXPECT_EQ(stale->status, 412);
  auto stale_delete = Dav("DELETE", path, "", {{"If-Match", first}});
  EXPECT_EQ(stale_delete->status, 412);
  EXPECT_TRUE(Has(Dav("GET", path)->body, "FN:Ada Newer"));
}

TEST_P(CardDav, ABrokenVCardIsRefusedWithTheReason) {
  auto broken = Dav("PUT", "/dav/books/default/x.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 400);
  EXPECT_TRUE(Has(broken->body, "END:VCARD")) << broken->body;
  auto nameless = Dav("PUT", "/dav/books/default/y.vcf",
                      "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:a@b.example\r\nEND:VCARD\r\n");
  EXPECT_EQ(nameless->status, 400) << nameless->body;
  auto two = Dav("PUT", "/dav/books/default/z.vcf",
                 SimpleCard("z", "A", "a@b.example") + SimpleCard("w", "B", "b@b.example"));
  EXPECT_EQ(two->status, 400);
  EXPECT_TRUE(Has(two->body, "exactly one")) << two->body;
  auto json_body = Dav("PUT", "/dav/books/default/j.vcf", "{}", {{"Content-Type", "application/json"}});
  EXPECT_EQ(json_body->status, 415);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U) << "nothing was written";
}

TEST_P(CardDav, DeleteMovesTheCardToTheTrash) {
  const std::string path = "/dav/books/default/ada.vcf";
  PutCard(path, SimpleCard("ada", "Ada Okafor", "ada@acme.example"));
  const json person = Expect(Send("GET", "/api/v1/contacts"), 200)[0];
  auto removed = Dav("DELETE", path);
  EXPECT_EQ(removed->status, 204);
  EXPECT_EQ(Dav("GET", path)->status, 404);
  const std::string id = std::to_string(person["id"].get<int>());
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts/" + id), 200)["trashed"], true);
  Expect(Send("POST", "/api/v1/contacts/" + id + "/restore"), 200);
  EXPECT_EQ(Dav("GET", path)->status, 200) << "restored from the trash, the card is back";
}

TEST_P(CardDav, VCard4OnRequest) {
  PutCard("/dav/books/default/ada.vcf", SimpleCard("ada", "Ada Okafor", "ada@acme.example"));
  auto four = Dav("GET", "/dav/books/default/ada.vcf", "", {{"Accept", "text/vcard; version=4.0"}});
  EXPECT_TRUE(Has(four->body, "VERSION:4.0")) << four->body;
  auto plain = Dav("GET", "/dav/books/default/ada.vcf");
  EXPECT_TRUE(Has(plain->body, "VERSION:3.0"));
  EXPECT_EQ(four->get_header_value("ETag"), plain->get_header_value("ETag"))
      << "one card, one ETag: a client asking for 4.0 must not refetch every card on every sync";
}

TEST_P(CardDav, AVCard4CardComesBackAsSentWhenAskedFor4) {
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:ada\r\nFN:Ada Okafor\r\nN:Okafor;Ada;;;\r\n"
      "EMAIL;TYPE=work;PREF=1:ada@acme.example\r\nX-CUSTOM-THING:kept\r\nEND:VCARD\r\n";
  PutCard("/dav/books/default/ada.vcf", card);
  const std::string multiget =
      R"(<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/>)"
      R"(<C:address-data content-type="text/vcard" version="4.0"/></D:prop>)"
      R"(<D:href>/dav/books/default/ada.vcf</D:href></C:addressbook-multiget>)";
  const std::string body = Expect207(Dav("REPORT", "/dav/books/default/", multiget));
  EXPECT_TRUE(Has(body, "EMAIL;TYPE=work;PREF=1:ada@acme.example\r\nX-CUSTOM-THING:kept")) << body;
  EXPECT_TRUE(Has(Dav("GET", "/dav/books/default/ada.vcf")->body, "VERSION:3.0")) << "3.0 unless asked";
}

TEST_P(CardDav, ContactsAddedInKithAreServedAsVCard30) {
  const json ada = AddPerson({{"name", "Ada Okafor"}, {"emails", {"ada@acme.example"}}});
  const std::string body = Expect207(
      Dav("PROPFIND", "/dav/books/default/",
          R"(<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>)", {{"Depth", "1"}}));
  const std::string href = "/dav/books/default/" + ada["uid"].get<std::string>() + ".vcf";
  EXPECT_TRUE(Has(ResponseOf(body, href), "<d:getetag>")) << body;
  auto card = Dav("GET", href);
  EXPECT_EQ(card->status, 200);
  EXPECT_TRUE(Has(card->body, "VERSION:3.0"));
  EXPECT_TRUE(Has(card->body, "ada@acme.example"));
}

TEST_P(CardDav, ListingsStreamInChunksAndMissNoCard) {
  constexpr int kCards = 7;
  ServeInPagesOfTwoWithCards(kCards);
  auto listing =
      Dav("PROPFIND", "/dav/books/default/",
          R"(<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>)", {{"Depth", "1"}});
  const std::string body = Expect207(listing);
  EXPECT_EQ(listing->get_header_value("Transfer-Encoding"), "chunked");
  EXPECT_EQ(Count(body, "<d:getetag>"), kCards) << body;
  const std::string sync = Expect207(Dav("REPORT", "/dav/books/default/", Davx5Sync("")));
  EXPECT_EQ(Count(sync, "<d:getetag>"), kCards) << sync;
  for (int i = 0; i < kCards; ++i) {
    const std::string href = "/dav/books/default/card" + std::to_string(i) + ".vcf";
    EXPECT_EQ(Count(body, "<d:href>" + href + "</d:href>"), 1) << href;
    EXPECT_EQ(Count(sync, "<d:href>" + href + "</d:href>"), 1) << href;
  }
  EXPECT_FALSE(Has(sync, "507"));
}

TEST_P(CardDav, MultigetGivesEachCardAnd404ForMissingOnes) {
  PutCard("/dav/books/default/a.vcf", SimpleCard("a", "Ada Okafor", "ada@acme.example"));
  PutCard("/dav/books/default/b.vcf", SimpleCard("b", "Linus Lee", "linus@acme.example"));
  const std::string body = Expect207(Dav(
      "REPORT", "/dav/books/default/",
      Davx5Multiget({"/dav/books/default/a.vcf", "/dav/books/default/b.vcf", "/dav/books/default/gone.vcf"}),
      {{"Depth", "1"}}));
  EXPECT_TRUE(Has(ResponseOf(body, "/dav/books/default/a.vcf"), "FN:Ada Okafor"));
  EXPECT_TRUE(Has(ResponseOf(body, "/dav/books/default/b.vcf"), "FN:Linus Lee"));
  EXPECT_TRUE(Has(ResponseOf(body, "/dav/books/default/gone.vcf"), "404"));
}

TEST_P(CardDav, AMultigetOfManyCardsAnswersEachHrefInOrder) {
  PutCard("/dav/books/default/a.vcf", SimpleCard("a", "Ada Okafor", "ada@acme.example"));
  PutCard("/dav/books/default/b.vcf", SimpleCard("b", "Linus Lee", "linus@acme.example"));
  PutCard("/dav/books/default/t.vcf", SimpleCard("t", "Grace Hopper", "grace@acme.example"));
  ASSERT_EQ(Dav("DELETE", "/dav/books/default/t.vcf")->status, 204);
  const std::vector<std::string> hrefs = {"/dav/books/default/gone.vcf", "/dav/books/default/b.vcf",
                                          "/dav/books/other/a.vcf",      "/dav/books/default/t.vcf",
                                          "/dav/books/default/a.vcf",    "/dav/books/default/b.vcf"};
  const std::string body =
      Expect207(Dav("REPORT", "/dav/books/default/", Davx5Multiget(hrefs), {{"Depth", "1"}}));
  // One answer per href, in the order asked: cards with their data, a 404
  // for a missing card, another book's href and a card in the trash.
  std::size_t at = 0;
  for (const std::string& href : hrefs) {
    const std::size_t found = body.find("<d:href>" + href + "</d:href>", at);
    ASSERT_NE(found, std::string::npos) << href << " after " << at << ": " << body;
    at = found + 1;
  }
  EXPECT_EQ(Count(body, "FN:Linus Lee"), 2) << body;
  EXPECT_EQ(Count(body, "FN:Ada Okafor"), 1) << body;
  EXPECT_FALSE(Has(body, "Grace Hopper")) << body;
  EXPECT_EQ(Count(body, "404 Not Found"), 3) << body;
}

TEST_P(CardDav, ASyncAskingForCardDataReadsEveryPage) {
  constexpr int kCards = 5;
  ServeInPagesOfTwoWithCards(kCards);
  const std::string sync = Expect207(
      Dav("REPORT", "/dav/books/default/",
          R"(<d:sync-collection xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:sync-token/>)"
          R"(<d:sync-level>1</d:sync-level><d:prop><d:getetag/><card:address-data/></d:prop>)"
          R"(</d:sync-collection>)"));
  for (int i = 0; i < kCards; ++i) {
    const std::string href = "/dav/books/default/card" + std::to_string(i) + ".vcf";
    EXPECT_TRUE(Has(ResponseOf(sync, href), "FN:Person card" + std::to_string(i))) << sync;
  }
  EXPECT_EQ(Count(sync, "BEGIN:VCARD"), kCards);
}

TEST_P(CardDav, QueryFindsCardsByEmailThroughKithsSearch) {
  PutCard("/dav/books/default/a.vcf", SimpleCard("a", "Ada Okafor", "ada@acme.example"));
  PutCard("/dav/books/default/b.vcf", SimpleCard("b", "Linus Lee", "linus@kernel.example"));
  const std::string query =
      R"(<C:addressbook-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/></D:prop>)"
      R"(<C:filter test="anyof"><C:prop-filter name="EMAIL"><C:text-match collation="i;unicode-casemap" )"
      R"(match-type="contains">linus</C:text-match></C:prop-filter></C:filter></C:addressbook-query>)";
  const std::string body = Expect207(Dav("REPORT", "/dav/books/default/", query, {{"Depth", "1"}}));
  EXPECT_FALSE(ResponseOf(body, "/dav/books/default/b.vcf").empty()) << body;
  EXPECT_TRUE(ResponseOf(body, "/dav/books/default/a.vcf").empty()) << body;
  const std::string unsupported =
      R"(<C:addressbook-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/></D:prop>)"
      R"(<C:filter><C:prop-filter name="EMAIL"><C:is-not-defined/></C:prop-filter></C:filter></C:addressbook-query>)";
  auto refused = Dav("REPORT", "/dav/books/default/", unsupported);
  EXPECT_EQ(refused->status, 403);
  EXPECT_TRUE(Has(refused->body, "supported-filter"));
}

// tsdav's fetchVCards lists a book by asking for the cards that have an FN
// (a prop-filter with no text-match): that is every card.
TEST_P(CardDav, AQueryForCardsWithAnFnListsEveryCard) {
  PutCard("/dav/books/default/a.vcf", SimpleCard("a", "Ada Okafor", "ada@acme.example"));
  PutCard("/dav/books/default/b.vcf", SimpleCard("b", "Linus Lee", "linus@kernel.example"));
  const std::string tsdav =
      R"(<?xml version="1.0" encoding="UTF-8"?><card:addressbook-query xmlns:card="urn:ietf:params:xml:ns:carddav" )"
      R"(xmlns:d="DAV:"><d:prop><d:getetag/></d:prop><card:filter><card:prop-filter name="FN"/></card:filter>)"
      R"(</card:addressbook-query>)";
  const std::string body = Expect207(Dav("REPORT", "/dav/books/default/", tsdav, {{"Depth", "1"}}));
  EXPECT_TRUE(Has(ResponseOf(body, "/dav/books/default/a.vcf"), "<d:getetag>")) << body;
  EXPECT_TRUE(Has(ResponseOf(body, "/dav/books/default/b.vcf"), "<d:getetag>")) << body;
  const std::string email_defined =
      R"(<card:addressbook-query xmlns:card="urn:ietf:params:xml:ns:carddav" xmlns:d="DAV:"><d:prop><d:getetag/>)"
      R"(</d:prop><card:filter><card:prop-filter name="EMAIL"/></card:filter></card:addressbook-query>)";
  auto refused = Dav("REPORT", "/dav/books/default/", email_defined, {{"Depth", "1"}});
  EXPECT_EQ(refused->status, 400);
  EXPECT_TRUE(Has(refused->body, "FN or N")) << refused->body;
}

TEST_P(CardDav, SyncCollectionReportsChangesAndDeletionsSinceAToken) {
  PutCard("/dav/books/default/a.vcf", SimpleCard("a", "Ada Okafor", "ada@acme.example"));
  PutCard("/dav/books/default/b.vcf", SimpleCard("b", "Linus Lee", "linus@acme.example"));
  PutCard("/dav/books/default/c.vcf", SimpleCard("c", "Grace Hopper", "grace@acme.example"));
  const std::string initial = Expect207(Dav("REPORT", "/dav/books/default/", Davx5Sync("")));
  EXPECT_EQ(Count(initial, "<d:response>"), 3) << initial;
  const std::string token = SyncToken(initial);
  ASSERT_FALSE(token.empty());

  const std::string unchanged = Expect207(Dav("REPORT", "/dav/books/default/", Davx5Sync(token)));
  EXPECT_EQ(Count(unchanged, "<d:response>"), 0) << unchanged;
  EXPECT_EQ(SyncToken(unchanged), token);

  // An edit in kith (the JSON API) and a delete from another device.
  const json people = Expect(Send("GET", "/api/v1/contacts"), 200);
  for (const json& person : people) {
    if (person["name"] == "Linus Lee") {
      Expect(Send("PATCH", "/api/v1/contacts/" + std::to_string(person["id"].get<int>()),
                  R"({"title": "Maintainer"})"),
             200);
    }
  }
  EXPECT_EQ(Dav("DELETE", "/dav/books/default/c.vcf")->status, 204);
  const std::string changes = Expect207(Dav("REPORT", "/dav/books/default/", Davx5Sync(token)));
  EXPECT_EQ(Count(changes, "<d:response>"), 2) << changes;
  EXPECT_TRUE(Has(ResponseOf(changes, "/dav/books/default/b.vcf"), "<d:getetag>"));
  EXPECT_TRUE(Has(ResponseOf(changes, "/dav/books/default/c.vcf"), "HTTP/1.1 404 Not Found"));
  EXPECT_NE(SyncToken(changes), token);
}

TEST_P(CardDav, ABadSyncTokenIs403ValidSyncToken) {
  for (const std::string token :
       {"urn:kith:sync:999999", "http://other.example/sync/1", "urn:kith:sync:-1"}) {
    auto response = Dav("REPORT", "/dav/books/default/", Davx5Sync(token));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 403) << token;
    EXPECT_TRUE(Has(response->body, "<d:valid-sync-token/>")) << response->body;
  }
}

TEST_P(CardDav, ATruncatedSyncIs507WithATokenToContinue) {
  for (const char* uid : {"a", "b", "c"}) {
    PutCard("/dav/books/default/" + std::string(uid) + ".vcf",
            SimpleCard(uid, std::string("Person ") + uid, std::string(uid) + "@acme.example"));
  }
  const std::string first = Expect207(Dav("REPORT", "/dav/books/default/", Davx5Sync("", 2)));
  EXPECT_TRUE(Has(ResponseOf(first, "/dav/books/default/"), "507")) << first;
  EXPECT_EQ(Count(first, "<d:getetag>"), 2);
  const std::string rest = Expect207(Dav("REPORT", "/dav/books/default/", Davx5Sync(SyncToken(first))));
  EXPECT_EQ(Count(rest, "<d:getetag>"), 1) << rest;
  EXPECT_TRUE(Has(ResponseOf(rest, "/dav/books/default/c.vcf"), "<d:getetag>"));
}

TEST_P(CardDav, BooksAreTagsMadeRenamedAndDeletedByClients) {
  const std::string mkcol =
      R"(<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">)"
      R"(<D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>)"
      R"(<D:displayname>Mentors</D:displayname></D:prop></D:set></D:mkcol>)";
  EXPECT_EQ(Dav("MKCOL", "/dav/books/mentors/", mkcol)->status, 201);
  EXPECT_EQ(Dav("MKCOL", "/dav/books/mentors/", mkcol)->status, 405) << "it exists";
  const std::string home = Expect207(Dav("PROPFIND", "/dav/books/", kIosHomePropfind, {{"Depth", "1"}}));
  EXPECT_TRUE(Has(ResponseOf(home, "/dav/books/mentors/"), "<d:displayname>Mentors</d:displayname>")) << home;

  PutCard("/dav/books/mentors/ada.vcf", SimpleCard("ada", "Ada Okafor", "ada@acme.example"));
  PutCard("/dav/books/default/linus.vcf", SimpleCard("linus", "Linus Lee", "linus@acme.example"));
  json people = Expect(Send("GET", "/api/v1/contacts?tag=Mentors"), 200);
  ASSERT_EQ(people.size(), 1U);
  EXPECT_EQ(people[0]["name"], "Ada Okafor");
  const std::string members = Expect207(
      Dav("PROPFIND", "/dav/books/mentors/",
          R"(<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>)", {{"Depth", "1"}}));
  EXPECT_EQ(Count(members, "<d:getetag>"), 1) << members;

  const std::string rename =
      R"(<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:displayname>Advisors</D:displayname></D:prop></D:set></D:propertyupdate>)";
  EXPECT_TRUE(Has(Expect207(Dav("PROPPATCH", "/dav/books/mentors/", rename)), "200 OK"));
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts?tag=Advisors"), 200).size(), 1U);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts?tag=Mentors"), 200).size(), 0U);

  EXPECT_EQ(Dav("DELETE", "/dav/books/mentors/")->status, 204);
  people = Expect(Send("GET", "/api/v1/contacts"), 200);
  ASSERT_EQ(people.size(), 1U) << "the book's card went to the trash";
  EXPECT_EQ(people[0]["name"], "Linus Lee");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts?trash=true"), 200).size(), 1U);
  EXPECT_EQ(Dav("DELETE", "/dav/books/default/")->status, 403);
}

TEST_P(CardDav, MacOsMeCardIsAcceptedAndOtherPropertiesRefused) {
  const std::string me_card =
      R"(<A:propertyupdate xmlns:A="DAV:"><A:set><A:prop><C:me-card xmlns:C="http://calendarserver.org/ns/">)"
      R"(<A:href>/dav/books/default/me.vcf</A:href></C:me-card></A:prop></A:set></A:propertyupdate>)";
  EXPECT_TRUE(Has(Expect207(Dav("PROPPATCH", "/dav/books/", me_card)), "HTTP/1.1 200 OK"));
  const std::string other =
      R"(<A:propertyupdate xmlns:A="DAV:"><A:set><A:prop><A:getetag>x</A:getetag></A:prop></A:set></A:propertyupdate>)";
  EXPECT_TRUE(Has(Expect207(Dav("PROPPATCH", "/dav/books/default/", other)), "403 Forbidden"));
}

TEST_P(CardDav, AnAppleCardEditedInKithKeepsWhatKithDoesNotModel) {
  PutCard("/dav/books/default/6B29FC40.vcf", kAppleCard);
  const json ada = Expect(Send("GET", "/api/v1/contacts"), 200)[0];
  Expect(Send("PATCH", "/api/v1/contacts/" + std::to_string(ada["id"].get<int>()), R"({"title": "CTO"})"),
         200);
  auto card = Dav("GET", "/dav/books/default/6B29FC40.vcf");
  ASSERT_EQ(card->status, 200);
  const std::string& body = card->body;
  EXPECT_TRUE(Has(body, "TITLE:CTO\r\n")) << body;
  EXPECT_FALSE(Has(body, "TITLE:Engineer"));
  for (const char* kept :
       {"item1.EMAIL;type=INTERNET;type=pref:ada@acme.example\r\n", "item1.X-ABLabel:_$!<Other>!$_\r\n",
        "TEL;type=CELL;type=VOICE;type=pref:+1 312 555 0100\r\n",
        "item2.URL;type=pref:https://ada.example\r\n", "item2.X-ABLabel:blog\r\n",
        "X-SOCIALPROFILE;type=twitter:https://twitter.com/ada\r\n", "X-PHONETIC-FIRST-NAME:Ah-dah\r\n",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/"
        "2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRof\r\n",
        "PRODID:-//Apple Inc.//iPhone OS 17.1//EN\r\n", "UID:6B29FC40-CA47-1067-B31D-00DD010662DA\r\n"}) {
    EXPECT_TRUE(Has(body, kept)) << kept << "\n" << body;
  }
  EXPECT_NE(card->get_header_value("ETag"), "") << "a new ETag for the edited card";
}

// What an address book says about each value, and the fields beyond kith's
// own: typed and labelled phones and emails, nickname, ORG's units, ROLE,
// birthday, a structured address, a second note.
constexpr const char* kTypedCard =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.1//EN\r\n"
    "N:Okafor;Ada;;;\r\n"
    "FN:Ada Okafor\r\n"
    "NICKNAME:Ace\r\n"
    "ORG:Acme Robotics;Platform;Compilers\r\n"
    "TITLE:Engineer\r\n"
    "ROLE:Mentor\r\n"
    "BDAY:1985-04-12\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:ada@lab.example\r\n"
    "item1.X-ABLabel:Lab\r\n"
    "EMAIL;type=INTERNET;type=HOME:ada@home.example\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:+1 312 555 0100\r\n"
    "item2.TEL:+1 312 555 0199\r\n"
    "item2.X-ABLabel:Assistant\r\n"
    "ADR;type=WORK:;Suite 5;1 Main St;Chicago;IL;60601;USA\r\n"
    "NOTE:Met at the compiler meetup\r\n"
    "NOTE:Prefers mornings\r\n"
    "UID:typed-ada\r\n"
    "END:VCARD\r\n";

// The typed card as kith's API shows it.
void ExpectTypedFields(const json& ada) {
  EXPECT_EQ(ada["nickname"], "Ace") << ada.dump();
  EXPECT_EQ(ada["company"], "Acme Robotics");
  EXPECT_EQ(ada["departments"], json({"Platform", "Compilers"}));
  EXPECT_EQ(ada["role"], "Mentor");
  EXPECT_EQ(ada["birthday"], "1985-04-12");
  ASSERT_EQ(ada["emails"], json({"ada@lab.example", "ada@home.example"}));
  EXPECT_EQ(ada["email_types"][0]["label"], "Lab");
  EXPECT_EQ(ada["email_types"][0]["pref"], 1);
  EXPECT_EQ(ada["email_types"][1]["types"], json({"home"}));
  ASSERT_EQ(ada["phones"], json({"+1 312 555 0100", "+1 312 555 0199"}));
  EXPECT_EQ(ada["phone_types"][0]["types"], json({"cell", "voice"}));
  EXPECT_EQ(ada["phone_types"][0]["pref"], 1);
  EXPECT_EQ(ada["phone_types"][1]["label"], "Assistant");
  ASSERT_EQ(ada["addresses"].size(), 1U);
  EXPECT_EQ(ada["addresses"][0]["types"], json({"work"}));
  EXPECT_EQ(ada["addresses"][0]["street"], "1 Main St");
  EXPECT_EQ(ada["addresses"][0]["extended"], "Suite 5");
  EXPECT_EQ(ada["addresses"][0]["postal_code"], "60601");
}

TEST_P(CardDav, ATypedCardKeepsItsTypesLabelsAndFieldsInEitherVersion) {
  PutCard("/dav/books/default/typed-ada.vcf", kTypedCard);
  const json ada = Expect(Send("GET", "/api/v1/contacts"), 200)[0];
  ExpectTypedFields(ada);

  // Asked for 4.0, the card is kith's own, translated: every type, label
  // and field is still there, in 4.0's spelling.
  auto four = Dav("GET", "/dav/books/default/typed-ada.vcf", "", {{"Accept", "text/vcard; version=4.0"}});
  ASSERT_EQ(four->status, 200);
  for (const char* line :
       {"VERSION:4.0\r\n", "UID:typed-ada\r\n", "NICKNAME:Ace\r\n",
        "ORG:Acme Robotics;Platform;Compilers\r\n", "TITLE:Engineer\r\n", "ROLE:Mentor\r\n",
        "BDAY:19850412\r\n", ".EMAIL;PREF=1:ada@lab.example\r\n", ".X-ABLabel:Lab\r\n",
        "EMAIL;TYPE=home:ada@home.example\r\n", "TEL;TYPE=cell,voice;PREF=1:+1 312 555 0100\r\n",
        ".TEL:+1 312 555 0199\r\n", ".X-ABLabel:Assistant\r\n",
        "ADR;TYPE=work:;Suite 5;1 Main St;Chicago;IL;60601;USA\r\n", "NOTE:Met at the compiler meetup\r\n",
        "NOTE:Prefers mornings\r\n"}) {
    EXPECT_TRUE(Has(four->body, line)) << line << "\n" << four->body;
  }
  EXPECT_FALSE(Has(four->body, "X-KITH-CUSTOM")) << four->body;
  EXPECT_FALSE(Has(four->body, "type=")) << "no 3.0 spelling copied into 4.0\n" << four->body;

  // A client that writes 4.0 puts that card back: nothing is lost, and 3.0
  // readers get it in their own spelling.
  auto put = Dav("PUT", "/dav/books/default/typed-ada.vcf", four->body,
                 {{"If-Match", four->get_header_value("ETag")}});
  ASSERT_EQ(put->status, 204) << put->body;
  ExpectTypedFields(Expect(Send("GET", "/api/v1/contacts/" + std::to_string(ada["id"].get<int>())), 200));
  auto three = Dav("GET", "/dav/books/default/typed-ada.vcf");
  for (const char* line :
       {"VERSION:3.0\r\n", "BDAY:1985-04-12\r\n", "EMAIL;TYPE=INTERNET,home:ada@home.example\r\n",
        "TEL;TYPE=cell,voice,pref:+1 312 555 0100\r\n", ".X-ABLabel:Assistant\r\n",
        "ORG:Acme Robotics;Platform;Compilers\r\n", "ROLE:Mentor\r\n"}) {
    EXPECT_TRUE(Has(three->body, line)) << line << "\n" << three->body;
  }
  EXPECT_FALSE(Has(three->body, "PREF=")) << "no 4.0 spelling in 3.0\n" << three->body;
}

TEST_P(CardDav, AKithEditOfATypedCardKeepsTheOtherValuesTypes) {
  PutCard("/dav/books/default/typed-ada.vcf", kTypedCard);
  const json ada = Expect(Send("GET", "/api/v1/contacts"), 200)[0];
  const std::string path = "/api/v1/contacts/" + std::to_string(ada["id"].get<int>());
  Expect(Send("PATCH", path, R"({"title": "CTO", "emails": ["ada@lab.example"]})"), 200);
  for (const auto& accept : {std::string(), std::string("text/vcard; version=4.0")}) {
    httplib::Headers headers;
    if (!accept.empty()) headers.emplace("Accept", accept);
    auto card = Dav("GET", "/dav/books/default/typed-ada.vcf", "", headers);
    ASSERT_EQ(card->status, 200);
    const std::string& body = card->body;
    EXPECT_TRUE(Has(body, "TITLE:CTO\r\n")) << body;
    EXPECT_FALSE(Has(body, "ada@home.example")) << body;
    EXPECT_TRUE(Has(body, "ada@lab.example")) << body;
    EXPECT_TRUE(Has(body, ".X-ABLabel:Lab\r\n")) << body;
    EXPECT_TRUE(Has(body, ".X-ABLabel:Assistant\r\n")) << body;
    EXPECT_TRUE(Has(body, "ROLE:Mentor\r\n")) << body;
    EXPECT_TRUE(Has(body, "ORG:Acme Robotics;Platform;Compilers\r\n")) << body;
    EXPECT_TRUE(Has(body, "NICKNAME:Ace\r\n")) << body;
  }
}

TEST_P(CardDav, APhoneEditKeepsWhatOnlyKithKnows) {
  const json ada =
      AddPerson({{"name", "Ada Okafor"}, {"met_at", "RustConf"}, {"skills", {"C++"}}, {"tags", {"mentor"}}});
  const std::string href = "/dav/books/default/" + ada["uid"].get<std::string>() + ".vcf";
  auto card = Dav("GET", href);
  const std::string etag = card->get_header_value("ETag");
  // The phone sends back only what it keeps: names and a new email.
  auto put = Dav("PUT", href, SimpleCard(ada["uid"].get<std::string>(), "Ada Okafor", "ada@new.example"),
                 {{"If-Match", etag}});
  EXPECT_EQ(put->status, 204) << put->body;
  const json after = Expect(Send("GET", "/api/v1/contacts/" + std::to_string(ada["id"].get<int>())), 200);
  EXPECT_EQ(after["met_at"], "RustConf") << after.dump();
  EXPECT_EQ(after["skills"], json({"C++"}));
  EXPECT_EQ(after["tags"], json({"mentor"}));
  EXPECT_EQ(after["emails"], json({"ada@new.example"}));
}

TEST_P(CardDav, ACardWithOneBadValueIsKeptWithTheValueSetAside) {
  // An email without '@' beside a good one, and a date kith cannot read:
  // the phone's card is kept, the bad values stay on it as raw fields.
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bad-value\r\nFN:Ada Okafor\r\nN:Okafor;Ada;;;\r\n"
      "EMAIL;TYPE=INTERNET:ada@acme.example\r\nEMAIL;TYPE=INTERNET:ada at acme\r\n"
      "X-KITH-MET-ON:last spring\r\nTEL;TYPE=CELL:+1 312 555 0100\r\nEND:VCARD\r\n";
  const std::string path = "/dav/books/default/bad-value.vcf";
  const std::string etag = PutCard(path, card, 201);
  EXPECT_FALSE(etag.empty());
  const json list = Expect(Send("GET", "/api/v1/contacts"), 200);
  ASSERT_EQ(list.size(), 1U);
  const json ada = Expect(Send("GET", "/api/v1/contacts/" + std::to_string(list[0]["id"].get<int>())), 200);
  EXPECT_EQ(ada["emails"], json({"ada@acme.example"}));
  EXPECT_EQ(ada["phones"], json({"+1 312 555 0100"}));
  EXPECT_TRUE(ada["met_on"].is_null());
  EXPECT_EQ(ada["custom"], json({{{"label", "raw EMAIL"}, {"value", "ada at acme"}},
                                 {{"label", "raw X-KITH-MET-ON"}, {"value", "last spring"}}}))
      << ada["custom"].dump();

  // The phone gets its card back as it sent it, the bad value included.
  auto got = Dav("GET", path);
  ASSERT_EQ(got->status, 200);
  EXPECT_EQ(got->body, card);
  EXPECT_EQ(got->get_header_value("ETag"), etag);
  // CardDAV cannot tell the phone, so the server's log says where, never
  // what: the card's href, each property and its line.
  const std::vector<std::string> reports = Reports();
  ASSERT_EQ(reports.size(), 1U);
  EXPECT_EQ(
      reports[0],
      "CardDAV PUT /dav/books/default/bad-value.vcf: set aside EMAIL (line 7), X-KITH-MET-ON (line 8), which "
      "failed their check: kept on the card as raw fields (\"Other fields\")");
  EXPECT_EQ(reports[0].find("ada at acme"), std::string::npos) << "a card's value is never logged";
  // In the other version it is kith's own card, with the value as a raw field.
  auto four = Dav("GET", path, "", {{"Accept", "text/vcard; version=4.0"}});
  EXPECT_TRUE(Has(Unfolded(four->body), "X-KITH-CUSTOM;X-LABEL=\"raw EMAIL\":ada at acme\r\n")) << four->body;

  // Sent again unchanged, the value is kept once, not twice.
  auto again = Dav("PUT", path, card, {{"If-Match", etag}});
  EXPECT_EQ(again->status, 204) << again->body;
  const json after = Expect(Send("GET", "/api/v1/contacts/" + std::to_string(list[0]["id"].get<int>())), 200);
  EXPECT_EQ(after["custom"].size(), 2U) << after["custom"].dump();
}

TEST_P(CardDav, AnAddressKeepsItsDeliveryLabelInEitherVersion) {
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:labelled\r\nFN:Ada Okafor\r\nN:Okafor;Ada;;;\r\n"
      "ADR;TYPE=work;LABEL=\"Ada Okafor^nSuite 5, 1 Main St^nChicago, IL 60601\":;Suite 5;1 Main "
      "St;Chicago;IL;"
      "60601;USA\r\nEND:VCARD\r\n";
  PutCard("/dav/books/default/labelled.vcf", card);
  const json ada = Expect(Send("GET", "/api/v1/contacts"), 200)[0];
  ASSERT_EQ(ada["addresses"].size(), 1U);
  EXPECT_EQ(ada["addresses"][0]["delivery_label"], "Ada Okafor\nSuite 5, 1 Main St\nChicago, IL 60601");
  EXPECT_EQ(ada["addresses"][0]["street"], "1 Main St");

  // 3.0 has no LABEL parameter: the label is a LABEL property beside its ADR.
  auto three = Dav("GET", "/dav/books/default/labelled.vcf");
  ASSERT_EQ(three->status, 200);
  EXPECT_TRUE(Has(Unfolded(three->body), "ADR;TYPE=work:;Suite 5;1 Main St;Chicago;IL;60601;USA\r\n"))
      << three->body;
  EXPECT_TRUE(Has(Unfolded(three->body),
                  "LABEL;TYPE=work:Ada Okafor\\nSuite 5\\, 1 Main St\\nChicago\\, IL 60601\r\n"))
      << three->body;
  // A 3.0 client puts it back: the LABEL goes to its address again, and a
  // 4.0 reader gets it as ADR's parameter.
  auto put = Dav("PUT", "/dav/books/default/labelled.vcf", three->body,
                 {{"If-Match", three->get_header_value("ETag")}});
  ASSERT_EQ(put->status, 204) << put->body;
  const json back = Expect(Send("GET", "/api/v1/contacts/" + std::to_string(ada["id"].get<int>())), 200);
  EXPECT_EQ(back["addresses"], ada["addresses"]);
  EXPECT_EQ(back["vcard_properties"], json::array()) << "the LABEL line is the address's, not kept apart";
  auto four = Dav("GET", "/dav/books/default/labelled.vcf", "", {{"Accept", "text/vcard; version=4.0"}});
  EXPECT_TRUE(Has(Unfolded(four->body), "LABEL=\"Ada Okafor^nSuite 5, 1 Main St^nChicago, IL 60601\""))
      << four->body;
}

TEST_P(CardDav, WithATokenDavClientsMustSignIn) {
  StopServer();
  StartServer("0.0.0.0", "sesame-sesame");
  auto anonymous = Dav("PROPFIND", "/dav/", "", {{"Depth", "0"}});
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_TRUE(Has(anonymous->get_header_value("WWW-Authenticate"), "realm=\"kith\""));
  extra_headers_ = {{"Authorization", "Bearer sesame-sesame"}};
  EXPECT_EQ(Dav("PROPFIND", "/dav/", "", {{"Depth", "0"}})->status, 207);
  EXPECT_EQ(PutCard("/dav/books/default/a.vcf", SimpleCard("a", "Ada", "ada@acme.example")).empty(), false)
      << "a DAV client sends no Origin and no CSRF token, and may write";
}

// Contacts apps send their first PROPFIND without credentials, hear 401 and
// ask again on the same connection: the refused body must not be read as
// the next request.
TEST_P(CardDav, ARefusedRequestsBodyIsNotReadAsTheNextRequest) {
  StopServer();
  StartServer("0.0.0.0", "sesame-sesame");
  client_->set_keep_alive(true);
  auto anonymous = Dav("PROPFIND", "/dav/", kIosPrincipalPropfind, {{"Depth", "0"}});
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_EQ(anonymous->get_header_value("Connection"), "") << "a short body is skipped, the connection stays";
  extra_headers_ = {{"Authorization", "Bearer sesame-sesame"}};
  for (int again = 0; again < 3; ++again) {
    auto signed_in = Dav("PROPFIND", "/dav/", kIosPrincipalPropfind, {{"Depth", "0"}});
    ASSERT_TRUE(signed_in);
    EXPECT_EQ(signed_in->status, 207) << signed_in->body;
  }
}

TEST_P(CardDav, AWebDavMethodRefusedOutsideDavLeavesTheConnectionUsable) {
  client_->set_keep_alive(true);
  for (int again = 0; again < 3; ++again) {
    auto outside = Dav("PROPFIND", "/", kIosPrincipalPropfind, {{"Depth", "1"}});
    ASSERT_TRUE(outside);
    EXPECT_EQ(outside->status, 405);
    auto inside = Dav("PROPFIND", "/dav/", kIosPrincipalPropfind, {{"Depth", "0"}});
    ASSERT_TRUE(inside);
    EXPECT_EQ(inside->status, 207) << inside->body;
  }
}

TEST_P(CardDav, MethodsKithDoesNotServeAre405) {
  PutCard("/dav/books/default/a.vcf", SimpleCard("a", "Ada Okafor", "ada@acme.example"));
  for (const char* method : {"MOVE", "COPY", "LOCK"}) {
    auto response =
        Dav(method, "/dav/books/default/a.vcf", "", {{"Destination", "/dav/books/default/b.vcf"}});
    ASSERT_TRUE(response) << method;
    EXPECT_EQ(response->status, 405) << method;
    EXPECT_TRUE(Has(response->get_header_value("Allow"), "PROPFIND")) << method;
  }
  EXPECT_EQ(Dav("GET", "/dav/books/default/a.vcf")->status, 200) << "nothing moved";
}

TEST_P(CardDav, WebDavMethodsNeverReachTheApi) {
  OpenSession();
  httplib::Headers headers = Headers();
  headers.emplace("Content-Type", "application/json");
  auto response = Dav("PROPFIND", "/api/v1/contacts", R"({"name": "Ada"})", headers);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 405);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U) << "no contact was made";
}

TEST_P(CardDav, OtherSitesPagesAreRefused) {
  auto response =
      Dav("PROPFIND", "/dav/books/default/", "", {{"Depth", "1"}, {"Sec-Fetch-Site", "cross-site"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 403);
}

TEST_P(CardDav, AForgedTunnelHeaderIsIgnored) {
  auto response =
      client_->Post("/dav/books/default/", {{"X-Kith-Dav-Method", "MKCOL"}}, "", "application/xml");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 405) << "a POST stays a POST";
}

}  // namespace
}  // namespace kith::testing
