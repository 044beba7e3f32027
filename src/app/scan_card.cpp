#include <mutex>
#include <sstream>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "app/access.h"
#include "app/add_contact_within.h"
#include "app/contacts.h"
#include "app/give.h"
#include "app/scan.h"
#include "app/secrets.h"
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
  fields.met_at = Trim(event);
  return AddScannedContact(context, std::move(fields), image);
}

Result<Contact> AddScannedContact(Context& context, ContactFields fields, std::span<const std::byte> image) {
  if (image.size() > kMaxCardImageBytes) {
    return Fail(ErrorCode::kInvalidInput,
                "the card photo is larger than kith keeps (" + std::to_string(kMaxCardImageBytes >> 20U) +
                    " MB): send a smaller photo",
                "image");
  }
  const std::string_view mime = ImageMimeType(image);
  if (mime.empty()) {
    return Fail(ErrorCode::kInvalidInput, "the card image is not an image kith can keep", "image");
  }
  if (Trim(fields.how_met).empty()) fields.how_met = "business card";
  if (!fields.met_on) fields.met_on = context.clock.Today();
  CardImageData kept;
  kept.mime = std::string(mime);
  kept.bytes.assign(image.begin(), image.end());
  kept.added_on = context.clock.Today().ToIso();
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "add a card"));
  KITH_ASSIGN_OR_RETURN(Contact contact, AddContactWithin(context, std::move(fields)));
  KITH_RETURN_IF_ERROR(context.store.SaveCardImage(contact.id, kept));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return contact;
}

Result<CardImageData> CardImageOf(Context& context, ContactId id) { return context.store.CardImage(id); }

Result<std::vector<bool>> HaveCardImages(Context& context, const std::vector<ContactId>& ids) {
  if (ids.empty()) return std::vector<bool>();
  KITH_ASSIGN_OR_RETURN(const auto with_images, context.store.WithCardImages(ids));
  std::unordered_set<std::int64_t> kept;
  for (const ContactId id : with_images) kept.insert(id.value);
  std::vector<bool> have;
  have.reserve(ids.size());
  for (const ContactId id : ids) have.push_back(kept.contains(id.value));
  return have;
}

// Hashing the kept bytes costs far less than decoding a HEIC again.
Result<CardPhotoShown> CardPhotoToShow(Context& context, ContactId id, std::string_view known_tag) {
  KITH_ASSIGN_OR_RETURN(CardImageData kept, context.store.CardImage(id));
  CardPhotoShown photo;
  photo.tag = Sha256Hex({reinterpret_cast<const char*>(kept.bytes.data()), kept.bytes.size()}).substr(0, 32);
  if (!known_tag.empty() && known_tag == photo.tag) {
    photo.unchanged = true;
    return photo;
  }
  KITH_ASSIGN_OR_RETURN(ScreenPhoto shown, PhotoForScreen(kept.bytes));
  kept.mime = std::move(shown.mime);
  kept.bytes = std::move(shown.bytes);
  photo.image = std::move(kept);
  return photo;
}

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

Result<MyCardPicture> MyCardQrPng(Context& context, int module_pixels) {
  KITH_ASSIGN_OR_RETURN(const MyCard card, ShowMyCard(context, MyCardDetails{}));
  MyCardPicture picture;
  KITH_ASSIGN_OR_RETURN(picture.png, QrCodePng(card.qr, module_pixels));
  // The picture follows from the vCard and the module size alone.
  picture.tag = Sha256Hex(card.vcard + "\n" + std::to_string(module_pixels)).substr(0, 32);
  return picture;
}

}  // namespace kith
