defmodule SD.Resource do
  @moduledoc false
  # Wire objects (string-keyed maps) → the SDK's structs; missing required fields → INVALID_RESPONSE.
  # Fields the SDK does not know yet (a newer server's) are kept in `extra` and come back in to_map.

  @doc "Builds `module`'s struct from a wire map, or `{:error, %SD.InvalidResponseError{}}`."
  def build(module, data) when is_map(data) do
    case Enum.reject(module.__required__(), &Map.has_key?(data, Atom.to_string(&1))) do
      [] ->
        known = module.__fields__()
        fields = for key <- known, into: %{}, do: {key, Map.get(data, Atom.to_string(key))}
        {:ok, struct(module, Map.put(fields, :extra, Map.drop(data, Enum.map(known, &Atom.to_string/1))))}

      missing ->
        {:error, SD.Client.invalid_response("#{inspect(module)} without #{Enum.join(missing, ", ")}", data)}
    end
  end

  def build(module, other), do: {:error, SD.Client.invalid_response("expected a #{inspect(module)} object", other)}

  @doc "Builds every item, or the first error."
  def build_all(module, items) when is_list(items) do
    Enum.reduce_while(items, {:ok, []}, fn item, {:ok, acc} ->
      case build(module, item) do
        {:ok, built} -> {:cont, {:ok, [built | acc]}}
        error -> {:halt, error}
      end
    end)
    |> case do
      {:ok, built} -> {:ok, Enum.reverse(built)}
      error -> error
    end
  end

  def build_all(module, other), do: {:error, SD.Client.invalid_response("expected a list of #{inspect(module)}", other)}

  @doc "The object under `key` of an envelope, as `module`'s struct."
  def one(body, key, module), do: build(module, Map.get(body, key))

  @doc "The list under `key` of an envelope, as `module`'s structs."
  def many(body, key, module), do: build_all(module, Map.get(body, key))

  @doc "Back to the wire map (string keys), fields the SDK does not know included."
  def to_map(%_{} = struct, fields) do
    Map.merge(
      Map.get(struct, :extra) || %{},
      for(key <- fields, into: %{}, do: {Atom.to_string(key), Map.get(struct, key)})
    )
  end

  defmacro __using__(fields: fields, required: required) do
    quote do
      defstruct unquote(fields) ++ [extra: %{}]
      @doc false
      def __fields__, do: unquote(fields)
      @doc false
      def __required__, do: unquote(required)
      @doc "The wire object (string keys), e.g. to store or send elsewhere."
      def to_map(%__MODULE__{} = resource), do: SD.Resource.to_map(resource, unquote(fields))
    end
  end
end

defmodule SD.Event do
  @moduledoc """
  An event, or an occurrence of a recurring one (`id` `"<series id>_<20250821T090000Z>"`). The
  fields are the API's, with the API's values (`status: "tentative"`, times as ISO 8601 strings
  such as `"2025-08-21T09:00:00Z"`): `id`, `calendar_id`, `title`, `description`, `location`,
  `starts_at`, `ends_at`, `all_day`, `time_zone`, `status`, `visibility`, `recurrence_rule`,
  `inserted_at`, `updated_at`, `stakeholder`, `default_role`, `tags`, `rrule`,
  `recurring_event_id`, `original_starts_at`, `sequence` (pass it back as `if_match:`),
  `editable`, `rsvp` (your own answer, nil for the organiser), and — when the server sends them —
  `exdates` (a series' removed occurrences, in sync rounds), `ics_feed_id` and `reminders` (a list of
  `%{"minutes_before" => n}`). Fields a newer
  server adds are in `extra` (string keys) until the SDK knows them; `to_map/1` includes them.
  """
  use SD.Resource,
    fields: [
      :id,
      :calendar_id,
      :title,
      :description,
      :location,
      :starts_at,
      :ends_at,
      :all_day,
      :time_zone,
      :status,
      :visibility,
      :recurrence_rule,
      :inserted_at,
      :updated_at,
      :stakeholder,
      :default_role,
      :tags,
      :rrule,
      :recurring_event_id,
      :original_starts_at,
      :sequence,
      :editable,
      :rsvp,
      :exdates,
      :ics_feed_id,
      :reminders
    ],
    required: [:id, :calendar_id, :title, :starts_at, :ends_at]

  @type t :: %__MODULE__{}
end

defmodule SD.User do
  @moduledoc "A user of the installation: `id`, `email`, `name`, `time_zone`, `inserted_at`, `updated_at`."
  use SD.Resource, fields: [:id, :email, :name, :time_zone, :inserted_at, :updated_at], required: [:id, :email, :name]
  @type t :: %__MODULE__{}
end

defmodule SD.Member do
  @moduledoc "A calendar member: the user's fields plus `role` (`\"owner\"`, `\"admin\"`, `\"member\"`, `\"guest\"`)."
  use SD.Resource,
    fields: [:id, :email, :name, :time_zone, :inserted_at, :updated_at, :role],
    required: [:id, :email, :name, :role]

  @type t :: %__MODULE__{}
end

defmodule SD.EventUser do
  @moduledoc """
  An event participant: the user's fields plus `role` (`"editor"`, `"viewer"`,
  `"collaboration_complete"`) and `rsvp` (`"needs_action"`, `"accepted"`, `"declined"`, `"tentative"`).
  """
  use SD.Resource,
    fields: [:id, :email, :name, :time_zone, :inserted_at, :updated_at, :role, :rsvp],
    required: [:id, :email, :name, :role, :rsvp]

  @type t :: %__MODULE__{}
end

defmodule SD.Page do
  @moduledoc "One page of a list: `items` and the server's `meta` (`%{limit: …, offset: …, total: …}`)."
  defstruct items: [], meta: %{limit: 0, offset: 0, total: 0}
  @type t :: %__MODULE__{items: list, meta: %{limit: integer, offset: integer, total: integer}}

  @doc false
  def from_body(body, key, module) do
    with {:ok, items} <- SD.Resource.many(body, key, module) do
      case Map.get(body, "meta") do
        %{"limit" => limit, "offset" => offset, "total" => total}
        when is_integer(limit) and is_integer(offset) and is_integer(total) ->
          {:ok, %__MODULE__{items: items, meta: %{limit: limit, offset: offset, total: total}}}

        _ ->
          {:error, SD.Client.invalid_response("no \"meta\" with limit, offset and total", body)}
      end
    end
  end

  @doc "Whether a page after this one (offset + limit) can hold more items."
  def more?(%__MODULE__{items: items, meta: meta}), do: items != [] and meta.offset + meta.limit < meta.total
end

defmodule SD.Sync do
  @moduledoc """
  One sync round (`SD.Calendar.sync/3`): what changed since the token given (everything when it
  was nil). `events` are stored items — series masters (with `exdates`) and overrides, not
  expanded occurrences — created or changed since; `deleted` the ids deleted or no longer
  visible to you; `changes` both, in the server's order (a deletion as `%{id: id, deleted: true}`);
  `next_sync_token` the token for the next round; `full` is true for a full sync (no token given):
  `events` is then the whole calendar.
  """
  defstruct events: [], deleted: [], changes: [], next_sync_token: nil, full: false

  @type t :: %__MODULE__{
          events: [SD.Event.t()],
          deleted: [String.t()],
          changes: [SD.Event.t() | %{id: String.t(), deleted: true}],
          next_sync_token: String.t(),
          full: boolean
        }
end
