// Runs the real `kith` binary the way a person or a script would, and
// collects what it printed, so the command line is tested from outside.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kith::testing {

// What one run of kith did.
struct KithRun {
  int exit_code;    // the exit status; 128 + N when killed by signal N; -1 when kith could not be started
  std::string out;  // everything written on stdout
  std::string err;  // everything written on stderr (or why kith could not be started)
};

// Runs the binary named by $KITH_BINARY with `args` (no shell is involved,
// so no quoting is needed) and waits for it to finish.
//
// The environment is the test's own, except: HOME is a fresh, empty temporary
// folder (so the default database never touches the real home), and KITH_DB,
// XDG_DATA_HOME and KITH_REGION are unset. `extra_env` is applied last and
// may set any of these. stdin is /dev/null. A run that takes longer than two
// minutes is killed and reported as killed by SIGKILL.
KithRun RunKith(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& extra_env = {});

}  // namespace kith::testing
