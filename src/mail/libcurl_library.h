// libcurl is loaded when kith first sends mail, not at every start: with
// libldap, GnuTLS, libssh2, nghttp2 and Kerberos behind it, linking it made
// every command pay ~2 ms to load and relocate libraries only SendMail uses.
// kith is linked against libcurl_library.cpp instead, which defines the
// libcurl functions SendMail calls and forwards each, on its first call, to
// the same function of the soname the headers came from (libcurl.so.4),
// opened with dlopen. Internal to mail/.
#pragma once

#include "domain/result.h"

namespace kith {

// Opens libcurl (once per process) before it is first used. kIo naming the
// library and dlopen's reason when it cannot be loaded.
Status LoadLibcurl();

}  // namespace kith
