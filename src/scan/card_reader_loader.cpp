// LoadCardReader: kith-scan.so, loaded on the first scan (card_reader.h).
#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <mutex>
#include <string>

#include "scan/card_reader.h"

namespace kith::scan {
namespace {

std::string ModulePath() {
  if (const char* named = std::getenv(kReaderModuleVariable); named != nullptr && *named != '\0')
    return named;
  std::array<char, 4096> executable{};
  const ssize_t length = readlink("/proc/self/exe", executable.data(), executable.size() - 1);
  const std::string path = length > 0 ? std::string(executable.data(), static_cast<std::size_t>(length)) : "";
  const auto slash = path.find_last_of('/');
  return (slash == std::string::npos ? std::string(".") : path.substr(0, slash)) + "/" + kReaderModuleFile;
}

// The entry point, looked up once. The module is never unloaded: the
// readers it made run its code.
Result<CreateReaderEntry> ModuleEntry() {
  static std::mutex mutex;
  static CreateReaderEntry entry = nullptr;
  const std::lock_guard lock(mutex);
  if (entry != nullptr) return entry;
  const std::string path = ModulePath();
  void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (module == nullptr) {
    const char* why = dlerror();
    return Fail(ErrorCode::kInternal, "card scanning is not installed: '" + path + "' could not be loaded (" +
                                          (why != nullptr ? why : "no reason given") + ")");
  }
  void* symbol = dlsym(module, kCreateReaderSymbol);
  if (symbol == nullptr) {
    dlclose(module);
    return Fail(ErrorCode::kInternal, "'" + path + "' is not kith's scanning module");
  }
  // POSIX gives a function's address from dlsym as a data pointer.
  entry = reinterpret_cast<CreateReaderEntry>(symbol);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  return entry;
}

}  // namespace

Result<std::unique_ptr<CardReader>> LoadCardReader(const ScanOptions& options) {
  KITH_ASSIGN_OR_RETURN(const CreateReaderEntry create, ModuleEntry());
  Error error{ErrorCode::kInternal, "the scanning module made no reader", ""};
  void* reader = create(&options, &error);
  if (reader == nullptr) return tl::unexpected(std::move(error));
  return std::unique_ptr<CardReader>(static_cast<CardReader*>(reader));
}

}  // namespace kith::scan
