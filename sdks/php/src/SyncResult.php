<?php

declare(strict_types=1);

namespace SweetDate;

/**
 * One sync round (SPEC §11): what changed since the token given (everything when it was null).
 * $events are stored items — series masters (with exdates) and overrides, not expanded
 * occurrences — created or changed since; $deleted the ids deleted or no longer visible;
 * $changes both in the server's order. Keep $nextSyncToken and pass it to the next sync().
 * $full is true for a full sync (no token given): $events is then the whole calendar.
 */
final class SyncResult
{
    /**
     * @param list<Event> $events
     * @param list<string> $deleted
     * @param list<Event|array{id: string, deleted: true}> $changes
     */
    public function __construct(
        public readonly array $events,
        public readonly array $deleted,
        public readonly string $nextSyncToken,
        public readonly bool $full,
        public readonly array $changes,
    ) {
    }
}
