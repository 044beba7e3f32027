// kith-phone.so's two exported functions (phone_module.h), named after the
// interface digest by the asm label: libphonenumber's parsing and checks.
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include "formats/phone_module.h"

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

extern "C" __attribute__((visibility("default"))) bool PhoneE164Entry(
    const std::string* text, const std::string* region,
    std::string* e164) __asm__("kith_phone_e164_" KITH_PHONE_INTERFACE);

bool PhoneE164Entry(const std::string* text, const std::string* region, std::string* e164) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(*text, *region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  if (!util.IsPossibleNumber(number)) return false;
  util.Format(number, PhoneNumberUtil::E164, e164);
  return true;
}

extern "C" __attribute__((visibility("default"))) bool PhoneValidEntry(const std::string* e164) __asm__(
    "kith_phone_valid_" KITH_PHONE_INTERFACE);

bool PhoneValidEntry(const std::string* e164) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(*e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  return util.IsValidNumber(number);
}
