#include "http/calendar_feed_route.h"

#include "app/calendar_feed.h"
#include "http/json_errors.h"

namespace kith::http {

void ServeCalendarFeed(const httplib::Request& request, httplib::Response& response, SessionState& state,
                       StorePool& pool) {
  const CalendarFeedRequest feed_request{request.matches[1].str(), request.get_header_value("If-None-Match"),
                                         request.get_header_value("If-Modified-Since")};
  Result<CalendarFeed> feed = CalendarFeed{};
  {
    StorePool::Lease lease = pool.Borrow(Access::kRead);
    feed = ReadCalendarFeed(lease.context(), state.calendar_feed, feed_request);
  }
  if (!feed) {
    SendError(response, feed.error());
    return;
  }
  response.set_header("ETag", feed->etag);
  response.set_header("Last-Modified", feed->last_modified);
  // Calendar apps may keep it, but must ask again before showing it stale.
  response.set_header("Cache-Control", "private, no-cache");
  if (feed->unchanged) {
    response.status = 304;
    return;
  }
  response.set_header("X-Reminder-Count", std::to_string(feed->reminders));
  response.set_content(feed->body, "text/calendar; charset=utf-8");
}

}  // namespace kith::http
