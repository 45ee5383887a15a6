<?php

declare(strict_types=1);

namespace SweetDate\Tests;

use SweetDate\Calendar;
use SweetDate\Event;
use SweetDate\Exception\SyncTokenExpiredException;
use SweetDate\SyncResult;
use SweetDate\Tests\Support\LiveTestCase;

/**
 * calendar->sync() against the live server (SPEC §11: `?sync_token=`, pages, meta.next_sync_token,
 * deletions as {id, deleted: true}, 410 SYNC_TOKEN_EXPIRED).
 */
final class SyncTest extends LiveTestCase
{
    /**
     * Applies a sync round to a local copy, as a sync client does.
     *
     * @param array<string, array<string, mixed>> $copy
     * @return array<string, array<string, mixed>>
     */
    private static function apply(array $copy, SyncResult $round): array
    {
        foreach ($round->events as $event) {
            $copy[$event->id] = $event->toArray();
        }
        foreach ($round->deleted as $id) {
            unset($copy[$id]);
        }
        ksort($copy);
        return $copy;
    }

    /**
     * What a full list shows, by id. List items lack the sync-only `exdates` (a series' removed
     * occurrences), so those are compared without it.
     *
     * @param array<string, array<string, mixed>> $copy
     */
    private function assertMatchesTheList(Calendar $calendar, array $copy): void
    {
        $all = [];
        foreach ($calendar->allEvents() as $event) {
            $all[$event->id] = $event->toArray();
        }
        ksort($all);
        $this->assertEquals($all, array_map(fn (array $e) => array_diff_key($e, ['exdates' => true]), $copy));
        // And exactly what a fresh full round shows.
        $this->assertEquals(self::apply([], $calendar->sync()), $copy);
    }

    public function testAFullSyncThenIncrementalRoundsReproduceTheList(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $keep = $calendar->createEvent(['title' => 'Keep', 'starts_at' => '2025-08-21T09:00:00Z', 'ends_at' => '2025-08-21T10:00:00Z']);
        $change = $calendar->createEvent(['title' => 'Change me', 'starts_at' => '2025-08-22T09:00:00Z', 'ends_at' => '2025-08-22T10:00:00Z']);
        $drop = $calendar->createEvent(['title' => 'Drop me', 'starts_at' => '2025-08-23T09:00:00Z', 'ends_at' => '2025-08-23T10:00:00Z']);

        $full = $calendar->sync();
        $this->assertInstanceOf(SyncResult::class, $full);
        $this->assertNotSame('', $full->nextSyncToken);
        $this->assertTrue($full->full);
        $this->assertSame([], $full->deleted);
        $ids = array_map(fn (Event $e) => $e->id, $full->events);
        sort($ids);
        $expected = [$keep->id, $change->id, $drop->id];
        sort($expected);
        $this->assertSame($expected, $ids);
        $copy = self::apply([], $full);
        $this->assertMatchesTheList($calendar, $copy);

        $quiet = $calendar->sync($full->nextSyncToken);
        $this->assertFalse($quiet->full);
        $this->assertSame([[], []], [$quiet->events, $quiet->deleted], 'nothing changed, nothing sent');

        $changed = $calendar->updateEvent($change->id, ['title' => 'Changed']);
        $calendar->deleteEvent($drop->id);
        $added = $calendar->createEvent(['title' => 'Added', 'starts_at' => '2025-08-24T09:00:00Z', 'ends_at' => '2025-08-24T10:00:00Z']);

        $round = $calendar->sync($quiet->nextSyncToken);
        $sent = array_map(fn (Event $e) => $e->id, $round->events);
        sort($sent);
        $expected = [$change->id, $added->id];
        sort($expected);
        $this->assertSame($expected, $sent);
        $this->assertSame([$drop->id], $round->deleted);
        $this->assertCount(3, $round->changes);
        $this->assertContains(['id' => $drop->id, 'deleted' => true], $round->changes);
        $sent = array_values(array_filter($round->events, fn (Event $e) => $e->id === $change->id))[0];
        $this->assertEquals($changed->toArray(), array_diff_key($sent->toArray(), ['exdates' => true]));
        $this->assertSame([], $sent->exdates);
        $this->assertMatchesTheList($calendar, self::apply($copy, $round));
    }

    public function testARoundLargerThanOnePageIsFetchedWhole(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        for ($day = 1; $day <= 5; $day++) {
            self::rawEvent($calendar->id, ['title' => "Day {$day}", 'starts_at' => "2025-08-0{$day}T09:00:00Z", 'ends_at' => "2025-08-0{$day}T10:00:00Z"]);
        }
        $paged = $calendar->sync(null, ['limit' => 2]);
        $this->assertCount(5, $paged->events);
        $this->assertMatchesTheList($calendar, self::apply([], $paged));
    }

    public function testAnOccurrenceDeletedWithScopeThisReachesSyncAsAnExdate(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $series = $calendar->createEvent(['title' => 'Stand-up', 'starts_at' => '2025-09-01T09:00:00Z', 'ends_at' => '2025-09-01T09:15:00Z', 'rrule' => 'FREQ=DAILY;COUNT=5']);
        $token = $calendar->sync()->nextSyncToken;
        $calendar->deleteEvent("{$series->id}_20250903T090000Z", ['scope' => 'this']);
        $round = $calendar->sync($token);
        $master = array_values(array_filter($round->events, fn (Event $e) => $e->id === $series->id));
        $this->assertCount(1, $master, 'the series master is sent again');
        $this->assertContains('2025-09-03T09:00:00Z', (array) $master[0]->exdates);
    }

    public function testAnUnknownTokenIsSyncTokenExpired(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $error = $this->thrown(fn () => $calendar->sync('not-a-real-token'));
        $this->assertInstanceOf(SyncTokenExpiredException::class, $error);
        $this->assertSame(410, $error->getStatus());
        $this->assertSame('SYNC_TOKEN_EXPIRED', $error->getErrorCode());
        // Starting over works.
        $this->assertNotSame('', $calendar->sync(null)->nextSyncToken);
    }
}
