#include "formats/contact_table.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>

#include "formats/csv_reader.h"
#include "formats/table_cells.h"
#include "formats/table_columns.h"
#include "formats/table_dialects.h"
#include "formats/vcard_values.h"

namespace kith {

using namespace table;  // NOLINT(google-build-using-namespace): this file is the table's reader

namespace {

constexpr std::string_view kLinkedInMember = "urn:li:member:";

// Fills a text field; a second, different value from another column is
// kept as a custom field rather than dropped.
void SetText(std::string& field, std::string_view value, const std::string& label,
             std::vector<CustomField>& custom) {
  if (field.empty()) {
    field = value;
  } else if (field != value) {
    custom.push_back(CustomField{label, std::string(value)});
  }
}

void AddWebAddress(ContactFields& fields, std::string_view value, bool website_first) {
  std::string url = WithScheme(value);
  const LinkKind kind = KindFromHost(url);
  if (kind == LinkKind::kOther && website_first && fields.website.empty()) {
    fields.website = std::move(url);
  } else if (kind != LinkKind::kOther || fields.website != url) {
    fields.links.push_back(Link{kind, std::move(url), false, false, std::nullopt});
  }
}

// A cell that cannot be read goes to the importer to report; the row
// still comes in.
void SetAside(ImportRecord& record, const std::string& label, std::string_view value, std::string problem) {
  record.set_aside.push_back(SetAsideValue{record.line, label, std::string(value), std::move(problem)});
}

// `--map "Column=field"`, as the person typed it, for error messages.
std::string MapOption(std::string_view column, std::string_view field) {
  std::string shown = "--map \"";
  shown.append(column).append("=").append(field).append("\"");
  return shown;
}

// A row that can be a header: two or more cells, or one that names a column
// kith knows ("Email" over a list of addresses).
bool LooksLikeHeader(const std::vector<std::string>& row, bool after_preamble) {
  std::size_t filled = 0;
  bool known = false;
  for (const auto& cell : row) {
    const std::string_view trimmed = TrimView(cell);
    if (trimmed.empty()) continue;
    ++filled;
    known = known || SynonymTarget(trimmed).has_value() || KithTarget(trimmed).has_value();
  }
  // After LinkedIn's "Notes:" comes prose, which a comma can split in two.
  if (after_preamble) return known;
  return filled >= 2 || known;
}

bool IsNotesPreamble(const std::vector<std::string>& row) {
  std::size_t filled = 0;
  bool notes = false;
  for (const auto& cell : row) {
    const std::string_view trimmed = TrimView(cell);
    if (trimmed.empty()) continue;
    ++filled;
    notes = EqualsIgnoringCase(trimmed, "notes:");
  }
  return filled == 1 && notes;
}

}  // namespace

std::string_view TableDialectName(TableDialect dialect) {
  switch (dialect) {
    case TableDialect::kLinkedIn:
      return "linkedin";
    case TableDialect::kGoogle:
      return "google";
    case TableDialect::kGoogleLegacy:
      return "google-legacy";
    case TableDialect::kOutlook:
      return "outlook";
    case TableDialect::kOutlookWeb:
      return "outlook-web";
    case TableDialect::kKith:
      return "kith";
    case TableDialect::kGeneric:
      return "csv";
  }
  return "csv";
}

Result<ContactTableMapper> ContactTableMapper::FromHeader(const std::vector<std::string>& header,
                                                          const TableOptions& options) {
  std::vector<std::string> labels;
  std::vector<std::string> lower;
  labels.reserve(header.size());
  lower.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string storage;
    std::string label(TrimView(AsUtf8(header[i], storage)));
    if (label.empty()) label = "Column " + std::to_string(i + 1);
    lower.push_back(Lower(TrimView(header[i])));
    labels.push_back(std::move(label));
  }

  ContactTableMapper mapper;
  mapper.dialect_ = options.dialect ? *options.dialect : DetectDialect(lower);
  std::vector<std::optional<GroupColumn>> groups(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    Column column;
    column.label = labels[i];
    Target target = Target::kCustom;
    if (mapper.dialect_ == TableDialect::kGoogle || mapper.dialect_ == TableDialect::kGoogleLegacy) {
      groups[i] = SplitGroupColumn(lower[i]);
    }
    if (groups[i]) {
      std::tie(target, column.prefix) = GoogleGroupTarget(*groups[i]);
      column.group = groups[i]->number;
    } else {
      target = DialectTarget(mapper.dialect_, lower[i]);
    }
    column.field = ToInt(target);
    mapper.columns_.push_back(std::move(column));
  }

  // A group's value column reads its label (or full address) column.
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (!groups[i]) continue;
    const Target target = ToTarget(mapper.columns_[i].field);
    const bool wants_label = target == Target::kLabeledCustom || target == Target::kEmail ||
                             target == Target::kPhone || target == Target::kWebsite ||
                             target == Target::kAddress || target == Target::kRelation ||
                             target == Target::kEvent;
    if (!wants_label) continue;
    for (std::size_t j = 0; j < groups.size(); ++j) {
      if (!groups[j] || groups[j]->kind != groups[i]->kind || groups[j]->number != groups[i]->number)
        continue;
      if (IsLabelPart(groups[j]->part)) mapper.columns_[i].sibling = static_cast<int>(j);
    }
  }

  for (const auto& [column_name, field_name] : options.map) {
    const auto target = ParseTargetName(field_name);
    if (!target) {
      return Fail(ErrorCode::kInvalidInput,
                  MapOption(column_name, field_name)
                      .append(": unknown field '")
                      .append(field_name)
                      .append("'; fields: ")
                      .append(ValidFieldNames()),
                  "map");
    }
    const std::string wanted = Lower(TrimView(column_name));
    const auto found = std::find(lower.begin(), lower.end(), wanted);
    if (found == lower.end()) {
      return Fail(ErrorCode::kInvalidInput,
                  MapOption(column_name, field_name)
                      .append(": the header has no column '")
                      .append(column_name)
                      .append("'; columns: ")
                      .append(JoinForMessage(labels)),
                  "map");
    }
    Column& column = mapper.columns_[static_cast<std::size_t>(found - lower.begin())];
    column.field = ToInt(*target);
    column.sibling = -1;
    column.prefix.clear();
  }

  const bool identifies =
      std::any_of(mapper.columns_.begin(), mapper.columns_.end(),
                  [](const Column& column) { return IdentifiesSomeone(ToTarget(column.field)); });
  if (!identifies) {
    return Fail(ErrorCode::kInvalidInput,
                "no column holds a name, email or phone; header: " + JoinForMessage(labels) +
                    " (name one with --map \"Column=name\")",
                "header");
  }
  for (const Column& column : mapper.columns_) {
    mapper.mapping_.emplace_back(column.label, std::string(TargetName(ToTarget(column.field))));
  }
  return mapper;
}

// One row's mapping, step by step: each cell into its field, the cells
// past the header kept, then what needs the whole row (the LinkedIn
// connection date, a middle name, Google's occupation, E.164 numbers).
class ContactTableMapper::RowMapper {
 public:
  RowMapper(const ContactTableMapper& mapper, const std::vector<std::string>& row, ImportRecord& record)
      : columns_(mapper.columns_),
        dialect_(mapper.dialect_),
        row_(row),
        record_(record),
        fields_(record.fields),
        style_(StyleOf(mapper.dialect_)),
        kith_(style_ == ListStyle::kKith) {}

  void Run() {
    const bool outlook = dialect_ == TableDialect::kOutlook || dialect_ == TableDialect::kOutlookWeb;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::string_view value = CellAt(i, storage_);
      if (value.empty()) continue;
      if (outlook && IsNoDate(value)) continue;
      MapCell(columns_[i], value);
    }
    KeepCellsPastTheHeader();
    ApplyConnectedOn();
    ApplyMiddleName();
    ApplyAddresses();
    OrderValueTypes(fields_);
    if (!title_if_empty_.empty())
      SetText(fields_.title, title_if_empty_, title_if_empty_label_, fields_.custom);
    for (std::size_t i = 0; i < phones_e164_.size() && i < fields_.phones.size(); ++i) {
      fields_.phones[i].e164 = std::move(phones_e164_[i]);
    }
  }

 private:
  // The cell of column `index` ("" past the row's end), trimmed unless it is
  // kith's own table, whose cells are exact.
  std::string_view CellAt(std::size_t index, std::string& buffer) const {
    if (index >= row_.size()) return {};
    const std::string_view cell = AsUtf8(row_[index], buffer);
    return kith_ ? cell : TrimView(cell);
  }

  bool SiblingFilled(const Column& column) {
    return column.sibling >= 0 && !CellAt(static_cast<std::size_t>(column.sibling), sibling_storage_).empty();
  }

  template <typename Add>
  void ForEachListItem(const Column& column, std::string_view value, const Add& add) const {
    if (kith_) {
      for (const std::string& item : SplitKithList(value)) add(std::string_view(item));
    } else {
      ForEachItem(value, ListSeparators(style_, ToTarget(column.field)), add);
    }
  }

  void NoteOrigin(const Column& column, std::string_view item) {
    record_.origins.push_back(ValueOrigin{record_.line, std::string(column.label), std::string(item)});
  }

  void MapCell(const Column& column, std::string_view value) {
    const Target target = ToTarget(column.field);
    switch (target) {
      case Target::kIgnore:
      case Target::kLabel:
        break;
      case Target::kCustom:
        fields_.custom.push_back(CustomField{column.label, std::string(value)});
        break;
      case Target::kCustomUnlessDefault:
        if (!IsOutlookDefault(column.label, value))
          fields_.custom.push_back(CustomField{column.label, std::string(value)});
        break;
      case Target::kLabeledCustom:
        MapLabeledCustom(column, value);
        break;
      case Target::kAddressPart:
        if (!SiblingFilled(column)) fields_.custom.push_back(CustomField{column.label, std::string(value)});
        break;
      case Target::kName:
      case Target::kGivenName:
      case Target::kFamilyName:
      case Target::kCompany:
      case Target::kTitle:
      case Target::kNeighborhood:
      case Target::kHometown:
      case Target::kHowMet:
      case Target::kMetAt:
      case Target::kLookingFor:
      case Target::kNotes:
      case Target::kPhoto:
      case Target::kNickname:
      case Target::kRole:
      case Target::kKind:
        SetText(*TextFieldOf(target, fields_), value, column.label, fields_.custom);
        break;
      case Target::kBirthday:
        ReadPartialDate(column, value, fields_.birthday);
        break;
      case Target::kAnniversary:
        ReadPartialDate(column, value, fields_.anniversary);
        break;
      case Target::kAddress:
        MapAddressPart(column, value);
        break;
      case Target::kRelation:
        MapRelation(column, value);
        break;
      case Target::kEvent:
        MapEvent(column, value);
        break;
      case Target::kAddresses:
        ForEachListItem(column, value, [&](std::string_view item) {
          if (auto address = vcard::ParseAddressLine(item)) {
            fields_.addresses.push_back(std::move(*address));
          } else {
            SetAside(record_, column.label, item,
                     "is not an address (ADR;TYPE=…:;;street;city;region;code;country)");
          }
        });
        break;
      case Target::kValueTypes:
        ForEachListItem(column, value, [&](std::string_view item) {
          if (auto type = vcard::ParseValueTypeLine(item)) {
            fields_.value_types.push_back(std::move(*type));
          } else {
            SetAside(record_, column.label, item, "is not a type (EMAIL|TEL|URL;TYPE=…:value)");
          }
        });
        break;
      case Target::kMiddleName:
        if (middle_name_.empty()) middle_name_label_ = column.label;
        SetText(middle_name_, value, column.label, fields_.custom);
        break;
      case Target::kTitleIfEmpty:
        if (title_if_empty_.empty()) title_if_empty_label_ = column.label;
        SetText(title_if_empty_, value, column.label, fields_.custom);
        break;
      case Target::kCity:
        // A second address's city is already in that address's custom field.
        if (fields_.city.empty() || !SiblingFilled(column))
          SetText(fields_.city, value, column.label, fields_.custom);
        break;
      case Target::kUid:
        SetText(record_.uid, value, column.label, fields_.custom);
        break;
      case Target::kMetOn:
        ReadDate(column, value, fields_.met_on);
        break;
      case Target::kOpenSince:
        ReadDate(column, value, fields_.open_since);
        break;
      case Target::kConnectedOn:
        ReadDate(column, value, connected_on_);
        break;
      case Target::kOpenToOpportunities:
        ReadYesNo(column, value);
        break;
      case Target::kEmail:
        ForEachListItem(column, value, [&](std::string_view item) {
          // LinkedIn (2018) wrote its member id where a connection hid the email.
          if (dialect_ == TableDialect::kLinkedIn && item.starts_with(kLinkedInMember)) {
            fields_.custom.push_back(CustomField{"LinkedIn member", std::string(item)});
            return;
          }
          fields_.emails.emplace_back(item);
          NoteOrigin(column, item);
          NoteLabel(column, "EMAIL", item);
        });
        break;
      case Target::kSkills:
      case Target::kInterests:
      case Target::kDepartment:
      case Target::kVcardProperties: {
        std::vector<std::string>& list = *ListFieldOf(target, fields_);
        ForEachListItem(column, value, [&list](std::string_view item) { list.emplace_back(item); });
        break;
      }
      case Target::kTags:
        ForEachListItem(column, value, [&](std::string_view item) {
          if (kith_) {
            fields_.tags.emplace_back(item);
          } else if (auto tag = TagFromLabel(item)) {
            fields_.tags.push_back(std::move(*tag));
          }
        });
        break;
      case Target::kPhone:
        ForEachListItem(column, value, [&](std::string_view item) {
          fields_.phones.push_back(Phone{std::string(item), ""});
          NoteOrigin(column, item);
          NoteLabel(column, "TEL", item);
        });
        break;
      case Target::kPhoneE164:
        ForEachListItem(column, value, [&](std::string_view item) { phones_e164_.emplace_back(item); });
        break;
      case Target::kCustomFields:
        ForEachListItem(column, value,
                        [&](std::string_view item) { fields_.custom.push_back(ParseCustomFieldItem(item)); });
        break;
      case Target::kWebsite:
      case Target::kLink:
      case Target::kLinkedIn:
      case Target::kLinkedInConnection:
      case Target::kTwitter:
      case Target::kFacebook:
      case Target::kInstagram:
      case Target::kGitHub:
        MapWebAddresses(column, value);
        break;
    }
  }

  // A group's value (Google's "Relation 1 - Value"), labelled with its
  // group's name and its label column ("Relation (Mother)").
  void MapLabeledCustom(const Column& column, std::string_view value) {
    std::string label = column.prefix;
    if (column.sibling >= 0) {
      std::string_view name = CellAt(static_cast<std::size_t>(column.sibling), sibling_storage_);
      if (name.rfind("* ", 0) == 0) name = TrimView(name.substr(2));
      if (!name.empty() && label.empty()) {
        label = name;
      } else if (!name.empty()) {
        label.append(" (").append(name).append(")");
      }
    }
    if (label.empty()) label = column.label;
    fields_.custom.push_back(CustomField{std::move(label), std::string(value)});
  }

  // The label column beside a numbered value ("Phone 1 - Label": "* Mobile")
  // as the value's vCard TYPE, PREF and label.
  void NoteLabel(const Column& column, std::string_view property, std::string_view value) {
    if (column.sibling < 0) return;
    const std::string_view label = CellAt(static_cast<std::size_t>(column.sibling), sibling_storage_);
    if (label.empty()) return;
    ValueType type = TypeFromGoogleLabel(property, label);
    if (type.types.empty() && type.pref == 0 && type.label.empty()) return;
    type.value = std::string(value);
    fields_.value_types.push_back(std::move(type));
  }

  // One part of a numbered address; the label column gives its type.
  void MapAddressPart(const Column& column, std::string_view value) {
    auto found = std::find_if(addresses_.begin(), addresses_.end(),
                              [&](const auto& entry) { return entry.first == column.group; });
    if (found == addresses_.end()) {
      Address address;
      if (column.sibling >= 0) {
        const ValueType type =
            TypeFromGoogleLabel("ADR", CellAt(static_cast<std::size_t>(column.sibling), sibling_storage_));
        address.types = type.types;
        address.pref = type.pref;
        address.label = type.label;
      }
      addresses_.emplace_back(column.group, std::move(address));
      found = std::prev(addresses_.end());
    }
    Address& address = found->second;
    const std::string& part = column.prefix;
    std::string* field = part == "street"             ? &address.street
                         : part == "city"             ? &address.locality
                         : part == "po box"           ? &address.po_box
                         : part == "region"           ? &address.region
                         : part == "postal code"      ? &address.postal_code
                         : part == "country"          ? &address.country
                         : part == "extended address" ? &address.extended
                                                      : nullptr;
    if (part == "formatted") {
      formatted_.emplace_back(column.group, std::string(value));
    } else if (field != nullptr) {
      *field = value;
    } else {
      fields_.custom.push_back(CustomField{column.label, std::string(value)});
    }
  }

  // The numbered addresses, in order; one given only as formatted text
  // keeps that text as its street, one with its parts too keeps it as its
  // delivery label (vCard's LABEL). The first city is the card's city.
  void ApplyAddresses() {
    for (auto& [formatted_group, text] : formatted_) {
      // clang 14 cannot capture a structured binding in a lambda: a copy.
      const auto group = formatted_group;
      auto found = std::find_if(addresses_.begin(), addresses_.end(),
                                [&](const auto& entry) { return entry.first == group; });
      if (found == addresses_.end()) continue;
      Address& address = found->second;
      const bool no_parts = address.street.empty() && address.locality.empty() && address.po_box.empty() &&
                            address.region.empty() && address.postal_code.empty() &&
                            address.country.empty() && address.extended.empty();
      if (no_parts) {
        address.street = std::move(text);
      } else {
        address.delivery_label = std::move(text);
      }
    }
    for (auto& [group, address] : addresses_) {
      if (fields_.city.empty() && !address.locality.empty()) fields_.city = address.locality;
      fields_.addresses.push_back(std::move(address));
    }
  }

  // "Relation 1 - Value" with its label: a vCard RELATED, typed when the
  // label is one of RFC 6350's relations, and labelled as written.
  void MapRelation(const Column& column, std::string_view value) {
    std::string_view label;
    if (column.sibling >= 0) label = CellAt(static_cast<std::size_t>(column.sibling), sibling_storage_);
    AppendRelated(label, value, "relation" + column.group, fields_.vcard_properties);
  }

  // "Event 1 - Value": the anniversary when labelled so, else a custom field.
  void MapEvent(const Column& column, std::string_view value) {
    std::string_view label;
    if (column.sibling >= 0) label = CellAt(static_cast<std::size_t>(column.sibling), sibling_storage_);
    if (EqualsIgnoringCase(label, "anniversary") && !fields_.anniversary) {
      if (auto date = ParsePartialDate(value)) {
        fields_.anniversary = *date;
        return;
      }
    }
    std::string name = "Event";
    if (!label.empty()) name.append(" (").append(label).append(")");
    fields_.custom.push_back(CustomField{std::move(name), std::string(value)});
  }

  // A birthday or anniversary: with or without its year, or any date a
  // table writes ("4/12/1985").
  void ReadPartialDate(const Column& column, std::string_view value, std::optional<PartialDate>& date) {
    if (IsNoDate(value)) return;
    if (auto parsed = ParsePartialDate(TrimView(value))) {
      date = *parsed;
    } else if (auto full = ParseTableDate(TrimView(value))) {
      date = PartialDate{full->year, full->month, full->day};
    } else {
      SetAside(record_, column.label, value, "is not a date");
    }
  }

  // The website and links: sorted by host, except where the column says
  // which network it is; kith's own table writes each link's flags.
  void MapWebAddresses(const Column& column, std::string_view value) {
    const Target target = ToTarget(column.field);
    if (target == Target::kWebsite && kith_) {
      fields_.website = value;
      NoteOrigin(column, value);
      return;
    }
    const std::optional<LinkKind> kind = LinkKindOf(target);
    const bool connected = target == Target::kLinkedInConnection;
    ForEachListItem(column, value, [&](std::string_view item) {
      NoteOrigin(column, item);
      if (!kind) {
        AddWebAddress(fields_, item, true);
        NoteLabel(column, "URL", WithScheme(item));
      } else if (kith_) {
        fields_.links.push_back(ParseAnnotatedLink(item, *kind));
      } else if (target == Target::kLink) {
        AddWebAddress(fields_, item, false);
      } else {
        fields_.links.push_back(Link{*kind, WithScheme(item), connected, false, std::nullopt});
      }
    });
  }

  void ReadDate(const Column& column, std::string_view value, std::optional<Date>& date) {
    if (IsNoDate(value)) return;
    const auto parsed = ParseTableDate(TrimView(value));
    if (!parsed) {
      SetAside(record_, column.label, value, "is not a date");
    } else if (!date) {
      date = parsed;
    } else if (*date != *parsed) {
      fields_.custom.push_back(CustomField{column.label, std::string(value)});
    }
  }

  void ReadYesNo(const Column& column, std::string_view value) {
    const auto open = ParseYesNo(TrimView(value));
    if (!open) {
      SetAside(record_, column.label, value, "is not yes or no");
    } else {
      fields_.open_to_opportunities = fields_.open_to_opportunities || *open;
    }
  }

  // Cells past the header's last column: kept, named by position.
  void KeepCellsPastTheHeader() {
    for (std::size_t i = columns_.size(); i < row_.size(); ++i) {
      const std::string_view value = CellAt(i, storage_);
      if (!value.empty())
        fields_.custom.push_back(CustomField{"Column " + std::to_string(i + 1), std::string(value)});
    }
  }

  // LinkedIn's "Connected On": the day you met, when nothing says otherwise,
  // and the day the LinkedIn link was made.
  void ApplyConnectedOn() {
    if (!connected_on_) return;
    if (!fields_.met_on) fields_.met_on = connected_on_;
    for (Link& link : fields_.links) {
      if (link.kind != LinkKind::kLinkedIn || link.connected_on) continue;
      link.connected = true;
      link.connected_on = connected_on_;
    }
  }

  // A middle name has no field: it completes a display name the row lacks,
  // else it is kept as a custom field.
  void ApplyMiddleName() {
    if (middle_name_.empty()) return;
    if (!fields_.display_name.empty()) {
      fields_.custom.push_back(CustomField{middle_name_label_, middle_name_});
      return;
    }
    for (const std::string* part : {&fields_.given_name, &middle_name_, &fields_.family_name}) {
      if (part->empty()) continue;
      if (!fields_.display_name.empty()) fields_.display_name += ' ';
      fields_.display_name += *part;
    }
  }

  std::vector<std::pair<std::string, Address>> addresses_;  // by group number, in column order
  std::vector<std::pair<std::string, std::string>> formatted_;
  const std::vector<Column>& columns_;
  TableDialect dialect_;
  const std::vector<std::string>& row_;
  ImportRecord& record_;
  ContactFields& fields_;
  ListStyle style_;
  bool kith_;
  std::string middle_name_;
  std::string middle_name_label_;
  std::string title_if_empty_;
  std::string title_if_empty_label_;
  std::optional<Date> connected_on_;
  std::vector<std::string> phones_e164_;
  std::string storage_;
  std::string sibling_storage_;
};

Result<ImportRecord> ContactTableMapper::Map(const std::vector<std::string>& row, std::size_t line) const {
  // Built in place and returned by one statement, so the compiler elides the
  // copy: a record is a few hundred bytes of strings and vectors, and a
  // million rows make every move count.
  Result<ImportRecord> result(tl::in_place);
  result->line = line;
  RowMapper(*this, row, *result).Run();
  return result;
}

Result<TableDialect> ReadContactsCsv(std::istream& in, const TableOptions& options, const RecordSink& sink) {
  CsvReader reader(in);
  std::vector<std::string> row;
  bool after_preamble = false;
  for (;;) {
    KITH_ASSIGN_OR_RETURN(const bool more, reader.Next(row));
    if (!more) {
      return Fail(ErrorCode::kParseError, "the file has no header row (a line naming the columns)", "header");
    }
    if (IsNotesPreamble(row)) {
      after_preamble = true;
      continue;
    }
    if (LooksLikeHeader(row, after_preamble)) break;
  }
  KITH_ASSIGN_OR_RETURN(const ContactTableMapper mapper, ContactTableMapper::FromHeader(row, options));
  if (options.on_dialect) options.on_dialect(mapper.dialect());
  for (;;) {
    KITH_ASSIGN_OR_RETURN(const bool more, reader.Next(row));
    if (!more) break;
    Result<ImportRecord> record = mapper.Map(row, reader.line());
    if (!record) return tl::unexpected(std::move(record.error()));
    KITH_RETURN_IF_ERROR(sink(std::move(*record)));
  }
  return mapper.dialect();
}

}  // namespace kith
