<?php

declare(strict_types=1);

namespace SweetDate;

use SweetDate\Exception\ConfigurationException;
use SweetDate\Exception\ConnectionException;
use SweetDate\Exception\InvalidResponseException;
use SweetDate\Exception\SweetDateException;
use SweetDate\Exception\TimeoutException;

/**
 * One connection to a SweetDate server: settings, authentication, JSON, a per-attempt timeout,
 * retries with backoff for idempotent calls answered 429/503, and errors mapped to typed exceptions.
 *
 * Settings (all optional; explicit values win over the environment):
 *   base_url          server origin, e.g. https://cal.example.com (env SWEETDATE_URL; a trailing /api/v1 is tolerated)
 *   token             personal API token (env SWEETDATE_API_TOKEN)
 *   timeout           seconds per attempt, connect + answer + body (default 30; 0 = none)
 *   connect_timeout   seconds to establish the connection (default 10; 0 = none)
 *   max_retries       retries of GET/PUT/DELETE answered 429 or 503 (default 2; POST is never retried)
 *   retry_base_delay  first backoff in seconds, doubled per retry, with jitter (default 0.25)
 *   retry_max_delay   longest wait in seconds; a longer Retry-After fails at once (default 10)
 *   headers           extra headers sent with every request, ['Name' => 'value']
 */
final class Client
{
    public const DEFAULTS = [
        'base_url' => null,
        'token' => null,
        'timeout' => 30.0,
        'connect_timeout' => 10.0,
        'max_retries' => 2,
        'retry_base_delay' => 0.25,
        'retry_max_delay' => 10.0,
        'headers' => [],
    ];

    private const IDEMPOTENT = ['GET', 'PUT', 'DELETE'];
    private const RETRYABLE_STATUS = [429, 503];

    /** @var array<string, mixed> */
    private array $options = [];

    /** @var null|\Closure(float): void */
    private ?\Closure $sleeper = null;

    /** @param array<string, mixed> $options */
    public function __construct(array $options = [])
    {
        $this->configure($options);
    }

    /**
     * Merges settings into earlier ones; a key given as null falls back to its environment/default value.
     *
     * @param array<string, mixed> $options
     */
    public function configure(array $options): self
    {
        foreach ($options as $key => $value) {
            if (!array_key_exists($key, self::DEFAULTS)) {
                throw new ConfigurationException("SweetDate: unknown setting \"{$key}\" (known: " . implode(', ', array_keys(self::DEFAULTS)) . ')');
            }
            if ($value === null) {
                unset($this->options[$key]);
            } else {
                $this->options[$key] = $value;
            }
        }
        return $this;
    }

    /**
     * The settings the next request uses, after environment fallbacks.
     *
     * @return array{base_url: string, token: ?string, timeout: float, connect_timeout: float, max_retries: int, retry_base_delay: float, retry_max_delay: float, headers: array<string, string>}
     */
    public function options(): array
    {
        $baseUrl = $this->options['base_url'] ?? self::env('SWEETDATE_URL');
        if ($baseUrl === null || trim((string) $baseUrl) === '') {
            throw new ConfigurationException('SweetDate: no server URL; call \SweetDate\SweetDate::configure(["base_url" => …]) or set SWEETDATE_URL');
        }
        return [
            'base_url' => self::normalizeBaseUrl((string) $baseUrl),
            'token' => $this->options['token'] ?? self::env('SWEETDATE_API_TOKEN'),
            'timeout' => (float) ($this->options['timeout'] ?? self::DEFAULTS['timeout']),
            'connect_timeout' => (float) ($this->options['connect_timeout'] ?? self::DEFAULTS['connect_timeout']),
            'max_retries' => (int) ($this->options['max_retries'] ?? self::DEFAULTS['max_retries']),
            'retry_base_delay' => (float) ($this->options['retry_base_delay'] ?? self::DEFAULTS['retry_base_delay']),
            'retry_max_delay' => (float) ($this->options['retry_max_delay'] ?? self::DEFAULTS['retry_max_delay']),
            'headers' => (array) ($this->options['headers'] ?? []),
        ];
    }

    /** Replaces the wait between retries (tests record the delays instead of sleeping). */
    public function setSleeper(?callable $sleeper): void
    {
        $this->sleeper = $sleeper === null ? null : \Closure::fromCallable($sleeper);
    }

    // ── Resources ─────────────────────────────────────────────────────────────────────────────

    /** A calendar by id. */
    public function calendar(string $calendarId): Calendar
    {
        $body = $this->request('GET', '/api/v1/calendars/' . self::seg($calendarId));
        return new Calendar($this, self::member($body, 'calendar'));
    }

    /**
     * The caller's calendars, each with the caller's role.
     *
     * @param array{limit?: int, offset?: int} $page
     * @return list<Calendar>
     */
    public function calendars(array $page = []): array
    {
        $body = $this->request('GET', '/api/v1/calendars', $page);
        return array_map(fn (array $data) => new Calendar($this, $data), self::listOf($body, 'calendars'));
    }

    /** @param array<string, mixed> $attrs name (required), description, color, time_zone */
    public function createCalendar(array $attrs): Calendar
    {
        return new Calendar($this, self::member($this->request('POST', '/api/v1/calendars', [], $attrs), 'calendar'));
    }

    /** The user the token belongs to. */
    public function me(): User
    {
        return new User(self::member($this->request('GET', '/api/v1/me'), 'user'));
    }

    /**
     * Users of this installation by name or email (to add them to calendars and events).
     *
     * @param array{limit?: int, offset?: int} $page
     * @return list<User>
     */
    public function searchUsers(?string $q = null, array $page = []): array
    {
        $body = $this->request('GET', '/api/v1/users', ['q' => $q] + $page);
        return array_map(fn (array $data) => new User($data), self::listOf($body, 'users'));
    }

    /**
     * One page of events across every calendar the caller can see.
     *
     * @param array{limit?: int, offset?: int, q?: string, from?: string, to?: string} $options
     */
    public function eventsPage(array $options = []): Page
    {
        return Page::fromBody($this->request('GET', '/api/v1/events', $options), 'events', fn (array $e) => new Event($e));
    }

    // ── Transport ─────────────────────────────────────────────────────────────────────────────

    /**
     * Any API call with this client's auth, retries, timeout and error mapping; returns the decoded
     * JSON answer as an array.
     *
     * @param array<string, scalar|null> $query
     * @param array<string, string> $headers
     * @return array<string, mixed>
     */
    public function request(string $method, string $path, array $query = [], mixed $body = null, array $headers = []): array
    {
        $method = strtoupper($method);
        $options = $this->options();
        $url = $options['base_url'] . $path . self::queryString($query);
        $sendHeaders = ['Accept' => 'application/json', 'User-Agent' => 'sweetdate-php/' . SweetDate::VERSION] + $headers + $options['headers'];
        if ($options['token'] !== null && $options['token'] !== '') {
            $sendHeaders['Authorization'] = 'Bearer ' . $options['token'];
        }
        $payload = null;
        if ($body !== null) {
            $sendHeaders['Content-Type'] = 'application/json';
            $payload = json_encode(self::jsonReady($body), JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
        }

        for ($attempt = 0; ; $attempt++) {
            $answer = $this->attempt($options, $method, $url, $sendHeaders, $payload);
            if ($answer['status'] >= 200 && $answer['status'] < 300) {
                return $this->decode($method, $path, $answer);
            }
            $error = SweetDateException::fromAnswer($answer['status'], $answer['body'], $answer['headers']);
            if (in_array($method, self::IDEMPOTENT, true) && in_array($answer['status'], self::RETRYABLE_STATUS, true) && $attempt < $options['max_retries']) {
                $delay = self::retryDelay($attempt, self::parseRetryAfter($answer['headers']['retry-after'] ?? null), $options['retry_base_delay'], $options['retry_max_delay']);
                if ($delay !== null) {
                    $this->sleep($delay);
                    continue;
                }
            }
            throw $error;
        }
    }

    /**
     * @param array<string, mixed> $options
     * @param array<string, string> $headers
     * @return array{status: int, headers: array<string, string>, body: string}
     */
    private function attempt(array $options, string $method, string $url, array $headers, ?string $payload): array
    {
        $handle = curl_init($url);
        $received = [];
        $lines = [];
        foreach ($headers as $name => $value) {
            $lines[] = $name . ': ' . $value;
        }
        $lines[] = 'Expect:'; // no 100-continue round trip for larger bodies
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_TIMEOUT_MS => (int) round($options['timeout'] * 1000),
            CURLOPT_CONNECTTIMEOUT_MS => (int) round($options['connect_timeout'] * 1000),
            CURLOPT_NOSIGNAL => true,
            CURLOPT_HEADERFUNCTION => static function ($ch, string $line) use (&$received): int {
                $parts = explode(':', $line, 2);
                if (count($parts) === 2) {
                    $received[strtolower(trim($parts[0]))] = trim($parts[1]);
                } elseif (str_starts_with($line, 'HTTP/')) {
                    $received = []; // a new response (after a 1xx): forget the previous headers
                }
                return strlen($line);
            },
        ]);
        if ($payload !== null) {
            curl_setopt($handle, CURLOPT_POSTFIELDS, $payload);
        }
        $body = curl_exec($handle);
        $errno = curl_errno($handle);
        $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        $message = curl_error($handle);
        curl_close($handle);
        if ($errno === CURLE_OPERATION_TIMEDOUT) {
            throw new TimeoutException("SweetDate: {$method} {$url} got no answer within {$options['timeout']} s", 0, 'TIMEOUT');
        }
        if ($errno !== 0 || $body === false) {
            throw new ConnectionException("SweetDate: {$method} {$url} failed: {$message}", 0, 'CONNECTION_ERROR');
        }
        return ['status' => $status, 'headers' => $received, 'body' => (string) $body];
    }

    /**
     * @param array{status: int, headers: array<string, string>, body: string} $answer
     * @return array<string, mixed>
     */
    private function decode(string $method, string $path, array $answer): array
    {
        try {
            $json = json_decode($answer['body'], true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new InvalidResponseException("SweetDate: {$method} {$path} answered {$answer['status']} with a body that is not JSON", $answer['status'], 'INVALID_RESPONSE', requestId: $answer['headers']['x-request-id'] ?? null, body: $answer['body'], previous: $e);
        }
        if (!is_array($json) || ($json['status'] ?? null) !== 'ok') {
            throw new InvalidResponseException("SweetDate: unexpected answer to {$method} {$path}: no \"status\": \"ok\"", $answer['status'], 'INVALID_RESPONSE', requestId: $answer['headers']['x-request-id'] ?? null, body: $json);
        }
        return $json;
    }

    private function sleep(float $seconds): void
    {
        if ($this->sleeper !== null) {
            ($this->sleeper)($seconds);
        } elseif ($seconds > 0) {
            usleep((int) round($seconds * 1_000_000));
        }
    }

    // ── Helpers (public for the resources and the tests) ──────────────────────────────────────

    /** Retry-After as seconds (delta-seconds or an HTTP date); null when absent or unreadable. */
    public static function parseRetryAfter(?string $header, ?int $now = null): ?int
    {
        if ($header === null || trim($header) === '') {
            return null;
        }
        $header = trim($header);
        if (preg_match('/^\d+$/', $header) === 1) {
            return (int) $header;
        }
        $date = strtotime($header);
        if ($date === false) {
            return null;
        }
        return max(0, $date - ($now ?? time()));
    }

    /**
     * Seconds to wait before retry number $attempt (0-based), or null to give up: the server's
     * Retry-After when given (give up when it exceeds the cap), else exponential backoff with
     * equal jitter (between ½ and 1 × base · 2^attempt, capped).
     */
    public static function retryDelay(int $attempt, ?int $retryAfter, float $base, float $max, ?float $random = null): ?float
    {
        if ($retryAfter !== null) {
            return $retryAfter > $max ? null : (float) $retryAfter;
        }
        $ceiling = min($max, $base * (2 ** $attempt));
        $random ??= mt_rand() / mt_getrandmax();
        return $ceiling / 2 + $random * $ceiling / 2;
    }

    public static function normalizeBaseUrl(string $url): string
    {
        $url = rtrim(trim($url), '/');
        return (string) preg_replace('#/api/v1$#', '', $url);
    }

    /** rawurlencode for one path segment. */
    public static function seg(string $value): string
    {
        return rawurlencode($value);
    }

    /** @param array<string, scalar|null> $query */
    public static function queryString(array $query): string
    {
        $pairs = [];
        foreach ($query as $key => $value) {
            if ($value === null) {
                continue;
            }
            if (is_bool($value)) {
                $value = $value ? 'true' : 'false';
            }
            $pairs[] = rawurlencode((string) $key) . '=' . rawurlencode((string) $value);
        }
        return $pairs === [] ? '' : '?' . implode('&', $pairs);
    }

    /** Resources sent back as input become their wire arrays; enums their values. */
    private static function jsonReady(mixed $value): mixed
    {
        if ($value instanceof Resource) {
            return $value->toArray();
        }
        if (is_array($value)) {
            return array_map(self::jsonReady(...), $value);
        }
        return $value;
    }

    /**
     * The object under $key of an envelope.
     *
     * @param array<string, mixed> $body
     * @return array<string, mixed>
     */
    public static function member(array $body, string $key): array
    {
        if (!isset($body[$key]) || !is_array($body[$key]) || array_is_list($body[$key]) && $body[$key] !== []) {
            throw new InvalidResponseException("SweetDate: unexpected answer: no \"{$key}\" object", 200, 'INVALID_RESPONSE', body: $body);
        }
        return $body[$key];
    }

    /**
     * The list under $key of an envelope.
     *
     * @param array<string, mixed> $body
     * @return list<array<string, mixed>>
     */
    public static function listOf(array $body, string $key): array
    {
        if (!isset($body[$key]) || !is_array($body[$key]) || !array_is_list($body[$key])) {
            throw new InvalidResponseException("SweetDate: unexpected answer: no \"{$key}\" list", 200, 'INVALID_RESPONSE', body: $body);
        }
        foreach ($body[$key] as $item) {
            if (!is_array($item)) {
                throw new InvalidResponseException("SweetDate: unexpected answer: \"{$key}\" holds a non-object", 200, 'INVALID_RESPONSE', body: $body);
            }
        }
        return $body[$key];
    }

    private static function env(string $name): ?string
    {
        $value = getenv($name);
        return $value === false || $value === '' ? null : $value;
    }

    /** @return array<string, mixed> print_r/var_dump never show the token. */
    public function __debugInfo(): array
    {
        $shown = $this->options;
        if (isset($shown['token'])) {
            $shown['token'] = '[redacted]';
        }
        return $shown;
    }
}
