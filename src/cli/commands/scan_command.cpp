#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "app/durable_file.h"
#include "app/scan.h"
#include "app/scan_json.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {
namespace {

Result<std::vector<std::byte>> ReadImageFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kInvalidInput, "cannot open '" + path + "'", "image");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto* data = reinterpret_cast<const std::byte*>(bytes.data());
  return std::vector<std::byte>(data, data + bytes.size());
}

void PrintScannedCard(std::ostream& out, const ScannedCard& card) {
  out << "Read " << (card.source == ScanSource::kQr ? "from the QR code" : "by OCR") << ":\n";
  const auto row = [&](const char* label, const std::string& value, const char* key) {
    if (value.empty()) return;
    const auto found = card.confidence.find(key);
    const int percent =
        found == card.confidence.end() ? 0 : static_cast<int>(std::lround(found->second * 100));
    out << "  " << std::left << std::setw(9) << label << value;
    const int pad = 44 - DisplayWidth(value);
    out << std::string(static_cast<std::size_t>(std::max(1, pad)), ' ') << std::right << std::setw(3)
        << percent << "%\n";
  };
  row("name", card.name, "name");
  row("title", card.title, "title");
  row("company", card.company, "company");
  for (const auto& email : card.emails) row("email", email, "emails");
  for (const auto& phone : card.phones) {
    row("phone",
        phone.e164.empty() || phone.e164 == phone.original ? phone.original
                                                           : phone.original + " (" + phone.e164 + ")",
        "phones");
  }
  row("website", card.website, "website");
  for (const auto& link : card.links) row(std::string(LinkKindName(link.kind)).c_str(), link.url, "links");
  row("address", card.address, "address");
}

}  // namespace

Command AddScanCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("scan", "Read a business card photo (or its QR code) into fields");
  command->footer(R"(Reads JPEG, PNG, WebP, TIFF and HEIC (iPhone) photos. A vCard or MECARD QR
code on the card is read exactly; otherwise the text is read by OCR, and each
field is shown with how sure kith is. Nothing is saved without --save.

Examples:
  kith scan card.jpg
  kith scan IMG_0412.HEIC --save --at "RustConf 2026"
  kith scan card.png --json)");
  auto path = std::make_shared<std::string>();
  auto save = std::make_shared<bool>(false);
  auto event = std::make_shared<std::string>();
  command->add_option("image", *path, "The photo of the card")->required();
  command->add_flag("--save", *save, "Add the person, keep the photo with them, follow up tomorrow");
  command->add_option("--at", *event, "The event where you met (with --save)");
  return {command, [=, &globals]() {
            return RunWithSession("scan", globals, [&](Session& session) {
              auto bytes = ReadImageFile(*path);
              if (!bytes) return ReportError("scan", bytes.error());
              auto card = ScanCard(session.context(), *bytes);
              if (!card) return ReportError("scan", card.error());
              std::optional<Contact> saved;
              if (*save) {
                auto contact = SaveScannedCard(session.context(), *card, *bytes, *event);
                if (!contact) return ReportError("scan", contact.error());
                saved = std::move(*contact);
              }
              if (globals.json) {
                nlohmann::json json = ScannedCardToJson(*card);
                if (saved) json["contact"] = ContactToJson(*saved);
                PrintJson(std::cout, json);
                return 0;
              }
              PrintScannedCard(std::cout, *card);
              if (saved) {
                std::cout << "\nAdded #" << saved->id.value << " " << saved->display_name;
                if (!saved->met_at.empty()) std::cout << ", met at " << saved->met_at;
                std::cout << "; the card image is kept with them.\n";
              } else {
                std::cout << "\nNothing saved. To add them: kith scan " << *path << " --save [--at EVENT]\n";
              }
              return 0;
            });
          }};
}

Command AddCardCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("card", "Your own card as a QR code to show on your phone");
  command->footer(R"(Prints your card (a vCard) as a QR code in the terminal; the other person's
phone camera adds you. The details are kept: set them once.

Examples:
  kith card --name "Sam Rivera" --title "Engineer" --email sam@example.com --phone "+1 415 555 0134"
  kith card
  kith card --png my-card.png)");
  auto update = std::make_shared<MyCardDetails>();
  auto png = std::make_shared<std::string>();
  command->add_option("--name", update->name, "Your name (default: the name of kith me)");
  command->add_option("--title", update->title, "Your title");
  command->add_option("--company", update->company, "Your company");
  command->add_option("--email", update->email, "Your email");
  command->add_option("--phone", update->phone, "Your phone");
  command->add_option("--website", update->website, "Your website");
  command->add_option("--png", *png, "Also write the QR code to this PNG file");
  return {command, [=, &globals]() {
            return RunWithSession("card", globals, [&](Session& session) {
              auto card = ShowMyCard(session.context(), *update);
              if (!card) return ReportError("card", card.error());
              if (!png->empty()) {
                constexpr int kModulePixels = 10;
                auto image = QrCodePng(card->qr, kModulePixels);
                if (!image) return ReportError("card", image.error());
                const std::string_view bytes(reinterpret_cast<const char*>(image->data()), image->size());
                if (auto written = WriteFileDurably(*png, "png", bytes); !written) {
                  return ReportError("card", written.error());
                }
              }
              if (globals.json) {
                PrintJson(std::cout, MyCardToJson(*card));
                return 0;
              }
              PrintQrCode(std::cout, card->qr);
              std::cout << card->details.name;
              if (!card->details.title.empty()) std::cout << " · " << card->details.title;
              if (!card->details.company.empty()) std::cout << " · " << card->details.company;
              std::cout << "\n";
              if (!png->empty()) std::cout << "QR code written to " << *png << "\n";
              return 0;
            });
          }};
}

}  // namespace kith::cli
