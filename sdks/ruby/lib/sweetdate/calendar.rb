# frozen_string_literal: true

require "erb"

module SD
  # A calendar: its fields (`id`, `name`, `description`, `color`, `time_zone`, your `role`, …) and
  # everything under /api/v1/calendars/:calendar_id — events, members, event participants, sync.
  #   calendar = SD::Calendar.get("CALENDAR-ID")
  #   events = calendar.events(limit: 25, offset: 0, q: "meeting")
  class Calendar < Resource
    fields :id, :name, :description, :color, :time_zone, :role, :source_url, :default_reminders, :inserted_at, :updated_at

    attr_reader :client

    def self.get(calendar_id, client: SD.client)
      new(client.get("/api/v1/calendars/#{SD.segment(calendar_id)}").fetch("calendar"), client: client)
    end

    def self.list(limit: nil, offset: nil, client: SD.client)
      client.get("/api/v1/calendars", query: { limit: limit, offset: offset }).fetch("calendars").map { |data| new(data, client: client) }
    end

    # SD::Calendar.create(name: "Team", time_zone: "Europe/Berlin", color: "#3b82f6", description: "…")
    def self.create(attrs = nil, client: SD.client, **fields)
      new(client.post("/api/v1/calendars", body: SD.attrs(attrs, fields)).fetch("calendar"), client: client)
    end

    def initialize(data, client: SD.client)
      super(data)
      @client = client
    end

    # ── Events ─────────────────────────────────────────────────────────────────────────────────

    # The events (an Array of SD::Event). limit/offset page them, q searches; from/to (ISO 8601,
    # both or neither) list the occurrences in that window with recurring events expanded.
    def events(limit: nil, offset: nil, q: nil, from: nil, to: nil)
      events_page(limit: limit, offset: offset, q: q, from: from, to: to).events
    end

    # One SD::Page (events plus limit, offset, total).
    def events_page(limit: nil, offset: nil, q: nil, from: nil, to: nil)
      Page.from(client.get(path("events"), query: { limit: limit, offset: offset, q: q, from: from, to: to }))
    end

    # Every matching event, fetching page after page (an Enumerator without a block).
    def each_event(limit: 100, q: nil, from: nil, to: nil, &block)
      return enum_for(:each_event, limit: limit, q: q, from: from, to: to) unless block

      offset = 0
      loop do
        page = events_page(limit: limit, offset: offset, q: q, from: from, to: to)
        page.events.each(&block)
        offset += page.events.size
        break if page.events.empty? || offset >= page.total
      end
      self
    end

    # calendar.create_event(title: "…", starts_at: "2025-08-21T09:00:00Z", ends_at: "…", status: :tentative)
    def create_event(attrs = nil, **fields)
      Event.new(client.post(path("events"), body: SD.attrs(attrs, fields)).fetch("event"))
    end

    # An event by id, or an occurrence by "<series id>_<20250821T090000Z>".
    def get_event(event_id)
      Event.new(client.get(path("events", event_id)).fetch("event"))
    end

    # Partial update: only the fields given change. scope: :this, :following or :all for recurring
    # events; if_match: the `sequence` you read (raises PreconditionFailedError when it is stale).
    def update_event(event_id, attrs = nil, scope: nil, if_match: nil, **fields)
      answer = client.put(path("events", event_id), query: { scope: scope }, headers: SD.if_match(if_match), body: SD.attrs(attrs, fields))
      Event.new(answer.fetch("event"))
    end

    # Deletes an event (scope/if_match as for update_event); returns { status: "ok" }.
    def delete_event(event_id, scope: nil, if_match: nil)
      SD.ok(client.delete(path("events", event_id), query: { scope: scope }, headers: SD.if_match(if_match)))
    end

    # ── Sync (SPEC §11) ────────────────────────────────────────────────────────────────────────

    # What changed since `token` (nil: everything, a full sync), fetching every page of the round.
    # Raises SyncTokenExpiredError (410) when the token is unknown or expired: call sync(nil) again.
    #   result = calendar.sync(nil)            # full
    #   later  = calendar.sync(result.next_sync_token)
    def sync(token = nil, limit: 100)
      changes = []
      offset = 0
      loop do
        answer = client.get(path("events"), query: { sync_token: token.to_s, limit: limit, offset: offset })
        items = answer.fetch("events")
        changes.concat(items.map { |item| item["deleted"] == true ? DeletedEvent.new(item) : Event.new(item) })
        meta = answer.fetch("meta", {})
        return SyncResult.new(changes, meta["next_sync_token"], token.nil? || token.to_s.empty?) if meta["next_sync_token"]

        # Pages are windows over the server's rows: a page may hold fewer items than its limit (rows
        # the caller may not see are left out), so the next page starts a whole page later.
        offset += meta["limit"] || limit
        total = meta["total"]
        if total.nil? ? items.empty? : offset >= total
          raise Error.new("SweetDate: a sync round ended without meta.next_sync_token",
                          status: 200, error_code: "INVALID_RESPONSE", body: answer)
        end
      end
    end

    # ── The calendar itself ────────────────────────────────────────────────────────────────────

    # Partial update (owners and admins); refreshes this object and returns it.
    def update(attrs = nil, **fields)
      data = client.put(path, body: SD.attrs(attrs, fields)).fetch("calendar")
      @data = data.transform_keys(&:to_s).freeze
      self
    end

    # Deletes the calendar with its events (owners only).
    def delete
      SD.ok(client.delete(path))
    end

    # Fetches the calendar again.
    def reload
      Calendar.get(id, client: client)
    end

    # ── Members ────────────────────────────────────────────────────────────────────────────────

    def users(limit: nil, offset: nil)
      client.get(path("users"), query: { limit: limit, offset: offset }).fetch("users").map { |user| Member.new(user) }
    end

    # Adds a member (role: :owner, :admin, :member (default) or :guest).
    def add_user(user_id, role: nil)
      Member.new(client.post(path("users"), body: SD.compact(user_id: user_id, role: role)).fetch("user"))
    end

    def update_user(user_id, role:)
      Member.new(client.put(path("users", user_id), body: { role: role }).fetch("user"))
    end

    # Removes a member (or, with your own id, leaves the calendar).
    def remove_user(user_id)
      SD.ok(client.delete(path("users", user_id)))
    end

    # ── Event participants ─────────────────────────────────────────────────────────────────────

    def event_users(event_id)
      client.get(path("events", event_id, "users")).fetch("users").map { |user| EventUser.new(user) }
    end

    # role: :editor, :viewer or :collaboration_complete; rsvp: :needs_action, :accepted, :declined, :tentative
    def add_event_user(event_id, user_id, role: nil, rsvp: nil)
      EventUser.new(client.post(path("events", event_id, "users"), body: SD.compact(user_id: user_id, role: role, rsvp: rsvp)).fetch("user"))
    end

    def update_event_user(event_id, user_id, role: nil, rsvp: nil)
      EventUser.new(client.put(path("events", event_id, "users", user_id), body: SD.compact(role: role, rsvp: rsvp)).fetch("user"))
    end

    def remove_event_user(event_id, user_id)
      SD.ok(client.delete(path("events", event_id, "users", user_id)))
    end

    private

    def path(*rest)
      ["/api/v1/calendars", SD.segment(id), *rest.map { |part| SD.segment(part) }].join("/")
    end
  end
end
