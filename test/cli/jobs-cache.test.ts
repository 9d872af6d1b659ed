import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const SLICE = (name: string): string => `package p

func ${name}(us []string) []string {
	var out []string
	for _, u := range us {
		out = append(out, u+"!")
	}
	return out
}
`;

/** prealloc-slice is measured below the comment tier's precision: the repository lets its evidence decide. */
const CONFIG = 'rules:\n  prealloc-slice: { tier: comment }\n';

let dir: string;
let cwd: string;
let out: string;

beforeEach(() => {
  cwd = process.cwd();
  dir = mkdtempSync(join(tmpdir(), 'go-standards-jobs-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github/go-standards.yml'), CONFIG);
  mkdirSync(join(dir, 'svc'));
  for (const name of ['A', 'B', 'C']) writeFileSync(join(dir, `svc/${name.toLowerCase()}.go`), SLICE(name));
  process.chdir(dir);
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  process.chdir(cwd);
  vi.restoreAllMocks();
});

async function findings(...args: string[]): Promise<Array<{ path: string; message: string }>> {
  out = '';
  await main(['check', 'svc', '--format', 'json', ...args]);
  return JSON.parse(out);
}

describe('--jobs', () => {
  it('gives on a worker pool what one thread gives', { timeout: 60_000 }, async () => {
    const one = await findings('--jobs', '1');
    expect(one).toHaveLength(3);
    expect(await findings('--jobs', '2')).toEqual(one);
    expect(await main(['check', '--jobs', '0'])).toBe(2);
  });
});

describe('--cache', () => {
  it('reuses an unchanged file analysis; content and configuration changes miss', async () => {
    const first = await findings('--cache');
    const cacheFile = join(dir, '.go-standards-cache');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(cache.entries)).toHaveLength(3);
    // Mark every cached finding: a hit shows the mark, an analysis does not.
    for (const entry of Object.values(cache.entries) as Array<{ findings: Array<{ message: string }> }>) for (const f of entry.findings) f.message = 'from the cache';
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect((await findings('--cache')).map((f) => f.message)).toEqual(['from the cache', 'from the cache', 'from the cache']);
    writeFileSync('svc/b.go', SLICE('B2'));
    expect((await findings('--cache')).map((f) => f.message === 'from the cache')).toEqual([true, false, true]);
    writeFileSync('cfg.yml', `goVersion: "1.22"\n${CONFIG}`);
    expect((await findings('--cache', '--config', 'cfg.yml')).map((f) => f.message)).toEqual(first.map((f) => f.message));
    await findings('--cache-location', 'elsewhere/cache.json');
    expect(Object.keys(JSON.parse(readFileSync('elsewhere/cache.json', 'utf8')).entries)).toHaveLength(3);
  });
});
