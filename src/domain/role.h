// What a member may do in a shared workspace (docs/team.md): a viewer
// reads; an editor also writes cards and the relationship loop; an owner
// also manages the members.
#pragma once

#include <optional>
#include <string_view>

namespace kith {

enum class Role { kViewer, kEditor, kOwner };

// "viewer", "editor", "owner": the words of the command line, the API and
// the database (memberships.role, the kith.role setting).
constexpr std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kViewer:
      return "viewer";
    case Role::kEditor:
      return "editor";
    case Role::kOwner:
      return "owner";
  }
  return "viewer";
}

// The role a word names; nullopt for any other word.
constexpr std::optional<Role> ParseRole(std::string_view word) {
  for (const Role role : {Role::kViewer, Role::kEditor, Role::kOwner}) {
    if (RoleName(role) == word) return role;
  }
  return std::nullopt;
}

// Whether the role may change cards and the loop.
constexpr bool MayWrite(Role role) { return role != Role::kViewer; }

}  // namespace kith
