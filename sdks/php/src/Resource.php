<?php

declare(strict_types=1);

namespace SweetDate;

use SweetDate\Exception\InvalidResponseException;

/**
 * A read-only API object: its wire fields are readers ($event->title), also readable as an array
 * ($event['title']); toArray()/json_encode give the wire object back, and print_r shows exactly
 * that. Fields a newer server adds are kept and readable too.
 *
 * @implements \ArrayAccess<string, mixed>
 */
abstract class Resource implements \ArrayAccess, \JsonSerializable
{
    /** Fields every answer must carry (an answer without them is an InvalidResponseException). */
    protected const REQUIRED = ['id'];
    /** Fields that read as null when an (older) server leaves them out. */
    protected const OPTIONAL = [];

    /** @var array<string, mixed> */
    protected array $data;

    /** @param array<string, mixed> $data the wire object */
    public function __construct(array $data)
    {
        foreach (static::REQUIRED as $field) {
            if (!array_key_exists($field, $data)) {
                $name = (new \ReflectionClass($this))->getShortName();
                throw new InvalidResponseException("SweetDate: unexpected answer: a {$name} without \"{$field}\"", 200, 'INVALID_RESPONSE', body: $data);
            }
        }
        $this->data = $data;
    }

    public function __get(string $name): mixed
    {
        if (array_key_exists($name, $this->data)) {
            return $this->data[$name];
        }
        if (in_array($name, static::OPTIONAL, true)) {
            return null;
        }
        throw new \LogicException(sprintf('%s has no field "%s"', static::class, $name));
    }

    public function __isset(string $name): bool
    {
        return isset($this->data[$name]);
    }

    public function __set(string $name, mixed $value): void
    {
        throw new \LogicException(sprintf('%s is read-only; send changes through the API', static::class));
    }

    public function __unset(string $name): void
    {
        throw new \LogicException(sprintf('%s is read-only; send changes through the API', static::class));
    }

    /** @return array<string, mixed> the wire object */
    public function toArray(): array
    {
        return $this->data;
    }

    /** @return array<string, mixed> */
    public function jsonSerialize(): array
    {
        return $this->data;
    }

    /** @return array<string, mixed> */
    public function __debugInfo(): array
    {
        return $this->data;
    }

    public function offsetExists(mixed $offset): bool
    {
        return isset($this->data[$offset]);
    }

    public function offsetGet(mixed $offset): mixed
    {
        return $this->__get((string) $offset);
    }

    public function offsetSet(mixed $offset, mixed $value): void
    {
        $this->__set((string) $offset, $value);
    }

    public function offsetUnset(mixed $offset): void
    {
        $this->__unset((string) $offset);
    }
}
