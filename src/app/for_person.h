// One call for an action about a person named the way a user types them
// ("Ada Okafor", "okafor", "42"): the name resolved (ResolveContact) and the
// action run on the id, so a face translates its words and makes this one
// call, e.g. ForPerson(context, "Ada", BriefFor) or
// ForPerson(context, "42", EditContact, edit).
#pragma once

#include <string_view>
#include <type_traits>
#include <utility>

#include "app/contacts.h"
#include "app/context.h"
#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

// The person named and what the action answered about them.
template <typename Value>
struct AboutPerson {
  Contact contact;
  Value value;
};

// The action's value type, for an action returning Result<Value>.
template <typename Action, typename... Arguments>
using PersonActionValue =
    typename std::invoke_result_t<Action, Context&, ContactId, Arguments...>::value_type;

// Errors: ResolveContact's (kNotFound, kConflict with the candidates), then
// the action's. A Status action answers the person alone.
template <typename Action, typename... Arguments>
auto ForPerson(Context& context, std::string_view reference, Action&& action, Arguments&&... arguments) {
  using Value = PersonActionValue<Action, Arguments...>;
  if constexpr (std::is_void_v<Value>) {
    return [&]() -> Result<Contact> {
      KITH_ASSIGN_OR_RETURN(Contact contact, ResolveContact(context, reference));
      KITH_RETURN_IF_ERROR(
          std::forward<Action>(action)(context, contact.id, std::forward<Arguments>(arguments)...));
      return contact;
    }();
  } else {
    return [&]() -> Result<AboutPerson<Value>> {
      KITH_ASSIGN_OR_RETURN(Contact contact, ResolveContact(context, reference));
      KITH_ASSIGN_OR_RETURN(Value value, std::forward<Action>(action)(context, contact.id,
                                                                      std::forward<Arguments>(arguments)...));
      return AboutPerson<Value>{std::move(contact), std::move(value)};
    }();
  }
}

// Two people and what the action answered about the pair.
template <typename Value>
struct AboutTwoPeople {
  Contact first;
  Contact second;
  Value value;
};

// The same for an action about two people (an introduction, a merge):
// both named resolved, the first's errors first.
template <typename Action, typename... Arguments>
auto ForTwoPeople(Context& context, std::string_view first_reference, std::string_view second_reference,
                  Action&& action, Arguments&&... arguments) {
  using Value =
      typename std::invoke_result_t<Action, Context&, ContactId, ContactId, Arguments...>::value_type;
  return [&]() -> Result<AboutTwoPeople<Value>> {
    KITH_ASSIGN_OR_RETURN(Contact first, ResolveContact(context, first_reference));
    KITH_ASSIGN_OR_RETURN(Contact second, ResolveContact(context, second_reference));
    KITH_ASSIGN_OR_RETURN(Value value, std::forward<Action>(action)(context, first.id, second.id,
                                                                    std::forward<Arguments>(arguments)...));
    return AboutTwoPeople<Value>{std::move(first), std::move(second), std::move(value)};
  }();
}

}  // namespace kith
