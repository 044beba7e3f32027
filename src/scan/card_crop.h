// The card cut out of the photo it was taken in.
#pragma once

#include "scan/pix.h"

namespace kith::scan {

// `gray` (8 bpp) cut down to the card in it, with what lay around the card
// within that box painted the card's own paper colour; nullptr (use the
// whole photo) when no part of it is plainly a card.
//
// The card is the largest even patch lighter or darker than the rest (Otsu's
// threshold of the photo at 256 pixels a side, either side of it), covering
// 20-90% of the frame and at least 60% of its own box (a card turned a few
// degrees or seen at a slant still fills most of its box; a table's grain or
// a ragged shadow does not). A card filling the frame, a photo of a page, or
// a card on a table of its own colour is left whole.
//
// Why: the table's grain and pattern, its edge against the card and the
// card's shadow are read as print or as dark bands by every later step (the
// light-on-dark tiles, the blur measured, the letters' mask), and
// Tesseract's layout analysis then takes the card for a picture; cut off,
// they are not, and the card's print gets the pixels the photo is scaled to.
PixPtr CropToCard(Pix* gray);

}  // namespace kith::scan
