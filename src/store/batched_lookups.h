// The lookups an import makes to recognise each row's person, asked for
// a batch of rows at once. Only the PostgreSQL store has them: across a
// socket every lookup is a round trip, while in an SQLite file it is a
// function call (BatchedLookupsOf gives nullptr there).
#pragma once

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith {

// One lookup: what Store::FindContactIds(key, value) answers, or with
// `namesakes` what Store::FindNamesakes(value, company) answers.
struct ContactLookup {
  ContactKey key = ContactKey::kUid;
  std::string value;
  std::string company;     // only for namesakes
  bool namesakes = false;  // the live contacts named `value` at `company`

  static ContactLookup ByKey(ContactKey key, std::string value) {
    return ContactLookup{key, std::move(value), "", false};
  }
  static ContactLookup Namesakes(std::string name, std::string company) {
    return ContactLookup{ContactKey::kName, std::move(name), std::move(company), true};
  }
};

class BatchedLookups {
 public:
  virtual ~BatchedLookups() = default;
  // The answers to `lookups`, in their order, each as FindContactIds or
  // FindNamesakes would give it at this moment.
  [[nodiscard]] virtual Result<std::vector<std::vector<ContactId>>> FindManyContactIds(
      std::span<const ContactLookup> lookups) = 0;
};

// The store's batched lookups; nullptr for a store that has none.
inline BatchedLookups* BatchedLookupsOf(Store& store) { return dynamic_cast<BatchedLookups*>(&store); }

}  // namespace kith
