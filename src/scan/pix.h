// Leptonica images owned by value: a Pix is destroyed when its owner goes.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>

namespace kith::scan {

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

}  // namespace kith::scan
