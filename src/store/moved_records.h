// The rows that hang off a contact and move with it in a merge, by table
// and the column that points at it: both stores move, note and undo the
// same ones (their merge_journal.cpp).
#pragma once

#include <string_view>

namespace kith {

struct MovedColumn {
  std::string_view record;  // the name noted in merge_moves
  std::string_view table;
  std::string_view column;
};

inline constexpr MovedColumn kMovedColumns[] = {
    {"job_changes", "job_changes", "contact_id"},
    {"ledger", "ledger", "contact_id"},
    {"ledger.introduced_to", "ledger", "introduced_to"},
    {"interactions", "interactions", "contact_id"},
    {"facts", "facts", "contact_id"},
    {"reminders", "reminders", "contact_id"},
    {"card_images", "card_images", "contact_id"},
};

}  // namespace kith
