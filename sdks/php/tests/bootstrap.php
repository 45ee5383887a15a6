<?php

// PHPUnit bootstrap: the SDK through its own Composer-free autoloader, plus the test support.

declare(strict_types=1);

require dirname(__DIR__) . '/autoload.php';
require __DIR__ . '/Support/Raw.php';
require __DIR__ . '/Support/LiveTestCase.php';
require __DIR__ . '/Support/StubServer.php';
