<?php

declare(strict_types=1);

namespace SweetDate;

/**
 * A calendar member: the user plus their role in the calendar.
 *
 * @property-read string $role owner|admin|member|guest
 */
final class Member extends User
{
    protected const REQUIRED = ['id', 'email', 'name', 'role'];
}
