defmodule SD.Test.Live do
  @moduledoc false
  # Plain HTTP against the live server — OTP's :httpc and Debian's jiffy, independent of the SDK's
  # own client and JSON module — to make test data and to check what the SDK wrote.

  @unknown "00000000-0000-4000-8000-000000000000"
  def unknown_id, do: @unknown

  def base_url, do: System.fetch_env!("SWEETDATE_URL") |> String.trim_trailing("/")
  def token, do: System.fetch_env!("SWEETDATE_API_TOKEN")

  def other do
    %{
      id: System.fetch_env!("SWEETDATE_OTHER_USER_ID"),
      email: System.fetch_env!("SWEETDATE_OTHER_EMAIL"),
      token: System.fetch_env!("SWEETDATE_OTHER_API_TOKEN")
    }
  end

  @doc "A client of its own for another user."
  def client_for(token), do: SD.Client.new(base_url: base_url(), token: token)

  @doc "{status, decoded body}"
  def call(method, path, body \\ nil, token \\ token()) do
    {:ok, _} = Application.ensure_all_started(:inets)
    url = to_charlist(base_url() <> path)
    headers = [{~c"accept", ~c"application/json"}, {~c"authorization", to_charlist("Bearer " <> token)}]

    request =
      if body == nil,
        do: {url, headers},
        else: {url, headers, ~c"application/json", :jiffy.encode(body)}

    {:ok, {{_, status, _}, _headers, text}} = :httpc.request(method, request, [timeout: 60_000], body_format: :binary)
    {status, if(text == "", do: nil, else: :jiffy.decode(text, [:return_maps, {:null_term, nil}]))}
  end

  def expect!(status, method, path, body \\ nil, token \\ token()) do
    case call(method, path, body, token) do
      {^status, decoded} -> decoded
      {other, decoded} -> raise "#{method} #{path}: expected #{status}, got #{other}: #{inspect(decoded)}"
    end
  end

  def raw_calendar(data \\ %{}) do
    expect!(201, :post, "/api/v1/calendars", Map.merge(%{"name" => "Elixir SDK test"}, data))["calendar"]
  end

  def raw_event(calendar_id, data) do
    data = Map.merge(%{"starts_at" => "2025-08-21T09:00:00Z", "ends_at" => "2025-08-21T10:00:00Z"}, data)
    expect!(201, :post, "/api/v1/calendars/#{calendar_id}/events", data)["event"]
  end

  def stored_event(calendar_id, event_id),
    do: expect!(200, :get, "/api/v1/calendars/#{calendar_id}/events/#{event_id}")["event"]

  @doc "Clears SD.configure/1 settings so the default client reads the environment alone."
  def reset_config do
    for key <- SD.Client.keys(), do: Application.delete_env(:sweetdate, key)
    :ok
  end
end
