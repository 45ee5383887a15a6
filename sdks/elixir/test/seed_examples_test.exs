defmodule SD.SeedExamplesTest do
  # Seed 004's Elixir examples (test/seed/*.exs, byte for byte as the seed prints them) evaluated
  # against the live server with only "CALENDAR-ID"/"EVENT-ID" replaced; the SDK is configured by
  # SWEETDATE_URL and SWEETDATE_API_TOKEN alone. Results are checked over the raw API.
  use ExUnit.Case, async: false
  import ExUnit.CaptureIO
  import SD.Test.Live

  setup do
    reset_config()
  end

  defp source(example, placeholders) do
    Enum.reduce(placeholders, File.read!(Path.join([__DIR__, "seed", "#{example}.exs"])), fn {placeholder, value},
                                                                                             source ->
      String.replace(source, ~s("#{placeholder}"), ~s("#{value}"))
    end)
  end

  # Evaluates an example; returns its bindings and what it printed.
  defp run(example, placeholders) do
    code = source(example, placeholders)
    parent = self()
    output = capture_io(fn -> send(parent, {:binding, elem(Code.eval_string(code), 1)}) end)
    assert_received {:binding, binding}
    {Map.new(binding), output}
  end

  test "LIST EVENTS – SD.Calendar.events(calendar, limit:, offset:, q:) gives the matching events" do
    calendar = raw_calendar()
    planning = raw_event(calendar["id"], %{"title" => "Planning meeting"})

    retro =
      raw_event(calendar["id"], %{
        "title" => "Retro",
        "description" => "after the MEETING",
        "starts_at" => "2025-08-22T09:00:00Z",
        "ends_at" => "2025-08-22T10:00:00Z"
      })

    raw_event(calendar["id"], %{"title" => "Lunch"})

    {binding, output} = run("list_events", %{"CALENDAR-ID" => calendar["id"]})

    assert [%SD.Event{} = first, %SD.Event{} = second] = binding.events
    assert [first.id, second.id] == [planning["id"], retro["id"]]
    assert SD.Event.to_map(first) |> Map.take(Map.keys(planning)) == planning
    assert %SD.Calendar{id: id, name: "Elixir SDK test"} = binding.calendar
    assert id == calendar["id"]
    assert output =~ "%SD.Event{"
    assert output =~ ~s(title: "Planning meeting")
    assert output =~ ~s(title: "Retro")
    refute output =~ "Lunch"
  end

  test "CREATE EVENT – SD.Calendar.create_event(calendar, %{…}) gives the created event" do
    calendar = raw_calendar()

    {binding, output} = run("create_event", %{"CALENDAR-ID" => calendar["id"]})

    assert %SD.Event{
             title: "Sprint Planning",
             starts_at: "2025-08-21T09:00:00Z",
             ends_at: "2025-08-21T10:00:00Z",
             location: "Room A",
             description: "Quarterly planning session",
             status: "tentative"
           } = event = binding.event

    assert event.calendar_id == calendar["id"]
    stored = stored_event(calendar["id"], event.id)
    assert SD.Event.to_map(event) |> Map.take(Map.keys(stored)) == stored
    assert output =~ ~s(status: "tentative")
    assert output =~ ~s(id: "#{event.id}")
  end

  test "GET EVENT – SD.Calendar.get_event(calendar, id) gives the event" do
    calendar = raw_calendar()

    existing =
      raw_event(calendar["id"], %{"title" => "Sprint Planning", "location" => "Room A", "status" => "confirmed"})

    {binding, output} = run("get_event", %{"CALENDAR-ID" => calendar["id"], "EVENT-ID" => existing["id"]})

    assert %SD.Event{} = binding.event
    assert SD.Event.to_map(binding.event) |> Map.take(Map.keys(existing)) == existing
    assert output =~ ~s(location: "Room A")
  end

  test "UPDATE EVENT – SD.Calendar.update_event(calendar, id, %{…}) gives the updated event" do
    calendar = raw_calendar()

    existing =
      raw_event(calendar["id"], %{
        "title" => "Sprint Planning",
        "location" => "Room A",
        "description" => "Quarterly planning session"
      })

    {binding, output} = run("update_event", %{"CALENDAR-ID" => calendar["id"], "EVENT-ID" => existing["id"]})

    updated = binding.updated
    assert %SD.Event{title: "Sprint Planning (Updated)", status: "confirmed", location: "Room B"} = updated
    assert updated.id == existing["id"]
    assert updated.description == "Quarterly planning session", "a partial update keeps the other fields"
    assert updated.sequence > existing["sequence"]
    stored = stored_event(calendar["id"], existing["id"])
    assert SD.Event.to_map(updated) |> Map.take(Map.keys(stored)) == stored
    assert output =~ ~s[title: "Sprint Planning (Updated)"]
  end

  test "DELETE EVENT – :ok = SD.Calendar.delete_event(calendar, id)" do
    calendar = raw_calendar()
    existing = raw_event(calendar["id"], %{"title" => "Sprint Planning"})

    {binding, output} = run("delete_event", %{"CALENDAR-ID" => calendar["id"], "EVENT-ID" => existing["id"]})

    assert %SD.Calendar{} = binding.calendar
    assert output == ""

    assert {404, %{"error_code" => "NOT_FOUND"}} =
             call(:get, "/api/v1/calendars/#{calendar["id"]}/events/#{existing["id"]}")

    # The example's own match fails loudly when the deletion does not happen.
    assert_raise MatchError, fn ->
      run("delete_event", %{"CALENDAR-ID" => calendar["id"], "EVENT-ID" => existing["id"]})
    end
  end

  test "every example runs as a script in a fresh `elixir` process configured by the environment only" do
    calendar = raw_calendar()
    ebin = Path.join(Mix.Project.build_path(), "lib/sweetdate/ebin")

    script = fn example, placeholders ->
      file = Path.join(System.tmp_dir!(), "sweetdate-seed-#{System.unique_integer([:positive])}.exs")
      File.write!(file, source(example, placeholders))

      try do
        env = [{"SWEETDATE_URL", base_url()}, {"SWEETDATE_API_TOKEN", token()}]
        {output, code} = System.cmd("elixir", ["-pa", ebin, file], env: env, stderr_to_stdout: true)
        assert code == 0, "#{example} failed:\n#{output}"
        output
      after
        File.rm(file)
      end
    end

    created = script.("create_event", %{"CALENDAR-ID" => calendar["id"]})
    [_, id] = Regex.run(~r/id: "([0-9a-f-]{36})"/, created)
    assert script.("get_event", %{"CALENDAR-ID" => calendar["id"], "EVENT-ID" => id}) =~ "Sprint Planning"
    raw_event(calendar["id"], %{"title" => "Team meeting"})
    listed = script.("list_events", %{"CALENDAR-ID" => calendar["id"]})
    assert listed =~ ~s(title: "Team meeting")
    refute listed =~ "Sprint Planning"
    assert script.("update_event", %{"CALENDAR-ID" => calendar["id"], "EVENT-ID" => id}) =~ ~s(location: "Room B")
    assert script.("delete_event", %{"CALENDAR-ID" => calendar["id"], "EVENT-ID" => id}) == ""
    assert {404, _} = call(:get, "/api/v1/calendars/#{calendar["id"]}/events/#{id}")
  end
end
