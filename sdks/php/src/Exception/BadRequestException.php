<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 400: the request could not be read (malformed JSON, empty body …). */
class BadRequestException extends SweetDateException
{
}
