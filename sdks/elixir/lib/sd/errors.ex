defmodule SD.Error do
  @moduledoc """
  Every failure is returned as `{:error, exception}`, the exception one of the modules below, each
  with the same fields:

    * `:status` — the HTTP status (0 when no answer arrived)
    * `:error_code` — the API's code (`"NOT_FOUND"` …) or the SDK's own (`"TIMEOUT"`,
      `"CONNECTION_ERROR"`, `"INVALID_RESPONSE"`, `"CONFIGURATION_ERROR"`, `"HTTP_ERROR"`)
    * `:message` — the server's message
    * `:fields` — validation messages by field (`SD.ValidationError` only), e.g.
      `%{"ends_at" => ["must be after starts_at"]}`
    * `:retry_after` — seconds from `Retry-After` (`SD.RateLimitError`), or nil
    * `:request_id` — the server's `x-request-id`, to quote when reporting a problem
    * `:body` — the decoded answer (or its text when it was not JSON)

      case SD.Calendar.get_event(calendar, id) do
        {:ok, event} -> event
        {:error, %SD.NotFoundError{}} -> nil
        {:error, %SD.ValidationError{fields: fields}} -> …
      end

  | Module | When |
  |---|---|
  | `SD.BadRequestError` | 400 — the request could not be read |
  | `SD.AuthenticationError` | 401 — missing, invalid or revoked token |
  | `SD.PermissionError` | 403 — you can see it but may not do this |
  | `SD.NotFoundError` | 404 — unknown, foreign or malformed id |
  | `SD.ConflictError` | 409 — already a member, last owner, concurrent change |
  | `SD.SyncTokenExpiredError` | 410 — the sync token is no longer valid: sync from scratch |
  | `SD.PreconditionFailedError` | 412 — `if_match` is stale |
  | `SD.ValidationError` | 422 — with `fields` |
  | `SD.RateLimitError` | 429 — with `retry_after` |
  | `SD.ServerError` | 5xx |
  | `SD.TimeoutError` | no answer within the timeout |
  | `SD.ConnectionError` | the server could not be reached |
  | `SD.InvalidResponseError` | an answer the SDK cannot read |
  | `SD.ConfigurationError` | no server URL, unknown option |
  | `SD.Error` | any other status (413, 415, …) |
  """

  @fields [message: nil, status: 0, error_code: "HTTP_ERROR", fields: %{}, retry_after: nil, request_id: nil, body: nil]

  @doc false
  def fields, do: @fields

  @modules [
    SD.Error,
    SD.BadRequestError,
    SD.AuthenticationError,
    SD.PermissionError,
    SD.NotFoundError,
    SD.ConflictError,
    SD.SyncTokenExpiredError,
    SD.PreconditionFailedError,
    SD.ValidationError,
    SD.RateLimitError,
    SD.ServerError,
    SD.TimeoutError,
    SD.ConnectionError,
    SD.InvalidResponseError,
    SD.ConfigurationError
  ]

  @doc "Whether `term` is one of the SDK's error structs."
  def error?(%module{}) when module in @modules, do: true
  def error?(_), do: false

  defexception @fields

  @by_code %{
    "BAD_REQUEST" => SD.BadRequestError,
    "UNAUTHORIZED" => SD.AuthenticationError,
    "FORBIDDEN" => SD.PermissionError,
    "NOT_FOUND" => SD.NotFoundError,
    "CONFLICT" => SD.ConflictError,
    "SYNC_TOKEN_EXPIRED" => SD.SyncTokenExpiredError,
    "PRECONDITION_FAILED" => SD.PreconditionFailedError,
    "VALIDATION_ERROR" => SD.ValidationError,
    "RATE_LIMITED" => SD.RateLimitError,
    "INTERNAL_ERROR" => SD.ServerError
  }

  @code_by_status %{
    400 => "BAD_REQUEST",
    401 => "UNAUTHORIZED",
    403 => "FORBIDDEN",
    404 => "NOT_FOUND",
    409 => "CONFLICT",
    410 => "SYNC_TOKEN_EXPIRED",
    412 => "PRECONDITION_FAILED",
    413 => "PAYLOAD_TOO_LARGE",
    415 => "UNSUPPORTED_MEDIA_TYPE",
    422 => "VALIDATION_ERROR",
    429 => "RATE_LIMITED",
    500 => "INTERNAL_ERROR"
  }

  @doc false
  # The exception for an HTTP failure: by the body's error_code, else by status.
  def from_answer(status, text, headers) do
    body =
      case SD.JSON.decode(text) do
        {:ok, decoded} when is_map(decoded) -> decoded
        _ -> text
      end

    shaped = if is_map(body), do: body, else: %{}
    message = if is_binary(shaped["message"]), do: shaped["message"], else: "HTTP #{status}"

    code =
      if is_binary(shaped["error_code"]), do: shaped["error_code"], else: Map.get(@code_by_status, status, "HTTP_ERROR")

    fields =
      case shaped["fields"] do
        %{} = fields -> Map.new(fields, fn {field, messages} -> {field, List.wrap(messages)} end)
        _ -> %{}
      end

    module = Map.get(@by_code, code) || if(status >= 500, do: SD.ServerError, else: SD.Error)

    struct(module,
      message: message,
      status: status,
      error_code: code,
      fields: fields,
      retry_after: SD.Client.parse_retry_after(headers["retry-after"]),
      request_id: headers["x-request-id"],
      body: body
    )
  end
end

for {module, doc} <- [
      {SD.BadRequestError, "400: the request could not be read (malformed JSON, empty body …)."},
      {SD.AuthenticationError, "401: missing, invalid or revoked token."},
      {SD.PermissionError, "403: you can see it but may not do this."},
      {SD.NotFoundError, "404: unknown, foreign or malformed id (the API never reveals which)."},
      {SD.ConflictError, "409: conflicts with the current state (already a member, last owner, concurrent change …)."},
      {SD.SyncTokenExpiredError, "410: the sync token is unknown, malformed, foreign or expired: sync again from nil."},
      {SD.PreconditionFailedError, "412: `if_match` no longer matches: someone changed the event since you read it."},
      {SD.ValidationError, "422: the input was rejected; `fields` maps each field to its messages."},
      {SD.RateLimitError, "429: too many requests; `retry_after` is the server's Retry-After in seconds (when sent)."},
      {SD.ServerError, "5xx: the server failed; safe to retry later."},
      {SD.TimeoutError, "No answer within the timeout (status 0, `TIMEOUT`)."},
      {SD.ConnectionError, "The server could not be reached: DNS, refused, reset … (status 0, `CONNECTION_ERROR`)."},
      {SD.InvalidResponseError, "The server answered something the SDK cannot read (`INVALID_RESPONSE`)."},
      {SD.ConfigurationError, "No server URL or an unknown option (`CONFIGURATION_ERROR`)."}
    ] do
  defmodule module do
    @moduledoc doc <> " See `SD.Error` for the fields."
    defexception SD.Error.fields()
  end
end
