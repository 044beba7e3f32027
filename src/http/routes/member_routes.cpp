// The members of the signed-in member's workspace, for its owners: the web
// app's Members screen (`kith workspace member add|rm` on the CLI). Each
// route is one app/accounts.h call, which refuses anyone but an owner
// (403), and a personal file or a database without accounts (400).
#include "app/accounts.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

nlohmann::json MemberJson(const Membership& member) {
  return {{"account", member.account}, {"role", RoleName(member.role)}};
}

// "role": "owner", "editor" or "viewer"; kInvalidInput naming it otherwise.
Result<Role> RoleMember(const nlohmann::json& body) {
  KITH_ASSIGN_OR_RETURN(const auto text, TextMember(body, "role"));
  const auto role = ParseRole(text.value_or(""));
  if (!role) return Fail(ErrorCode::kInvalidInput, "role must be owner, editor or viewer", "role");
  return *role;
}

std::string AccountInPath(const httplib::Request& request) { return request.matches[1].str(); }

}  // namespace

void AddMemberRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/workspace/members", Access::kRead,
                    [](const httplib::Request&, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const auto members, MembersHere(context));
                      nlohmann::json list = nlohmann::json::array();
                      for (const Membership& member : members) list.push_back(MemberJson(member));
                      return Json(list);
                    },
                    "The members of your workspace with their roles, for its owners (kith workspace list)",
                    "members", "", "Member[]"});
  routes.push_back({Method::kPost, "/workspace/members", Access::kWrite,
                    [](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
                      NewMember member;
                      KITH_ASSIGN_OR_RETURN(const auto account, TextMember(body, "account"));
                      member.account = account.value_or("");
                      KITH_ASSIGN_OR_RETURN(member.role, RoleMember(body));
                      KITH_ASSIGN_OR_RETURN(member.password, TextMember(body, "password"));
                      KITH_ASSIGN_OR_RETURN(const Membership added, AddMemberHere(context, member));
                      return Json(MemberJson(added), 201);
                    },
                    "Add a member with a role: an existing account, or a new one with its first password "
                    "(kith workspace member add, kith account add)",
                    "members", "NewMember", "Member"});
  routes.push_back({Method::kPatch, "/workspace/members/{account}", Access::kWrite,
                    [](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
                      KITH_ASSIGN_OR_RETURN(const Role role, RoleMember(body));
                      KITH_ASSIGN_OR_RETURN(const Membership changed,
                                            ChangeRoleHere(context, AccountInPath(request), role));
                      return Json(MemberJson(changed));
                    },
                    "Change a member's role; never the last owner's (kith workspace member add)", "members",
                    "MemberRole", "Member"});
  routes.push_back({Method::kDelete, "/workspace/members/{account}", Access::kWrite,
                    [](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      const std::string account = AccountInPath(request);
                      KITH_RETURN_IF_ERROR(RemoveMemberHere(context, account));
                      return Json({{"account", account}, {"removed", true}});
                    },
                    "End a membership, never the last owner's; the account stays (kith workspace member rm)",
                    "members", "", "RemovedMember"});
}

}  // namespace kith::http
