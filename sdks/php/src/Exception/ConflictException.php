<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 409: conflicts with the current state (already a member, last owner, concurrent change …). */
class ConflictException extends SweetDateException
{
}
