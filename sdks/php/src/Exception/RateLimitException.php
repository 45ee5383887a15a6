<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 429: too many requests; getRetryAfter() is the server's Retry-After in seconds (when sent). */
class RateLimitException extends SweetDateException
{
}
