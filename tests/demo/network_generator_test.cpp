#include "demo/network_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/validation.h"

namespace kith::demo {
namespace {

constexpr Date kToday{2026, 3, 14};
constexpr std::size_t kPopulation = 20'000;

std::vector<ContactFields> Generate(std::uint64_t seed, std::size_t count) {
  NetworkGenerator generator(seed);
  std::vector<ContactFields> people;
  people.reserve(count);
  for (std::size_t i = 0; i < count; ++i) people.push_back(generator.Next(kToday));
  return people;
}

// One population shared by the tests that look at proportions: generating it
// once keeps the suite fast.
const std::vector<ContactFields>& Population() {
  static const std::vector<ContactFields> people = Generate(20260314, kPopulation);
  return people;
}

template <typename Predicate>
double Share(Predicate predicate) {
  const auto& people = Population();
  const auto count = std::count_if(people.begin(), people.end(), predicate);
  return static_cast<double>(count) / static_cast<double>(people.size());
}

bool HasNonAscii(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; });
}

// True when the text has a letter from a script other than Latin: Greek,
// Cyrillic, Hebrew, Arabic, Devanagari, CJK, Hangul… (U+0370 and above,
// except the Latin Extended Additional block that Vietnamese uses).
bool HasNonLatinLetter(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    char32_t code_point = lead;
    std::size_t length = 1;
    if (lead >= 0xF0) {
      code_point = lead & 0x07u;
      length = 4;
    } else if (lead >= 0xE0) {
      code_point = lead & 0x0Fu;
      length = 3;
    } else if (lead >= 0xC0) {
      code_point = lead & 0x1Fu;
      length = 2;
    }
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
      code_point = (code_point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    i += length;
    if (code_point >= 0x370 && !(code_point >= 0x1E00 && code_point <= 0x1EFF)) return true;
  }
  return false;
}

std::size_t WordCount(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool HasLink(const ContactFields& person, LinkKind kind) {
  return std::any_of(person.links.begin(), person.links.end(),
                     [kind](const Link& link) { return link.kind == kind; });
}

TEST(NetworkGenerator, SameSeedGivesSamePeopleInSameOrder) {
  const auto first = Generate(7, 500);
  const auto second = Generate(7, 500);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i], second[i]) << "person " << i << ": " << first[i].display_name;
  }
}

TEST(NetworkGenerator, DifferentSeedsGiveDifferentPeople) {
  const auto first = Generate(1, 200);
  const auto second = Generate(2, 200);
  std::size_t same = 0;
  for (std::size_t i = 0; i < first.size(); ++i) {
    if (first[i] == second[i]) ++same;
  }
  EXPECT_EQ(same, 0u);
}

TEST(NetworkGenerator, EveryPersonPassesValidation) {
  for (const auto& person : Population()) {
    const auto status = ValidateContactFields(person);
    ASSERT_TRUE(status.has_value()) << person.display_name << ": " << status.error().message;
  }
}

TEST(NetworkGenerator, DatesNeverFallAfterToday) {
  for (const auto& person : Population()) {
    if (person.met_on) {
      EXPECT_LE(*person.met_on, kToday) << person.display_name;
      EXPECT_GE(*person.met_on, kToday.AddDays(-6 * 366)) << person.display_name;
    }
    if (person.open_since) {
      EXPECT_LE(*person.open_since, kToday) << person.display_name;
    }
    for (const auto& link : person.links) {
      if (link.connected_on) {
        EXPECT_LE(*link.connected_on, kToday) << person.display_name;
      }
    }
  }
}

TEST(NetworkGenerator, MostPeopleHaveAMetOnDate) {
  const double share = Share([](const ContactFields& person) { return person.met_on.has_value(); });
  EXPECT_GT(share, 0.7);
  EXPECT_LT(share, 0.9);
}

TEST(NetworkGenerator, DisplayNamesAreVaried) {
  std::set<std::string> names;
  for (const auto& person : Population()) names.insert(person.display_name);
  EXPECT_GT(names.size(), 1'000u);
}

TEST(NetworkGenerator, SomeNamesHaveDiacritics) {
  const double share = Share([](const ContactFields& person) {
    return HasNonAscii(person.display_name) && !HasNonLatinLetter(person.display_name);
  });
  EXPECT_GT(share, 0.05);
}

TEST(NetworkGenerator, AboutFivePercentOfNamesAreInOtherScripts) {
  const double share =
      Share([](const ContactFields& person) { return HasNonLatinLetter(person.display_name); });
  EXPECT_GT(share, 0.03);
  EXPECT_LT(share, 0.08);
}

TEST(NetworkGenerator, CommonNamesOccur) {
  const auto& people = Population();
  const auto has_given = [&people](std::string_view name) {
    return std::any_of(people.begin(), people.end(),
                       [name](const ContactFields& person) { return person.given_name == name; });
  };
  const auto has_family = [&people](std::string_view name) {
    return std::any_of(people.begin(), people.end(),
                       [name](const ContactFields& person) { return person.family_name == name; });
  };
  EXPECT_TRUE(has_given("John"));
  EXPECT_TRUE(has_given("Mohammed"));
  EXPECT_TRUE(has_given("Łukasz"));
  EXPECT_TRUE(has_family("Okafor"));
  EXPECT_TRUE(has_family("Nguyễn"));
}

TEST(NetworkGenerator, CommonPrefixesAreFrequent) {
  const auto starts_with = [](std::string_view prefix) {
    return Share([prefix](const ContactFields& person) {
      return AsciiLower(person.display_name).rfind(prefix, 0) == 0;
    });
  };
  EXPECT_GT(starts_with("j"), 0.05);
  EXPECT_GT(starts_with("ma"), 0.03);
  EXPECT_GT(starts_with("joh"), 0.01);
}

TEST(NetworkGenerator, NamesArePartsOfTheDisplayName) {
  for (const auto& person : Population()) {
    EXPECT_FALSE(person.given_name.empty()) << person.display_name;
    EXPECT_NE(person.display_name.find(person.given_name), std::string::npos);
    EXPECT_NE(person.display_name.find(person.family_name), std::string::npos);
  }
}

TEST(NetworkGenerator, MostPeopleHaveOneEmailAndSomeNone) {
  const double none = Share([](const ContactFields& person) { return person.emails.empty(); });
  const double one = Share([](const ContactFields& person) { return person.emails.size() == 1; });
  const double many = Share([](const ContactFields& person) { return person.emails.size() > 2; });
  EXPECT_GT(none, 0.05);
  EXPECT_GT(one, 0.5);
  EXPECT_EQ(many, 0.0);
}

TEST(NetworkGenerator, EmailAddressesAreAsciiAndUnique) {
  std::set<std::string> seen;
  for (const auto& person : Population()) {
    for (const auto& email : person.emails) {
      EXPECT_FALSE(HasNonAscii(email)) << email;
      EXPECT_TRUE(seen.insert(email).second) << "repeated: " << email;
    }
  }
}

TEST(NetworkGenerator, EmailLocalPartsAreLowerCaseLettersDigitsDotsAndUnderscores) {
  for (const auto& person : Population()) {
    for (const auto& email : person.emails) {
      const std::string_view local = std::string_view(email).substr(0, email.find('@'));
      const bool plain = std::all_of(local.begin(), local.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
      });
      EXPECT_TRUE(plain) << email;
    }
  }
}

TEST(NetworkGenerator, NamesInOtherScriptsGetNumberedAddresses) {
  for (const auto& person : Population()) {
    if (!HasNonLatinLetter(person.display_name)) continue;
    for (const auto& email : person.emails) EXPECT_EQ(email.rfind("user", 0), 0u) << email;
  }
}

TEST(NetworkGenerator, EmailsAreDerivedFromLatinNames) {
  NetworkGenerator generator(11);
  bool saw_folded = false;
  for (int i = 0; i < 5'000 && !saw_folded; ++i) {
    const auto person = generator.Next(kToday);
    if (person.family_name == "Núñez" && !person.emails.empty()) {
      saw_folded = person.emails.front().find("nunez") != std::string::npos;
    }
  }
  EXPECT_TRUE(saw_folded);
}

TEST(NetworkGenerator, PhonesAreInternationalAndLeaveE164ToTheApp) {
  const double with_phone = Share([](const ContactFields& person) { return !person.phones.empty(); });
  EXPECT_GT(with_phone, 0.5);
  for (const auto& person : Population()) {
    for (const auto& phone : person.phones) {
      EXPECT_EQ(phone.original.front(), '+') << phone.original;
      EXPECT_TRUE(phone.e164.empty());
    }
  }
}

TEST(NetworkGenerator, ChicagoNumbersUseTheFictionalRange) {
  for (const auto& person : Population()) {
    if (person.city != "Chicago") continue;
    for (const auto& phone : person.phones) {
      EXPECT_EQ(phone.original.rfind("+1 312 555 01", 0), 0u) << phone.original;
    }
  }
}

TEST(NetworkGenerator, LinksFollowEachNetworksShape) {
  const double linkedin =
      Share([](const ContactFields& person) { return HasLink(person, LinkKind::kLinkedIn); });
  EXPECT_GT(linkedin, 0.5);
  EXPECT_LT(linkedin, 0.7);
  for (const auto& person : Population()) {
    for (const auto& link : person.links) {
      if (link.kind == LinkKind::kLinkedIn) {
        EXPECT_EQ(link.url.rfind("https://www.linkedin.com/in/", 0), 0u) << link.url;
      }
      if (link.kind == LinkKind::kTwitter) {
        EXPECT_EQ(link.url.rfind("https://x.com/", 0), 0u) << link.url;
      }
      if (link.kind == LinkKind::kGitHub) {
        EXPECT_EQ(link.url.rfind("https://github.com/", 0), 0u) << link.url;
        EXPECT_EQ(link.url.find_first_of("._", 19), std::string::npos) << link.url;
      }
    }
  }
}

TEST(NetworkGenerator, TagsSkillsAndInterestsComeInSensibleProportions) {
  const double tagged = Share([](const ContactFields& person) { return !person.tags.empty(); });
  const double skilled = Share([](const ContactFields& person) { return !person.skills.empty(); });
  const double curious = Share([](const ContactFields& person) { return !person.interests.empty(); });
  EXPECT_GT(tagged, 0.55);
  EXPECT_LT(tagged, 0.85);
  EXPECT_GT(skilled, 0.65);
  EXPECT_LT(skilled, 0.95);
  EXPECT_GT(curious, 0.6);
  EXPECT_LT(curious, 0.9);
  for (const auto& person : Population()) {
    EXPECT_LE(person.tags.size(), 3u);
    EXPECT_LE(person.skills.size(), 5u);
    EXPECT_LE(person.interests.size(), 4u);
  }
}

TEST(NetworkGenerator, ListsHaveNoRepeats) {
  const auto distinct = [](std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    return std::adjacent_find(items.begin(), items.end()) == items.end();
  };
  for (const auto& person : Population()) {
    EXPECT_TRUE(distinct(person.tags)) << person.display_name;
    EXPECT_TRUE(distinct(person.skills)) << person.display_name;
    EXPECT_TRUE(distinct(person.interests)) << person.display_name;
  }
}

TEST(NetworkGenerator, MostPeopleHaveNotesOfAFewSentences) {
  const double with_notes = Share([](const ContactFields& person) { return !person.notes.empty(); });
  EXPECT_GT(with_notes, 0.8);
  EXPECT_LT(with_notes, 0.9);
  for (const auto& person : Population()) {
    if (person.notes.empty()) continue;
    const std::size_t words = WordCount(person.notes);
    EXPECT_GE(words, 15u) << person.notes;
    EXPECT_LE(words, 90u) << person.notes;
    EXPECT_EQ(person.notes.find('{'), std::string::npos) << person.notes;
  }
}

TEST(NetworkGenerator, NotesReadAsFinishedSentences) {
  for (const auto& person : Population()) {
    if (person.notes.empty()) continue;
    EXPECT_EQ(person.notes.find(".."), std::string::npos) << person.notes;
    EXPECT_EQ(person.notes.find("  "), std::string::npos) << person.notes;
    EXPECT_EQ(person.notes.back(), '.') << person.notes;
  }
}

TEST(NetworkGenerator, CommonWordsInNotesAreFrequentButNotUniversal) {
  for (const std::string_view word : {"coffee", "intro", "conference"}) {
    const double share = Share([word](const ContactFields& person) {
      return AsciiLower(person.notes).find(word) != std::string::npos;
    });
    EXPECT_GT(share, 0.05) << word;
    EXPECT_LT(share, 0.5) << word;
  }
}

TEST(NetworkGenerator, SomePeopleAreOpenToOpportunities) {
  const double open = Share([](const ContactFields& person) { return person.open_to_opportunities; });
  EXPECT_GT(open, 0.08);
  EXPECT_LT(open, 0.16);
  for (const auto& person : Population()) {
    if (!person.open_to_opportunities) {
      EXPECT_TRUE(person.looking_for.empty());
      continue;
    }
    EXPECT_FALSE(person.looking_for.empty());
    ASSERT_TRUE(person.open_since.has_value());
    EXPECT_GE(*person.open_since, kToday.AddDays(-366));
  }
}

TEST(NetworkGenerator, AboutAThirdMetOutsideAnEvent) {
  const double no_event = Share([](const ContactFields& person) { return person.met_at.empty(); });
  EXPECT_GT(no_event, 0.2);
  EXPECT_LT(no_event, 0.4);
}

// Imports and `kith dupes` treat a profile URL as one person: generated
// namesakes must not share one.
TEST(NetworkGenerator, ProfileUrlsAreOnePersonsEach) {
  std::set<std::string> seen;
  std::size_t links = 0;
  for (const auto& person : Population()) {
    for (const auto& link : person.links) {
      ++links;
      EXPECT_TRUE(seen.insert(link.url).second) << link.url << " belongs to two people";
    }
  }
  EXPECT_GT(links, kPopulation / 2);
}

}  // namespace
}  // namespace kith::demo
