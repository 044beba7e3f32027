#include "app/access.h"
#include "app/give.h"
#include "domain/validation.h"

namespace kith {
namespace {

Status CheckDate(const std::optional<Date>& on, Date today) {
  if (on && *on > today) {
    return Fail(ErrorCode::kInvalidInput, on->ToIso() + " is in the future: record what happened", "on");
  }
  return Ok();
}

Status CheckLiveContact(Context& context, ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Contact contact, context.store.GetContact(id));
  if (contact.trashed_at) {
    return Fail(ErrorCode::kConflict,
                "contact " + std::to_string(id.value) + " (" + contact.display_name + ") is in the trash",
                "id");
  }
  return Ok();
}

}  // namespace

Result<LedgerEntry> RecordGive(Context& context, GiveRequest request) {
  request.what = Trim(request.what);
  KITH_RETURN_IF_ERROR(CheckDate(request.on, context.clock.Today()));
  KITH_RETURN_IF_ERROR(CheckLiveContact(context, request.contact));
  if (request.opportunity) {
    KITH_ASSIGN_OR_RETURN(const Opportunity opportunity, context.store.GetOpportunity(*request.opportunity));
    if (request.what.empty()) request.what = opportunity.title;
  }
  if (request.what.empty()) {
    return Fail(ErrorCode::kInvalidInput, "say what was given (--what) or which opportunity (--opp)", "what");
  }
  LedgerEntry entry;
  entry.contact = request.contact;
  entry.kind = LedgerKind::kGive;
  entry.direction = request.direction;
  entry.what = request.what;
  entry.on = request.on.value_or(context.clock.Today());
  entry.opportunity = request.opportunity;
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "record a give"));
  KITH_ASSIGN_OR_RETURN(LedgerEntry stored, context.store.InsertLedgerEntry(entry));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return stored;
}

Result<LedgerEntry> RecordAsk(Context& context, AskRequest request) {
  request.what = Trim(request.what);
  KITH_RETURN_IF_ERROR(CheckDate(request.on, context.clock.Today()));
  KITH_RETURN_IF_ERROR(CheckLiveContact(context, request.contact));
  if (request.what.empty()) return Fail(ErrorCode::kInvalidInput, "say what was asked (--what)", "what");
  LedgerEntry entry;
  entry.contact = request.contact;
  entry.kind = LedgerKind::kAsk;
  entry.direction = request.direction;
  entry.what = request.what;
  entry.on = request.on.value_or(context.clock.Today());
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "record an ask"));
  KITH_ASSIGN_OR_RETURN(LedgerEntry stored, context.store.InsertLedgerEntry(entry));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return stored;
}

Result<std::pair<LedgerEntry, LedgerEntry>> RecordIntroduction(Context& context, ContactId first,
                                                               ContactId second, std::string why,
                                                               std::optional<Date> on) {
  why = Trim(why);
  if (first == second)
    return Fail(ErrorCode::kInvalidInput, "an introduction needs two different people", "id");
  if (why.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "say why they should meet (--why): it is the first line of the intro", "why");
  }
  KITH_RETURN_IF_ERROR(CheckDate(on, context.clock.Today()));
  KITH_RETURN_IF_ERROR(CheckLiveContact(context, first));
  KITH_RETURN_IF_ERROR(CheckLiveContact(context, second));
  KITH_ASSIGN_OR_RETURN(const Contact a, context.store.GetContact(first));
  KITH_ASSIGN_OR_RETURN(const Contact b, context.store.GetContact(second));
  const auto entry_for = [&](const Contact& to, const Contact& other) {
    LedgerEntry entry;
    entry.contact = to.id;
    entry.kind = LedgerKind::kIntro;
    entry.direction = LedgerDirection::kFromMe;
    entry.what = "introduced to " + other.display_name;
    entry.why = why;
    entry.on = on.value_or(context.clock.Today());
    entry.introduced_to = other.id;
    return entry;
  };
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "record an introduction"));
  KITH_ASSIGN_OR_RETURN(LedgerEntry to_first, context.store.InsertLedgerEntry(entry_for(a, b)));
  KITH_ASSIGN_OR_RETURN(LedgerEntry to_second, context.store.InsertLedgerEntry(entry_for(b, a)));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return std::make_pair(std::move(to_first), std::move(to_second));
}

Result<LedgerEntry> SetLedgerOutcome(Context& context, LedgerEntryId id, LedgerOutcome outcome) {
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "record how a give turned out"));
  KITH_RETURN_IF_ERROR(context.store.SetLedgerOutcome(id, outcome));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return context.store.GetLedgerEntry(id);
}

Result<Ledger> LedgerFor(Context& context, ContactId id) {
  Ledger ledger;
  KITH_ASSIGN_OR_RETURN(ledger.contact, context.store.GetContact(id));
  KITH_ASSIGN_OR_RETURN(ledger.entries, context.store.LedgerOf(id));
  ledger.balance = BalanceOf(ledger.entries);
  return ledger;
}

}  // namespace kith
