// Business cards from the phone: POST /scan reads an uploaded photo into
// fields, the shape of `kith scan --json`; nothing is saved (saving goes
// through the contact routes).
#include <span>

#include "app/scan.h"
#include "app/scan_json.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

Result<ApiReply> ScanRoute(const httplib::Request& request, Context& context) {
  if (!request.is_multipart_form_data() || !request.has_file("image")) {
    return Fail(ErrorCode::kInvalidInput, "send the photo as multipart/form-data in a field named 'image'",
                "image");
  }
  const auto image = request.get_file_value("image");
  const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(image.content.data()),
                                         image.content.size());
  KITH_ASSIGN_OR_RETURN(const ScannedCard card, ScanCard(context, bytes));
  return Json(ScannedCardToJson(card));
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
}

}  // namespace kith::http
