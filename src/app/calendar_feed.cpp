#include "app/calendar_feed.h"

#include <array>
#include <charconv>
#include <optional>
#include <sstream>

#include "app/access.h"
#include "app/relationships.h"
#include "app/secrets.h"
#include "formats/ics_writer.h"

namespace kith {
namespace {

constexpr const char* kTokenKey = "ics.feed_token";
constexpr std::size_t kTokenBytes = 16;
constexpr std::string_view kPathPrefix = "/ics/";
constexpr std::string_view kPathSuffix = ".ics";
constexpr std::array<std::string_view, 7> kWeekdays = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string PathOf(const std::string& token) {
  return std::string(kPathPrefix) + token + std::string(kPathSuffix);
}

// The directory when the store acts as a member of a database with
// accounts (whose feed is their own); nullptr for the one person of a file
// or of a database without accounts (whose feed is the workspace's).
AccountDirectory* MemberDirectory(Context& context) {
  AccountDirectory* directory = AccountsOf(context.store);
  return directory != nullptr && !directory->Access().account.empty() ? directory : nullptr;
}

std::string MemberPathOf(const AccountDirectory& directory, const std::string& token) {
  const WorkspaceAccess member = directory.Access();
  return std::string(kPathPrefix) + std::to_string(member.workspace_id) + "/" + member.account + "/" + token +
         std::string(kPathSuffix);
}

Result<std::string> NewToken(Context& context) {
  KITH_ASSIGN_OR_RETURN(std::string token, RandomHex(kTokenBytes));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "make a calendar address"));
  if (AccountDirectory* directory = MemberDirectory(context)) {
    KITH_RETURN_IF_ERROR(directory->SetMemberCalendarToken(token, context.clock.NowTimestamp()));
  } else {
    KITH_RETURN_IF_ERROR(context.store.SetSetting(kTokenKey, token));
  }
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return token;
}

// The path of a new token, for whoever the store acts as.
Result<std::string> NewPath(Context& context) {
  KITH_ASSIGN_OR_RETURN(const std::string token, NewToken(context));
  if (const AccountDirectory* directory = MemberDirectory(context)) return MemberPathOf(*directory, token);
  return PathOf(token);
}

constexpr std::size_t kEtagLength = 32;
// Part of every ETag: a kith that writes the events differently must not
// answer 304 to a copy an older one wrote.
constexpr std::string_view kFeedShape = "kith-calendar-1";

std::string WeakEtag(std::string_view digest) {
  return "W/\"" + std::string(digest.substr(0, kEtagLength)) + "\"";
}

// What the subscriber sees of the reminders on one page, for a store that
// keeps no revision: each page's digest folds in the one before, so memory
// stays at one page (the event's DTSTAMP is not part of it).
Result<std::string> DigestOfReminders(Context& context) {
  std::string digest(kFeedShape);
  KITH_RETURN_IF_ERROR(
      ForEachCalendarPage(context, [&digest](const std::vector<CalendarReminder>& events) -> Status {
        std::string content = digest;
        for (const CalendarReminder& event : events) {
          for (const std::string* field :
               {&event.uid, &event.summary, &event.description, &event.category, &event.created}) {
            content += *field;
            content += '\0';
          }
          content += event.day.ToIso();
          content += '\n';
        }
        digest = Sha256Hex(content);
        return Ok();
      }));
  return digest;
}

// The feed's ETag: from the store's revision (one row read) when it keeps
// one, else from the reminders themselves; a member's names the member, so
// two members' feeds never share one.
Result<std::string> EtagOf(Context& context, const std::string& feed) {
  KITH_ASSIGN_OR_RETURN(const std::optional<std::int64_t> revision, context.store.CalendarRevision());
  if (revision) {
    return WeakEtag(Sha256Hex(std::string(kFeedShape) + ":" + feed + ":" + std::to_string(*revision)));
  }
  KITH_ASSIGN_OR_RETURN(const std::string digest, DigestOfReminders(context));
  return WeakEtag(feed.empty() ? digest : Sha256Hex(feed + ":" + digest));
}

tl::unexpected<Error> NoSuchCalendar() {
  return Fail(ErrorCode::kNotFound, "no such calendar: the link was replaced or mistyped", "token");
}

// Checks a member's feed token, acting as the member (a viewer: the feed
// only reads). kNotFound for anything wrong, one answer for all.
Result<WorkspaceAccess> MemberOfFeed(Context& context, const CalendarFeedRequest& request) {
  AccountDirectory* directory = AccountsOf(context.store);
  if (directory == nullptr) return NoSuchCalendar();
  KITH_ASSIGN_OR_RETURN(std::optional<WorkspaceAccess> member,
                        directory->FindMember(request.workspace_id, request.account));
  if (!member) return NoSuchCalendar();
  member->role = Role::kViewer;
  KITH_RETURN_IF_ERROR(directory->ActAs(*member));
  KITH_ASSIGN_OR_RETURN(const auto stored, directory->MemberCalendarToken());
  if (!stored || !SameSecret(request.token, *stored)) return NoSuchCalendar();
  return *member;
}

int Number(std::string_view digits) {
  int value = -1;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return error == std::errc() && end == digits.data() + digits.size() ? value : -1;
}

// "Thu, 26 Nov 2026 12:00:00 GMT" as "2026-11-26T12:00:00Z", so the two
// compare as text; "" when it is not an IMF-fixdate (RFC 9110 5.6.7).
std::string IsoOfHttpDate(std::string_view date) {
  constexpr std::size_t kLength = 29;
  if (date.size() != kLength || date.substr(3, 2) != ", " || !date.ends_with(" GMT")) return {};
  std::size_t month = 0;
  while (month < kMonths.size() && kMonths[month] != date.substr(8, 3)) ++month;
  if (month == kMonths.size()) return {};
  const int day = Number(date.substr(5, 2));
  const int year = Number(date.substr(12, 4));
  if (day < 1 || year < 0 || date[7] != ' ' || date[11] != ' ' || date[16] != ' ') return {};
  const std::string_view time = date.substr(17, 8);
  if (time[2] != ':' || time[5] != ':' || Number(time.substr(0, 2)) < 0 || Number(time.substr(3, 2)) < 0 ||
      Number(time.substr(6, 2)) < 0) {
    return {};
  }
  std::ostringstream iso;
  iso << date.substr(12, 4) << '-' << (month < 9 ? "0" : "") << month + 1 << '-' << date.substr(5, 2) << 'T'
      << time << 'Z';
  return iso.str();
}

// Whether the client's If-None-Match names `etag` (weakly, as RFC 9110 says
// If-None-Match compares), or is "*".
bool NamesEtag(std::string_view header, std::string_view etag) {
  const auto opaque = [](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    return tag;
  };
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(',', at);
    if (end == std::string_view::npos) end = header.size();
    std::string_view tag = header.substr(at, end - at);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag == "*" || (!tag.empty() && opaque(tag) == opaque(etag))) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace

Result<std::string> CalendarFeedPath(Context& context) {
  if (AccountDirectory* directory = MemberDirectory(context)) {
    KITH_ASSIGN_OR_RETURN(const auto stored, directory->MemberCalendarToken());
    if (stored) return MemberPathOf(*directory, *stored);
    return NewPath(context);
  }
  KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kTokenKey));
  if (stored && !stored->empty()) return PathOf(*stored);
  return NewPath(context);
}

Result<std::string> RotateCalendarFeed(Context& context) { return NewPath(context); }

Result<bool> RevokeCalendarFeed(Context& context) {
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "revoke a calendar address"));
  bool had = false;
  if (AccountDirectory* directory = MemberDirectory(context)) {
    KITH_ASSIGN_OR_RETURN(had, directory->RemoveMemberCalendarToken());
  } else {
    KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kTokenKey));
    had = stored && !stored->empty();
    if (had) KITH_RETURN_IF_ERROR(context.store.SetSetting(kTokenKey, ""));
  }
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return had;
}

std::string CalendarFeedHistory::ChangedAt(const std::string& feed, const std::string& etag,
                                           const std::string& now) {
  const std::lock_guard lock(mutex_);
  auto found = feeds_.find(feed);
  if (found == feeds_.end()) {
    if (feeds_.size() >= kMaxFeeds) feeds_.clear();
    found = feeds_.emplace(feed, std::pair{etag, now}).first;
  } else if (found->second.first != etag) {
    found->second = {etag, now};
  }
  return found->second.second;
}

Result<CalendarFeed> ReadCalendarFeed(Context& context, CalendarFeedHistory& history,
                                      const CalendarFeedRequest& request) {
  CalendarFeed feed;
  std::string feed_key;
  if (!request.account.empty()) {
    KITH_ASSIGN_OR_RETURN(feed.member, MemberOfFeed(context, request));
    feed_key = std::to_string(feed.member->workspace_id) + "/" + feed.member->account;
  } else {
    KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kTokenKey));
    if (!stored || stored->empty() || !SameSecret(request.token, *stored)) {
      return NoSuchCalendar();
    }
  }
  KITH_ASSIGN_OR_RETURN(feed.etag, EtagOf(context, feed_key));
  const std::string changed_at = history.ChangedAt(feed_key, feed.etag, context.clock.NowTimestamp());
  feed.last_modified = HttpDate(changed_at);
  if (!request.if_none_match.empty()) {
    feed.unchanged = NamesEtag(request.if_none_match, feed.etag);
  } else if (!request.if_modified_since.empty()) {
    const std::string since = IsoOfHttpDate(request.if_modified_since);
    feed.unchanged = !since.empty() && changed_at <= since;
  }
  return feed;
}

std::string HttpDate(std::string_view iso_timestamp) {
  const auto day = ParseIsoDate(iso_timestamp.substr(0, 10));
  constexpr std::size_t kLength = 20;
  if (!day || iso_timestamp.size() != kLength) return {};
  const std::int64_t days = day->DaysSinceEpoch();
  const auto weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);
  std::ostringstream out;
  out << kWeekdays[weekday] << ", " << iso_timestamp.substr(8, 2) << ' '
      << kMonths[static_cast<std::size_t>(day->month - 1)] << ' ' << iso_timestamp.substr(0, 4) << ' '
      << iso_timestamp.substr(11, 8) << " GMT";
  return out.str();
}

}  // namespace kith
