#include "store/sqlite/staged_search_entries.h"

#include <algorithm>

namespace kith::sqlite {

std::string_view StagedSearchEntries::Entry::Column(std::size_t column) const {
  const std::size_t begin = column == 0 ? 0 : ends_.at(column - 1);
  return std::string_view(text_).substr(begin, ends_.at(column) - begin);
}

void StagedSearchEntries::Put(std::int64_t contact_id, std::int64_t key, const SearchDocument& document) {
  const auto [slot, added] = slot_of_.try_emplace(contact_id, entries_.size());
  if (added) entries_.emplace_back();
  Entry& entry = entries_[slot->second];
  entry.key_ = key;
  entry.live_ = true;
  std::size_t length = 0;
  for (const std::string& column : document) length += column.size();
  entry.text_.clear();
  entry.text_.reserve(length);
  for (std::size_t i = 0; i < document.size(); ++i) {
    entry.text_ += document[i];
    entry.ends_[i] = static_cast<std::uint32_t>(entry.text_.size());
  }
}

void StagedSearchEntries::Remove(std::int64_t contact_id) {
  const auto slot = slot_of_.find(contact_id);
  if (slot == slot_of_.end()) return;
  Entry& entry = entries_[slot->second];
  entry.live_ = false;
  entry.text_ = std::string();
}

std::vector<const StagedSearchEntries::Entry*> StagedSearchEntries::InRowidOrder() const {
  std::vector<const Entry*> order;
  order.reserve(entries_.size());
  for (const Entry& entry : entries_) {
    if (entry.live_) order.push_back(&entry);
  }
  // Keys are unique (the id is in their low bits): the order is total.
  std::sort(order.begin(), order.end(), [](const Entry* a, const Entry* b) { return a->key_ > b->key_; });
  return order;
}

}  // namespace kith::sqlite
