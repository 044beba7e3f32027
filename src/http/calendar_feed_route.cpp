#include "http/calendar_feed_route.h"

#include "app/calendar_feed.h"
#include "app/relationships.h"
#include "http/json_errors.h"
#include "http/sink_stream.h"

namespace kith::http {

void ServeCalendarFeed(const httplib::Request& request, httplib::Response& response, SessionState& state,
                       StorePool& pool) {
  CalendarFeedRequest feed_request;
  feed_request.token = request.matches[3].str();
  if (request.matches[1].matched) {
    // At most 18 digits: within an int64_t.
    feed_request.workspace_id = std::stoll(request.matches[1].str());
    feed_request.account = request.matches[2].str();
  }
  feed_request.if_none_match = request.get_header_value("If-None-Match");
  feed_request.if_modified_since = request.get_header_value("If-Modified-Since");
  Result<CalendarFeed> feed = CalendarFeed{};
  {
    StorePool::Lease lease = pool.Borrow(Access::kRead);
    feed = lease.acting() ? ReadCalendarFeed(lease.context(), state.calendar_feed, feed_request)
                          : tl::unexpected(lease.acting().error());
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
  // Written as it is read, a page of reminders at a time: a feed of 100,000
  // reminders never sits in memory whole. A write between the ETag and this
  // read shows in the body under the older ETag; the next poll sees a new
  // ETag and fetches it again. A member's feed is read as the member: their
  // own reminders, nobody else's.
  SendStreamed(
      pool, feed->member,
      [](Context& reader, std::ostream& out) -> Status {
        KITH_ASSIGN_OR_RETURN(const std::int64_t written, WriteRemindersCalendar(reader, out));
        (void)written;
        return Ok();
      },
      "text/calendar; charset=utf-8", response);
}

}  // namespace kith::http
