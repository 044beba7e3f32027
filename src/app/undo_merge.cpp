#include "app/access.h"
#include "app/merge_snapshot.h"
#include "app/transfer.h"

namespace kith {
namespace {

std::string Describe(const Contact& contact) {
  return "#" + std::to_string(contact.id.value) + " (" + contact.display_name + ")";
}

}  // namespace

Result<MergedContacts> UndoMerge(Context& context, MergeId id) {
  // The checks read inside the transaction that writes, so nothing can
  // change between them.
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "undo a merge"));
  KITH_ASSIGN_OR_RETURN(auto journal, context.store.GetMerge(id));
  Merge& merge = journal.first;
  const std::string what = "merge " + std::to_string(id.value);
  if (merge.undone_at) {
    return Fail(ErrorCode::kConflict, what + " was already undone (" + *merge.undone_at + ")", "id");
  }
  for (const ContactId card : {merge.kept, merge.other}) {
    auto contact = context.store.GetContact(card);
    if (!contact && contact.error().code == ErrorCode::kNotFound) {
      return Fail(ErrorCode::kConflict,
                  what + " cannot be undone: card #" + std::to_string(card.value) +
                      " was deleted for good since (the trash was emptied)",
                  "id");
    }
    if (!contact) return tl::unexpected(contact.error());
  }
  KITH_ASSIGN_OR_RETURN(const Contact kept, context.store.GetContact(merge.kept));
  KITH_ASSIGN_OR_RETURN(const Contact other, context.store.GetContact(merge.other));
  KITH_ASSIGN_OR_RETURN(const bool unchanged, context.store.MergedCardsUnchanged(id));
  if (!unchanged) {
    // Putting the old card back would throw away what was written since.
    return Fail(ErrorCode::kConflict,
                what + " cannot be undone: " + Describe(kept) + " or " + Describe(other) +
                    " was edited, restored or trashed since the merge; undo would lose that change",
                "id");
  }
  KITH_ASSIGN_OR_RETURN(const MergeSnapshot snapshot, MergeSnapshotFromText(journal.second));
  const std::string now = context.clock.NowTimestamp();

  KITH_RETURN_IF_ERROR(context.store.UpdateContact(merge.kept, snapshot.kept_fields, now));
  KITH_RETURN_IF_ERROR(context.store.UndoMergeMoves(id, now));
  // A contact logged with the kept card since the merge stays its last.
  if (kept.last_contact == snapshot.merged_last_contact) {
    KITH_RETURN_IF_ERROR(context.store.SetLastContact(merge.kept, snapshot.kept_last_contact));
  }
  KITH_RETURN_IF_ERROR(context.store.SetCadence(merge.kept, snapshot.kept_cadence));
  KITH_RETURN_IF_ERROR(context.store.SetCadence(merge.other, snapshot.other_cadence));
  KITH_RETURN_IF_ERROR(context.store.RestoreContact(merge.other, now));
  KITH_RETURN_IF_ERROR(transaction.Commit());

  merge.undone_at = now;
  KITH_ASSIGN_OR_RETURN(Contact kept_after, context.store.GetContact(merge.kept));
  KITH_ASSIGN_OR_RETURN(Contact other_after, context.store.GetContact(merge.other));
  return MergedContacts{std::move(merge), std::move(kept_after), std::move(other_after)};
}

}  // namespace kith
