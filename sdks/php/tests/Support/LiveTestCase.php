<?php

declare(strict_types=1);

namespace SweetDate\Tests\Support;

use PHPUnit\Framework\TestCase;
use SweetDate\Client;
use SweetDate\Exception\SweetDateException;
use SweetDate\SweetDate;

/**
 * Tests against the live server named by SWEETDATE_URL with the user of SWEETDATE_API_TOKEN
 * (e2e/sdk/php.spec.ts makes a fresh one) and a second user from SWEETDATE_OTHER_API_TOKEN,
 * SWEETDATE_OTHER_USER_ID and SWEETDATE_OTHER_EMAIL. Each test makes its own calendars.
 */
abstract class LiveTestCase extends TestCase
{
    protected const UNKNOWN = '00000000-0000-4000-8000-000000000000';

    protected function setUp(): void
    {
        // The default client starts from the environment alone, as the seed's examples expect.
        SweetDate::reset();
    }

    protected static function token(): string
    {
        $token = getenv('SWEETDATE_API_TOKEN');
        if ($token === false || $token === '') {
            throw new \RuntimeException('SWEETDATE_API_TOKEN is not set');
        }
        return $token;
    }

    /**
     * The second user e2e/sdk/runner.ts makes (SWEETDATE_OTHER_API_TOKEN, _USER_ID, _EMAIL).
     *
     * @return array{id: string, email: string, token: string}
     */
    protected static function other(): array
    {
        $other = ['id' => getenv('SWEETDATE_OTHER_USER_ID'), 'email' => getenv('SWEETDATE_OTHER_EMAIL'), 'token' => getenv('SWEETDATE_OTHER_API_TOKEN')];
        foreach ($other as $key => $value) {
            if ($value === false || $value === '') {
                throw new \RuntimeException('a second user is needed: set SWEETDATE_OTHER_API_TOKEN, SWEETDATE_OTHER_USER_ID and SWEETDATE_OTHER_EMAIL');
            }
        }
        return $other;
    }

    /** A client of its own for another user. */
    protected static function clientFor(string $token): Client
    {
        return new Client(['base_url' => Raw::baseUrl(), 'token' => $token]);
    }

    /** @param array<string, mixed> $data @return array<string, mixed> a calendar made over the raw API */
    protected static function rawCalendar(array $data = []): array
    {
        return Raw::expect(201, self::token(), 'POST', '/api/v1/calendars', ['name' => 'PHP SDK test'] + $data)['calendar'];
    }

    /** @param array<string, mixed> $data @return array<string, mixed> an event made over the raw API */
    protected static function rawEvent(string $calendarId, array $data): array
    {
        $data += ['starts_at' => '2025-08-21T09:00:00Z', 'ends_at' => '2025-08-21T10:00:00Z'];
        return Raw::expect(201, self::token(), 'POST', "/api/v1/calendars/{$calendarId}/events", $data)['event'];
    }

    /** The exception a call throws (fails the test when it returns). */
    protected function thrown(callable $call): SweetDateException
    {
        try {
            $call();
        } catch (SweetDateException $e) {
            return $e;
        }
        $this->fail('expected the call to throw a SweetDateException');
    }
}
