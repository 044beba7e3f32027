#include "cli/server_apart.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/kith_module.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere else

namespace kith::cli {
namespace {

// glibc's per-thread cache of small freed blocks, 64 of a size instead of 7.
// The server's dozens of worker threads share two malloc arenas (so that
// memory stays bounded: ServeUntilSignal); a typeahead request allocates and
// frees hundreds of small blocks, and each time a size's cache of 7 was full
// or empty malloc or free took an arena's lock, often held by another
// thread: three quarters of the server's futex calls, 3.4-3.9 a request.
// With 64 they are 1.0-1.1 a request, at the same memory (BENCHMARKS.md,
// api15). glibc reads this only from the environment at start-up, so it is
// set for the program exec starts.
constexpr std::string_view kTunables = "GLIBC_TUNABLES=";
constexpr std::string_view kThreadCache = "glibc.malloc.tcache_count=64";

// This process's environment with kThreadCache added to GLIBC_TUNABLES,
// unless the user's tunables already say how large the cache is.
std::vector<std::string> ServerEnvironment() {
  std::vector<std::string> variables;
  bool tuned = false;
  for (char** variable = environ; *variable != nullptr; ++variable) {
    std::string entry = *variable;
    if (entry.starts_with(kTunables)) {
      tuned = true;
      if (entry.find("glibc.malloc.tcache_count=") == std::string::npos) {
        if (entry.size() > kTunables.size()) entry += ':';
        entry += kThreadCache;
      }
    }
    variables.push_back(std::move(entry));
  }
  if (!tuned) variables.push_back(std::string(kTunables) + std::string(kThreadCache));
  return variables;
}

}  // namespace

int RunServer(int argc, char** argv) {
  constexpr KithModule kServer{"kith-server", "KITH_SERVER", "serving"};
  const std::vector<std::string> candidates = KithModuleCandidates(kServer);
  std::vector<char*> arguments(argv, argv + argc);
  arguments.push_back(nullptr);
  std::vector<std::string> environment = ServerEnvironment();
  std::vector<char*> variables;
  variables.reserve(environment.size() + 1);
  for (std::string& variable : environment) variables.push_back(variable.data());
  variables.push_back(nullptr);
  for (const std::string& path : candidates) {
    if (access(path.c_str(), F_OK) != 0) continue;
    execve(path.c_str(), arguments.data(), variables.data());
    const int why = errno;
    std::cerr << "kith serve: '" << path << "' could not be run (" << std::strerror(why) << ")\n";
    return 1;
  }
  std::cerr << "kith serve: serving is not installed: kith-server is not at " << ListedCandidates(candidates)
            << " (reinstall kith, or name the program with $KITH_SERVER)\n";
  return 1;
}

}  // namespace kith::cli
