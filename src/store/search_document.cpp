#include "store/search_document.h"

#include <algorithm>
#include <string>

#include "domain/utf8.h"

namespace kith {
namespace {

void Append(std::string& column, std::string_view text) {
  if (text.empty()) return;
  if (!column.empty()) column += ' ';
  column += text;
}

}  // namespace

SearchDocument BuildSearchDocument(const Contact& contact) {
  SearchDocument document;
  auto& [name, company, title, email, phone, place, tag, skill, interest, met, web, other, note] = document;
  Append(name, contact.display_name);
  if (contact.given_name + " " + contact.family_name != contact.display_name) {
    Append(name, contact.given_name);
    Append(name, contact.family_name);
  }
  Append(name, contact.nickname);
  Append(company, contact.company);
  for (const auto& unit : contact.departments) Append(company, unit);
  Append(title, contact.title);
  Append(title, contact.role);
  for (const auto& address : contact.emails) Append(email, address);
  for (const auto& number : contact.phones) {
    Append(phone, number.original);
    // The E.164 digits without '+', so "15551234" finds "+1 555 1234".
    if (!number.e164.empty()) Append(phone, std::string_view(number.e164).substr(1));
  }
  Append(place, contact.city);
  Append(place, contact.neighborhood);
  Append(place, contact.hometown);
  for (const auto& address : contact.addresses) {
    if (address.locality != contact.city) Append(place, address.locality);
    Append(place, address.region);
    Append(place, address.country);
    Append(other, address.street);
    Append(other, address.postal_code);
  }
  for (const auto& value : contact.tags) Append(tag, value);
  for (const auto& value : contact.skills) Append(skill, value);
  for (const auto& value : contact.interests) Append(interest, value);
  Append(met, contact.met_at);
  Append(met, contact.how_met);
  Append(web, contact.website);
  for (const auto& link : contact.links) Append(web, link.url);
  Append(other, contact.looking_for);
  for (const auto& field : contact.custom) Append(other, field.value);
  Append(note, contact.notes);
  return document;
}

int KeyShiftFor(std::int64_t highest_id) {
  constexpr int kBitsPerVarintByte = 7;
  int shift = kNarrowestKeyShift;
  while (shift < kWidestKeyShift && (highest_id >> shift) != 0) {
    shift = std::min(shift + kBitsPerVarintByte, kWidestKeyShift);
  }
  return shift;
}

std::int64_t SearchKey(const Contact& contact, int shift) {
  const std::int64_t day =
      std::clamp<std::int64_t>(RelationshipDate(contact).DaysSinceEpoch(), 0, (std::int64_t{1} << 30));
  return (day << shift) | (contact.id.value & ((std::int64_t{1} << shift) - 1));
}

ContactId ContactIdFromSearchKey(std::int64_t key, int shift) {
  return ContactId{key & ((std::int64_t{1} << shift) - 1)};
}

std::int64_t ReshiftedSearchKey(std::int64_t key, int from, int to) {
  return ((key >> from) << to) | (key & ((std::int64_t{1} << from) - 1));
}

bool KeptInVocabulary(const std::string& term) {
  constexpr int kShortestVocabularyTerm = 3;
  if (std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return CharacterCount(term) >= kShortestVocabularyTerm;
}

}  // namespace kith
