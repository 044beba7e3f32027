#!/usr/bin/python3
"""Reads an .ics file with two independent parsers, icalendar and vobject.

Usage: read_ics.py FILE  Prints {"icalendar": [...], "vobject": [...]} as
JSON, one entry per VEVENT with the fields the tests check, so both
readers are held to the same expectations.
"""

import json
import sys

import icalendar
import vobject


def seconds(delta):
    return int(delta.total_seconds())


def from_icalendar(text):
    calendar = icalendar.Calendar.from_ical(text)
    events = []
    for event in calendar.walk("VEVENT"):
        alarms = event.walk("VALARM")
        categories = event.get("CATEGORIES")
        trigger = alarms[0].get("TRIGGER") if alarms else None
        events.append(
            {
                "calendar_name": str(calendar.get("X-WR-CALNAME")),
                "uid": str(event.get("UID")),
                "dtstart": event.decoded("DTSTART").isoformat(),
                "dtend": event.decoded("DTEND").isoformat(),
                "dtstamp": event.decoded("DTSTAMP").isoformat(),
                "created": event.decoded("CREATED").isoformat(),
                "summary": str(event.get("SUMMARY")),
                "description": str(event.get("DESCRIPTION", "")),
                "categories": [str(c) for c in categories.cats] if categories is not None else [],
                "transp": str(event.get("TRANSP")),
                "alarms": len(alarms),
                "alarm_action": str(alarms[0].get("ACTION")) if alarms else None,
                "alarm_trigger": seconds(alarms[0].decoded("TRIGGER")) if alarms else None,
                "alarm_related": str(trigger.params.get("RELATED", "START")) if trigger is not None else None,
                "alarm_description": str(alarms[0].get("DESCRIPTION")) if alarms else None,
            }
        )
    return events


def from_vobject(text):
    calendar = vobject.readOne(text)
    events = []
    for event in calendar.vevent_list:
        alarms = event.contents.get("valarm", [])
        categories = event.contents.get("categories", [])
        trigger = alarms[0].trigger if alarms else None
        events.append(
            {
                "calendar_name": calendar.contents["x-wr-calname"][0].value,
                "uid": event.uid.value,
                "dtstart": event.dtstart.value.isoformat(),
                "dtend": event.dtend.value.isoformat(),
                "dtstamp": event.dtstamp.value.isoformat(),
                "created": event.created.value.isoformat(),
                "summary": event.summary.value,
                "description": event.description.value if "description" in event.contents else "",
                "categories": [c for line in categories for c in line.value],
                "transp": event.transp.value,
                "alarms": len(alarms),
                "alarm_action": alarms[0].action.value if alarms else None,
                "alarm_trigger": seconds(trigger.value) if trigger is not None else None,
                "alarm_related": trigger.params.get("RELATED", ["START"])[0] if trigger is not None else None,
                "alarm_description": alarms[0].description.value if alarms else None,
            }
        )
    return events


def main():
    with open(sys.argv[1], "rb") as source:
        raw = source.read()
    text = raw.decode("utf-8")
    print(json.dumps({"icalendar": from_icalendar(raw), "vobject": from_vobject(text)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
