#include "domain/shared_library.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace kith {

SharedLibrary OpenSharedLibrary(const char* soname) {
  SharedLibrary library;
  library.soname = soname;
  library.handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (library.handle == nullptr) {
    const char* why = dlerror();
    library.why = why != nullptr ? why : "no reason given";
  }
  return library;
}

void* RequiredFunction(const SharedLibrary& library, const char* name) {
  void* function = library.handle != nullptr ? dlsym(library.handle, name) : nullptr;
  if (function == nullptr) {
    std::fprintf(stderr, "kith: %s has no function %s (kith was built against a newer version of it)\n",
                 library.soname, name);
    std::abort();
  }
  return function;
}

}  // namespace kith
