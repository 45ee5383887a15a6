<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** The server answered something the SDK cannot read (INVALID_RESPONSE). */
class InvalidResponseException extends SweetDateException
{
}
