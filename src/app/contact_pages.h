// People as the API answers with them: one card with what the web app shows
// beside it, and a page of the running list (any order, health included) or
// of search results, each person as ContactToJson with "has_card_image",
// "health" when asked, and the count of all when asked. One call per
// request, so the HTTP face only parses and prints.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/contacts.h"
#include "app/context.h"
#include "app/scan_json.h"
#include "domain/result.h"
#include "search/search.h"
#include "store/store.h"

namespace kith {

// One person, also from the trash: ContactToJson, "has_card_image" and
// "job_changes" (JobChangeToJson, oldest first). kNotFound for an unknown id.
Result<nlohmann::json> PersonJson(Context& context, ContactId id);

// What a contact write (AddContact, AddScannedContact, PatchContact,
// RemoveContact, RestoreContact, SetLink) answers the API with: the card
// it returned as ContactToJson with "has_card_image", so a write route
// makes one call: PersonAfter(context, PatchContact, id, patch).
template <typename Write, typename... Arguments>
Result<nlohmann::json> PersonAfter(Context& context, Write write, Arguments&&... arguments) {
  KITH_ASSIGN_OR_RETURN(const Contact contact, write(context, std::forward<Arguments>(arguments)...));
  return ContactToJsonWithPhotoFlag(context, contact);
}

struct PageExtras {
  bool with_health = false;  // each person's "health" (always there for ListOrder::kHealth)
  bool with_total = false;   // how many there are in all, paging aside
};

struct PeoplePage {
  nlohmann::json people = nlohmann::json::array();
  std::optional<std::int64_t> total;  // set when asked for
};

// The list page `query` in `order` (query.sort is set from it). Errors as
// ListContacts / ListByHealth.
Result<PeoplePage> ListPeoplePage(Context& context, ListQuery query, ListOrder order, PageExtras extras);

// The search page of `request`, each person with "match" as
// FoundContactsToJson. Errors as SearchContacts.
Result<PeoplePage> SearchPeoplePage(Context& context, const SearchRequest& request, PageExtras extras);

}  // namespace kith
