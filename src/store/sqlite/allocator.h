// SQLite's memory through glibc's malloc, sized by malloc_usable_size and
// grown geometrically. Private to store/.
#pragma once

namespace kith::sqlite {

// Installs the allocator; must run before SQLite initialises (the first
// connection), as sqlite3_config is refused after. False when SQLite
// refused it: it then keeps its own, which works as before.
bool UseGrowingAllocator();

}  // namespace kith::sqlite
