// What every user action needs from outside: the store, the clock and the
// user's settings. Passed in, never global, so tests control all of it.
#pragma once

#include <string>

#include "domain/clock.h"
#include "store/store.h"

namespace kith {

struct Context {
  Store& store;
  const Clock& clock;
  // ISO 3166 region for phone numbers typed without a country code ("US").
  std::string phone_region;
};

}  // namespace kith
