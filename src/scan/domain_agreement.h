// A card prints its company's domain twice, in the email and in the web
// address, and OCR misreads a letter of one more often than the same letter
// of both. Where the two are the same name under the same public suffix but
// for a letter or two, the surer reading is taken for both.
#pragma once

#include <string>
#include <vector>

namespace kith::scan {

// A value read from the card with the confidence of its reading (0-1).
struct ReadValue {
  std::string value;
  double confidence = 0;
};

// Mends the emails and the website in place, each by the other, where
// their registered names ("acme" in jo@mail.acme.co.uk and www.acme.co.uk)
// are near but not equal: one letter apart (two when both are eight letters
// or longer), both under the same public suffix. The one read with lower
// confidence takes the other's name; when both were read as surely, neither
// is changed. A domain under another suffix (jo@acme.de beside
// www.acme.com) or a name further apart is another domain and stays as
// read. Needs the public suffix list loaded (LoadPublicSuffixes); without
// it nothing is changed.
void ReconcileEmailAndWebsite(std::vector<ReadValue>& emails, ReadValue& website);

// Mends a website whose "www." OCR read glued to the name ("wwwacme.com",
// the dot lost or read as one letter) to "www.acme.com"
// when an email on the card is at that name under the same suffix: the
// email is the evidence, and without it a name starting "www" stays as
// read. The emails are never changed. Needs the public suffix list loaded.
void MendGluedWww(const std::vector<ReadValue>& emails, ReadValue& website);

// The number of single-letter insertions, deletions and substitutions that
// make `from` into `to` (Levenshtein), bytes compared.
int EditDistance(const std::string& from, const std::string& to);

}  // namespace kith::scan
