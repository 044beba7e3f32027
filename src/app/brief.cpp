// The brief before a meeting: who they are, what you know, where you left off.
#include "agenda/starters.h"
#include "app/give.h"
#include "app/relationship_support.h"
#include "app/relationships.h"

namespace kith {
namespace {

constexpr int kRecentInteractions = 5;

bool IsGoal(const Fact& fact) {
  return fact.kind == FactKind::kProfessional &&
         (fact.key.starts_with("goal") || fact.key == "ambition" || fact.key == "working_towards");
}

std::string HowMet(const Contact& contact) {
  std::string text;
  if (!contact.met_at.empty()) text = "met at " + contact.met_at;
  if (contact.met_on) text += (text.empty() ? "met on " : " on ") + contact.met_on->ToIso();
  if (!contact.how_met.empty()) text += (text.empty() ? "" : " — ") + contact.how_met;
  return text;
}

}  // namespace

Result<Brief> BriefFor(Context& context, ContactId id) {
  const Date today = context.clock.Today();
  Brief brief;
  KITH_ASSIGN_OR_RETURN(brief.contact, context.store.GetContact(id));
  brief.how_met = HowMet(brief.contact);
  KITH_ASSIGN_OR_RETURN(const auto facts, context.store.FactsOf(id));
  for (const auto& fact : facts) {
    if (IsGoal(fact)) {
      brief.goals.push_back(fact);
    } else if (fact.kind == FactKind::kPersonal) {
      brief.personal.push_back(fact);
    } else {
      brief.professional.push_back(fact);
    }
  }
  KITH_ASSIGN_OR_RETURN(brief.recent, context.store.InteractionsOf(id, kRecentInteractions));
  if (brief.contact.last_contact) brief.days_since_contact = DaysBetween(*brief.contact.last_contact, today);
  KITH_ASSIGN_OR_RETURN(const auto reminders, context.store.RemindersOf(id));
  for (const auto& reminder : reminders) {
    if (reminder.state == ReminderState::kOpen && reminder.kind != ReminderKind::kReconnect) {
      brief.open_reminders.push_back(reminder);
    }
  }
  KITH_ASSIGN_OR_RETURN(brief.ledger, context.store.LedgerOf(id));
  brief.starters = ConversationStarters(facts, today);
  KITH_ASSIGN_OR_RETURN(brief.health, HealthOf(context, brief.contact));
  KITH_ASSIGN_OR_RETURN(brief.listening, Listening(context, id));
  return brief;
}

}  // namespace kith
