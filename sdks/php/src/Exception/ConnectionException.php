<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** The server could not be reached: DNS, refused, reset … (status 0, CONNECTION_ERROR). */
class ConnectionException extends SweetDateException
{
}
