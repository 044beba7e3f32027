// What the running list's filters suggest as you type, and how many a search
// finds in all (the "of 3,412" beside a page of results).
#include <gtest/gtest.h>

#include "app/contacts.h"
#include "app/relationships.h"
#include "support/temp_database.h"

namespace kith {
namespace {

void Add(testing::TestWorld& world, const std::string& name, std::vector<std::string> tags,
         const std::string& met_at = "") {
  ContactFields fields;
  fields.display_name = name;
  fields.tags = std::move(tags);
  fields.met_at = met_at;
  auto added = AddContact(world.context(), fields);
  ASSERT_TRUE(added) << added.error().message;
}

std::vector<std::string> Suggest(testing::TestWorld& world, FilterField field, std::string_view prefix) {
  auto values = SuggestFilterValues(world.context(), field, prefix, 10);
  EXPECT_TRUE(values) << (values ? "" : values.error().message);
  return values ? *values : std::vector<std::string>{};
}

class SuggestFilterValuesTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(SuggestFilterValuesTest);

TEST_P(SuggestFilterValuesTest, TagsStartingWithWhatIsTypedTheMostUsedFirst) {
  testing::TestWorld world{GetParam()};
  Add(world, "Ada Okafor", {"mentor", "Menlo Park"});
  Add(world, "Bea Lindqvist", {"Menlo Park"});
  Add(world, "Cem Aksoy", {"Menlo Park", "investor"});
  EXPECT_EQ(Suggest(world, FilterField::kTag, "men"), (std::vector<std::string>{"Menlo Park", "mentor"}));
  EXPECT_EQ(Suggest(world, FilterField::kTag, "MENT"), (std::vector<std::string>{"mentor"}));
  EXPECT_EQ(Suggest(world, FilterField::kTag, "inv"), (std::vector<std::string>{"investor"}));
  EXPECT_TRUE(Suggest(world, FilterField::kTag, "zz").empty());
}

TEST_P(SuggestFilterValuesTest, TagsIgnoreAccents) {
  testing::TestWorld world{GetParam()};
  Add(world, "Ada Okafor", {"Café regulars"});
  EXPECT_EQ(Suggest(world, FilterField::kTag, "cafe"), (std::vector<std::string>{"Café regulars"}));
}

TEST_P(SuggestFilterValuesTest, NothingTypedSuggestsTheMostUsed) {
  testing::TestWorld world{GetParam()};
  Add(world, "Ada Okafor", {"mentor", "investor"});
  Add(world, "Bea Lindqvist", {"investor"});
  EXPECT_EQ(Suggest(world, FilterField::kTag, ""), (std::vector<std::string>{"investor", "mentor"}));
}

TEST_P(SuggestFilterValuesTest, TrashedPeoplesTagsAreNotSuggested) {
  testing::TestWorld world{GetParam()};
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  fields.tags = {"mentor"};
  auto ada = AddContact(world.context(), fields);
  ASSERT_TRUE(ada);
  ASSERT_TRUE(RemoveContact(world.context(), ada->id));
  EXPECT_TRUE(Suggest(world, FilterField::kTag, "men").empty());
}

TEST_P(SuggestFilterValuesTest, EventsFromCardsAndFromKithCaseIgnored) {
  testing::TestWorld world{GetParam()};
  Add(world, "Ada Okafor", {}, "RustConf 2026");
  Add(world, "Bea Lindqvist", {}, "RustConf 2026");
  Add(world, "Cem Aksoy", {}, "Rust Belt Meetup");
  EventFields event;
  event.name = "Rust Night";
  event.on = Date{2026, 11, 20};
  ASSERT_TRUE(AddEvent(world.context(), event));
  EXPECT_EQ(Suggest(world, FilterField::kEvent, "rust"),
            (std::vector<std::string>{"RustConf 2026", "Rust Belt Meetup", "Rust Night"}));
  EXPECT_EQ(Suggest(world, FilterField::kEvent, "RUST N"), (std::vector<std::string>{"Rust Night"}));
}

TEST_P(SuggestFilterValuesTest, UnknownFieldIsRefusedByName) {
  EXPECT_EQ(ParseFilterField("tags").error().field, "field");
  EXPECT_EQ(*ParseFilterField("event"), FilterField::kEvent);
}

TEST_P(SuggestFilterValuesTest, AnOverlongPrefixIsRefused) {
  testing::TestWorld world{GetParam()};
  auto values = SuggestFilterValues(world.context(), FilterField::kTag, std::string(201, 'a'), 10);
  ASSERT_FALSE(values);
  EXPECT_EQ(values.error().field, "prefix");
}

class CountSearchResultsTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(CountSearchResultsTest);

TEST_P(CountSearchResultsTest, CountsEveryoneTheSearchFindsBeyondThePage) {
  testing::TestWorld world{GetParam()};
  for (int i = 0; i < 30; ++i) Add(world, "Ada Okafor" + std::string(1, static_cast<char>('a' + i % 26)), {});
  Add(world, "Bea Lindqvist", {"ada fan club"});
  Add(world, "Cem Aksoy", {});
  const SearchRequest request{"ada", 10, 0};
  auto page = SearchContacts(world.context(), request);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->size(), 10U);
  auto total = CountSearchResults(world.context(), request, static_cast<std::int64_t>(page->size()));
  ASSERT_TRUE(total) << total.error().message;
  EXPECT_EQ(*total, 31) << "30 by name and one by tag";
}

TEST_P(CountSearchResultsTest, FiltersNarrowTheCount) {
  testing::TestWorld world{GetParam()};
  Add(world, "Ada Okafor", {"mentor"});
  Add(world, "Ada Lindqvist", {});
  EXPECT_EQ(*CountSearchResults(world.context(), {"ada tag:mentor", 10, 0}, 1), 1);
  EXPECT_EQ(*CountSearchResults(world.context(), {"tag:mentor", 10, 0}, 1), 1);
}

TEST_P(CountSearchResultsTest, ATypoFoundStillCountsWhatIsShown) {
  testing::TestWorld world{GetParam()};
  Add(world, "Jonathan Okafor", {});
  auto page = SearchContacts(world.context(), {"jonahtan", 10, 0});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1U);
  EXPECT_EQ(*CountSearchResults(world.context(), {"jonahtan", 10, 0}, 1), 1);
}

TEST_P(CountSearchResultsTest, AnEmptyQueryFindsNobody) {
  testing::TestWorld world{GetParam()};
  Add(world, "Ada Okafor", {});
  EXPECT_EQ(*CountSearchResults(world.context(), {"", 10, 0}, 0), 0);
}

}  // namespace
}  // namespace kith
