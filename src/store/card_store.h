// The card writes both databases share. The flow of a write (load the card,
// refuse when it is, or is not, in the trash, write it, take it out of the
// search index under its old values and put it back under its new ones,
// apply the vocabulary's counts) is written once here; each database
// supplies its statements through the small protected interface below.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace kith {

// The SQL of each key lookup (FindContactIds): the looked-up value is the
// one parameter; a name is folded by the store first.
struct KeyQueries {
  std::string_view uid;
  std::string_view email;
  std::string_view phone;
  std::string_view link_url;
  std::string_view name;

  [[nodiscard]] std::string_view For(ContactKey key) const;
};

// The SQL of one `kith dupes` pair query: each row is (first id, second id,
// the shared value, the first's display and given name, the second's).
struct PairQuery {
  ContactKey key;
  std::string_view sql;
};

// The ORDER BY of a contact list (ListContacts); a missing date sorts after
// every date on both databases.
std::string_view ListOrderBy(ListSort sort);

// The `limit` lowest ids of `ids`, each once: what several queries found,
// merged (the stale-health lookups ask one query per reason).
std::vector<ContactId> LowestDistinct(std::vector<ContactId> ids, int limit);

class CardStore : public Store {
 public:
  Result<Contact> InsertContact(const ContactFields& fields, const std::string& uid,
                                const std::string& now) override;
  Result<std::vector<ContactId>> InsertContacts(const std::vector<ContactFields>& fields,
                                                const std::vector<std::string>& uids,
                                                const std::string& now) override;
  Result<Contact> GetContact(ContactId id) override;
  Result<std::vector<Contact>> ListContacts(const ListQuery& query) override;
  Result<std::vector<ContactId>> FindContactIds(ContactKey key, std::string_view value) override;
  Status UpdateContact(ContactId id, const ContactFields& fields, const std::string& now) override;
  Status TrashContact(ContactId id, const std::string& now) override;
  Status RestoreContact(ContactId id, const std::string& now) override;
  Status SetLastContact(ContactId id, std::optional<Date> day) override;

 protected:
  // Search terms and how many live cards gained (+) or lost (-) each.
  using VocabularyDelta = std::unordered_map<std::string, int>;

  // Runs `body` so that all of it lands or none of it does, inside the
  // caller's transaction when there is one.
  virtual Status InOneWrite(const std::function<Status()>& body) = 0;
  // Writes new cards' rows and lists; returns their ids in order.
  virtual Result<std::vector<ContactId>> InsertCardRows(std::span<const ContactFields> fields,
                                                        std::span<const std::string> uids,
                                                        const std::string& now) = 0;
  // Rewrites a card's row and replaces its lists.
  virtual Status UpdateCardRow(ContactId id, const ContactFields& fields, const std::string& now) = 0;
  // Puts a card in the trash (`trashed_at` set) or takes it out; either way
  // it was updated `now`.
  virtual Status SetTrashedAt(ContactId id, const std::optional<std::string>& trashed_at,
                              const std::string& now) = 0;
  virtual Status SetLastContactRow(ContactId id, std::optional<Date> day) = 0;
  virtual const KeyQueries& KeyLookups() const = 0;
  // The ids `sql` (one of KeyLookups()) selects for `value`.
  virtual Result<std::vector<ContactId>> IdsFor(std::string_view sql, const std::string& value) = 0;
  // Adds (sign +1) or removes (sign -1) a card from the search index,
  // counting its terms into `vocabulary` (CountTerms).
  virtual Status IndexContact(const Contact& contact, int sign, VocabularyDelta& vocabulary) = 0;
  virtual Status ApplyVocabulary(const VocabularyDelta& vocabulary) = 0;
  // Adds new cards to the search index, in the order given (search key
  // order), counting their terms into `vocabulary`: one IndexContact each
  // unless a store has a faster way for many (PostgreSQL's COPY).
  virtual Status IndexNewCards(const std::vector<const Contact*>& contacts, VocabularyDelta& vocabulary);
  // The same for cards the caller has no more use for, which a store may
  // keep (SQLite's bulk write hands them to another thread): by default
  // IndexNewCards.
  virtual Status IndexNewCardsGiven(std::vector<Contact>&& contacts, VocabularyDelta& vocabulary);

  // A card, live or trashed; kNotFound when there is none with `id`.
  Result<Contact> LoadLiveOrTrashed(ContactId id);
  // Counts each distinct term of `terms` that the vocabulary keeps by `sign`
  // (sorts and thins `terms`).
  static void CountTerms(std::vector<std::string>& terms, int sign, VocabularyDelta& vocabulary);

 private:
  // Writes `after` over `before` with `write`, moving the card in the search
  // index: out under `before` if that was live, in under `after` if live.
  Status Rewrite(const Contact& before, const Contact& after, const std::function<Status()>& write);
};

}  // namespace kith
