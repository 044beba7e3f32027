#include "cli/server_apart.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "formats/kith_module.h"

namespace kith::cli {

int RunServer(int argc, char** argv) {
  constexpr KithModule kServer{"kith-server", "KITH_SERVER", "serving"};
  const std::vector<std::string> candidates = KithModuleCandidates(kServer);
  std::vector<char*> arguments(argv, argv + argc);
  arguments.push_back(nullptr);
  for (const std::string& path : candidates) {
    if (access(path.c_str(), F_OK) != 0) continue;
    execv(path.c_str(), arguments.data());
    const int why = errno;
    std::cerr << "kith serve: '" << path << "' could not be run (" << std::strerror(why) << ")\n";
    return 1;
  }
  std::cerr << "kith serve: serving is not installed: kith-server is not at " << ListedCandidates(candidates)
            << " (reinstall kith, or name the program with $KITH_SERVER)\n";
  return 1;
}

}  // namespace kith::cli
