// The relationship loop's tables on both stores: events, interactions,
// facts, reminders, cadences, posts, and what health reads of them.
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

class RelationshipTables : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  ContactId Add(const std::string& name, const std::string& met_at = "") {
    ContactFields fields;
    fields.display_name = name;
    fields.met_at = met_at;
    fields.tags = {"Mentor"};
    auto contact = world_.store().InsertContact(fields, "u-" + name, "2026-11-01T00:00:00Z");
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? contact->id : ContactId{};
  }

  testing::TestWorld world_{GetParam()};
};

KITH_ON_BOTH_STORES(RelationshipTables);

TEST_P(RelationshipTables, EventsAreNamedOnceAndCountWhoWasMetThere) {
  Store& store = world_.store();
  auto pycon = store.InsertEvent(EventFields{"PyCon US", Date{2026, 5, 15}, "Pittsburgh", ""});
  ASSERT_TRUE(pycon) << pycon.error().message;
  const auto twin = store.InsertEvent(EventFields{"pycon us", Date{2026, 6, 1}, "", ""});
  ASSERT_FALSE(twin);
  EXPECT_EQ(twin.error().code, ErrorCode::kAlreadyExists);
  const ContactId ada = Add("Ada Okafor", "PyCon US");
  const ContactId bea = Add("Bea Kovacs");
  Reminder follow_up;
  follow_up.contact = bea;
  follow_up.kind = ReminderKind::kFollowUp;
  follow_up.due = Date{2026, 5, 16};
  follow_up.event = pycon->id;
  follow_up.created_on = Date{2026, 5, 15};
  auto stored = store.InsertReminder(follow_up);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(*store.ContactsMetAt("pycon us"), (std::vector<ContactId>{ada, bea}));
  auto events = store.ListEvents(10);
  ASSERT_TRUE(events) << events.error().message;
  ASSERT_EQ(events->size(), 1U);
  EXPECT_EQ(events->front().met, 2);
  EXPECT_EQ(events->front().followed_up, 0);
  ListQuery met_there;
  met_there.event = "PYCON US";
  EXPECT_EQ(*store.CountContacts(met_there), 2);
  EXPECT_EQ(*store.MetAtWithPrefix("py", 5), (std::vector<std::string>{"PyCon US"}));
  EXPECT_EQ(store.FindEventByName("PYCON US")->value().id, pycon->id);
  EXPECT_EQ(store.GetEvent(EventId{999}).error().code, ErrorCode::kNotFound);
}

TEST_P(RelationshipTables, InteractionsFactsAndRemindersRoundTrip) {
  Store& store = world_.store();
  const ContactId ada = Add("Ada Okafor");
  auto coffee = store.InsertInteraction(
      InteractionFields{ada, InteractionKind::kCoffee, Date{2026, 11, 2}, "Sourdough", 40});
  ASSERT_TRUE(coffee) << coffee.error().message;
  ASSERT_TRUE(store.InsertInteraction(
      InteractionFields{ada, InteractionKind::kNote, Date{2026, 11, 3}, "", std::nullopt}));
  auto interactions = store.InteractionsOf(ada, 10);
  ASSERT_TRUE(interactions);
  ASSERT_EQ(interactions->size(), 2U);
  EXPECT_EQ(interactions->back().id, coffee->id) << "newest first";
  EXPECT_EQ(interactions->back().they_talked, std::optional<int>(40));
  EXPECT_EQ(store.RecentInteractions(true, 10)->size(), 1U);

  ASSERT_TRUE(store.SetFact(
      Fact{FactId{}, ada, FactKind::kPersonal, "hometown", "Lagos", Date{2026, 11, 2}, coffee->id}));
  ASSERT_TRUE(store.SetFact(
      Fact{FactId{}, ada, FactKind::kPersonal, "hometown", "Abuja", Date{2026, 11, 3}, std::nullopt}));
  auto facts = store.FactsOf(ada);
  ASSERT_TRUE(facts);
  ASSERT_EQ(facts->size(), 1U) << "a fact of the same kind and key is replaced";
  EXPECT_EQ(facts->front().value, "Abuja");
  EXPECT_EQ(store.RemoveFact(ada, FactKind::kProfessional, "goal").error().code, ErrorCode::kNotFound);

  Reminder reminder;
  reminder.contact = ada;
  reminder.kind = ReminderKind::kCustom;
  reminder.due = Date{2026, 11, 20};
  reminder.note = "ask about the move";
  reminder.created_on = Date{2026, 11, 2};
  auto stored = store.InsertReminder(reminder);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(store.OpenReminders(Date{2026, 11, 19}, std::nullopt, 10)->empty());
  EXPECT_EQ(store.OpenReminders(Date{2026, 11, 20}, ReminderKind::kCustom, 10)->size(), 1U);
  EXPECT_EQ(*store.CountOpenReminders(Date{2026, 11, 20}, ReminderKind::kFollowUp), 0);
  stored->state = ReminderState::kDone;
  stored->closed_on = Date{2026, 11, 21};
  ASSERT_TRUE(store.UpdateReminder(*stored));
  EXPECT_EQ(*store.GetReminder(stored->id), *stored);
  EXPECT_EQ(*store.CountOpenReminders(Date{2026, 12, 1}, std::nullopt), 0);
}

TEST_P(RelationshipTables, CadencesPostsAndHealthInputs) {
  Store& store = world_.store();
  const ContactId ada = Add("Ada Okafor");
  ASSERT_TRUE(store.SetCadence(ada, 30));
  ASSERT_TRUE(store.SetCadence(ada, 45));
  EXPECT_EQ(*store.CadenceOf(ada), std::optional<int>(45));
  ASSERT_TRUE(store.SetSetting("cadence.tag.mentor", "60"));
  ASSERT_TRUE(
      store.InsertInteraction(InteractionFields{ada, InteractionKind::kCall, Date{2026, 11, 5}, "", 70}));
  ASSERT_TRUE(store.SetLastContact(ada, Date{2026, 11, 5}));
  auto activity = store.ActivityOf({ada, ContactId{999}}, Date{2026, 11, 1});
  ASSERT_TRUE(activity) << activity.error().message;
  ASSERT_EQ(activity->size(), 2U);
  EXPECT_EQ(activity->at(0).contacts_since, 1);
  EXPECT_EQ(activity->at(0).they_talked_average, std::optional<int>(70));
  EXPECT_EQ(activity->at(0).cadence_days, std::optional<int>(45));
  EXPECT_EQ(activity->at(0).tag_cadence_days, std::optional<int>(60));
  EXPECT_EQ(activity->at(0).last_contact, std::optional<Date>(Date{2026, 11, 5}));
  EXPECT_EQ(activity->at(1).contact, ContactId{999});
  EXPECT_EQ(*store.LastInTouchBetween(Date{2026, 11, 1}, Date{2026, 11, 30}, 10),
            std::vector<ContactId>{ada});
  EXPECT_EQ(store.ActivityOfEveryone(Date{2026, 11, 1})->size(), 1U);
  ASSERT_TRUE(store.SetCadence(ada, std::nullopt));
  EXPECT_EQ(*store.CadenceOf(ada), std::nullopt);
  ASSERT_TRUE(store.InsertPost(PostFields{"blog", "https://example.org/a", "search", Date{2026, 11, 2}}));
  ASSERT_TRUE(store.InsertPost(PostFields{"linkedin", "", "hiring", Date{2026, 11, 9}}));
  auto posts = store.ListPosts(10);
  ASSERT_TRUE(posts);
  ASSERT_EQ(posts->size(), 2U);
  EXPECT_EQ(posts->front().channel, "linkedin");
}

// A fact or an interaction may be private (docs/team.md). On a personal
// file, or a database without accounts, there is one person: the flag is
// kept and read back, there is no author, and everything is seen.
TEST_P(RelationshipTables, APrivateFactOrInteractionIsKeptAsPrivateAndSeenByTheOnePerson) {
  Store& store = world_.store();
  const ContactId ada = Add("Ada Okafor");
  InteractionFields secret{ada, InteractionKind::kNote, Date{2026, 11, 2}, "asked me not to share",
                           std::nullopt};
  secret.visibility = Visibility::kPrivate;
  auto logged = store.InsertInteraction(secret);
  ASSERT_TRUE(logged) << logged.error().message;
  EXPECT_EQ(logged->visibility, Visibility::kPrivate);
  EXPECT_EQ(logged->author, "") << "no accounts: no author";
  ASSERT_TRUE(store.InsertInteraction(
      InteractionFields{ada, InteractionKind::kCoffee, Date{2026, 11, 3}, "shared", 60}));
  auto interactions = store.InteractionsOf(ada, 10);
  ASSERT_TRUE(interactions) << interactions.error().message;
  ASSERT_EQ(interactions->size(), 2U);
  EXPECT_EQ(interactions->at(0).visibility, Visibility::kShared);
  EXPECT_EQ(interactions->at(1).visibility, Visibility::kPrivate);
  EXPECT_EQ(interactions->at(1).summary, "asked me not to share");
  EXPECT_EQ(store.InteractionsAfter(InteractionId{}, 10)->size(), 2U) << "the backup keeps both";

  Fact family{FactId{}, ada, FactKind::kPersonal, "family", "two kids", Date{2026, 11, 2}, std::nullopt};
  family.visibility = Visibility::kPrivate;
  auto fact = store.SetFact(family);
  ASSERT_TRUE(fact) << fact.error().message;
  EXPECT_EQ(fact->visibility, Visibility::kPrivate);
  auto facts = store.FactsOf(ada);
  ASSERT_TRUE(facts) << facts.error().message;
  ASSERT_EQ(facts->size(), 1U);
  EXPECT_EQ(facts->front().visibility, Visibility::kPrivate);
  EXPECT_EQ(facts->front().author, "");
  ASSERT_EQ(store.FactsAfter(FactId{}, 10)->size(), 1U);
  EXPECT_EQ(store.FactsAfter(FactId{}, 10)->front().visibility, Visibility::kPrivate);
  family.value = "three kids";
  family.visibility = Visibility::kShared;
  ASSERT_TRUE(store.SetFact(family));
  facts = store.FactsOf(ada);
  ASSERT_EQ(facts->size(), 1U) << "one person, one value per key: the shared one replaces the private";
  EXPECT_EQ(facts->front().value, "three kids");
  EXPECT_EQ(facts->front().visibility, Visibility::kShared);
}

}  // namespace
}  // namespace kith
