<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 403: you can see it but may not do this. */
class PermissionException extends SweetDateException
{
}
