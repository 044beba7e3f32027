// Runs a shell command and collects what it prints: the tests that check
// other programs (python3's vobject and email, khard, icalendar) read
// kith's files.
#pragma once

#include <array>
#include <cstdio>
#include <string>

namespace kith::testing {

struct CommandOutput {
  int status = -1;  // as pclose gives it; -1 when the command could not start
  std::string text;
};

inline CommandOutput RunCommand(const std::string& command) {
  CommandOutput output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.text.append(buffer.data(), read);
  output.status = pclose(pipe);
  return output;
}

}  // namespace kith::testing
