// The mends of one line's text that OCR leaves on a card's names, companies
// and titles (line_mends.cpp says what each mends, and why it is safe).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith::scan {

// The words of `text` between spaces.
std::vector<std::string> SplitSpaces(std::string_view text);
// `words` with a space between each.
std::string JoinWords(const std::vector<std::string>& words);
int CountLetters(std::string_view text);
bool HasDigit(std::string_view text);

// Strokes and dots at a line's edges (borders, bullets) taken off.
std::string TrimNoise(std::string_view text);
// Signs before the first letter or digit, and a last word of signs, taken off.
std::string DropSigns(std::string_view text);
// A lone digit or small letter before two words or more taken off.
std::string DropStrayLeadingMark(const std::string& text);
// A mark of two letters at most before " | " taken off.
std::string DropMarkBeforeBar(const std::string& text);
// A logo's letters before the words that spell the card's domain (`labels`) taken off.
std::string DropMarkBeforeDomain(const std::string& text, const std::vector<std::string>& labels);
// A first word's capital read as its small letter of the same shape, mended.
std::string MendSameShapeCapital(const std::string& text);
// All lower case with a dot, slash or '@': a contact misread, not a name.
bool LooksLikeContactFragment(std::string_view text);
// Specks read as words (quotes, commas, dots alone; a last small letter or signs) taken off.
std::string DropSpeckWords(const std::string& text);
// A last word OCR split after its first letter or two glued again ("Jo Qu enby").
std::string GlueSplitWord(const std::string& text);
// A logo's letter read in brackets before the words taken off.
std::string DropBracketedMark(const std::string& text);
// A zero in a dotted abbreviation ("sp. z 0.0.") read as the letter o.
std::string MendZeroInAbbreviation(const std::string& text);

}  // namespace kith::scan
