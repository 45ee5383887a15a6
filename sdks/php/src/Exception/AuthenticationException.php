<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 401: missing, invalid or revoked token. */
class AuthenticationException extends SweetDateException
{
}
