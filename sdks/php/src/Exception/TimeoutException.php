<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** No answer within the timeout (status 0, TIMEOUT). */
class TimeoutException extends SweetDateException
{
}
