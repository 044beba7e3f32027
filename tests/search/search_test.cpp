#include "search/search.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <functional>
#include <tuple>

#include "support/temp_database.h"

namespace kith {
namespace {

// Every test runs on both stores: a new SQLite file and a new PostgreSQL
// database in the test cluster.
class SearchTest : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  // Adds a card; `met_on` sets relationship recency (newer ranks higher).
  ContactId Add(std::string name, const std::function<void(ContactFields&)>& fill = nullptr) {
    ContactFields fields;
    fields.display_name = std::move(name);
    if (fill) fill(fields);
    auto contact =
        world_.store().InsertContact(fields, "u" + std::to_string(++counter_), "2026-01-01T00:00:00Z");
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? contact->id : ContactId{};
  }

  std::vector<std::int64_t> Ids(const std::string& query, int limit = 20) {
    auto hits = Search(world_.store(), {query, limit, 0});
    EXPECT_TRUE(hits) << hits.error().message;
    std::vector<std::int64_t> ids;
    if (hits) {
      for (const auto& hit : *hits) ids.push_back(hit.id.value);
    }
    return ids;
  }

  testing::TestWorld world_{GetParam()};
  int counter_ = 0;
};

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

KITH_ON_BOTH_STORES(SearchTest);

TEST_P(SearchTest, FindsByPrefixAsYouType) {
  const auto ada = Add("Ada Okafor");
  Add("Bea Kovács");
  EXPECT_THAT(Ids("o"), ElementsAre(ada.value));
  EXPECT_THAT(Ids("oka"), ElementsAre(ada.value));
  EXPECT_THAT(Ids("okafor"), ElementsAre(ada.value));
}

TEST_P(SearchTest, LongPrefixFindsEveryCompletion) {
  // Past six letters a prefix is answered from the vocabulary's completions.
  const auto a = Add("Bartholomew Smith");
  const auto b = Add("Bartholomeus Jones");
  Add("Bartok Kiss");
  EXPECT_THAT(Ids("bartholom"), UnorderedElementsAre(a.value, b.value));
}

TEST_P(SearchTest, LongPrefixFindsNumberedWords) {
  const auto ada = Add("Ada Okafor", [](ContactFields& f) { f.emails = {"okaforada77@example.com"}; });
  EXPECT_THAT(Ids("okaforada7"), ElementsAre(ada.value));
}

TEST_P(SearchTest, LongPrefixWithManyCompletionsStillFindsThemAll) {
  std::vector<std::int64_t> all;
  for (char first = 'a'; first <= 'z'; ++first) {
    for (char second = 'a'; second <= 'c'; ++second) {
      all.push_back(Add(std::string("Quintessa") + first + second + " Doe").value);
    }
  }
  EXPECT_EQ(Ids("quintessa", 200).size(), all.size());
}

TEST_P(SearchTest, IgnoresAccents) {
  const auto jose = Add("José Núñez");
  EXPECT_THAT(Ids("nunez"), ElementsAre(jose.value));
  EXPECT_THAT(Ids("jose"), ElementsAre(jose.value));
}

TEST_P(SearchTest, AccentedQueryFindsPlainName) {
  const auto zoe = Add("Zoe Adams");
  EXPECT_THAT(Ids("Zoë"), ElementsAre(zoe.value));
}

TEST_P(SearchTest, IgnoresCase) {
  const auto ada = Add("ada okafor");
  EXPECT_THAT(Ids("OKAFOR"), ElementsAre(ada.value));
}

TEST_P(SearchTest, ForgivesSwappedLetters) {
  const auto john = Add("John Smith");
  Add("Joan Miró");
  EXPECT_THAT(Ids("jonh"), ElementsAre(john.value));
}

TEST_P(SearchTest, ForgivesAMissingLetter) {
  const auto ada = Add("Ada Okafor");
  Add("Oscar Wilde");
  EXPECT_THAT(Ids("okafr"), ElementsAre(ada.value));
}

TEST_P(SearchTest, ForgivesTwoEditsInLongWords) {
  const auto zb = Add("Zbigniew Brzezinski");
  EXPECT_THAT(Ids("brezinsky"), ElementsAre(zb.value));
}

TEST_P(SearchTest, OneTypoMatchesRankBeforeTwoTypoMatches) {
  // "brezinsky" is two edits from Brzezinski and one from Brezinskyy; the
  // closer one wins although the other is the more recent relationship.
  const auto two = Add("Zbigniew Brzezinski", [](ContactFields& f) { f.met_on = Date{2026, 11, 1}; });
  const auto one = Add("Olha Brezinskyy", [](ContactFields& f) { f.met_on = Date{2015, 1, 1}; });
  EXPECT_THAT(Ids("brezinsky"), ElementsAre(one.value, two.value));
}

TEST_P(SearchTest, ShortWordsGetOnlyOneTypo) {
  Add("Omar Haddad");
  const auto ada = Add("Ada Okafor");
  // "okafr" is two edits from "omar": not a typo of it.
  EXPECT_THAT(Ids("okafr"), ElementsAre(ada.value));
}

TEST_P(SearchTest, TypoFixesAWordInNotesToo) {
  const auto ada = Add("Ada Okafor", [](ContactFields& f) { f.notes = "Training for a marathon"; });
  EXPECT_THAT(Ids("marahton"), ElementsAre(ada.value));
}

// Every word of a query is corrected, each by its own look-ups, though
// here the two share where their corrections are looked for (the same
// first letters, the same lengths): on PostgreSQL one statement asks the
// vocabulary for both.
TEST_P(SearchTest, EveryWordOfAQueryIsCorrectedThoughTheyShareTheirFirstLetters) {
  const auto ada = Add("Ada Okafor", [](ContactFields& f) { f.company = "Okama Foods"; });
  Add("Bea Okafor", [](ContactFields& f) { f.company = "Zenith"; });
  Add("Omar Okama");
  EXPECT_THAT(Ids("okafr okamx"), ElementsAre(ada.value));
  EXPECT_THAT(Ids("okamx okafr"), ElementsAre(ada.value));
  auto each = Corrections(world_.store(), "okamx", 5);
  ASSERT_TRUE(each) << each.error().message;
  ASSERT_FALSE(each->empty());
  EXPECT_EQ(each->front().term, "okama");
}

TEST_P(SearchTest, CorrectionsDoNotReplaceRealMatches) {
  const auto john = Add("John Smith");
  Add("Joan Miró");
  // "joan" exists: the typo pass (which would also find "john") never runs
  // while real matches fill the page.
  EXPECT_THAT(Ids("joan", 1), Not(ElementsAre(john.value)));
}

// Two words that no name holds and a few cards do, as typed, and more once
// a typo's corrections are asked: each found once, in the passes' order
// (names, then fields, then notes; as typed before corrected), though on
// PostgreSQL the later passes test only the people a wide question found.
TEST_P(SearchTest, FewFoundAsTypedAndMoreCorrectedKeepThePassesOrder) {
  const auto exact = Add("John Suzuki", [](ContactFields& f) { f.company = "City of Chicago"; });
  const auto prefix = Add("Johnny Lee", [](ContactFields& f) { f.title = "Chicago lead"; });
  const auto corrected = Add("Joan Webb", [](ContactFields& f) { f.company = "City of Chicago"; });
  const auto in_notes = Add("Jon Miller", [](ContactFields& f) { f.notes = "moved to Chicago"; });
  Add("Joan Boston", [](ContactFields& f) { f.company = "Boston Dynamics"; });
  Add("Mary Chicago");
  auto hits = Search(world_.store(), {"john chicago", 8, 0});
  ASSERT_TRUE(hits) << hits.error().message;
  std::vector<std::tuple<std::int64_t, MatchTier, MatchQuality>> found;
  for (const auto& hit : *hits) found.emplace_back(hit.id.value, hit.tier, hit.quality);
  EXPECT_THAT(found, ElementsAre(std::tuple(exact.value, MatchTier::kField, MatchQuality::kExact),
                                 std::tuple(prefix.value, MatchTier::kField, MatchQuality::kPrefix),
                                 std::tuple(corrected.value, MatchTier::kField, MatchQuality::kCorrected),
                                 std::tuple(in_notes.value, MatchTier::kNote, MatchQuality::kCorrected)));
}

TEST_P(SearchTest, FiltersByField) {
  const auto ada = Add("Ada Okafor", [](ContactFields& f) {
    f.company = "Acme Robotics";
    f.tags = {"mentor"};
    f.city = "Chicago";
  });
  Add("Bea Kovács", [](ContactFields& f) {
    f.company = "Acme Robotics";
    f.city = "Budapest";
  });
  Add("Cy Acme", [](ContactFields& f) { f.city = "Chicago"; });
  EXPECT_THAT(Ids("company:acme tag:mentor city:chicago"), ElementsAre(ada.value));
  EXPECT_EQ(Ids("company:acme").size(), 2U);
}

TEST_P(SearchTest, FilterOnNotesUsesOnlyNotes) {
  const auto ada = Add("Ada Okafor", [](ContactFields& f) { f.notes = "met over coffee"; });
  Add("Coffee Person");
  EXPECT_THAT(Ids("note:coffee"), ElementsAre(ada.value));
}

TEST_P(SearchTest, WordsAsTypedFillingAPageInTheNotesLeaveAFieldsPrefixMatchFirst) {
  // "john chicago" as typed fills the page, but only in notes; a card whose
  // fields hold "Johnny" and "Chicago" ranks first all the same (the fields
  // before the notes), and the next page holds the rest.
  std::vector<std::int64_t> in_notes;
  for (int i = 0; i < 3; ++i) {
    in_notes.push_back(Add("Note Person " + std::to_string(i), [i](ContactFields& f) {
                         f.notes = "john from chicago";
                         f.met_on = Date{2026, 1, 1 + i};
                       }).value);
  }
  const auto fields = Add("Johnny Lee", [](ContactFields& f) {
    f.company = "City of Chicago";
    f.met_on = Date{2020, 1, 1};
  });
  Add("Mary Chicago");
  EXPECT_THAT(Ids("john chicago", 3), ElementsAre(fields.value, in_notes[2], in_notes[1]));
  auto next = Search(world_.store(), {"john chicago", 3, 3});
  ASSERT_TRUE(next) << next.error().message;
  ASSERT_EQ(next->size(), 1U);
  EXPECT_EQ(next->front().id.value, in_notes[0]);
  EXPECT_EQ(next->front().tier, MatchTier::kNote);
}

TEST_P(SearchTest, NotesWordAndFieldWordTogetherFindTheCard) {
  // One word from the card, one from its notes: the notes tier asks for both.
  const auto ada = Add("Ada Okafor", [](ContactFields& f) {
    f.company = "Acme";
    f.notes = "met over coffee";
  });
  Add("Bea Acme");
  EXPECT_THAT(Ids("acme coffee"), ElementsAre(ada.value));
  EXPECT_THAT(Ids("company:acme note:coffee"), ElementsAre(ada.value));
}

TEST_P(SearchTest, WordsSplitBetweenFieldsAndNotesRankByRecency) {
  // Each word may match the card's fields or its notes; the most recent
  // relationship first, whichever holds which word.
  const auto older = Add("Ada Okafor", [](ContactFields& f) {
    f.company = "Acme";
    f.notes = "met over coffee";
    f.met_on = Date{2020, 5, 1};
  });
  const auto newer = Add("Bea Kovacs", [](ContactFields& f) {
    f.notes = "coffee with the acme team";
    f.met_on = Date{2024, 5, 1};
  });
  Add("Cy Young", [](ContactFields& f) {
    f.company = "Acme";
    f.met_on = Date{2026, 5, 1};
  });
  Add("Di Other", [](ContactFields& f) {
    f.notes = "coffee again";
    f.met_on = Date{2026, 6, 1};
  });
  EXPECT_THAT(Ids("acme coffee"), ElementsAre(newer.value, older.value));
  EXPECT_THAT(Ids("acm coff"), ElementsAre(newer.value, older.value));
  EXPECT_THAT(Ids("acme coffee", 1), ElementsAre(newer.value));
  auto counted = CountSearchMatches(world_.store(), "acme coffee");
  ASSERT_TRUE(counted);
  EXPECT_EQ(*counted, 2);
}

TEST_P(SearchTest, PrefixesOfEveryLengthFindFieldsAndNotes) {
  // The card and notes tables index the shortest prefixes only; longer ones
  // are answered from the vocabulary, and must find the same people.
  const auto ada = Add("Ada Okafor", [](ContactFields& f) {
    f.title = "Engineering manager";
    f.notes = "Training for a marathon";
  });
  Add("Bea Kovacs", [](ContactFields& f) { f.notes = "hates running"; });
  const std::string title = "engineering";
  const std::string note = "marathon";
  for (std::size_t length = 1; length <= title.size(); ++length) {
    EXPECT_THAT(Ids(title.substr(0, length)), ElementsAre(ada.value)) << title.substr(0, length);
  }
  for (std::size_t length = 2; length <= note.size(); ++length) {
    EXPECT_THAT(Ids(note.substr(0, length)), ElementsAre(ada.value)) << note.substr(0, length);
    EXPECT_THAT(Ids("note:" + note.substr(0, length)), ElementsAre(ada.value)) << note.substr(0, length);
  }
}

TEST_P(SearchTest, APrefixWithMoreCompletionsThanAskedFindsThemAll) {
  // Over 64 completions a prefix is not turned into its completions; the
  // index still answers it, in fields and in notes.
  std::vector<std::int64_t> in_emails;
  std::vector<std::int64_t> in_notes;
  for (int i = 0; i < 70; ++i) {
    in_emails.push_back(Add("Person " + std::to_string(i), [i](ContactFields& f) {
                          f.emails = {"userx" + std::to_string(i) + "@example.com"};
                        }).value);
    in_notes.push_back(Add("Other " + std::to_string(i), [i](ContactFields& f) {
                         f.notes = "ticket zorbq" + std::to_string(i);
                       }).value);
  }
  EXPECT_EQ(Ids("userx", 200).size(), in_emails.size());
  EXPECT_EQ(Ids("zorbq", 200).size(), in_notes.size());
  EXPECT_EQ(Ids("note:zorbq", 200).size(), in_notes.size());
}

TEST_P(SearchTest, CountsEveryoneOnceWithOrWithoutNotes) {
  Add("Ada Okafor", [](ContactFields& f) {
    f.company = "Acme";
    f.notes = "acme again";
  });
  Add("Bea Kovacs", [](ContactFields& f) { f.company = "Acme"; });
  Add("Cy Young", [](ContactFields& f) { f.notes = "knows someone at acme"; });
  Add("Di Other", [](ContactFields& f) { f.notes = "nothing to see"; });
  auto all = CountSearchMatches(world_.store(), "acme");
  auto in_notes = CountSearchMatches(world_.store(), "note:acme");
  ASSERT_TRUE(all && in_notes);
  EXPECT_EQ(*all, 3);
  EXPECT_EQ(*in_notes, 2);
}

TEST_P(SearchTest, NotesAddedAndRemovedByAnEditAreSearchable) {
  const auto ada = Add("Ada Okafor");
  ContactFields with_notes;
  with_notes.display_name = "Ada Okafor";
  with_notes.notes = "loves bouldering";
  ASSERT_TRUE(world_.store().UpdateContact(ada, with_notes, "t"));
  EXPECT_THAT(Ids("bouldering"), ElementsAre(ada.value));
  ContactFields without_notes;
  without_notes.display_name = "Ada Okafor";
  ASSERT_TRUE(world_.store().UpdateContact(ada, without_notes, "t"));
  EXPECT_THAT(Ids("bouldering"), IsEmpty());
  EXPECT_THAT(Ids("okafor"), ElementsAre(ada.value));
  ASSERT_TRUE(world_.store().TrashContact(ada, "t"));
  EXPECT_THAT(Ids("okafor"), IsEmpty());
  // Every entry removed was one written: the index is sound.
  auto problems = world_.store().CheckIntegrity();
  ASSERT_TRUE(problems) << problems.error().message;
  EXPECT_THAT(*problems, IsEmpty());
}

TEST_P(SearchTest, AndsSeveralWords) {
  const auto ada = Add("Ada Okafor", [](ContactFields& f) { f.city = "Chicago"; });
  Add("Ada Lovelace", [](ContactFields& f) { f.city = "London"; });
  Add("Bea Kovács", [](ContactFields& f) { f.city = "Chicago"; });
  EXPECT_THAT(Ids("ada chicago"), ElementsAre(ada.value));
}

TEST_P(SearchTest, SearchesEveryField) {
  const auto ada = Add("Ada Okafor", [](ContactFields& f) {
    f.title = "Staff Engineer";
    f.emails = {"ada@kitelabs.dev"};
    f.skills = {"SQLite"};
    f.interests = {"bouldering"};
    f.met_at = "PyCon";
    f.neighborhood = "Pilsen";
    f.looking_for = "board seats";
    f.links = {Link{LinkKind::kGitHub, "https://github.com/adaokafor", false, true, std::nullopt}};
  });
  for (const char* query :
       {"staff", "kitelabs", "sqlite", "boulder", "pycon", "pilsen", "board", "adaokafor"}) {
    EXPECT_THAT(Ids(query), ElementsAre(ada.value)) << query;
  }
}

TEST_P(SearchTest, FindsPhoneDigits) {
  const auto ada = Add("Ada Okafor", [](ContactFields& f) {
    f.phones = {Phone{"+1 312 555 0134", "+13125550134"}};
  });
  EXPECT_THAT(Ids("13125550134"), ElementsAre(ada.value));
  EXPECT_THAT(Ids("0134"), ElementsAre(ada.value));
}

TEST_P(SearchTest, NameMatchBeatsNotesMatch) {
  // The notes match is the more recent relationship, and still ranks second.
  const auto in_notes = Add("Bea Kovács", [](ContactFields& f) {
    f.notes = "Introduced me to Rivera's team";
    f.met_on = Date{2026, 11, 1};
  });
  const auto in_name = Add("Diego Rivera", [](ContactFields& f) { f.met_on = Date{2019, 1, 1}; });
  EXPECT_THAT(Ids("rivera"), ElementsAre(in_name.value, in_notes.value));
}

TEST_P(SearchTest, OtherFieldBeatsNotes) {
  const auto in_notes = Add("Bea Kovács", [](ContactFields& f) {
    f.notes = "works near acme";
    f.met_on = Date{2026, 11, 1};
  });
  const auto in_company = Add("Cy Young", [](ContactFields& f) {
    f.company = "Acme";
    f.met_on = Date{2019, 1, 1};
  });
  EXPECT_THAT(Ids("acme"), ElementsAre(in_company.value, in_notes.value));
}

TEST_P(SearchTest, WholeWordBeatsPrefix) {
  const auto johnson = Add("Amy Johnson", [](ContactFields& f) { f.met_on = Date{2026, 11, 1}; });
  const auto john = Add("John Smith", [](ContactFields& f) { f.met_on = Date{2019, 1, 1}; });
  EXPECT_THAT(Ids("john"), ElementsAre(john.value, johnson.value));
}

TEST_P(SearchTest, ACardWithTwoNamesUnderOnePrefixTakesOnePlaceAmongTheNames) {
  // Both of the newest card's names start "hal": it is found once, and the
  // older names still fill the page before a newer card that holds the
  // prefix in another field only.
  const auto older = Add("Halvard Brook", [](ContactFields& f) { f.met_on = Date{2020, 1, 1}; });
  const auto middle = Add("Ines Halloran", [](ContactFields& f) { f.met_on = Date{2021, 1, 1}; });
  const auto twice = Add("Halina Halberg", [](ContactFields& f) { f.met_on = Date{2022, 1, 1}; });
  Add("Otto Quill", [](ContactFields& f) {
    f.met_on = Date{2026, 1, 1};
    f.company = "Halcyon Works";
  });
  EXPECT_THAT(Ids("hal", 3), ElementsAre(twice.value, middle.value, older.value));
}

TEST_P(SearchTest, RecentRelationshipsRankFirstAmongEqualMatches) {
  const auto old_friend = Add("Maria Old", [](ContactFields& f) { f.met_on = Date{2015, 1, 1}; });
  const auto new_friend = Add("Maria New", [](ContactFields& f) { f.met_on = Date{2026, 10, 1}; });
  const auto middle = Add("Maria Middle", [](ContactFields& f) { f.met_on = Date{2020, 6, 1}; });
  EXPECT_THAT(Ids("maria"), ElementsAre(new_friend.value, middle.value, old_friend.value));
}

// A distinct date for the i-th of a run of cards, later as i grows.
Date NthDay(int first_year, int i) { return Date{first_year + (i / 336), 1 + ((i / 28) % 12), 1 + (i % 28)}; }

TEST_P(SearchTest, WordsOnlyOnOldCardsBehindManyNewerOnesAreFoundNewestFirst) {
  // PostgreSQL tests the newest cards first, then reads a short list from
  // the index, then tests more of the newest, then reads the whole list:
  // a rare word and a common one, neither on the newest cards, must come
  // back as they would from one sorted list.
  const auto oldest = Add("Zanzibar Oldest", [](ContactFields& f) { f.met_on = Date{2000, 1, 1}; });
  const auto in_place = Add("Tess Older", [](ContactFields& f) {
    f.met_on = Date{2001, 1, 1};
    f.city = "Zanzibar";
  });
  const auto newer = Add("Zanzibar Newer", [](ContactFields& f) { f.met_on = Date{2002, 1, 1}; });
  std::vector<std::int64_t> marlows_newest_first;
  for (int i = 0; i < 1001; ++i) {
    marlows_newest_first.insert(marlows_newest_first.begin(), Add("Marlow Harbour", [i](ContactFields& f) {
                                                                f.met_on = NthDay(2003, i);
                                                              }).value);
  }
  std::vector<std::int64_t> fillers_newest_first;
  for (int i = 0; i < 200; ++i) {
    fillers_newest_first.insert(fillers_newest_first.begin(), Add("Filler Person", [i](ContactFields& f) {
                                                                f.met_on = NthDay(2010, i);
                                                              }).value);
  }
  EXPECT_THAT(Ids("zanzib"), ElementsAre(newer.value, oldest.value, in_place.value));
  EXPECT_THAT(Ids("zanzibar"), ElementsAre(newer.value, oldest.value, in_place.value));
  EXPECT_THAT(Ids("zanzibra"), ElementsAre(newer.value, oldest.value, in_place.value));
  EXPECT_EQ(Ids("marlow", 20),
            std::vector<std::int64_t>(marlows_newest_first.begin(), marlows_newest_first.begin() + 20));
  EXPECT_EQ(Ids("filler", 20),
            std::vector<std::int64_t>(fillers_newest_first.begin(), fillers_newest_first.begin() + 20));
  // A prefix of more names than PostgreSQL reads from their range at once,
  // asked after the word as typed found nobody.
  EXPECT_EQ(Ids("marlo", 20),
            std::vector<std::int64_t>(marlows_newest_first.begin(), marlows_newest_first.begin() + 20));
  // Two words: on PostgreSQL the names are probed for each word first.
  EXPECT_EQ(Ids("marlow harbour", 20),
            std::vector<std::int64_t>(marlows_newest_first.begin(), marlows_newest_first.begin() + 20));
  EXPECT_THAT(Ids("tess zanzibar"), ElementsAre(in_place.value));
  EXPECT_THAT(Ids("harbour zanzibar"), IsEmpty());
}

TEST_P(SearchTest, LimitAndOffsetPage) {
  std::vector<std::int64_t> all;
  all.reserve(5);
  for (int i = 0; i < 5; ++i) {
    all.push_back(Add("Sam " + std::to_string(i), [i](ContactFields& f) {
                    f.met_on = Date{2020 + i, 1, 1};
                  }).value);
  }
  auto first = Search(world_.store(), {"sam", 2, 0});
  auto second = Search(world_.store(), {"sam", 2, 2});
  auto third = Search(world_.store(), {"sam", 2, 4});
  ASSERT_TRUE(first && second && third);
  std::vector<std::int64_t> paged;
  for (const auto* page : {&*first, &*second, &*third}) {
    for (const auto& hit : *page) paged.push_back(hit.id.value);
  }
  EXPECT_THAT(paged, ElementsAre(all[4], all[3], all[2], all[1], all[0]));
}

TEST_P(SearchTest, TrashedContactsAreNotFound) {
  const auto ada = Add("Ada Okafor");
  ASSERT_TRUE(world_.store().TrashContact(ada, "t"));
  EXPECT_THAT(Ids("okafor"), IsEmpty());
  ASSERT_TRUE(world_.store().RestoreContact(ada, "t"));
  EXPECT_THAT(Ids("okafor"), ElementsAre(ada.value));
}

TEST_P(SearchTest, EditsAreSearchableAtOnceAndOldWordsGone) {
  const auto ada = Add("Ada Okafor", [](ContactFields& f) { f.company = "Acme"; });
  ContactFields changed;
  changed.display_name = "Ada Okafor";
  changed.company = "Kite Labs";
  ASSERT_TRUE(world_.store().UpdateContact(ada, changed, "t"));
  EXPECT_THAT(Ids("company:kite"), ElementsAre(ada.value));
  EXPECT_THAT(Ids("company:acme"), IsEmpty());
}

TEST_P(SearchTest, TyposAreNotCorrectedAfterTheWordIsGone) {
  const auto ada = Add("Ada Okafor");
  ASSERT_TRUE(world_.store().TrashContact(ada, "t"));
  EXPECT_THAT(Ids("okafr"), IsEmpty());
  auto corrections = Corrections(world_.store(), "okafr", 5);
  ASSERT_TRUE(corrections);
  EXPECT_THAT(*corrections, IsEmpty());
}

TEST_P(SearchTest, NonLatinScriptsAreSearchable) {
  const auto wang = Add("王伟");
  const auto ivan = Add("Иван Петров");
  EXPECT_THAT(Ids("王伟"), ElementsAre(wang.value));
  EXPECT_THAT(Ids("петр"), ElementsAre(ivan.value));
}

TEST_P(SearchTest, EmptyQueryFindsNothing) {
  Add("Ada Okafor");
  EXPECT_THAT(Ids("   "), IsEmpty());
  EXPECT_THAT(Ids("!!!"), IsEmpty());
}

TEST_P(SearchTest, QuotesAndOperatorsInQueryAreJustText) {
  const auto ada = Add("Ada \"AND\" Okafor");
  EXPECT_THAT(Ids("ada AND"), ElementsAre(ada.value));
  EXPECT_THAT(Ids("NEAR( okafor"), IsEmpty());
  EXPECT_THAT(Ids("okafor*"), ElementsAre(ada.value));
}

TEST_P(SearchTest, ReportsWhereAndHowItMatched) {
  Add("Rivera Diego");
  Add("Bea", [](ContactFields& f) { f.notes = "riverside walk"; });
  auto hits = Search(world_.store(), {"river", 10, 0});
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 2U);
  EXPECT_EQ((*hits)[0].tier, MatchTier::kName);
  EXPECT_EQ((*hits)[0].quality, MatchQuality::kPrefix);
  EXPECT_EQ((*hits)[1].tier, MatchTier::kNote);
}

}  // namespace
}  // namespace kith
