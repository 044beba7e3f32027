#include <optional>

#include "app/import_source.h"
#include "app/transfer.h"
#include "formats/contact_table.h"
#include "formats/csv_reader.h"
#include "formats/kith_json.h"
#include "formats/vcard_reader.h"
#include "formats/xlsx_reader.h"

namespace kith {
namespace {

std::vector<ColumnMapping> ToMapping(const ContactTableMapper& mapper) {
  std::vector<ColumnMapping> mapping;
  for (const auto& [column, field] : mapper.mapping()) mapping.push_back({column, field});
  return mapping;
}

// The header and first rows of a table, mapped as the import will map them.
Status ReadTableSample(ImportSource& source, const ImportRequest& request, int sample_size,
                       ImportPreview& preview) {
  TableOptions options;
  options.map = request.map;
  const auto keep = [&](ImportRecord&& record) {
    if (static_cast<int>(preview.sample.size()) < sample_size)
      preview.sample.push_back(std::move(record.fields));
    return Ok();
  };
  std::optional<ContactTableMapper> mapper;
  if (source.format == ImportFormat::kXlsx) {
    return ReadXlsxRows(request.path, [&](std::size_t row, std::vector<std::string>&& cells) -> Status {
      if (!mapper) {
        KITH_ASSIGN_OR_RETURN(auto made, ContactTableMapper::FromHeader(cells, options));
        preview.mapping = ToMapping(made);
        mapper = std::move(made);
        return Ok();
      }
      if (static_cast<int>(preview.sample.size()) >= sample_size) return Ok();
      KITH_ASSIGN_OR_RETURN(ImportRecord record, mapper->Map(cells, row));
      return keep(std::move(record));
    });
  }
  // The CSV reader skips LinkedIn's preamble and finds the header; the
  // mapping is rebuilt from that header to show it.
  std::vector<std::string> header;
  options.on_dialect = [&](TableDialect) {};
  KITH_ASSIGN_OR_RETURN(const TableDialect dialect, ReadContactsCsv(*source.text, options, keep));
  (void)dialect;
  KITH_ASSIGN_OR_RETURN(ImportSource again, OpenImportSource(request));
  CsvReader reader(*again.text);
  std::vector<std::string> cells;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool more, reader.Next(cells));
    if (!more) break;
    auto made = ContactTableMapper::FromHeader(cells, options);
    if (made) {
      preview.mapping = ToMapping(*made);
      break;
    }
  }
  return Ok();
}

}  // namespace

Result<ImportPreview> PreviewImport(Context& context, ImportRequest request, int sample_size) {
  request.dry_run = true;
  ImportPreview preview;
  KITH_ASSIGN_OR_RETURN(preview.summary, ImportContacts(context, request));
  preview.format = preview.summary.format;
  KITH_ASSIGN_OR_RETURN(ImportSource source, OpenImportSource(request));
  const RecordSink keep = [&](ImportRecord&& record) {
    if (static_cast<int>(preview.sample.size()) < sample_size)
      preview.sample.push_back(std::move(record.fields));
    return Ok();
  };
  switch (source.format) {
    case ImportFormat::kVCard:
      KITH_RETURN_IF_ERROR(ReadVCards(*source.text, keep));
      break;
    case ImportFormat::kJson:
      KITH_RETURN_IF_ERROR(ReadKithJson(*source.text, keep));
      break;
    default:
      KITH_RETURN_IF_ERROR(ReadTableSample(source, request, sample_size, preview));
      break;
  }
  return preview;
}

}  // namespace kith
