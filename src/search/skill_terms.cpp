#include "search/skill_terms.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <utility>

namespace kith {
namespace {

// Short forms people write, and what they stand for. Both sides are
// compared in their folded (lower-case) form.
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kSynonyms = {{
    {"js", "javascript"},
    {"ts", "typescript"},
    {"ml", "machine learning"},
    {"ai", "artificial intelligence"},
    {"k8s", "kubernetes"},
    {"ux", "user experience"},
    {"ui", "user interface"},
    {"pm", "product management"},
    {"golang", "go"},
    {"postgres", "postgresql"},
    {"cpp", "c++"},
    {"csharp", "c#"},
    {"nlp", "natural language processing"},
    {"cv", "computer vision"},
    {"seo", "search engine optimization"},
    {"hr", "human resources"},
    {"qa", "quality assurance"},
    {"db", "database"},
    {"bd", "business development"},
    {"biz dev", "business development"},
    {"devops", "dev ops"},
    {"sre", "site reliability engineering"},
    {"ios", "ios development"},
    {"py", "python"},
    {"rb", "ruby"},
    {"gcp", "google cloud"},
    {"aws", "amazon web services"},
    {"ppc", "pay per click"},
    {"crm", "customer relationship management"},
    {"ops", "operations"},
}};

// Words that carry no skill on their own.
constexpr std::array<std::string_view, 8> kStopWords = {"and", "of", "the", "for", "in", "to", "a", "with"};

std::string Folded(std::string_view text) {
  std::string folded;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '-' || c == '/' || c == '_') {
      space = !folded.empty();
      continue;
    }
    if (space) folded += ' ';
    space = false;
    folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return folded;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Letters, digits and the marks skills are written with ("C++", "C#"): the
// characters of a word in free text. Bytes of UTF-8 sequences count as
// letters.
bool PartOfWord(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '#' ||
         byte >= 0x80;
}

// Stems shorter than this are too common to say anything ("go", "it").
constexpr std::size_t kShortestRoot = 3;
// How many letters a stem may add and still be the same root: the
// agent and trade endings ("law" / "lawyer", "art" / "artist").
constexpr std::size_t kLongestEnding = 3;

bool SameRoot(std::string_view one, std::string_view other) {
  const std::string_view shorter = one.size() <= other.size() ? one : other;
  const std::string_view longer = one.size() <= other.size() ? other : one;
  return shorter.size() >= kShortestRoot && longer.substr(0, shorter.size()) == shorter &&
         longer.size() - shorter.size() <= kLongestEnding;
}

}  // namespace

std::vector<std::string> TextWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (PartOfWord(c)) {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

struct SkillMatcher::Stemmer {
  sb_stemmer* handle = nullptr;
};

SkillMatcher::SkillMatcher() : stemmer_(std::make_unique<Stemmer>()) {
  stemmer_->handle = sb_stemmer_new("english", nullptr);
}

SkillMatcher::~SkillMatcher() {
  if (stemmer_->handle != nullptr) sb_stemmer_delete(stemmer_->handle);
}

std::string SkillMatcher::Canonical(std::string_view text) const {
  std::string folded = Folded(text);
  for (const auto& [short_form, long_form] : kSynonyms) {
    if (folded == short_form) return std::string(long_form);
  }
  return folded;
}

std::vector<std::string> SkillMatcher::StemWords(const std::string& canonical) const {
  std::vector<std::string> stems;
  for (const auto& word : Words(canonical)) {
    if (std::find(kStopWords.begin(), kStopWords.end(), word) != kStopWords.end()) continue;
    std::string stem = word;
    if (stemmer_->handle != nullptr) {
      const sb_symbol* stemmed = sb_stemmer_stem(
          stemmer_->handle, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
      if (stemmed != nullptr) {
        stem.assign(reinterpret_cast<const char*>(stemmed),
                    static_cast<std::size_t>(sb_stemmer_length(stemmer_->handle)));
      }
    }
    stems.push_back(std::move(stem));
  }
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  return stems;
}

SkillFit SkillMatcher::Compare(std::string_view want, std::string_view have) const {
  const std::string wanted = Folded(want);
  const std::string held = Folded(have);
  if (wanted.empty() || held.empty()) return SkillFit::kNone;
  if (wanted == held) return SkillFit::kExact;
  const std::string wanted_canonical = Canonical(want);
  const std::string held_canonical = Canonical(have);
  if (wanted_canonical == held_canonical) return SkillFit::kSynonym;
  const auto wanted_stems = StemWords(wanted_canonical);
  const auto held_stems = StemWords(held_canonical);
  if (wanted_stems.empty() || held_stems.empty()) return SkillFit::kNone;
  if (wanted_stems == held_stems) return SkillFit::kStemmed;
  // One significant stem in common: "machine learning" and "deep learning"
  // are related, "project management" and "management" too.
  for (const auto& stem : wanted_stems) {
    if (stem.size() < 3) continue;
    if (std::binary_search(held_stems.begin(), held_stems.end(), stem)) return SkillFit::kRelated;
  }
  return SkillFit::kNone;
}

std::vector<std::string> SkillMatcher::Stems(std::string_view text) const {
  std::vector<std::string> stems = StemWords(Canonical(text));
  // The short form is a word people write too ("ML" in a note).
  const std::string folded = Folded(text);
  if (folded != Canonical(text) && folded.find(' ') == std::string::npos) stems.push_back(folded);
  return stems;
}

std::vector<std::vector<std::string>> SkillMatcher::Forms(std::string_view text) const {
  const std::string canonical = Canonical(text);
  std::vector<std::vector<std::string>> forms;
  if (auto stems = StemWords(canonical); !stems.empty()) forms.push_back(std::move(stems));
  // The words as written too: a stem is not always a prefix of its word
  // ("pottery" stems to "potteri"), and the index holds words.
  std::vector<std::string> words = Words(canonical);
  std::erase_if(words, [](const std::string& word) {
    return std::find(kStopWords.begin(), kStopWords.end(), word) != kStopWords.end();
  });
  if (!words.empty() && (forms.empty() || forms.front() != words)) forms.push_back(std::move(words));
  for (const auto& [short_form, long_form] : kSynonyms) {
    if (long_form == canonical) forms.push_back(Words(std::string(short_form)));
  }
  return forms;
}

}  // namespace kith

namespace kith {

std::vector<std::string> SkillMatcher::TextStems(std::string_view text) const {
  std::vector<std::string> stems;
  for (const auto& word : TextWords(text)) {
    for (auto& stem : Stems(word)) {
      if (stem.size() >= kShortestRoot) stems.push_back(std::move(stem));
    }
  }
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  return stems;
}

double SkillMatcher::Coverage(const std::vector<std::string>& text_stems, std::string_view label) const {
  std::vector<std::string> label_stems = Stems(label);
  std::erase_if(label_stems, [](const std::string& stem) { return stem.size() < kShortestRoot; });
  if (label_stems.empty()) return 0;
  std::size_t named = 0;
  for (const auto& stem : label_stems) {
    const bool found = std::any_of(text_stems.begin(), text_stems.end(),
                                   [&stem](const std::string& other) { return SameRoot(stem, other); });
    if (found) ++named;
  }
  return static_cast<double>(named) / static_cast<double>(label_stems.size());
}

}  // namespace kith
