<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 412: if_match no longer matches: someone changed the event since you read it. */
class PreconditionFailedException extends SweetDateException
{
}
