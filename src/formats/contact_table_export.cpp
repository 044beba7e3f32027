// kith's own table of contacts, for the CSV and spreadsheet exports.
#include "formats/contact_table.h"
#include "formats/table_cells.h"
#include "formats/table_columns.h"
#include "formats/vcard_values.h"

namespace kith {

using table::AnnotatedLink;
using table::CustomFieldItem;
using table::JoinKithList;
using table::kKithColumns;
using table::LinkKindOf;
using table::ListFieldOf;
using table::Target;
using table::TextFieldOf;

const std::vector<std::string>& ContactTableHeader() {
  static const std::vector<std::string> header = [] {
    std::vector<std::string> names;
    names.reserve(kKithColumns.size());
    for (const auto& column : kKithColumns) names.emplace_back(column.header);
    return names;
  }();
  return header;
}

std::vector<std::string> ContactTableRow(const Contact& contact) {
  const auto links_of = [&contact](LinkKind kind) {
    std::vector<std::string> items;
    for (const Link& link : contact.links) {
      if (link.kind == kind) items.push_back(AnnotatedLink(link));
    }
    return JoinKithList(items);
  };
  const auto date = [](const std::optional<Date>& value) { return value ? value->ToIso() : std::string(); };
  std::vector<std::string> originals;
  std::vector<std::string> e164;
  bool any_e164 = false;
  for (const Phone& phone : contact.phones) {
    originals.push_back(phone.original);
    e164.push_back(phone.e164);
    any_e164 = any_e164 || !phone.e164.empty();
  }
  std::vector<std::string> custom;
  custom.reserve(contact.custom.size());
  for (const CustomField& field : contact.custom) custom.push_back(CustomFieldItem(field));

  std::vector<std::string> row;
  row.reserve(kKithColumns.size());
  for (const auto& column : kKithColumns) {
    if (const std::string* text = TextFieldOf(column.target, contact)) {
      row.push_back(*text);
    } else if (const std::vector<std::string>* list = ListFieldOf(column.target, contact)) {
      row.push_back(JoinKithList(*list));
    } else if (const auto kind = LinkKindOf(column.target)) {
      row.push_back(links_of(*kind));
    } else {
      switch (column.target) {
        case Target::kPhone:
          row.push_back(JoinKithList(originals));
          break;
        case Target::kPhoneE164:
          row.push_back(any_e164 ? JoinKithList(e164) : std::string());
          break;
        case Target::kWebsite:
          row.push_back(contact.website);
          break;
        case Target::kMetOn:
          row.push_back(date(contact.met_on));
          break;
        case Target::kOpenSince:
          row.push_back(date(contact.open_since));
          break;
        case Target::kOpenToOpportunities:
          row.emplace_back(contact.open_to_opportunities ? "yes" : "no");
          break;
        case Target::kCustomFields:
          row.push_back(JoinKithList(custom));
          break;
        case Target::kUid:
          row.push_back(contact.uid);
          break;
        case Target::kBirthday:
          row.push_back(contact.birthday ? contact.birthday->ToIso() : std::string());
          break;
        case Target::kAnniversary:
          row.push_back(contact.anniversary ? contact.anniversary->ToIso() : std::string());
          break;
        case Target::kAddresses: {
          std::vector<std::string> items;
          for (const Address& address : contact.addresses) items.push_back(vcard::AddressLine(address));
          row.push_back(JoinKithList(items));
          break;
        }
        case Target::kValueTypes: {
          std::vector<std::string> items;
          for (const ValueType& type : contact.value_types) items.push_back(vcard::ValueTypeLine(type));
          row.push_back(JoinKithList(items));
          break;
        }
        default:
          row.emplace_back();
          break;
      }
    }
  }
  return row;
}

}  // namespace kith
