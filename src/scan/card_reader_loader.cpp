// LoadCardReader: kith-scan.so, loaded on the first scan (card_reader.h).
#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "scan/card_reader.h"

namespace kith::scan {
namespace {

constexpr const char* kCreateReaderSymbol = "kith_create_card_reader_" KITH_SCAN_INTERFACE;
constexpr const char* kPhotoAsJpegSymbol = "kith_photo_as_jpeg_" KITH_SCAN_INTERFACE;

std::string ExecutableFolder() {
  std::array<char, 4096> executable{};
  const ssize_t length = readlink("/proc/self/exe", executable.data(), executable.size() - 1);
  const std::string path = length > 0 ? std::string(executable.data(), static_cast<std::size_t>(length)) : "";
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// Where the module may be, in the order tried: the one $KITH_SCAN_MODULE
// names, alone when set; else beside the executable (the build tree) and
// then where `cmake --install` puts it, relative to the executable's folder
// so that an installed tree can be moved.
std::vector<std::string> ModuleCandidates() {
  if (const char* named = std::getenv(kReaderModuleVariable); named != nullptr && *named != '\0')
    return {named};
  const std::string folder = ExecutableFolder();
  const std::filesystem::path installed =
      std::filesystem::path(folder) / KITH_SCAN_MODULE_FROM_EXECUTABLE / kReaderModuleFile;
  return {folder + "/" + kReaderModuleFile, installed.lexically_normal().string()};
}

// The first candidate that exists is loaded; the others only say where kith
// looked when none does.
Result<void*> OpenModule() {
  const std::vector<std::string> candidates = ModuleCandidates();
  for (const std::string& path : candidates) {
    if (access(path.c_str(), F_OK) != 0) continue;
    void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module != nullptr) return module;
    const char* why = dlerror();
    return Fail(ErrorCode::kIo, "card scanning cannot start: '" + path + "' could not be loaded (" +
                                    (why != nullptr ? why : "no reason given") + ")");
  }
  std::string looked;
  for (const std::string& path : candidates) looked += (looked.empty() ? "'" : ", '") + path + "'";
  return Fail(ErrorCode::kIo, "card scanning is not installed: kith-scan.so is not at " + looked +
                                  " (reinstall kith, or name the module with $" + kReaderModuleVariable +
                                  ")");
}

// The module, opened once and never unloaded: the readers it made run its
// code.
Result<void*> Module() {
  static std::mutex mutex;
  static void* module = nullptr;
  const std::lock_guard lock(mutex);
  if (module != nullptr) return module;
  KITH_ASSIGN_OR_RETURN(module, OpenModule());
  return module;
}

// One of the module's entry points. A module without it is from another
// build of kith (its headers gave another digest).
template <typename Entry>
Result<Entry> ModuleEntry(const char* symbol_name) {
  KITH_ASSIGN_OR_RETURN(void* module, Module());
  void* symbol = dlsym(module, symbol_name);
  if (symbol == nullptr) {
    return Fail(ErrorCode::kIo,
                "card scanning cannot start: the kith-scan.so found was built for another version of kith");
  }
  // POSIX gives a function's address from dlsym as a data pointer.
  return reinterpret_cast<Entry>(symbol);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

}  // namespace

Result<std::unique_ptr<CardReader>> LoadCardReader(const ScanOptions& options) {
  KITH_ASSIGN_OR_RETURN(const auto create, ModuleEntry<CreateReaderEntry>(kCreateReaderSymbol));
  Error error{ErrorCode::kInternal, "the scanning module made no reader", ""};
  void* reader = create(&options, &error);
  if (reader == nullptr) return tl::unexpected(std::move(error));
  return std::unique_ptr<CardReader>(static_cast<CardReader*>(reader));
}

Result<std::vector<std::byte>> LoadedPhotoAsJpeg(std::span<const std::byte> image, int quality) {
  KITH_ASSIGN_OR_RETURN(const auto write, ModuleEntry<PhotoAsJpegEntry>(kPhotoAsJpegSymbol));
  Error error{ErrorCode::kInternal, "the scanning module wrote no JPEG", ""};
  std::vector<std::byte> jpeg;
  if (!write(image.data(), image.size(), quality, &jpeg, &error)) return tl::unexpected(std::move(error));
  return jpeg;
}

}  // namespace kith::scan
