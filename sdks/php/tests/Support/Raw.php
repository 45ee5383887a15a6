<?php

declare(strict_types=1);

namespace SweetDate\Tests\Support;

/**
 * Plain HTTP against the live server, independent of the SDK's own transport: tests make their
 * data with it and check what the SDK wrote with it.
 */
final class Raw
{
    /**
     * @param array<string, mixed>|null $body
     * @return array{status: int, body: mixed}
     */
    public static function call(string $token, string $method, string $path, ?array $body = null): array
    {
        $handle = curl_init(self::baseUrl() . $path);
        $headers = ['Accept: application/json', 'Authorization: Bearer ' . $token];
        if ($body !== null) {
            $headers[] = 'Content-Type: application/json';
            curl_setopt($handle, CURLOPT_POSTFIELDS, json_encode($body, JSON_THROW_ON_ERROR));
        }
        curl_setopt_array($handle, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_HTTPHEADER => $headers, CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 60]);
        $text = curl_exec($handle);
        if ($text === false) {
            throw new \RuntimeException("{$method} {$path}: " . curl_error($handle));
        }
        $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        curl_close($handle);
        return ['status' => $status, 'body' => json_decode((string) $text, true)];
    }

    /**
     * The decoded body, after checking the status.
     *
     * @param array<string, mixed>|null $body
     * @return array<string, mixed>
     */
    public static function expect(int $status, string $token, string $method, string $path, ?array $body = null): array
    {
        $answer = self::call($token, $method, $path, $body);
        if ($answer['status'] !== $status) {
            throw new \RuntimeException("{$method} {$path}: expected {$status}, got {$answer['status']}: " . json_encode($answer['body']));
        }
        return (array) $answer['body'];
    }

    public static function baseUrl(): string
    {
        $url = getenv('SWEETDATE_URL');
        if ($url === false || $url === '') {
            throw new \RuntimeException('SWEETDATE_URL is not set: run the suite through e2e/sdk/php.spec.ts or set SWEETDATE_URL and SWEETDATE_API_TOKEN');
        }
        return rtrim($url, '/');
    }
}
