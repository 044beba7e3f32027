#include "app/prepare_fields.h"

#include <algorithm>

#include "domain/validation.h"
#include "formats/phone_number.h"

namespace kith {
namespace {

void TrimAndDeduplicate(std::vector<std::string>& values) {
  std::vector<std::string> kept;
  std::vector<std::string> seen;
  for (auto& value : values) {
    std::string trimmed = Trim(value);
    std::string key = AsciiLower(trimmed);
    if (!trimmed.empty() && std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(std::move(key));
    kept.push_back(std::move(trimmed));
  }
  values = std::move(kept);
}

}  // namespace

Status PrepareFields(ContactFields& fields, std::string_view region) {
  for (std::string* text : {&fields.display_name, &fields.given_name, &fields.family_name, &fields.company,
                            &fields.title, &fields.website, &fields.city, &fields.neighborhood,
                            &fields.hometown, &fields.how_met, &fields.met_at, &fields.looking_for}) {
    *text = Trim(*text);
  }
  CompleteNames(fields);
  TrimAndDeduplicate(fields.emails);
  TrimAndDeduplicate(fields.tags);
  TrimAndDeduplicate(fields.skills);
  TrimAndDeduplicate(fields.interests);
  for (auto& phone : fields.phones) phone = NormalizePhone(phone.original, region);
  for (auto& link : fields.links) link.url = Trim(link.url);
  return ValidateContactFields(fields);
}

}  // namespace kith
