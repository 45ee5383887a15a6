<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 410: the sync token is unknown, malformed, foreign or expired: start over with sync(null). */
class SyncTokenExpiredException extends SweetDateException
{
}
