// Skills and interests compared the way people mean them: "JS" is
// JavaScript, "managing teams" fits "team management", "ML" is machine
// learning.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

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

 private:
  std::string Canonical(std::string_view text) const;
  std::vector<std::string> StemWords(const std::string& canonical) const;
  struct Stemmer;
  std::unique_ptr<Stemmer> stemmer_;
};

}  // namespace kith
