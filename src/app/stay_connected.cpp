// Habit 5: profile links with whether you are connected, and your own posts.
#include <cstdlib>

#include "app/access.h"
#include "app/prepare_fields.h"
#include "app/relationship_support.h"
#include "app/relationships.h"
#include "domain/validation.h"

namespace kith {
namespace {

constexpr std::string_view kPostingCadenceKey = "posts.every_days";
constexpr int kDefaultPostingDays = 7;

}  // namespace

Result<Contact> SetLink(Context& context, const LinkRequest& request) {
  KITH_ASSIGN_OR_RETURN(Contact contact, LiveContact(context, request.contact));
  const Date today = context.clock.Today();
  Link* link = nullptr;
  for (auto& candidate : contact.links) {
    if (candidate.kind == request.kind) link = &candidate;
  }
  const std::string url = Trim(request.url);
  if (link == nullptr) {
    if (url.empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  contact.display_name + " has no " + std::string(LinkKindName(request.kind)) +
                      " link yet: give its URL",
                  "url");
    }
    contact.links.push_back(Link{request.kind, url, false, false, std::nullopt});
    link = &contact.links.back();
  } else if (!url.empty()) {
    link->url = url;
  }
  if (request.connected) {
    if (*request.connected && !link->connected) link->connected_on = today;
    if (!*request.connected) link->connected_on.reset();
    link->connected = *request.connected;
  }
  if (request.followed) link->followed = *request.followed;
  ContactFields fields = contact;
  KITH_RETURN_IF_ERROR(PrepareFields(fields, context.phone_region));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "change a card's links"));
  KITH_RETURN_IF_ERROR(context.store.UpdateContact(contact.id, fields, context.clock.NowTimestamp()));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return context.store.GetContact(contact.id);
}

Result<Post> AddPost(Context& context, PostFields fields) {
  fields.channel = AsciiLower(Trim(fields.channel));
  fields.url = Trim(fields.url);
  fields.topic = Trim(fields.topic);
  if (fields.channel.empty()) {
    return Fail(ErrorCode::kInvalidInput, "say where you posted (--channel linkedin, blog, …)", "channel");
  }
  KITH_RETURN_IF_ERROR(CheckNotFuture(fields.on, context.clock.Today(), "on"));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "add a post"));
  KITH_ASSIGN_OR_RETURN(Post post, context.store.InsertPost(fields));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return post;
}

Result<std::vector<Post>> ListPosts(Context& context, int limit) { return context.store.ListPosts(limit); }

Result<int> PostingCadence(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto saved, context.store.GetSetting(kPostingCadenceKey));
  if (!saved || saved->empty()) return kDefaultPostingDays;
  const int days = std::atoi(saved->c_str());
  return days > 0 ? days : kDefaultPostingDays;
}

Status SetPostingCadence(Context& context, int days) {
  if (days < 1 || days > 365) {
    return Fail(ErrorCode::kInvalidInput, "post every 1 to 365 days, not " + std::to_string(days), "days");
  }
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "set the posting cadence"));
  KITH_RETURN_IF_ERROR(context.store.SetSetting(kPostingCadenceKey, std::to_string(days)));
  return transaction.Commit();
}

}  // namespace kith
