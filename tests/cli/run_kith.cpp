#include "cli/run_kith.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "support/temp_database.h"

extern char** environ;  // NOLINT: POSIX declares it, but only with _GNU_SOURCE in unistd.h

namespace kith::testing {
namespace {

constexpr auto kTimeout = std::chrono::seconds(120);

// The variables a run must not inherit from the test's own environment:
// they would point kith at a real database or change how phones are read.
bool IsReplaced(std::string_view entry) {
  for (const std::string_view name : {"HOME", "KITH_DB", "XDG_DATA_HOME", "KITH_REGION"}) {
    if (entry.size() > name.size() && entry.substr(0, name.size()) == name && entry[name.size()] == '=') {
      return true;
    }
  }
  return false;
}

std::vector<std::string> Environment(const std::string& home,
                                     const std::map<std::string, std::string>& extra) {
  std::vector<std::string> entries;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const auto equals = text.find('=');
    if (IsReplaced(text)) continue;
    if (equals != std::string_view::npos && extra.count(std::string(text.substr(0, equals))) > 0) continue;
    entries.emplace_back(text);
  }
  if (extra.count("HOME") == 0) entries.push_back("HOME=" + home);
  for (const auto& [name, value] : extra) entries.push_back(name + "=" + value);
  return entries;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (auto& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Reads stdout and stderr together until both close, so a child that fills
// one pipe while we wait on the other cannot deadlock. Returns false when the
// deadline passed first. The caller closes the descriptors.
bool Drain(int out_fd, int err_fd, std::string& out, std::string& err) {
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  std::array<pollfd, 2> fds = {pollfd{out_fd, POLLIN, 0}, pollfd{err_fd, POLLIN, 0}};
  std::array<std::string*, 2> sinks = {&out, &err};
  std::array<char, 65536> buffer{};
  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    const int ready = poll(fds.data(), fds.size(), static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return false;
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t count = read(fds[i].fd, buffer.data(), buffer.size());
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) {
        fds[i].fd = -1;  // at its end: poll ignores negative descriptors
        continue;
      }
      sinks[i]->append(buffer.data(), static_cast<std::size_t>(count));
    }
  }
  return true;
}

int WaitFor(pid_t child) {
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

KithRun RunKith(const std::vector<std::string>& args, const std::map<std::string, std::string>& extra_env) {
  const char* binary = std::getenv("KITH_BINARY");  // NOLINT(concurrency-mt-unsafe): tests run one at a time
  if (binary == nullptr || *binary == '\0') {
    return {-1, "", "KITH_BINARY is not set: it must name the kith binary to test"};
  }
  const TempDirectory home;
  // Everything execve needs is built before fork: the child only calls
  // async-signal-safe functions.
  std::vector<std::string> argv_strings = {binary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<std::string> env_strings = Environment(home.path().string(), extra_env);
  std::vector<char*> argv = Pointers(argv_strings);
  std::vector<char*> envp = Pointers(env_strings);

  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return {-1, "", std::string("pipe: ") + std::strerror(errno)};
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return {-1, "", std::string("pipe: ") + std::strerror(errno)};
  }
  const pid_t child = fork();
  if (child < 0) {
    for (const int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    return {-1, "", std::string("fork: ") + std::strerror(errno)};
  }
  if (child == 0) {
    const int null_input = open("/dev/null", O_RDONLY);
    if (null_input < 0 || dup2(null_input, STDIN_FILENO) < 0 || dup2(out_pipe[1], STDOUT_FILENO) < 0 ||
        dup2(err_pipe[1], STDERR_FILENO) < 0) {
      _exit(126);
    }
    execve(binary, argv.data(), envp.data());
    constexpr char kMessage[] = "RunKith: execve of $KITH_BINARY failed\n";
    (void)!write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  KithRun run{0, "", ""};
  if (!Drain(out_pipe[0], err_pipe[0], run.out, run.err)) {
    kill(child, SIGKILL);
    run.err += "\nRunKith: kith did not finish in time and was killed\n";
  }
  close(out_pipe[0]);
  close(err_pipe[0]);
  run.exit_code = WaitFor(child);
  return run;
}

}  // namespace kith::testing
