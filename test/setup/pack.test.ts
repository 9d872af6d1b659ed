/**
 * Distribution as a user without this checkout gets it: `npm pack` (which builds dist/ through
 * `prepare`), the tarball installed in an empty folder from the npm registry, and the
 * `go-standards` binary run there, native tree-sitter binding included.
 *
 * Slow, so it has its own timeout (and runs beside the other test files): the install compiles
 * tree-sitter's binding where its prebuilt one does not load (Debian 12's libstdc++ is older
 * than it needs), one to three minutes on two cores; `JOBS=max` lets node-gyp use them all.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

// Under `npm test` the environment carries npm's own settings (npm_config_*): the child npm
// commands must see a user's plain environment.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_'))),
  JOBS: 'max',
};

const work = mkdtempSync(join(tmpdir(), 'go-standards-pack-'));
afterAll(() => rm(work, { recursive: true, force: true }), 60_000);

const GO_SOURCE = `package p

func doubled(xs []int) []int {
	var out []int
	for _, x := range xs {
		out = append(out, 2*x)
	}
	return out
}
`;

describe('npm pack', () => {
  it('gives a tarball that installs in a fresh folder, where go-standards runs', async () => {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env, maxBuffer: 1 << 26 });
    const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['dist/cli/bin.js', 'dist/server.js', 'app.yml', 'package.json']));
    expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('test/'))).toEqual([]);

    const consumer = join(work, 'consumer');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    writeFileSync(join(consumer, 'doubled.go'), GO_SOURCE);
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, filename)], { cwd: consumer, env });

    const bin = await run(join(consumer, 'node_modules/.bin/go-standards'), ['--version'], { cwd: consumer, env });
    expect(bin.stdout).toBe(`${version}\n`);
    const npx = await run('npx', ['--no-install', 'go-standards', '--version'], { cwd: consumer, env });
    expect(npx.stdout).toBe(`${version}\n`);

    // prealloc-slice is measured below the comment tier's precision (precision.json, packaged
    // with the rules): a configuration lets its evidence decide, so the finding comments and fails.
    writeFileSync(join(consumer, 'go-standards.yml'), 'rules:\n  prealloc-slice: { tier: comment }\n');
    const check = await run('npx', ['--no-install', 'go-standards', 'check', 'doubled.go', '--config', 'go-standards.yml', '--format', 'json', '--fail-level', 'warning'], { cwd: consumer, env }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('"rule": "prealloc-slice"');
    expect(check.stdout).toContain('"tier": "comment"');
  }, 300_000);
});
