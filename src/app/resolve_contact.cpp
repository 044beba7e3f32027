#include <algorithm>
#include <charconv>

#include "app/contacts.h"
#include "domain/validation.h"

namespace kith {
namespace {

constexpr int kCandidatesShown = 10;

Error Ambiguous(std::string_view reference, const std::vector<Contact>& candidates, bool more) {
  std::string message =
      "'" + std::string(reference) + "' matches " +
      (more ? "more than " + std::to_string(candidates.size()) : std::to_string(candidates.size())) +
      " people; use an id:";
  for (const auto& candidate : candidates) {
    message += "\n  " + std::to_string(candidate.id.value) + "  " + candidate.display_name;
    if (!candidate.company.empty()) message += " (" + candidate.company + ")";
  }
  return Error{ErrorCode::kConflict, message, "id"};
}

}  // namespace

Result<Contact> ResolveContact(Context& context, std::string_view reference) {
  const std::string text = Trim(reference);
  if (text.empty()) return Fail(ErrorCode::kInvalidInput, "give an id or a name", "id");
  std::int64_t id = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (status == std::errc() && end == text.data() + text.size()) {
    KITH_ASSIGN_OR_RETURN(Contact contact, context.store.GetContact(ContactId{id}));
    return contact;
  }
  // A whole name first ("Ada Okafor"), then the name as typed so far ("okaf").
  KITH_ASSIGN_OR_RETURN(auto exact, context.store.FindContactsByName(text));
  if (exact.size() == 1) return std::move(exact.front());
  if (exact.size() > 1) return tl::unexpected(Ambiguous(text, exact, false));
  const std::string names_only = "name:\"" + text + "\"";
  KITH_ASSIGN_OR_RETURN(auto hits, SearchContacts(context, {names_only, kCandidatesShown + 1, 0}));
  if (hits.empty()) {
    return Fail(ErrorCode::kNotFound, "no contact named '" + text + "'", "id");
  }
  if (hits.size() == 1) return std::move(hits.front().contact);
  std::vector<Contact> candidates;
  for (auto& hit : hits) {
    if (static_cast<int>(candidates.size()) == kCandidatesShown) break;
    candidates.push_back(std::move(hit.contact));
  }
  return tl::unexpected(Ambiguous(text, candidates, static_cast<int>(hits.size()) > kCandidatesShown));
}

}  // namespace kith
