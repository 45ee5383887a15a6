<?php

declare(strict_types=1);

namespace SweetDate;

use SweetDate\Exception\InvalidResponseException;

/**
 * One page of a list: the items and the server's meta (limit, offset, total).
 *
 * @template T of Resource
 */
final class Page
{
    /**
     * @param list<T> $items
     * @param array{limit: int, offset: int, total: int} $meta
     */
    public function __construct(public readonly array $items, public readonly array $meta)
    {
    }

    /**
     * @param array<string, mixed> $body
     * @param callable(array<string, mixed>): T $make
     * @return self<T>
     */
    public static function fromBody(array $body, string $key, callable $make): self
    {
        $meta = $body['meta'] ?? null;
        if (!is_array($meta) || !is_int($meta['limit'] ?? null) || !is_int($meta['offset'] ?? null) || !is_int($meta['total'] ?? null)) {
            throw new InvalidResponseException("SweetDate: unexpected answer: no \"meta\" with limit, offset and total", 200, 'INVALID_RESPONSE', body: $body);
        }
        return new self(array_map($make, Client::listOf($body, $key)), $meta);
    }

    /** Whether a page after this one (offset + limit) can hold more items. */
    public function hasMore(): bool
    {
        return $this->items !== [] && $this->meta['offset'] + $this->meta['limit'] < $this->meta['total'];
    }
}
