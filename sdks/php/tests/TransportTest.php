<?php

declare(strict_types=1);

namespace SweetDate\Tests;

use PHPUnit\Framework\TestCase;
use SweetDate\Calendar;
use SweetDate\Client;
use SweetDate\Exception\ConfigurationException;
use SweetDate\Exception\ConnectionException;
use SweetDate\Exception\InvalidResponseException;
use SweetDate\Exception\RateLimitException;
use SweetDate\Exception\ServerException;
use SweetDate\Exception\SweetDateException;
use SweetDate\Exception\SyncTokenExpiredException;
use SweetDate\Exception\TimeoutException;
use SweetDate\SweetDate;
use SweetDate\Tests\Support\StubServer;

/**
 * Retries, backoff, timeouts and odd answers, against a scripted local server (the live one does
 * not answer 429/503 or stall on demand). The delays between retries are recorded, not slept.
 */
final class TransportTest extends TestCase
{
    private const CALENDAR = '{"status":"ok","calendar":{"id":"c1","name":"Stub","description":null,"color":"#3b82f6","time_zone":"UTC","role":"owner","inserted_at":"2025-08-18T09:20:00Z","updated_at":"2025-08-18T09:20:00Z"}}';
    private const EVENT = '{"status":"ok","event":{"id":"e1","calendar_id":"c1","title":"T","starts_at":"2025-08-21T09:00:00Z","ends_at":"2025-08-21T10:00:00Z"}}';
    private const RATE_LIMITED = '{"status":"error","message":"too many requests","error_code":"RATE_LIMITED"}';

    private ?StubServer $stub = null;
    /** @var list<float> */
    private array $waits = [];

    protected function tearDown(): void
    {
        $this->stub?->stop();
    }

    /** @param list<array<string, mixed>> $responses @param array<string, mixed> $options */
    private function client(array $responses, array $options = []): Client
    {
        $this->stub = new StubServer($responses);
        $client = new Client($options + ['base_url' => $this->stub->url, 'token' => 'sdt_stub']);
        $client->setSleeper(function (float $seconds): void {
            $this->waits[] = $seconds;
        });
        return $client;
    }

    private function thrown(callable $call): SweetDateException
    {
        try {
            $call();
        } catch (SweetDateException $e) {
            return $e;
        }
        $this->fail('expected a SweetDateException');
    }

    public function testGetIsRetriedOn503And429ThenSucceeds(): void
    {
        $client = $this->client([
            ['status' => 503, 'body' => '{"status":"error","message":"unavailable","error_code":"INTERNAL_ERROR"}'],
            ['status' => 429, 'body' => self::RATE_LIMITED, 'headers' => ['Retry-After' => '1']],
            ['status' => 200, 'body' => self::CALENDAR],
        ], ['retry_base_delay' => 0.2]);

        $this->assertSame('Stub', Calendar::get('c1', $client)->name);
        $this->assertCount(3, $this->stub->requests());
        $this->assertCount(2, $this->waits);
        $this->assertGreaterThanOrEqual(0.1, $this->waits[0], 'backoff: between half and all of the base delay');
        $this->assertLessThanOrEqual(0.2, $this->waits[0]);
        $this->assertSame(1.0, $this->waits[1], "the server's Retry-After wins");
    }

    public function testPutAndDeleteAreRetriedButPostNever(): void
    {
        $client = $this->client([['status' => 200, 'body' => self::CALENDAR], ['status' => 503, 'body' => '{}'], ['status' => 200, 'body' => self::EVENT], ['status' => 503, 'body' => '{}'], ['status' => 200, 'body' => '{"status":"ok"}']]);
        $calendar = Calendar::get('c1', $client);
        $this->assertSame('T', $calendar->updateEvent('e1', ['title' => 'T'])->title);
        $this->assertSame(['status' => 'ok'], $calendar->deleteEvent('e1'));
        $this->assertSame(['GET', 'PUT', 'PUT', 'DELETE', 'DELETE'], array_column($this->stub->requests(), 'method'));
        $this->stub->stop();

        $client = $this->client([['status' => 503, 'body' => '{"status":"error","message":"unavailable","error_code":"INTERNAL_ERROR"}'], ['status' => 201, 'body' => self::EVENT]]);
        $error = $this->thrown(fn () => $client->request('POST', '/api/v1/calendars/c1/events', [], ['title' => 'T']));
        $this->assertInstanceOf(ServerException::class, $error);
        $this->assertSame(503, $error->getStatus());
        $this->assertCount(1, $this->stub->requests(), 'a POST is never repeated (it could create a second event)');
    }

    public function testRateLimitedAfterTheRetriesRunOutCarriesRetryAfter(): void
    {
        $client = $this->client([['status' => 429, 'body' => self::RATE_LIMITED, 'headers' => ['Retry-After' => '2']]], ['max_retries' => 2]);
        $error = $this->thrown(fn () => Calendar::get('c1', $client));
        $this->assertInstanceOf(RateLimitException::class, $error);
        $this->assertSame(429, $error->getStatus());
        $this->assertSame('RATE_LIMITED', $error->getErrorCode());
        $this->assertSame(2, $error->getRetryAfter());
        $this->assertCount(3, $this->stub->requests(), 'one call and two retries');
        $this->assertSame([2.0, 2.0], $this->waits);
    }

    public function testARetryAfterLongerThanTheCapFailsAtOnce(): void
    {
        $client = $this->client([['status' => 429, 'body' => self::RATE_LIMITED, 'headers' => ['Retry-After' => '120']]], ['retry_max_delay' => 10]);
        $error = $this->thrown(fn () => Calendar::get('c1', $client));
        $this->assertInstanceOf(RateLimitException::class, $error);
        $this->assertSame(120, $error->getRetryAfter());
        $this->assertCount(1, $this->stub->requests());
        $this->assertSame([], $this->waits);
    }

    public function testBackoffDoublesWithJitterUpToTheCap(): void
    {
        $client = $this->client([['status' => 503, 'body' => 'busy', 'headers' => ['Content-Type' => 'text/plain']]], ['max_retries' => 4, 'retry_base_delay' => 1, 'retry_max_delay' => 3]);
        $error = $this->thrown(fn () => Calendar::get('c1', $client));
        $this->assertInstanceOf(ServerException::class, $error);
        $this->assertSame('busy', $error->getBody());
        $this->assertCount(4, $this->waits);
        foreach ([1, 2, 3, 3] as $i => $ceiling) {
            $this->assertGreaterThanOrEqual($ceiling / 2, $this->waits[$i]);
            $this->assertLessThanOrEqual($ceiling, $this->waits[$i]);
        }
        $this->assertSame(0.5, Client::retryDelay(0, null, 1, 10, 0.0));
        $this->assertSame(4.0, Client::retryDelay(2, null, 1, 10, 1.0));
        $this->assertNull(Client::retryDelay(0, 11, 1, 10));
    }

    public function testATimeoutIsATimeoutExceptionAndIsNotRetried(): void
    {
        $client = $this->client([['status' => 200, 'body' => self::CALENDAR, 'delay' => 3]], ['timeout' => 0.5]);
        $started = microtime(true);
        $error = $this->thrown(fn () => Calendar::get('c1', $client));
        $this->assertInstanceOf(TimeoutException::class, $error);
        $this->assertSame(0, $error->getStatus());
        $this->assertSame('TIMEOUT', $error->getErrorCode());
        $this->assertLessThan(2.9, microtime(true) - $started, 'gave up before the stalled answer came');
        $this->assertSame([], $this->waits);
    }

    public function testAnUnreachableServerIsAConnectionException(): void
    {
        $this->stub = new StubServer([]);
        $url = $this->stub->url;
        $this->stub->stop();
        $error = $this->thrown(fn () => Calendar::get('c1', new Client(['base_url' => $url, 'token' => 'x'])));
        $this->assertInstanceOf(ConnectionException::class, $error);
        $this->assertSame('CONNECTION_ERROR', $error->getErrorCode());
    }

    public function testAnswersThatAreNotTheApisShape(): void
    {
        $client = $this->client([
            ['status' => 200, 'body' => '<html>proxy</html>', 'headers' => ['Content-Type' => 'text/html']],
            ['status' => 200, 'body' => '{"status":"ok","calendar":{"name":"no id"}}'],
            ['status' => 502, 'body' => '<html>bad gateway</html>', 'headers' => ['Content-Type' => 'text/html']],
            ['status' => 418, 'body' => '{"status":"error","message":"teapot","error_code":"SOMETHING_NEW"}'],
        ]);
        $this->assertInstanceOf(InvalidResponseException::class, $this->thrown(fn () => Calendar::get('c1', $client)));
        $missingId = $this->thrown(fn () => Calendar::get('c1', $client));
        $this->assertInstanceOf(InvalidResponseException::class, $missingId);
        $this->assertSame('INVALID_RESPONSE', $missingId->getErrorCode());
        $gateway = $this->thrown(fn () => Calendar::get('c1', $client));
        $this->assertInstanceOf(ServerException::class, $gateway);
        $this->assertSame(502, $gateway->getStatus());
        $unknown = $this->thrown(fn () => Calendar::get('c1', $client));
        $this->assertSame(SweetDateException::class, get_class($unknown));
        $this->assertSame(['teapot', 418, 'SOMETHING_NEW'], [$unknown->getMessage(), $unknown->getStatus(), $unknown->getErrorCode()]);
    }

    public function testFieldsANewerServerAddsStayReadable(): void
    {
        $newer = '{"status":"ok","event":{"id":"e1","calendar_id":"c1","title":"T","starts_at":"2025-08-21T09:00:00Z","ends_at":"2025-08-21T10:00:00Z","colour_hint":"teal"}}';
        $client = $this->client([['body' => self::CALENDAR], ['body' => $newer]]);
        $event = Calendar::get('c1', $client)->getEvent('e1');
        $this->assertSame('teal', $event->colour_hint);
        $this->assertSame('teal', $event->toArray()['colour_hint']);
        $this->assertNull($event->rsvp, 'a known field an older server leaves out reads as null');
        $this->expectException(\LogicException::class);
        $event->no_such_field;
    }

    public function testWhatGoesOnTheWire(): void
    {
        $client = $this->client([['status' => 200, 'body' => self::CALENDAR], ['status' => 200, 'body' => self::EVENT], ['status' => 200, 'body' => '{"status":"ok"}'], ['status' => 200, 'body' => '{"status":"ok","events":[],"meta":{"limit":25,"offset":0,"total":0}}']], ['headers' => ['X-Trace' => 'abc']]);
        $client->configure(['base_url' => $this->stub->url . '/api/v1/']);
        $calendar = Calendar::get('c/1 x', $client);
        $calendar->updateEvent('e1', ['title' => 'Ünïcode & "quotes"', 'all_day' => false], ['scope' => 'following', 'if_match' => 7]);
        $calendar->deleteEvent('e1_20250821T090000Z', ['scope' => 'all', 'if_match' => 'W/"8"']);
        $calendar->events(['limit' => 10, 'q' => 'a&b c', 'from' => null]);

        [$get, $put, $delete, $list] = $this->stub->requests();
        $this->assertSame('/api/v1/calendars/c%2F1%20x', $get['uri']);
        $this->assertSame('Bearer sdt_stub', $get['headers']['authorization']);
        $this->assertSame('application/json', $get['headers']['accept']);
        $this->assertSame('sweetdate-php/' . SweetDate::VERSION, $get['headers']['user-agent']);
        $this->assertSame('abc', $get['headers']['x-trace']);
        $this->assertSame('/api/v1/calendars/c1/events/e1?scope=following', $put['uri']);
        $this->assertSame('"7"', $put['headers']['if-match']);
        $this->assertSame('application/json', $put['headers']['content-type']);
        $this->assertSame(['title' => 'Ünïcode & "quotes"', 'all_day' => false], json_decode($put['body'], true));
        $this->assertSame('/api/v1/calendars/c1/events/e1_20250821T090000Z?scope=all', $delete['uri']);
        $this->assertSame('"8"', $delete['headers']['if-match']);
        $this->assertSame('/api/v1/calendars/c1/events?limit=10&q=a%26b%20c', $list['uri']);
    }

    public function testSyncFetchesEveryPageOfARoundAndMapsDeletions(): void
    {
        $event = fn (string $id) => ['id' => $id, 'calendar_id' => 'c1', 'title' => $id, 'starts_at' => '2025-08-21T09:00:00Z', 'ends_at' => '2025-08-21T10:00:00Z'];
        $page = fn (array $events, array $meta) => json_encode(['status' => 'ok', 'events' => $events, 'meta' => $meta]);
        $client = $this->client([
            ['body' => self::CALENDAR],
            ['body' => $page([$event('e1'), ['id' => 'e2', 'deleted' => true]], ['limit' => 2, 'offset' => 0, 'total' => 5])],
            // Nothing on this page the caller may see: the round goes on a whole page later.
            ['body' => $page([], ['limit' => 2, 'offset' => 2, 'total' => 5])],
            ['body' => $page([$event('e3')], ['limit' => 2, 'offset' => 4, 'total' => 5, 'next_sync_token' => 'tok-2'])],
            ['status' => 410, 'body' => '{"status":"error","message":"sync token expired","error_code":"SYNC_TOKEN_EXPIRED"}'],
            ['body' => $page([$event('e4')], ['limit' => 100, 'offset' => 0, 'total' => 1])],
        ]);
        $calendar = Calendar::get('c1', $client);

        $round = $calendar->sync(null, ['limit' => 2]);
        $this->assertSame(['e1', 'e3'], array_map(fn ($e) => $e->id, $round->events));
        $this->assertSame(['e2'], $round->deleted);
        $this->assertSame(['e1', ['id' => 'e2', 'deleted' => true], 'e3'], array_map(fn ($c) => is_array($c) ? $c : $c->id, $round->changes));
        $this->assertSame('tok-2', $round->nextSyncToken);
        $this->assertTrue($round->full);

        $expired = $this->thrown(fn () => $calendar->sync('tok-2'));
        $this->assertInstanceOf(SyncTokenExpiredException::class, $expired);
        $this->assertSame([410, 'SYNC_TOKEN_EXPIRED'], [$expired->getStatus(), $expired->getErrorCode()]);
        $this->assertInstanceOf(InvalidResponseException::class, $this->thrown(fn () => $calendar->sync('tok-3')), 'a round that ends without a token is not a sync answer');

        $this->assertSame([
            '/api/v1/calendars/c1',
            '/api/v1/calendars/c1/events?sync_token=&limit=2&offset=0',
            '/api/v1/calendars/c1/events?sync_token=&limit=2&offset=2',
            '/api/v1/calendars/c1/events?sync_token=&limit=2&offset=4',
            '/api/v1/calendars/c1/events?sync_token=tok-2&limit=100&offset=0',
            '/api/v1/calendars/c1/events?sync_token=tok-3&limit=100&offset=0',
        ], array_column($this->stub->requests(), 'uri'));
    }

    public function testConfiguration(): void
    {
        $saved = [getenv('SWEETDATE_URL'), getenv('SWEETDATE_API_TOKEN')];
        try {
            putenv('SWEETDATE_URL=https://cal.example.com/api/v1');
            putenv('SWEETDATE_API_TOKEN=sdt_env');
            $client = new Client();
            $this->assertSame(['https://cal.example.com', 'sdt_env', 30.0, 2], [$client->options()['base_url'], $client->options()['token'], $client->options()['timeout'], $client->options()['max_retries']]);
            $client->configure(['base_url' => 'http://other.test/', 'token' => 'sdt_explicit', 'timeout' => 5]);
            $this->assertSame(['http://other.test', 'sdt_explicit', 5.0], [$client->options()['base_url'], $client->options()['token'], $client->options()['timeout']]);
            $client->configure(['token' => null]);
            $this->assertSame('sdt_env', $client->options()['token'], 'null falls back to the environment');
            $this->assertStringNotContainsString('sdt_explicit', print_r((new Client(['token' => 'sdt_explicit'])), true));

            SweetDate::reset();
            SweetDate::configure(['base_url' => 'http://configured.test']);
            $this->assertSame('http://configured.test', SweetDate::client()->options()['base_url']);
            SweetDate::reset();
            $this->assertSame('https://cal.example.com', SweetDate::client()->options()['base_url']);

            $unknown = $this->thrown(fn () => new Client(['base_uri' => 'x']));
            $this->assertInstanceOf(ConfigurationException::class, $unknown);
            putenv('SWEETDATE_URL');
            $missing = $this->thrown(fn () => (new Client())->options());
            $this->assertInstanceOf(ConfigurationException::class, $missing);
            $this->assertSame('CONFIGURATION_ERROR', $missing->getErrorCode());
        } finally {
            SweetDate::reset();
            putenv($saved[0] === false ? 'SWEETDATE_URL' : "SWEETDATE_URL={$saved[0]}");
            putenv($saved[1] === false ? 'SWEETDATE_API_TOKEN' : "SWEETDATE_API_TOKEN={$saved[1]}");
        }
    }

    public function testRetryAfterParsing(): void
    {
        $this->assertSame(3, Client::parseRetryAfter('3'));
        $this->assertSame(30, Client::parseRetryAfter(gmdate('D, d M Y H:i:s', 1_000_030) . ' GMT', 1_000_000));
        $this->assertSame(0, Client::parseRetryAfter(gmdate('D, d M Y H:i:s', 999_000) . ' GMT', 1_000_000));
        $this->assertNull(Client::parseRetryAfter(null));
        $this->assertNull(Client::parseRetryAfter('soon'));
    }
}
