#include "formats/vcard_writer.h"
namespace kith {
void WriteVCard(const Contact&, VCardVersion, std::ostream&) {}
}
