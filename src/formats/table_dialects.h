// The table shapes kith recognises (LinkedIn, Google, Outlook, kith's own,
// any other header) and what each column of each feeds. Internal to formats/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/contact_table.h"
#include "formats/table_columns.h"

namespace kith::table {

// How a dialect separates several values in one cell.
enum class ListStyle : std::uint8_t {
  kGoogle,   // " ::: "
  kOutlook,  // ";" (and " ::: ", which Google's Outlook-shaped export uses)
  kGeneric,  // " ::: ", ";" or ","
  kKith,     // " ::: ", escaped (see JoinKithList)
};

std::optional<Target> KithTarget(std::string_view header);
std::optional<Target> SynonymTarget(std::string_view header);

// Google's numbered groups: "E-mail 1 - Value" is kind "e-mail", part "value".
struct GroupColumn {
  std::string kind;
  std::string number;
  std::string part;
};
std::optional<GroupColumn> SplitGroupColumn(std::string_view lower);
bool IsLabelPart(std::string_view part);

// The target of a group column and, for labelled values, the group's name.
std::pair<Target, std::string> GoogleGroupTarget(const GroupColumn& column);

// A Google label ("* Mobile", "Work Fax", "Assistant") as vCard TYPE
// values, PREF (the "* " of the primary value) and, for a label vCard has no
// type for, the label itself. `property` is "EMAIL", "TEL", "URL" or "ADR".
ValueType TypeFromGoogleLabel(std::string_view property, std::string_view label);

// RFC 6350's RELATED type a relation label stands for ("Mother" → "parent").
std::optional<std::string_view> RelationTypeOf(std::string_view label);

// A relation ("Spouse", "Dani") as the vCard lines that keep it: RELATED
// with its type, and in `group` with an X-ABLabel when the label says more
// than the type.
void AppendRelated(std::string_view label, std::string_view value, const std::string& group,
                   std::vector<std::string>& lines);

// The target of a column outside Google's numbered groups.
Target DialectTarget(TableDialect dialect, std::string_view lower);

// The dialect a header (lower-cased cells) is written in.
TableDialect DetectDialect(const std::vector<std::string>& lower);

ListStyle StyleOf(TableDialect dialect);

// The characters besides ":::" that separate list items in a cell.
std::string_view ListSeparators(ListStyle style, Target target);

// Whether an Outlook column holds the value Outlook writes into every row
// (Gender "Unspecified", Priority "Normal", …), which says nothing.
bool IsOutlookDefault(std::string_view label, std::string_view value);

}  // namespace kith::table
