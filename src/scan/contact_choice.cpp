#include "scan/contact_choice.h"

#include "scan/public_suffix.h"
#include "scan/text_patterns.h"

namespace kith::scan {
namespace {

struct Contacts {
  bool email = false;
  bool website = false;
  bool phone = false;
};

Contacts ContactsIn(const std::string& read, const std::string& phone_region) {
  Contacts found;
  const std::string text = NormalizeOcrText(read);
  const std::string rest = StripLabel(text);
  const bool labelled = rest != text;
  for (const auto& email : FindEmails(rest)) found.email = found.email || email.known_suffix;
  for (const auto& url : FindUrls(rest)) {
    const bool says_so = url.value.rfind("www.", 0) == 0 || url.value.find("://") != std::string::npos;
    if (!ProfileKind(url.value) && (says_so || labelled) && HasPublicSuffix(HostOf(url.value)))
      found.website = true;
  }
  for (const auto& phone : FindPhones(rest, phone_region))
    found.phone = found.phone || !phone.phone.e164.empty();
  return found;
}

// In a word with an '@', a capital I after a small letter is an l: an
// address is written in small letters, and a reader with no word list to
// lean on reads a small l as the capital I it is drawn like.
std::string WithAddressesIMended(std::string text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (text.find('@', start) < end) {
      for (std::size_t i = start + 1; i < end; ++i) {
        if (text[i] == 'I' && text[i - 1] >= 'a' && text[i - 1] <= 'z') text[i] = 'l';
      }
    }
    start = end + 1;
  }
  return text;
}

}  // namespace

std::vector<OcrLine> WithContactReadingsTaken(std::vector<OcrLine> lines, const std::string& phone_region) {
  for (auto& line : lines) {
    if (line.contact_reading.empty()) continue;
    const Contacts first = ContactsIn(line.text, phone_region);
    line.contact_reading = WithAddressesIMended(std::move(line.contact_reading));
    const Contacts again = ContactsIn(line.contact_reading, phone_region);
    // A web address is no email's domain, and a phone number no part of an
    // email's or a web address's line.
    const bool any_first = first.email || first.website || first.phone;
    const bool take = (again.email && !first.email) || (again.website && !first.website && !first.email) ||
                      (again.phone && !any_first);
    if (take) line.text = line.contact_reading;
  }
  return lines;
}

}  // namespace kith::scan
