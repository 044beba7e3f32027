#include "formats/csv_reader.h"
namespace kith {
void WriteCsvRecord(std::ostream&, const std::vector<std::string>&) {}
}
