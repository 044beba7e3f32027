// kith's own modules: shared objects built with kith that hold what only
// some commands need, with the libraries behind it (kith-scan.so: Tesseract
// and its kin; kith-phone.so: libphonenumber with ICU, protobuf and abseil),
// opened with dlopen the first time they are needed so that the other
// commands do not load those libraries at start-up. kith-server, the program
// `kith serve` runs (cpp-httplib and OpenSSL), is found the same way.
#pragma once

#include <string>
#include <vector>

#include "domain/result.h"

namespace kith {

struct KithModule {
  const char* file;      // "kith-scan.so"
  const char* variable;  // the environment variable that names another path: "KITH_SCAN_MODULE"
  const char* purpose;   // what fails without it, for messages: "card scanning"
};

// Where the module may be, in the order tried: the path $`variable` names,
// alone when set; else `file` beside the running executable (the build
// tree), then where `cmake --install` puts it (lib/kith beside bin/,
// relative to the executable's folder so that an installed tree can be
// moved).
std::vector<std::string> KithModuleCandidates(const KithModule& module);

// The candidates as a message lists them: "'a', 'b'".
std::string ListedCandidates(const std::vector<std::string>& candidates);

// The module, opened on the first call and kept for the life of the process:
// the first of KithModuleCandidates that exists. kIo naming the places looked in when it is in none of them,
// or dlopen's reason when it cannot be loaded.
Result<void*> OpenKithModule(const KithModule& module);

// `symbol` of an opened module. kIo when it has none: a module from another
// build of kith, whose interface digest (in every entry point's name) differs.
Result<void*> KithModuleSymbol(void* opened, const KithModule& module, const std::string& symbol);

}  // namespace kith
