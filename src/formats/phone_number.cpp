#include "formats/phone_number.h"

#include <cctype>
#include <string>

#include "domain/validation.h"
#include "formats/kith_module.h"
#include "formats/phone_module.h"

// The entry points themselves where the program links kith_phone_engine
// (the tests, fuzzers and benchmarks); null in kith, which loads the module.
extern "C" __attribute__((weak)) bool LinkedPhoneE164(
    const std::string* text, const std::string* region,
    std::string* e164) __asm__("kith_phone_e164_" KITH_PHONE_INTERFACE);
extern "C" __attribute__((weak)) bool LinkedPhoneValid(const std::string* e164) __asm__(
    "kith_phone_valid_" KITH_PHONE_INTERFACE);

namespace kith {
namespace {

constexpr KithModule kPhoneModule{kPhoneModuleFile, kPhoneModuleVariable, "reading phone numbers"};

// The module's two entry points, found on the first call; both null (and
// the error kept) when it cannot be loaded.
struct PhoneEntries {
  PhoneE164Entry e164 = nullptr;
  PhoneValidEntry valid = nullptr;
  Status loaded;
};

template <typename Entry>
Result<Entry> EntryPoint(void* module, const std::string& symbol) {
  KITH_ASSIGN_OR_RETURN(void* found, KithModuleSymbol(module, kPhoneModule, symbol));
  // POSIX gives a function's address from dlsym as a data pointer.
  return reinterpret_cast<Entry>(found);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

Status Find(PhoneEntries& entries) {
  if (&LinkedPhoneE164 != nullptr && &LinkedPhoneValid != nullptr) {
    entries.e164 = &LinkedPhoneE164;
    entries.valid = &LinkedPhoneValid;
    return Ok();
  }
  KITH_ASSIGN_OR_RETURN(void* module, OpenKithModule(kPhoneModule));
  KITH_ASSIGN_OR_RETURN(entries.e164,
                        EntryPoint<PhoneE164Entry>(module, "kith_phone_e164_" KITH_PHONE_INTERFACE));
  KITH_ASSIGN_OR_RETURN(entries.valid,
                        EntryPoint<PhoneValidEntry>(module, "kith_phone_valid_" KITH_PHONE_INTERFACE));
  return Ok();
}

const PhoneEntries& Entries() {
  static const PhoneEntries entries = [] {
    PhoneEntries found;
    found.loaded = Find(found);
    if (!found.loaded) found = PhoneEntries{nullptr, nullptr, found.loaded};
    return found;
  }();
  return entries;
}

}  // namespace

Status PhoneNumbersReady() { return Entries().loaded; }

Phone NormalizePhone(std::string_view original, std::string_view region) {
  Phone phone{Trim(original), ""};
  std::string text = phone.original;
  if (text.rfind("00", 0) == 0) text = "+" + text.substr(2);
  const bool international = !text.empty() && text.front() == '+';
  std::string upper_region;
  for (const char c : region) upper_region += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!international && upper_region.empty()) return phone;
  const PhoneE164Entry e164 = Entries().e164;
  if (e164 == nullptr) return phone;
  const std::string parse_region = international ? "ZZ" : upper_region;
  std::string placed;
  if (e164(&text, &parse_region, &placed)) phone.e164 = std::move(placed);
  return phone;
}

bool IsValidPhoneNumber(std::string_view e164) {
  const PhoneValidEntry valid = Entries().valid;
  const std::string number(e164);
  return valid != nullptr && valid(&number);
}

bool IsPossiblePhoneNumber(std::string_view e164) {
  // The module's parse places only a possible number (phone_module.h).
  const PhoneE164Entry e164_entry = Entries().e164;
  if (e164_entry == nullptr) return false;
  const std::string number(e164);
  const std::string no_region = "ZZ";
  std::string placed;
  return e164_entry(&number, &no_region, &placed);
}

}  // namespace kith
