// The cards as a merge found them, kept in the merge journal so that the
// merge can be undone exactly. Internal to app/.
#pragma once

#include <optional>
#include <string>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

struct MergeSnapshot {
  ContactFields kept_fields;                // the kept card before the merge
  std::optional<Date> kept_last_contact;    // before the merge
  std::optional<Date> merged_last_contact;  // as the merge left the kept card
  std::optional<int> kept_cadence;          // each card's own cadence before
  std::optional<int> other_cadence;
};

// JSON text, lossless for every field of a card (phones keep their E.164).
std::string MergeSnapshotToText(const Contact& kept, const MergeSnapshot& snapshot);
// kInternal when the journal holds something else.
Result<MergeSnapshot> MergeSnapshotFromText(const std::string& text);

}  // namespace kith
