// Card images kept with contacts, in SQLite.
#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {

Status SqliteStore::SaveCardImage(ContactId id, const CardImageData& image) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto exists, database_->Prepare("SELECT 1 FROM contacts WHERE id = ?1"));
    exists.Bind(1, id.value);
    KITH_ASSIGN_OR_RETURN(const bool found, exists.Step());
    if (!found) return Fail(ErrorCode::kNotFound, "no contact #" + std::to_string(id.value), "contact");
    KITH_ASSIGN_OR_RETURN(auto remove, database_->Prepare("DELETE FROM card_images WHERE contact_id = ?1"));
    remove.Bind(1, id.value);
    KITH_RETURN_IF_ERROR(remove.Run());
    KITH_ASSIGN_OR_RETURN(auto insert,
                          database_->Prepare("INSERT INTO card_images(contact_id, mime, bytes, added_on) "
                                             "VALUES(?1, ?2, ?3, ?4)"));
    insert.Bind(1, id.value).Bind(2, image.mime).BindBlob(3, image.bytes).Bind(4, image.added_on);
    return insert.Run();
  });
}

Result<CardImageData> SqliteStore::CardImage(ContactId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT mime, bytes, added_on FROM card_images "
                                                        "WHERE contact_id = ?1 ORDER BY rowid DESC LIMIT 1"));
  select.Bind(1, id.value);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) {
    return Fail(ErrorCode::kNotFound, "contact #" + std::to_string(id.value) + " has no card image",
                "contact");
  }
  CardImageData image;
  image.mime = select.Text(0);
  image.bytes = select.Blob(1);
  image.added_on = select.Text(2);
  KITH_ASSIGN_OR_RETURN(const bool more, select.Step());
  (void)more;
  return image;
}

Result<std::vector<ContactId>> SqliteStore::WithCardImages(const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT DISTINCT contact_id FROM card_images "
                                           "WHERE contact_id IN (SELECT value FROM json_each(?1))"));
  select.Bind(1, IdsJson(ids));
  return ContactIds(select);
}

}  // namespace kith::sqlite
