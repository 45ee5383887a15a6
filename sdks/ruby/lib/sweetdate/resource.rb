# frozen_string_literal: true

module SD
  # A wire object with a reader per field (`event.title`), `[]` for any field by name (also ones a
  # newer server adds), `to_h` for the plain Hash (string keys, as the API sent it) and value equality.
  class Resource
    def self.fields(*names)
      @field_names = names.freeze
      names.each { |name| define_method(name) { @data[name.to_s] } }
    end

    def self.field_names
      @field_names || (superclass.respond_to?(:field_names) ? superclass.field_names : [])
    end

    def self.inherited(subclass)
      super
      subclass.instance_variable_set(:@field_names, field_names) if field_names.any?
    end

    def initialize(data)
      raise Error.new("SweetDate: expected an object, got #{data.inspect}", error_code: "INVALID_RESPONSE", body: data) unless data.is_a?(Hash)

      @data = data.transform_keys(&:to_s).freeze
    end

    def [](name)
      @data[name.to_s]
    end

    def to_h
      @data.dup
    end

    def ==(other)
      other.class == self.class && other.to_h == to_h
    end
    alias eql? ==

    def hash
      [self.class, @data].hash
    end

    def inspect
      shown = self.class.field_names.map { |name| "#{name}=#{@data[name.to_s].inspect}" }
      "#<#{self.class.name} #{shown.join(', ')}>"
    end
    alias to_s inspect
  end

  # Somebody on the installation (`SD::User.search`, `SD::User.me`).
  class User < Resource
    fields :id, :email, :name, :time_zone, :inserted_at, :updated_at

    def self.search(q = nil, limit: nil, offset: nil, client: SD.client)
      client.get("/api/v1/users", query: { q: q, limit: limit, offset: offset }).fetch("users").map { |user| new(user) }
    end

    def self.me(client: SD.client)
      new(client.get("/api/v1/me").fetch("user"))
    end
  end

  # A calendar member: the user plus their `role` (owner, admin, member, guest).
  class Member < Resource
    fields :id, :email, :name, :time_zone, :inserted_at, :updated_at, :role
  end

  # An event participant: the user plus `role` (editor, viewer, collaboration_complete) and `rsvp`.
  class EventUser < Resource
    fields :id, :email, :name, :time_zone, :inserted_at, :updated_at, :role, :rsvp
  end

  # An event, or one occurrence of a recurring series (id `<series id>_<20250821T090000Z>`).
  # `rsvp` is your own answer when invited (else nil); `exdates` comes with sync only;
  # `reminders` is a list of { "minutes_before" => n }.
  class Event < Resource
    fields :id, :calendar_id, :title, :description, :location, :starts_at, :ends_at, :all_day,
           :time_zone, :status, :visibility, :recurrence_rule, :inserted_at, :updated_at, :stakeholder,
           :default_role, :tags, :rrule, :recurring_event_id, :original_starts_at, :sequence, :editable,
           :rsvp, :rdates, :exdates, :reminders

    # Events across every calendar you can see (from/to list occurrences in a window).
    def self.list(limit: nil, offset: nil, q: nil, from: nil, to: nil, client: SD.client)
      page(limit: limit, offset: offset, q: q, from: from, to: to, client: client).events
    end

    def self.page(limit: nil, offset: nil, q: nil, from: nil, to: nil, client: SD.client)
      Page.from(client.get("/api/v1/events", query: { limit: limit, offset: offset, q: q, from: from, to: to }))
    end

    def deleted?
      false
    end

    # True for an occurrence of a series (or an override of one).
    def occurrence?
      !recurring_event_id.nil?
    end
  end

  # What sync reports for an event that was deleted or that you may no longer see.
  class DeletedEvent < Resource
    fields :id, :deleted

    def deleted?
      true
    end
  end

  # One page of events with the server's paging metadata.
  class Page
    include Enumerable
    attr_reader :events, :limit, :offset, :total

    def self.from(answer)
      meta = answer.fetch("meta")
      new(answer.fetch("events").map { |event| Event.new(event) }, meta["limit"], meta["offset"], meta["total"])
    end

    def initialize(events, limit, offset, total)
      @events = events
      @limit = limit
      @offset = offset
      @total = total
    end

    def each(&block)
      events.each(&block)
    end
  end

  # The outcome of `calendar.sync(token)`: what changed since `token` (everything when it was nil).
  #   changes          events and deletions in the server's order
  #   events           the changed or new events (series masters and overrides, as stored)
  #   deleted_ids      ids of events deleted or no longer visible to you (also `deleted`)
  #   next_sync_token  pass it to the next `sync` call
  class SyncResult
    attr_reader :changes, :next_sync_token

    def initialize(changes, next_sync_token, full)
      @changes = changes
      @next_sync_token = next_sync_token
      @full = full
    end

    def events
      changes.reject(&:deleted?)
    end

    def deleted_ids
      changes.select(&:deleted?).map(&:id)
    end
    alias deleted deleted_ids

    # True when this was a full sync (no token given): `events` is then the whole calendar.
    def full?
      @full
    end
  end
end
