#include "cli/printing.h"

#include <algorithm>
#include <cctype>
#include <iostream>

#include "app/scan.h"
#include "domain/give.h"
#include "domain/utf8.h"

namespace kith::cli {
namespace {

constexpr int kMaxColumnWidth = 28;

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool IsCombining(char32_t c) { return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0900 && c <= 0x0903); }

// Cuts `text` to at most `width` columns, marking the cut with an ellipsis.
std::string Fit(std::string_view text, int width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::string fitted;
  int used = 0;
  std::size_t index = 0;
  while (index < text.size()) {
    const std::string_view character = FirstCharacter(text.substr(index));
    const int character_width = DisplayWidth(character);
    if (used + character_width > width - 1) break;
    fitted += character;
    used += character_width;
    index += character.size();
  }
  return fitted + "…";
}

std::string Pad(const std::string& text, int width) {
  return text + std::string(static_cast<std::size_t>(std::max(0, width - DisplayWidth(text))), ' ');
}

std::string Join(const std::vector<std::string>& values) {
  std::string joined;
  for (const auto& value : values) {
    if (!joined.empty()) joined += ", ";
    joined += value;
  }
  return joined;
}

void Line(std::ostream& out, std::string_view label, std::string_view value) {
  if (value.empty()) return;
  // A label of ten letters or more ("department") still gets its space.
  out << "  " << Pad(std::string(label), 9) << ' ' << value << '\n';
}

// "  (Assistant, preferred)": the label an address book gave a value, else
// its types as people name them; empty when the card said nothing. "voice",
// "internet" and "pref" say nothing a reader needs.
std::string TypeNote(const std::vector<std::string>& types, int pref, const std::string& label) {
  std::vector<std::string> parts;
  // Apple writes its built-in labels wrapped: "_$!<Other>!$_" is "other".
  constexpr std::string_view kOpen = "_$!<";
  constexpr std::string_view kClose = ">!$_";
  if (label.size() > kOpen.size() + kClose.size() && label.starts_with(kOpen) && label.ends_with(kClose)) {
    std::string built_in = label.substr(kOpen.size(), label.size() - kOpen.size() - kClose.size());
    for (char& c : built_in) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    parts.push_back(built_in);
  } else if (!label.empty()) {
    parts.push_back(label);
  } else {
    for (const std::string& type : types) {
      if (type == "voice" || type == "internet" || type == "pref") continue;
      parts.push_back(type == "cell" ? "mobile" : type);
    }
  }
  if (pref == 1) parts.emplace_back("preferred");
  if (pref > 1) parts.push_back("preference " + std::to_string(pref));
  return parts.empty() ? "" : "  (" + Join(parts) + ")";
}

std::string TypeNoteOf(const Contact& contact, std::string_view property, std::string_view value) {
  const ValueType* type = FindValueType(contact.value_types, property, value);
  return type == nullptr ? "" : TypeNote(type->types, type->pref, type->label);
}

// "1 Main St, Suite 5, Chicago, IL 60601, USA  (work)".
std::string AddressText(const Address& address) {
  std::vector<std::string> parts;
  const std::string region = address.region +
                             (address.region.empty() || address.postal_code.empty() ? "" : " ") +
                             address.postal_code;
  for (const std::string& part :
       {address.po_box.empty() ? std::string() : "PO Box " + address.po_box, address.street, address.extended,
        address.locality, region, address.country}) {
    if (!part.empty()) parts.push_back(part);
  }
  return Join(parts) + TypeNote(address.types, address.pref, address.label);
}

}  // namespace

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (const char32_t c : DecodeUtf8(text)) {
    if (IsCombining(c)) continue;
    width += IsWide(c) ? 2 : 1;
  }
  return width;
}

int ExitCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUnauthorized:
    case ErrorCode::kForbidden:
    case ErrorCode::kNotFound:
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kConflict:
    case ErrorCode::kParseError:
    case ErrorCode::kIo:
    case ErrorCode::kInternal:
      return 1;
  }
  return 1;
}

int ReportError(std::string_view command, const Error& error) {
  std::cerr << "kith " << command << ": " << error.message << '\n';
  return ExitCode(error.code);
}

void PrintJson(std::ostream& out, const nlohmann::json& value) {
  out << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void PrintCard(std::ostream& out, const Contact& contact, Date today) {
  out << contact.display_name << "  (#" << contact.id.value << ")";
  if (contact.trashed_at) out << "  [in the trash since " << contact.trashed_at->substr(0, 10) << "]";
  out << '\n';
  if (!contact.title.empty() && !contact.company.empty()) {
    out << "  " << contact.title << " at " << contact.company << '\n';
  } else if (!contact.title.empty() || !contact.company.empty()) {
    out << "  " << contact.title << contact.company << '\n';
  }
  Line(out, "nickname", contact.nickname);
  Line(out, "role", contact.role);
  Line(out, "department", Join(contact.departments));
  if (contact.birthday) Line(out, "birthday", contact.birthday->ToIso());
  if (contact.anniversary) Line(out, "anniversary", contact.anniversary->ToIso());
  for (const auto& email : contact.emails) Line(out, "email", email + TypeNoteOf(contact, "EMAIL", email));
  for (const auto& phone : contact.phones) {
    std::string shown = phone.original;
    if (!phone.e164.empty() && phone.e164 != phone.original) shown += "  (" + phone.e164 + ")";
    Line(out, "phone", shown + TypeNoteOf(contact, "TEL", phone.original));
  }
  // Numbered, as `kith edit --remove-address N` names them.
  for (std::size_t index = 0; index < contact.addresses.size(); ++index) {
    const Address& address = contact.addresses[index];
    Line(out, "address " + std::to_string(index + 1) + ":", AddressText(address));
    if (!address.delivery_label.empty()) {
      std::string lines = address.delivery_label;
      for (auto at = lines.find('\n'); at != std::string::npos; at = lines.find('\n', at + 1)) {
        lines.replace(at, 1, " / ");
      }
      Line(out, "  printed", lines);
    }
  }
  if (!contact.website.empty())
    Line(out, "website", contact.website + TypeNoteOf(contact, "URL", contact.website));
  for (const auto& link : contact.links) {
    std::string shown = link.url;
    if (link.connected) shown += "  (connected)";
    if (link.followed) shown += "  (following)";
    shown += TypeNoteOf(contact, "URL", link.url);
    Line(out, LinkKindName(link.kind), shown);
  }
  std::string place = contact.city;
  if (!contact.neighborhood.empty()) place += (place.empty() ? "" : " · ") + contact.neighborhood;
  Line(out, "lives in", place);
  Line(out, "from", contact.hometown);
  std::string met = contact.met_at;
  if (contact.met_on) met += (met.empty() ? "on " : " on ") + contact.met_on->ToIso();
  if (!contact.how_met.empty()) met += (met.empty() ? "" : " — ") + contact.how_met;
  Line(out, "met", met);
  Line(out, "tags", Join(contact.tags));
  Line(out, "skills", Join(contact.skills));
  Line(out, "interests", Join(contact.interests));
  if (contact.open_to_opportunities) {
    std::string open = "yes";
    if (contact.open_since) open += ", since " + contact.open_since->ToIso();
    if (!contact.looking_for.empty()) open += ": " + contact.looking_for;
    if (!IsOpenToOpportunities(contact, today)) {
      open += "  (lapsed after six months: `kith edit " + std::to_string(contact.id.value) +
              " --open-to-opportunities` confirms it)";
    }
    Line(out, "open to", open);
  }
  if (contact.last_contact) Line(out, "last talk", contact.last_contact->ToIso());
  for (const auto& field : contact.custom) Line(out, field.label, field.value);
  if (!contact.photo.empty())
    Line(out, "photo", contact.photo.starts_with("data:") ? "(kept)" : contact.photo);
  if (!contact.vcard_properties.empty()) {
    Line(out, "vcard", std::to_string(contact.vcard_properties.size()) + " more properties kept for export");
  }
  if (!contact.notes.empty()) {
    out << "  notes\n";
    std::size_t start = 0;
    while (start <= contact.notes.size()) {
      const auto end = contact.notes.find('\n', start);
      out << "    " << contact.notes.substr(start, end - start) << '\n';
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  out << "  added " << contact.created_at.substr(0, 10) << " · updated " << contact.updated_at.substr(0, 10)
      << " · uid " << contact.uid << '\n';
}

std::string JobDescription(const std::string& title, const std::string& company) {
  if (title.empty()) return company;
  if (company.empty()) return title;
  std::string described = title;
  described += " at ";
  described += company;
  return described;
}

void PrintJobChanges(std::ostream& out, const std::vector<JobChange>& changes) {
  if (changes.empty()) return;
  out << "  job changes\n";
  const auto job = JobDescription;
  for (const auto& change : changes) {
    out << "    " << change.noticed_on.ToIso() << "  " << job(change.old_title, change.old_company) << " → "
        << job(change.new_title, change.new_company);
    if (!change.source.empty()) out << "  (" << change.source << ")";
    out << '\n';
  }
}

void PrintContactTable(std::ostream& out, const std::vector<ContactSummary>& contacts) {
  struct Row {
    std::string id, name, company, city, met;
  };
  std::vector<Row> rows;
  rows.push_back({"ID", "NAME", "COMPANY", "CITY", "MET"});
  for (const auto& contact : contacts) {
    std::string met = contact.met_at;
    if (contact.met_on) met += (met.empty() ? "" : ", ") + contact.met_on->ToIso();
    rows.push_back({std::to_string(contact.id.value), Fit(contact.display_name, kMaxColumnWidth),
                    Fit(contact.company, kMaxColumnWidth), Fit(contact.city, 18),
                    Fit(met, kMaxColumnWidth + 12)});
  }
  int id_width = 0;
  int name_width = 0;
  int company_width = 0;
  int city_width = 0;
  for (const auto& row : rows) {
    id_width = std::max(id_width, DisplayWidth(row.id));
    name_width = std::max(name_width, DisplayWidth(row.name));
    company_width = std::max(company_width, DisplayWidth(row.company));
    city_width = std::max(city_width, DisplayWidth(row.city));
  }
  for (const auto& row : rows) {
    std::string line = std::string(static_cast<std::size_t>(id_width - DisplayWidth(row.id)), ' ') + row.id +
                       "  " + Pad(row.name, name_width) + "  " + Pad(row.company, company_width) + "  " +
                       Pad(row.city, city_width) + "  " + row.met;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

void PrintQrCode(std::ostream& out, const QrCode& code) {
  constexpr int kQuiet = 2;
  for (int y = -kQuiet; y < code.size + kQuiet; y += 2) {
    for (int x = -kQuiet; x < code.size + kQuiet; ++x) {
      const bool top = code.At(x, y);
      const bool bottom = code.At(x, y + 1);
      // Light is drawn, dark is left blank: reads on dark terminals too,
      // where most phone scanners see the inverted code fine.
      out << (!top && !bottom ? "█" : !top ? "▀" : !bottom ? "▄" : " ");
    }
    out << "\n";
  }
}

}  // namespace kith::cli
