# frozen_string_literal: true

# Runs against a live SweetDate server: e2e/sdk/ruby.spec.ts starts one (`npm test`) and sets
#   SWEETDATE_URL, SWEETDATE_API_TOKEN, SWEETDATE_USER_ID                        a fresh user
#   SWEETDATE_OTHER_API_TOKEN, SWEETDATE_OTHER_USER_ID, SWEETDATE_OTHER_EMAIL   a second one
# Every test makes its own calendars. Results are checked over plain Net::HTTP (Raw), not only
# through the SDK under test.
require "minitest/autorun"
require "json"
require "net/http"
require "sweetdate"

module TestEnv
  def self.fetch(name)
    value = ENV.fetch(name, "")
    abort "#{name} is not set: run this suite through e2e/sdk/ruby.spec.ts or set it yourself (see docs/sdk.md)" if value.empty?
    value
  end

  URL = fetch("SWEETDATE_URL")
  TOKEN = fetch("SWEETDATE_API_TOKEN")
  USER_ID = fetch("SWEETDATE_USER_ID")
  OTHER_TOKEN = fetch("SWEETDATE_OTHER_API_TOKEN")
  OTHER_USER_ID = fetch("SWEETDATE_OTHER_USER_ID")
  OTHER_EMAIL = fetch("SWEETDATE_OTHER_EMAIL")
end

# The API without the SDK: [status, parsed body].
module Raw
  def self.call(method, path, token: TestEnv::TOKEN, body: nil)
    uri = URI("#{TestEnv::URL}#{path}")
    request = Net::HTTPGenericRequest.new(method.to_s.upcase, !body.nil?, true, uri.request_uri)
    request["authorization"] = "Bearer #{token}" if token
    request["accept"] = "application/json"
    if body
      request["content-type"] = "application/json"
      request.body = JSON.generate(body)
    end
    response = Net::HTTP.start(uri.host, uri.port, read_timeout: 60) { |http| http.request(request) }
    [response.code.to_i, response.body.to_s.empty? ? nil : JSON.parse(response.body)]
  end

  def self.ok!(method, path, expected_status: nil, **options)
    status, body = call(method, path, **options)
    raise "#{method} #{path} → #{status}: #{body.inspect}" unless expected_status ? status == expected_status : status.between?(200, 299)

    body
  end

  def self.calendar(name = "Ruby SDK test", token: TestEnv::TOKEN, **attrs)
    ok!(:post, "/api/v1/calendars", token: token, body: { name: name, **attrs }).fetch("calendar")
  end

  def self.event(calendar_id, token: TestEnv::TOKEN, **attrs)
    body = { title: "Event", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z", **attrs }
    ok!(:post, "/api/v1/calendars/#{calendar_id}/events", token: token, body: body).fetch("event")
  end

  def self.get_event(calendar_id, event_id, token: TestEnv::TOKEN)
    call(:get, "/api/v1/calendars/#{calendar_id}/events/#{event_id}", token: token)
  end
end

module SDTestHelpers
  # A client for the second user (the default SD client stays with the first, from the environment).
  def other_client
    SD::Client.new(base_url: TestEnv::URL, token: TestEnv::OTHER_TOKEN)
  end

  def new_calendar(**attrs)
    SD::Calendar.get(Raw.calendar(**attrs).fetch("id"))
  end
end

Minitest::Test.include(SDTestHelpers)
