<?php

declare(strict_types=1);

namespace SweetDate\Tests;

use SweetDate\Calendar;
use SweetDate\Client;
use SweetDate\Exception\AuthenticationException;
use SweetDate\Exception\ConflictException;
use SweetDate\Exception\NotFoundException;
use SweetDate\Exception\PermissionException;
use SweetDate\Exception\PreconditionFailedException;
use SweetDate\Exception\ValidationException;
use SweetDate\Tests\Support\LiveTestCase;
use SweetDate\Tests\Support\Raw;

/** Typed exceptions from real answers of the live server. */
final class ErrorsTest extends LiveTestCase
{
    public function testNotFoundForUnknownCalendarUnknownEventAndMalformedId(): void
    {
        $missing = $this->thrown(fn () => Calendar::get(self::UNKNOWN));
        $this->assertInstanceOf(NotFoundException::class, $missing);
        $this->assertSame(404, $missing->getStatus());
        $this->assertSame('NOT_FOUND', $missing->getErrorCode());
        $this->assertSame('not found', $missing->getMessage());
        $this->assertNotEmpty($missing->getRequestId());

        $calendar = Calendar::get(self::rawCalendar()['id']);
        $this->assertInstanceOf(NotFoundException::class, $this->thrown(fn () => $calendar->getEvent(self::UNKNOWN)));
        $this->assertInstanceOf(NotFoundException::class, $this->thrown(fn () => $calendar->getEvent('not-an-id')));
        $this->assertInstanceOf(NotFoundException::class, $this->thrown(fn () => $calendar->deleteEvent(self::UNKNOWN)));
        $this->assertInstanceOf(NotFoundException::class, $this->thrown(fn () => $calendar->updateEvent(self::UNKNOWN, ['title' => 'x'])));
    }

    public function testNotFoundForAnotherUsersCalendar(): void
    {
        $calendarId = self::rawCalendar()['id'];
        $stranger = self::clientFor(self::other()['token']);
        $this->assertInstanceOf(NotFoundException::class, $this->thrown(fn () => Calendar::get($calendarId, $stranger)));
    }

    public function testValidationWithFields(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);

        $blank = $this->thrown(fn () => $calendar->createEvent(['title' => 'No times']));
        $this->assertInstanceOf(ValidationException::class, $blank);
        $this->assertSame(422, $blank->getStatus());
        $this->assertSame('VALIDATION_ERROR', $blank->getErrorCode());
        $this->assertSame('invalid input', $blank->getMessage());
        $this->assertSame(["can't be blank"], $blank->getFields()['starts_at']);
        $this->assertSame(["can't be blank"], $blank->getFields()['ends_at']);

        $backwards = $this->thrown(fn () => $calendar->createEvent(['title' => 'Backwards', 'starts_at' => '2025-08-21T10:00:00Z', 'ends_at' => '2025-08-21T09:00:00Z']));
        $this->assertInstanceOf(ValidationException::class, $backwards);
        $this->assertSame(['ends_at' => ['must be after starts_at']], $backwards->getFields());

        $existing = self::rawEvent($calendar->id, ['title' => 'Existing']);
        $unknown = $this->thrown(fn () => $calendar->updateEvent($existing['id'], ['colour' => 'red']));
        $this->assertInstanceOf(ValidationException::class, $unknown);
        $this->assertSame(['colour' => ['is not allowed']], $unknown->getFields());

        $badPage = $this->thrown(fn () => $calendar->events(['limit' => 0]));
        $this->assertInstanceOf(ValidationException::class, $badPage);
        $this->assertSame(['limit'], array_keys($badPage->getFields()));
    }

    public function testAuthenticationForABadTokenAndForNoToken(): void
    {
        $calendarId = self::rawCalendar()['id'];
        $bogus = new Client(['base_url' => Raw::baseUrl(), 'token' => 'sdt_not_a_real_token']);
        $error = $this->thrown(fn () => Calendar::get($calendarId, $bogus));
        $this->assertInstanceOf(AuthenticationException::class, $error);
        $this->assertSame(401, $error->getStatus());
        $this->assertSame('UNAUTHORIZED', $error->getErrorCode());

        $saved = getenv('SWEETDATE_API_TOKEN');
        putenv('SWEETDATE_API_TOKEN');
        try {
            $anonymous = new Client(['base_url' => Raw::baseUrl()]);
            $this->assertInstanceOf(AuthenticationException::class, $this->thrown(fn () => Calendar::list([], $anonymous)));
        } finally {
            putenv("SWEETDATE_API_TOKEN={$saved}");
        }
    }

    public function testPermissionForAGuestWhoMayReadButNotWrite(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $guest = self::other();
        $calendar->addUser($guest['id'], ['role' => 'guest']);

        $asGuest = Calendar::get($calendar->id, self::clientFor($guest['token']));
        $this->assertSame('guest', $asGuest->role);
        $this->assertSame([], $asGuest->events());
        $error = $this->thrown(fn () => $asGuest->createEvent(['title' => 'Nope', 'starts_at' => '2025-08-21T09:00:00Z', 'ends_at' => '2025-08-21T10:00:00Z']));
        $this->assertInstanceOf(PermissionException::class, $error);
        $this->assertSame(403, $error->getStatus());
        $this->assertSame('FORBIDDEN', $error->getErrorCode());
        $this->assertInstanceOf(PermissionException::class, $this->thrown(fn () => $asGuest->update(['name' => 'Mine now'])));
    }

    public function testConflictWhenAddingAMemberTwice(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $other = self::other();
        $calendar->addUser($other['id']);
        $error = $this->thrown(fn () => $calendar->addUser($other['id']));
        $this->assertInstanceOf(ConflictException::class, $error);
        $this->assertSame(409, $error->getStatus());
        $this->assertSame('CONFLICT', $error->getErrorCode());
    }

    public function testPreconditionFailedWhenIfMatchIsStale(): void
    {
        $calendar = Calendar::get(self::rawCalendar()['id']);
        $event = $calendar->createEvent(['title' => 'Draft', 'starts_at' => '2025-08-21T09:00:00Z', 'ends_at' => '2025-08-21T10:00:00Z']);
        $changed = $calendar->updateEvent($event->id, ['title' => 'Final'], ['if_match' => $event->sequence]);
        $this->assertGreaterThan($event->sequence, $changed->sequence);

        $error = $this->thrown(fn () => $calendar->updateEvent($event->id, ['title' => 'Lost update'], ['if_match' => $event->sequence]));
        $this->assertInstanceOf(PreconditionFailedException::class, $error);
        $this->assertSame(412, $error->getStatus());
        $this->assertSame('PRECONDITION_FAILED', $error->getErrorCode());
        $this->assertInstanceOf(PreconditionFailedException::class, $this->thrown(fn () => $calendar->deleteEvent($event->id, ['if_match' => $event->sequence])));
        $this->assertSame('Final', $calendar->getEvent($event->id)->title);
        // The current sequence (also as an ETag string) is accepted.
        $this->assertSame('Final!', $calendar->updateEvent($event->id, ['title' => 'Final!'], ['if_match' => '"' . $changed->sequence . '"'])->title);
    }
}
