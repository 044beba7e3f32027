// The rowid of a card's entries in search_names and search_cards: its search
// key (store/search_document.h) negated, so that ascending rowids are the
// order the index answers in, the most recent relationship first. FTS5 reads
// a doclist forwards page by page and stops at the LIMIT; asked for
// `ORDER BY rowid DESC` it first finds the doclist's last page and then
// parses every page it reads in full to step back through it, which was a
// sixth of a typeahead request's instructions (BENCHMARKS.md, issue 15).
// Negated, a step between two rowids keeps its size, so the doclists' varints
// do too; only the first rowid of a doclist or a page takes nine bytes.
// Migration 22 laid the index out this way.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kith::sqlite {

inline std::int64_t SearchRowid(std::int64_t key) { return -key; }
inline std::int64_t SearchKeyOfRowid(std::int64_t rowid) { return -rowid; }
// SearchRowid as SQL, of the key the expression `key` gives.
inline std::string SearchRowidSql(std::string_view key) { return "-(" + std::string(key) + ")"; }

}  // namespace kith::sqlite
