// Business cards: scan a photo into fields, save it as a contact with the
// photo kept, and show your own card as a QR code. The CLI (`kith scan`,
// `kith card`) and the web app ("Scan a card") call these.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/contact.h"
#include "domain/result.h"
#include "scan/qr_code.h"
#include "scan/scan.h"

namespace kith {

// Reads a card photo (JPEG, PNG, WebP, TIFF, HEIC bytes); saves nothing.
// Phones without a country code are placed in `context.phone_region`. The
// OCR model is loaded on the first call and kept for the life of the
// process, since the web app scans card after card.
// kInvalidInput: empty file, not an image, too small, "no text found on the
// card". kIo: the OCR model is not installed.
Result<ScannedCard> ScanCard(Context& context, std::span<const std::byte> image);

// Adds the person on a scanned card as read (`kith scan --save`): the
// fields of `card`, the address in a custom field "address", met at `event`
// when given; then as AddScannedContact. kInvalidInput when the card has no
// name; AddScannedContact's errors otherwise.
Result<Contact> SaveScannedCard(Context& context, const ScannedCard& card, std::span<const std::byte> image,
                                const std::string& event);

// Adds a person read from a card and checked by you (the web app's review
// screen) with the card's photo kept beside them, in one transaction: they
// get what every new acquaintance gets (met today unless `fields` says
// when, "business card" as how you met unless it says otherwise, and the
// next-day follow-up). kInvalidInput when `image` is not an image kith can
// keep or is larger than kMaxCardImageBytes; AddContact's validation errors
// otherwise. On any error nothing is written.
Result<Contact> AddScannedContact(Context& context, ContactFields fields, std::span<const std::byte> image);

// The card image kept with a contact; kNotFound when there is none.
Result<CardImageData> CardImageOf(Context& context, ContactId id);
// Whether each of `ids` keeps a card image (in the order given): one query
// for a whole page, so the API can tell the web app which cards have a
// photo to show instead of it guessing from how they met.
Result<std::vector<bool>> HaveCardImages(Context& context, const std::vector<ContactId>& ids);
// The same photo as a browser can show it (PhotoForScreen: an iPhone's
// HEIC as JPEG), with a tag that changes exactly when the kept photo does
// (an HTTP ETag). When `known_tag` is that tag the browser already has the
// photo: it is not decoded again, `unchanged` is true and `image` holds no
// bytes. kNotFound when there is none.
struct CardPhotoShown {
  CardImageData image;
  std::string tag;
  bool unchanged = false;
};
Result<CardPhotoShown> CardPhotoToShow(Context& context, ContactId id, std::string_view known_tag = {});

// What goes on your own card besides your name (from `kith me`). Stored in
// the settings; empty fields in an update leave the stored value.
struct MyCardDetails {
  std::string name;  // when empty, the name of your profile
  std::string title;
  std::string company;
  std::string email;
  std::string phone;
  std::string website;
};

struct MyCard {
  MyCardDetails details;
  std::string vcard;  // vCard 3.0, what the QR code holds
  QrCode qr;
};

// Your card: stored details updated with the non-empty fields of `update`,
// as a vCard and its QR code. kInvalidInput when there is no name yet
// (`kith me --name` or `kith card --name`).
Result<MyCard> ShowMyCard(Context& context, const MyCardDetails& update);

// Your card's QR code as a PNG to show on a screen, `module_pixels` a module,
// and a tag that changes exactly when the vCard it holds changes (an HTTP
// ETag). Errors as ShowMyCard.
struct MyCardPicture {
  std::vector<std::byte> png;
  std::string tag;
};
Result<MyCardPicture> MyCardQrPng(Context& context, int module_pixels);

}  // namespace kith
