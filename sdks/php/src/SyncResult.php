<?php

declare(strict_types=1);

namespace SweetDate;

/**
 * One sync round (SPEC §11): what changed since the token given (everything when it was null).
 * $events are stored items — series masters (with exdates) and overrides, not expanded
 * occurrences — created or changed since; $deleted the ids deleted or no longer visible.
 * Keep $syncToken and pass it to the next sync().
 */
final class SyncResult
{
    /**
     * @param list<Event> $events
     * @param list<string> $deleted
     */
    public function __construct(
        public readonly array $events,
        public readonly array $deleted,
        public readonly string $syncToken,
    ) {
    }
}
