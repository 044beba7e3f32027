// The WHERE clause of the running list's filters (live or trash, tag,
// event), shared by the list, its count and the list by health. Internal to
// store/sqlite/. The clause binds ?1 to the folded tag and ?2 to the event
// when those filters are set, and names the columns of `contacts`.
#pragma once

#include <string>

#include "store/store.h"

namespace kith::sqlite {

// How a tag filter joins the list. A rare tag is cheapest as the set of its
// members, sorted; a common one as a probe per row while walking the sort
// index, which stops after one page (materialising 27,000 members of a
// common tag to sort them took half a second at a million people).
enum class TagJoin { kMembers, kProbe };

std::string ListWhere(const ListQuery& query, TagJoin join);

}  // namespace kith::sqlite
