// libxlsxwriter is opened when kith first writes a workbook (.xlsx export),
// not at every start: it brings OpenSSL's libcrypto, whose ~3,400 symbol
// bindings were 40% of what the dynamic loader did for every command. kith
// is linked against libxlsxwriter_library.cpp instead, which defines the
// functions xlsx_writer.cpp calls and forwards each, on its first call, to
// the same function of the soname the headers came from
// (libxlsxwriter.so.4), opened with dlopen (domain/shared_library.h).
#pragma once

#include "domain/result.h"

namespace kith {

// Opens libxlsxwriter (once per process) before a workbook is written. kIo
// naming the library and dlopen's reason when it cannot be loaded.
Status LoadLibxlsxwriter();

}  // namespace kith
