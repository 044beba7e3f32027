// QR codes in a photo, read with zbar in binary mode: the payload comes back
// as the bytes that were encoded (UTF-8 names intact), not re-guessed as
// Shift-JIS ("ü" would come back as "羹").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scan/pix.h"

namespace kith::scan {

// The payloads of every QR code found in `gray` (8 bpp), in zbar's order.
std::vector<std::string> DecodeQrCodes(Pix* gray);

}  // namespace kith::scan
