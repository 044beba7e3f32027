// One email's, phone's or web address's TYPE/PREF/label, and one postal
// address, as the text of a vCard property: what the vCard writer puts on
// its lines and what kith's own table keeps in a cell ("TEL;TYPE=cell;
// PREF=1:+1 312 555 0134", "ADR;TYPE=work:;;1 Main St;Chicago;IL;60601;USA"),
// so both read back exactly. Internal to formats/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/contact.h"

namespace kith::vcard {

// ";TYPE=a,b" and, in vCard 4.0, ";PREF=n" (3.0 says TYPE=pref instead).
void AppendTypeParams(const std::vector<std::string>& types, int pref, bool v4, std::string_view first_type,
                      std::string& out);

// The seven parts of an ADR value, escaped and joined with ';'.
void AppendAddressValue(const Address& address, std::string& out);

// "EMAIL;TYPE=work;PREF=1;X-ABLABEL=\"Assistant\":ada@example.com".
std::string ValueTypeLine(const ValueType& type);
std::optional<ValueType> ParseValueTypeLine(std::string_view line);

// "ADR;TYPE=work;PREF=1;X-ABLABEL=\"Studio\";LABEL=\"1 Main St^nChicago\":;;1 Main St;Chicago;IL;60601;USA".
std::string AddressLine(const Address& address);
std::optional<Address> ParseAddressLine(std::string_view line);

// The TYPE values, PREF and label a vCard line's parameters give it
// (TYPE=pref and 2.1's bare PREF are PREF=1). Types are lower-cased; the
// X-ABLABEL parameter is the label kith's own table writes.
void ReadTypeParams(std::string_view line, std::vector<std::string>& types, int& pref, std::string& label);

// ";LABEL=\"…\"": an address's delivery label as vCard 4.0's ADR carries it,
// its line breaks as RFC 6868's ^n. Nothing when the label is empty.
void AppendDeliveryLabelParam(std::string_view delivery_label, std::string& out);
// The text of a LABEL parameter as written: quotes and RFC 6868's caret
// escapes undone, and the "\n" RFC 6350's own example writes read as a
// line break too.
std::string DeliveryLabelOf(std::string_view param_value);

}  // namespace kith::vcard
