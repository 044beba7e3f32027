// tests/mail/smtp_sink.py (python3-aiosmtpd) as a child process for one
// test: started on a free port, stopped (SIGTERM) with the test. Each
// message it accepts lands in `directory` as message-N.json.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kith::testing {

inline const std::filesystem::path& SmtpSinkScript() {
  static const std::filesystem::path script =
      std::filesystem::path(KITH_TEST_DATA) / ".." / "mail" / "smtp_sink.py";
  return script;
}

// Whether the sink can run: a test that needs it fails (never skips) when not.
inline bool SmtpSinkAvailable() {
  return std::filesystem::exists("/usr/bin/python3") &&
         std::system("/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1") == 0;
}

class SmtpSink {
 public:
  // `options` go to the script as they are: "--user U --password P" asks for
  // a login, "--refuse rcpt|data" refuses that step.
  explicit SmtpSink(std::filesystem::path directory, const std::vector<std::string>& options = {})
      : directory_(std::move(directory)) {
    std::array<int, 2> pipe_ends{};
    if (!std::filesystem::exists(SmtpSinkScript()) || pipe(pipe_ends.data()) != 0) return;
    std::vector<std::string> arguments = {"/usr/bin/python3", SmtpSinkScript().string(),
                                          "--directory",      directory_.string(),
                                          "--lifetime",       "60"};
    arguments.insert(arguments.end(), options.begin(), options.end());
    pid_ = fork();
    if (pid_ == 0) {
      dup2(pipe_ends[1], STDOUT_FILENO);
      close(pipe_ends[0]);
      close(pipe_ends[1]);
      std::vector<char*> argv;
      argv.reserve(arguments.size() + 1);
      for (std::string& argument : arguments) argv.push_back(argument.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(pipe_ends[1]);
    // The sink prints its port once it accepts connections.
    std::string line;
    char character = 0;
    while (read(pipe_ends[0], &character, 1) == 1 && character != '\n') line += character;
    close(pipe_ends[0]);
    if (!line.empty()) port_ = std::stoi(line);
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  ~SmtpSink() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  // 0 when the sink did not start.
  [[nodiscard]] int port() const { return port_; }

  // The messages the sink accepted, in order.
  [[nodiscard]] std::vector<nlohmann::json> Received() const {
    std::vector<nlohmann::json> messages;
    for (int index = 1;; ++index) {
      const auto path = directory_ / ("message-" + std::to_string(index) + ".json");
      if (!std::filesystem::exists(path)) break;
      std::ifstream in(path);
      messages.push_back(nlohmann::json::parse(in));
    }
    return messages;
  }

 private:
  std::filesystem::path directory_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace kith::testing
