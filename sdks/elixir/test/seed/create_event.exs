{:ok, calendar} = SD.Calendar.get("CALENDAR-ID")
{:ok, event} =
  SD.Calendar.create_event(calendar, %{
    title: "Sprint Planning",
    starts_at: "2025-08-21T09:00:00Z",
    ends_at: "2025-08-21T10:00:00Z",
    location: "Room A",
    description: "Quarterly planning session",
    status: :tentative
  })
IO.inspect(event)
