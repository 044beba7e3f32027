// The card writes both stores share (card_store.h says why they live here).
#include "store/card_store.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "store/search_document.h"

namespace kith {
namespace {

Contact NewCard(const ContactFields& fields, ContactId id, const std::string& uid, const std::string& now) {
  Contact contact;
  static_cast<ContactFields&>(contact) = fields;
  contact.id = id;
  contact.uid = uid;
  contact.created_at = now;
  contact.updated_at = now;
  return contact;
}

bool Live(const Contact& contact) { return !contact.trashed_at.has_value(); }

}  // namespace

std::string_view KeyQueries::For(ContactKey key) const {
  switch (key) {
    case ContactKey::kUid:
      return uid;
    case ContactKey::kEmail:
      return email;
    case ContactKey::kPhone:
      return phone;
    case ContactKey::kLinkUrl:
      return link_url;
    case ContactKey::kName:
      return name;
  }
  return uid;
}

std::vector<ContactId> LowestDistinct(std::vector<ContactId> ids, int limit) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() > static_cast<std::size_t>(limit)) ids.resize(static_cast<std::size_t>(limit));
  return ids;
}

std::string_view ListOrderBy(ListSort sort) {
  switch (sort) {
    case ListSort::kName:
      return "sort_name, id";
    case ListSort::kMetOn:
      return "met_on DESC NULLS LAST, id";
    case ListSort::kLastContact:
      return "last_contact DESC NULLS LAST, id";
    case ListSort::kCreated:
      return "id DESC";
  }
  return "sort_name, id";
}

Result<Contact> CardStore::LoadLiveOrTrashed(ContactId id) {
  KITH_ASSIGN_OR_RETURN(auto contacts, GetContacts({id}));
  if (contacts.empty()) {
    return Fail(ErrorCode::kNotFound, "no contact with id " + std::to_string(id.value), "id");
  }
  return std::move(contacts.front());
}

Result<Contact> CardStore::GetContact(ContactId id) { return LoadLiveOrTrashed(id); }

Result<std::vector<Contact>> CardStore::ListContacts(const ListQuery& query) {
  KITH_ASSIGN_OR_RETURN(const auto ids, ListContactIds(query));
  return GetContacts(ids);
}

Result<std::vector<ContactId>> CardStore::FindContactIds(ContactKey key, std::string_view value) {
  if (value.empty()) return std::vector<ContactId>();
  return IdsFor(KeyLookups().For(key), key == ContactKey::kName ? FoldLabel(value) : std::string(value));
}

void CardStore::CountTerms(std::vector<std::string>& terms, int sign, VocabularyDelta& vocabulary) {
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (const std::string& term : terms) {
    if (KeptInVocabulary(term)) vocabulary[term] += sign;
  }
}

Result<Contact> CardStore::InsertContact(const ContactFields& fields, const std::string& uid,
                                         const std::string& now) {
  KITH_ASSIGN_OR_RETURN(const auto existing, FindContactIds(ContactKey::kUid, uid));
  if (!existing.empty()) {
    return Fail(
        ErrorCode::kAlreadyExists,
        "a contact with uid '" + uid + "' already exists (id " + std::to_string(existing.front().value) + ")",
        "uid");
  }
  Contact contact;
  KITH_RETURN_IF_ERROR(InOneWrite([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const auto ids, InsertCardRows({&fields, 1}, {&uid, 1}, now));
    contact = NewCard(fields, ids.at(0), uid, now);
    VocabularyDelta vocabulary;
    KITH_RETURN_IF_ERROR(IndexNewCards({&contact}, vocabulary));
    return ApplyVocabulary(vocabulary);
  }));
  return contact;
}

Result<std::vector<ContactId>> CardStore::InsertContacts(const std::vector<ContactFields>& fields,
                                                         const std::vector<std::string>& uids,
                                                         const std::string& now) {
  if (fields.size() != uids.size()) {
    return Fail(ErrorCode::kInternal, "InsertContacts needs one uid per contact");
  }
  std::vector<ContactId> ids;
  KITH_RETURN_IF_ERROR(InOneWrite([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(ids, InsertCardRows(fields, uids, now));
    std::vector<Contact> contacts;
    contacts.reserve(fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i)
      contacts.push_back(NewCard(fields[i], ids[i], uids[i], now));
    // SQLite's FTS5 buffers new entries only while rowids ascend and writes
    // a segment whenever one goes backwards; its rowids are the keys negated
    // (sqlite/search_rowid.h), so indexing from the highest key down keeps it
    // to one (PostgreSQL does not mind the order).
    std::vector<std::pair<std::int64_t, std::size_t>> order;
    order.reserve(contacts.size());
    for (std::size_t i = 0; i < contacts.size(); ++i) order.emplace_back(SearchKey(contacts[i]), i);
    std::sort(order.begin(), order.end(), std::greater<>());
    std::vector<Contact> in_order;
    in_order.reserve(order.size());
    for (const auto& [key, index] : order) in_order.push_back(std::move(contacts[index]));
    VocabularyDelta vocabulary;
    KITH_RETURN_IF_ERROR(IndexNewCardsGiven(std::move(in_order), vocabulary));
    return ApplyVocabulary(vocabulary);
  }));
  return ids;
}

Status CardStore::IndexNewCards(const std::vector<const Contact*>& contacts, VocabularyDelta& vocabulary) {
  for (const Contact* contact : contacts) KITH_RETURN_IF_ERROR(IndexContact(*contact, +1, vocabulary));
  return Ok();
}

Status CardStore::IndexNewCardsGiven(std::vector<Contact>&& contacts, VocabularyDelta& vocabulary) {
  std::vector<const Contact*> pointers;
  pointers.reserve(contacts.size());
  for (const Contact& contact : contacts) pointers.push_back(&contact);
  return IndexNewCards(pointers, vocabulary);
}

Status CardStore::Rewrite(const Contact& before, const Contact& after, const std::function<Status()>& write) {
  return InOneWrite([&]() -> Status {
    VocabularyDelta vocabulary;
    if (Live(before)) KITH_RETURN_IF_ERROR(IndexContact(before, -1, vocabulary));
    KITH_RETURN_IF_ERROR(write());
    if (Live(after)) KITH_RETURN_IF_ERROR(IndexContact(after, +1, vocabulary));
    return ApplyVocabulary(vocabulary);
  });
}

Status CardStore::UpdateContact(ContactId id, const ContactFields& fields, const std::string& now) {
  KITH_ASSIGN_OR_RETURN(const Contact before, LoadLiveOrTrashed(id));
  Contact after = before;
  static_cast<ContactFields&>(after) = fields;
  after.updated_at = now;
  return Rewrite(before, after, [&]() { return UpdateCardRow(id, fields, now); });
}

Status CardStore::TrashContact(ContactId id, const std::string& now) {
  KITH_ASSIGN_OR_RETURN(const Contact before, LoadLiveOrTrashed(id));
  if (!Live(before)) {
    return Fail(
        ErrorCode::kConflict,
        "contact " + std::to_string(id.value) + " (" + before.display_name + ") is already in the trash",
        "id");
  }
  Contact after = before;
  after.trashed_at = now;
  after.updated_at = now;
  return Rewrite(before, after, [&]() { return SetTrashedAt(id, now, now); });
}

Status CardStore::RestoreContact(ContactId id, const std::string& now) {
  KITH_ASSIGN_OR_RETURN(const Contact before, LoadLiveOrTrashed(id));
  if (Live(before)) {
    return Fail(ErrorCode::kConflict,
                "contact " + std::to_string(id.value) + " (" + before.display_name + ") is not in the trash",
                "id");
  }
  Contact after = before;
  after.trashed_at.reset();
  after.updated_at = now;
  return Rewrite(before, after, [&]() { return SetTrashedAt(id, std::nullopt, now); });
}

Status CardStore::SetLastContact(ContactId id, std::optional<Date> day) {
  KITH_ASSIGN_OR_RETURN(const Contact before, LoadLiveOrTrashed(id));
  if (before.last_contact == day) return Ok();
  // The search key carries the relationship's day, so the card moves in
  // the index: out under the old key, in under the new one.
  Contact after = before;
  after.last_contact = day;
  return Rewrite(before, after, [&]() { return SetLastContactRow(id, day); });
}

}  // namespace kith
