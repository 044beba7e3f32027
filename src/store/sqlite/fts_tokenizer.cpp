#include "store/sqlite/fts_tokenizer.h"

#include <sqlite3.h>

#include <memory>

namespace kith::sqlite {
namespace {

fts5_api* FindFts5Api(sqlite3* handle) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(handle, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
  }
  sqlite3_finalize(statement);
  return api;
}

int CollectToken(void* context, int /*flags*/, const char* token, int length, int /*start*/, int /*end*/) {
  auto* terms = static_cast<std::vector<std::string>*>(context);
  terms->emplace_back(token, static_cast<std::size_t>(length));
  return SQLITE_OK;
}

// How many words `text` likely splits into: each starts after a byte that
// no word holds. Bytes past ASCII count as letters (most are), so a text
// with other separators may hold a few more, and the list then grows.
std::size_t LikelyWordCount(std::string_view text) {
  const auto in_word = [](unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::size_t words = 0;
  bool previous = false;
  for (const char c : text) {
    const bool letter = in_word(static_cast<unsigned char>(c));
    if (letter && !previous) ++words;
    previous = letter;
  }
  return words;
}

}  // namespace

Result<std::unique_ptr<FtsTokenizer>> FtsTokenizer::Create(Database& database) {
  fts5_api* api = FindFts5Api(database.handle());
  if (api == nullptr) {
    return Fail(ErrorCode::kInternal, "this SQLite was built without FTS5, which kith needs");
  }
  void* user_data = nullptr;
  auto methods = std::make_unique<fts5_tokenizer>();
  if (api->xFindTokenizer(api, "unicode61", &user_data, methods.get()) != SQLITE_OK) {
    return Fail(ErrorCode::kInternal, "SQLite's unicode61 tokenizer is missing");
  }
  const char* arguments[] = {"remove_diacritics", "2"};
  Fts5Tokenizer* instance = nullptr;
  if (methods->xCreate(user_data, arguments, 2, &instance) != SQLITE_OK) {
    return Fail(ErrorCode::kInternal, "could not create the unicode61 tokenizer");
  }
  return std::unique_ptr<FtsTokenizer>(new FtsTokenizer(instance, methods.release()));
}

FtsTokenizer::~FtsTokenizer() {
  methods_->xDelete(instance_);
  delete methods_;
}

void FtsTokenizer::Tokenize(std::string_view text, std::vector<std::string>& terms) const {
  if (text.empty()) return;
  // Room for the words at once: growing the list a word at a time moved
  // every word already found, and a typeahead request splits each line's
  // fields to show why it matched (BENCHMARKS.md, api11).
  terms.reserve(terms.size() + LikelyWordCount(text));
  methods_->xTokenize(instance_, &terms, FTS5_TOKENIZE_DOCUMENT, text.data(), static_cast<int>(text.size()),
                      CollectToken);
}

std::string FtsTokenizer::Folded(std::string_view text) const {
  std::vector<std::string> terms;
  Tokenize(text, terms);
  std::string folded;
  for (const auto& term : terms) {
    if (!folded.empty()) folded += ' ';
    folded += term;
  }
  return folded.empty() ? std::string(text) : folded;
}

}  // namespace kith::sqlite
