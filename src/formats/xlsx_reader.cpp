#include "formats/xlsx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "domain/date.h"
#include "formats/text_encoding.h"
#include "formats/xlsx_archive.h"

namespace kith {
namespace {

using xlsx::Archive;
using xlsx::OpenArchive;

// Excel's grid: 16,384 columns (A to XFD).
constexpr std::size_t kMaxColumns = 16384;
// Rows are handed to pugixml in fragments of about this many bytes, so a
// sheet of a million rows never sits in memory as one document.
constexpr std::size_t kFragmentBytes = std::size_t{1} << 20;
// How much of a part is read before giving up on finding its content element
// (a real prolog — dimension, views, column widths — is a few kilobytes).
constexpr std::size_t kMaxPrologBytes = std::size_t{64} << 20;

// ---------------------------------------------------------------------------
// XML helpers. Elements are matched by local name, so prefixed producers
// (<x:row>) read the same as Excel's default namespace.

std::string_view LocalName(const char* name) {
  const std::string_view full(name);
  const std::size_t colon = full.find(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

bool Is(const pugi::xml_node& node, std::string_view local_name) {
  return node.type() == pugi::node_element && LocalName(node.name()) == local_name;
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local_name) {
  for (const pugi::xml_node child : parent.children()) {
    if (Is(child, local_name)) return child;
  }
  return {};
}

// The value of the attribute with this local name (r:id and id alike).
const char* AttributeByLocalName(const pugi::xml_node& node, std::string_view local_name) {
  for (const pugi::xml_attribute attribute : node.attributes()) {
    if (LocalName(attribute.name()) == local_name) return attribute.value();
  }
  return "";
}

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

std::string XmlError(const Archive& archive, const std::string& part, const pugi::xml_parse_result& result,
                     std::size_t base_offset) {
  return archive.Quoted() + ": " + part + " is not well-formed XML (" + result.description() + " at byte " +
         std::to_string(base_offset + static_cast<std::size_t>(result.offset)) + ")";
}

Status ParseWhole(const Archive& archive, const std::string& part, std::string& content,
                  pugi::xml_document& document) {
  const pugi::xml_parse_result result =
      document.load_buffer_inplace(content.data(), content.size(), kParseOptions);
  if (!result) return Fail(ErrorCode::kParseError, XmlError(archive, part, result, 0));
  return Ok();
}

constexpr std::string_view kXmlSpace = " \t\r\n";

std::string_view TrimXmlSpace(std::string_view text) {
  const std::size_t first = text.find_first_not_of(kXmlSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kXmlSpace) - first + 1);
}

// The text of a <t> element, with the whitespace rule Excel applies: kept
// when xml:space="preserve" is in force, trimmed otherwise. Excel puts the
// attribute on <t>; the enclosing run and string item may carry it too.
void AppendText(const pugi::xml_node& text_element, std::string& out) {
  bool preserve = false;
  int level = 0;
  for (pugi::xml_node node = text_element; node && level < 3; node = node.parent(), ++level) {
    const pugi::xml_attribute space = node.attribute("xml:space");
    if (space) {
      preserve = std::string_view(space.value()) == "preserve";
      break;
    }
  }
  const std::size_t start = out.size();
  for (const pugi::xml_node child : text_element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
  }
  if (preserve) return;
  const std::string_view added = TrimXmlSpace(std::string_view(out).substr(start));
  if (added.empty()) {
    out.resize(start);
    return;
  }
  const auto first = static_cast<std::size_t>(added.data() - out.data());
  out.resize(first + added.size());
  out.erase(start, first - start);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of an _xHHHH_ escape at `position`, or -1.
int EscapedUnit(std::string_view text, std::size_t position) {
  if (position + 7 > text.size() || text[position] != '_' || (text[position + 1] != 'x') ||
      text[position + 6] != '_') {
    return -1;
  }
  int unit = 0;
  for (std::size_t i = position + 2; i < position + 6; ++i) {
    const int digit = HexValue(text[i]);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

// OOXML strings escape characters XML cannot hold as _xHHHH_ (a UTF-16 code
// unit; _x005F_ is the underscore itself, so "_x005F_x000D_" is literal).
std::string DecodeEscapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const int unit = EscapedUnit(text, i);
    if (unit < 0) {
      out.push_back(text[i]);
      ++i;
      continue;
    }
    i += 7;
    auto code = static_cast<char32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const int low = EscapedUnit(text, i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        code =
            0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
        i += 7;
      } else {
        code = 0xFFFD;
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      code = 0xFFFD;
    }
    AppendUtf8(code, out);
  }
  return out;
}

// The text of a shared string <si> or an inline <is>: plain <t>, or rich text
// runs <r><t> concatenated; phonetic guides (<rPh>) are not part of the value.
std::string RichText(const pugi::xml_node& string_item) {
  std::string text;
  for (const pugi::xml_node child : string_item.children()) {
    if (Is(child, "t")) {
      AppendText(child, text);
    } else if (Is(child, "r")) {
      const pugi::xml_node run_text = Child(child, "t");
      if (run_text) AppendText(run_text, text);
    }
  }
  return DecodeEscapes(std::move(text));
}

// ---------------------------------------------------------------------------
// Streaming a large part: the children of one element (<sheetData>, <sst>)
// are handed over in fragments of whole elements.

class FragmentSplitter {
 public:
  using Handler = std::function<Status(const pugi::xml_document& fragment)>;

  FragmentSplitter(const Archive& archive, std::string part, std::string container, std::string item,
                   Handler handler)
      : archive_(archive),
        part_(std::move(part)),
        container_(std::move(container)),
        item_(std::move(item)),
        handler_(std::move(handler)) {}

  Status Feed(std::string_view bytes) {
    if (state_ == State::kDone) return Ok();
    pending_.append(bytes);
    if (state_ == State::kBeforeContainer) {
      KITH_RETURN_IF_ERROR(FindContainer());
      if (state_ != State::kInside) return Ok();
    }
    // A closing tag is complete only once all its bytes have arrived, so each
    // search resumes just before the end of what was searched last time.
    const std::size_t container_end = pending_.find(close_container_, container_scanned_);
    if (container_end != std::string::npos) {
      state_ = State::kDone;
      return HandleFragment(container_end);
    }
    container_scanned_ = Resume(close_container_);
    std::size_t found = 0;
    while ((found = pending_.find(close_item_, item_scanned_)) != std::string::npos) {
      last_item_end_ = found + close_item_.size();
      item_scanned_ = last_item_end_;
    }
    item_scanned_ = std::max(item_scanned_, Resume(close_item_));
    if (pending_.size() >= kFragmentBytes && last_item_end_ > 0) return HandleFragment(last_item_end_);
    return Ok();
  }

  Status Finish() {
    if (state_ == State::kDone) return Ok();
    if (state_ == State::kInside) {
      return Fail(
          ErrorCode::kParseError,
          archive_.Quoted() + ": " + part_ + " is not well-formed XML (it ends inside <" + container_ + ">)");
    }
    // No content element at all: an empty part, if it is well-formed.
    pugi::xml_document document;
    return ParseWhole(archive_, part_, pending_, document);
  }

 private:
  enum class State { kBeforeContainer, kInside, kDone };

  [[nodiscard]] std::size_t Resume(const std::string& tag) const {
    return pending_.size() >= tag.size() ? pending_.size() - tag.size() + 1 : 0;
  }

  static bool IsNameCharacter(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
  }

  // Finds the start tag of the container; its prefix (if any) is the prefix
  // of the closing tags searched for later.
  Status FindContainer() {
    std::size_t at = container_scanned_;
    while ((at = pending_.find(container_, at)) != std::string::npos) {
      const std::size_t name_end = at + container_.size();
      if (name_end >= pending_.size()) return AwaitMore(at);  // the tag is not complete yet
      std::size_t name_start = at;
      while (name_start > 0 &&
             (IsNameCharacter(pending_[name_start - 1]) || pending_[name_start - 1] == ':')) {
        --name_start;
      }
      const char after = pending_[name_end];
      const bool opens = name_start > 0 && pending_[name_start - 1] == '<';
      const std::string_view qualified(pending_.data() + name_start, name_end - name_start);
      const bool exact =
          qualified == container_ || (qualified.size() > container_.size() &&
                                      qualified[qualified.size() - container_.size() - 1] == ':');
      if (opens && exact &&
          (after == '>' || after == '/' || std::isspace(static_cast<unsigned char>(after)) != 0)) {
        const std::size_t tag_end = pending_.find('>', name_end);
        if (tag_end == std::string::npos) return AwaitMore(at);
        const std::string prefix(qualified.substr(0, qualified.size() - container_.size()));
        close_container_ = "</" + prefix + container_ + ">";
        close_item_ = "</" + prefix + item_ + ">";
        if (pending_[tag_end - 1] == '/') {
          state_ = State::kDone;  // <sheetData/>: no rows
          return Ok();
        }
        Consume(tag_end + 1);
        state_ = State::kInside;
        container_scanned_ = 0;
        item_scanned_ = 0;
        return Ok();
      }
      at = name_end;
    }
    return AwaitMore(pending_.size() >= container_.size() ? pending_.size() - container_.size() : 0);
  }

  // Resumes the search for the container at `from` once more bytes arrive.
  Status AwaitMore(std::size_t from) {
    container_scanned_ = from;
    if (pending_.size() > kMaxPrologBytes) {
      return Fail(ErrorCode::kParseError, archive_.Quoted() + ": " + part_ + " has no <" + container_ + ">");
    }
    return Ok();
  }

  Status HandleFragment(std::size_t end) {
    pugi::xml_document fragment;
    const pugi::xml_parse_result result = fragment.load_buffer_inplace(
        pending_.data(), end, kParseOptions | pugi::parse_fragment, pugi::encoding_utf8);
    if (!result) return Fail(ErrorCode::kParseError, XmlError(archive_, part_, result, consumed_));
    KITH_RETURN_IF_ERROR(handler_(fragment));
    Consume(end);
    return Ok();
  }

  void Consume(std::size_t count) {
    pending_.erase(0, count);
    consumed_ += count;
    container_scanned_ = container_scanned_ > count ? container_scanned_ - count : 0;
    item_scanned_ = item_scanned_ > count ? item_scanned_ - count : 0;
    last_item_end_ = last_item_end_ > count ? last_item_end_ - count : 0;
  }

  const Archive& archive_;
  std::string part_;
  std::string container_;
  std::string item_;
  Handler handler_;
  State state_ = State::kBeforeContainer;
  std::string pending_;
  std::size_t consumed_ = 0;  // bytes of the part before pending_
  std::string close_container_;
  std::string close_item_;
  std::size_t container_scanned_ = 0;
  std::size_t item_scanned_ = 0;
  std::size_t last_item_end_ = 0;
};

Status StreamElements(const Archive& archive, const std::string& part, const std::string& container,
                      const std::string& item, FragmentSplitter::Handler handler) {
  FragmentSplitter splitter(archive, part, container, item, std::move(handler));
  KITH_RETURN_IF_ERROR(archive.Stream(part, [&](std::string_view bytes) { return splitter.Feed(bytes); }));
  return splitter.Finish();
}

// ---------------------------------------------------------------------------
// Package structure: which part is the first worksheet.

struct Relationship {
  std::string type;
  std::string target;  // the part name, resolved against the source part
};

std::string Directory(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string ResolveTarget(const std::string& source_part, const std::string& target) {
  std::string joined = target.starts_with('/') ? target.substr(1) : Directory(source_part) + target;
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    const std::size_t slash = std::min(joined.find('/', start), joined.size());
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const auto& segment : segments) resolved += (resolved.empty() ? "" : "/") + segment;
  return resolved;
}

// The relationships of `part` by id; none when it has no .rels part.
Result<std::vector<std::pair<std::string, Relationship>>> ReadRelationships(const Archive& archive,
                                                                            const std::string& part) {
  const std::string rels_part = Directory(part) + "_rels/" + part.substr(Directory(part).size()) + ".rels";
  std::vector<std::pair<std::string, Relationship>> relationships;
  if (!archive.Has(rels_part)) return relationships;
  KITH_ASSIGN_OR_RETURN(std::string content, archive.ReadWhole(rels_part));
  pugi::xml_document document;
  KITH_RETURN_IF_ERROR(ParseWhole(archive, rels_part, content, document));
  for (const pugi::xml_node node : Child(document, "Relationships").children()) {
    if (!Is(node, "Relationship")) continue;
    if (std::string_view(node.attribute("TargetMode").value()) == "External") continue;
    relationships.emplace_back(
        node.attribute("Id").value(),
        Relationship{node.attribute("Type").value(), ResolveTarget(part, node.attribute("Target").value())});
  }
  return relationships;
}

bool HasType(const Relationship& relationship, std::string_view type_suffix) {
  return std::string_view(relationship.type).ends_with(type_suffix);
}

std::optional<std::string> TargetOfType(
    const std::vector<std::pair<std::string, Relationship>>& relationships, std::string_view type_suffix) {
  for (const auto& [id, relationship] : relationships) {
    if (HasType(relationship, type_suffix)) return relationship.target;
  }
  return std::nullopt;
}

struct Package {
  std::string worksheet;
  std::optional<std::string> shared_strings;
  std::optional<std::string> styles;
  bool date1904 = false;
};

Result<Package> LocatePackage(const Archive& archive) {
  const auto no_worksheet = [&] {
    return Fail(ErrorCode::kParseError, archive.Quoted() + " has no worksheet");
  };
  KITH_ASSIGN_OR_RETURN(auto root_relationships, ReadRelationships(archive, ""));
  const std::string workbook_part =
      TargetOfType(root_relationships, "/officeDocument").value_or("xl/workbook.xml");
  if (!archive.Has(workbook_part)) return no_worksheet();

  KITH_ASSIGN_OR_RETURN(std::string workbook_xml, archive.ReadWhole(workbook_part));
  pugi::xml_document workbook;
  KITH_RETURN_IF_ERROR(ParseWhole(archive, workbook_part, workbook_xml, workbook));
  const pugi::xml_node workbook_element = Child(workbook, "workbook");
  KITH_ASSIGN_OR_RETURN(auto relationships, ReadRelationships(archive, workbook_part));

  Package package;
  const std::string_view date1904 = Child(workbook_element, "workbookPr").attribute("date1904").value();
  package.date1904 = date1904 == "1" || date1904 == "true";
  // The first sheet in tab order that is a worksheet (chart sheets hold no cells).
  for (const pugi::xml_node sheet : Child(workbook_element, "sheets").children()) {
    if (!Is(sheet, "sheet")) continue;
    const std::string_view id = AttributeByLocalName(sheet, "id");
    for (const auto& [relationship_id, relationship] : relationships) {
      if (relationship_id == id && HasType(relationship, "/worksheet") && archive.Has(relationship.target)) {
        package.worksheet = relationship.target;
        break;
      }
    }
    if (!package.worksheet.empty()) break;
  }
  if (package.worksheet.empty()) return no_worksheet();

  // Producers that omit these relationships still use the conventional names.
  package.shared_strings = TargetOfType(relationships, "/sharedStrings");
  if (!package.shared_strings && archive.Has("xl/sharedStrings.xml"))
    package.shared_strings = "xl/sharedStrings.xml";
  package.styles = TargetOfType(relationships, "/styles");
  if (!package.styles && archive.Has("xl/styles.xml")) package.styles = "xl/styles.xml";
  return package;
}

// ---------------------------------------------------------------------------
// Styles: which cell formats show numbers as dates or times.

enum class NumberKind : std::uint8_t { kNumber, kDate, kTime };

NumberKind BuiltInKind(long id) {
  if ((id >= 14 && id <= 17) || id == 22) return NumberKind::kDate;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumberKind::kTime;
  return NumberKind::kNumber;
}

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// Looks for date and time tokens outside quoted text, escapes and [brackets]
// ([Red], [$-409], [>100]); [h], [mm], [ss] are elapsed time.
NumberKind ClassifyFormatCode(std::string_view code) {
  bool date = false;
  bool time = false;
  bool month_or_minute = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal, a space width or a fill
      continue;
    }
    if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      const std::string_view inside = code.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) time = true;
      i = close == std::string_view::npos ? code.size() : close;
      continue;
    }
    const auto lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == 'a' && StartsWithIgnoringCase(code.substr(i), "am/pm")) {
      time = true;
      i += 4;
    } else if (lower == 'a' && StartsWithIgnoringCase(code.substr(i), "a/p")) {
      time = true;
      i += 2;
    } else if (lower == 'd' || lower == 'y') {
      date = true;
    } else if (lower == 'h' || lower == 's') {
      time = true;
    } else if (lower == 'm') {
      month_or_minute = true;
    }
  }
  // "m" is a month unless the format is otherwise only a time (h:mm, mm:ss).
  if (date || (month_or_minute && !time)) return NumberKind::kDate;
  if (time) return NumberKind::kTime;
  return NumberKind::kNumber;
}

long ParseLong(std::string_view text, long fallback) {
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

Result<std::vector<NumberKind>> ReadCellFormats(const Archive& archive, const std::string& part) {
  KITH_ASSIGN_OR_RETURN(std::string content, archive.ReadWhole(part));
  pugi::xml_document document;
  KITH_RETURN_IF_ERROR(ParseWhole(archive, part, content, document));
  const pugi::xml_node style_sheet = Child(document, "styleSheet");
  std::vector<std::pair<long, NumberKind>> custom;
  for (const pugi::xml_node format : Child(style_sheet, "numFmts").children()) {
    if (!Is(format, "numFmt")) continue;
    custom.emplace_back(ParseLong(format.attribute("numFmtId").value(), -1),
                        ClassifyFormatCode(format.attribute("formatCode").value()));
  }
  std::vector<NumberKind> kinds;
  for (const pugi::xml_node xf : Child(style_sheet, "cellXfs").children()) {
    if (!Is(xf, "xf")) continue;
    const long id = ParseLong(xf.attribute("numFmtId").value(), 0);
    NumberKind kind = BuiltInKind(id);
    for (const auto& [custom_id, custom_kind] : custom) {
      if (custom_id == id) kind = custom_kind;
    }
    kinds.push_back(kind);
  }
  return kinds;
}

// ---------------------------------------------------------------------------
// Cell values.

bool IsPlainInteger(std::string_view text) {
  const std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  return !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
}

std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Integers without a decimal point or exponent (so phone numbers stored as
// numbers read back digit for digit); fractions in their shortest form that
// reads back as the same double.
std::string FormatNumber(std::string_view stored) {
  const std::string_view text = TrimXmlSpace(stored);
  if (IsPlainInteger(text)) {
    if (text.find_first_not_of("-0") == std::string_view::npos) return "0";
    return std::string(text);
  }
  const std::optional<double> value = ParseNumber(text);
  if (!value) return std::string(text);
  if (*value == 0) return "0";
  std::array<char, 400> buffer{};
  const auto fixed =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), *value, std::chars_format::fixed);
  const auto fixed_length = static_cast<std::size_t>(fixed.ptr - buffer.data());
  // Very large and very small magnitudes would be runs of zeros; those keep
  // the exponent.
  if (fixed.ec == std::errc() && fixed_length <= 24) {
    return {buffer.data(), fixed_length};
  }
  const auto shortest = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *value);
  return {buffer.data(), static_cast<std::size_t>(shortest.ptr - buffer.data())};
}

constexpr std::int64_t kSecondsPerDay = 86400;
// Excel's last date, 9999-12-31, in the 1900 date system.
constexpr double kMaxSerial = 2958466.0;

// Excel's 1900 date system counts 1900-01-01 as day 1 and keeps Lotus 1-2-3's
// 29 February 1900, day 60, which never was; the 1904 system counts from
// 1904-01-01 as day 0. A time of day is dropped.
std::optional<std::string> SerialToIsoDate(double serial, bool date1904) {
  if (!(serial >= 0) || serial >= kMaxSerial) return std::nullopt;
  const auto seconds = static_cast<std::int64_t>(std::llround(serial * static_cast<double>(kSecondsPerDay)));
  const std::int64_t days = seconds / kSecondsPerDay;
  if (date1904) return Date{1904, 1, 1}.AddDays(days).ToIso();
  if (days == 0) return std::nullopt;  // Excel shows "1900-01-00"
  if (days == 60) return "1900-02-29";
  return Date{1899, 12, days < 60 ? 31 : 30}.AddDays(days).ToIso();
}

// HH:MM:SS for a time of day (a serial below one day).
std::optional<std::string> SerialToTime(double serial) {
  if (!(serial >= 0) || serial >= 1) return std::nullopt;
  const auto seconds = static_cast<std::int64_t>(std::llround(serial * static_cast<double>(kSecondsPerDay)));
  if (seconds >= kSecondsPerDay) return std::nullopt;
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%02d:%02d:%02d", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  return std::string(buffer.data());
}

// Column letters of a cell reference ("AB12") to a 0-based index, or nullopt
// when the reference has none.
std::optional<std::size_t> ColumnOfReference(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (const char c : reference) {
    const auto upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper < 'A' || upper > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(upper - 'A' + 1);
    if (++letters > 3) return kMaxColumns;  // out of range; reported by the caller
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

class SheetReader {
 public:
  SheetReader(const Archive& archive, std::string part, const std::vector<std::string>& shared_strings,
              const std::vector<NumberKind>& cell_formats, bool date1904, const XlsxRowSink& sink)
      : archive_(archive),
        part_(std::move(part)),
        shared_strings_(shared_strings),
        cell_formats_(cell_formats),
        date1904_(date1904),
        sink_(sink) {}

  Status ReadFragment(const pugi::xml_document& fragment) {
    for (const pugi::xml_node row : fragment.children()) {
      if (Is(row, "row")) KITH_RETURN_IF_ERROR(ReadRow(row));
    }
    return Ok();
  }

 private:
  Status ReadRow(const pugi::xml_node& row) {
    const long number = ParseLong(row.attribute("r").value(), -1);
    row_number_ = number > 0 ? static_cast<std::size_t>(number) : row_number_ + 1;
    std::vector<std::string> cells;
    std::size_t next_column = 0;
    for (const pugi::xml_node cell : row.children()) {
      if (!Is(cell, "c")) continue;
      const std::string_view reference = cell.attribute("r").value();
      const std::size_t column = ColumnOfReference(reference).value_or(next_column);
      if (column >= kMaxColumns) {
        return Fail(ErrorCode::kParseError, archive_.Quoted() + ": " + part_ + ": cell reference '" +
                                                std::string(reference) +
                                                "' is outside Excel's 16,384 columns");
      }
      next_column = column + 1;
      KITH_ASSIGN_OR_RETURN(std::string value, CellValue(cell, reference));
      if (value.empty()) continue;
      if (cells.size() <= column) cells.resize(column + 1);
      cells[column] = std::move(value);
    }
    if (cells.empty()) return Ok();
    return sink_(row_number_, std::move(cells));
  }

  Result<std::string> CellValue(const pugi::xml_node& cell, std::string_view reference) const {
    const std::string_view type = cell.attribute("t").value();
    if (type == "inlineStr") return RichText(Child(cell, "is"));
    const pugi::xml_node value_node = Child(cell, "v");
    std::string stored;
    for (const pugi::xml_node child : value_node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) stored += child.value();
    }
    if (type == "s") {
      const long index = ParseLong(TrimXmlSpace(stored), -1);
      if (index < 0 || static_cast<std::size_t>(index) >= shared_strings_.size()) {
        return Fail(ErrorCode::kParseError, archive_.Quoted() + ": cell " + std::string(reference) +
                                                " refers to shared string " + stored + ", but there are " +
                                                std::to_string(shared_strings_.size()));
      }
      return shared_strings_[static_cast<std::size_t>(index)];
    }
    if (type == "str") return DecodeEscapes(std::move(stored));
    if (type == "b") return std::string(TrimXmlSpace(stored) == "1" ? "TRUE" : "FALSE");
    if (type == "e") return std::string(TrimXmlSpace(stored));
    if (type == "d") {
      // ISO 8601 date-time (Strict files); the date part is the value.
      const std::string_view text = TrimXmlSpace(stored);
      if (text.size() >= 10 && ParseIsoDate(text.substr(0, 10))) return std::string(text.substr(0, 10));
      return std::string(text);
    }
    if (TrimXmlSpace(stored).empty()) return std::string();
    const NumberKind kind = Kind(cell);
    if (kind != NumberKind::kNumber) {
      if (const std::optional<double> serial = ParseNumber(TrimXmlSpace(stored))) {
        std::optional<std::string> shown =
            kind == NumberKind::kDate ? SerialToIsoDate(*serial, date1904_) : SerialToTime(*serial);
        if (shown) return *std::move(shown);
      }
    }
    return FormatNumber(stored);
  }

  [[nodiscard]] NumberKind Kind(const pugi::xml_node& cell) const {
    const long style = ParseLong(cell.attribute("s").value(), 0);
    if (style < 0 || static_cast<std::size_t>(style) >= cell_formats_.size()) return NumberKind::kNumber;
    return cell_formats_[static_cast<std::size_t>(style)];
  }

  const Archive& archive_;
  std::string part_;
  const std::vector<std::string>& shared_strings_;
  const std::vector<NumberKind>& cell_formats_;
  bool date1904_;
  const XlsxRowSink& sink_;
  std::size_t row_number_ = 0;
};

}  // namespace

Status ReadXlsxRows(const std::string& path, const XlsxRowSink& sink, const XlsxLimits& limits) {
  KITH_ASSIGN_OR_RETURN(const Archive archive, OpenArchive(path, limits));
  KITH_ASSIGN_OR_RETURN(const Package package, LocatePackage(archive));

  std::vector<std::string> shared_strings;
  if (package.shared_strings && archive.Has(*package.shared_strings)) {
    KITH_RETURN_IF_ERROR(StreamElements(archive, *package.shared_strings, "sst", "si",
                                        [&](const pugi::xml_document& fragment) -> Status {
                                          for (const pugi::xml_node item : fragment.children()) {
                                            if (Is(item, "si")) shared_strings.push_back(RichText(item));
                                          }
                                          return Ok();
                                        }));
  }
  std::vector<NumberKind> cell_formats;
  if (package.styles && archive.Has(*package.styles)) {
    KITH_ASSIGN_OR_RETURN(cell_formats, ReadCellFormats(archive, *package.styles));
  }
  SheetReader sheet(archive, package.worksheet, shared_strings, cell_formats, package.date1904, sink);
  return StreamElements(archive, package.worksheet, "sheetData", "row",
                        [&](const pugi::xml_document& fragment) { return sheet.ReadFragment(fragment); });
}

}  // namespace kith
