#include "domain/contact_edit.h"

namespace kith {

bool ContactEdit::Empty() const {
  return !display_name && !given_name && !family_name && !company && !title && !website && !city &&
         !neighborhood && !hometown && !how_met && !met_at && !met_on && !open_to_opportunities &&
         !looking_for && !notes && add_emails.empty() && remove_emails.empty() && add_phones.empty() &&
         remove_phones.empty() && add_links.empty() && remove_links.empty() && add_tags.empty() &&
         remove_tags.empty() && add_skills.empty() && remove_skills.empty() && add_interests.empty() &&
         remove_interests.empty();
}

}  // namespace kith
