# frozen_string_literal: true

module SD
  # Client settings. Values set here win; unset ones fall back, at each request, to the
  # environment (SWEETDATE_URL, SWEETDATE_API_TOKEN) and then to the defaults.
  class Configuration
    DEFAULTS = { timeout: 30, max_retries: 2, retry_base_delay: 0.25, retry_max_delay: 10 }.freeze
    OPTIONS = %i[base_url token timeout max_retries retry_base_delay retry_max_delay headers].freeze

    # base_url          server origin, e.g. "https://cal.example.com" (a trailing /api/v1 is tolerated)
    # token             personal API token (web app → API tokens); false: send none
    # timeout           seconds per attempt for connecting, sending and each read (0 or nil: none)
    # max_retries       retries of GET/PUT/DELETE answered 429 or 503 (POST is never retried)
    # retry_base_delay  first backoff in seconds, doubled per retry, with jitter
    # retry_max_delay   longest wait in seconds; a longer Retry-After fails at once
    # headers           extra headers sent with every request
    attr_writer(*OPTIONS)

    def initialize(**options)
      update(**options)
    end

    def update(**options)
      options.each do |key, value|
        raise ArgumentError, "unknown SweetDate option #{key.inspect} (known: #{OPTIONS.join(', ')})" unless OPTIONS.include?(key)

        instance_variable_set("@#{key}", value)
      end
      self
    end

    def base_url
      url = @base_url || env("SWEETDATE_URL")
      raise ConfigurationError.new("SweetDate: no server URL; call SD.configure(base_url: …) or set SWEETDATE_URL", error_code: "CONFIGURATION_ERROR") if url.nil?

      url.strip.sub(%r{/+\z}, "").sub(%r{/api/v1\z}, "")
    end

    # nil falls back to SWEETDATE_API_TOKEN; false (or "") sends no token at all.
    def token
      return env("SWEETDATE_API_TOKEN") if @token.nil?

      @token == false || @token.to_s.empty? ? nil : @token
    end

    def timeout
      @timeout.nil? ? DEFAULTS[:timeout] : @timeout
    end

    def max_retries
      @max_retries || DEFAULTS[:max_retries]
    end

    def retry_base_delay
      @retry_base_delay || DEFAULTS[:retry_base_delay]
    end

    def retry_max_delay
      @retry_max_delay || DEFAULTS[:retry_max_delay]
    end

    def headers
      @headers || {}
    end

    private

    def env(name)
      value = ENV.fetch(name, nil)
      value.nil? || value.empty? ? nil : value
    end
  end
end
