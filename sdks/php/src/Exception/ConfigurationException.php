<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/** Missing or unknown settings (status 0, CONFIGURATION_ERROR). */
class ConfigurationException extends SweetDateException
{
    public function __construct(string $message)
    {
        parent::__construct($message, 0, 'CONFIGURATION_ERROR');
    }
}
