#include "fuzz/fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "app/prepare_fields.h"

namespace kith::fuzz {

void Check(bool condition, std::string_view what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  // An empty input may come with a null pointer, which string_view allows only with size 0.
  return size == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
}

std::optional<Contact> ImportedContact(ImportRecord record) {
  if (!PrepareFields(record.fields, "US")) return std::nullopt;
  Contact contact;
  static_cast<ContactFields&>(contact) = std::move(record.fields);
  contact.uid = std::move(record.uid);
  return contact;
}

std::vector<Contact> ImportedContacts(std::vector<ImportRecord> records) {
  std::vector<Contact> contacts;
  for (ImportRecord& record : records) {
    if (auto contact = ImportedContact(std::move(record))) contacts.push_back(*std::move(contact));
  }
  return contacts;
}

std::string ScratchPath(const std::string& name) {
  // Removes the files when the process ends (libFuzzer exits through exit()).
  struct Scratch {
    std::vector<std::string> paths;
    Scratch() = default;
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
      for (const std::string& path : paths) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
      }
    }
  };
  static Scratch scratch;
  // Memory-backed when the system has it: the HTTP target writes (and syncs)
  // a database on every input.
  std::error_code error;
  const std::filesystem::path directory =
      std::filesystem::is_directory("/dev/shm", error) ? "/dev/shm" : std::filesystem::temp_directory_path();
  const std::string path = (directory / ("kith-fuzz-" + std::to_string(getpid()) + "-" + name)).string();
  scratch.paths.push_back(path);
  return path;
}

void CopyOver(const std::string& from, const std::string& to) {
  constexpr int kAttempts = 100;
  std::error_code error;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, error);
    if (!error) return;
    if (error != std::errc::interrupted) break;
  }
  Check(false, "copying " + from + " to " + to + ": " + error.message());
}

void CheckRoundTrip(std::string_view input, const ReadThenWrite& read_then_write, std::string_view format) {
  std::string first;
  // Nothing kept (every record skipped), nothing to read back: an empty vCard
  // file is refused by design.
  if (!read_then_write(std::string(input), first) || first.empty()) return;
  const std::string name(format);
  std::string second;
  Check(read_then_write(first, second), "kith's own " + name + " must read back:\n" + first);
  std::string third;
  Check(read_then_write(second, third), "kith's own " + name + " must read back (second round):\n" + second);
  Check(second == third, "read → write of kith's own " + name + " must be a fixed point:\n" + second +
                             "\n---- became ----\n" + third);
}

RecordSink Collect(std::vector<ImportRecord>& records) {
  return [&records](ImportRecord&& record) -> Status {
    records.push_back(std::move(record));
    return Ok();
  };
}

}  // namespace kith::fuzz
