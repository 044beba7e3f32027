#include <mutex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/access.h"
#include "app/contacts.h"
#include "app/give.h"
#include "app/scan.h"
#include "domain/validation.h"
#include "formats/vcard_writer.h"

namespace kith {
namespace {

constexpr const char* kCardKey = "card";

// One scanner per process: loading Tesseract's models takes longer than
// reading a card, and a server reads many.
Result<CardScanner*> SharedScanner() {
  static std::mutex mutex;
  static std::unique_ptr<CardScanner> scanner;
  const std::lock_guard lock(mutex);
  if (!scanner) {
    KITH_ASSIGN_OR_RETURN(scanner, CreateCardScanner());
  }
  return scanner.get();
}

}  // namespace

Result<ScannedCard> ScanCard(Context& context, std::span<const std::byte> image) {
  KITH_ASSIGN_OR_RETURN(CardScanner * scanner, SharedScanner());
  return scanner->Scan(image, context.phone_region);
}

Result<Contact> SaveScannedCard(Context& context, const ScannedCard& card, std::span<const std::byte> image,
                                const std::string& event) {
  const std::string_view mime = ImageMimeType(image);
  if (mime.empty()) {
    return Fail(ErrorCode::kInvalidInput, "the card image is not an image kith can keep", "image");
  }
  if (Trim(card.name).empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "the card has no name kith could read: add the person with kith add --name", "name");
  }
  ContactFields fields;
  fields.display_name = Trim(card.name);
  fields.title = card.title;
  fields.company = card.company;
  fields.emails = card.emails;
  fields.phones = card.phones;
  fields.website = card.website;
  fields.links = card.links;
  if (!card.address.empty()) fields.custom.push_back(CustomField{"address", card.address});
  fields.how_met = "business card";
  fields.met_at = Trim(event);
  fields.met_on = context.clock.Today();
  KITH_ASSIGN_OR_RETURN(Contact contact, AddContact(context, std::move(fields)));
  CardImageData kept;
  kept.mime = std::string(mime);
  kept.bytes.assign(image.begin(), image.end());
  kept.added_on = context.clock.Today().ToIso();
  KITH_RETURN_IF_ERROR(context.store.SaveCardImage(contact.id, kept));
  return contact;
}

Result<CardImageData> CardImageOf(Context& context, ContactId id) { return context.store.CardImage(id); }

Result<MyCard> ShowMyCard(Context& context, const MyCardDetails& update) {
  KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kCardKey));
  MyCardDetails details;
  if (stored) {
    const nlohmann::json json = nlohmann::json::parse(*stored, nullptr, false);
    if (json.is_object()) {
      details.name = json.value("name", "");
      details.title = json.value("title", "");
      details.company = json.value("company", "");
      details.email = json.value("email", "");
      details.phone = json.value("phone", "");
      details.website = json.value("website", "");
    }
  }
  bool changed = false;
  const auto apply = [&](std::string& field, const std::string& value) {
    if (Trim(value).empty() || Trim(value) == field) return;
    field = Trim(value);
    changed = true;
  };
  apply(details.name, update.name);
  apply(details.title, update.title);
  apply(details.company, update.company);
  apply(details.email, update.email);
  apply(details.phone, update.phone);
  apply(details.website, update.website);
  if (!details.email.empty()) KITH_RETURN_IF_ERROR(ValidateEmail(details.email));
  if (changed) {
    const nlohmann::json json = {{"name", details.name},       {"title", details.title},
                                 {"company", details.company}, {"email", details.email},
                                 {"phone", details.phone},     {"website", details.website}};
    KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "change the card"));
    KITH_RETURN_IF_ERROR(context.store.SetSetting(kCardKey, json.dump()));
    KITH_RETURN_IF_ERROR(transaction.Commit());
  }
  MyCard card;
  card.details = details;
  if (card.details.name.empty()) {
    KITH_ASSIGN_OR_RETURN(const MyProfile profile, ShowMyProfile(context));
    card.details.name = profile.name;
  }
  if (card.details.name.empty()) {
    return Fail(ErrorCode::kInvalidInput, "your card has no name yet: kith card --name \"Your Name\"",
                "name");
  }
  Contact me;
  me.display_name = card.details.name;
  CompleteNames(me);
  me.title = card.details.title;
  me.company = card.details.company;
  if (!card.details.email.empty()) me.emails.push_back(card.details.email);
  if (!card.details.phone.empty()) me.phones.push_back(Phone{card.details.phone, ""});
  me.website = card.details.website;
  std::ostringstream vcard;
  WriteVCard(me, VCardVersion::k30, vcard);
  card.vcard = vcard.str();
  KITH_ASSIGN_OR_RETURN(card.qr, EncodeQrCode(card.vcard));
  return card;
}

}  // namespace kith
