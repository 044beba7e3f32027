// An LD_PRELOAD library that makes write(2), writev(2), pwrite(2), fsync(2) and
// fdatasync(2) fail on the files whose path contains $KITH_FAULT_PATH, with
// errno $KITH_FAULT_ERRNO (28 ENOSPC, 5 EIO), once $KITH_FAULT_AFTER bytes
// have been written to them. libfiu's preload fails a call in every file at
// once, standard error included, so a test could not read the error kith
// prints; this one aims at the file under test and leaves the rest alone.
// $KITH_FAULT_CALLS lists the calls to fail ("write,fsync"; default all).
#include <dlfcn.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

std::atomic<long long> written{0};

const char* Setting(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): set before the process starts
  return value == nullptr ? "" : value;
}

// Whether `call` on `descriptor` should fail now.
bool ShouldFail(const char* call, int descriptor, std::size_t bytes) {
  const std::string target = Setting("KITH_FAULT_PATH");
  if (target.empty()) return false;
  char path[4096] = {};
  const std::string link = "/proc/self/fd/" + std::to_string(descriptor);
  const ssize_t length = readlink(link.c_str(), path, sizeof(path) - 1);
  if (length <= 0 || std::string(path, static_cast<std::size_t>(length)).find(target) == std::string::npos) {
    return false;
  }
  const long long after = std::atoll(Setting("KITH_FAULT_AFTER"));
  // Bytes count whichever call writes them, so an fsync fails after them too.
  if (written.fetch_add(static_cast<long long>(bytes)) < after) return false;
  const std::string calls = Setting("KITH_FAULT_CALLS");
  if (!calls.empty() && calls.find(call) == std::string::npos) return false;
  const int error_number = std::atoi(Setting("KITH_FAULT_ERRNO"));
  errno = error_number == 0 ? EIO : error_number;
  return true;
}

template <typename Function>
Function Next(const char* name) {
  return reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" {

ssize_t write(int descriptor, const void* data, std::size_t bytes) {
  static const auto next = Next<ssize_t (*)(int, const void*, std::size_t)>("write");
  if (ShouldFail("write", descriptor, bytes)) return -1;
  return next(descriptor, data, bytes);
}

ssize_t pwrite64(int descriptor, const void* data, std::size_t bytes, off_t offset) {
  static const auto next = Next<ssize_t (*)(int, const void*, std::size_t, off_t)>("pwrite64");
  if (ShouldFail("write", descriptor, bytes)) return -1;
  return next(descriptor, data, bytes, offset);
}

ssize_t writev(int descriptor, const iovec* pieces, int count) {
  static const auto next = Next<ssize_t (*)(int, const iovec*, int)>("writev");
  std::size_t bytes = 0;
  for (int i = 0; i < count; ++i) bytes += pieces[i].iov_len;
  if (ShouldFail("write", descriptor, bytes)) return -1;
  return next(descriptor, pieces, count);
}

// glibc's stdio calls its own write, out of a preload's reach: libxlsxwriter
// writes through fwrite.
std::size_t fwrite(const void* data, std::size_t size, std::size_t count, FILE* stream) {
  static const auto next = Next<std::size_t (*)(const void*, std::size_t, std::size_t, FILE*)>("fwrite");
  if (ShouldFail("write", fileno(stream), size * count)) return 0;
  return next(data, size, count, stream);
}

int fsync(int descriptor) {
  static const auto next = Next<int (*)(int)>("fsync");
  if (ShouldFail("fsync", descriptor, 0)) return -1;
  return next(descriptor);
}

int fdatasync(int descriptor) {
  static const auto next = Next<int (*)(int)>("fdatasync");
  if (ShouldFail("fsync", descriptor, 0)) return -1;
  return next(descriptor);
}

}  // extern "C"
