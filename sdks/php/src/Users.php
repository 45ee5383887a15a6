<?php

declare(strict_types=1);

namespace SweetDate;

/** People: search the installation's users (to add them to calendars and events), and yourself. */
final class Users
{
    /**
     * @param array{limit?: int, offset?: int} $page
     * @return list<User>
     */
    public static function search(?string $q = null, array $page = [], ?Client $client = null): array
    {
        return ($client ?? SweetDate::client())->searchUsers($q, $page);
    }

    public static function me(?Client $client = null): User
    {
        return ($client ?? SweetDate::client())->me();
    }
}
