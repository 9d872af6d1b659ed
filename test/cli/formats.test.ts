import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ajv as AjvInstance } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import type { Log } from 'sarif';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput, COMMENTING_CONFIG as CONFIG, SLICE_SOURCE as SLICE, writeCommentingConfig } from './sandbox.js';
import { formatGithub } from '../../src/cli/formats/github.js';
import type { CheckReport, ReportedFinding } from '../../src/cli/format.js';
import type { Finding } from '../../src/core/model.js';
import { RULES } from '../../src/rules/index.js';

/** An error with a fix, and an advisory notice (the tests that want it pass --advisory). */
const SIGNAL = `package p

import (
	"os"
	"os/signal"
)

func wait() os.Signal {
	sigs := make(chan os.Signal)
	signal.Notify(sigs, os.Interrupt)
	return <-sigs
}

type Job interface{ Run() }

func start(jobs <-chan Job) {
	go func() {
		for job := range jobs {
			job.Run()
		}
	}()
}
`;
const BROKEN = 'package p\n\nfunc Broken( {\n';

const require = createRequire(import.meta.url);
// Both are CommonJS with a `default` export.
const Ajv = (require('ajv-draft-04') as { default: new (options: object) => AjvInstance }).default;
const addFormats = (require('ajv-formats') as { default: FormatsPlugin }).default;
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

let dir: string;
let cwd: string;
let out: string;
let err: string;

beforeEach(() => {
  cwd = process.cwd();
  dir = mkdtempSync(join(tmpdir(), 'go-standards-formats-'));
  mkdirSync(join(dir, '.git'));
  writeCommentingConfig(dir);
  mkdirSync(join(dir, 'svc'));
  writeFileSync(join(dir, 'svc/signal.go'), SIGNAL);
  writeFileSync(join(dir, 'svc/names.go'), SLICE);
  process.chdir(dir);
  out = '';
  err = '';
  captureOutput((stream, text) => (stream === 'out' ? (out += text) : (err += text)));
});

afterEach(() => {
  process.chdir(cwd);
  vi.restoreAllMocks();
});

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with rules, relative URIs, regions, fingerprints, fixes and notifications', async () => {
    writeFileSync(join(dir, 'svc/broken.go'), BROKEN);
    symlinkSync(join(dir, 'nowhere.go'), join(dir, 'svc/dangling.go'));
    expect(await main(['check', '--advisory', '--format', 'sarif'])).toBe(2);
    const log = JSON.parse(out) as Log;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(SARIF_SCHEMA);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);

    const run = log.runs[0]!;
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.tool.driver.rules![0]!.helpUri).toMatch(/^https:\/\/.*\/docs\/rules\/[a-z-]+\.md$/);
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(`file://${dir}/`);
    const results = run.results!;
    expect(results.map((r) => [r.ruleId, r.level, r.locations![0]!.physicalLocation!.artifactLocation!.uri])).toEqual([
      ['prealloc-slice', 'warning', 'svc/names.go'],
      ['signal-channel-unbuffered', 'error', 'svc/signal.go'],
      ['goroutine-recover', 'note', 'svc/signal.go'],
    ]);
    const signal = results[1]!;
    expect(signal.locations![0]!.physicalLocation!.region).toEqual({ startLine: 9, startColumn: 10, endLine: 9, endColumn: 30 });
    expect(signal.partialFingerprints!['goStandards/v1']).toMatch(/^[0-9a-f]{16}$/);
    expect(signal.fixes![0]!.artifactChanges[0]!.replacements[0]).toEqual({
      deletedRegion: { startLine: 9, endLine: 9 },
      insertedContent: { text: '\tsigs := make(chan os.Signal, 1)' },
    });
    expect(results[2]!.properties).toMatchObject({ tier: 'advisory' });
    expect(run.tool.driver.rules![results[1]!.ruleIndex!]!.id).toBe('signal-channel-unbuffered');
    const notes = run.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text);
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/^svc\/dangling\.go: Not checked/), expect.stringMatching(/^svc\/broken\.go: The file has syntax errors/)]));
    expect(err).toMatch(/skipped svc\/dangling\.go: ENOENT/);
    expect(err).toMatch(/svc\/broken\.go: syntax errors; checked as far as it parses/);
  });

  it('writes several formats at once, one to standard output and the rest to files', async () => {
    expect(await main(['check', 'svc', '--advisory', '--format', 'json', '--format', 'sarif=out.sarif', '--format', 'checkstyle=cs.xml', '--format', 'codeclimate=gl.json', '--format', 'rdjson=rd.json'])).toBe(1);
    expect(JSON.parse(out)).toHaveLength(3);
    expect(JSON.parse(readFileSync('out.sarif', 'utf8')).runs[0].results).toHaveLength(3);
    expect(readFileSync('cs.xml', 'utf8')).toContain('<file name="svc/signal.go">');
    expect(err).toMatch(/3 findings in 2 files: 1 error, 1 warning, 1 notice \(1 advisory\)\./);
    // Without --advisory no format lists the advisory finding; the summary counts it.
    err = '';
    expect(await main(['check', 'svc', '--format', 'json', '--format', 'sarif=out.sarif', '--format', 'checkstyle=cs.xml'])).toBe(1);
    expect(JSON.parse(out.slice(out.lastIndexOf('\n[') + 1)).map((f: { rule: string }) => f.rule)).toEqual(['prealloc-slice', 'signal-channel-unbuffered']);
    expect(JSON.parse(readFileSync('out.sarif', 'utf8')).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['prealloc-slice', 'signal-channel-unbuffered']);
    expect(readFileSync('cs.xml', 'utf8')).not.toContain('goroutine-recover');
    expect(err).toMatch(/2 findings in 2 files: 1 error, 1 warning\. 1 advisory finding not shown \(--advisory lists them\)\./);
  });
});

describe('the other formats', () => {
  it('codeclimate: GitLab Code Quality issues with the fingerprints and repository-relative paths', async () => {
    mkdirSync('svc/inner');
    process.chdir('svc/inner');
    await main(['check', '..', '--advisory', '--format', 'codeclimate']);
    const issues = JSON.parse(out);
    expect(issues[1]).toEqual({
      type: 'issue',
      check_name: 'signal-channel-unbuffered',
      description: expect.stringContaining('signal.Notify'),
      content: { body: expect.stringContaining('Channel Safety') },
      categories: ['Performance'],
      severity: 'critical',
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      location: { path: 'svc/signal.go', lines: { begin: 9, end: 9 } },
    });
    expect(issues.map((i: { severity: string }) => i.severity)).toEqual(['major', 'critical', 'info']);
  });

  it('rdjson: diagnostics with codes, URLs and whole-line suggestions', async () => {
    await main(['check', 'svc/signal.go', '--advisory', '--format', 'rdjson']);
    const rd = JSON.parse(out);
    expect(rd.source.name).toBe('go-standards');
    expect(rd.diagnostics[0]).toMatchObject({
      severity: 'ERROR',
      code: { value: 'signal-channel-unbuffered', url: expect.stringMatching(/signal-channel-unbuffered\.md$/) },
      location: { path: 'svc/signal.go', range: { start: { line: 9, column: 10 }, end: { line: 9, column: 30 } } },
      suggestions: [{ range: { start: { line: 9, column: 1 }, end: { line: 9, column: 30 } }, text: '\tsigs := make(chan os.Signal, 1)' }],
    });
    expect(rd.diagnostics[1].severity).toBe('INFO');
  });

  it('checkstyle: one <file> per path, attributes escaped', async () => {
    await main(['check', 'svc', '--advisory', '--format', 'checkstyle']);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<checkstyle version="8.0">\n {2}<file name="svc\/names.go">\n {4}<error line="6" column="2" severity="warning" message="[^"<>]*" source="go-standards.prealloc-slice"\/>\n {2}<\/file>\n/);
    expect(out).toContain('severity="info"');
    expect(out).not.toMatch(/message="[^"]*[<>][^"]*"/);
  });

  it('text: colour only when asked, a rule page per rule, and a summary by severity', async () => {
    vi.stubEnv('FORCE_COLOR', '1');
    vi.stubEnv('NO_COLOR', '');
    await main(['check', 'svc', '--advisory']);
    expect(out).toContain('\u001b[');
    out = '';
    vi.stubEnv('NO_COLOR', '1');
    await main(['check', 'svc', '--advisory']);
    expect(out).not.toContain('\u001b[');
    expect(out).toMatch(/\nRule pages:\n {2}prealloc-slice: \S+\n {2}signal-channel-unbuffered: \S+\n {2}goroutine-recover: \S+\n\n3 findings in 2 files: 1 error, 1 warning, 1 notice \(1 advisory\)\.\n$/);
    vi.unstubAllEnvs();
  });
});

function reported(rule: string, severity: Finding['severity'], line: number, message = 'm'): ReportedFinding {
  const finding: Finding = { rule, path: 'a/b.go', span: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 }, severity, message, section: 'S', anchor: `${line}` };
  return { finding, json: { rule, path: 'a/b.go', line, endLine: line, column: 1, endColumn: 2, severity, message, section: 'S', tier: 'comment', docsUrl: 'https://d/x.md', fingerprint: 'f' }, fingerprint: 'f', docsUrl: 'https://d/x.md', title: 'T, with: colon' };
}

describe('--format github', () => {
  const report = (findings: ReportedFinding[]): CheckReport => ({ findings, skipped: [], unparsable: [], notes: [], checked: 1, advisoryHidden: 0, rules: RULES, version: '0', root: process.cwd(), docsBaseUrl: 'https://d' });

  it('escapes messages and properties as the runner reads them, most severe first', () => {
    const text = formatGithub(report([reported('r-warn', 'warning', 3, 'a 100% sure\nthing'), reported('r-err', 'error', 7)]));
    expect(text.split('\n')[0]).toBe('::error file=a/b.go,line=7,endLine=7,col=1,endColumn=2,title=r-err%3A T%2C with%3A colon::m%0AS · https://d/x.md');
    expect(text.split('\n')[1]).toBe('::warning file=a/b.go,line=3,endLine=3,col=1,endColumn=2,title=r-warn%3A T%2C with%3A colon::a 100%25 sure%0Athing%0AS · https://d/x.md');
  });

  it('annotates at most 10 per level and counts the rest in a closing line', () => {
    const many = [...Array.from({ length: 12 }, (_, i) => reported('w', 'warning', i + 1)), ...Array.from({ length: 11 }, (_, i) => reported('e', 'error', i + 1))];
    const lines = formatGithub(report(many)).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(10);
    expect(lines.at(-1)).toBe("::notice title=go-standards::3 more findings (1 error, 2 warnings) beyond GitHub's 10 annotations per level and step are in the log above and in the SARIF report.");
    expect(lines.filter((l) => /^a\/b\.go:\d+:1: (error|warning) /.test(l))).toHaveLength(3);
  });
});

describe('exit status', () => {
  it('fails at the fail level: error by default, the flag over the config, advisory never', async () => {
    expect(await main(['check', 'svc/names.go', '--format', 'json'])).toBe(0);
    expect(await main(['check', 'svc/names.go', '--format', 'json', '--fail-level', 'warning'])).toBe(1);
    expect(await main(['check', 'svc/signal.go', '--format', 'json'])).toBe(1);
    expect(await main(['check', 'svc/signal.go', '--format', 'json', '--fail-level', 'never'])).toBe(0);
    writeFileSync('.github/go-standards.yml', `failOn: warning\n${CONFIG}`);
    expect(await main(['check', 'svc/names.go', '--format', 'json'])).toBe(1);
    expect(await main(['check', 'svc/names.go', '--format', 'json', '--fail-level', 'error'])).toBe(0);
    // The goroutine finding is an advisory notice: even shown, --fail-level notice does not count it.
    writeFileSync('.github/go-standards.yml', 'rules:\n  signal-channel-unbuffered: off\n');
    out = '';
    expect(await main(['check', 'svc/signal.go', '--advisory', '--format', 'json', '--fail-level', 'notice'])).toBe(0);
    expect(JSON.parse(out).map((f: { rule: string; tier: string }) => `${f.rule}:${f.tier}`)).toEqual(['goroutine-recover:advisory']);
    expect(await main(['check', 'svc/signal.go', '--fail-level', 'sometimes'])).toBe(2);
    expect(err).toContain('--fail-level must be one of error, warning, notice, never, not sometimes');
  });

  it('says "no Go files found" and exits 2, or 0 with --allow-empty', async () => {
    mkdirSync('empty');
    expect(await main(['check', 'empty'])).toBe(2);
    expect(err).toContain('go-standards: no Go files found in empty\n');
    expect(await main(['check', 'empty', '--allow-empty'])).toBe(0);
  });
});

describe('special and unreadable files', () => {
  it('skips a FIFO, a device, an oversized file and a dangling link with a line each, checks the rest, and exits 2', async () => {
    execFileSync('mkfifo', [join(dir, 'svc/fifo.go')]);
    symlinkSync('/dev/zero', join(dir, 'svc/zero.go'));
    symlinkSync(join(dir, 'gone.go'), join(dir, 'svc/gone.go'));
    writeFileSync(join(dir, 'svc/huge.go'), `package p\n${'// padding\n'.repeat(500_000)}`);
    expect(await main(['check', 'svc', 'svc/fifo.go', '--advisory', '--format', 'json'])).toBe(2);
    expect(JSON.parse(out).map((f: { rule: string }) => f.rule)).toEqual(['prealloc-slice', 'signal-channel-unbuffered', 'goroutine-recover']);
    expect(err).toContain('skipped svc/fifo.go: not a regular file\n');
    expect(err).toContain('skipped svc/zero.go: not a regular file\n');
    expect(err).toContain('skipped svc/gone.go: ENOENT\n');
    expect(err).toContain('skipped svc/huge.go: larger than 4 MiB\n');
  });

  it('says a named file that is not Go is not checked', async () => {
    writeFileSync('go.mod', 'module example.com/m\n\ngo 1.22\n');
    expect(await main(['check', 'go.mod'])).toBe(2);
    expect(err).toContain('go-standards: skipped go.mod: not a Go file (.go)\n');
  });
});
