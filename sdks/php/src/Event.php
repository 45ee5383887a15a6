<?php

declare(strict_types=1);

namespace SweetDate;

/**
 * An event (or an occurrence of a recurring one: id `<series id>_<20250821T090000Z>`).
 *
 * @property-read string $id
 * @property-read string $calendar_id
 * @property-read string $title
 * @property-read ?string $description
 * @property-read ?string $location
 * @property-read string $starts_at ISO 8601 UTC, e.g. 2025-08-21T09:00:00Z
 * @property-read string $ends_at
 * @property-read bool $all_day
 * @property-read string $time_zone IANA zone
 * @property-read string $status scheduled|tentative|confirmed|postponed|cancelled|completed
 * @property-read string $visibility public|private|busy
 * @property-read string $recurrence_rule none|daily|weekly|monthly|yearly
 * @property-read string $inserted_at
 * @property-read string $updated_at
 * @property-read string $stakeholder just_me|group|everyone
 * @property-read string $default_role editor|viewer|collaboration_complete
 * @property-read list<string> $tags
 * @property-read ?string $rrule full RFC 5545 rule of a series
 * @property-read ?string $recurring_event_id the series of an occurrence or override
 * @property-read ?string $original_starts_at the occurrence's original start
 * @property-read int $sequence bumped on every change; pass it back as if_match
 * @property-read bool $editable whether the caller may change it
 * @property-read ?string $rsvp the caller's own answer (null for the organiser)
 * @property-read ?list<string> $exdates a series' removed original starts (sync)
 * @property-read ?int $ics_feed_id the subscription it came from
 * @property-read list<array{minutes_before: int}> $reminders minutes before the start at which to remind
 */
final class Event extends Resource
{
    protected const REQUIRED = ['id', 'calendar_id', 'title', 'starts_at', 'ends_at'];
    protected const OPTIONAL = [
        'description', 'location', 'all_day', 'time_zone', 'status', 'visibility', 'recurrence_rule',
        'inserted_at', 'updated_at', 'stakeholder', 'default_role', 'tags', 'rrule', 'recurring_event_id',
        'original_starts_at', 'sequence', 'editable', 'rsvp', 'exdates', 'ics_feed_id', 'reminders',
    ];
}
