#include "store/postgres/listed_keys.h"

#include <algorithm>

#include "domain/validation.h"

namespace kith::postgres {

bool ListedKeys::FoldsHere(std::string_view text) const {
  return lower_is_ascii_ &&
         std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void ListedKeys::AddName(std::string_view sort_name, std::string_view company) {
  if (FoldsHere(company)) {
    AddNameFolded(sort_name, AsciiLower(company));
  } else {
    // Its namesakes are asked of the database, whatever their company.
    keys_.Add(sqlite::FilteredKey::kName, sort_name);
    keys_.Add(sqlite::FilteredKey::kNameAtUnfoldedCompany, sort_name);
  }
}

void ListedKeys::AddNameFolded(std::string_view sort_name, std::string_view folded_company) {
  keys_.Add(sqlite::FilteredKey::kName, sort_name);
  keys_.Add(sqlite::FilteredKey::kNamesake, sqlite::NamesakeKey(sort_name, folded_company));
}

void ListedKeys::AddPhone(std::string_view e164) {
  if (!e164.empty()) keys_.Add(sqlite::FilteredKey::kPhone, e164);
}

void ListedKeys::AddLists(const ContactFields& fields) {
  for (const std::string& email : fields.emails) {
    if (FoldsHere(email)) {
      AddEmailFolded(AsciiLower(email));
    } else {
      emails_unknown_ = true;
    }
  }
  for (const Phone& phone : fields.phones) AddPhone(phone.e164);
  for (const Link& link : fields.links) {
    if (FoldsHere(link.url)) {
      AddLinkUrlFolded(AsciiLower(link.url));
    } else {
      link_urls_unknown_ = true;
    }
  }
}

bool ListedKeys::MayAnswer(const ContactLookup& lookup, std::string_view sent) const {
  if (lookup.namesakes) {
    if (!FoldsHere(lookup.company)) return keys_.MayHold(sqlite::FilteredKey::kName, sent);
    return keys_.MayHold(sqlite::FilteredKey::kNamesake,
                         sqlite::NamesakeKey(sent, AsciiLower(lookup.company))) ||
           keys_.MayHold(sqlite::FilteredKey::kNameAtUnfoldedCompany, sent);
  }
  switch (lookup.key) {
    case ContactKey::kUid:
      return keys_.MayHold(sqlite::FilteredKey::kUid, sent);
    case ContactKey::kEmail:
      return emails_unknown_ || !FoldsHere(sent) ||
             keys_.MayHold(sqlite::FilteredKey::kEmail, AsciiLower(sent));
    case ContactKey::kPhone:
      return keys_.MayHold(sqlite::FilteredKey::kPhone, sent);
    case ContactKey::kLinkUrl:
      return link_urls_unknown_ || !FoldsHere(sent) ||
             keys_.MayHold(sqlite::FilteredKey::kLinkUrl, AsciiLower(sent));
    case ContactKey::kName:
      return keys_.MayHold(sqlite::FilteredKey::kName, sent);
  }
  return true;
}

}  // namespace kith::postgres
