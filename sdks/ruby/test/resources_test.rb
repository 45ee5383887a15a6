# frozen_string_literal: true

require "test_helper"

# Calendars, events (paging, windows, scopes), members, event participants, users — each call
# checked against what the server stores.
class ResourcesTest < Minitest::Test
  def test_calendar_create_list_get_update_delete
    calendar = SD::Calendar.create(name: "Ruby team", time_zone: "Europe/Berlin", color: "#22c55e", description: "made by the Ruby SDK")
    assert_kind_of SD::Calendar, calendar
    assert_equal ["Ruby team", "Europe/Berlin", "#22c55e", "owner"], [calendar.name, calendar.time_zone, calendar.color, calendar.role]

    got = SD::Calendar.get(calendar.id)
    assert_equal calendar, got
    assert_includes SD::Calendar.list(limit: 100).map(&:id), calendar.id

    assert_same calendar, calendar.update(name: "Ruby team (renamed)")
    assert_equal "Ruby team (renamed)", calendar.name
    assert_equal "Europe/Berlin", calendar.time_zone # partial update
    assert_equal "Ruby team (renamed)", Raw.ok!(:get, "/api/v1/calendars/#{calendar.id}").dig("calendar", "name")

    assert_equal({ status: "ok" }, calendar.delete)
    assert_equal 404, Raw.call(:get, "/api/v1/calendars/#{calendar.id}").first
  end

  def test_events_page_in_starts_at_order_with_limit_offset_and_each_event
    calendar = new_calendar
    ids = 5.times.map { |i| Raw.event(calendar.id, title: "E#{i}", starts_at: "2025-08-2#{i}T09:00:00Z", ends_at: "2025-08-2#{i}T10:00:00Z")["id"] }

    assert_equal ids[0, 2], calendar.events(limit: 2).map(&:id)
    assert_equal ids[2, 2], calendar.events(limit: 2, offset: 2).map(&:id)
    page = calendar.events_page(limit: 2, offset: 4)
    assert_equal [ids[4], 2, 4, 5], [page.events.map(&:id).first, page.limit, page.offset, page.total]
    assert_equal ids, calendar.each_event(limit: 2).map(&:id)
    assert_equal [ids[3]], calendar.events(q: "e3").map(&:id)
  end

  def test_windows_list_occurrences_and_scopes_this_following_all
    calendar = new_calendar
    series = calendar.create_event(title: "Stand-up", starts_at: "2025-09-01T09:00:00Z", ends_at: "2025-09-01T09:15:00Z", rrule: "FREQ=WEEKLY;BYDAY=MO")
    assert_equal ["weekly", "FREQ=WEEKLY;BYDAY=MO"], [series.recurrence_rule, series.rrule]

    window = { from: "2025-09-01T00:00:00Z", to: "2025-09-29T00:00:00Z" }
    occurrences = calendar.events(**window)
    assert_equal %w[20250901 20250908 20250915 20250922].map { |d| "#{series.id}_#{d}T090000Z" }, occurrences.map(&:id)
    assert(occurrences.all?(&:occurrence?))
    _, second, third, fourth = occurrences

    got = calendar.get_event(second.id)
    assert_equal [series.id, "2025-09-08T09:00:00Z"], [got.recurring_event_id, got.original_starts_at]

    moved = calendar.update_event(second.id, { title: "Stand-up (moved)", starts_at: "2025-09-08T10:00:00Z", ends_at: "2025-09-08T10:15:00Z" }, scope: :this)
    assert_equal ["Stand-up (moved)", "2025-09-08T10:00:00Z"], [moved.title, moved.starts_at]
    assert_equal({ status: "ok" }, calendar.delete_event(third.id, scope: :this))
    assert_equal [["Stand-up", "2025-09-01T09:00:00Z"], ["Stand-up (moved)", "2025-09-08T10:00:00Z"], ["Stand-up", "2025-09-22T09:00:00Z"]],
                 calendar.events(**window).map { |e| [e.title, e.starts_at] }
    assert_equal "Stand-up", Raw.get_event(calendar.id, series.id).last.dig("event", "title") # the series itself is untouched

    # scope: :following splits the series at the fourth occurrence; the earlier ones keep their title.
    calendar.update_event(fourth.id, title: "Stand-up v2", scope: :following)
    titles = calendar.events(from: "2025-09-01T00:00:00Z", to: "2025-10-13T00:00:00Z").map { |e| [e.starts_at[0, 10], e.title] }
    assert_equal [["2025-09-01", "Stand-up"], ["2025-09-08", "Stand-up (moved)"], ["2025-09-22", "Stand-up v2"], ["2025-09-29", "Stand-up v2"], ["2025-10-06", "Stand-up v2"]], titles

    # scope: :all from an occurrence of the original series renames it (not the split-off part).
    calendar.update_event("#{series.id}_20250901T090000Z", title: "Daily-ish", scope: :all)
    assert_equal "Daily-ish", Raw.get_event(calendar.id, series.id).last.dig("event", "title")
    assert_equal "Stand-up v2", calendar.events(from: "2025-09-29T00:00:00Z", to: "2025-09-30T00:00:00Z").first.title

    # delete scope: :all removes the series with its occurrences.
    assert_equal({ status: "ok" }, calendar.delete_event("#{series.id}_20250901T090000Z", scope: :all))
    assert_equal 404, Raw.get_event(calendar.id, series.id).first
    assert(calendar.events(from: "2025-09-01T00:00:00Z", to: "2025-09-20T00:00:00Z").none? { |e| e.recurring_event_id == series.id })
  end

  def test_if_match_guards_against_lost_updates
    calendar = new_calendar
    event = calendar.create_event(title: "Draft", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z")
    changed = calendar.update_event(event.id, { title: "Final" }, if_match: event.sequence)
    assert_operator changed.sequence, :>, event.sequence
    assert_raises(SD::PreconditionFailedError) { calendar.update_event(event.id, { title: "Lost" }, if_match: event.sequence) }
    assert_equal "Final", calendar.get_event(event.id).title
    assert_equal({ status: "ok" }, calendar.delete_event(event.id, if_match: changed.sequence))
  end

  def test_members_add_update_remove_and_user_directory
    calendar = new_calendar
    me = SD::User.me
    assert_equal TestEnv::USER_ID, me.id
    found = SD::User.search(TestEnv::OTHER_EMAIL)
    assert_equal [TestEnv::OTHER_USER_ID], found.map(&:id)

    member = calendar.add_user(TestEnv::OTHER_USER_ID, role: :guest)
    assert_kind_of SD::Member, member
    assert_equal [TestEnv::OTHER_USER_ID, "guest"], [member.id, member.role]
    assert_equal({ TestEnv::USER_ID => "owner", TestEnv::OTHER_USER_ID => "guest" }, calendar.users.to_h { |m| [m.id, m.role] })

    theirs = SD::Calendar.get(calendar.id, client: other_client)
    assert_equal "guest", theirs.role
    assert_equal "admin", calendar.update_user(TestEnv::OTHER_USER_ID, role: :admin).role
    assert_equal "admin", SD::Calendar.get(calendar.id, client: other_client).role

    assert_equal({ status: "ok" }, calendar.remove_user(TestEnv::OTHER_USER_ID))
    assert_equal [TestEnv::USER_ID], calendar.users.map(&:id)
    assert_raises(SD::NotFoundError) { SD::Calendar.get(calendar.id, client: other_client) }
  end

  def test_event_users_add_update_remove
    calendar = new_calendar
    calendar.add_user(TestEnv::OTHER_USER_ID)
    event = calendar.create_event(title: "1:1", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T09:30:00Z", stakeholder: :group)

    added = calendar.add_event_user(event.id, TestEnv::OTHER_USER_ID, role: :viewer)
    assert_kind_of SD::EventUser, added
    assert_equal [TestEnv::OTHER_USER_ID, "viewer", "needs_action"], [added.id, added.role, added.rsvp]
    assert_equal [TestEnv::OTHER_USER_ID], calendar.event_users(event.id).map(&:id)

    theirs = SD::Calendar.get(calendar.id, client: other_client)
    assert_equal "needs_action", theirs.get_event(event.id).rsvp
    answered = theirs.update_event_user(event.id, TestEnv::OTHER_USER_ID, rsvp: :accepted)
    assert_equal %w[accepted viewer], [answered.rsvp, answered.role]
    assert_equal "accepted", theirs.get_event(event.id).rsvp # the invitee's own answer on the event
    assert_nil calendar.get_event(event.id).rsvp # the owner is not invited
    promoted = calendar.update_event_user(event.id, TestEnv::OTHER_USER_ID, role: :editor)
    assert_equal %w[accepted editor], [promoted.rsvp, promoted.role]
    stored = Raw.ok!(:get, "/api/v1/calendars/#{calendar.id}/events/#{event.id}/users").fetch("users")
    assert_equal [%w[editor accepted]], stored.map { |u| [u["role"], u["rsvp"]] }

    assert_equal({ status: "ok" }, calendar.remove_event_user(event.id, TestEnv::OTHER_USER_ID))
    assert_empty calendar.event_users(event.id)
  end

  def test_events_across_calendars
    first = new_calendar
    second = SD::Calendar.create(name: "Second")
    a = Raw.event(first.id, title: "In the first")
    b = second.create_event(title: "In the second", starts_at: "2025-08-22T09:00:00Z", ends_at: "2025-08-22T10:00:00Z")
    mine = ->(events) { events.select { |e| [first.id, second.id].include?(e.calendar_id) }.map(&:id) }
    assert_equal [a["id"], b.id], mine.call(SD::Event.list(limit: 100))
    assert_equal [b.id], mine.call(SD::Event.list(q: "in the second"))
    page = SD::Event.page(limit: 1)
    assert_equal [1, 1], [page.limit, page.events.size]
    assert_operator page.total, :>=, 2
  end

  def test_objects_have_readers_hash_access_and_equality
    calendar = new_calendar
    event = calendar.create_event({ "title" => "Hash attrs", "starts_at" => "2025-08-21T09:00:00Z", "ends_at" => "2025-08-21T10:00:00Z" }, location: "Room C")
    assert_equal ["Hash attrs", "Room C"], [event.title, event.location]
    assert_equal event.title, event[:title]
    assert_equal event.title, event["title"]
    assert_equal calendar.get_event(event.id), event
    assert_equal false, event.deleted?
    assert_match(/#<SD::Event id="#{event.id}", calendar_id=/, event.inspect)
    copy = event.to_h
    copy["title"] = "changed in the copy"
    assert_equal "Hash attrs", event.title # to_h is a copy
  end
end
