// Which contacts keep a card image, asked for a page of contacts at once,
// so the API can say which cards have a photo without loading any photo.
// Both stores answer it (CardImagePresenceOf never gives nullptr for
// them); it sits beside Store, like BatchedLookups, so the one query the
// contact answers of the API need does not touch the interface every
// layer includes.
#pragma once

#include <vector>

#include "domain/contact.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith {

class CardImagePresence {
 public:
  virtual ~CardImagePresence() = default;
  // Which of `ids` keep a card image, in no order: one query.
  [[nodiscard]] virtual Result<std::vector<ContactId>> WithCardImages(const std::vector<ContactId>& ids) = 0;
};

// The store's answer to which contacts keep a card image; nullptr for a
// store without card images.
inline CardImagePresence* CardImagePresenceOf(Store& store) {
  return dynamic_cast<CardImagePresence*>(&store);
}

}  // namespace kith
