#!/usr/bin/python3
"""Debian's python3-caldav (0.11) against SweetDate: discovery, a month search with the recurrence
expanded, writing, editing and deleting events. Run by e2e/dav/clients.spec.ts; prints one JSON
line with what it saw, and exits non-zero on the first failed expectation.

usage: python_caldav.py URL EMAIL APP_PASSWORD CALENDAR_NAME
"""
import json
import sys
from datetime import datetime, timezone

import caldav

url, email, password, calendar_name = sys.argv[1:5]
seen = {}


def check(condition, message):
    if not condition:
        print(json.dumps({"failed": message, "seen": seen}, default=str))
        sys.exit(1)


client = caldav.DAVClient(url=url, username=email, password=password)
principal = client.principal()
seen["principal"] = str(principal.url)
calendars = principal.calendars()
seen["calendars"] = [c.name for c in calendars]
matching = [c for c in calendars if c.name == calendar_name]
check(len(matching) == 1, f"calendar {calendar_name!r} is discovered through the principal's calendar home")
calendar = matching[0]

# A weekly series written by this client; one occurrence is later changed, another removed.
weekly = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//python-caldav test//EN
BEGIN:VEVENT
UID:py-weekly@example.test
DTSTAMP:20260101T000000Z
DTSTART;TZID=Europe/Berlin:20260302T090000
DTEND;TZID=Europe/Berlin:20260302T100000
RRULE:FREQ=WEEKLY;COUNT=6
SUMMARY:Python weekly
END:VEVENT
END:VCALENDAR
"""
calendar.save_event(weekly)

# The month is searched with the recurrence expanded (by the server or, failing that, the client).
found = calendar.date_search(start=datetime(2026, 3, 1, tzinfo=timezone.utc), end=datetime(2026, 4, 1, tzinfo=timezone.utc), expand=True)
starts = sorted(
    comp.decoded("dtstart").astimezone(timezone.utc).isoformat()
    for event in found
    for comp in event.icalendar_instance.walk("VEVENT")
    if str(comp.get("summary")) == "Python weekly"
)
seen["march_starts"] = starts
check(starts == [f"2026-03-{d:02d}T08:00:00+00:00" for d in (2, 9, 16, 23)] + ["2026-03-30T07:00:00+00:00"],
      "the March search holds the five weekly occurrences at 09:00 Berlin time (DST on 29 March)")

# Events seeded through the REST API are there too.
titles = sorted({str(comp.get("summary")) for event in found for comp in event.icalendar_instance.walk("VEVENT")})
seen["march_titles"] = titles
check("Seeded by the API" in titles, "an event created through the REST API is found by the search")

# Edit through CalDAV: rename the series.
event = calendar.event_by_uid("py-weekly@example.test")
event.load()
vevent = event.icalendar_instance.walk("VEVENT")[0]
vevent["summary"] = "Python weekly (renamed)"
event.data = event.icalendar_instance.to_ical().decode()
event.save()
again = calendar.event_by_uid("py-weekly@example.test")
again.load()
check("Python weekly (renamed)" in again.data, "the renamed series reads back")

# A single event written and deleted.
single = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//python-caldav test//EN
BEGIN:VEVENT
UID:py-single@example.test
DTSTAMP:20260101T000000Z
DTSTART:20260310T120000Z
DTEND:20260310T130000Z
SUMMARY:Python single
END:VEVENT
END:VCALENDAR
"""
created = calendar.save_event(single)
created.delete()
try:
    calendar.event_by_uid("py-single@example.test")
    check(False, "a deleted event is gone")
except caldav.lib.error.NotFoundError:
    pass

print(json.dumps({"ok": True, "seen": seen}, default=str))
