// A person on the running list, as plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace kith {

// A strong id: a ContactId never mixes with a count or another table's id.
struct ContactId {
  std::int64_t value = 0;
  auto operator<=>(const ContactId&) const = default;  // NOLINT(modernize-use-nullptr)
};

enum class LinkKind { kLinkedIn, kTwitter, kFacebook, kInstagram, kGitHub, kOther };

// "linkedin", "twitter", … as used in JSON and on the command line.
std::string_view LinkKindName(LinkKind kind);
std::optional<LinkKind> ParseLinkKind(std::string_view name);

struct Link {
  LinkKind kind = LinkKind::kOther;
  std::string url;
  bool connected = false;  // you are connected (LinkedIn, Facebook)
  bool followed = false;   // you follow them (Twitter/X, Instagram, GitHub)
  std::optional<Date> connected_on;
  bool operator==(const Link&) const = default;
};

struct Phone {
  std::string original;  // as typed or imported, never lost
  std::string e164;      // +15551234567, empty when no region could be known
  bool operator==(const Phone&) const = default;
};

// A value kith has no field for, kept as it came (an import's unmapped
// column, a vCard X- property someone cares about): nothing is lost.
struct CustomField {
  std::string label;
  std::string value;
  bool operator==(const CustomField&) const = default;
};

// How an address book qualified one email, phone or web address: its TYPE
// values ("work", "cell", "fax"), PREF and custom label (Apple's X-ABLabel
// on a grouped property, Google's "Phone 1 - Label"). Kept by the value it
// qualifies, so an edit that removes or reorders values never moves a type
// onto another; one whose value is gone is simply unused.
struct ValueType {
  std::string property;            // "EMAIL", "TEL" or "URL"
  std::string value;               // the email, the phone as written, the URL
  std::vector<std::string> types;  // lower case, as written otherwise
  int pref = 0;                    // 1 (most preferred) to 100; 0: not said
  std::string label;               // a custom label, as shown
  bool operator==(const ValueType&) const = default;
};

// A postal address, in vCard's ADR parts, with its TYPE, PREF and label.
struct Address {
  std::vector<std::string> types;  // "home", "work", … lower case
  int pref = 0;
  std::string label;
  std::string po_box;
  std::string extended;  // apartment, suite
  std::string street;
  std::string locality;  // city
  std::string region;
  std::string postal_code;
  std::string country;
  // RFC 6350's LABEL parameter (vCard 3.0's LABEL property): the address as
  // it is printed on an envelope, its lines joined with '\n'.
  std::string delivery_label;
  bool operator==(const Address&) const = default;
};

// Everything a person can set on a card.
struct ContactFields {
  std::string display_name;
  std::string given_name;
  std::string family_name;
  std::vector<std::string> emails;
  std::vector<Phone> phones;
  std::string company;
  std::string title;
  std::string website;
  std::vector<Link> links;
  std::string city;
  std::string neighborhood;
  std::string hometown;
  std::string how_met;
  std::string met_at;  // the event where you met
  std::optional<Date> met_on;
  std::vector<std::string> tags;
  std::vector<std::string> skills;
  std::vector<std::string> interests;
  bool open_to_opportunities = false;
  std::string looking_for;
  std::optional<Date> open_since;
  std::string notes;
  std::vector<CustomField> custom;
  // "" for a person (vCard's KIND:individual, the default), else "org",
  // "group" or "location": an organisation's card has no person's name.
  std::string kind;
  std::string nickname;
  std::string role;                      // vCard ROLE: the part they play, beside the title
  std::vector<std::string> departments;  // ORG's units after the company, outermost first
  std::optional<PartialDate> birthday;
  std::optional<PartialDate> anniversary;
  std::vector<Address> addresses;
  std::vector<ValueType> value_types;  // of emails, phones, the website and links
  std::string photo;                   // a URI: "data:image/jpeg;base64,…" or "https://…"
  // vCard properties kith does not model (RELATED, IMPP, X-…), unfolded
  // content lines as read ("RELATED;TYPE=spouse:urn:uuid:…"), written back
  // on export (translated when the export is another vCard version).
  std::vector<std::string> vcard_properties;
  bool operator==(const ContactFields&) const = default;
};

struct Contact : ContactFields {
  ContactId id;
  std::string uid;  // stable across exports and sync (vCard UID)
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> trashed_at;
  std::optional<Date> last_contact;
};

// A new company or title an import noticed for someone already on the list
// (a later LinkedIn export): who changed jobs is a reason to get in touch.
struct JobChange {
  Date noticed_on;
  std::string source;  // where it was seen, e.g. "Connections.csv"
  std::string old_company;
  std::string old_title;
  std::string new_company;
  std::string new_title;
  bool operator==(const JobChange&) const = default;
};

// The ValueType of `value` under `property`, or nullptr.
const ValueType* FindValueType(const std::vector<ValueType>& types, std::string_view property,
                               std::string_view value);

// Puts value_types in the order of the values they qualify (emails, phones,
// the website, links) and drops those of values the card no longer has, so
// two cards with the same values and types compare equal however they were
// read.
void OrderValueTypes(ContactFields& fields);

// The date that orders people by how recently the relationship was active:
// the last contact, else the day you met, else the day the card was added.
Date RelationshipDate(const Contact& contact);

}  // namespace kith
