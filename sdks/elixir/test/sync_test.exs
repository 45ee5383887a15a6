defmodule SD.SyncTest do
  # SD.Calendar.sync/3 against the live server (SPEC §11: `?sync_token=`, pages,
  # meta.next_sync_token, deletions as {id, deleted: true}, 410 SYNC_TOKEN_EXPIRED).
  use ExUnit.Case, async: false
  import SD.Test.Live

  @moduletag :sync

  setup do
    reset_config()
  end

  defp calendar do
    {:ok, calendar} = SD.Calendar.get(raw_calendar()["id"])
    calendar
  end

  # Applies a round to a local copy, as a sync client does.
  defp apply_round(copy, %SD.Sync{events: events, deleted: deleted}) do
    copy = Enum.reduce(events, copy, &Map.put(&2, &1.id, SD.Event.to_map(&1)))
    Map.drop(copy, deleted)
  end

  # What a full list shows (list items lack the sync-only `exdates`, compared without it) and
  # exactly what a fresh full round shows.
  defp assert_matches_the_list(calendar, copy) do
    listed = calendar |> SD.Calendar.stream_events() |> Map.new(&{&1.id, SD.Event.to_map(&1) |> Map.delete("exdates")})
    assert Map.new(copy, fn {id, event} -> {id, Map.delete(event, "exdates")} end) == listed
    {:ok, full} = SD.Calendar.sync(calendar)
    assert apply_round(%{}, full) == copy
  end

  defp without_exdates(event), do: event |> SD.Event.to_map() |> Map.delete("exdates")

  test "a full sync, then incremental rounds, reproduce the list" do
    calendar = calendar()

    make = fn title, day ->
      elem(
        SD.Calendar.create_event(calendar,
          title: title,
          starts_at: "2025-08-#{day}T09:00:00Z",
          ends_at: "2025-08-#{day}T10:00:00Z"
        ),
        1
      )
    end

    keep = make.("Keep", 21)
    change = make.("Change me", 22)
    drop = make.("Drop me", 23)

    assert {:ok, %SD.Sync{deleted: [], next_sync_token: token, full: true} = full} = SD.Calendar.sync(calendar)
    assert is_binary(token) and token != ""
    assert full.events |> Enum.map(& &1.id) |> Enum.sort() == Enum.sort([keep.id, change.id, drop.id])
    copy = apply_round(%{}, full)
    assert_matches_the_list(calendar, copy)

    assert {:ok, %SD.Sync{events: [], deleted: [], changes: [], next_sync_token: quiet, full: false}} =
             SD.Calendar.sync(calendar, token)

    {:ok, changed} = SD.Calendar.update_event(calendar, change.id, title: "Changed")
    :ok = SD.Calendar.delete_event(calendar, drop.id)
    added = make.("Added", 24)

    assert {:ok, %SD.Sync{} = round} = SD.Calendar.sync(calendar, quiet)
    assert round.events |> Enum.map(& &1.id) |> Enum.sort() == Enum.sort([change.id, added.id])
    assert round.deleted == [drop.id]
    assert length(round.changes) == 3
    assert %{id: drop.id, deleted: true} in round.changes
    assert [sent] = Enum.filter(round.events, &(&1.id == change.id))
    assert without_exdates(sent) == without_exdates(changed)
    assert sent.exdates == []
    assert_matches_the_list(calendar, apply_round(copy, round))
  end

  test "a round larger than one page is fetched whole" do
    calendar = calendar()

    for day <- 1..5,
        do:
          raw_event(calendar.id, %{
            "title" => "Day #{day}",
            "starts_at" => "2025-08-0#{day}T09:00:00Z",
            "ends_at" => "2025-08-0#{day}T10:00:00Z"
          })

    assert {:ok, %SD.Sync{events: events} = round} = SD.Calendar.sync(calendar, nil, limit: 2)
    assert length(events) == 5
    assert_matches_the_list(calendar, apply_round(%{}, round))
  end

  test "an occurrence deleted with scope: :this reaches sync as an exdate of its series" do
    calendar = calendar()

    {:ok, series} =
      SD.Calendar.create_event(calendar,
        title: "Stand-up",
        starts_at: "2025-09-01T09:00:00Z",
        ends_at: "2025-09-01T09:15:00Z",
        rrule: "FREQ=DAILY;COUNT=5"
      )

    {:ok, %SD.Sync{next_sync_token: token}} = SD.Calendar.sync(calendar)
    :ok = SD.Calendar.delete_event(calendar, "#{series.id}_20250903T090000Z", scope: :this)
    {:ok, round} = SD.Calendar.sync(calendar, token)
    assert [master] = Enum.filter(round.events, &(&1.id == series.id))
    assert "2025-09-03T09:00:00Z" in (master.exdates || [])
  end

  test "an unknown token → SD.SyncTokenExpiredError; starting over works" do
    calendar = calendar()

    assert {:error, %SD.SyncTokenExpiredError{status: 410, error_code: "SYNC_TOKEN_EXPIRED"}} =
             SD.Calendar.sync(calendar, "not-a-real-token")

    assert {:ok, %SD.Sync{next_sync_token: token}} = SD.Calendar.sync(calendar, nil)
    assert token != ""
  end
end
