#include "app/prepare_fields.h"

#include <algorithm>

#include "domain/contact_merge.h"
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

// "acme.com" and "www.acme.com" are how people write a website; kith
// stores a full address so links work. "skype:ann.lee" is no website and
// is never made "https://skype:ann.lee".
std::string WithScheme(const std::string& url) {
  const bool bare = !url.empty() && url.find("://") == std::string::npos &&
                    url.find(' ') == std::string::npos && url.find('.') != std::string::npos &&
                    url.find('@') == std::string::npos && !HasNonWebScheme(url);
  return bare ? "https://" + url : url;
}

// One spelling per LinkedIn profile, so the same person is recognised in
// every export: https://www.linkedin.com/in/<name> without slash or query.
std::string CanonicalLinkedIn(std::string url) {
  const std::string key = ProfileKey(url);
  if (!key.starts_with("linkedin.com/")) return url;
  std::string path = key.substr(std::string_view("linkedin.com").size());
  // The key is lower-cased; keep the original letters of the path.
  const auto found = AsciiLower(url).find(path);
  if (found != std::string::npos) path = url.substr(found, path.size());
  return "https://www.linkedin.com" + path;
}

void TidyFields(ContactFields& fields, std::string_view region) {
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

  for (auto& phone : fields.phones) phone = NormalizePhone(Trim(phone.original), region);
  fields.website = WithScheme(fields.website);
  for (auto& link : fields.links) {
    link.url = WithScheme(Trim(link.url));
    if (link.kind == LinkKind::kLinkedIn) link.url = CanonicalLinkedIn(link.url);
  }
  std::erase_if(fields.phones, [](const Phone& phone) { return Trim(phone.original).empty(); });
  for (std::string* text : {&fields.nickname, &fields.role}) *text = Trim(*text);
  fields.kind = AsciiLower(Trim(fields.kind));
  if (fields.kind == "individual") fields.kind.clear();
  std::erase_if(fields.departments, [](const std::string& unit) { return Trim(unit).empty(); });
  // A type stays with its value as the value is tidied, and is dropped once
  // its value is gone.
  for (ValueType& type : fields.value_types) {
    type.value = Trim(type.value);
    if (type.property == "URL") {
      type.value = WithScheme(type.value);
      if (ProfileKey(type.value).starts_with("linkedin.com/")) type.value = CanonicalLinkedIn(type.value);
    }
  }
  OrderValueTypes(fields);
}

// Removes the items of `values` that `check` refuses, adding them to `invalid`.
template <typename Item, typename Check, typename ValueOf>
void TakeOut(std::vector<Item>& values, const Check& check, const ValueOf& value_of,
             std::vector<InvalidValue>& invalid) {
  std::erase_if(values, [&](const Item& item) {
    Status status = check(item);
    if (status) return false;
    invalid.push_back(InvalidValue{value_of(item), std::move(status.error())});
    return true;
  });
}

}  // namespace

Status PrepareFields(ContactFields& fields, std::string_view region) {
  if (!fields.phones.empty()) KITH_RETURN_IF_ERROR(PhoneNumbersReady());
  TidyFields(fields, region);
  return ValidateContactFields(fields);
}

std::vector<InvalidValue> TakeOutInvalidValues(ContactFields& fields, std::string_view region) {
  TidyFields(fields, region);
  std::vector<InvalidValue> invalid;
  TakeOut(
      fields.emails, [](const std::string& email) { return ValidateEmail(email); },
      [](const std::string& email) { return email; }, invalid);
  TakeOut(
      fields.phones, [](const Phone& phone) { return ValidatePhone(phone.original); },
      [](const Phone& phone) { return phone.original; }, invalid);
  if (!fields.website.empty()) {
    if (Status status = ValidateUrl(fields.website, "website"); !status) {
      invalid.push_back(InvalidValue{std::move(fields.website), std::move(status.error())});
      fields.website.clear();
    }
  }
  TakeOut(
      fields.links, [](const Link& link) { return ValidateUrl(link.url, LinkKindName(link.kind)); },
      [](const Link& link) { return link.url; }, invalid);
  return invalid;
}

}  // namespace kith
