<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 404: unknown, foreign or malformed id (the API never reveals which). */
class NotFoundException extends SweetDateException
{
}
