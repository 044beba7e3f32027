// Cards in and out: an uploaded file imported (or previewed), an export
// downloaded.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/import_options.h"
#include "app/results_json.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

// An upload as a file of its own, since the importers read by path; removed
// when it goes out of scope.
class UploadedFile {
 public:
  UploadedFile() = default;
  UploadedFile(const UploadedFile&) = delete;
  UploadedFile& operator=(const UploadedFile&) = delete;
  // The error_code overload: a destructor that threw while another
  // exception unwinds would end the process. A file left behind is in the
  // temporary directory, which the system empties.
  ~UploadedFile() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove(path_, ignored);
  }
  Status Write(const std::string& content) {
    std::string pattern = (std::filesystem::temp_directory_path() / "kith-upload-XXXXXX").string();
    const int descriptor = mkstemp(pattern.data());
    if (descriptor < 0) return Fail(ErrorCode::kIo, "cannot create a temporary file for the upload");
    close(descriptor);
    path_ = pattern;
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out.flush()) return Fail(ErrorCode::kIo, "cannot write the upload to a temporary file");
    return Ok();
  }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string FormValue(const httplib::Request& request, const std::string& name) {
  return request.has_file(name) ? request.get_file_value(name).content : QueryText(request, name);
}

// The form of an import: "file" (the upload), and optionally "format",
// "event", "encoding", "map" ("Column=field" lines) and "strict" ("true":
// one bad value refuses the whole file, instead of being set aside on its card).
Result<ImportRequest> ImportRequestFrom(const httplib::Request& request, UploadedFile& upload,
                                        std::string& filename) {
  if (!request.is_multipart_form_data() || !request.has_file("file")) {
    return Fail(ErrorCode::kInvalidInput, "send the file as multipart/form-data in a field named 'file'",
                "file");
  }
  const auto file = request.get_file_value("file");
  if (file.content.empty()) return Fail(ErrorCode::kInvalidInput, "the uploaded file is empty", "file");
  filename = file.filename.empty() ? std::string("upload") : file.filename;
  KITH_RETURN_IF_ERROR(upload.Write(file.content));
  ImportOptions options;
  options.path = upload.path();
  options.format = FormValue(request, "format");
  options.event = FormValue(request, "event");
  options.encoding = FormValue(request, "encoding");
  const std::string strict = FormValue(request, "strict");
  if (!strict.empty() && strict != "true" && strict != "false") {
    return Fail(ErrorCode::kInvalidInput, "'strict' should be true or false", "strict");
  }
  options.strict = strict == "true";
  std::istringstream maps(FormValue(request, "map"));
  for (std::string line; std::getline(maps, line);) options.maps.push_back(line);
  KITH_ASSIGN_OR_RETURN(options.dry_run, QueryBool(request, "dry_run"));
  return kith::ImportRequestFrom(options);
}

// Errors name the temporary file; the person knows the file by its name.
Error NamingUpload(Error error, const std::string& temporary, const std::string& filename) {
  for (auto at = error.message.find(temporary); at != std::string::npos; at = error.message.find(temporary)) {
    error.message.replace(at, temporary.size(), filename);
  }
  return error;
}

Result<ApiReply> ImportRoute(const httplib::Request& request, Context& context) {
  UploadedFile upload;
  std::string filename;
  KITH_ASSIGN_OR_RETURN(const ImportRequest import, ImportRequestFrom(request, upload, filename));
  auto summary = ImportContacts(context, import);
  if (!summary) return tl::unexpected(NamingUpload(summary.error(), upload.path(), filename));
  return Json(ImportSummaryToJson(*summary), import.dry_run ? 200 : 201);
}

Result<ApiReply> PreviewRoute(const httplib::Request& request, Context& context) {
  UploadedFile upload;
  std::string filename;
  KITH_ASSIGN_OR_RETURN(const ImportRequest import, ImportRequestFrom(request, upload, filename));
  constexpr int kSampleSize = 5;
  auto preview = PreviewImport(context, import, kSampleSize);
  if (!preview) return tl::unexpected(NamingUpload(preview.error(), upload.path(), filename));
  return Json(ImportPreviewToJson(filename, *preview));
}

Result<ApiReply> ExportRoute(const httplib::Request& request, Context& context) {
  std::string format_name = QueryText(request, "format");
  if (format_name.empty()) format_name = "vcard";
  const auto format = ParseExportFormat(format_name);
  if (!format) return Fail(ErrorCode::kInvalidInput, "'format' should be vcard, csv, xlsx or json", "format");
  ExportRequest export_request;
  export_request.format = *format;
  const std::string version = QueryText(request, "vcard_version");
  if (version == "3.0") {
    export_request.vcard_version = VCardVersion::k30;
  } else if (!version.empty() && version != "4.0") {
    return Fail(ErrorCode::kInvalidInput, "'vcard_version' should be 4.0 or 3.0", "vcard_version");
  }
  ApiReply reply;
  switch (*format) {
    case ExportFormat::kVCard:
      reply.content_type = "text/vcard; charset=utf-8";
      reply.filename = "kith-contacts.vcf";
      break;
    case ExportFormat::kCsv:
      reply.content_type = "text/csv; charset=utf-8";
      reply.filename = "kith-contacts.csv";
      break;
    case ExportFormat::kXlsx:
      reply.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      reply.filename = "kith-contacts.xlsx";
      break;
    case ExportFormat::kJson:
      reply.content_type = "application/json; charset=utf-8";
      reply.filename = "kith-backup.json";
      break;
  }
  if (*format == ExportFormat::kXlsx) {
    // The spreadsheet writer needs a file; the download is read back from it.
    UploadedFile file;
    KITH_RETURN_IF_ERROR(file.Write(""));
    export_request.output = file.path();
    std::ostringstream unused;
    KITH_ASSIGN_OR_RETURN(const std::int64_t count, ExportContacts(context, export_request, unused));
    (void)count;
    std::ifstream in(file.path(), std::ios::binary);
    reply.raw.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return reply;
  }
  // Everyone, a page at a time, straight to the socket: a million people
  // never sit in the server's memory.
  reply.stream = [export_request](Context& reader, std::ostream& out) -> Status {
    KITH_ASSIGN_OR_RETURN(const std::int64_t count, ExportContacts(reader, export_request, out));
    (void)count;
    return Ok();
  };
  return reply;
}

}  // namespace

void AddTransferRoutes(std::vector<Route>& routes) {
  Route import{Method::kPost,
               "/import",
               Access::kWrite,
               ImportRoute,
               "Import an uploaded file (LinkedIn, Google, Outlook, CSV, vCard, xlsx, kith JSON); "
               "dry_run=true writes nothing",
               "transfer",
               "ImportForm",
               "ImportSummary",
               {"dry_run"}};
  import.multipart = true;
  routes.push_back(import);
  Route preview{Method::kPost,
                "/import/preview",
                Access::kWrite,
                PreviewRoute,
                "What an import would do: format, column mapping, first people, dry-run counts",
                "transfer",
                "ImportForm",
                "ImportPreview"};
  preview.multipart = true;
  routes.push_back(preview);
  routes.push_back({Method::kGet,
                    "/export",
                    Access::kRead,
                    ExportRoute,
                    "Download every card as vCard, CSV, Excel or a kith JSON backup",
                    "transfer",
                    "",
                    "Download",
                    {"format", "vcard_version"}});
}

}  // namespace kith::http
