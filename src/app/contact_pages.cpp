#include "app/contact_pages.h"

#include <string>
#include <utility>
#include <vector>

#include "app/relationship_json.h"
#include "app/relationships.h"
#include "app/results_json.h"
#include "app/scan_json.h"
#include "formats/contact_json.h"

namespace kith {
namespace {

template <typename Item, typename IdOf>
std::vector<ContactId> IdsOf(const std::vector<Item>& items, IdOf id_of) {
  std::vector<ContactId> ids;
  ids.reserve(items.size());
  for (const auto& item : items) ids.push_back(id_of(item));
  return ids;
}

}  // namespace

Result<nlohmann::json> PersonJson(Context& context, ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Contact contact, ResolveContact(context, std::to_string(id.value)));
  KITH_ASSIGN_OR_RETURN(const auto changes, JobChangesOf(context, id));
  KITH_ASSIGN_OR_RETURN(nlohmann::json json, ContactToJsonWithPhotoFlag(context, contact));
  json["job_changes"] = nlohmann::json::array();
  for (const auto& change : changes) json["job_changes"].push_back(JobChangeToJson(change));
  return json;
}

Result<PeoplePage> ListPeoplePage(Context& context, ListQuery query, ListOrder order, PageExtras extras) {
  PeoplePage page;
  std::vector<ContactId> ids;
  if (order == ListOrder::kHealth) {
    KITH_ASSIGN_OR_RETURN(const auto people, ListByHealth(context, query));
    ids = IdsOf(people, [](const ContactWithHealth& person) { return person.contact.id; });
    page.people = ContactsWithHealthToJson(people);
  } else {
    query.sort = StoredSort(order).value_or(ListSort::kName);
    KITH_ASSIGN_OR_RETURN(auto contacts, ListContacts(context, query));
    ids = IdsOf(contacts, [](const Contact& contact) { return contact.id; });
    if (extras.with_health) {
      // Health for the page shown, whatever it is sorted by.
      KITH_ASSIGN_OR_RETURN(const auto scored, WithHealth(context, std::move(contacts)));
      page.people = ContactsWithHealthToJson(scored);
    } else {
      page.people = ContactsToJson(contacts);
    }
  }
  KITH_RETURN_IF_ERROR(AddCardImageFlags(context, ids, page.people));
  if (extras.with_total) {
    KITH_ASSIGN_OR_RETURN(page.total, CountContacts(context, query));
  }
  return page;
}

Result<PeoplePage> SearchPeoplePage(Context& context, const SearchRequest& request, PageExtras extras) {
  PeoplePage page;
  KITH_ASSIGN_OR_RETURN(const auto found, SearchContacts(context, request));
  page.people = FoundContactsToJson(found);
  KITH_RETURN_IF_ERROR(AddCardImageFlags(
      context, IdsOf(found, [](const FoundContact& item) { return item.contact.id; }), page.people));
  if (extras.with_health) {
    std::vector<Contact> contacts;
    contacts.reserve(found.size());
    for (const auto& item : found) contacts.push_back(item.contact);
    KITH_ASSIGN_OR_RETURN(const auto healths, WithHealth(context, std::move(contacts)));
    for (std::size_t i = 0; i < healths.size(); ++i)
      page.people[i]["health"] = HealthToJson(healths[i].health);
  }
  if (extras.with_total) {
    KITH_ASSIGN_OR_RETURN(page.total,
                          CountSearchResults(context, request, static_cast<std::int64_t>(found.size())));
  }
  return page;
}

}  // namespace kith
