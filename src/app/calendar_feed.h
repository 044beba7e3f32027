// The subscribed calendar: your open reminders at a secret URL,
// /ics/<token>.ics, that a calendar app fetches on its own without a cookie
// or a password. The token is the only key, so it is random (128 bits),
// compared in constant time and replaced at will (`kith ics --rotate`).
// Answers carry an ETag and a Last-Modified, so a calendar app polling every
// few minutes gets a bodiless 304 while nothing has changed.
//
// On a database with accounts each member has a feed of their own, of
// their own loop (reminders are personal: docs/team.md), at
// /ics/<workspace id>/<account>/<token>.ics: made, replaced and revoked by
// that member alone, read as that member, and gone with their membership.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "app/context.h"
#include "domain/result.h"
#include "store/account_directory.h"

namespace kith {

// The feed's path, "/ics/<token>.ics" (a member's:
// "/ics/<workspace id>/<account>/<token>.ics"); the token is made on the
// first ask (a write). kInternal when no random token can be made.
Result<std::string> CalendarFeedPath(Context& context);

// Replaces the token: the old URL answers 404 from now on. Returns the new
// path.
Result<std::string> RotateCalendarFeed(Context& context);

// Revokes the feed: its URL answers 404 and none is made until the next
// ask. False when there was none. A member revokes only their own.
Result<bool> RevokeCalendarFeed(Context& context);

// When each feed's content last changed, as seen by this process: a feed
// has no single stored change time (a snooze, a done, a renamed contact all
// change it), so the server remembers when each feed's ETag last moved.
class CalendarFeedHistory {
 public:
  // The ISO UTC time `etag` was first seen in a row for `feed` ("" for the
  // database's one person, else the member); `now` when it is new.
  std::string ChangedAt(const std::string& feed, const std::string& etag, const std::string& now);

 private:
  static constexpr std::size_t kMaxFeeds = 4096;  // beyond it, all start afresh
  std::mutex mutex_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> feeds_;  // etag, changed at
};

struct CalendarFeedRequest {
  std::string token;              // from the URL
  std::string if_none_match;      // the request's header, "" when absent
  std::string if_modified_since;  // ditto, an HTTP date
  std::string account;            // a member's feed (from the URL); "": the one person's
  std::int64_t workspace_id = 0;  // ditto
};

// What a subscriber's request gets, before any body: the body is written
// after, a page of reminders at a time (WriteRemindersCalendar in
// relationships.h), so a feed of any size never sits in memory whole.
struct CalendarFeed {
  bool unchanged = false;     // the client's copy is current: answer 304 without a body
  std::string etag;           // W/"…": moves with every write to a reminder or a contact
  std::string last_modified;  // an HTTP date: "Thu, 26 Nov 2026 12:00:00 GMT"
  // A member's feed: whom the body is read as (a viewer: the feed only
  // reads). nullopt for the one person's feed.
  std::optional<WorkspaceAccess> member;
};

// The calendar's headers for a subscriber. kNotFound when `token` is not
// the feed's (or no feed was made yet), and for a member's feed when the
// account is no member of the workspace any more. A member's feed leaves
// the store acting as that member (as a viewer). If-None-Match wins over
// If-Modified-Since, as RFC 9110 says. The ETag costs one row read where the
// store keeps a revision of the calendar (SQLite), else a pass over the
// reminders a page at a time.
Result<CalendarFeed> ReadCalendarFeed(Context& context, CalendarFeedHistory& history,
                                      const CalendarFeedRequest& request);

// "2026-11-26T12:00:00Z" as an HTTP date, "Thu, 26 Nov 2026 12:00:00 GMT".
std::string HttpDate(std::string_view iso_timestamp);

}  // namespace kith
