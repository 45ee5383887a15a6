<?php

declare(strict_types=1);

namespace SweetDate;

/**
 * A user of the installation.
 *
 * @property-read string $id
 * @property-read string $email
 * @property-read string $name
 * @property-read string $time_zone
 * @property-read string $inserted_at
 * @property-read string $updated_at
 */
class User extends Resource
{
    protected const REQUIRED = ['id', 'email', 'name'];
    protected const OPTIONAL = ['time_zone', 'inserted_at', 'updated_at'];
}
