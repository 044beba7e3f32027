#include <algorithm>
#include <functional>

#include "app/access.h"
#include "app/contacts.h"
#include "app/prepare_fields.h"
#include "domain/card_patch.h"
#include "domain/give.h"
#include "domain/validation.h"
#include "domain/value_qualifiers.h"
#include "formats/phone_number.h"

namespace kith {
namespace {

void SetIf(std::string& field, const std::optional<std::string>& value) {
  if (value) field = *value;
}

bool SameText(std::string_view a, std::string_view b) { return AsciiLower(Trim(a)) == AsciiLower(Trim(b)); }

// Removes each of `removals` from `values`; naming one that is not there is
// an error, so a typo in --remove-tag does not silently do nothing.
Status RemoveEach(std::vector<std::string>& values, const std::vector<std::string>& removals,
                  std::string_view field) {
  for (const auto& removal : removals) {
    const auto found = std::find_if(values.begin(), values.end(),
                                    [&](const std::string& value) { return SameText(value, removal); });
    if (found == values.end()) {
      return Fail(ErrorCode::kInvalidInput, std::string(field) + " '" + removal + "' is not on this contact",
                  std::string(field));
    }
    values.erase(found);
  }
  return Ok();
}

void AddEach(std::vector<std::string>& values, const std::vector<std::string>& additions) {
  values.insert(values.end(), additions.begin(), additions.end());
}

// Takes away the addresses numbered `numbers` (from 1, as listed); a number
// the card does not have is an error, so nothing else is taken instead.
Status RemoveAddresses(std::vector<Address>& addresses, std::vector<int> numbers) {
  std::sort(numbers.begin(), numbers.end(), std::greater<>());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  for (const int number : numbers) {
    if (number < 1 || static_cast<std::size_t>(number) > addresses.size()) {
      return Fail(ErrorCode::kInvalidInput,
                  "address " + std::to_string(number) + " is not on this card (it has " +
                      std::to_string(addresses.size()) + ")",
                  "address");
    }
    addresses.erase(addresses.begin() + (number - 1));
  }
  return Ok();
}

Status RefuseTrashed(const Contact& contact) {
  if (!contact.trashed_at) return Ok();
  return Fail(ErrorCode::kConflict,
              "contact " + std::to_string(contact.id.value) + " is in the trash; restore it first", "id");
}

// `fields` with `edit` applied, checked and tidied, written in one
// transaction; the contact as stored.
Result<Contact> SaveEdited(Context& context, ContactId id, ContactFields fields, const ContactEdit& edit) {
  if (edit.display_name) {
    // A new display name re-derives the parts unless they are given too.
    fields.display_name = *edit.display_name;
    if (!edit.given_name) fields.given_name.clear();
    if (!edit.family_name) fields.family_name.clear();
  }
  SetIf(fields.given_name, edit.given_name);
  SetIf(fields.family_name, edit.family_name);
  SetIf(fields.company, edit.company);
  SetIf(fields.title, edit.title);
  SetIf(fields.website, edit.website);
  SetIf(fields.city, edit.city);
  SetIf(fields.neighborhood, edit.neighborhood);
  SetIf(fields.hometown, edit.hometown);
  SetIf(fields.how_met, edit.how_met);
  SetIf(fields.met_at, edit.met_at);
  SetIf(fields.looking_for, edit.looking_for);
  SetIf(fields.notes, edit.notes);
  SetIf(fields.nickname, edit.nickname);
  SetIf(fields.role, edit.role);
  if (edit.departments) fields.departments = *edit.departments;
  if (edit.birthday) fields.birthday = *edit.birthday;
  if (edit.anniversary) fields.anniversary = *edit.anniversary;
  if (edit.met_on) fields.met_on = *edit.met_on;
  if (edit.open_to_opportunities) {
    // Saying it again confirms it: a lapsed "open" (six months old, see
    // IsOpenToOpportunities) starts over from today.
    if (*edit.open_to_opportunities && !IsOpenToOpportunities(fields, context.clock.Today())) {
      fields.open_since = context.clock.Today();
    }
    fields.open_to_opportunities = *edit.open_to_opportunities;
    if (!fields.open_to_opportunities) fields.open_since.reset();
  }

  KITH_RETURN_IF_ERROR(RemoveEach(fields.emails, edit.remove_emails, "email"));
  AddEach(fields.emails, edit.add_emails);
  for (const auto& removal : edit.remove_phones) {
    const Phone wanted = NormalizePhone(removal, context.phone_region);
    const auto found = std::find_if(fields.phones.begin(), fields.phones.end(), [&](const Phone& phone) {
      return SameText(phone.original, removal) || (!wanted.e164.empty() && phone.e164 == wanted.e164);
    });
    if (found == fields.phones.end()) {
      return Fail(ErrorCode::kInvalidInput, "phone '" + removal + "' is not on this contact", "phone");
    }
    fields.phones.erase(found);
  }
  for (const auto& addition : edit.add_phones) fields.phones.push_back(Phone{addition, ""});
  for (const LinkKind kind : edit.remove_links) {
    const auto before = fields.links.size();
    std::erase_if(fields.links, [kind](const Link& link) { return link.kind == kind; });
    if (fields.links.size() == before) {
      return Fail(ErrorCode::kInvalidInput,
                  "there is no " + std::string(LinkKindName(kind)) + " link on this contact", "link");
    }
  }
  for (const Link& link : edit.add_links) {
    // One link per kind, except "other": a new one replaces the old.
    if (link.kind != LinkKind::kOther) {
      std::erase_if(fields.links, [&](const Link& existing) { return existing.kind == link.kind; });
    }
    fields.links.push_back(link);
  }
  KITH_RETURN_IF_ERROR(RemoveEach(fields.tags, edit.remove_tags, "tag"));
  AddEach(fields.tags, edit.add_tags);
  KITH_RETURN_IF_ERROR(RemoveEach(fields.skills, edit.remove_skills, "skill"));
  AddEach(fields.skills, edit.add_skills);
  KITH_RETURN_IF_ERROR(RemoveEach(fields.interests, edit.remove_interests, "interest"));
  AddEach(fields.interests, edit.add_interests);

  KITH_RETURN_IF_ERROR(RemoveAddresses(fields.addresses, edit.remove_addresses));
  fields.addresses.insert(fields.addresses.end(), edit.add_addresses.begin(), edit.add_addresses.end());
  KITH_RETURN_IF_ERROR(SetValueTypes(fields, edit.set_value_types));
  for (const std::string& label : edit.remove_custom) {
    const auto found = std::find_if(fields.custom.begin(), fields.custom.end(),
                                    [&](const CustomField& field) { return SameText(field.label, label); });
    if (found == fields.custom.end()) {
      return Fail(ErrorCode::kInvalidInput, "field '" + label + "' is not on this card", "field");
    }
    fields.custom.erase(found);
  }

  KITH_RETURN_IF_ERROR(PrepareFields(fields, context.phone_region));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "change a card"));
  KITH_RETURN_IF_ERROR(context.store.UpdateContact(id, fields, context.clock.NowTimestamp()));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return context.store.GetContact(id);
}

}  // namespace

Result<Contact> EditContact(Context& context, ContactId id, const ContactEdit& edit) {
  if (edit.Empty()) return Fail(ErrorCode::kInvalidInput, "nothing to change: give at least one field");
  KITH_ASSIGN_OR_RETURN(const Contact contact, context.store.GetContact(id));
  KITH_RETURN_IF_ERROR(RefuseTrashed(contact));
  return SaveEdited(context, id, contact, edit);
}

Result<Contact> PatchContact(Context& context, ContactId id, const ContactPatch& patch) {
  KITH_ASSIGN_OR_RETURN(const Contact current, ResolveContact(context, std::to_string(id.value)));
  const ContactEdit edit = EditForPatch(patch, current);
  ContactFields fields = current;
  const bool card_changed = ApplyCardFieldsPatch(patch, fields);
  if (edit.Empty() && !card_changed) return current;
  KITH_RETURN_IF_ERROR(RefuseTrashed(current));
  return SaveEdited(context, id, std::move(fields), edit);
}

}  // namespace kith
