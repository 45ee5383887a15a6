<?php

declare(strict_types=1);

namespace SweetDate;

/**
 * An event participant: the user plus their role and RSVP.
 *
 * @property-read string $role editor|viewer|collaboration_complete
 * @property-read string $rsvp needs_action|accepted|declined|tentative
 */
final class EventUser extends User
{
    protected const REQUIRED = ['id', 'email', 'name', 'role', 'rsvp'];
}
