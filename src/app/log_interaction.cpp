// Habit 2: log a meeting with what you learned and how much they talked.
#include "app/access.h"
#include "app/relationship_support.h"
#include "app/relationships.h"
#include "domain/validation.h"

namespace kith {

// A promise made in a meeting is due in a week unless said otherwise.
constexpr int kPromiseDays = 7;

Result<LoggedInteraction> LogInteraction(Context& context, const LogRequest& request) {
  const Date today = context.clock.Today();
  const Date on = request.on.value_or(today);
  KITH_RETURN_IF_ERROR(CheckNotFuture(on, today, "on"));
  if (request.they_talked) KITH_RETURN_IF_ERROR(ValidateTalkShare(*request.they_talked));
  std::vector<Fact> facts;
  for (const auto& requested : request.facts) {
    Fact fact = requested;
    KITH_ASSIGN_OR_RETURN(fact.key, NormalizeFactKey(fact.key));
    fact.value = Trim(fact.value);
    if (fact.value.empty()) {
      return Fail(ErrorCode::kInvalidInput, "fact '" + fact.key + "' has no value", "fact");
    }
    fact.contact = request.contact;
    fact.learned_on = on;
    fact.visibility = request.visibility;
    facts.push_back(std::move(fact));
  }
  KITH_ASSIGN_OR_RETURN(const Contact contact, LiveContact(context, request.contact));

  LoggedInteraction logged;
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "log a conversation"));
  InteractionFields fields;
  fields.contact = contact.id;
  fields.kind = request.kind;
  fields.on = on;
  fields.summary = Trim(request.summary);
  fields.they_talked = request.they_talked;
  fields.visibility = request.visibility;
  KITH_ASSIGN_OR_RETURN(logged.interaction, context.store.InsertInteraction(fields));
  for (auto& fact : facts) {
    fact.interaction = logged.interaction.id;
    KITH_ASSIGN_OR_RETURN(Fact stored, context.store.SetFact(fact));
    logged.facts.push_back(std::move(stored));
  }
  // The card's last contact is the workspace's to see: a private
  // conversation in a shared workspace would show when it happened.
  const bool others_see_it = request.visibility == Visibility::kShared || ActingAccount(context).empty();
  if (IsContactMade(request.kind)) {
    if (others_see_it && (!contact.last_contact || *contact.last_contact < on)) {
      KITH_RETURN_IF_ERROR(context.store.SetLastContact(contact.id, on));
    }
    // Being in touch after meeting them is the follow-up, however it happened.
    KITH_ASSIGN_OR_RETURN(auto follow_up, OpenFollowUp(context, contact.id));
    if (follow_up && (!contact.met_on || on >= *contact.met_on)) {
      follow_up->state = ReminderState::kDone;
      follow_up->closed_on = today;
      KITH_RETURN_IF_ERROR(context.store.UpdateReminder(*follow_up));
      logged.completed_follow_up = follow_up;
    }
  }
  if (!Trim(request.promise).empty()) {
    Reminder promise;
    promise.contact = contact.id;
    promise.kind = ReminderKind::kCustom;
    promise.due = today.AddDays(kPromiseDays);
    promise.note = "you promised: " + Trim(request.promise);
    promise.created_on = today;
    KITH_ASSIGN_OR_RETURN(logged.promise, context.store.InsertReminder(promise));
  }
  KITH_ASSIGN_OR_RETURN(logged.next_reconnect, PlanReconnectWithin(context, contact));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return logged;
}

Result<std::vector<Interaction>> InteractionsOf(Context& context, ContactId contact, int limit) {
  KITH_RETURN_IF_ERROR(context.store.GetContact(contact));
  return context.store.InteractionsOf(contact, limit);
}

Result<Fact> SetFact(Context& context, ContactId contact, FactKind kind, std::string_view key,
                     std::string_view value, Visibility visibility) {
  Fact fact;
  fact.contact = contact;
  fact.kind = kind;
  fact.visibility = visibility;
  KITH_ASSIGN_OR_RETURN(fact.key, NormalizeFactKey(key));
  fact.value = Trim(value);
  if (fact.value.empty()) {
    return Fail(ErrorCode::kInvalidInput, "fact '" + fact.key + "' needs a value", "value");
  }
  fact.learned_on = context.clock.Today();
  KITH_RETURN_IF_ERROR(LiveContact(context, contact));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "record a fact"));
  KITH_ASSIGN_OR_RETURN(Fact stored, context.store.SetFact(fact));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return stored;
}

Result<std::vector<Fact>> RemoveFact(Context& context, ContactId contact, FactKind kind,
                                     std::string_view key) {
  KITH_ASSIGN_OR_RETURN(const std::string normalized, NormalizeFactKey(key));
  KITH_RETURN_IF_ERROR(LiveContact(context, contact));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "remove a fact"));
  KITH_RETURN_IF_ERROR(context.store.RemoveFact(contact, kind, normalized));
  KITH_ASSIGN_OR_RETURN(auto left, context.store.FactsOf(contact));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return left;
}

Result<std::vector<Fact>> FactsOf(Context& context, ContactId contact) {
  KITH_RETURN_IF_ERROR(context.store.GetContact(contact));
  return context.store.FactsOf(contact);
}

Result<FactNoted> NoteFact(Context& context, ContactId contact, FactKind kind, std::string_view key,
                           std::string_view value, Visibility visibility) {
  FactNoted noted;
  KITH_ASSIGN_OR_RETURN(noted.fact, SetFact(context, contact, kind, key, value, visibility));
  KITH_ASSIGN_OR_RETURN(noted.facts, context.store.FactsOf(contact));
  return noted;
}

Result<ListeningStats> Listening(Context& context, std::optional<ContactId> contact) {
  // Enough recent conversations for a share and a trend, not a whole history.
  constexpr int kRecent = 200;
  if (contact) {
    KITH_ASSIGN_OR_RETURN(auto interactions, InteractionsOf(context, *contact, kRecent));
    const std::string me = ActingAccount(context);
    std::erase_if(interactions, [&](const Interaction& interaction) { return interaction.author != me; });
    return ComputeListening(interactions);
  }
  KITH_ASSIGN_OR_RETURN(const auto interactions, context.store.RecentInteractions(true, kRecent));
  return ComputeListening(interactions);
}

}  // namespace kith
