// Skills and interests compared the way people mean them: "JS" is
// JavaScript, "managing teams" fits "team management", "ML" is machine
// learning.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// The lower-case words of free text: runs of letters, digits, '+' and '#'
// ("C++"), anything else ends a word.
std::vector<std::string> TextWords(std::string_view text);

enum class SkillFit { kNone, kRelated, kStemmed, kSynonym, kExact };

class SkillMatcher {
 public:
  SkillMatcher();  // loads the English Snowball stemmer (libstemmer)
  ~SkillMatcher();
  SkillMatcher(const SkillMatcher&) = delete;
  SkillMatcher& operator=(const SkillMatcher&) = delete;

  // How well a person's skill `have` answers the wanted skill `want`:
  // kExact for the same words (case and spacing ignored), kSynonym through
  // the synonym table ("js" / "JavaScript"), kStemmed for the same word stems
  // ("managing teams" / "team management"), kRelated when they share a
  // significant stem ("machine learning" / "deep learning"), else kNone.
  SkillFit Compare(std::string_view want, std::string_view have) const;

  // Lower-case words of `text` reduced to their stems, synonyms expanded to
  // the words they stand for ("ML" -> "machin", "learn"): what to look for
  // in the search index.
  std::vector<std::string> Stems(std::string_view text) const;

  // Each way people write the skill, as the words an index must all hold
  // for it: "ML" -> {"learn", "machin"} and {"ml"}; "JavaScript" ->
  // {"javascript"} and {"js"}. Short forms are kept as written (not stemmed).
  std::vector<std::vector<std::string>> Forms(std::string_view text) const;

  // The stems of free text, one word at a time, each short form also as
  // what it stands for ("an ML engineer" -> "engin", "learn", "machin",
  // "ml"); punctuation ends a word; stop words and stems under three
  // letters are dropped. Sorted, without repeats.
  std::vector<std::string> TextStems(std::string_view text) const;

  // The share (0–1) of the stems of `label` (a skill, interest or job title)
  // that `text_stems` name, counting a stem and a longer form of it as the
  // same root ("law" / "lawyer", "photographi" / "photograph"). 0 for a
  // label with no stem of three letters or more.
  double Coverage(const std::vector<std::string>& text_stems, std::string_view label) const;

 private:
  std::string Canonical(std::string_view text) const;
  std::vector<std::string> StemWords(const std::string& canonical) const;
  struct Stemmer;
  std::unique_ptr<Stemmer> stemmer_;
};

}  // namespace kith
