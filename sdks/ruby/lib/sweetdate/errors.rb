# frozen_string_literal: true

module SD
  # Base class of everything the SDK raises. `status` is the HTTP status (0 when no answer came),
  # `error_code` the API's code (or the SDK's own: TIMEOUT, CONNECTION_ERROR, INVALID_RESPONSE,
  # CONFIGURATION_ERROR, HTTP_ERROR), `request_id` the server's x-request-id, `body` the parsed answer.
  class Error < StandardError
    attr_reader :status, :error_code, :fields, :request_id, :body

    def initialize(message = nil, status: 0, error_code: nil, fields: nil, request_id: nil, body: nil)
      super(message)
      @status = status
      @error_code = error_code
      @fields = fields
      @request_id = request_id
      @body = body
    end
  end

  # 400: the request could not be read (malformed JSON …).
  class BadRequestError < Error; end
  # 401: missing, invalid or revoked token.
  class AuthenticationError < Error; end
  # 403: you can see it but may not do this.
  class PermissionError < Error; end
  # 404: unknown, foreign or malformed id (the API never reveals which).
  class NotFoundError < Error; end
  # 409: conflicts with the current state (already a member …).
  class ConflictError < Error; end
  # 410 SYNC_TOKEN_EXPIRED: the sync token is unknown, foreign or expired; start over with `sync(nil)`.
  class SyncTokenExpiredError < Error; end
  # 412: `if_match` no longer matches: someone changed the event since you read it.
  class PreconditionFailedError < Error; end

  # 422: the input was rejected; `fields` maps each field to its messages,
  # e.g. { "ends_at" => ["must be after starts_at"] }.
  class ValidationError < Error
    def initialize(message = nil, **details)
      details[:fields] ||= {}
      super(message, **details)
    end
  end

  # 429: too many requests; `retry_after` is the server's Retry-After in seconds (nil when not sent).
  class RateLimitError < Error
    attr_reader :retry_after

    def initialize(message = nil, retry_after: nil, **details)
      super(message, **details)
      @retry_after = retry_after
    end
  end

  # 5xx: the server failed.
  class ServerError < Error; end
  # No answer within the configured timeout (status 0).
  class TimeoutError < Error; end
  # The server could not be reached (DNS, refused, reset …; status 0).
  class ConnectionError < Error; end
  # No server URL configured.
  class ConfigurationError < Error; end

  ERROR_CLASSES = {
    "BAD_REQUEST" => BadRequestError,
    "UNAUTHORIZED" => AuthenticationError,
    "FORBIDDEN" => PermissionError,
    "READ_ONLY" => PermissionError,
    "NOT_FOUND" => NotFoundError,
    "CONFLICT" => ConflictError,
    "SYNC_TOKEN_EXPIRED" => SyncTokenExpiredError,
    "PRECONDITION_FAILED" => PreconditionFailedError,
    "VALIDATION_ERROR" => ValidationError,
    "RATE_LIMITED" => RateLimitError,
    "INTERNAL_ERROR" => ServerError
  }.freeze

  CODES_BY_STATUS = {
    400 => "BAD_REQUEST", 401 => "UNAUTHORIZED", 403 => "FORBIDDEN", 404 => "NOT_FOUND",
    409 => "CONFLICT", 410 => "SYNC_TOKEN_EXPIRED", 412 => "PRECONDITION_FAILED",
    413 => "PAYLOAD_TOO_LARGE", 415 => "UNSUPPORTED_MEDIA_TYPE", 422 => "VALIDATION_ERROR",
    429 => "RATE_LIMITED", 500 => "INTERNAL_ERROR"
  }.freeze

  # The error for an HTTP failure: by the body's error_code, else by status.
  def self.error_for(message, status:, error_code: nil, retry_after: nil, **details)
    code = error_code || CODES_BY_STATUS[status] || "HTTP_ERROR"
    klass = ERROR_CLASSES[code] || (status >= 500 ? ServerError : Error)
    details = details.merge(retry_after: retry_after) if klass <= RateLimitError
    klass.new(message, status: status, error_code: code, **details)
  end
end
