<?php

declare(strict_types=1);

namespace SweetDate;

/** Events across every calendar the caller can see (what the web app's views use). */
final class Events
{
    /**
     * @param array{limit?: int, offset?: int, q?: string, from?: string, to?: string} $options
     * @return list<Event>
     */
    public static function list(array $options = [], ?Client $client = null): array
    {
        return self::page($options, $client)->items;
    }

    /**
     * @param array{limit?: int, offset?: int, q?: string, from?: string, to?: string} $options
     * @return Page<Event>
     */
    public static function page(array $options = [], ?Client $client = null): Page
    {
        return ($client ?? SweetDate::client())->eventsPage($options);
    }
}
