{:ok, calendar} = SD.Calendar.get("CALENDAR-ID")
{:ok, updated} =
  SD.Calendar.update_event(calendar, "EVENT-ID", %{
    title: "Sprint Planning (Updated)",
    status: :confirmed,
    location: "Room B"
  })
IO.inspect(updated)
