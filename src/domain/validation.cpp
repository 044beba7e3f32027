#include "domain/validation.h"

#include <algorithm>
#include <cctype>

namespace kith {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool HasSpace(std::string_view text) { return std::any_of(text.begin(), text.end(), IsSpace); }

Status InvalidField(std::string_view field, std::string message) {
  return Fail(ErrorCode::kInvalidInput, std::move(message), std::string(field));
}

}  // namespace

std::string Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string AsciiLower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

Status ValidateEmail(std::string_view email) {
  const std::string shown = "email '" + std::string(email) + "'";
  if (email.empty()) return InvalidField("email", "email is empty");
  if (HasSpace(email)) return InvalidField("email", shown + " contains a space");
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return InvalidField("email", shown + " has no '@'");
  if (at == 0) return InvalidField("email", shown + " has nothing before the '@'");
  const std::string_view domain = email.substr(at + 1);
  if (domain.empty()) return InvalidField("email", shown + " has no domain");
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return InvalidField("email", shown + " has an incomplete domain '" + std::string(domain) + "'");
  }
  if (email.substr(0, at).find('@') != std::string_view::npos) {
    return InvalidField("email", shown + " has more than one '@'");
  }
  return Ok();
}

Status ValidateUrl(std::string_view url, std::string_view field) {
  const std::string shown = std::string(field) + " '" + std::string(url) + "'";
  const std::string expected = " is not a web address (expected https://host/…)";
  if (HasSpace(url)) return InvalidField(field, shown + " contains a space");
  const std::string lowered = AsciiLower(url);
  std::size_t host_start = 0;
  if (lowered.rfind("https://", 0) == 0) {
    host_start = 8;
  } else if (lowered.rfind("http://", 0) == 0) {
    host_start = 7;
  } else {
    return InvalidField(field, shown + expected);
  }
  const std::string_view rest = url.substr(host_start);
  const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  if (host.empty() || host.find('.') == std::string_view::npos || host.front() == '.' || host.back() == '.') {
    if (host != "localhost") return InvalidField(field, shown + expected);
  }
  return Ok();
}

bool HasNonWebScheme(std::string_view url) {
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string_view scheme = url.substr(0, colon);
  const bool scheme_like = std::all_of(scheme.begin(), scheme.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-';
  });
  const std::string lowered = AsciiLower(scheme);
  return scheme_like && lowered != "http" && lowered != "https";
}

Status ValidatePhone(std::string_view phone) {
  const bool has_digit =
      std::any_of(phone.begin(), phone.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!has_digit) return InvalidField("phone", "phone '" + std::string(phone) + "' has no digits");
  return Ok();
}

Status ValidateContactFields(const ContactFields& fields) {
  if (Trim(fields.display_name).empty()) {
    return InvalidField("name", "name is missing: every contact needs a name");
  }
  for (const auto& email : fields.emails) KITH_RETURN_IF_ERROR(ValidateEmail(email));
  if (!fields.website.empty()) KITH_RETURN_IF_ERROR(ValidateUrl(fields.website, "website"));
  for (const auto& link : fields.links) {
    KITH_RETURN_IF_ERROR(ValidateUrl(link.url, LinkKindName(link.kind)));
  }
  for (const auto& phone : fields.phones) KITH_RETURN_IF_ERROR(ValidatePhone(phone.original));
  const auto empty_item = [](const std::vector<std::string>& items) {
    return std::any_of(items.begin(), items.end(),
                       [](const std::string& item) { return Trim(item).empty(); });
  };
  // vCard's KIND: RFC 6350's and RFC 6473's values, or an x-name.
  if (!fields.kind.empty() && fields.kind != "org" && fields.kind != "group" && fields.kind != "location" &&
      fields.kind != "application" && !(fields.kind.starts_with("x-") && fields.kind.size() <= 64)) {
    return InvalidField("kind", "kind '" + fields.kind + "' is none of org, group, location, application");
  }
  if (empty_item(fields.tags)) return InvalidField("tag", "a tag is empty");
  if (empty_item(fields.skills)) return InvalidField("skill", "a skill is empty");
  if (empty_item(fields.interests)) return InvalidField("interest", "an interest is empty");
  return Ok();
}

void CompleteNames(ContactFields& fields) {
  fields.display_name = Trim(fields.display_name);
  if (fields.display_name.empty()) {
    fields.display_name = Trim(fields.given_name + " " + fields.family_name);
    return;
  }
  // An organisation's card (vCard KIND:org) has no person's name to invent.
  if (!fields.given_name.empty() || !fields.family_name.empty() || !fields.kind.empty()) return;
  const auto last_space = fields.display_name.rfind(' ');
  if (last_space == std::string::npos) {
    fields.given_name = fields.display_name;
    return;
  }
  fields.given_name = Trim(fields.display_name.substr(0, fields.display_name.find(' ')));
  fields.family_name = Trim(fields.display_name.substr(last_space + 1));
}

}  // namespace kith
