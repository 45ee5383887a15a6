<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 5xx: the server failed; safe to retry later. */
class ServerException extends SweetDateException
{
}
