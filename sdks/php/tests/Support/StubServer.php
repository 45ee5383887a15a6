<?php

declare(strict_types=1);

namespace SweetDate\Tests\Support;

/**
 * A scripted HTTP server (`php -S` with stub-router.php) for what the live server will not do on
 * demand: 429/503 answers, stalls, non-JSON bodies. It answers requests with the scripted
 * responses in order and records each request.
 */
final class StubServer
{
    /** @var resource */
    private $process;
    private string $dir;
    public readonly string $url;

    /** @param list<array{status?: int, headers?: array<string, string>, body?: string, delay?: float}> $responses */
    public function __construct(array $responses)
    {
        $this->dir = sys_get_temp_dir() . '/sweetdate-stub-' . bin2hex(random_bytes(6));
        mkdir($this->dir);
        file_put_contents($this->dir . '/script.json', json_encode($responses, JSON_THROW_ON_ERROR));
        $port = self::freePort();
        $this->url = "http://127.0.0.1:{$port}";
        $command = [PHP_BINARY, '-S', "127.0.0.1:{$port}", __DIR__ . '/stub-router.php'];
        $env = ['STUB_DIR' => $this->dir, 'PATH' => (string) getenv('PATH')];
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', $this->dir . '/server.log', 'w']], $pipes, null, $env);
        if (!is_resource($process)) {
            throw new \RuntimeException('could not start php -S');
        }
        $this->process = $process;
        // Ready when it accepts a connection (no fixed sleep: poll, with a generous ceiling).
        $deadline = microtime(true) + 30;
        while (true) {
            $socket = @stream_socket_client("tcp://127.0.0.1:{$port}", $errno, $errstr, 1);
            if ($socket !== false) {
                fclose($socket);
                break;
            }
            if (microtime(true) > $deadline) {
                throw new \RuntimeException('php -S did not start: ' . file_get_contents($this->dir . '/server.log'));
            }
            usleep(20_000);
        }
    }

    /** @return list<array{method: string, uri: string, headers: array<string, string>, body: string}> */
    public function requests(): array
    {
        $log = @file_get_contents($this->dir . '/requests.jsonl');
        if ($log === false || $log === '') {
            return [];
        }
        return array_map(fn (string $line) => json_decode($line, true), explode("\n", trim($log)));
    }

    public function stop(): void
    {
        if (is_resource($this->process)) {
            proc_terminate($this->process);
            proc_close($this->process);
        }
        foreach (glob($this->dir . '/*') ?: [] as $file) {
            unlink($file);
        }
        @rmdir($this->dir);
    }

    public function __destruct()
    {
        $this->stop();
    }

    private static function freePort(): int
    {
        $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
        if ($server === false) {
            throw new \RuntimeException("no free port: {$errstr}");
        }
        $name = (string) stream_socket_get_name($server, false);
        fclose($server);
        return (int) substr($name, strrpos($name, ':') + 1);
    }
}
