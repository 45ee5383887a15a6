<?php

declare(strict_types=1);

namespace SweetDate\Tests;

use SweetDate\Calendar;
use SweetDate\Event;
use SweetDate\Events;
use SweetDate\EventUser;
use SweetDate\Exception\NotFoundException;
use SweetDate\Member;
use SweetDate\SweetDate;
use SweetDate\Tests\Support\LiveTestCase;
use SweetDate\Tests\Support\Raw;
use SweetDate\User;
use SweetDate\Users;

/** The rest of the SDK against the live server: paging, calendars, members, participants, users, windows and scopes. */
final class ResourcesTest extends LiveTestCase
{
    public function testEventsPageInStartsAtOrderWithMetaAndAllEventsWalksEveryPage(): void
    {
        $calendarId = self::rawCalendar()['id'];
        $made = [];
        foreach ([25, 21, 23, 22, 24] as $day) {
            $made[] = self::rawEvent($calendarId, ['title' => "Day {$day}", 'starts_at' => "2025-08-{$day}T09:00:00Z", 'ends_at' => "2025-08-{$day}T10:00:00Z"]);
        }
        usort($made, fn ($a, $b) => strcmp($a['starts_at'], $b['starts_at']));
        $inOrder = array_column($made, 'id');
        $calendar = Calendar::get($calendarId);
        $ids = fn (array $events) => array_map(fn (Event $e) => $e->id, $events);

        $pages = [$calendar->events(['limit' => 2, 'offset' => 0]), $calendar->events(['limit' => 2, 'offset' => 2]), $calendar->events(['limit' => 2, 'offset' => 4])];
        $this->assertSame([2, 2, 1], array_map('count', $pages));
        $this->assertSame($inOrder, $ids(array_merge(...$pages)));
        $this->assertSame([], $calendar->events(['limit' => 2, 'offset' => 5]));

        $page = $calendar->eventsPage(['limit' => 2, 'offset' => 2]);
        $this->assertSame(['limit' => 2, 'offset' => 2, 'total' => 5], $page->meta);
        $this->assertSame(array_slice($inOrder, 2, 2), $ids($page->items));
        $this->assertTrue($page->hasMore());
        $this->assertSame(['limit' => 25, 'offset' => 0, 'total' => 5], $calendar->eventsPage()->meta);

        $this->assertSame($inOrder, $ids(iterator_to_array($calendar->allEvents(['limit' => 2]), false)));
        $this->assertSame([$made[2]['id']], $ids(iterator_to_array($calendar->allEvents(['limit' => 2, 'q' => 'day 23']), false)));
    }

    public function testEventsHaveReadersArrayAccessAndJson(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $event = $calendar->createEvent(['title' => 'Retro #team', 'starts_at' => '2025-08-21T09:00:00Z', 'ends_at' => '2025-08-21T10:00:00Z', 'visibility' => 'busy']);
        $this->assertSame('Retro #team', $event->title);
        $this->assertSame('Retro #team', $event['title']);
        $this->assertSame('busy', $event->visibility);
        $this->assertSame(['team'], $event->tags);
        $this->assertIsInt($event->sequence);
        $this->assertTrue($event->editable);
        $this->assertTrue(isset($event->title));
        $this->assertFalse(isset($event->description));
        $this->assertSame($event->toArray(), json_decode((string) json_encode($event), true));
        $this->expectException(\LogicException::class);
        $event->title = 'changed locally';
    }

    public function testCalendarsCreateListGetUpdateDelete(): void
    {
        $created = Calendar::create(['name' => 'Release train', 'color' => '#10b981', 'time_zone' => 'Europe/Berlin']);
        $this->assertInstanceOf(Calendar::class, $created);
        $this->assertSame(['Release train', '#10b981', 'Europe/Berlin', 'owner'], [$created->name, $created->color, $created->time_zone, $created->role]);
        $this->assertSame(['color', 'default_reminders', 'description', 'id', 'inserted_at', 'name', 'role', 'source_url', 'time_zone', 'updated_at'], self::sortedKeys($created->toArray()));
        // print_r and var_dump show the wire fields, never the client or its token.
        $printed = print_r($created, true);
        $this->assertStringContainsString('[name] => Release train', $printed);
        $this->assertStringNotContainsString(self::token(), $printed);
        $this->assertStringNotContainsString(self::token(), print_r(SweetDate::client(), true));

        // The suite's other tests made calendars for this user too: walk every page.
        $names = [];
        for ($offset = 0; $page = Calendar::list(['limit' => 100, 'offset' => $offset]); $offset += 100) {
            $names = array_merge($names, array_map(fn (Calendar $c) => $c->name, $page));
        }
        $this->assertContains('Release train', $names);
        $this->assertCount(1, Calendar::list(['limit' => 1]));

        $same = $created->update(['name' => 'Release train (EU)']);
        $this->assertSame($created, $same);
        $this->assertSame('Release train (EU)', $created->name);
        $this->assertSame('Release train (EU)', Calendar::get($created->id)->name);

        $this->assertSame(['status' => 'ok'], $created->delete());
        $this->assertInstanceOf(NotFoundException::class, $this->thrown(fn () => Calendar::get($created->id)));
    }

    public function testUsersSearchAndMeAndCalendarMembers(): void
    {
        $me = Users::me();
        $this->assertInstanceOf(User::class, $me);
        $other = self::other();
        $found = Users::search($other['email']);
        $this->assertSame([$other['id']], array_map(fn (User $u) => $u->id, $found));

        $calendar = Calendar::get(self::rawCalendar()['id']);
        $added = $calendar->addUser($other['id']);
        $this->assertInstanceOf(Member::class, $added);
        $this->assertSame([$other['id'], 'member', $other['email']], [$added->id, $added->role, $added->email]);
        $roles = array_map(fn (Member $m) => [$m->id, $m->role], $calendar->users());
        sort($roles);
        $expected = [[$me->id, 'owner'], [$other['id'], 'member']];
        sort($expected);
        $this->assertSame($expected, $roles);
        $this->assertSame('admin', $calendar->updateUser($other['id'], ['role' => 'admin'])->role);
        $this->assertSame('admin', Calendar::get($calendar->id, self::clientFor($other['token']))->role);
        $this->assertCount(1, $calendar->users(['limit' => 1]));
        $this->assertSame(['status' => 'ok'], $calendar->removeUser($other['id']));
        $this->assertSame([$me->id], array_map(fn (Member $m) => $m->id, $calendar->users()));
    }

    public function testEventUsersAddListUpdateRemove(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $guest = self::other();
        $calendar->addUser($guest['id']);
        $event = $calendar->createEvent(['title' => 'Design review', 'starts_at' => '2025-08-21T09:00:00Z', 'ends_at' => '2025-08-21T10:00:00Z', 'default_role' => 'viewer']);

        $added = $calendar->addEventUser($event->id, $guest['id']);
        $this->assertInstanceOf(EventUser::class, $added);
        $this->assertSame([$guest['id'], 'viewer', 'needs_action'], [$added->id, $added->role, $added->rsvp]);
        $this->assertSame([$guest['id']], array_map(fn (EventUser $u) => $u->id, $calendar->eventUsers($event->id)));
        // The participant answers for themselves through their own client.
        $theirs = Calendar::get($calendar->id, self::clientFor($guest['token']));
        $answered = $theirs->updateEventUser($event->id, $guest['id'], ['rsvp' => 'accepted']);
        $this->assertSame(['accepted', 'viewer'], [$answered->rsvp, $answered->role]);
        $promoted = $calendar->updateEventUser($event->id, $guest['id'], ['role' => 'editor']);
        $this->assertSame(['accepted', 'editor'], [$promoted->rsvp, $promoted->role]);
        $this->assertSame(['status' => 'ok'], $calendar->removeEventUser($event->id, $guest['id']));
        $this->assertSame([], $calendar->eventUsers($event->id));
    }

    public function testWindowsListOccurrencesAndScopeThisChangesOneOccurrence(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $series = $calendar->createEvent(['title' => 'Stand-up', 'starts_at' => '2025-09-01T09:00:00Z', 'ends_at' => '2025-09-01T09:15:00Z', 'rrule' => 'FREQ=WEEKLY;BYDAY=MO']);
        $this->assertSame(['weekly', 'FREQ=WEEKLY;BYDAY=MO'], [$series->recurrence_rule, $series->rrule]);

        $window = ['from' => '2025-09-01T00:00:00Z', 'to' => '2025-09-29T00:00:00Z'];
        $occurrences = $calendar->events($window);
        $this->assertSame(
            array_map(fn ($d) => "{$series->id}_{$d}T090000Z", ['20250901', '20250908', '20250915', '20250922']),
            array_map(fn (Event $o) => $o->id, $occurrences),
        );
        [, $second, $third] = $occurrences;
        $read = $calendar->getEvent($second->id);
        $this->assertSame([$series->id, '2025-09-08T09:00:00Z'], [$read->recurring_event_id, $read->original_starts_at]);

        $moved = $calendar->updateEvent($second->id, ['title' => 'Stand-up (moved)', 'starts_at' => '2025-09-08T10:00:00Z', 'ends_at' => '2025-09-08T10:15:00Z'], ['scope' => 'this']);
        $this->assertSame(['Stand-up (moved)', '2025-09-08T10:00:00Z'], [$moved->title, $moved->starts_at]);
        $this->assertSame(['status' => 'ok'], $calendar->deleteEvent($third->id, ['scope' => 'this']));

        $this->assertSame([
            ['Stand-up', '2025-09-01T09:00:00Z'],
            ['Stand-up (moved)', '2025-09-08T10:00:00Z'],
            ['Stand-up', '2025-09-22T09:00:00Z'],
        ], self::titlesAndStarts($calendar->events($window)));
        $this->assertSame('Stand-up', Raw::expect(200, self::token(), 'GET', "/api/v1/calendars/{$calendar->id}/events/{$series->id}")['event']['title']);
    }

    public function testScopeFollowingAndAll(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $series = $calendar->createEvent(['title' => 'Sync', 'starts_at' => '2025-09-01T09:00:00Z', 'ends_at' => '2025-09-01T09:30:00Z', 'rrule' => 'FREQ=DAILY;COUNT=6']);
        $window = ['from' => '2025-09-01T00:00:00Z', 'to' => '2025-09-10T00:00:00Z'];
        $occurrences = $calendar->events($window);
        $this->assertCount(6, $occurrences);

        // following: the 4th occurrence and those after it change; the first three stay.
        $calendar->updateEvent($occurrences[3]->id, ['title' => 'Sync (new time)', 'location' => 'Room C'], ['scope' => 'following']);
        $this->assertSame(
            ['Sync', 'Sync', 'Sync', 'Sync (new time)', 'Sync (new time)', 'Sync (new time)'],
            array_map(fn (Event $o) => $o->title, $calendar->events($window)),
        );

        // all: every occurrence of the (original) series changes.
        $first = $calendar->events($window)[0];
        $calendar->updateEvent($first->id, ['location' => 'Room A'], ['scope' => 'all']);
        $this->assertSame(['Room A', 'Room A', 'Room A'], array_map(fn (Event $o) => $o->location, array_slice($calendar->events($window), 0, 3)));

        // delete following from the 2nd: only the first occurrence of that series is left.
        $this->assertSame(['status' => 'ok'], $calendar->deleteEvent($calendar->events($window)[1]->id, ['scope' => 'following']));
        $left = array_map(fn (Event $o) => [$o->title, $o->starts_at], $calendar->events($window));
        $this->assertSame(['Sync', '2025-09-01T09:00:00Z'], $left[0]);
        $this->assertNotContains(['Sync', '2025-09-02T09:00:00Z'], $left);
        $this->assertNotContains(['Sync', '2025-09-03T09:00:00Z'], $left);

        // delete all through an occurrence id: that series is gone from the window.
        $this->assertSame(['status' => 'ok'], $calendar->deleteEvent($calendar->events($window)[0]->id, ['scope' => 'all']));
        $this->assertNotContains('Sync', array_map(fn (Event $o) => $o->title, $calendar->events($window)));
    }

    public function testEventsAcrossAllCalendars(): void
    {
        $first = Calendar::get(self::rawCalendar()['id']);
        $second = Calendar::create(['name' => 'Second']);
        $tag = 'x' . bin2hex(random_bytes(4));
        $a = self::rawEvent($first->id, ['title' => "In the first {$tag}"]);
        $b = $second->createEvent(['title' => "In the second {$tag}", 'starts_at' => '2025-08-22T09:00:00Z', 'ends_at' => '2025-08-22T10:00:00Z']);
        // Other tests' events may be visible too: look at these two calendars only.
        $mine = fn (array $events) => array_values(array_map(fn (Event $e) => $e->id, array_filter($events, fn (Event $e) => in_array($e->calendar_id, [$first->id, $second->id], true))));
        $this->assertSame([$a['id'], $b->id], $mine(Events::list(['q' => $tag])));
        $this->assertSame([$b->id], $mine(Events::list(['q' => "in the second {$tag}"])));
        $page = Events::page(['limit' => 1]);
        $this->assertSame(1, $page->meta['limit']);
        $this->assertCount(1, $page->items);
        $this->assertGreaterThanOrEqual(2, $page->meta['total']);
        $this->assertSame([$b->id], $mine(Events::list(['from' => '2025-08-22T00:00:00Z', 'to' => '2025-08-23T00:00:00Z', 'q' => $tag])));
    }

    /** @param list<Event> $events @return list<array{string, string}> */
    private static function titlesAndStarts(array $events): array
    {
        return array_map(fn (Event $o) => [$o->title, $o->starts_at], $events);
    }

    /** @param array<string, mixed> $data @return list<string> */
    private static function sortedKeys(array $data): array
    {
        $keys = array_keys($data);
        sort($keys);
        return $keys;
    }
}
