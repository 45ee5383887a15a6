defmodule SD.Calendar do
  @moduledoc """
  A calendar (`id`, `name`, `description`, `color`, `time_zone`, your `role`, `source_url`, `default_reminders`, `inserted_at`,
  `updated_at`) and everything scoped under it: events, members, event participants and sync.

      {:ok, calendar} = SD.Calendar.get("CALENDAR-ID")
      {:ok, events} = SD.Calendar.events(calendar, limit: 25, offset: 0, q: "meeting")

  Every function returns `{:ok, result}` or `{:error, exception}` (see `SD.Error`); deletions
  return `:ok`. A calendar remembers the client it was fetched with, so functions taking a
  calendar need no client argument.
  """

  alias SD.{Client, Event, EventUser, Member, Page, Resource}

  @fields [:id, :name, :description, :color, :time_zone, :role, :source_url, :default_reminders, :inserted_at, :updated_at]
  @derive {Inspect, except: [:client]}
  defstruct @fields ++ [extra: %{}, client: nil]

  @type t :: %__MODULE__{}
  @type client :: Client.t() | keyword | nil
  @type result(value) :: {:ok, value} | {:error, Exception.t()}

  @doc false
  def __fields__, do: @fields
  @doc false
  def __required__, do: [:id, :name]

  # ── Finding calendars ───────────────────────────────────────────────────────────────────────

  @doc "A calendar by id (`client`: an `SD.Client`, client options, or nil for the default one)."
  @spec get(String.t(), client) :: result(t)
  def get(calendar_id, client \\ nil) do
    client = Client.from(client)

    with {:ok, body} <- Client.request(client, :get, "/api/v1/calendars/" <> Client.seg(calendar_id)) do
      wrap(Map.get(body, "calendar"), client)
    end
  end

  @doc "The calendars you belong to (`limit:`, `offset:`)."
  @spec list(keyword, client) :: result([t])
  def list(page \\ [], client \\ nil) do
    client = Client.from(client)

    with {:ok, body} <- Client.request(client, :get, "/api/v1/calendars", query: page),
         {:ok, items} <- list_of(body, "calendars") do
      Enum.reduce_while(items, {:ok, []}, fn item, {:ok, acc} ->
        case wrap(item, client) do
          {:ok, calendar} -> {:cont, {:ok, [calendar | acc]}}
          error -> {:halt, error}
        end
      end)
      |> then(fn
        {:ok, calendars} -> {:ok, Enum.reverse(calendars)}
        error -> error
      end)
    end
  end

  @doc "Creates a calendar (`name` required; `description`, `color` `#rrggbb`, `time_zone`); you become its owner."
  @spec create(map | keyword, client) :: result(t)
  def create(attrs, client \\ nil) do
    client = Client.from(client)

    with {:ok, body} <- Client.request(client, :post, "/api/v1/calendars", body: Map.new(attrs)) do
      wrap(Map.get(body, "calendar"), client)
    end
  end

  @doc "Changes the calendar (owners and admins); returns it refreshed."
  @spec update(t, map | keyword) :: result(t)
  def update(%__MODULE__{} = calendar, attrs) do
    with {:ok, body} <- Client.request(calendar.client, :put, path(calendar), body: Map.new(attrs)) do
      wrap(Map.get(body, "calendar"), calendar.client)
    end
  end

  @doc "Deletes the calendar with its events (owners only)."
  @spec delete(t) :: :ok | {:error, Exception.t()}
  def delete(%__MODULE__{} = calendar), do: ok(Client.request(calendar.client, :delete, path(calendar)))

  @doc "The wire object (string keys)."
  def to_map(%__MODULE__{} = calendar), do: Resource.to_map(calendar, @fields)

  # ── Events ──────────────────────────────────────────────────────────────────────────────────

  @doc """
  The events: `limit` (1–100, default 25), `offset`, `q` (searches title, description and
  location). With `from:` and `to:` (ISO 8601) the occurrences overlapping that window,
  recurring events expanded.
  """
  @spec events(t, keyword) :: result([Event.t()])
  def events(%__MODULE__{} = calendar, options \\ []) do
    with {:ok, page} <- events_page(calendar, options), do: {:ok, page.items}
  end

  @doc "One page of events with its meta (`limit`, `offset`, `total`)."
  @spec events_page(t, keyword) :: result(Page.t())
  def events_page(%__MODULE__{} = calendar, options \\ []) do
    with {:ok, body} <- Client.request(calendar.client, :get, path(calendar, ["events"]), query: options) do
      Page.from_body(body, "events", Event)
    end
  end

  @doc """
  A lazy stream of every matching event, fetching page after page (`limit:` sets the page size,
  default 100). A failing page raises its `SD.Error`.
  """
  @spec stream_events(t, keyword) :: Enumerable.t()
  def stream_events(%__MODULE__{} = calendar, options \\ []) do
    options = Keyword.put_new(options, :limit, 100)

    Stream.resource(
      fn -> 0 end,
      fn
        :done ->
          {:halt, :done}

        offset ->
          case events_page(calendar, Keyword.put(options, :offset, offset)) do
            {:ok, page} -> {page.items, if(Page.more?(page), do: offset + page.meta.limit, else: :done)}
            {:error, error} -> raise error
          end
      end,
      fn _ -> :ok end
    )
  end

  @doc "Creates an event (`title`, `starts_at`, `ends_at` required; any other event field)."
  @spec create_event(t, map | keyword) :: result(Event.t())
  def create_event(%__MODULE__{} = calendar, attrs) do
    with {:ok, body} <- Client.request(calendar.client, :post, path(calendar, ["events"]), body: Map.new(attrs)) do
      Resource.one(body, "event", Event)
    end
  end

  @doc "An event by id, or an occurrence by `\"<series id>_<20250821T090000Z>\"`."
  @spec get_event(t, String.t()) :: result(Event.t())
  def get_event(%__MODULE__{} = calendar, event_id) do
    with {:ok, body} <- Client.request(calendar.client, :get, path(calendar, ["events", event_id])) do
      Resource.one(body, "event", Event)
    end
  end

  @doc """
  Partial update: only the fields given change. Options: `scope:` `:this | :following | :all`
  for recurring events; `if_match:` the `sequence` you read (the call then fails with
  `SD.PreconditionFailedError` if someone changed the event since).
  """
  @spec update_event(t, String.t(), map | keyword, keyword) :: result(Event.t())
  def update_event(%__MODULE__{} = calendar, event_id, attrs, options \\ []) do
    request = [query: scope(options), headers: if_match(options), body: Map.new(attrs)]

    with {:ok, body} <- Client.request(calendar.client, :put, path(calendar, ["events", event_id]), request) do
      Resource.one(body, "event", Event)
    end
  end

  @doc "Deletes an event (options as `update_event/4`)."
  @spec delete_event(t, String.t(), keyword) :: :ok | {:error, Exception.t()}
  def delete_event(%__MODULE__{} = calendar, event_id, options \\ []) do
    ok(
      Client.request(calendar.client, :delete, path(calendar, ["events", event_id]),
        query: scope(options),
        headers: if_match(options)
      )
    )
  end

  # ── Sync (SPEC §11) ─────────────────────────────────────────────────────────────────────────

  @doc """
  What changed since `sync_token` (nil: everything — a full sync), fetching every page of the
  round (`limit:` sets the page size, default 100). Keep the result's `next_sync_token` for the
  next call. A token the server no longer knows gives `{:error, %SD.SyncTokenExpiredError{}}`:
  sync again from nil.
  """
  @spec sync(t, String.t() | nil, keyword) :: result(SD.Sync.t())
  def sync(%__MODULE__{} = calendar, sync_token \\ nil, options \\ []) do
    with {:ok, changes, next} <- sync_pages(calendar, sync_token || "", Keyword.get(options, :limit, 100), 0, []) do
      {deleted, events} = Enum.split_with(changes, &match?(%{deleted: true}, &1))

      {:ok,
       %SD.Sync{
         events: events,
         deleted: Enum.map(deleted, & &1.id),
         changes: changes,
         next_sync_token: next,
         full: sync_token in [nil, ""]
       }}
    end
  end

  # Every page of one round; the last carries meta.next_sync_token.
  defp sync_pages(calendar, token, limit, offset, changes) do
    query = [sync_token: token, limit: limit, offset: offset]

    with {:ok, body} <- Client.request(calendar.client, :get, path(calendar, ["events"]), query: query),
         {:ok, items} <- list_of(body, "events"),
         {:ok, page} <- sync_items(items) do
      changes = changes ++ page

      meta = if is_map(body["meta"]), do: body["meta"], else: %{}
      # Pages are windows over the server's rows: a page may hold fewer items than its limit (rows
      # the caller may not see are left out), so the next page starts a whole page later.
      next_offset = offset + if(is_integer(meta["limit"]), do: meta["limit"], else: limit)

      cond do
        is_binary(meta["next_sync_token"]) ->
          {:ok, changes, meta["next_sync_token"]}

        if(is_integer(meta["total"]), do: next_offset >= meta["total"], else: items == []) ->
          {:error, SD.Client.invalid_response("a sync round ended without meta.next_sync_token", body)}

        true ->
          sync_pages(calendar, token, limit, next_offset, changes)
      end
    end
  end

  # Events as %SD.Event{}, deletions as %{id: id, deleted: true}, in the server's order.
  defp sync_items(items) do
    Enum.reduce_while(items, {:ok, []}, fn
      %{"deleted" => true, "id" => id}, {:ok, acc} ->
        {:cont, {:ok, [%{id: id, deleted: true} | acc]}}

      item, {:ok, acc} ->
        case Resource.build(Event, item) do
          {:ok, event} -> {:cont, {:ok, [event | acc]}}
          error -> {:halt, error}
        end
    end)
    |> case do
      {:ok, reversed} -> {:ok, Enum.reverse(reversed)}
      error -> error
    end
  end

  # ── Members ─────────────────────────────────────────────────────────────────────────────────

  @doc "Members with their roles (`limit:`, `offset:`)."
  @spec users(t, keyword) :: result([Member.t()])
  def users(%__MODULE__{} = calendar, page \\ []) do
    with {:ok, body} <- Client.request(calendar.client, :get, path(calendar, ["users"]), query: page) do
      Resource.many(body, "users", Member)
    end
  end

  @doc "Adds a member (`role:` `:owner | :admin | :member | :guest`, default member)."
  @spec add_user(t, String.t(), keyword) :: result(Member.t())
  def add_user(%__MODULE__{} = calendar, user_id, options \\ []) do
    with {:ok, body} <-
           Client.request(calendar.client, :post, path(calendar, ["users"]),
             body: Map.new(options) |> Map.put(:user_id, user_id)
           ) do
      Resource.one(body, "user", Member)
    end
  end

  @doc "Changes a member's role (`role:`)."
  @spec update_user(t, String.t(), map | keyword) :: result(Member.t())
  def update_user(%__MODULE__{} = calendar, user_id, change) do
    with {:ok, body} <- Client.request(calendar.client, :put, path(calendar, ["users", user_id]), body: Map.new(change)) do
      Resource.one(body, "user", Member)
    end
  end

  @doc "Removes a member (or, with your own id, leaves the calendar)."
  @spec remove_user(t, String.t()) :: :ok | {:error, Exception.t()}
  def remove_user(%__MODULE__{} = calendar, user_id),
    do: ok(Client.request(calendar.client, :delete, path(calendar, ["users", user_id])))

  # ── Event participants ──────────────────────────────────────────────────────────────────────

  @doc "An event's participants with role and RSVP."
  @spec event_users(t, String.t()) :: result([EventUser.t()])
  def event_users(%__MODULE__{} = calendar, event_id) do
    with {:ok, body} <- Client.request(calendar.client, :get, path(calendar, ["events", event_id, "users"])) do
      Resource.many(body, "users", EventUser)
    end
  end

  @doc "Adds a participant (`role:` defaults to the event's `default_role`; `rsvp:`)."
  @spec add_event_user(t, String.t(), String.t(), keyword) :: result(EventUser.t())
  def add_event_user(%__MODULE__{} = calendar, event_id, user_id, options \\ []) do
    body = options |> Map.new() |> Map.put(:user_id, user_id)

    with {:ok, body} <-
           Client.request(calendar.client, :post, path(calendar, ["events", event_id, "users"]), body: body) do
      Resource.one(body, "user", EventUser)
    end
  end

  @doc "Changes a participant's `role:` (editors) or `rsvp:` (each participant their own)."
  @spec update_event_user(t, String.t(), String.t(), map | keyword) :: result(EventUser.t())
  def update_event_user(%__MODULE__{} = calendar, event_id, user_id, change) do
    with {:ok, body} <-
           Client.request(calendar.client, :put, path(calendar, ["events", event_id, "users", user_id]),
             body: Map.new(change)
           ) do
      Resource.one(body, "user", EventUser)
    end
  end

  @doc "Removes a participant (editors), or leaves the event (yourself)."
  @spec remove_event_user(t, String.t(), String.t()) :: :ok | {:error, Exception.t()}
  def remove_event_user(%__MODULE__{} = calendar, event_id, user_id) do
    ok(Client.request(calendar.client, :delete, path(calendar, ["events", event_id, "users", user_id])))
  end

  # ── Helpers ─────────────────────────────────────────────────────────────────────────────────

  defp wrap(data, client) do
    with {:ok, calendar} <- Resource.build(__MODULE__, data), do: {:ok, %{calendar | client: client}}
  end

  defp list_of(body, key) do
    case Map.get(body, key) do
      list when is_list(list) -> {:ok, list}
      other -> {:error, SD.Client.invalid_response("no \"#{key}\" list", other)}
    end
  end

  defp path(calendar, rest \\ []),
    do: Enum.map_join(["/api/v1/calendars", Client.seg(calendar.id) | Enum.map(rest, &Client.seg/1)], "/", & &1)

  defp scope(options), do: if(options[:scope], do: [scope: options[:scope]], else: [])

  defp if_match(options) do
    case options[:if_match] do
      nil -> []
      tag -> [{"if-match", "\"" <> String.replace(to_string(tag), ~r/\A(W\/)?"|"\z/, "") <> "\""}]
    end
  end

  defp ok({:ok, _body}), do: :ok
  defp ok({:error, _} = error), do: error
end
