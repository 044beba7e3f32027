#include "formats/vcard_versions.h"

#include <algorithm>
#include <array>
#include <vector>

#include "formats/vcard_content_line.h"
#include "formats/vcard_syntax.h"

namespace kith {
namespace {

using vcard::EqualsIgnoreCase;

// Properties of vCard 2.1/3.0 that 4.0 dropped. PROFILE, NAME and MAILER say
// nothing about the person and are left out; the others keep their value
// as an X- property. PROFILE is left out of 3.0 too: vobject (and so khard)
// takes a PROFILE line inside a card for the card's own type and refuses it.
constexpr std::array<std::string_view, 3> kDroppedIn40 = {"PROFILE", "NAME", "MAILER"};
constexpr std::array<std::string_view, 4> kOnlyBefore40 = {"LABEL", "AGENT", "CLASS", "SORT-STRING"};
// Properties that came with vCard 4.0 (RFC 6350, 6474, 6715); 3.0 writes
// them as X- properties, and they read back under their own name.
constexpr std::array<std::string_view, 13> kOnlyIn40 = {
    "GENDER",    "LANG",  "XML",           "CALADRURI",   "MEMBER",       "BIRTHPLACE", "DEATHPLACE",
    "DEATHDATE", "HOBBY", "ORG-DIRECTORY", "CONTACT-URI", "CLIENTPIDMAP", "SOURCE"};
// 4.0 parameters 3.0 has no place for.
constexpr std::array<std::string_view, 10> kParamsOnlyIn40 = {"ALTID", "PID",   "SORT-AS", "CALSCALE", "GEO",
                                                              "TZ",    "LABEL", "INDEX",   "LEVEL",    "CC"};
// Apple's name for a related person in 3.0; RELATED in 4.0.
constexpr std::string_view kAppleRelated = "X-ABRELATEDNAMES";
// Properties whose inline data is binary (ENCODING=b in 3.0, a data: URI in 4.0).
constexpr std::array<std::string_view, 4> kBinary = {"PHOTO", "LOGO", "SOUND", "KEY"};

template <std::size_t N>
bool IsOneOf(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::any_of(names.begin(), names.end(),
                     [&](std::string_view candidate) { return EqualsIgnoreCase(name, candidate); });
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// "data:image/jpeg;base64,<data>" → "image/jpeg" and the data.
bool SplitDataUri(std::string_view value, std::string_view& media_type, std::string_view& data) {
  constexpr std::string_view kBase64 = ";base64,";
  if (!vcard::StartsWithIgnoreCase(value, "data:")) return false;
  const std::size_t marker = value.find(kBase64);
  if (marker == std::string_view::npos) return false;
  media_type = value.substr(5, marker - 5);
  data = value.substr(marker + kBase64.size());
  return true;
}

class Translation {
 public:
  Translation(std::string_view line, VCardVersion version) : line_(line), v4_(version == VCardVersion::k40) {}

  std::optional<std::string> Run();

 private:
  void ReadParams();
  // Whether a parameter is left out when the line is written in the target
  // version: 4.0's own parameters in 3.0; CHARSET everywhere (the reader
  // decoded the value to UTF-8 already, and 3.0 and 4.0 have no CHARSET),
  // unless a quoted-printable value it could not decode still needs it.
  [[nodiscard]] bool DroppedInTranslation(std::string_view name, bool quoted_printable) const {
    if (!v4_ && (IsOneOf(name, kParamsOnlyIn40) || EqualsIgnoreCase(name, "MEDIATYPE"))) return true;
    return EqualsIgnoreCase(name, "CHARSET") && !quoted_printable;
  }
  [[nodiscard]] std::string Assemble() const;

  std::string_view line_;
  bool v4_;
  vcard::ContentLine parsed_;
  std::string name_;
  std::string value_;
  std::vector<std::string> types_;
  std::vector<std::string> others_;  // other parameters, as they will be written
  std::string encoding_;             // lower case, "" for none
  int pref_ = 0;
  bool changed_ = false;
};

void Translation::ReadParams() {
  const auto encoding = parsed_.Find("ENCODING");
  const bool quoted_printable = encoding && EqualsIgnoreCase(*encoding, "QUOTED-PRINTABLE");
  for (const vcard::Param& param : parsed_.params) {
    const bool bare = param.text.find('=') == std::string_view::npos;
    if (EqualsIgnoreCase(param.name, "TYPE")) {
      changed_ = changed_ || bare;  // vCard 2.1's ";HOME" is "TYPE=home" since 3.0
      vcard::ForEachComponent(param.value, ',', [&](std::string_view type) {
        type = vcard::StripQuotes(type);
        if (type.empty()) return;
        if (EqualsIgnoreCase(type, "pref") && v4_) {
          pref_ = 1;
          changed_ = true;
        } else {
          types_.push_back(bare ? Lower(type) : std::string(type));
        }
      });
    } else if (EqualsIgnoreCase(param.name, "ENCODING")) {
      encoding_ = Lower(vcard::StripQuotes(param.value));
      changed_ = changed_ || bare;
    } else if (EqualsIgnoreCase(param.name, "PREF")) {
      int rank = 0;
      for (char c : param.value) rank = c >= '0' && c <= '9' ? rank * 10 + (c - '0') : rank;
      pref_ = rank;
      if (!v4_) changed_ = true;
    } else if (DroppedInTranslation(param.name, quoted_printable)) {
      changed_ = true;
    } else {
      others_.emplace_back(param.text);
    }
  }
  if (!v4_ && pref_ > 0) types_.emplace_back("pref");
}

std::optional<std::string> Translation::Run() {
  const std::size_t colon = vcard::FindValueColon(line_);
  if (colon == std::string_view::npos) return std::string(line_);
  vcard::ParseContentLine(line_, colon, parsed_);
  name_ = std::string(parsed_.name);
  value_ = std::string(parsed_.value);
  if (v4_ && IsOneOf(name_, kDroppedIn40)) return std::nullopt;
  if (EqualsIgnoreCase(name_, "PROFILE")) return std::nullopt;
  ReadParams();
  if (v4_) {
    if (IsOneOf(name_, kOnlyBefore40)) {
      name_ = "X-" + name_;
      changed_ = true;
    } else if (EqualsIgnoreCase(name_, kAppleRelated)) {
      name_ = "RELATED";
      others_.emplace_back("VALUE=text");
      changed_ = true;
    } else if (vcard::StartsWithIgnoreCase(name_, "X-") && IsOneOf(name_.substr(2), kOnlyIn40)) {
      name_.erase(0, 2);
      changed_ = true;
    }
  } else {
    if (EqualsIgnoreCase(name_, "RELATED")) {
      name_ = std::string(kAppleRelated);
      std::erase_if(others_,
                    [](const std::string& param) { return vcard::StartsWithIgnoreCase(param, "VALUE="); });
      changed_ = true;
    } else if (IsOneOf(name_, kOnlyIn40)) {
      name_ = "X-" + name_;
      changed_ = true;
    }
  }
  const bool binary = IsOneOf(name_, kBinary);
  std::string_view media_type;
  std::string_view data;
  if (v4_ && (encoding_ == "b" || encoding_ == "base64")) {
    // 4.0 has no ENCODING: inline data is a data: URI, its TYPE=JPEG the media type.
    std::string type = types_.empty() ? std::string() : Lower(types_.front());
    if (!types_.empty()) types_.erase(types_.begin());
    if (type.find('/') == std::string::npos) {
      type = type.empty() ? "application/octet-stream"
                          : (binary && name_ != "SOUND" ? "image/" : "audio/") + type;
    }
    std::string compact;
    for (char c : value_) {
      if (c != ' ' && c != '\t') compact.push_back(c);
    }
    value_ = vcard::StartsWithIgnoreCase(compact, "data:") ? compact : "data:" + type + ";base64," + compact;
    encoding_.clear();
    changed_ = true;
  } else if (v4_ && (encoding_ == "8bit" || encoding_ == "7bit")) {
    encoding_.clear();
    changed_ = true;
  } else if (!v4_ && encoding_ == "base64") {
    encoding_ = "b";
    changed_ = true;
  } else if (!v4_ && encoding_.empty() && binary && SplitDataUri(value_, media_type, data)) {
    // 3.0 writes inline data with ENCODING=b and the format as TYPE.
    const std::size_t slash = media_type.find('/');
    std::string format(slash == std::string_view::npos ? media_type : media_type.substr(slash + 1));
    for (char& c : format) c = vcard::AsciiUpper(c);
    std::erase_if(others_,
                  [](const std::string& param) { return vcard::StartsWithIgnoreCase(param, "VALUE="); });
    types_.insert(types_.begin(), format);
    value_ = std::string(data);
    encoding_ = "b";
    changed_ = true;
  }
  if (!changed_) return std::string(line_);
  return Assemble();
}

std::string Translation::Assemble() const {
  std::string out(parsed_.group);
  if (!out.empty()) out += '.';
  out += name_;
  if (!encoding_.empty()) out += ";ENCODING=" + encoding_;
  if (!types_.empty()) {
    out += ";TYPE=";
    for (std::size_t i = 0; i < types_.size(); ++i) {
      if (i > 0) out += ',';
      out += types_[i];
    }
  }
  if (v4_ && pref_ > 0) out += ";PREF=" + std::to_string(pref_);
  for (const std::string& param : others_) out += ';' + param;
  out += ':';
  out += value_;
  return out;
}

}  // namespace

std::optional<std::string> KeptLineFor(std::string_view line, VCardVersion version) {
  return Translation(line, version).Run();
}

}  // namespace kith
