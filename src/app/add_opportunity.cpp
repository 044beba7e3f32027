#include "app/access.h"
#include "app/give.h"
#include "domain/validation.h"

namespace kith {

Result<Opportunity> AddOpportunity(Context& context, OpportunityFields fields) {
  fields.title = Trim(fields.title);
  fields.description = Trim(fields.description);
  fields.place = Trim(fields.place);
  fields.source = Trim(fields.source);
  for (auto& skill : fields.skills) skill = Trim(skill);
  std::erase_if(fields.skills, [](const std::string& skill) { return skill.empty(); });
  KITH_RETURN_IF_ERROR(ValidateOpportunity(fields, context.clock.Today()));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "add an opportunity"));
  KITH_ASSIGN_OR_RETURN(Opportunity opportunity,
                        context.store.InsertOpportunity(fields, context.clock.Today()));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return opportunity;
}

Result<Opportunity> ShowOpportunity(Context& context, OpportunityId id) {
  return context.store.GetOpportunity(id);
}

Result<std::vector<Opportunity>> ListOpportunities(Context& context, bool include_closed) {
  return context.store.ListOpportunities(include_closed);
}

Result<Opportunity> CloseOpportunity(Context& context, OpportunityId id) {
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "close an opportunity"));
  KITH_RETURN_IF_ERROR(context.store.CloseOpportunity(id, context.clock.Today()));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return context.store.GetOpportunity(id);
}

}  // namespace kith
