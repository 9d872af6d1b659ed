import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput, writeCommentingConfig } from './sandbox.js';
import { planFixes } from '../../src/cli/fix.js';
import { countSyntaxErrors, parseGo } from '../../src/core/go/parser.js';
import type { Finding } from '../../src/core/model.js';

/** Two fixable findings in one file (an error and a warning), on separate lines. */
const TWO_FIXES = `package p

import (
	"os"
	"os/signal"
)

type User struct{ Name string }

func wait() os.Signal {
	sigs := make(chan os.Signal)
	signal.Notify(sigs, os.Interrupt)
	return <-sigs
}

func Names(us []User) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.Name)
	}
	return out
}
`;


let dir: string;
let cwd: string;
let out: string;
let err: string;

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
}

beforeEach(() => {
  cwd = process.cwd();
  dir = mkdtempSync(join(tmpdir(), 'go-standards-fix-'));
  mkdirSync(join(dir, 'svc/inner'), { recursive: true });
  writeCommentingConfig(dir);
  writeFileSync(join(dir, 'svc/two.go'), TWO_FIXES);
  process.chdir(dir);
  out = '';
  err = '';
  captureOutput((stream, text) => (stream === 'out' ? (out += text) : (err += text)));
});

afterEach(() => {
  process.chdir(cwd);
  vi.restoreAllMocks();
});

describe('--fix', () => {
  it('applies every fix of a file in place; the result parses and re-checks clean', async () => {
    expect(await main(['check', 'svc', '--fix', '--format', 'json', '--fail-level', 'warning'])).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
    expect(err).toContain('go-standards: fixed 2 findings in 1 file\n');
    const fixed = readFileSync('svc/two.go', 'utf8');
    expect(fixed).toContain('\tsigs := make(chan os.Signal, 1)\n');
    expect(fixed).toContain('\tout := make([]string, 0, len(us))\n');
    expect(countSyntaxErrors(parseGo(fixed))).toBe(0);
    // gofmt-clean, where a Go toolchain is installed.
    const gofmt = ['/usr/lib/go-1.19/bin/gofmt', '/usr/bin/gofmt'].find((p) => existsSync(p));
    if (gofmt) expect(execFileSync(gofmt, ['-l', 'svc/two.go'], { encoding: 'utf8' })).toBe('');
    out = '';
    expect(await main(['check', 'svc', '--advisory', '--format', 'json', '--fail-level', 'notice'])).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
  });

  it('with --dry-run prints the unified diff and leaves the file alone', async () => {
    expect(await main(['check', 'svc', '--fix', '--dry-run'])).toBe(1);
    expect(readFileSync('svc/two.go', 'utf8')).toBe(TWO_FIXES);
    expect(out).toMatch(/^diff --git a\/svc\/two\.go b\/svc\/two\.go\n--- a\/svc\/two\.go\n\+\+\+ b\/svc\/two\.go\n@@ -8,13 \+8,13 @@\n/);
    expect(out).toContain('-\tsigs := make(chan os.Signal)\n+\tsigs := make(chan os.Signal, 1)\n');
    expect(out).toContain('+\tout := make([]string, 0, len(us))\n');
  });

  it('applies advisory suggestions only with --advisory', async () => {
    const iface = 'package p\n\nvar registry map[string]interface{}\n';
    writeFileSync('svc/registry.go', iface);
    expect(await main(['check', 'svc/registry.go', '--fix', '--format', 'json'])).toBe(0);
    expect(readFileSync('svc/registry.go', 'utf8')).toBe(iface);
    expect(err).not.toContain('fixed');
    out = '';
    expect(await main(['check', 'svc/registry.go', '--fix', '--advisory', '--format', 'json'])).toBe(0);
    expect(readFileSync('svc/registry.go', 'utf8')).toBe('package p\n\nvar registry map[string]any\n');
    expect(err).toContain('go-standards: fixed 1 finding in 1 file\n');
    expect(JSON.parse(out)).toEqual([]);
  });

  it('applies non-overlapping fixes only, related findings with their own fixes, and refuses a fix that breaks the parse', () => {
    const base = { rule: 'r', path: 'a.go', span: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 }, severity: 'warning', message: 'm', section: 's', anchor: 'a' } as const;
    const source = 'package p\n\nvar a = 1\nvar b = 2\nvar c = 3\n';
    const first: Finding = { ...base, fix: { line: 3, endLine: 4, replacement: 'var a, b = 1, 2' } };
    const overlapping: Finding = { ...base, fix: { line: 4, endLine: 4, replacement: 'var b = 20' } };
    const withRelated = { ...base, path: 'a.go', fix: { line: 5, endLine: 5, replacement: 'var c = 30' }, related: [{ ...base, fix: { line: 1, endLine: 1, replacement: 'package q' } }] };
    const outcome = planFixes([first, overlapping, withRelated], new Map([['a.go', source]]));
    expect(outcome.fixed.get('a.go')).toBe('package q\n\nvar a, b = 1, 2\nvar c = 30\n');
    expect([...outcome.applied]).toEqual([withRelated, first]);
    const breaking: Finding = { ...base, fix: { line: 3, endLine: 3, replacement: 'var a = (' } };
    expect(planFixes([breaking], new Map([['a.go', source]]))).toMatchObject({ refused: ['a.go'], applied: new Set() });
  });
});

describe('--new-from-rev', () => {
  it('reports only lines changed since the merge base, from any subdirectory', async () => {
    git('init', '-q');
    const before = TWO_FIXES.replace('\tvar out []string\n', '\tout := make([]string, 0, len(us))\n');
    writeFileSync('svc/two.go', before);
    writeFileSync('svc/other.go', 'package p\n\nvar registry map[string]interface{}\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    writeFileSync('svc/two.go', TWO_FIXES);
    git('commit', '-qam', 'change');
    process.chdir('svc/inner');
    expect(await main(['check', '--new-from-rev', 'main', '--format', 'json', '--fail-level', 'warning'])).toBe(1);
    expect(JSON.parse(out).map((f: { rule: string; path: string; line: number }) => `${f.path}:${f.line}:${f.rule}`)).toEqual(['../two.go:17:prealloc-slice']);
    out = '';
    expect(await main(['check', '--new-from-rev', 'HEAD', '--format', 'json'])).toBe(0);
    expect(err).toContain('no changed Go files');
    expect(JSON.parse(out)).toEqual([]);
    expect(await main(['check', '--new-from-rev', 'no-such-ref'])).toBe(2);
    expect(err).toMatch(/go-standards: git rev-parse failed/);
  });
});
