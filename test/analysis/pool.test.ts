/**
 * The analysis pool: the same analyses as this thread makes, the same review of a change, a
 * deadline per file that ends the thread and lists the file as not reviewed, the long-line cap,
 * and one pool module shared by the app and the CLI.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisPool } from '../../src/analysis/pool.js';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { analyzeFile } from '../../src/core/engine.js';
import { analysisOptions, reviewChange, type ChangeInput } from '../../src/core/review.js';
import { ruleSetFor } from '../../src/core/review-rules.js';
import { RULES } from '../../src/rules/index.js';
import { addedFilePatch, SAMPLE_GO_COMMENTED } from '../github/harness.js';
import { oneLineGo, syntaxJunk } from '../support/large-go.js';

const SLICE = `package p

func names(us []string) []string {
	var out []string
	for _, u := range us {
		out = append(out, u+"!")
	}
	return out
}
`;

const pools: AnalysisPool[] = [];
const pool = (options: ConstructorParameters<typeof AnalysisPool>[0]): AnalysisPool => {
  const p = new AnalysisPool(options);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('the analysis pool', () => {
  it('gives the analyses this thread gives', { timeout: 30_000 }, async () => {
    const files = ['a.go', 'b.go', 'c.go'].map((path) => ({ path, source: SLICE, goVersion: '1.22' }));
    const { analyses, notReviewed } = await pool({ threads: 2 }).analyse(files, DEFAULT_CONFIG);
    expect(notReviewed).toEqual([]);
    for (const f of files) {
      const here = analyzeFile({ path: f.path, source: f.source }, ruleSetFor(DEFAULT_CONFIG, RULES), analysisOptions(DEFAULT_CONFIG, RULES, f));
      expect(analyses.get(f.path)).toEqual(here);
      expect(here.findings.length).toBeGreaterThan(0);
    }
  });

  it('stops a file at its deadline on the thread itself, lists it as not reviewed, and goes on', { timeout: 60_000 }, async () => {
    // The junk takes about 2 s to parse: the parser's own timeout stops it at 0.3 s.
    const p = pool({ threads: 1, fileDeadlineMs: 300 });
    const started = Date.now();
    const { analyses, notReviewed } = await p.analyse(
      [
        { path: 'junk.go', source: syntaxJunk(875_000) },
        { path: 'ok.go', source: SLICE },
      ],
      DEFAULT_CONFIG,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(notReviewed).toEqual([{ path: 'junk.go', reason: 'parsing and analysis took longer than the 0.3 s deadline per file' }]);
    expect(analyses.get('ok.go')?.findings.length).toBeGreaterThan(0);
    expect(analyses.has('junk.go')).toBe(false);
    // Not by ending the thread: a thread ended inside the parser's native code can abort the process.
    expect(p.threadsStarted).toBe(1);
  });

  it('does not analyse a file with a line over the cap, and says why', { timeout: 30_000 }, async () => {
    const { analyses, notReviewed } = await pool({ threads: 1, maxLineLength: 5000 }).analyse([{ path: 'min.go', source: oneLineGo(875_000) }], DEFAULT_CONFIG);
    expect(analyses.size).toBe(0);
    expect(notReviewed).toHaveLength(1);
    expect(notReviewed[0]!.reason).toMatch(/^a line of \d+ characters, over the 5000-character cap \(minified or generated code\)$/);
  });

  it('reviews a change on a thread as this thread does: diffs read there, the plan, the summary and the fixed comments', { timeout: 30_000 }, async () => {
    const p = pool({ threads: 1 });
    // a.go is new; in b.go the change touches only the package clause, so its finding is out of the hunks.
    const first = SAMPLE_GO_COMMENTED.split('\n')[0];
    const files = [
      { path: 'a.go', source: SAMPLE_GO_COMMENTED, patch: addedFilePatch(SAMPLE_GO_COMMENTED) },
      { path: 'b.go', source: SAMPLE_GO_COMMENTED, patch: `@@ -1 +1 @@\n-package old\n+${first}` },
    ];
    const change: ChangeInput = { files, removed: ['gone.go'], history: { posted: new Set(['old']), comments: [{ path: 'gone.go', fingerprint: 'old' }] } };
    const config = { config: DEFAULT_CONFIG, sources: new Map<string, string>(), problems: [] };
    const { analyses } = await p.analyse(files, DEFAULT_CONFIG);
    const there = await p.review(change, { config, analyses });
    const here = await reviewChange(change, { config, analyses, rules: RULES });
    expect(there).toEqual(here);
    expect(there.plan.comments.map((c) => c.finding.path)).toEqual(['a.go']);
    expect(there.fixed).toEqual([{ path: 'gone.go', fingerprint: 'old' }]);
  });

  it.runIf(existsSync('/proc/self/task'))('runs its threads at the nice value it is given, and leaves this thread as it is', { timeout: 30_000 }, async () => {
    const p = pool({ threads: 1, niceness: 7 });
    await p.analyse([{ path: 'a.go', source: SLICE }], DEFAULT_CONFIG);
    // On Linux a nice value is a thread's own: field 19 of /proc/self/task/<tid>/stat.
    const nices = readdirSync('/proc/self/task').map((tid) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
    expect(nices).toContain(7);
    expect(getPriority()).toBe(0);
  });

  it('is the one pool: the app and the CLI both use src/analysis/pool.ts, nothing else starts threads', () => {
    const src = join(import.meta.dirname, '../../src');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const starters = files(src).filter((f) => /new Piscina\b|from 'piscina'|from 'node:worker_threads'/.test(readFileSync(f, 'utf8')));
    expect(starters.map((f) => f.slice(src.length + 1))).toEqual(['analysis/pool.ts']);
    for (const user of ['cli/analyses.ts', 'ops/service.ts']) expect(readFileSync(join(src, user), 'utf8')).toContain("from '../analysis/pool.js'");
  });
});
