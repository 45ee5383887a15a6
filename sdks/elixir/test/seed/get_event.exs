{:ok, calendar} = SD.Calendar.get("CALENDAR-ID")
{:ok, event} = SD.Calendar.get_event(calendar, "EVENT-ID")
IO.inspect(event)
