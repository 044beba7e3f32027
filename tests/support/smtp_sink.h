// tests/mail/smtp_sink.py (python3-aiosmtpd) as a child process for one
// test: started on a free port, stopped (SIGTERM) with the test. Each
// message it accepts lands in `directory` as message-N.json.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace kith::testing {

class SmtpSink {
 public:
  explicit SmtpSink(const std::filesystem::path& directory) {
    const std::filesystem::path script =
        std::filesystem::path(KITH_TEST_DATA) / ".." / "mail" / "smtp_sink.py";
    if (!std::filesystem::exists(script)) return;
    std::array<int, 2> pipe_ends{};
    if (pipe(pipe_ends.data()) != 0) return;
    std::vector<std::string> arguments = {"/usr/bin/python3", script.string(), "--directory",
                                          directory.string(), "--lifetime",    "60"};
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

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace kith::testing
