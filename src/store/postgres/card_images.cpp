// Card images kept with contacts, on PostgreSQL: the bytes as bytea, sent
// and read in its hex form ("\x…"), since values travel as text.
#include "store/postgres/pg_store.h"

namespace kith::postgres {
namespace {

std::string HexOf(const std::vector<std::byte>& bytes) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string hex = "\\x";
  hex.reserve(2 + bytes.size() * 2);
  for (const std::byte byte : bytes) {
    const auto value = std::to_integer<unsigned>(byte);
    hex += kDigits[value >> 4U];
    hex += kDigits[value & 0xFU];
  }
  return hex;
}

unsigned DigitValue(char digit) {
  if (digit >= '0' && digit <= '9') return static_cast<unsigned>(digit - '0');
  return static_cast<unsigned>(digit - 'a') + 10U;
}

Result<std::vector<std::byte>> BytesOf(std::string_view hex) {
  if (!hex.starts_with("\\x") || hex.size() % 2 != 0) {
    return Fail(ErrorCode::kInternal, "PostgreSQL sent a card image not in bytea's hex form", "db");
  }
  std::vector<std::byte> bytes;
  bytes.reserve((hex.size() - 2) / 2);
  for (std::size_t i = 2; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<std::byte>((DigitValue(hex[i]) << 4U) | DigitValue(hex[i + 1])));
  }
  return bytes;
}

}  // namespace

Status PgStore::SaveCardImage(ContactId id, const CardImageData& image) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const Rows exists, Run("SELECT 1 FROM contacts WHERE workspace_id = $1 AND id = $2",
                                                 Params().Add(id.value)));
    if (exists.empty())
      return Fail(ErrorCode::kNotFound, "no contact #" + std::to_string(id.value), "contact");
    // The card's image is replaced; after a merge a card may hold the other
    // card's image beside its own (merge_journal.cpp), and the newest shows.
    KITH_RETURN_IF_ERROR(
        Run("DELETE FROM card_images WHERE workspace_id = $1 AND contact_id = $2", Params().Add(id.value)));
    KITH_ASSIGN_OR_RETURN(const std::int64_t image_id, NextIds("card_images", 1));
    return Run("INSERT INTO card_images(workspace_id, id, contact_id, mime, bytes, added_on) "
               "VALUES ($1, $2, $3, $4, $5::bytea, $6)",
               Params()
                   .Add(image_id)
                   .Add(id.value)
                   .Add(image.mime)
                   .Add(HexOf(image.bytes))
                   .Add(image.added_on))
        .map([](const Rows&) {});
  });
}

Result<CardImageData> PgStore::CardImage(ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT mime, bytes, added_on FROM card_images "
                            "WHERE workspace_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT 1",
                            Params().Add(id.value)));
  if (rows.empty()) {
    return Fail(ErrorCode::kNotFound, "contact #" + std::to_string(id.value) + " has no card image",
                "contact");
  }
  CardImageData image;
  image.mime = rows.Text(0, 0);
  KITH_ASSIGN_OR_RETURN(image.bytes, BytesOf(rows.Text(0, 1)));
  image.added_on = rows.Text(0, 2);
  return image;
}

}  // namespace kith::postgres
