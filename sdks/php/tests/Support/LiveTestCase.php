<?php

declare(strict_types=1);

namespace SweetDate\Tests\Support;

use PHPUnit\Framework\TestCase;
use SweetDate\Client;
use SweetDate\Exception\SweetDateException;
use SweetDate\SweetDate;

/**
 * Tests against the live server named by SWEETDATE_URL with the user of SWEETDATE_API_TOKEN
 * (e2e/sdk/php.spec.ts makes a fresh one); other users come from SWEETDATE_TEST_PEERS
 * (a JSON list of {id, email, token}). Each test makes its own calendars.
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

    /** @return array{id: string, email: string, token: string} */
    protected static function peer(int $index): array
    {
        $peers = json_decode((string) getenv('SWEETDATE_TEST_PEERS'), true);
        if (!is_array($peers) || !isset($peers[$index]['token'])) {
            throw new \RuntimeException('SWEETDATE_TEST_PEERS must list at least ' . ($index + 1) . ' users as {id, email, token}');
        }
        return $peers[$index];
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
