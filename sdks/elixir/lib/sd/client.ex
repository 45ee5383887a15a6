defmodule SD.Client do
  @moduledoc """
  Settings and transport: authentication, JSON, a per-attempt timeout, retries with backoff for
  idempotent calls answered 429/503, and errors mapped to `SD.Error` structs.

  The default client is configured by `SD.configure/1` (or `config :sweetdate, …`) and by the
  environment variables `SWEETDATE_URL` and `SWEETDATE_API_TOKEN`. For another user in the same
  node make a client of its own and pass it where a function takes `client`:

      client = SD.Client.new(base_url: "https://cal.example.com", token: "sdt_…")
      {:ok, calendar} = SD.Calendar.get("CALENDAR-ID", client)

  Options (explicit values win over `SD.configure/1`, which wins over the environment):

    * `:base_url` — server origin, e.g. `https://cal.example.com` (env `SWEETDATE_URL`; a trailing
      `/api/v1` is tolerated)
    * `:token` — personal API token (env `SWEETDATE_API_TOKEN`)
    * `:timeout` — milliseconds per attempt, from sending the request to its whole answer
      (default 30 000)
    * `:connect_timeout` — milliseconds to connect (default 10 000)
    * `:max_retries` — retries of GET/PUT/DELETE answered 429 or 503 (default 2; POST never)
    * `:retry_base_delay` — first backoff in milliseconds, doubled per retry, with jitter (default 250)
    * `:retry_max_delay` — longest wait in milliseconds; a longer `Retry-After` fails at once
      (default 10 000)
    * `:headers` — extra headers on every request, `[{"x-name", "value"}]`
    * `:sleep` — a 1-arity function called with the milliseconds to wait between retries
      (default `Process.sleep/1`; tests record the waits instead)
  """

  @defaults [
    base_url: nil,
    token: nil,
    timeout: 30_000,
    connect_timeout: 10_000,
    max_retries: 2,
    retry_base_delay: 250,
    retry_max_delay: 10_000,
    headers: [],
    sleep: nil
  ]
  @keys Keyword.keys(@defaults)
  @idempotent [:get, :put, :delete]
  @retryable [429, 503]

  # Every field nil = "not set here": resolved at each call from SD.configure/1, the environment, the defaults.
  defstruct Enum.map(@keys, &{&1, nil})

  @type t :: %__MODULE__{}
  @type method :: :get | :post | :put | :delete

  @doc "The option names a client (and `SD.configure/1`) accepts."
  def keys, do: @keys

  @doc "A client with these options; what is not given comes from `SD.configure/1` or the environment at each call."
  @spec new(keyword) :: t
  def new(options \\ []) do
    validate!(options)
    struct(__MODULE__, options)
  end

  @doc false
  def validate!(options) do
    case Keyword.keys(options) -- @keys do
      [] -> :ok
      unknown -> raise ArgumentError, "SweetDate: unknown option(s) #{inspect(unknown)}; known: #{inspect(@keys)}"
    end
  end

  @doc false
  # Accepts a client, a keyword list of options, or nil (the default client).
  def from(nil), do: %__MODULE__{}
  def from(%__MODULE__{} = client), do: client
  def from(options) when is_list(options), do: new(options)

  @doc """
  The settings the next request of `client` uses, after `SD.configure/1` and environment fallbacks;
  `{:error, %SD.ConfigurationError{}}` when no server URL is known.
  """
  @spec options(t) :: {:ok, map} | {:error, Exception.t()}
  def options(%__MODULE__{} = client) do
    resolved =
      Map.new(@defaults, fn {key, default} ->
        value =
          case Map.fetch!(client, key) do
            nil -> Application.get_env(:sweetdate, key) || env(key) || default
            explicit -> explicit
          end

        {key, value}
      end)

    case resolved.base_url do
      url when is_binary(url) and url != "" ->
        {:ok, %{resolved | base_url: normalize_base_url(url)}}

      _ ->
        {:error,
         %SD.ConfigurationError{
           message: "SweetDate: no server URL; call SD.configure(base_url: …) or set SWEETDATE_URL",
           error_code: "CONFIGURATION_ERROR"
         }}
    end
  end

  defp env(:base_url), do: non_empty(System.get_env("SWEETDATE_URL"))
  defp env(:token), do: non_empty(System.get_env("SWEETDATE_API_TOKEN"))
  defp env(_), do: nil

  defp non_empty(""), do: nil
  defp non_empty(value), do: value

  @doc false
  def normalize_base_url(url),
    do: url |> String.trim() |> String.trim_trailing("/") |> String.replace_suffix("/api/v1", "")

  @doc """
  Any API call with the client's auth, retries, timeout and error mapping. `path` is under the
  server origin (`/api/v1/...`); `query` a keyword list or map (nil values are left out).
  Returns the decoded JSON answer (a map with string keys).
  """
  @spec request(t | keyword | nil, method, String.t(), keyword) :: {:ok, map} | {:error, Exception.t()}
  def request(client, method, path, opts \\ []) do
    with {:ok, options} <- options(from(client)) do
      url = options.base_url <> path <> query_string(Keyword.get(opts, :query, []))

      headers =
        [
          {"accept", "application/json"},
          {"user-agent", "sweetdate-elixir/#{SD.version()}"}
        ] ++
          if(options.token in [nil, ""], do: [], else: [{"authorization", "Bearer " <> options.token}]) ++
          Keyword.get(opts, :headers, []) ++ options.headers

      body = if Keyword.has_key?(opts, :body), do: SD.JSON.encode!(Keyword.fetch!(opts, :body)), else: nil
      attempt_loop(options, method, url, headers, body, path, 0)
    end
  end

  defp attempt_loop(options, method, url, headers, body, path, attempt) do
    case attempt(options, method, url, headers, body) do
      {:ok, {status, answer_headers, text}} when status in 200..299 ->
        decode(method, path, status, answer_headers, text)

      {:ok, {status, answer_headers, text}} ->
        error = SD.Error.from_answer(status, text, answer_headers)

        with true <- method in @idempotent and status in @retryable and attempt < options.max_retries,
             delay when is_integer(delay) <-
               retry_delay(
                 attempt,
                 parse_retry_after(answer_headers["retry-after"]),
                 options.retry_base_delay,
                 options.retry_max_delay
               ) do
          (options.sleep || (&Process.sleep/1)).(delay)
          attempt_loop(options, method, url, headers, body, path, attempt + 1)
        else
          _ -> {:error, error}
        end

      {:error, error} ->
        {:error, error}
    end
  end

  defp attempt(options, method, url, headers, body) do
    {:ok, _} = Application.ensure_all_started(:inets)
    charlist_headers = Enum.map(headers, fn {name, value} -> {to_charlist(name), to_charlist(value)} end)

    request =
      if body == nil,
        do: {to_charlist(url), charlist_headers},
        else: {to_charlist(url), charlist_headers, ~c"application/json", body}

    http_options =
      [timeout: options.timeout, connect_timeout: options.connect_timeout, autoredirect: false] ++ ssl_options(url)

    case :httpc.request(method, request, http_options, body_format: :binary) do
      {:ok, {{_version, status, _reason}, answer_headers, text}} ->
        {:ok, {status, Map.new(answer_headers, fn {k, v} -> {String.downcase(to_string(k)), to_string(v)} end), text}}

      {:error, reason} when reason in [:timeout, :connect_timeout] ->
        {:error,
         %SD.TimeoutError{
           message: "SweetDate: #{verb(method)} #{url} got no answer within #{options.timeout} ms",
           error_code: "TIMEOUT",
           body: reason
         }}

      {:error, reason} ->
        {:error,
         %SD.ConnectionError{
           message: "SweetDate: #{verb(method)} #{url} failed: #{inspect(reason)}",
           error_code: "CONNECTION_ERROR",
           body: reason
         }}
    end
  end

  defp ssl_options("https:" <> _) do
    [
      ssl: [
        verify: :verify_peer,
        cacerts: :public_key.cacerts_get(),
        depth: 4,
        customize_hostname_check: [match_fun: :public_key.pkix_verify_hostname_match_fun(:https)]
      ]
    ]
  end

  defp ssl_options(_), do: []

  defp decode(method, path, status, headers, text) do
    case SD.JSON.decode(text) do
      {:ok, %{"status" => "ok"} = body} ->
        {:ok, body}

      {:ok, other} ->
        {:error,
         invalid(
           "SweetDate: unexpected answer to #{verb(method)} #{path}: no \"status\": \"ok\"",
           status,
           headers,
           other
         )}

      {:error, reason} ->
        {:error,
         invalid(
           "SweetDate: #{verb(method)} #{path} answered #{status} with a body that is not JSON (#{reason})",
           status,
           headers,
           text
         )}
    end
  end

  defp invalid(message, status, headers, body) do
    %SD.InvalidResponseError{
      message: message,
      status: status,
      error_code: "INVALID_RESPONSE",
      request_id: headers["x-request-id"],
      body: body
    }
  end

  defp verb(method), do: method |> Atom.to_string() |> String.upcase()

  @doc false
  def invalid_response(message, body) do
    %SD.InvalidResponseError{
      message: "SweetDate: unexpected answer: " <> message,
      status: 200,
      error_code: "INVALID_RESPONSE",
      body: body
    }
  end

  @doc "Retry-After as seconds (delta-seconds or an HTTP date); nil when absent or unreadable."
  @spec parse_retry_after(String.t() | nil, integer | nil) :: non_neg_integer | nil
  def parse_retry_after(header, now \\ nil)
  def parse_retry_after(nil, _now), do: nil

  def parse_retry_after(header, now) do
    header = String.trim(header)

    cond do
      header =~ ~r/\A\d+\z/ ->
        String.to_integer(header)

      true ->
        case :httpd_util.convert_request_date(to_charlist(header)) do
          :bad_date ->
            nil

          datetime ->
            seconds = :calendar.datetime_to_gregorian_seconds(datetime) - 62_167_219_200
            max(0, seconds - (now || System.os_time(:second)))
        end
    end
  end

  @doc """
  Milliseconds to wait before retry number `attempt` (0-based), or nil to give up: the server's
  Retry-After when given (give up when it exceeds the cap), else exponential backoff with equal
  jitter (between ½ and 1 × base · 2^attempt, capped).
  """
  @spec retry_delay(non_neg_integer, non_neg_integer | nil, number, number, float | nil) :: non_neg_integer | nil
  def retry_delay(attempt, retry_after, base, max, random \\ nil)

  def retry_delay(_attempt, retry_after, _base, max, _random) when is_integer(retry_after) do
    if retry_after * 1000 > max, do: nil, else: retry_after * 1000
  end

  def retry_delay(attempt, nil, base, max, random) do
    ceiling = min(max, base * Integer.pow(2, attempt))
    round(ceiling / 2 + (random || :rand.uniform()) * ceiling / 2)
  end

  @doc false
  def query_string(query) do
    pairs =
      for {key, value} <- query, value != nil do
        URI.encode(to_string(key), &URI.char_unreserved?/1) <>
          "=" <> URI.encode(to_string(value), &URI.char_unreserved?/1)
      end

    if pairs == [], do: "", else: "?" <> Enum.join(pairs, "&")
  end

  @doc false
  def seg(value), do: URI.encode(value, &URI.char_unreserved?/1)

  defimpl Inspect do
    # Never print the token (a calendar carries its client; IO.inspect must not leak it).
    def inspect(client, opts) do
      shown = client |> Map.from_struct() |> Enum.reject(fn {_k, v} -> v in [nil, []] end) |> Map.new()
      shown = if shown[:token], do: %{shown | token: "[redacted]"}, else: shown
      Inspect.Algebra.concat(["#SD.Client<", Inspect.Algebra.to_doc(shown, opts), ">"])
    end
  end
end
