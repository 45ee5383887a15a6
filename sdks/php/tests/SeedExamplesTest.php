<?php

declare(strict_types=1);

namespace SweetDate\Tests;

use SweetDate\Event;
use SweetDate\Tests\Support\LiveTestCase;
use SweetDate\Tests\Support\Raw;

/**
 * Seed 004's PHP examples (tests/seed/*.php, byte for byte as the seed prints them) run against
 * the live server with only "CALENDAR-ID"/"EVENT-ID" replaced; the SDK is configured by
 * SWEETDATE_URL and SWEETDATE_API_TOKEN alone. The results are checked over the raw API.
 */
final class SeedExamplesTest extends LiveTestCase
{
    /**
     * Includes an example (its variables land here) and returns them with what it printed.
     *
     * @param array<string, string> $placeholders
     * @return array<string, mixed> the example's variables plus "output"
     */
    private static function runExample(string $example, array $placeholders): array
    {
        $file = self::prepare($example, $placeholders);
        try {
            ob_start();
            try {
                include $file;
            } finally {
                $output = (string) ob_get_clean();
            }
        } finally {
            unlink($file);
        }
        unset($file, $example, $placeholders);
        return get_defined_vars();
    }

    /** @param array<string, string> $placeholders */
    private static function prepare(string $example, array $placeholders): string
    {
        $source = (string) file_get_contents(__DIR__ . "/seed/{$example}.php");
        foreach ($placeholders as $placeholder => $value) {
            $source = str_replace('"' . $placeholder . '"', '"' . $value . '"', $source);
        }
        $file = sys_get_temp_dir() . '/sweetdate-seed-' . bin2hex(random_bytes(8)) . '.php';
        file_put_contents($file, $source);
        return $file;
    }

    public function testListEventsPrintsTheMatchingEvents(): void
    {
        $calendar = self::rawCalendar();
        $planning = self::rawEvent($calendar['id'], ['title' => 'Planning meeting']);
        $retro = self::rawEvent($calendar['id'], ['title' => 'Retro', 'description' => 'after the MEETING', 'starts_at' => '2025-08-22T09:00:00Z', 'ends_at' => '2025-08-22T10:00:00Z']);
        self::rawEvent($calendar['id'], ['title' => 'Lunch']);

        $vars = self::runExample('list-events', ['CALENDAR-ID' => $calendar['id']]);

        $events = $vars['events'];
        $this->assertIsArray($events);
        $this->assertContainsOnlyInstancesOf(Event::class, $events);
        $this->assertSame([$planning['id'], $retro['id']], array_map(fn (Event $e) => $e->id, $events));
        $this->assertSame($planning, $events[0]->toArray());
        $this->assertStringContainsString('SweetDate\Event Object', $vars['output']);
        $this->assertStringContainsString('[title] => Planning meeting', $vars['output']);
        $this->assertStringContainsString('[title] => Retro', $vars['output']);
        $this->assertStringNotContainsString('Lunch', $vars['output']);
    }

    public function testCreateEventPrintsTheCreatedEvent(): void
    {
        $calendar = self::rawCalendar();

        $vars = self::runExample('create-event', ['CALENDAR-ID' => $calendar['id']]);

        $event = $vars['event'];
        $this->assertInstanceOf(Event::class, $event);
        $this->assertSame('Sprint Planning', $event->title);
        $this->assertSame('2025-08-21T09:00:00Z', $event->starts_at);
        $this->assertSame('2025-08-21T10:00:00Z', $event->ends_at);
        $this->assertSame('Room A', $event->location);
        $this->assertSame('Quarterly planning session', $event->description);
        $this->assertSame('tentative', $event->status);
        $this->assertSame($calendar['id'], $event->calendar_id);
        $stored = Raw::expect(200, self::token(), 'GET', "/api/v1/calendars/{$calendar['id']}/events/{$event->id}")['event'];
        $this->assertSame($stored, $event->toArray());
        $this->assertStringContainsString('[status] => tentative', $vars['output']);
        $this->assertStringContainsString("[id] => {$event->id}", $vars['output']);
    }

    public function testGetEventPrintsTheEvent(): void
    {
        $calendar = self::rawCalendar();
        $existing = self::rawEvent($calendar['id'], ['title' => 'Sprint Planning', 'location' => 'Room A', 'status' => 'confirmed']);

        $vars = self::runExample('get-event', ['CALENDAR-ID' => $calendar['id'], 'EVENT-ID' => $existing['id']]);

        $this->assertInstanceOf(Event::class, $vars['event']);
        $this->assertSame($existing, $vars['event']->toArray());
        $this->assertStringContainsString('[location] => Room A', $vars['output']);
    }

    public function testUpdateEventPrintsTheUpdatedEvent(): void
    {
        $calendar = self::rawCalendar();
        $existing = self::rawEvent($calendar['id'], ['title' => 'Sprint Planning', 'location' => 'Room A', 'description' => 'Quarterly planning session']);

        $vars = self::runExample('update-event', ['CALENDAR-ID' => $calendar['id'], 'EVENT-ID' => $existing['id']]);

        $updated = $vars['updated'];
        $this->assertInstanceOf(Event::class, $updated);
        $this->assertSame($existing['id'], $updated->id);
        $this->assertSame('Sprint Planning (Updated)', $updated->title);
        $this->assertSame('confirmed', $updated->status);
        $this->assertSame('Room B', $updated->location);
        $this->assertSame('Quarterly planning session', $updated->description, 'a partial update keeps other fields');
        $this->assertGreaterThan($existing['sequence'], $updated->sequence);
        $stored = Raw::expect(200, self::token(), 'GET', "/api/v1/calendars/{$calendar['id']}/events/{$existing['id']}")['event'];
        $this->assertSame($stored, $updated->toArray());
        $this->assertStringContainsString('[title] => Sprint Planning (Updated)', $vars['output']);
    }

    public function testDeleteEventPrintsStatusOk(): void
    {
        $calendar = self::rawCalendar();
        $existing = self::rawEvent($calendar['id'], ['title' => 'Sprint Planning']);

        $vars = self::runExample('delete-event', ['CALENDAR-ID' => $calendar['id'], 'EVENT-ID' => $existing['id']]);

        $this->assertSame(['status' => 'ok'], $vars['resp']);
        $this->assertSame("Array\n(\n    [status] => ok\n)\n", $vars['output']);
        $this->assertSame(404, Raw::call(self::token(), 'GET', "/api/v1/calendars/{$calendar['id']}/events/{$existing['id']}")['status']);
    }

    /** The same five in a plain `php` process: only the Composer-free autoloader, only the environment. */
    public function testEveryExampleRunsInAFreshPhpProcessWithOnlyTheEnvironment(): void
    {
        $calendar = self::rawCalendar();
        $autoload = dirname(__DIR__) . '/autoload.php';
        $runPhp = function (string $example, array $placeholders) use ($autoload): string {
            $file = self::prepare($example, $placeholders);
            try {
                $command = [PHP_BINARY, '-d', 'auto_prepend_file=' . $autoload, $file];
                $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, ['SWEETDATE_URL' => Raw::baseUrl(), 'SWEETDATE_API_TOKEN' => self::token(), 'PATH' => (string) getenv('PATH')]);
                $out = (string) stream_get_contents($pipes[1]);
                $err = (string) stream_get_contents($pipes[2]);
                $code = proc_close($process);
                $this->assertSame(0, $code, "{$example} failed: {$out}{$err}");
                return $out;
            } finally {
                unlink($file);
            }
        };

        $created = $runPhp('create-event', ['CALENDAR-ID' => $calendar['id']]);
        $this->assertSame(1, preg_match('/\[id\] => ([0-9a-f-]{36})/', $created, $m), $created);
        $id = $m[1];
        $this->assertStringContainsString('Sprint Planning', $runPhp('get-event', ['CALENDAR-ID' => $calendar['id'], 'EVENT-ID' => $id]));
        self::rawEvent($calendar['id'], ['title' => 'Team meeting']);
        $listed = $runPhp('list-events', ['CALENDAR-ID' => $calendar['id']]);
        $this->assertStringContainsString('[title] => Team meeting', $listed);
        $this->assertStringNotContainsString('Sprint Planning', $listed);
        $this->assertStringContainsString('[location] => Room B', $runPhp('update-event', ['CALENDAR-ID' => $calendar['id'], 'EVENT-ID' => $id]));
        $this->assertSame("Array\n(\n    [status] => ok\n)\n", $runPhp('delete-event', ['CALENDAR-ID' => $calendar['id'], 'EVENT-ID' => $id]));
        $this->assertSame(404, Raw::call(self::token(), 'GET', "/api/v1/calendars/{$calendar['id']}/events/{$id}")['status']);
    }
}
