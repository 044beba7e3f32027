// A scanned card as JSON: the `kith scan --json` output and the body of
// POST /api/v1/scan, one shape for both (CLI.md): name, title, company,
// emails, phones (E.164 when placed, else as printed), website, address,
// links [{kind, url}], confidence {field: 0-1}, source ("ocr" or "qr").
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "app/context.h"
#include "app/scan.h"
#include "domain/contact.h"
#include "domain/result.h"
#include "scan/scan.h"

namespace kith {

nlohmann::json ScannedCardToJson(const ScannedCard& card);

// Your own card, the `kith card --json` output and the body of
// GET /api/v1/me/card: name, title, company, email, phone, website, and the
// vCard its QR code holds.
nlohmann::json MyCardToJson(const MyCard& card);

// A contact as the API answers with it: the card (ContactToJson) and
// "has_card_image", whether a photo of their business card is kept (the
// web app shows the photo only then).
Result<nlohmann::json> ContactToJsonWithPhotoFlag(Context& context, const Contact& contact);

// Adds "has_card_image" to each object of `people`, the contacts `ids` in
// that order: one query for the whole page.
Status AddCardImageFlags(Context& context, const std::vector<ContactId>& ids, nlohmann::json& people);

}  // namespace kith
