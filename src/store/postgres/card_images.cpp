// Card images kept with contacts, on PostgreSQL: the bytes as bytea
// (bytea.h).
#include "store/postgres/bytea.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {

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
                   .Add(ByteaHex(image.bytes))
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
  KITH_ASSIGN_OR_RETURN(image.bytes, ByteaBytes(rows.Text(0, 1), "a card image"));
  image.added_on = rows.Text(0, 2);
  return image;
}

Result<std::vector<ContactId>> PgStore::WithCardImages(const std::vector<ContactId>& ids) {
  return Ids(
      "SELECT DISTINCT contact_id FROM card_images WHERE workspace_id = $1 "
      "AND contact_id = ANY($2::bigint[])",
      Params().Add(IdArray(ids)));
}

}  // namespace kith::postgres
