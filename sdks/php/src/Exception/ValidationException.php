<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** 422: the input was rejected; getFields() maps each field to its messages. */
class ValidationException extends SweetDateException
{
}
