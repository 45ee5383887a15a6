defmodule SD.TransportTest do
  # Retries, backoff, timeouts and odd answers against a scripted local server (the live one does
  # not answer 429/503 or stall on demand). The waits between retries are recorded, not slept.
  use ExUnit.Case, async: false
  alias SD.Test.StubServer

  @calendar ~s({"status":"ok","calendar":{"id":"c1","name":"Stub","description":null,"color":"#3b82f6","time_zone":"UTC","role":"owner","inserted_at":"2025-08-18T09:20:00Z","updated_at":"2025-08-18T09:20:00Z"}})
  @event ~s({"status":"ok","event":{"id":"e1","calendar_id":"c1","title":"T","starts_at":"2025-08-21T09:00:00Z","ends_at":"2025-08-21T10:00:00Z"}})
  @rate_limited ~s({"status":"error","message":"too many requests","error_code":"RATE_LIMITED"})

  setup do
    SD.Test.Live.reset_config()
  end

  defp client(responses, options \\ []) do
    test = self()
    url = StubServer.start(responses)
    SD.Client.new(Keyword.merge([base_url: url, token: "sdt_stub", sleep: &send(test, {:slept, &1})], options))
  end

  defp requests do
    receive do
      {:stub_request, request} -> [request | requests()]
    after
      0 -> []
    end
  end

  defp waits do
    receive do
      {:slept, ms} -> [ms | waits()]
    after
      0 -> []
    end
  end

  test "GET is retried on 503 and 429, then succeeds; Retry-After wins over backoff" do
    client =
      client(
        [
          %{status: 503, body: ~s({"status":"error","message":"unavailable","error_code":"INTERNAL_ERROR"})},
          %{status: 429, body: @rate_limited, headers: [{"retry-after", "1"}]},
          %{status: 200, body: @calendar}
        ],
        retry_base_delay: 200
      )

    assert {:ok, %SD.Calendar{name: "Stub"}} = SD.Calendar.get("c1", client)
    assert length(requests()) == 3
    assert [backoff, 1000] = waits()
    assert backoff in 100..200
  end

  test "PUT and DELETE are retried; POST never" do
    client =
      client([
        %{body: @calendar},
        %{status: 503, body: "{}"},
        %{body: @event},
        %{status: 503, body: "{}"},
        %{body: ~s({"status":"ok"})}
      ])

    {:ok, calendar} = SD.Calendar.get("c1", client)
    assert {:ok, %SD.Event{title: "T"}} = SD.Calendar.update_event(calendar, "e1", %{title: "T"})
    assert :ok = SD.Calendar.delete_event(calendar, "e1")
    assert Enum.map(requests(), & &1.method) == ~w(GET PUT PUT DELETE DELETE)

    client =
      client([
        %{body: @calendar},
        %{status: 503, body: ~s({"status":"error","message":"unavailable","error_code":"INTERNAL_ERROR"})},
        %{status: 201, body: @event}
      ])

    {:ok, calendar} = SD.Calendar.get("c1", client)
    assert {:error, %SD.ServerError{status: 503}} = SD.Calendar.create_event(calendar, %{title: "T"})

    assert Enum.map(requests(), & &1.method) == ~w(GET POST),
           "a POST is never repeated (it could create a second event)"
  end

  test "rate limited after the retries run out: SD.RateLimitError with retry_after" do
    client = client([%{status: 429, body: @rate_limited, headers: [{"retry-after", "2"}]}], max_retries: 2)

    assert {:error, %SD.RateLimitError{status: 429, error_code: "RATE_LIMITED", retry_after: 2}} =
             SD.Calendar.get("c1", client)

    assert length(requests()) == 3
    assert waits() == [2000, 2000]
  end

  test "a Retry-After longer than the cap fails at once" do
    client = client([%{status: 429, body: @rate_limited, headers: [{"retry-after", "120"}]}], retry_max_delay: 10_000)
    assert {:error, %SD.RateLimitError{retry_after: 120}} = SD.Calendar.get("c1", client)
    assert length(requests()) == 1
    assert waits() == []
  end

  test "backoff doubles with jitter up to the cap" do
    client =
      client([%{status: 503, body: "busy", headers: [{"content-type", "text/plain"}]}],
        max_retries: 4,
        retry_base_delay: 1000,
        retry_max_delay: 3000
      )

    assert {:error, %SD.ServerError{body: "busy"}} = SD.Calendar.get("c1", client)

    for {wait, ceiling} <- Enum.zip(waits(), [1000, 2000, 3000, 3000]) do
      assert wait >= div(ceiling, 2) and wait <= ceiling
    end

    assert SD.Client.retry_delay(0, nil, 1000, 10_000, 0.0) == 500
    assert SD.Client.retry_delay(2, nil, 1000, 10_000, 1.0) == 4000
    assert SD.Client.retry_delay(0, 11, 1000, 10_000) == nil
  end

  test "a stalled answer is SD.TimeoutError, not retried" do
    client = client([%{body: @calendar, delay: 3000}], timeout: 500)
    started = System.monotonic_time(:millisecond)
    assert {:error, %SD.TimeoutError{status: 0, error_code: "TIMEOUT"}} = SD.Calendar.get("c1", client)
    assert System.monotonic_time(:millisecond) - started < 2900
    assert waits() == []
  end

  test "an unreachable server is SD.ConnectionError" do
    assert {:error, %SD.ConnectionError{status: 0, error_code: "CONNECTION_ERROR"}} =
             SD.Calendar.get("c1", base_url: StubServer.closed_url(), token: "x")
  end

  test "answers that are not the API's shape" do
    client =
      client([
        %{body: "<html>proxy</html>", headers: [{"content-type", "text/html"}]},
        %{body: ~s({"status":"ok","calendar":{"name":"no id"}})},
        %{status: 502, body: "<html>bad gateway</html>", headers: [{"content-type", "text/html"}]},
        %{status: 418, body: ~s({"status":"error","message":"teapot","error_code":"SOMETHING_NEW"})}
      ])

    assert {:error, %SD.InvalidResponseError{error_code: "INVALID_RESPONSE"}} = SD.Calendar.get("c1", client)
    assert {:error, %SD.InvalidResponseError{}} = SD.Calendar.get("c1", client)
    assert {:error, %SD.ServerError{status: 502}} = SD.Calendar.get("c1", client)

    assert {:error, %SD.Error{message: "teapot", status: 418, error_code: "SOMETHING_NEW"}} =
             SD.Calendar.get("c1", client)
  end

  test "fields a newer server adds are kept (extra) and come back in to_map" do
    newer =
      ~s({"status":"ok","event":{"id":"e1","calendar_id":"c1","title":"T","starts_at":"2025-08-21T09:00:00Z","ends_at":"2025-08-21T10:00:00Z","colour_hint":"teal"}})

    client = client([%{body: @calendar}, %{body: newer}])
    {:ok, calendar} = SD.Calendar.get("c1", client)

    assert {:ok, %SD.Event{title: "T", extra: %{"colour_hint" => "teal"}} = event} =
             SD.Calendar.get_event(calendar, "e1")

    assert SD.Event.to_map(event)["colour_hint"] == "teal"
    assert event.rsvp == nil
  end

  test "what goes on the wire" do
    ok_list = ~s({"status":"ok","events":[],"meta":{"limit":25,"offset":0,"total":0}})

    client =
      client([%{body: @calendar}, %{body: @event}, %{body: ~s({"status":"ok"})}, %{body: ok_list}],
        headers: [{"x-trace", "abc"}]
      )

    client = %{client | base_url: client.base_url <> "/api/v1/"}

    {:ok, calendar} = SD.Calendar.get("c/1 x", client)

    {:ok, _} =
      SD.Calendar.update_event(calendar, "e1", %{title: ~s(Ünïcode & "quotes"), all_day: false, status: :confirmed},
        scope: :following,
        if_match: 7
      )

    :ok = SD.Calendar.delete_event(calendar, "e1_20250821T090000Z", scope: :all, if_match: ~s(W/"8"))
    {:ok, []} = SD.Calendar.events(calendar, limit: 10, q: "a&b c", from: nil)

    [get, put, delete, list] = requests()
    assert get.path == "/api/v1/calendars/c%2F1%20x"
    assert get.headers["authorization"] == "Bearer sdt_stub"
    assert get.headers["accept"] == "application/json"
    assert get.headers["user-agent"] == "sweetdate-elixir/#{SD.version()}"
    assert get.headers["x-trace"] == "abc"
    assert put.path == "/api/v1/calendars/c1/events/e1?scope=following"
    assert put.headers["if-match"] == ~s("7")
    assert put.headers["content-type"] == "application/json"

    assert :jiffy.decode(put.body, [:return_maps]) == %{
             "title" => ~s(Ünïcode & "quotes"),
             "all_day" => false,
             "status" => "confirmed"
           }

    assert delete.path == "/api/v1/calendars/c1/events/e1_20250821T090000Z?scope=all"
    assert delete.headers["if-match"] == ~s("8")
    assert list.path == "/api/v1/calendars/c1/events?limit=10&q=a%26b%20c"
  end

  test "sync fetches every page of a round and maps deletions; 410 → SD.SyncTokenExpiredError" do
    event = fn id ->
      %{id: id, calendar_id: "c1", title: id, starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z"}
    end

    page = fn events, meta -> SD.JSON.encode!(%{status: "ok", events: events, meta: meta}) end

    client =
      client([
        %{body: @calendar},
        %{body: page.([event.("e1"), %{id: "e2", deleted: true}], %{limit: 2, offset: 0, total: 5})},
        # Nothing on this page the caller may see: the round goes on a whole page later.
        %{body: page.([], %{limit: 2, offset: 2, total: 5})},
        %{body: page.([event.("e3")], %{limit: 2, offset: 4, total: 5, next_sync_token: "tok-2"})},
        %{status: 410, body: ~s({"status":"error","message":"sync token expired","error_code":"SYNC_TOKEN_EXPIRED"})},
        %{body: page.([event.("e4")], %{limit: 100, offset: 0, total: 1})}
      ])

    {:ok, calendar} = SD.Calendar.get("c1", client)

    assert {:ok, %SD.Sync{next_sync_token: "tok-2", full: true, deleted: ["e2"]} = round} =
             SD.Calendar.sync(calendar, nil, limit: 2)

    assert Enum.map(round.events, & &1.id) == ["e1", "e3"]
    assert [%SD.Event{id: "e1"}, %{id: "e2", deleted: true}, %SD.Event{id: "e3"}] = round.changes

    assert {:error, %SD.SyncTokenExpiredError{status: 410, error_code: "SYNC_TOKEN_EXPIRED"}} =
             SD.Calendar.sync(calendar, "tok-2")

    assert {:error, %SD.InvalidResponseError{}} = SD.Calendar.sync(calendar, "tok-3"),
           "a round that ends without a token is not a sync answer"

    assert Enum.map(requests(), & &1.path) == [
             "/api/v1/calendars/c1",
             "/api/v1/calendars/c1/events?sync_token=&limit=2&offset=0",
             "/api/v1/calendars/c1/events?sync_token=&limit=2&offset=2",
             "/api/v1/calendars/c1/events?sync_token=&limit=2&offset=4",
             "/api/v1/calendars/c1/events?sync_token=tok-2&limit=100&offset=0",
             "/api/v1/calendars/c1/events?sync_token=tok-3&limit=100&offset=0"
           ]
  end

  test "configuration: explicit options, SD.configure/1, then the environment" do
    saved = {System.get_env("SWEETDATE_URL"), System.get_env("SWEETDATE_API_TOKEN")}

    try do
      System.put_env("SWEETDATE_URL", "https://cal.example.com/api/v1")
      System.put_env("SWEETDATE_API_TOKEN", "sdt_env")

      assert {:ok, %{base_url: "https://cal.example.com", token: "sdt_env", timeout: 30_000, max_retries: 2}} =
               SD.Client.options(SD.Client.new())

      SD.configure(base_url: "http://configured.test/", token: "sdt_configured", timeout: 5000)

      assert {:ok, %{base_url: "http://configured.test", token: "sdt_configured", timeout: 5000}} =
               SD.Client.options(SD.Client.new())

      assert {:ok, %{token: "sdt_explicit"}} = SD.Client.options(SD.Client.new(token: "sdt_explicit"))
      SD.configure(token: nil)
      assert {:ok, %{token: "sdt_env"}} = SD.Client.options(SD.Client.new()), "nil falls back to the environment"

      assert_raise ArgumentError, ~r/unknown option/, fn -> SD.configure(base_uri: "x") end
      assert_raise ArgumentError, ~r/unknown option/, fn -> SD.Client.new(base_uri: "x") end
      SD.configure(base_url: nil)
      System.delete_env("SWEETDATE_URL")
      assert {:error, %SD.ConfigurationError{error_code: "CONFIGURATION_ERROR"}} = SD.Calendar.get("c1")
    after
      SD.Test.Live.reset_config()
      {url, token} = saved
      if url, do: System.put_env("SWEETDATE_URL", url), else: System.delete_env("SWEETDATE_URL")
      if token, do: System.put_env("SWEETDATE_API_TOKEN", token), else: System.delete_env("SWEETDATE_API_TOKEN")
    end
  end

  test "Retry-After parsing" do
    assert SD.Client.parse_retry_after("3") == 3
    now = 1_000_000_000
    date = fn seconds -> seconds |> DateTime.from_unix!() |> Calendar.strftime("%a, %d %b %Y %H:%M:%S GMT") end
    assert SD.Client.parse_retry_after(date.(now + 30), now) == 30
    assert SD.Client.parse_retry_after(date.(now - 30), now) == 0
    assert SD.Client.parse_retry_after(nil) == nil
    assert SD.Client.parse_retry_after("soon") == nil
  end
end
