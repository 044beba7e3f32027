#include "store/sqlite/allocator.h"

#include <malloc.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace kith::sqlite {
namespace {

// Debian's SQLite keeps the size of each allocation in a header of its own
// and reallocates to the exact size asked. FTS5 walking a doclist backwards
// (every search: ORDER BY rowid DESC) grows its array of offsets eight
// entries at a time, a realloc per eight rows of a page: at 100k people a
// tenth of a typeahead request's CPU went to reallocating (BENCHMARKS.md,
// api11). Here the size is glibc's own (the usable size, which SQLite's
// contract allows to exceed the size asked) and a growing block at least
// doubles, so that array is reallocated a few times a page instead.

void* Allocate(int bytes) { return std::malloc(static_cast<std::size_t>(bytes)); }

void Free(void* block) { std::free(block); }  // NOLINT(cppcoreguidelines-no-malloc): SQLite's C interface

// SQLite never asks for more than an int holds; a block of that size may
// be a little larger in glibc's count, and is said to be the largest int.
int SizeOf(void* block) {
  return static_cast<int>(std::min<std::size_t>(malloc_usable_size(block), std::numeric_limits<int>::max()));
}

void* Reallocate(void* block, int bytes) {
  const std::size_t wanted = static_cast<std::size_t>(bytes);
  const std::size_t usable = malloc_usable_size(block);
  // A block that shrinks a little keeps its room; one that shrinks to
  // less than half gives it back.
  if (wanted <= usable && wanted >= usable / 2) return block;
  if (wanted <= usable) return std::realloc(block, wanted);  // NOLINT(cppcoreguidelines-no-malloc)
  // Small blocks double; past a megabyte a block gets the size asked, as
  // before, so that no size ever passes what an int (SizeOf) holds.
  constexpr std::size_t kDoublingUpTo = std::size_t{1} << 20;
  const std::size_t grown = usable < kDoublingUpTo && wanted < usable * 2 ? usable * 2 : wanted;
  return std::realloc(block, grown);  // NOLINT(cppcoreguidelines-no-malloc)
}

// Sizes are rounded by malloc itself; SQLite asks before it reallocates
// and reallocates only when the rounded size differs from the block's.
int Roundup(int bytes) { return bytes; }

int Init(void* /*unused*/) { return SQLITE_OK; }

void Shutdown(void* /*unused*/) {}

}  // namespace

bool UseGrowingAllocator() {
  static const sqlite3_mem_methods kMethods = {Allocate, Free, Reallocate, SizeOf,
                                               Roundup,  Init, Shutdown,   nullptr};
  return sqlite3_config(SQLITE_CONFIG_MALLOC, &kMethods) == SQLITE_OK;
}

}  // namespace kith::sqlite
