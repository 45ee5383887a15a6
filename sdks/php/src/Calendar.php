<?php

declare(strict_types=1);

namespace SweetDate;

use SweetDate\Exception\InvalidResponseException;

/**
 * A calendar: its wire fields as readers ($calendar->name, ->time_zone, ->role …) plus everything
 * scoped under /api/v1/calendars/:calendar_id — events, members, event participants and sync.
 *
 *   $calendar = \SweetDate\Calendar::get("CALENDAR-ID");
 *   $events = $calendar->events(["limit" => 25, "offset" => 0, "q" => "meeting"]);
 *
 * @property-read string $id
 * @property-read string $name
 * @property-read ?string $description
 * @property-read string $color
 * @property-read string $time_zone
 * @property-read string $role the caller's role: owner|admin|member|guest
 * @property-read string|null $source_url a subscribed calendar's iCalendar URL (read-only calendar), else null
 * @property-read list<array{minutes_before: int}> $default_reminders reminders new events get when they name none
 * @property-read string $inserted_at
 * @property-read string $updated_at
 */
final class Calendar extends Resource
{
    protected const REQUIRED = ['id', 'name'];
    protected const OPTIONAL = ['description', 'color', 'time_zone', 'role', 'source_url', 'default_reminders', 'inserted_at', 'updated_at'];

    /** @param array<string, mixed> $data */
    public function __construct(private readonly Client $client, array $data)
    {
        parent::__construct($data);
    }

    // ── Finding calendars (the default client unless one is given) ────────────────────────────

    public static function get(string $calendarId, ?Client $client = null): self
    {
        return ($client ?? SweetDate::client())->calendar($calendarId);
    }

    /**
     * The caller's calendars.
     *
     * @param array{limit?: int, offset?: int} $page
     * @return list<self>
     */
    public static function list(array $page = [], ?Client $client = null): array
    {
        return ($client ?? SweetDate::client())->calendars($page);
    }

    /** @param array<string, mixed> $attrs name (required), description, color (#rrggbb), time_zone */
    public static function create(array $attrs, ?Client $client = null): self
    {
        return ($client ?? SweetDate::client())->createCalendar($attrs);
    }

    /** The client this calendar talks through. */
    public function client(): Client
    {
        return $this->client;
    }

    // ── Events ────────────────────────────────────────────────────────────────────────────────

    /**
     * The events (limit 1–100, default 25; offset; q searches title, description and location).
     * With from and to (ISO 8601) the occurrences overlapping that window, recurring events expanded.
     *
     * @param array{limit?: int, offset?: int, q?: string, from?: string, to?: string} $options
     * @return list<Event>
     */
    public function events(array $options = []): array
    {
        return $this->eventsPage($options)->items;
    }

    /**
     * One page with its meta (limit, offset, total).
     *
     * @param array{limit?: int, offset?: int, q?: string, from?: string, to?: string} $options
     * @return Page<Event>
     */
    public function eventsPage(array $options = []): Page
    {
        return Page::fromBody($this->client->request('GET', $this->path('events'), $options), 'events', fn (array $e) => new Event($e));
    }

    /**
     * Every matching event, page after page (limit sets the page size, default 100).
     *
     * @param array{limit?: int, q?: string, from?: string, to?: string} $options
     * @return \Generator<int, Event>
     */
    public function allEvents(array $options = []): \Generator
    {
        $options['limit'] ??= 100;
        for ($offset = 0; ; $offset += $page->meta['limit']) {
            $page = $this->eventsPage(['offset' => $offset] + $options);
            yield from $page->items;
            if (!$page->hasMore()) {
                return;
            }
        }
    }

    /** @param array<string, mixed> $attrs title, starts_at, ends_at (required) and any other event field */
    public function createEvent(array $attrs): Event
    {
        return new Event(Client::member($this->client->request('POST', $this->path('events'), [], $attrs), 'event'));
    }

    /** An event by id, or an occurrence by `<series id>_<20250821T090000Z>`. */
    public function getEvent(string $eventId): Event
    {
        return new Event(Client::member($this->client->request('GET', $this->path('events', $eventId)), 'event'));
    }

    /**
     * Partial update: only the fields given change.
     *
     * @param array<string, mixed> $attrs
     * @param array{scope?: 'this'|'following'|'all', if_match?: int|string} $options scope for
     *   recurring events; if_match = the sequence you read (else PreconditionFailedException)
     */
    public function updateEvent(string $eventId, array $attrs, array $options = []): Event
    {
        $body = $this->client->request('PUT', $this->path('events', $eventId), self::scope($options), $attrs, self::ifMatch($options));
        return new Event(Client::member($body, 'event'));
    }

    /**
     * @param array{scope?: 'this'|'following'|'all', if_match?: int|string} $options
     * @return array{status: 'ok'}
     */
    public function deleteEvent(string $eventId, array $options = []): array
    {
        return self::ok($this->client->request('DELETE', $this->path('events', $eventId), self::scope($options), null, self::ifMatch($options)));
    }

    // ── Sync (SPEC §11) ───────────────────────────────────────────────────────────────────────

    /**
     * What changed since $syncToken (null: everything, a full sync), fetching every page of the
     * round (["limit" => 1–100] sets the page size, default 100). Keep the result's nextSyncToken
     * for the next call. A token the server no longer knows throws SyncTokenExpiredException:
     * start over with sync(null).
     *
     * @param array{limit?: int} $options
     */
    public function sync(?string $syncToken = null, array $options = []): SyncResult
    {
        $events = [];
        $deleted = [];
        $changes = [];
        for ($offset = 0; ;) {
            $body = $this->client->request('GET', $this->path('events'), ['sync_token' => $syncToken ?? '', 'limit' => $options['limit'] ?? 100, 'offset' => $offset]);
            $items = Client::listOf($body, 'events');
            foreach ($items as $item) {
                if (($item['deleted'] ?? false) === true) {
                    $deleted[] = (string) $item['id'];
                    $changes[] = ['id' => (string) $item['id'], 'deleted' => true];
                } else {
                    $changes[] = $events[] = new Event($item);
                }
            }
            $next = $body['meta']['next_sync_token'] ?? null;
            if (is_string($next)) {
                return new SyncResult($events, $deleted, $next, $syncToken === null || $syncToken === '', $changes);
            }
            // Pages are windows over the server's rows: a page may hold fewer items than its limit
            // (rows the caller may not see are left out), so the next page starts a whole page later.
            $meta = is_array($body['meta'] ?? null) ? $body['meta'] : [];
            $offset += is_int($meta['limit'] ?? null) ? $meta['limit'] : (int) ($options['limit'] ?? 100);
            if (is_int($meta['total'] ?? null) ? $offset >= $meta['total'] : $items === []) {
                throw new InvalidResponseException('SweetDate: a sync round ended without meta.next_sync_token', 200, 'INVALID_RESPONSE', body: $body);
            }
        }
    }

    // ── The calendar itself ───────────────────────────────────────────────────────────────────

    /**
     * Partial update (owners and admins); refreshes this object and returns it.
     *
     * @param array<string, mixed> $attrs name, description, color, time_zone
     */
    public function update(array $attrs): self
    {
        $this->data = Client::member($this->client->request('PUT', $this->path(), [], $attrs), 'calendar');
        return $this;
    }

    /**
     * Deletes the calendar with its events (owners only).
     *
     * @return array{status: 'ok'}
     */
    public function delete(): array
    {
        return self::ok($this->client->request('DELETE', $this->path()));
    }

    // ── Members ───────────────────────────────────────────────────────────────────────────────

    /**
     * Members with their roles.
     *
     * @param array{limit?: int, offset?: int} $page
     * @return list<Member>
     */
    public function users(array $page = []): array
    {
        return array_map(fn (array $m) => new Member($m), Client::listOf($this->client->request('GET', $this->path('users'), $page), 'users'));
    }

    /** @param array{role?: 'owner'|'admin'|'member'|'guest'} $options default role member */
    public function addUser(string $userId, array $options = []): Member
    {
        return new Member(Client::member($this->client->request('POST', $this->path('users'), [], ['user_id' => $userId] + $options), 'user'));
    }

    /** @param array{role: 'owner'|'admin'|'member'|'guest'} $change */
    public function updateUser(string $userId, array $change): Member
    {
        return new Member(Client::member($this->client->request('PUT', $this->path('users', $userId), [], $change), 'user'));
    }

    /**
     * Removes a member (or, with your own id, leaves the calendar).
     *
     * @return array{status: 'ok'}
     */
    public function removeUser(string $userId): array
    {
        return self::ok($this->client->request('DELETE', $this->path('users', $userId)));
    }

    // ── Event participants ────────────────────────────────────────────────────────────────────

    /** @return list<EventUser> an event's participants with role and RSVP */
    public function eventUsers(string $eventId): array
    {
        return array_map(fn (array $u) => new EventUser($u), Client::listOf($this->client->request('GET', $this->path('events', $eventId, 'users')), 'users'));
    }

    /** @param array{role?: string, rsvp?: string} $options role defaults to the event's default_role */
    public function addEventUser(string $eventId, string $userId, array $options = []): EventUser
    {
        return new EventUser(Client::member($this->client->request('POST', $this->path('events', $eventId, 'users'), [], ['user_id' => $userId] + $options), 'user'));
    }

    /** @param array{role?: string, rsvp?: string} $change editors change roles; each participant answers their own RSVP */
    public function updateEventUser(string $eventId, string $userId, array $change): EventUser
    {
        return new EventUser(Client::member($this->client->request('PUT', $this->path('events', $eventId, 'users', $userId), [], $change), 'user'));
    }

    /** @return array{status: 'ok'} */
    public function removeEventUser(string $eventId, string $userId): array
    {
        return self::ok($this->client->request('DELETE', $this->path('events', $eventId, 'users', $userId)));
    }

    // ── Helpers ───────────────────────────────────────────────────────────────────────────────

    private function path(string ...$rest): string
    {
        return implode('/', ['/api/v1/calendars', Client::seg($this->data['id']), ...array_map(Client::seg(...), $rest)]);
    }

    /** @param array<string, mixed> $options @return array<string, string> */
    private static function scope(array $options): array
    {
        return isset($options['scope']) ? ['scope' => (string) $options['scope']] : [];
    }

    /** @param array<string, mixed> $options @return array<string, string> */
    private static function ifMatch(array $options): array
    {
        if (!isset($options['if_match'])) {
            return [];
        }
        $tag = (string) preg_replace('/^(W\/)?"|"$/', '', (string) $options['if_match']);
        return ['If-Match' => '"' . $tag . '"'];
    }

    /** @param array<string, mixed> $body @return array{status: 'ok'} */
    private static function ok(array $body): array
    {
        return ['status' => 'ok'];
    }
}
