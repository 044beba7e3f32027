// Business cards from the phone: POST /scan reads an uploaded photo into
// fields, the shape of `kith scan --json`, saving nothing; POST
// /contacts/scanned adds the person as you checked them, with the photo kept;
// the photo comes back with the contact; your own card as a QR code.
#include <span>
#include <string>

#include "app/contact_pages.h"
#include "app/scan.h"
#include "app/scan_json.h"
#include "formats/bounded_json.h"
#include "formats/contact_json.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

// An entity tag without its quotes ("abc" -> abc); other text as it is.
std::string Unquoted(std::string tag) {
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') return tag.substr(1, tag.size() - 2);
  return tag;
}

// The contact part of a scanned card's upload: a card's fields, a few KB.
constexpr std::size_t kMaxContactPartBytes = std::size_t{64} * 1024;
// A module of the QR code on a phone's screen: ten pixels keep it sharp.
constexpr int kQrModulePixels = 10;

// The photo in the multipart field `image`, as bytes; kInvalidInput when the
// request has none.
Result<std::span<const std::byte>> ImagePart(const httplib::Request& request) {
  if (!request.is_multipart_form_data() || !request.has_file("image")) {
    return Fail(ErrorCode::kInvalidInput, "send the photo as multipart/form-data in a field named 'image'",
                "image");
  }
  const auto& content = request.files.find("image")->second.content;
  return std::span<const std::byte>(reinterpret_cast<const std::byte*>(content.data()), content.size());
}

Result<ApiReply> ScanRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto bytes, ImagePart(request));
  KITH_ASSIGN_OR_RETURN(const ScannedCard card, ScanCard(context, bytes));
  return Json(ScannedCardToJson(card));
}

// The person as checked on the review screen (the JSON of POST /contacts in
// the field `contact`) and the photo they were read from (`image`).
Result<ApiReply> AddScannedRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto bytes, ImagePart(request));
  if (!request.has_file("contact")) {
    return Fail(ErrorCode::kInvalidInput, "send the person as JSON in a multipart field named 'contact'",
                "contact");
  }
  const std::string& text = request.files.find("contact")->second.content;
  if (text.size() > kMaxContactPartBytes) {
    return Fail(ErrorCode::kInvalidInput,
                "the 'contact' field is over " + std::to_string(kMaxContactPartBytes) + " bytes", "contact");
  }
  auto parsed = ParseBoundedJson(text);
  if (!parsed)
    return Fail(ErrorCode::kInvalidInput, "the 'contact' field: " + parsed.error().message, "contact");
  if (!parsed->is_object()) {
    return Fail(ErrorCode::kInvalidInput, "the 'contact' field should be a JSON object", "contact");
  }
  KITH_ASSIGN_OR_RETURN(ContactFields fields, ContactFieldsFromJson(*parsed));
  KITH_ASSIGN_OR_RETURN(nlohmann::json json,
                        PersonAfter(context, AddScannedContact, std::move(fields), bytes));
  return Json(std::move(json), 201);
}

// The browser asks again each time (no-cache) with the ETag it holds, and
// gets 304 without the photo decoded again until the kept photo changes.
Result<ApiReply> CardImageRoute(const httplib::Request& request, Context& context) {
  const std::string known = Unquoted(request.get_header_value("If-None-Match"));
  KITH_ASSIGN_OR_RETURN(const CardPhotoShown photo,
                        CardPhotoToShow(context, ContactId{PathId(request)}, known));
  ApiReply reply;
  reply.headers.emplace_back("ETag", "\"" + photo.tag + "\"");
  reply.headers.emplace_back("Cache-Control", "private, no-cache");
  if (photo.unchanged) {
    reply.status = 304;
    reply.content_type = "application/octet-stream";  // no body: sent as a picture's answer, not JSON
    return reply;
  }
  reply.raw.assign(reinterpret_cast<const char*>(photo.image.bytes.data()), photo.image.bytes.size());
  reply.content_type = photo.image.mime;
  return reply;
}

Result<ApiReply> ShowMyCardRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const MyCard card, ShowMyCard(context, MyCardDetails{}));
  return Json(MyCardToJson(card));
}

Result<ApiReply> SaveMyCardRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  MyCardDetails update;
  const auto read = [&body](const char* name, std::string& into) -> Status {
    KITH_ASSIGN_OR_RETURN(const auto text, TextMember(body, name));
    into = text.value_or("");
    return Ok();
  };
  KITH_RETURN_IF_ERROR(read("name", update.name));
  KITH_RETURN_IF_ERROR(read("title", update.title));
  KITH_RETURN_IF_ERROR(read("company", update.company));
  KITH_RETURN_IF_ERROR(read("email", update.email));
  KITH_RETURN_IF_ERROR(read("phone", update.phone));
  KITH_RETURN_IF_ERROR(read("website", update.website));
  KITH_ASSIGN_OR_RETURN(const MyCard card, ShowMyCard(context, update));
  return Json(MyCardToJson(card));
}

// The QR code changes only when your card does: a phone showing it again
// asks with If-None-Match and gets 304 without the picture.
Result<ApiReply> MyCardQrRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const MyCardPicture picture, MyCardQrPng(context, kQrModulePixels));
  const std::string etag = "\"" + picture.tag + "\"";
  ApiReply reply;
  reply.content_type = "image/png";
  reply.headers.emplace_back("ETag", etag);
  reply.headers.emplace_back("Cache-Control", "private, no-cache");
  if (request.get_header_value("If-None-Match") == etag) {
    reply.status = 304;
    return reply;
  }
  reply.raw.assign(reinterpret_cast<const char*>(picture.png.data()), picture.png.size());
  return reply;
}

}  // namespace

void AddScanRoutes(std::vector<Route>& routes) {
  Route scan{Method::kPost,
             "/scan",
             Access::kRead,
             ScanRoute,
             "Read a business card photo (JPEG, PNG, WebP, TIFF, HEIC) or its QR code into fields; "
             "saves nothing",
             "scan",
             "ScanForm",
             "ScannedCard"};
  scan.multipart = true;
  routes.push_back(scan);
  Route add{Method::kPost,
            "/contacts/scanned",
            Access::kWrite,
            AddScannedRoute,
            "Add the person read from a card, as checked (the JSON of POST /contacts in 'contact'), with "
            "the photo ('image') kept; met today, follow-up tomorrow",
            "scan",
            "ScannedContactForm",
            "Contact"};
  add.multipart = true;
  routes.push_back(add);
  routes.push_back(
      {Method::kGet, "/contacts/{id}/card-image", Access::kRead, CardImageRoute,
       "The photo of the card a contact was scanned from, as a browser shows it (HEIC as JPEG; 404 "
       "when none)",
       "scan", "", "Image"});
  routes.push_back({Method::kGet, "/me/card", Access::kRead, ShowMyCardRoute,
                    "Your own card (kith card --json): its details and the vCard its QR code holds", "scan",
                    "", "MyCard"});
  routes.push_back({Method::kPut, "/me/card", Access::kWrite, SaveMyCardRoute,
                    "Change your card: each non-empty field replaces the one kept", "scan", "MyCard",
                    "MyCard"});
  routes.push_back({Method::kGet, "/me/card/qr", Access::kRead, MyCardQrRoute,
                    "Your card as a QR code (PNG) for another phone's camera; ETag, 304 when unchanged",
                    "scan", "", "Image"});
}

}  // namespace kith::http
