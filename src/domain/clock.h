// The one seam through which time enters kith. Everything that decides what
// is due takes a Clock, so tests pin the date instead of waiting for it.
#pragma once

#include <cstdint>
#include <string>

#include "domain/date.h"

namespace kith {

class Clock {
 public:
  virtual ~Clock() = default;
  // The user's local calendar date.
  [[nodiscard]] virtual Date Today() const = 0;
  // Now as an ISO 8601 UTC timestamp, e.g. 2026-11-26T13:35:00Z.
  [[nodiscard]] virtual std::string NowTimestamp() const = 0;
};

// Reads the system clock and the local time zone.
class SystemClock final : public Clock {
 public:
  [[nodiscard]] Date Today() const override;
  [[nodiscard]] std::string NowTimestamp() const override;
};

// A clock stopped at one date (noon UTC), for tests and `--today`.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Date today) : today_(today) {}
  [[nodiscard]] Date Today() const override { return today_; }
  [[nodiscard]] std::string NowTimestamp() const override { return today_.ToIso() + "T12:00:00Z"; }

 private:
  Date today_;
};

}  // namespace kith
