// Bytes on PostgreSQL as bytea, sent and read in its hex form ("\x…"),
// since values travel as text: card images, and the vCards clients send
// (kept byte for byte, whatever their encoding). Internal to
// store/postgres/.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace kith::postgres {

// bytea's hex form of `bytes`, to pass as a parameter ($2::bytea).
std::string ByteaHex(std::span<const std::byte> bytes);
inline std::string ByteaHex(std::string_view bytes) { return ByteaHex(std::as_bytes(std::span(bytes))); }

// The bytes of a bytea column as PostgreSQL sends it; kInternal naming
// `what` when it is not in the hex form.
Result<std::vector<std::byte>> ByteaBytes(std::string_view hex, std::string_view what);
// The same bytes as a string.
Result<std::string> ByteaString(std::string_view hex, std::string_view what);

}  // namespace kith::postgres
