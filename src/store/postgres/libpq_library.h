// libpq is loaded when kith first connects to PostgreSQL, not at every
// start: with libldap, GnuTLS and Kerberos behind it, linking it made every
// command (SQLite's among them) pay ~2 ms to load and relocate libraries it
// never calls. kith is linked against libpq_library.cpp instead, which
// defines the libpq functions the store calls and forwards each, on its first
// call, to the same function of the soname the headers came from
// (libpq.so.5), opened with dlopen. Internal to store/postgres/.
#pragma once

#include "domain/result.h"

namespace kith::postgres {

// Opens libpq (once per process) before a first connection. kIo naming the
// library and dlopen's reason when it cannot be loaded (libpq not installed).
Status LoadLibpq();

}  // namespace kith::postgres
