#include "bench/scan/line_cache.h"

#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

namespace kith::bench {
namespace {

using scan::CardReading;
using scan::Letters;
using scan::OcrLine;

struct Recorded {
  std::vector<std::string> payloads;  // the QR payloads offered, in order
  CardReading reading;
};

std::string Key(const std::string& file, Letters letters) {
  return file + (letters == Letters::kGrey ? "#grey" : "#binary");
}

nlohmann::json ToJson(const std::string& key, const Recorded& recorded) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& line : recorded.reading.lines) {
    lines.push_back({{"text", line.text},
                     {"left", line.left},
                     {"top", line.top},
                     {"width", line.width},
                     {"height", line.height},
                     {"confidence", line.confidence},
                     {"contact_reading", line.contact_reading}});
  }
  return {{"key", key}, {"qr", recorded.payloads}, {"took_qr", recorded.reading.took_qr}, {"lines", lines}};
}

class Recording final : public scan::CardReader {
 public:
  Recording(std::unique_ptr<scan::CardReader> inner, const CurrentCard& card, const std::string& path)
      : inner_(std::move(inner)), card_(card), out_(path) {}

  Result<CardReading> Read(std::span<const std::byte> image, const scan::TakeQrPayload& take_qr,
                           Letters letters) override {
    Recorded recorded;
    scan::TakeQrPayload offer;
    if (take_qr) {
      offer = [&](const std::string& payload) {
        recorded.payloads.push_back(payload);
        return take_qr(payload);
      };
    }
    auto reading = inner_->Read(image, offer, letters);
    if (reading) {
      recorded.reading = *reading;
      out_ << ToJson(Key(card_.file, letters), recorded).dump() << "\n";
      out_.flush();
    }
    return reading;
  }

  Result<std::string> PlainText(std::span<const std::byte> image) override {
    return inner_->PlainText(image);
  }

 private:
  std::unique_ptr<scan::CardReader> inner_;
  const CurrentCard& card_;
  std::ofstream out_;
};

class Replaying final : public scan::CardReader {
 public:
  Replaying(const CurrentCard& card, const std::string& path) : card_(card) {
    std::ifstream in(path);
    std::string text;
    while (std::getline(in, text)) {
      const auto json = nlohmann::json::parse(text);
      Recorded recorded;
      recorded.payloads = json["qr"].get<std::vector<std::string>>();
      recorded.reading.took_qr = json["took_qr"];
      for (const auto& line : json["lines"]) {
        recorded.reading.lines.push_back(OcrLine{line["text"], line["left"], line["top"], line["width"],
                                                 line["height"], line["confidence"],
                                                 line.value("contact_reading", std::string{})});
      }
      recorded_[json["key"]] = std::move(recorded);
    }
  }

  Result<CardReading> Read(std::span<const std::byte> /*image*/, const scan::TakeQrPayload& take_qr,
                           Letters letters) override {
    const auto found = recorded_.find(Key(card_.file, letters));
    if (found == recorded_.end()) return Fail(ErrorCode::kNotFound, "not recorded: " + card_.file, "image");
    CardReading reading = found->second.reading;
    if (take_qr) {
      for (const auto& payload : found->second.payloads) {
        if (take_qr(payload)) return CardReading{true, {}};
      }
    }
    return reading;
  }

  Result<std::string> PlainText(std::span<const std::byte> /*image*/) override {
    return Fail(ErrorCode::kNotFound, "the baseline is not recorded", "image");
  }

 private:
  const CurrentCard& card_;
  std::map<std::string, Recorded> recorded_;
};

}  // namespace

std::unique_ptr<scan::CardReader> RecordingReader(std::unique_ptr<scan::CardReader> inner,
                                                  const CurrentCard& card, const std::string& path) {
  return std::make_unique<Recording>(std::move(inner), card, path);
}

std::unique_ptr<scan::CardReader> ReplayingReader(const CurrentCard& card, const std::string& path) {
  return std::make_unique<Replaying>(card, path);
}

}  // namespace kith::bench
