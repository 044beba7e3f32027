// A system library kith opens with dlopen when first needed instead of
// linking it (libpq, libcurl, libxlsxwriter): commands that never call it
// then do not load and relocate it, and the libraries behind it, at every
// start. Each user defines the library's functions it calls as forwarders
// to the real ones (store/postgres/libpq_library.cpp and its kin).
#pragma once

#include <string>

namespace kith {

struct SharedLibrary {
  const char* soname = nullptr;  // "libpq.so.5": the soname the headers kith was built with belong to
  void* handle = nullptr;        // null when it could not be opened
  std::string why;               // then dlerror's message
};

// Opens `soname` (RTLD_NOW | RTLD_LOCAL). Never closed: what it made lives on.
SharedLibrary OpenSharedLibrary(const char* soname);

// `name` in the opened library. A forwarder runs only after its user
// checked that the library opened, so a missing function means a library
// older than the headers kith was built with: kith says so and aborts.
void* RequiredFunction(const SharedLibrary& library, const char* name);

}  // namespace kith
