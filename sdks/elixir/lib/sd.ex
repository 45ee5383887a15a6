defmodule SD do
  @moduledoc """
  Elixir SDK for the SweetDate calendar API.

      SD.configure(base_url: "https://cal.example.com", token: "sdt_…")
      # or: config :sweetdate, base_url: …, token: …   or SWEETDATE_URL / SWEETDATE_API_TOKEN

      {:ok, calendar} = SD.Calendar.get("CALENDAR-ID")
      {:ok, events} = SD.Calendar.events(calendar, limit: 25, offset: 0, q: "meeting")

  See `SD.Calendar`, `SD.Users`, `SD.Events`, `SD.Client` (options, several users) and
  `SD.Error` (the error structs).
  """

  @version Mix.Project.config()[:version]

  @doc "The SDK's version, which follows the API's."
  def version, do: @version

  @doc """
  Sets options of the default client (see `SD.Client` for the keys), merged into earlier calls;
  a key given as nil falls back to the environment again.
  """
  @spec configure(keyword) :: :ok
  def configure(options) do
    SD.Client.validate!(options)

    Enum.each(options, fn
      {key, nil} -> Application.delete_env(:sweetdate, key)
      {key, value} -> Application.put_env(:sweetdate, key, value)
    end)
  end
end
