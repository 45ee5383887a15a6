<?php

declare(strict_types=1);

namespace SweetDate\Exception;

/**
 * Base of every SDK error: getStatus() is the HTTP status (0 when no answer arrived),
 * getErrorCode() the API's error_code (or the SDK's own: TIMEOUT, CONNECTION_ERROR,
 * INVALID_RESPONSE, CONFIGURATION_ERROR, HTTP_ERROR).
 */
class SweetDateException extends \RuntimeException
{
    /** error_code → class. */
    private const BY_CODE = [
        'BAD_REQUEST' => BadRequestException::class,
        'UNAUTHORIZED' => AuthenticationException::class,
        'FORBIDDEN' => PermissionException::class,
        'NOT_FOUND' => NotFoundException::class,
        'CONFLICT' => ConflictException::class,
        'PRECONDITION_FAILED' => PreconditionFailedException::class,
        'VALIDATION_ERROR' => ValidationException::class,
        'RATE_LIMITED' => RateLimitException::class,
        'SYNC_TOKEN_EXPIRED' => SyncTokenExpiredException::class,
        'INTERNAL_ERROR' => ServerException::class,
    ];

    /** HTTP status → error_code, for answers without a readable body. */
    private const CODE_BY_STATUS = [
        400 => 'BAD_REQUEST',
        401 => 'UNAUTHORIZED',
        403 => 'FORBIDDEN',
        404 => 'NOT_FOUND',
        409 => 'CONFLICT',
        410 => 'SYNC_TOKEN_EXPIRED',
        412 => 'PRECONDITION_FAILED',
        413 => 'PAYLOAD_TOO_LARGE',
        415 => 'UNSUPPORTED_MEDIA_TYPE',
        422 => 'VALIDATION_ERROR',
        429 => 'RATE_LIMITED',
        500 => 'INTERNAL_ERROR',
    ];

    /**
     * @param array<string, list<string>> $fields
     */
    public function __construct(
        string $message,
        private readonly int $status = 0,
        private readonly string $errorCode = 'HTTP_ERROR',
        private readonly array $fields = [],
        private readonly ?string $requestId = null,
        private readonly ?int $retryAfter = null,
        private readonly mixed $body = null,
        ?\Throwable $previous = null,
    ) {
        parent::__construct($message, $status, $previous);
    }

    /**
     * The exception for an HTTP failure: by the body's error_code, else by status.
     *
     * @param array<string, string> $headers lower-cased names
     */
    public static function fromAnswer(int $status, string $text, array $headers): self
    {
        $body = json_decode($text, true);
        if (!is_array($body)) {
            $body = $text; // not JSON (a proxy's HTML page, say): keep the text
        }
        $shaped = is_array($body) ? $body : [];
        $message = is_string($shaped['message'] ?? null) ? $shaped['message'] : "HTTP {$status}";
        $code = is_string($shaped['error_code'] ?? null) ? $shaped['error_code'] : (self::CODE_BY_STATUS[$status] ?? 'HTTP_ERROR');
        $fields = [];
        if (is_array($shaped['fields'] ?? null)) {
            foreach ($shaped['fields'] as $field => $messages) {
                $fields[(string) $field] = array_values(array_map('strval', (array) $messages));
            }
        }
        $class = self::BY_CODE[$code] ?? ($status >= 500 ? ServerException::class : self::class);
        $retryAfter = \SweetDate\Client::parseRetryAfter($headers['retry-after'] ?? null);
        return new $class($message, $status, $code, $fields, $headers['x-request-id'] ?? null, $retryAfter, $body);
    }

    /** The HTTP status (0 when no answer arrived). */
    public function getStatus(): int
    {
        return $this->status;
    }

    /** The API's error_code, e.g. NOT_FOUND. */
    public function getErrorCode(): string
    {
        return $this->errorCode;
    }

    /**
     * Validation messages by field (422 only), e.g. ['ends_at' => ['must be after starts_at']].
     *
     * @return array<string, list<string>>
     */
    public function getFields(): array
    {
        return $this->fields;
    }

    /** The server's x-request-id, to quote when reporting a problem. */
    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    /** Seconds the server asked to wait (Retry-After), when it sent one. */
    public function getRetryAfter(): ?int
    {
        return $this->retryAfter;
    }

    /** The decoded answer (or its text when it was not JSON). */
    public function getBody(): mixed
    {
        return $this->body;
    }
}
