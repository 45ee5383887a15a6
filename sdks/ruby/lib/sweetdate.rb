# frozen_string_literal: true

# The SweetDate calendar API for Ruby (standard library only: net/http and json).
#
#   require "sweetdate"
#   SD.configure(base_url: "https://cal.example.com", token: ENV["SWEETDATE_API_TOKEN"])
#   calendar = SD::Calendar.get("CALENDAR-ID")
#   events = calendar.events(limit: 25, offset: 0, q: "meeting")
#
# Without SD.configure the SDK reads SWEETDATE_URL and SWEETDATE_API_TOKEN.
require "erb"
require_relative "sweetdate/version"
require_relative "sweetdate/errors"
require_relative "sweetdate/configuration"
require_relative "sweetdate/client"
require_relative "sweetdate/resource"
require_relative "sweetdate/calendar"

module SD
  class << self
    # The default client, used when a call gets no `client:`.
    def client
      @client ||= Client.new
    end

    # SD.configure(base_url: "…", token: "…", timeout: 10)  or
    # SD.configure { |config| config.token = "…" }
    # Merges with earlier calls; an option set to nil falls back to the environment again.
    def configure(**options, &block)
      client.configure(**options, &block)
    end

    def config
      client.config
    end

    # Any API call through the default client (returns the parsed JSON).
    def request(method, path, **options)
      client.request(method, path, **options)
    end

    # ── Helpers shared by the resources (not part of the public API) ──────────────────────────

    # One path segment, percent-encoded.
    def segment(value)
      ERB::Util.url_encode(value.to_s)
    end

    # Attributes given as a Hash, as keywords, or both (keywords win; "title" and :title are one key).
    def attrs(hash, keywords)
      (hash || {}).transform_keys(&:to_s).merge(keywords.transform_keys(&:to_s))
    end

    def compact(hash)
      hash.reject { |_, value| value.nil? }
    end

    def if_match(sequence)
      sequence.nil? ? nil : { "if-match" => %("#{sequence.to_s.sub(%r{\AW/}, '').delete('"')}") }
    end

    # { status: "ok" } from the API's {"status":"ok"}.
    def ok(answer)
      { status: answer.fetch("status") }
    end
  end
end

# The long name, for code that prefers it: SweetDate::Calendar is SD::Calendar.
SweetDate = SD unless defined?(SweetDate)
