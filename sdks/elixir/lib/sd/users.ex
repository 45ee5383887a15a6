defmodule SD.Users do
  @moduledoc "People: search the installation's users (to add them to calendars and events), and yourself."
  alias SD.{Client, Resource}

  @doc "Users whose name or email matches `q` (`limit:`, `offset:`)."
  @spec search(String.t() | nil, keyword, SD.Calendar.client()) :: {:ok, [SD.User.t()]} | {:error, Exception.t()}
  def search(q \\ nil, page \\ [], client \\ nil) do
    with {:ok, body} <- Client.request(Client.from(client), :get, "/api/v1/users", query: [q: q] ++ page) do
      Resource.many(body, "users", SD.User)
    end
  end

  @doc "The user the token belongs to."
  @spec me(SD.Calendar.client()) :: {:ok, SD.User.t()} | {:error, Exception.t()}
  def me(client \\ nil) do
    with {:ok, body} <- Client.request(Client.from(client), :get, "/api/v1/me"), do: Resource.one(body, "user", SD.User)
  end
end

defmodule SD.Events do
  @moduledoc "Events across every calendar you can see (what the web app's views use)."
  alias SD.{Client, Page}

  @doc "Like `SD.Calendar.events/2`, across all your calendars."
  @spec list(keyword, SD.Calendar.client()) :: {:ok, [SD.Event.t()]} | {:error, Exception.t()}
  def list(options \\ [], client \\ nil) do
    with {:ok, page} <- page(options, client), do: {:ok, page.items}
  end

  @doc "One page with its meta."
  @spec page(keyword, SD.Calendar.client()) :: {:ok, Page.t()} | {:error, Exception.t()}
  def page(options \\ [], client \\ nil) do
    with {:ok, body} <- Client.request(Client.from(client), :get, "/api/v1/events", query: options) do
      Page.from_body(body, "events", SD.Event)
    end
  end
end
