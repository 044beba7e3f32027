#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "app/durable_file.h"
#include "app/restore_backup.h"
#include "app/transfer.h"
#include "domain/validation.h"
#include "formats/contact_table.h"
#include "formats/csv_reader.h"
#include "formats/kith_json.h"
#include "formats/text_encoding.h"
#include "formats/xlsx_writer.h"

namespace kith {
namespace {

constexpr int kPage = 1000;

// Every live contact, a page at a time, in id order, its text valid UTF-8.
class ContactPages {
 public:
  explicit ContactPages(Store& store) : store_(store) {}

  // The next contact, nullopt at the end.
  Result<std::optional<Contact>> Next() {
    if (index_ == page_.size()) {
      if (done_) return std::optional<Contact>();
      KITH_ASSIGN_OR_RETURN(const auto ids, store_.ContactIdsAfter(after_, kPage, false));
      if (ids.size() < static_cast<std::size_t>(kPage)) done_ = true;
      if (ids.empty()) return std::optional<Contact>();
      after_ = ids.back();
      KITH_ASSIGN_OR_RETURN(page_, store_.GetContacts(ids));
      index_ = 0;
      if (page_.empty()) return std::optional<Contact>();
    }
    Contact& contact = page_[index_++];
    RepairUtf8(contact);
    if (FindInvalidUtf8(contact.uid)) contact.uid = RepairUtf8(std::string_view(contact.uid));
    return std::optional<Contact>(std::move(contact));
  }

 private:
  Store& store_;
  ContactId after_{0};
  std::vector<Contact> page_;
  std::size_t index_ = 0;
  bool done_ = false;
};

Error CannotWrite(const std::string& path) {
  return Error{ErrorCode::kIo, "cannot write '" + path + "': " + std::strerror(errno), "output"};
}

// A file name from a uid, safe on every file system.
std::string FileNameFor(const Contact& contact) {
  std::string name;
  for (const char c : contact.uid) {
    const bool safe =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    name += safe ? c : '_';
  }
  if (name.empty()) name = "contact-" + std::to_string(contact.id.value);
  return name + ".vcf";
}

Result<std::int64_t> ExportVCardDirectory(ContactPages& pages, const ExportRequest& request) {
  std::error_code error;
  std::filesystem::create_directories(request.output, error);
  if (error) {
    return Fail(ErrorCode::kIo, "cannot create directory '" + request.output + "': " + error.message(),
                "output");
  }
  std::int64_t count = 0;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const auto contact, pages.Next());
    if (!contact) break;
    // Each card replaces its old file whole (temporary file, then rename);
    // one flush of the whole tree at the end makes them all durable.
    const std::string path = (std::filesystem::path(request.output) / FileNameFor(*contact)).string();
    const std::string partial = path + ".partial";
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return tl::unexpected(CannotWrite(path));
    WriteVCard(*contact, request.vcard_version, out);
    out.close();
    if (!out || std::rename(partial.c_str(), path.c_str()) != 0) {
      const Error failure = CannotWrite(path);
      std::filesystem::remove(partial, error);
      return tl::unexpected(failure);
    }
    ++count;
  }
  KITH_RETURN_IF_ERROR(SyncDirectoryTree(request.output, "output"));
  return count;
}

Result<std::int64_t> ExportStream(Context& context, ContactPages& pages, const ExportRequest& request,
                                  std::ostream& out) {
  std::int64_t count = 0;
  std::optional<KithJsonWriter> json;
  if (request.format == ExportFormat::kCsv) WriteCsvRecord(out, ContactTableHeader());
  if (request.format == ExportFormat::kJson) json.emplace(out, context.clock.NowTimestamp());
  while (true) {
    KITH_ASSIGN_OR_RETURN(const auto contact, pages.Next());
    if (!contact) break;
    switch (request.format) {
      case ExportFormat::kCsv:
        WriteCsvRecord(out, ContactTableRow(*contact));
        break;
      case ExportFormat::kVCard:
        WriteVCard(*contact, request.vcard_version, out);
        break;
      case ExportFormat::kJson: {
        KITH_ASSIGN_OR_RETURN(const auto changes, context.store.JobChanges(contact->id));
        json->Write(*contact, changes);
        break;
      }
      case ExportFormat::kXlsx:
        break;
    }
    ++count;
    if (!out)
      return Fail(ErrorCode::kIo, std::string("writing the export failed: ") + std::strerror(errno),
                  "output");
  }
  if (json) {
    KITH_RETURN_IF_ERROR(WriteRelationshipRows(context, *json));
    KITH_ASSIGN_OR_RETURN(const KithBackupTables tables, BackupTables(context));
    json->End(tables);
  }
  return count;
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  const std::string folded = AsciiLower(name);
  if (folded == "csv") return ExportFormat::kCsv;
  if (folded == "vcard" || folded == "vcf") return ExportFormat::kVCard;
  if (folded == "xlsx" || folded == "excel") return ExportFormat::kXlsx;
  if (folded == "json") return ExportFormat::kJson;
  return std::nullopt;
}

Result<std::int64_t> ExportContacts(Context& context, const ExportRequest& request,
                                    std::ostream& standard_output) {
  ContactPages pages(context.store);
  if (request.format == ExportFormat::kXlsx) {
    if (request.output.empty()) {
      return Fail(ErrorCode::kInvalidInput, "an .xlsx export needs a file: add -o contacts.xlsx", "output");
    }
    std::int64_t count = 0;
    KITH_RETURN_IF_ERROR(
        WriteFileDurably(request.output, "output", [&](const std::string& temporary) -> Status {
          std::optional<Error> failure;
          KITH_RETURN_IF_ERROR(
              WriteXlsx(temporary, "Contacts", ContactTableHeader(), [&](std::vector<std::string>& cells) {
                auto contact = pages.Next();
                if (!contact) {
                  failure = contact.error();
                  return false;
                }
                if (!*contact) return false;
                cells = ContactTableRow(**contact);
                ++count;
                return true;
              }));
          if (failure) return tl::unexpected(*failure);
          return Ok();
        }));
    return count;
  }
  if (request.output.empty()) return ExportStream(context, pages, request, standard_output);
  const bool directory = request.output.ends_with('/') || std::filesystem::is_directory(request.output);
  if (directory) {
    if (request.format != ExportFormat::kVCard) {
      return Fail(ErrorCode::kInvalidInput,
                  "'" + request.output + "' is a directory: only a vCard export writes one file per person",
                  "output");
    }
    return ExportVCardDirectory(pages, request);
  }
  // Written beside the target and renamed over it, so a failed export never
  // leaves half a file where a good one was.
  std::int64_t count = 0;
  KITH_RETURN_IF_ERROR(
      WriteFileDurably(request.output, "output", [&](const std::string& temporary) -> Status {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return tl::unexpected(CannotWrite(request.output));
        KITH_ASSIGN_OR_RETURN(count, ExportStream(context, pages, request, out));
        out.close();
        if (!out) return tl::unexpected(CannotWrite(request.output));
        return Ok();
      }));
  return count;
}

}  // namespace kith
