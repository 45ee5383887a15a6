<?php

declare(strict_types=1);

namespace SweetDate\Tests;

use SweetDate\SweetDate;
use SweetDate\Tests\Support\LiveTestCase;
use SweetDate\Tests\Support\Raw;

/** The package itself: version, Composer metadata, PSR-4 layout. */
final class PackageTest extends LiveTestCase
{
    public function testTheVersionFollowsTheApis(): void
    {
        $composer = json_decode((string) file_get_contents(dirname(__DIR__) . '/composer.json'), true, 512, JSON_THROW_ON_ERROR);
        $this->assertSame(SweetDate::VERSION, $composer['version']);
        $repository = dirname(__DIR__, 3) . '/package.json';
        $this->assertSame(json_decode((string) file_get_contents($repository), true)['version'], SweetDate::VERSION, 'the server package.json');
        $openapi = Raw::expect(200, self::token(), 'GET', '/api/v1/openapi.json');
        $this->assertSame($openapi['info']['version'], SweetDate::VERSION, "the live server's OpenAPI info.version");
    }

    public function testComposerMetadataIsReadyToPublish(): void
    {
        $composer = json_decode((string) file_get_contents(dirname(__DIR__) . '/composer.json'), true, 512, JSON_THROW_ON_ERROR);
        $this->assertSame('sweetdate/sdk', $composer['name']);
        $this->assertSame('library', $composer['type']);
        $this->assertSame(['SweetDate\\' => 'src/'], $composer['autoload']['psr-4']);
        $this->assertSame(['php', 'ext-curl', 'ext-json'], array_keys($composer['require']), 'no runtime dependencies beyond PHP and its extensions');
        $this->assertNotEmpty($composer['license']);
        $this->assertNotEmpty($composer['description']);
    }

    public function testEveryFileIsOnePsr4ClassLoadableWithoutComposer(): void
    {
        $src = dirname(__DIR__) . '/src';
        $files = new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($src, \FilesystemIterator::SKIP_DOTS));
        $count = 0;
        foreach ($files as $file) {
            $relative = substr($file->getPathname(), strlen($src) + 1, -4);
            $class = 'SweetDate\\' . str_replace('/', '\\', $relative);
            $this->assertTrue(class_exists($class) || interface_exists($class), "{$relative}.php declares {$class}");
            $this->assertSame($file->getRealPath(), (new \ReflectionClass($class))->getFileName());
            $count++;
        }
        $this->assertGreaterThan(20, $count);
    }
}
