<?php

// Router for StubServer (`php -S … stub-router.php`): logs the request, then answers with the
// next scripted response (status, headers, body, an optional delay in seconds before answering).

declare(strict_types=1);

$dir = (string) getenv('STUB_DIR');
$headers = [];
foreach (getallheaders() as $name => $value) {
    $headers[strtolower($name)] = $value;
}
file_put_contents($dir . '/requests.jsonl', json_encode([
    'method' => $_SERVER['REQUEST_METHOD'],
    'uri' => $_SERVER['REQUEST_URI'],
    'headers' => $headers,
    'body' => (string) file_get_contents('php://input'),
]) . "\n", FILE_APPEND | LOCK_EX);

$script = json_decode((string) file_get_contents($dir . '/script.json'), true);
$count = count(file($dir . '/requests.jsonl'));
$response = $script[min($count, count($script)) - 1] ?? ['status' => 500, 'body' => 'no script'];
if (isset($response['delay'])) {
    usleep((int) ($response['delay'] * 1_000_000));
}
http_response_code($response['status'] ?? 200);
header('Content-Type: ' . ($response['headers']['Content-Type'] ?? 'application/json'));
foreach ($response['headers'] ?? [] as $name => $value) {
    header("{$name}: {$value}");
}
echo $response['body'] ?? '{"status":"ok"}';
return true;
