# frozen_string_literal: true

require "test_helper"
require "fake_server"

# Every API error as a typed exception, against the live server.
class LiveErrorsTest < Minitest::Test
  def test_not_found_for_unknown_foreign_and_malformed_ids
    calendar = new_calendar
    error = assert_raises(SD::NotFoundError) { SD::Calendar.get("00000000-0000-0000-0000-000000000000") }
    assert_equal [404, "NOT_FOUND"], [error.status, error.error_code]
    assert_raises(SD::NotFoundError) { calendar.get_event("00000000-0000-0000-0000-000000000000") }
    assert_raises(SD::NotFoundError) { calendar.get_event("not a uuid/../..") }
    foreign = Raw.calendar(token: TestEnv::OTHER_TOKEN).fetch("id")
    assert_raises(SD::NotFoundError) { SD::Calendar.get(foreign) }
    assert_kind_of SD::Error, error
  end

  def test_validation_error_carries_the_fields
    calendar = new_calendar
    error = assert_raises(SD::ValidationError) do
      calendar.create_event(title: "Sprint Planning", starts_at: "2025-08-21T10:00:00Z", ends_at: "2025-08-21T09:00:00Z")
    end
    assert_equal [422, "VALIDATION_ERROR"], [error.status, error.error_code]
    assert_equal ["ends_at"], error.fields.keys
    assert_match(/after/, error.fields["ends_at"].join)
    blank = assert_raises(SD::ValidationError) { calendar.create_event(title: "No times") }
    assert_includes blank.fields.keys, "starts_at"
    assert_empty calendar.events
  end

  def test_authentication_error_for_a_bad_or_missing_token
    calendar = new_calendar
    bad = SD::Client.new(base_url: TestEnv::URL, token: "sdt_not-a-real-token")
    error = assert_raises(SD::AuthenticationError) { SD::Calendar.get(calendar.id, client: bad) }
    assert_equal [401, "UNAUTHORIZED"], [error.status, error.error_code]
    refute_nil error.request_id
    # token: false sends no token at all (nil would fall back to SWEETDATE_API_TOKEN).
    anonymous = SD::Client.new(base_url: TestEnv::URL, token: false)
    assert_nil anonymous.config.token
    assert_raises(SD::AuthenticationError) { SD::Calendar.list(client: anonymous) }
    assert_equal TestEnv::TOKEN, SD::Client.new(base_url: TestEnv::URL, token: nil).config.token
  end

  def test_permission_error_for_a_guest_writing
    calendar = new_calendar
    calendar.add_user(TestEnv::OTHER_USER_ID, role: :guest)
    as_guest = SD::Calendar.get(calendar.id, client: other_client)
    error = assert_raises(SD::PermissionError) { as_guest.create_event(title: "Nope", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z") }
    assert_equal [403, "FORBIDDEN"], [error.status, error.error_code]
    assert_raises(SD::PermissionError) { as_guest.update(name: "Mine now") }
    assert_equal calendar.name, SD::Calendar.get(calendar.id).name
  end

  def test_conflict_error_for_adding_a_member_twice
    calendar = new_calendar
    calendar.add_user(TestEnv::OTHER_USER_ID)
    error = assert_raises(SD::ConflictError) { calendar.add_user(TestEnv::OTHER_USER_ID) }
    assert_equal [409, "CONFLICT"], [error.status, error.error_code]
  end

  def test_precondition_failed_for_a_stale_if_match
    calendar = new_calendar
    event = calendar.create_event(title: "Draft", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z")
    calendar.update_event(event.id, title: "Theirs")
    error = assert_raises(SD::PreconditionFailedError) { calendar.delete_event(event.id, if_match: event.sequence) }
    assert_equal [412, "PRECONDITION_FAILED"], [error.status, error.error_code]
    assert_equal "Theirs", calendar.get_event(event.id).title
  end

  def test_connection_error_when_nothing_listens
    closed = TCPServer.new("127.0.0.1", 0)
    port = closed.addr[1]
    closed.close
    client = SD::Client.new(base_url: "http://127.0.0.1:#{port}", token: "x")
    error = assert_raises(SD::ConnectionError) { SD::Calendar.get("abc", client: client) }
    assert_equal [0, "CONNECTION_ERROR"], [error.status, error.error_code]
  end
end

# Retries, backoff, Retry-After, timeouts and unreadable answers, against a scripted server.
class TransportTest < Minitest::Test
  CALENDAR = JSON.generate(status: "ok", calendar: { id: "c1", name: "Team", description: nil, color: "#3b82f6", time_zone: "UTC", role: "owner",
                                                     inserted_at: "2025-08-18T09:20:00Z", updated_at: "2025-08-18T09:20:00Z" })
  RATE_LIMITED = JSON.generate(status: "error", message: "too many requests; slow down", error_code: "RATE_LIMITED")
  UNAVAILABLE = JSON.generate(status: "error", message: "try later", error_code: "INTERNAL_ERROR")

  def with_server(answers, **options)
    server = FakeServer.new(answers)
    client = SD::Client.new(base_url: server.url, token: "sdt_test", retry_base_delay: 0.01, **options)
    yield client, server
  ensure
    server&.stop
  end

  def test_get_is_retried_on_503_and_429_then_succeeds
    with_server([[503, {}, UNAVAILABLE], [429, {}, RATE_LIMITED], [200, {}, CALENDAR]]) do |client, server|
      assert_equal "Team", SD::Calendar.get("c1", client: client).name
      requests = server.received
      assert_equal 3, requests.size
      assert(requests.all? { |r| r.method == "GET" && r.path == "/api/v1/calendars/c1" && r.headers["authorization"] == "Bearer sdt_test" })
    end
  end

  def test_put_and_delete_are_retried_post_never
    with_server([[503, {}, UNAVAILABLE], [200, {}, '{"status":"ok"}']]) do |client, server|
      assert_equal({ status: "ok" }, client.delete("/api/v1/calendars/c1").transform_keys(&:to_sym))
      assert_equal 2, server.received.size
    end
    with_server([[503, {}, UNAVAILABLE], [200, {}, CALENDAR]]) do |client, server|
      error = assert_raises(SD::ServerError) { SD::Calendar.create(name: "Once", client: client) }
      assert_equal 503, error.status
      requests = server.received
      assert_equal [["POST", '{"name":"Once"}']], requests.map { |r| [r.method, r.body] }
    end
  end

  def test_gives_up_after_max_retries_with_a_rate_limit_error
    with_server(Array.new(3) { [429, { "retry-after" => "0" }, RATE_LIMITED] }, max_retries: 2) do |client, server|
      error = assert_raises(SD::RateLimitError) { SD::Calendar.get("c1", client: client) }
      assert_equal [429, "RATE_LIMITED", 0, "too many requests; slow down"], [error.status, error.error_code, error.retry_after, error.message]
      assert_equal 3, server.received.size
    end
  end

  def test_waits_for_retry_after_and_fails_at_once_when_it_is_too_long
    with_server([[429, { "retry-after" => "1" }, RATE_LIMITED], [200, {}, CALENDAR]]) do |client, server|
      SD::Calendar.get("c1", client: client)
      first, second = server.received
      assert_operator second.at - first.at, :>=, 0.95
    end
    with_server([[429, { "retry-after" => "120" }, RATE_LIMITED], [200, {}, CALENDAR]], retry_max_delay: 10) do |client, server|
      error = assert_raises(SD::RateLimitError) { SD::Calendar.get("c1", client: client) }
      assert_equal 120, error.retry_after
      assert_equal 1, server.received.size
    end
  end

  def test_backoff_doubles_with_jitter_and_is_capped
    config = SD::Configuration.new(retry_base_delay: 0.25, retry_max_delay: 1)
    low = Object.new.tap { |r| r.define_singleton_method(:rand) { 0.0 } }
    high = Object.new.tap { |r| r.define_singleton_method(:rand) { 1.0 } }
    assert_equal [0.125, 0.25, 0.5, 0.5], (0..3).map { |n| SD::Client.retry_delay(n, nil, config, low) }
    assert_equal [0.25, 0.5, 1.0, 1.0], (0..3).map { |n| SD::Client.retry_delay(n, nil, config, high) }
    assert_equal 1, SD::Client.retry_delay(0, 1, config)
    assert_nil SD::Client.retry_delay(0, 2, config)
    now = Time.now
    assert_includes 29..30, SD::Client.parse_retry_after((now + 30).httpdate, now)
    assert_equal 0, SD::Client.parse_retry_after((now - 30).httpdate, now)
    assert_equal 7, SD::Client.parse_retry_after(" 7 ")
    assert_nil SD::Client.parse_retry_after("soon")
  end

  def test_timeout_when_the_server_does_not_answer
    with_server([:hang], timeout: 0.5) do |client, server|
      error = assert_raises(SD::TimeoutError) { SD::Calendar.get("c1", client: client) }
      assert_equal [0, "TIMEOUT"], [error.status, error.error_code]
      assert_equal 1, server.received.size # a timeout is not retried: the caller decides
    end
  end

  def test_an_answer_that_is_not_json
    with_server([[200, { "content-type" => "text/html" }, "<html>proxy</html>"], [502, { "content-type" => "text/html" }, "<html>bad gateway</html>"]]) do |client, _server|
      error = assert_raises(SD::Error) { SD::Calendar.get("c1", client: client) }
      assert_equal [200, "INVALID_RESPONSE"], [error.status, error.error_code]
      bad_gateway = assert_raises(SD::ServerError) { SD::Calendar.get("c1", client: client) }
      assert_equal [502, "HTTP 502", "<html>bad gateway</html>"], [bad_gateway.status, bad_gateway.message, bad_gateway.body]
    end
  end

  def test_attributes_as_a_hash_and_keywords_merge_into_one_json_object
    event = JSON.parse(CALENDAR)["calendar"] # any object will do as the answer's "event"
    with_server([[201, {}, JSON.generate(status: "ok", event: event)]]) do |client, server|
      calendar = SD::Calendar.new(JSON.parse(CALENDAR)["calendar"], client: client)
      calendar.create_event({ "title" => "from the hash", "location" => "Room A" }, title: "from a keyword", status: :tentative)
      assert_equal({ "title" => "from a keyword", "location" => "Room A", "status" => "tentative" }, JSON.parse(server.received.first.body))
    end
  end

  def test_sync_fetches_every_page_of_the_round_and_maps_deletions
    event = { "id" => "e1", "title" => "Sprint Planning", "exdates" => [] }
    page = ->(events, meta) { [200, {}, JSON.generate(status: "ok", events: events, meta: meta)] }
    # The middle page holds nothing the caller may see: the round goes on a whole page later.
    answers = [page.call([event, { id: "gone", deleted: true }], { limit: 2, offset: 0, total: 5 }),
               page.call([], { limit: 2, offset: 2, total: 5 }),
               page.call([event.merge("id" => "e2")], { limit: 2, offset: 4, total: 5, next_sync_token: "tok-2" }),
               [410, {}, JSON.generate(status: "error", message: "sync token expired", error_code: "SYNC_TOKEN_EXPIRED")],
               page.call([], { limit: 100, offset: 0, total: 0 })]
    with_server(answers) do |client, server|
      calendar = SD::Calendar.new(JSON.parse(CALENDAR)["calendar"], client: client)
      result = calendar.sync("tok-1", limit: 2)
      assert_equal [0, 2, 4].map { |offset| "/api/v1/calendars/c1/events?sync_token=tok-1&limit=2&offset=#{offset}" }, server.received.map(&:path)
      assert_equal [%w[e1 gone e2], %w[e1 e2], ["gone"], ["gone"], "tok-2", false],
                   [result.changes.map(&:id), result.events.map(&:id), result.deleted_ids, result.deleted, result.next_sync_token, result.full?]
      assert_equal [], result.events.first.exdates
      error = assert_raises(SD::SyncTokenExpiredError) { calendar.sync("old") }
      assert_equal [410, "SYNC_TOKEN_EXPIRED"], [error.status, error.error_code]
      invalid = assert_raises(SD::Error) { calendar.sync } # a round that ends without a token
      assert_equal "INVALID_RESPONSE", invalid.error_code
      assert_equal "/api/v1/calendars/c1/events?sync_token=&limit=100&offset=0", server.received.last.path
    end
  end

  def test_if_match_scope_and_query_encoding
    with_server([[200, {}, JSON.generate(status: "ok")]]) do |client, server|
      calendar = SD::Calendar.new(JSON.parse(CALENDAR)["calendar"], client: client)
      calendar.delete_event("s1_20250901T090000Z", scope: :following, if_match: 7)
      request = server.received.first
      assert_equal "/api/v1/calendars/c1/events/s1_20250901T090000Z?scope=following", request.path
      assert_equal '"7"', request.headers["if-match"]
    end
  end
end
