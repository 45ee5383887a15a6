<?php

declare(strict_types=1);

namespace SweetDate;

/**
 * The default client, configured once per process:
 *
 *   \SweetDate\SweetDate::configure(["base_url" => "https://cal.example.com", "token" => "sdt_…"]);
 *   // or set SWEETDATE_URL and SWEETDATE_API_TOKEN in the environment
 *
 * For several users in one process make independent clients: new \SweetDate\Client([...]) and
 * pass it as the last argument of Calendar::get/list/create, Users::… and Events::….
 */
final class SweetDate
{
    /** Follows the API's version (package.json / OpenAPI info.version of the server). */
    public const VERSION = '0.1.0';

    private static ?Client $client = null;

    /**
     * Merges settings into the default client (see Client for the keys); a key given as null
     * falls back to the environment again.
     *
     * @param array<string, mixed> $options
     */
    public static function configure(array $options): Client
    {
        return self::client()->configure($options);
    }

    public static function client(): Client
    {
        return self::$client ??= new Client();
    }

    /** Forgets the default client's settings (the environment applies again). */
    public static function reset(): void
    {
        self::$client = null;
    }
}
