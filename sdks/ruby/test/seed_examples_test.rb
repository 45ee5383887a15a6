# frozen_string_literal: true

require "test_helper"

# Seed 004's Ruby examples exactly as printed (only "CALENDAR-ID"/"EVENT-ID" replaced), with the
# SDK configured by nothing but SWEETDATE_URL and SWEETDATE_API_TOKEN. Results are checked over the
# raw API.
class SeedExamplesTest < Minitest::Test
  LIST_EVENTS = <<~'RUBY'
    calendar = SD::Calendar.get("CALENDAR-ID")
    events = calendar.events(limit: 25, offset: 0, q: "meeting")
  RUBY

  CREATE_EVENT = <<~'RUBY'
    calendar = SD::Calendar.get("CALENDAR-ID")
    event = calendar.create_event(
      title: "Sprint Planning",
      starts_at: "2025-08-21T09:00:00Z",
      ends_at: "2025-08-21T10:00:00Z",
      location: "Room A",
      description: "Quarterly planning session",
      status: :tentative
    )
  RUBY

  GET_EVENT = <<~'RUBY'
    calendar = SD::Calendar.get("CALENDAR-ID")
    event = calendar.get_event("EVENT-ID")
  RUBY

  UPDATE_EVENT = <<~'RUBY'
    calendar = SD::Calendar.get("CALENDAR-ID")
    updated = calendar.update_event("EVENT-ID", title: "Sprint Planning (Updated)", status: :confirmed, location: "Room B")
  RUBY

  DELETE_EVENT = <<~'RUBY'
    calendar = SD::Calendar.get("CALENDAR-ID")
    calendar.delete_event("EVENT-ID")
    # => { status: "ok" }
  RUBY

  # Runs a seed example in a binding of its own; returns [value of the last line, its local variables].
  def run_seed(code, placeholders)
    source = placeholders.reduce(code) { |text, (placeholder, value)| text.gsub(placeholder.inspect, value.inspect) }
    scope = Object.new.instance_eval { binding } # fresh locals for every example
    value = scope.eval(source, "seed-example.rb")
    [value, scope.local_variables.to_h { |name| [name, scope.local_variable_get(name)] }]
  end

  def setup
    # The default client is configured by the environment alone (no SD.configure anywhere).
    assert_equal TestEnv::URL, SD.config.base_url
    assert_equal TestEnv::TOKEN, SD.config.token
    @calendar_id = Raw.calendar.fetch("id")
  end

  def test_list_events_with_limit_offset_q
    planning = Raw.event(@calendar_id, title: "Planning meeting", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z")
    retro = Raw.event(@calendar_id, title: "Retro", description: "after the MEETING", starts_at: "2025-08-22T09:00:00Z", ends_at: "2025-08-22T10:00:00Z")
    Raw.event(@calendar_id, title: "Lunch")

    _, vars = run_seed(LIST_EVENTS, "CALENDAR-ID" => @calendar_id)

    events = vars.fetch(:events)
    assert_kind_of Array, events
    assert_equal [planning["id"], retro["id"]], events.map(&:id)
    assert(events.all?(SD::Event))
    assert_equal planning, events.first.to_h
    assert_equal "Planning meeting", events.first.title
    assert_equal @calendar_id, vars.fetch(:calendar).id
  end

  def test_create_event
    _, vars = run_seed(CREATE_EVENT, "CALENDAR-ID" => @calendar_id)

    event = vars.fetch(:event)
    assert_kind_of SD::Event, event
    assert_equal @calendar_id, event.calendar_id
    assert_equal "Sprint Planning", event.title
    assert_equal "2025-08-21T09:00:00Z", event.starts_at
    assert_equal "2025-08-21T10:00:00Z", event.ends_at
    assert_equal "Room A", event.location
    assert_equal "Quarterly planning session", event.description
    assert_equal "tentative", event.status
    status, stored = Raw.get_event(@calendar_id, event.id)
    assert_equal 200, status
    assert_equal stored.fetch("event"), event.to_h
  end

  def test_get_event
    existing = Raw.event(@calendar_id, title: "Sprint Planning", location: "Room A", status: "confirmed")

    _, vars = run_seed(GET_EVENT, "CALENDAR-ID" => @calendar_id, "EVENT-ID" => existing["id"])

    event = vars.fetch(:event)
    assert_equal existing, event.to_h
    assert_equal "confirmed", event.status
    assert_equal "Room A", event.location
  end

  def test_update_event
    existing = Raw.event(@calendar_id, title: "Sprint Planning", location: "Room A", description: "Quarterly planning session")

    _, vars = run_seed(UPDATE_EVENT, "CALENDAR-ID" => @calendar_id, "EVENT-ID" => existing["id"])

    updated = vars.fetch(:updated)
    assert_equal existing["id"], updated.id
    assert_equal "Sprint Planning (Updated)", updated.title
    assert_equal "confirmed", updated.status
    assert_equal "Room B", updated.location
    assert_equal "Quarterly planning session", updated.description # untouched
    assert_equal existing["starts_at"], updated.starts_at
    assert_operator updated.sequence, :>, existing["sequence"]
    assert_equal Raw.get_event(@calendar_id, existing["id"]).last.fetch("event"), updated.to_h
  end

  def test_delete_event
    existing = Raw.event(@calendar_id, title: "Sprint Planning")

    value, = run_seed(DELETE_EVENT, "CALENDAR-ID" => @calendar_id, "EVENT-ID" => existing["id"])

    assert_equal({ status: "ok" }, value)
    status, body = Raw.get_event(@calendar_id, existing["id"])
    assert_equal 404, status
    assert_equal "NOT_FOUND", body["error_code"]
  end
end
