// The CardDAV face of `kith serve` (RFC 6352 on WebDAV, RFC 6578 sync,
// RFC 6764 discovery): each request is parsed, handed to one src/app/
// action in carddav.h, and answered as WebDAV XML. Paths:
//   /.well-known/carddav  -> redirects to /dav/
//   /dav/                 the root; /dav/principal/ the (only) user
//   /dav/books/           the address book home
//   /dav/books/SEGMENT/   an address book; SEGMENT/UID.vcf a card
#pragma once

#include <functional>

#include <httplib.h>

#include "app/context.h"
#include "domain/result.h"

namespace kith::dav {

enum class DavAccess { kRead, kWrite };
// Runs `body` over a database connection fit for `access` (the server's
// pool), and gives it back however `body` ends.
using WithContext = std::function<void(DavAccess access, const std::function<void(Context&)>& body)>;

struct DavOptions {
  // Responses a sync-collection REPORT gives at most; past it the answer is
  // a 507 with a token to continue from.
  int sync_limit = 10000;
  // Cards read from the store at a time while a listing streams.
  int page_size = 500;
  // Where the face tells the server's operator what a client cannot be
  // told (a PUT card's values set aside): the request's path, properties
  // and lines only, never a card's values. Empty: told to no one.
  std::function<void(const std::string&)> report;
};

// Whether `path` belongs to the CardDAV face (so the server's DAV sign-in
// rules apply to it).
bool IsCardDavPath(const std::string& path);

// What the face takes from the server it is mounted in.
struct DavHost {
  WithContext with_context;
  // The method a request really has: PROPFIND, REPORT, MKCOL and PROPPATCH,
  // which httplib does not know, reach the face tunnelled as POSTs.
  std::function<std::string(const httplib::Request&)> method_of;
  // The server's one table from app errors to HTTP statuses.
  std::function<int(ErrorCode)> status_of;
};

// The face's one handler, given the request's real method. MountCardDav
// registers it; the DAV fuzz target drives it without a socket.
using DavHandler = std::function<void(const std::string& method, const httplib::Request& request,
                                      httplib::Response& response)>;
DavHandler MakeCardDavHandler(DavHost host, DavOptions options = {});

// Registers the face's handlers on `server`.
void MountCardDav(httplib::Server& server, DavHost host, DavOptions options = {});

}  // namespace kith::dav
