// The bulk insert rate: kith::GenerateContacts into a fresh database.
#pragma once

namespace kith::bench {

// Registers "insert/generate": each repetition creates an empty database in
// the temporary directory, then times GenerateContacts adding
// $KITH_BENCH_INSERT_COUNT people (default 20000) in one transaction, as
// `kith gen` does (opening the database and the migrations are not timed;
// the commit is). Reports contacts_per_second. The database is removed after
// each repetition.
void RegisterInsertBenchmark();

}  // namespace kith::bench
