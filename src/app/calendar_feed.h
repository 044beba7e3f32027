// The subscribed calendar: your open reminders at a secret URL,
// /ics/<token>.ics, that a calendar app fetches on its own without a cookie
// or a password. The token is the only key, so it is random (128 bits),
// compared in constant time and replaced at will (`kith ics --rotate`).
// Answers carry an ETag and a Last-Modified, so a calendar app polling every
// few minutes gets a bodiless 304 while nothing has changed.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "app/context.h"
#include "domain/result.h"

namespace kith {

// The feed's path, "/ics/<token>.ics"; the token is made on the first ask
// (a write). kInternal when no random token can be made.
Result<std::string> CalendarFeedPath(Context& context);

// Replaces the token: the old URL answers 404 from now on. Returns the new
// path.
Result<std::string> RotateCalendarFeed(Context& context);

// When the feed's content last changed, as seen by this process: the feed
// has no single stored change time (a snooze, a done, a renamed contact all
// change it), so the server remembers when the content's ETag last moved.
class CalendarFeedHistory {
 public:
  // The ISO UTC time `etag` was first seen in a row; `now` when it is new.
  std::string ChangedAt(const std::string& etag, const std::string& now);

 private:
  std::mutex mutex_;
  std::string etag_;
  std::string changed_at_;
};

struct CalendarFeedRequest {
  std::string token;              // from the URL
  std::string if_none_match;      // the request's header, "" when absent
  std::string if_modified_since;  // ditto, an HTTP date
};

// What a subscriber's request gets, before any body: the body is written
// after, a page of reminders at a time (WriteRemindersCalendar in
// relationships.h), so a feed of any size never sits in memory whole.
struct CalendarFeed {
  bool unchanged = false;     // the client's copy is current: answer 304 without a body
  std::string etag;           // W/"…": moves with every write to a reminder or a contact
  std::string last_modified;  // an HTTP date: "Thu, 26 Nov 2026 12:00:00 GMT"
};

// The calendar's headers for a subscriber. kNotFound when `token` is not
// the feed's (or no feed was made yet). If-None-Match wins over
// If-Modified-Since, as RFC 9110 says. The ETag costs one row read where the
// store keeps a revision of the calendar (SQLite), else a pass over the
// reminders a page at a time.
Result<CalendarFeed> ReadCalendarFeed(Context& context, CalendarFeedHistory& history,
                                      const CalendarFeedRequest& request);

// "2026-11-26T12:00:00Z" as an HTTP date, "Thu, 26 Nov 2026 12:00:00 GMT".
std::string HttpDate(std::string_view iso_timestamp);

}  // namespace kith
