{:ok, calendar} = SD.Calendar.get("CALENDAR-ID")
:ok = SD.Calendar.delete_event(calendar, "EVENT-ID")
