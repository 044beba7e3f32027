// The running list: one function per user action, each in its own file.
// Every action validates first and writes inside one transaction, so a
// failure leaves the database exactly as it was.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.h"
#include "domain/contact.h"
#include "domain/contact_edit.h"
#include "domain/result.h"
#include "search/search.h"
#include "store/store.h"

namespace kith {

// Adds a person. Names are completed (given/family from the display name),
// phones normalised, and every field validated: kInvalidInput names the
// field ("email 'bob@' has no domain"). Returns the stored card.
Result<Contact> AddContact(Context& context, ContactFields request);

// Finds one contact by id ("42", also when it is in the trash) or a live one
// by name ("Ada Okafor", "okafor").
// kNotFound when nothing matches; kConflict when a name matches several
// people, with the candidates (id, name, company) listed in the message.
Result<Contact> ResolveContact(Context& context, std::string_view reference);

// Applies an edit to a live contact; validation as in AddContact.
// kInvalidInput when the edit changes nothing or removes what is not there.
Result<Contact> EditContact(Context& context, ContactId id, const ContactEdit& edit);
// Replaces the fields a partial card names (EditForPatch) and returns the
// card; a patch that changes nothing returns it as it is. kNotFound for an
// unknown id; errors as EditContact.
Result<Contact> PatchContact(Context& context, ContactId id, const ContactPatch& patch);

// Moves a contact to the trash (it leaves lists and search) and back.
Result<Contact> RemoveContact(Context& context, ContactId id);
Result<Contact> RestoreContact(Context& context, ContactId id);
// Deletes everyone in the trash for good (what hangs off them too), in one
// transaction; live contacts are never touched. Returns how many went.
Result<std::int64_t> EmptyTrash(Context& context);

// The orders of the running list, by the names both faces take: "name",
// "met", "last-contact", "added" (stored orders, ListContacts) and "health"
// (computed, ListByHealth in relationships.h, which takes the same filters).
enum class ListOrder { kName, kMetOn, kLastContact, kCreated, kHealth };
// Case ignored; kInvalidInput naming "sort" for anything else.
Result<ListOrder> ParseListOrder(std::string_view name);
// The stored order for `order`; nullopt for kHealth.
std::optional<ListSort> StoredSort(ListOrder order);

// kInvalidInput for a limit below 1 or a negative offset.
Status ValidatePage(const ListQuery& query);
Result<std::vector<Contact>> ListContacts(Context& context, const ListQuery& query);
// The same page as ListContacts, each person as their list line only (name,
// company, city, where and when met): no child rows are read, so a table
// of ten thousand people costs one row each.
Result<std::vector<ContactSummary>> ListContactLines(Context& context, const ListQuery& query);
// How many contacts ListContacts would page through (limit and offset ignored).
Result<std::int64_t> CountContacts(Context& context, const ListQuery& query);

// The list's filters that take a value, and the values a person can pick
// as they type: "tag" (the tags in use, accents and case ignored) and
// "event" (kith's events and the "met at" of live cards, case ignored),
// those starting with `prefix`, the most used first, at most `limit`.
// kInvalidInput naming "field" for another name, "prefix" for a prefix
// over 200 bytes, "limit" for a limit below 1.
enum class FilterField { kTag, kEvent };
Result<FilterField> ParseFilterField(std::string_view name);
Result<std::vector<std::string>> SuggestFilterValues(Context& context, FilterField field,
                                                     std::string_view prefix, int limit);

// The job changes imports noticed for a contact, oldest first.
Result<std::vector<JobChange>> JobChangesOf(Context& context, ContactId id);

// Search hits with their cards, best first (see search/search.h).
struct FoundContact {
  Contact contact;
  SearchHit hit;
};
Result<std::vector<FoundContact>> SearchContacts(Context& context, const SearchRequest& request);
// Search as you type: the hits as slim lines (id, name, company, title) and
// where the words were found, a snippet of that field, best first. Cheaper
// than SearchContacts: one row per person, no card. Errors as Search, and
// kInvalidInput for a limit below 1 or a negative offset.
struct TypeaheadHit {
  ContactId id;
  std::string name;
  std::string company;
  std::string title;
  SearchHit hit;
  std::string snippet_field;  // "name", "company", "title", "email", "city", "met", "note"; empty: none
  std::string snippet;        // that field's text (a note: the part around the word)
};
Result<std::vector<TypeaheadHit>> Typeahead(Context& context, const SearchRequest& request);
// How many people a search finds in all (CountSearchMatches): at least the
// `offset` + `found_on_page` already seen, since typo corrections can add
// hits the count as typed leaves out.
Result<std::int64_t> CountSearchResults(Context& context, const SearchRequest& request,
                                        std::int64_t found_on_page);

// Adds `count` generated, realistic people (deterministic for `seed`) in one
// transaction: a demo network, and data for tests and benchmarks. It comes
// with a little history so Today shows the loop: up to 5 people met at a
// conference yesterday (their follow-ups due today), and coffees months ago
// with up to 30 others, 4 of them on a monthly cadence (reconnects due).
Result<std::int64_t> GenerateContacts(Context& context, std::int64_t count, std::uint64_t seed);

// RFC 9562 version 7 UUIDs, for contacts' stable uids: the clock's time in
// Unix milliseconds, then 74 bits that start random and grow by a random
// step of at most 2^32 with each uid. The uids of one generator ascend, as
// text too, so a bulk import appends to the uid index instead of writing to
// a random page of it for every card. One generator serves a whole import
// (all its uids carry the time it started); NewUid() makes a generator for a
// single uid.
class UidGenerator {
 public:
  explicit UidGenerator(const Clock& clock);
  std::string Next();

 private:
  std::mt19937_64 engine_;
  std::uint64_t milliseconds_ = 0;  // the 48-bit timestamp
  std::uint64_t counter_high_ = 0;  // the 12 bits after the version (rand_a)
  std::uint64_t counter_low_ = 0;   // the 62 bits after the variant (rand_b)
};
std::string NewUid(const Clock& clock);

}  // namespace kith
