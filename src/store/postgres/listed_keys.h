// Which lookup keys a workspace may hold during a bulk write, so that an
// import's batched lookups (FindManyContactIds) are asked of PostgreSQL
// only for the keys some card may have. Internal to store/postgres/.
#pragma once

#include <string>
#include <string_view>

#include "domain/contact.h"
#include "store/batched_lookups.h"
#include "store/sqlite/key_filter.h"

namespace kith::postgres {

// The keys as PostgreSQL compares them: a uid, an E.164 number and a sort
// name as written; an email or profile URL as lower() folds it. Only the
// database knows lower()'s folding beyond ASCII (it follows the
// database's locale), so a folded key is given by the database (Add*Folded,
// from the generated columns) or computed here for ASCII text alone, once
// the database has shown that its lower() folds ASCII as AsciiLower does.
// A key of text beyond ASCII that was never folded by the database makes
// its kind unknown: every later lookup of that kind is asked.
class ListedKeys {
 public:
  explicit ListedKeys(bool lower_is_ascii) : lower_is_ascii_(lower_is_ascii) {}

  void AddUid(std::string_view uid) { keys_.Add(sqlite::FilteredKey::kUid, uid); }
  // A card's sort name and company, as it is written: what a name lookup
  // and a namesake lookup compare.
  void AddName(std::string_view sort_name, std::string_view company);
  // The same read back, the company folded by the database.
  void AddNameFolded(std::string_view sort_name, std::string_view folded_company);
  void AddPhone(std::string_view e164);
  void AddEmailFolded(std::string_view folded) { keys_.Add(sqlite::FilteredKey::kEmail, folded); }
  void AddLinkUrlFolded(std::string_view folded) { keys_.Add(sqlite::FilteredKey::kLinkUrl, folded); }
  // A card's emails, phones and profile URLs as it is written.
  void AddLists(const ContactFields& fields);

  // False only when no card of the workspace can answer `lookup`; the
  // lookup's value as FindManyContactIds sends it (a name already sorted).
  [[nodiscard]] bool MayAnswer(const ContactLookup& lookup, std::string_view sent) const;

 private:
  // `text` folded as lower() folds it, when that is known here.
  [[nodiscard]] bool FoldsHere(std::string_view text) const;

  sqlite::KeyFilter keys_;
  bool lower_is_ascii_;
  bool emails_unknown_ = false;
  bool link_urls_unknown_ = false;
};

}  // namespace kith::postgres
