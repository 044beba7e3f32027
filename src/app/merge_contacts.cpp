#include <algorithm>

#include "app/access.h"
#include "app/merge_snapshot.h"
#include "app/transfer.h"
#include "domain/contact_merge.h"

namespace kith {

Result<MergedContacts> MergeContacts(Context& context, ContactId keep, ContactId other) {
  if (keep == other) return Fail(ErrorCode::kInvalidInput, "a contact cannot be merged with itself", "id");
  KITH_ASSIGN_OR_RETURN(const Contact kept, context.store.GetContact(keep));
  KITH_ASSIGN_OR_RETURN(const Contact merged_away, context.store.GetContact(other));
  for (const Contact* contact : {&kept, &merged_away}) {
    if (contact->trashed_at) {
      return Fail(ErrorCode::kConflict,
                  "contact " + std::to_string(contact->id.value) + " (" + contact->display_name +
                      ") is in the trash: restore it first",
                  "id");
    }
  }
  const ContactFields fields = MergeFields(kept, merged_away);
  Merge merge{MergeId{}, keep, other, context.clock.NowTimestamp(), std::nullopt};

  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "merge cards"));
  // The journal keeps the cards as they were, in the same transaction, so
  // `kith merge --undo` can put them back.
  MergeSnapshot snapshot;
  snapshot.kept_last_contact = kept.last_contact;
  snapshot.merged_last_contact = std::max(kept.last_contact, merged_away.last_contact);
  KITH_ASSIGN_OR_RETURN(snapshot.kept_cadence, context.store.CadenceOf(keep));
  KITH_ASSIGN_OR_RETURN(snapshot.other_cadence, context.store.CadenceOf(other));
  KITH_ASSIGN_OR_RETURN(merge.id, context.store.InsertMerge(merge, MergeSnapshotToText(kept, snapshot)));

  KITH_RETURN_IF_ERROR(context.store.UpdateContact(keep, fields, merge.merged_at));
  KITH_RETURN_IF_ERROR(context.store.MoveContactRecords(other, keep, merge.id));
  // The history moved with the other card: its last contact may be later.
  KITH_RETURN_IF_ERROR(context.store.SetLastContact(keep, snapshot.merged_last_contact));
  KITH_RETURN_IF_ERROR(context.store.TrashContact(other, merge.merged_at));
  KITH_RETURN_IF_ERROR(context.store.SealMerge(merge.id));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  KITH_ASSIGN_OR_RETURN(Contact merged, context.store.GetContact(keep));
  KITH_ASSIGN_OR_RETURN(Contact trashed, context.store.GetContact(other));
  return MergedContacts{std::move(merge), std::move(merged), std::move(trashed)};
}

}  // namespace kith
