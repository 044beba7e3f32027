#include "formats/phone_number.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

#include "domain/validation.h"

namespace kith {

Phone NormalizePhone(std::string_view original, std::string_view region) {
  Phone phone{Trim(original), ""};
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::string text = phone.original;
  if (text.rfind("00", 0) == 0) text = "+" + text.substr(2);
  const bool international = !text.empty() && text.front() == '+';
  std::string upper_region;
  for (const char c : region) upper_region += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!international && upper_region.empty()) return phone;
  PhoneNumber number;
  if (util.Parse(text, international ? "ZZ" : upper_region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return phone;
  }
  if (!util.IsPossibleNumber(number)) return phone;
  util.Format(number, PhoneNumberUtil::E164, &phone.e164);
  return phone;
}

bool IsValidPhoneNumber(std::string_view e164) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(e164), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  return util.IsValidNumber(number);
}

bool IsPossiblePhoneNumber(std::string_view e164) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(e164), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  return util.IsPossibleNumber(number);
}

}  // namespace kith
