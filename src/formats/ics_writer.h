// Reminders as an iCalendar file (RFC 5545), so any calendar app shows what
// kith says is due. Written by kith itself, byte for byte as libical 3 wrote
// it before (its escaping and its folding): libical built and serialised a
// component per event, most of the time of a 100k-reminder export.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"

namespace kith {

struct CalendarReminder {
  std::string uid;          // stable across exports: "reminder-12@kith.<database uid>"
  Date day;                 // an all-day event on this date (the snooze date when snoozed)
  std::string summary;      // "Follow up with Ada Okafor"
  std::string description;  // what to do, and the command that does it
  std::string category;     // "follow-up", "reconnect", "custom"
  std::string created;      // ISO UTC timestamp, for CREATED/DTSTAMP: "2026-11-26T12:00:00Z"
};

// VCALENDAR (VERSION 2.0, PRODID -//kith//kith//EN, X-WR-CALNAME "kith
// reminders") with one all-day VEVENT per reminder (DTSTART;VALUE=DATE,
// DTEND the next day, TRANSP:TRANSPARENT, CATEGORIES) and a display VALARM at
// 09:00 on the day (TRIGGER;RELATED=START:PT9H). Lines CRLF, folded at 75
// octets. Written event by event to `out`, so 100k reminders stream. An
// empty `created` stands for `now_timestamp`.
// kInvalidInput when `now_timestamp` or a `created` is not an ISO UTC time
// (nothing is written for a bad `now_timestamp`; the events before a bad
// `created` already are); kIo when the stream fails.
Status WriteCalendar(std::ostream& out, const std::vector<CalendarReminder>& reminders,
                     const std::string& now_timestamp);

// The same calendar a part at a time, for reminders read a page at a time
// (100k reminders in memory at once took 232 MiB): the header (kInvalidInput,
// nothing written, for a bad `now_timestamp`), then each page's events, then
// the end. Errors as WriteCalendar.
Status WriteCalendarStart(std::ostream& out, const std::string& now_timestamp);
Status WriteCalendarEvents(std::ostream& out, const std::vector<CalendarReminder>& reminders,
                           const std::string& now_timestamp);
Status WriteCalendarEnd(std::ostream& out);

}  // namespace kith
