// The .xlsx reader (formats/xlsx_reader: minizip, then pugixml on the parts)
// and the table mapping behind it, on any bytes: no crash, leak or unbounded
// growth (the zip's uncompressed size and compression ratio are bounded).
// The reader takes a path, so each input is written to a file first.
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "formats/contact_table.h"
#include "formats/xlsx_reader.h"
#include "fuzz/fuzz_support.h"

namespace {

using kith::fuzz::Check;

const std::string& InputPath() {
  static const std::string path = kith::fuzz::ScratchPath("input.xlsx");
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream file(InputPath(), std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    Check(file.good(), "the input could not be written to a temporary file");
  }
  // As `kith import` reads a workbook: the first row is the header.
  std::optional<kith::ContactTableMapper> mapper;
  const auto read = kith::ReadXlsxRows(InputPath(), [&](std::size_t row, std::vector<std::string>&& cells) {
    Check(!cells.empty(), "the reader hands over only rows with cells");
    if (!mapper) {
      auto made = kith::ContactTableMapper::FromHeader(cells, kith::TableOptions{});
      if (!made) return kith::Status(tl::unexpected(made.error()));
      mapper = std::move(*made);
      return kith::Ok();
    }
    auto record = mapper->Map(cells, row);
    if (!record) return kith::Status(tl::unexpected(record.error()));
    return kith::Ok();
  });
  Check(read || !read.error().message.empty(), "a refused workbook says why");
  return 0;
}
