#include "formats/contact_table.h"
namespace kith {
std::string_view TableDialectName(TableDialect) { return "csv"; }
Result<ContactTableMapper> ContactTableMapper::FromHeader(const std::vector<std::string>&, const TableOptions&) { return Fail(ErrorCode::kInternal, "stub"); }
Result<ImportRecord> ContactTableMapper::Map(const std::vector<std::string>&, std::size_t) const { return Fail(ErrorCode::kInternal, "stub"); }
Result<TableDialect> ReadContactsCsv(std::istream&, const TableOptions&, const RecordSink&) { return Fail(ErrorCode::kInternal, "stub"); }
const std::vector<std::string>& ContactTableHeader() { static std::vector<std::string> h; return h; }
std::vector<std::string> ContactTableRow(const Contact&) { return {}; }
}
