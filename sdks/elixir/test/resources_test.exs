defmodule SD.ResourcesTest do
  # The rest of the SDK against the live server: paging, calendars, members, participants, users,
  # windows (from/to) and scopes (this/following/all).
  use ExUnit.Case, async: false
  import SD.Test.Live

  setup do
    reset_config()
  end

  defp calendar do
    {:ok, calendar} = SD.Calendar.get(raw_calendar()["id"])
    calendar
  end

  defp ids(events), do: Enum.map(events, & &1.id)

  test "events page in starts_at order with meta; stream_events walks every page" do
    calendar = calendar()

    made =
      for day <- [25, 21, 23, 22, 24],
          do:
            raw_event(calendar.id, %{
              "title" => "Day #{day}",
              "starts_at" => "2025-08-#{day}T09:00:00Z",
              "ends_at" => "2025-08-#{day}T10:00:00Z"
            })

    in_order = made |> Enum.sort_by(& &1["starts_at"]) |> Enum.map(& &1["id"])

    pages = for offset <- [0, 2, 4], do: elem(SD.Calendar.events(calendar, limit: 2, offset: offset), 1)
    assert Enum.map(pages, &length/1) == [2, 2, 1]
    assert pages |> Enum.concat() |> ids() == in_order
    assert {:ok, []} = SD.Calendar.events(calendar, limit: 2, offset: 5)

    assert {:ok, %SD.Page{meta: %{limit: 2, offset: 2, total: 5}} = page} =
             SD.Calendar.events_page(calendar, limit: 2, offset: 2)

    assert ids(page.items) == Enum.slice(in_order, 2, 2)
    assert SD.Page.more?(page)
    assert {:ok, %SD.Page{meta: %{limit: 25, offset: 0, total: 5}}} = SD.Calendar.events_page(calendar)

    assert calendar |> SD.Calendar.stream_events(limit: 2) |> Enum.map(& &1.id) == in_order
    assert calendar |> SD.Calendar.stream_events(limit: 2, q: "day 23") |> Enum.map(& &1.id) == [Enum.at(in_order, 2)]
  end

  test "calendars: create, list, get, update, delete; inspect never shows the token" do
    assert {:ok,
            %SD.Calendar{name: "Release train", color: "#10b981", time_zone: "Europe/Berlin", role: "owner"} = created} =
             SD.Calendar.create(%{name: "Release train", color: "#10b981", time_zone: "Europe/Berlin"})

    assert created.client != nil

    assert SD.Calendar.to_map(created) |> Map.keys() |> Enum.sort() ==
             ~w(color default_reminders description id inserted_at name role source_url time_zone updated_at)

    refute inspect(created) =~ token()
    refute inspect(SD.Client.new(token: token())) =~ token()
    assert inspect(created) =~ ~s(name: "Release train")

    # The suite's other tests made calendars for this user too: walk every page.
    names =
      Stream.iterate(0, &(&1 + 100))
      |> Stream.map(&elem(SD.Calendar.list(limit: 100, offset: &1), 1))
      |> Enum.take_while(&(&1 != []))
      |> Enum.flat_map(fn page -> Enum.map(page, & &1.name) end)

    assert "Release train" in names
    assert {:ok, [_]} = SD.Calendar.list(limit: 1)

    assert {:ok, %SD.Calendar{name: "Release train (EU)"}} = SD.Calendar.update(created, name: "Release train (EU)")
    assert {:ok, %SD.Calendar{name: "Release train (EU)"}} = SD.Calendar.get(created.id)
    assert :ok = SD.Calendar.delete(created)
    assert {:error, %SD.NotFoundError{}} = SD.Calendar.get(created.id)
  end

  test "users: search and me; calendar members: users, add_user, update_user, remove_user" do
    {:ok, %SD.User{} = me} = SD.Users.me()
    other = other()
    assert {:ok, [%SD.User{id: found}]} = SD.Users.search(other.email)
    assert found == other.id

    calendar = calendar()
    assert {:ok, %SD.Member{role: "member", email: email} = added} = SD.Calendar.add_user(calendar, other.id)
    assert {added.id, email} == {other.id, other.email}
    {:ok, members} = SD.Calendar.users(calendar)
    assert members |> Enum.map(&{&1.id, &1.role}) |> Enum.sort() == Enum.sort([{me.id, "owner"}, {other.id, "member"}])
    assert {:ok, %SD.Member{role: "admin"}} = SD.Calendar.update_user(calendar, other.id, role: :admin)
    assert {:ok, %SD.Calendar{role: "admin"}} = SD.Calendar.get(calendar.id, client_for(other.token))
    assert {:ok, [_]} = SD.Calendar.users(calendar, limit: 1)
    assert :ok = SD.Calendar.remove_user(calendar, other.id)
    assert {:ok, [%SD.Member{id: only}]} = SD.Calendar.users(calendar)
    assert only == me.id
  end

  test "event users: add_event_user, event_users, update_event_user, remove_event_user" do
    calendar = calendar()
    guest = other()
    {:ok, _} = SD.Calendar.add_user(calendar, guest.id)

    {:ok, event} =
      SD.Calendar.create_event(calendar,
        title: "Design review",
        starts_at: "2025-08-21T09:00:00Z",
        ends_at: "2025-08-21T10:00:00Z",
        default_role: :viewer
      )

    assert {:ok, %SD.EventUser{role: "viewer", rsvp: "needs_action"} = added} =
             SD.Calendar.add_event_user(calendar, event.id, guest.id)

    assert added.id == guest.id
    assert {:ok, [%SD.EventUser{id: listed}]} = SD.Calendar.event_users(calendar, event.id)
    assert listed == guest.id
    # The participant answers for themselves through their own client.
    {:ok, theirs} = SD.Calendar.get(calendar.id, client_for(guest.token))

    assert {:ok, %SD.EventUser{rsvp: "accepted", role: "viewer"}} =
             SD.Calendar.update_event_user(theirs, event.id, guest.id, rsvp: :accepted)

    assert {:ok, %SD.EventUser{rsvp: "accepted", role: "editor"}} =
             SD.Calendar.update_event_user(calendar, event.id, guest.id, %{role: :editor})

    assert :ok = SD.Calendar.remove_event_user(calendar, event.id, guest.id)
    assert {:ok, []} = SD.Calendar.event_users(calendar, event.id)
  end

  test "windows list occurrences; scope: :this changes one occurrence" do
    calendar = calendar()

    {:ok, series} =
      SD.Calendar.create_event(calendar, %{
        title: "Stand-up",
        starts_at: "2025-09-01T09:00:00Z",
        ends_at: "2025-09-01T09:15:00Z",
        rrule: "FREQ=WEEKLY;BYDAY=MO"
      })

    assert {series.recurrence_rule, series.rrule} == {"weekly", "FREQ=WEEKLY;BYDAY=MO"}
    window = [from: "2025-09-01T00:00:00Z", to: "2025-09-29T00:00:00Z"]
    {:ok, occurrences} = SD.Calendar.events(calendar, window)
    assert ids(occurrences) == Enum.map(~w(20250901 20250908 20250915 20250922), &"#{series.id}_#{&1}T090000Z")
    [_, second, third | _] = occurrences

    assert {:ok, %SD.Event{recurring_event_id: series_id, original_starts_at: "2025-09-08T09:00:00Z"}} =
             SD.Calendar.get_event(calendar, second.id)

    assert series_id == series.id

    assert {:ok, %SD.Event{title: "Stand-up (moved)", starts_at: "2025-09-08T10:00:00Z"}} =
             SD.Calendar.update_event(
               calendar,
               second.id,
               %{title: "Stand-up (moved)", starts_at: "2025-09-08T10:00:00Z", ends_at: "2025-09-08T10:15:00Z"},
               scope: :this
             )

    assert :ok = SD.Calendar.delete_event(calendar, third.id, scope: :this)
    {:ok, after_changes} = SD.Calendar.events(calendar, window)

    assert Enum.map(after_changes, &{&1.title, &1.starts_at}) == [
             {"Stand-up", "2025-09-01T09:00:00Z"},
             {"Stand-up (moved)", "2025-09-08T10:00:00Z"},
             {"Stand-up", "2025-09-22T09:00:00Z"}
           ]

    assert stored_event(calendar.id, series.id)["title"] == "Stand-up"
  end

  test "scope: :following and :all" do
    calendar = calendar()

    {:ok, _series} =
      SD.Calendar.create_event(calendar, %{
        title: "Sync",
        starts_at: "2025-09-01T09:00:00Z",
        ends_at: "2025-09-01T09:30:00Z",
        rrule: "FREQ=DAILY;COUNT=6"
      })

    window = [from: "2025-09-01T00:00:00Z", to: "2025-09-10T00:00:00Z"]
    list = fn -> elem(SD.Calendar.events(calendar, window), 1) end
    occurrences = list.()
    assert length(occurrences) == 6

    # following: the 4th occurrence and those after it change; the first three stay.
    {:ok, _} =
      SD.Calendar.update_event(calendar, Enum.at(occurrences, 3).id, %{title: "Sync (new time)", location: "Room C"},
        scope: :following
      )

    assert Enum.map(list.(), & &1.title) == [
             "Sync",
             "Sync",
             "Sync",
             "Sync (new time)",
             "Sync (new time)",
             "Sync (new time)"
           ]

    # all: every occurrence of the (original) series changes.
    {:ok, _} = SD.Calendar.update_event(calendar, hd(list.()).id, %{location: "Room A"}, scope: :all)
    assert list.() |> Enum.take(3) |> Enum.map(& &1.location) == ["Room A", "Room A", "Room A"]

    # delete following from the 2nd: only the first occurrence of that series is left.
    assert :ok = SD.Calendar.delete_event(calendar, Enum.at(list.(), 1).id, scope: :following)
    left = Enum.map(list.(), &{&1.title, &1.starts_at})
    assert hd(left) == {"Sync", "2025-09-01T09:00:00Z"}
    refute {"Sync", "2025-09-02T09:00:00Z"} in left
    refute {"Sync", "2025-09-03T09:00:00Z"} in left

    # delete all through an occurrence id: that series is gone from the window.
    assert :ok = SD.Calendar.delete_event(calendar, hd(list.()).id, scope: :all)
    refute "Sync" in Enum.map(list.(), & &1.title)
  end

  test "SD.Events.list/page across all your calendars" do
    first = calendar()
    {:ok, second} = SD.Calendar.create(name: "Second")
    tag = "x#{System.unique_integer([:positive])}"
    a = raw_event(first.id, %{"title" => "In the first #{tag}"})

    {:ok, b} =
      SD.Calendar.create_event(second,
        title: "In the second #{tag}",
        starts_at: "2025-08-22T09:00:00Z",
        ends_at: "2025-08-22T10:00:00Z"
      )

    mine = fn {:ok, events} -> events |> Enum.filter(&(&1.calendar_id in [first.id, second.id])) |> ids() end

    assert mine.(SD.Events.list(q: tag)) == [a["id"], b.id]
    assert mine.(SD.Events.list(q: "in the second #{tag}")) == [b.id]
    assert mine.(SD.Events.list(from: "2025-08-22T00:00:00Z", to: "2025-08-23T00:00:00Z", q: tag)) == [b.id]
    assert {:ok, %SD.Page{items: [_], meta: %{limit: 1, total: total}}} = SD.Events.page(limit: 1)
    assert total >= 2
  end
end
