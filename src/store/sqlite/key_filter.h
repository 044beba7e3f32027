// Which lookup keys (a uid, an email, a phone, a profile URL, a name at a
// company) a bulk write's list may hold, so that most of an import's
// lookups are answered without a query. store/postgres keeps its own keys
// in one too (store/postgres/listed_keys.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith::sqlite {

// The kinds of key the filter keeps, each folded as its lookup compares it.
// (kName, a sort name alone, and kNameAtUnfoldedCompany, a sort name whose
// company was not folded, are PostgreSQL's: its namesakes compare the
// company by lower(), which only the database folds beyond ASCII.)
enum class FilteredKey : char {
  kUid = 'u',
  kEmail = 'e',
  kPhone = 'p',
  kLinkUrl = 'l',
  kNamesake = 'n',
  kName = 'm',
  kNameAtUnfoldedCompany = 'c'
};

// A Bloom filter of keys: MayHold is false only for a key never added, and
// true for nearly no other (about one in 300 at four million keys). Each
// import row asked four or five indexed queries of SQLite — a twelfth of an
// import — although in a new list nearly all of them find nobody.
class KeyFilter {
 public:
  KeyFilter();

  // `value` is as the lookup compares it: an email or URL lower-cased
  // (COLLATE NOCASE folds ASCII only: AsciiLower), a namesake key from
  // NamesakeKey, a uid or E.164 number as written.
  void Add(FilteredKey kind, std::string_view value);
  [[nodiscard]] bool MayHold(FilteredKey kind, std::string_view value) const;

 private:
  // The two bits of a key.
  [[nodiscard]] std::pair<std::uint64_t, std::uint64_t> BitsOf(FilteredKey kind,
                                                               std::string_view value) const;

  std::vector<std::uint64_t> words_;
};

// The key of a name (folded as sort_name is) at a company (lower-cased, as
// COLLATE NOCASE compares it).
std::string NamesakeKey(std::string_view sort_name, std::string_view company);

}  // namespace kith::sqlite
