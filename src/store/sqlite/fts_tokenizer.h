// Splits text into search terms exactly as the FTS5 index does (unicode61,
// diacritics removed, case folded), so the vocabulary kept for typo
// correction and the words of a query agree with the index.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "store/sqlite/database.h"

struct Fts5Tokenizer;
struct fts5_tokenizer;

namespace kith::sqlite {

// The tokenizer arguments every kith FTS5 table is created with.
inline constexpr std::string_view kTokenizerSpec = "unicode61 remove_diacritics 2";

class FtsTokenizer {
 public:
  static Result<std::unique_ptr<FtsTokenizer>> Create(Database& database);
  FtsTokenizer(const FtsTokenizer&) = delete;
  FtsTokenizer& operator=(const FtsTokenizer&) = delete;
  ~FtsTokenizer();

  // Appends the folded terms of `text` to `terms`.
  void Tokenize(std::string_view text, std::vector<std::string>& terms) const;
  // The terms of `text` joined by single spaces ("José  O'Neil" -> "jose o
  // neil"): how names and labels are compared; `text` itself when it has no
  // terms at all.
  [[nodiscard]] std::string Folded(std::string_view text) const;

 private:
  FtsTokenizer(Fts5Tokenizer* instance, fts5_tokenizer* methods) : instance_(instance), methods_(methods) {}
  Fts5Tokenizer* instance_;
  fts5_tokenizer* methods_;
};

}  // namespace kith::sqlite
