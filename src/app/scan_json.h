// A scanned card as JSON: the `kith scan --json` output and the body of
// POST /api/v1/scan, one shape for both (CLI.md): name, title, company,
// emails, phones (E.164 when placed, else as printed), website, address,
// links [{kind, url}], confidence {field: 0-1}, source ("ocr" or "qr").
#pragma once

#include <nlohmann/json.hpp>

#include "app/scan.h"
#include "scan/scan.h"

namespace kith {

nlohmann::json ScannedCardToJson(const ScannedCard& card);

// Your own card, the `kith card --json` output and the body of
// GET /api/v1/me/card: name, title, company, email, phone, website, and the
// vCard its QR code holds.
nlohmann::json MyCardToJson(const MyCard& card);

}  // namespace kith
