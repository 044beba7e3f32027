// Finding and opening kith's modules (kith_module.h).
#include "formats/kith_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

namespace kith {
namespace {

std::string ExecutableFolder() {
  std::array<char, 4096> executable{};
  const ssize_t length = readlink("/proc/self/exe", executable.data(), executable.size() - 1);
  const std::string path = length > 0 ? std::string(executable.data(), static_cast<std::size_t>(length)) : "";
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// The first candidate that exists is loaded; the others only say where kith
// looked when none does.
Result<void*> Open(const KithModule& module) {
  const std::vector<std::string> candidates = KithModuleCandidates(module);
  for (const std::string& path : candidates) {
    if (access(path.c_str(), F_OK) != 0) continue;
    void* opened = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (opened != nullptr) return opened;
    const char* why = dlerror();
    return Fail(ErrorCode::kIo, std::string(module.purpose) + " cannot start: '" + path +
                                    "' could not be loaded (" + (why != nullptr ? why : "no reason given") +
                                    ")");
  }
  return Fail(ErrorCode::kIo, std::string(module.purpose) + " is not installed: " + module.file +
                                  " is not at " + ListedCandidates(candidates) +
                                  " (reinstall kith, or name the module with $" + module.variable + ")");
}

}  // namespace

std::vector<std::string> KithModuleCandidates(const KithModule& module) {
  if (const char* named = std::getenv(module.variable); named != nullptr && *named != '\0') return {named};
  const std::string folder = ExecutableFolder();
  const std::filesystem::path installed =
      std::filesystem::path(folder) / KITH_MODULES_FROM_EXECUTABLE / module.file;
  return {folder + "/" + module.file, installed.lexically_normal().string()};
}

std::string ListedCandidates(const std::vector<std::string>& candidates) {
  std::string listed;
  for (const std::string& path : candidates) listed += (listed.empty() ? "'" : ", '") + path + "'";
  return listed;
}

Result<void*> OpenKithModule(const KithModule& module) {
  // Opened once and never unloaded: what the module made runs its code.
  static std::mutex mutex;
  static std::map<std::string, void*> opened;
  const std::lock_guard lock(mutex);
  void*& handle = opened[module.file];
  if (handle != nullptr) return handle;
  KITH_ASSIGN_OR_RETURN(handle, Open(module));
  return handle;
}

Result<void*> KithModuleSymbol(void* opened, const KithModule& module, const std::string& symbol) {
  void* found = dlsym(opened, symbol.c_str());
  if (found == nullptr) {
    return Fail(ErrorCode::kIo, std::string(module.purpose) + " cannot start: the " + module.file +
                                    " found was built for another version of kith");
  }
  return found;
}

}  // namespace kith
