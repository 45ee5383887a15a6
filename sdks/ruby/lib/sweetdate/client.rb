# frozen_string_literal: true

require "json"
require "net/http"
require "openssl"
require "time"
require "uri"

module SD
  # One connection setting (server, token, timeouts, retries) and the HTTP behind every call:
  # JSON in and out, typed errors, a per-attempt timeout, retries of idempotent calls on 429/503.
  # `SD.client` is the default one (set up by `SD.configure`); make more for several users:
  #   other = SD::Client.new(base_url: "https://cal.example.com", token: "…")
  #   SD::Calendar.get("CALENDAR-ID", client: other)
  class Client
    IDEMPOTENT = %w[GET PUT DELETE].freeze
    RETRYABLE_STATUS = [429, 503].freeze
    NETWORK_ERRORS = [SocketError, SystemCallError, IOError, EOFError, OpenSSL::SSL::SSLError, Net::HTTPBadResponse].freeze

    attr_reader :config

    def initialize(config = nil, **options)
      @config = config || Configuration.new
      @config.update(**options) unless options.empty?
    end

    # Changes settings: `client.configure(token: "…")` or with a block yielding the configuration.
    def configure(**options)
      @config.update(**options)
      yield @config if block_given?
      self
    end

    # Any API call with this client's auth, retries and timeout; returns the parsed JSON (a Hash
    # with string keys). `path` is under the origin, e.g. "/api/v1/calendars".
    def request(method, path, query: nil, body: nil, headers: nil)
      method = method.to_s.upcase
      uri = build_uri(path, query)
      attempt = 0
      loop do
        response = perform(method, uri, body, headers)
        status = response.code.to_i
        return parse(method, path, response) if status.between?(200, 299)

        error = failure(response)
        if IDEMPOTENT.include?(method) && RETRYABLE_STATUS.include?(status) && attempt < config.max_retries
          delay = Client.retry_delay(attempt, Client.parse_retry_after(response["retry-after"]), config)
          unless delay.nil?
            sleep(delay)
            attempt += 1
            next
          end
        end
        raise error
      end
    end

    %w[get post put delete].each do |verb|
      define_method(verb) { |path, **kw| request(verb, path, **kw) }
    end

    # Retry-After as seconds (delta-seconds or an HTTP date); nil when absent or unreadable.
    def self.parse_retry_after(value, now = Time.now)
      return nil if value.nil? || value.strip.empty?
      return value.strip.to_i if value.strip.match?(/\A\d+\z/)

      [(Time.httpdate(value) - now).ceil, 0].max
    rescue ArgumentError
      nil
    end

    # Seconds to wait before retry number `attempt` (0-based), or nil to give up: the server's
    # Retry-After when given (give up when it exceeds retry_max_delay), else exponential backoff
    # with equal jitter (between ½ and 1 × base · 2^attempt, capped).
    def self.retry_delay(attempt, retry_after, config, random = Random)
      return(retry_after > config.retry_max_delay ? nil : retry_after) unless retry_after.nil?

      ceiling = [config.retry_max_delay, config.retry_base_delay * (2**attempt)].min
      (ceiling / 2.0) + (random.rand * ceiling / 2.0)
    end

    private

    def build_uri(path, query)
      uri = URI.parse("#{config.base_url}#{path}")
      params = (query || {}).reject { |_, value| value.nil? }.map { |key, value| [key.to_s, value.to_s] }
      uri.query = URI.encode_www_form(params) unless params.empty?
      uri
    end

    def perform(method, uri, body, extra_headers)
      request = Net::HTTPGenericRequest.new(method, !body.nil?, method != "HEAD", uri.request_uri)
      request["accept"] = "application/json"
      request["user-agent"] = "sweetdate-ruby/#{VERSION}"
      config.headers.each { |key, value| request[key.to_s] = value.to_s }
      (extra_headers || {}).each { |key, value| request[key.to_s] = value.to_s }
      request["authorization"] = "Bearer #{config.token}" if config.token
      unless body.nil?
        request["content-type"] = "application/json"
        request.body = JSON.generate(body)
      end
      http = Net::HTTP.new(uri.host, uri.port)
      http.use_ssl = uri.scheme == "https"
      timeout = config.timeout
      if timeout && timeout.positive?
        http.open_timeout = timeout
        http.read_timeout = timeout
        http.write_timeout = timeout
        http.ssl_timeout = timeout if http.use_ssl?
      end
      http.max_retries = 0 # Net::HTTP would silently repeat idempotent requests on network errors
      http.start { |connection| connection.request(request) }
    rescue Net::OpenTimeout, Net::ReadTimeout, Net::WriteTimeout => e
      raise TimeoutError.new("SweetDate: #{method} #{uri} got no answer within #{timeout} s (#{e.class})", error_code: "TIMEOUT")
    rescue *NETWORK_ERRORS => e
      raise ConnectionError.new("SweetDate: #{method} #{uri} failed: #{e.message}", error_code: "CONNECTION_ERROR")
    end

    def parse(method, path, response)
      text = response.body.to_s
      JSON.parse(text)
    rescue JSON::ParserError
      raise Error.new("SweetDate: #{method} #{path} answered #{response.code} with a body that is not JSON",
                      status: response.code.to_i, error_code: "INVALID_RESPONSE", request_id: response["x-request-id"], body: text)
    end

    def failure(response)
      status = response.code.to_i
      body = begin
        JSON.parse(response.body.to_s)
      rescue JSON::ParserError
        response.body.to_s
      end
      shaped = body.is_a?(Hash) ? body : {}
      message = shaped["message"].is_a?(String) ? shaped["message"] : "HTTP #{status}"
      SD.error_for(message, status: status,
                            error_code: shaped["error_code"].is_a?(String) ? shaped["error_code"] : nil,
                            fields: shaped["fields"].is_a?(Hash) ? shaped["fields"] : nil,
                            request_id: response["x-request-id"],
                            retry_after: Client.parse_retry_after(response["retry-after"]),
                            body: body)
    end
  end
end
