import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readListedMarker } from '../../src/core/render/markers.js';
import { addedFilePatch, deliver, makeProbot, mockContents, mockInstallationToken, mockPullFiles, mockRunEndpoints, openPullPayload, SAMPLE_GO } from './harness.js';

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

// In a test file, preallocation advice is advisory (the test-code policy); the benchmark's loop
// is not.
const PATH = 'store/names_test.go';
const WITHOUT_BENCHMARK_FINDING = SAMPLE_GO.replace('for i := 0; i < b.N; i++ {', 'for b.Loop() {');

describe('advisory findings', () => {
  it('a push whose only new findings are advisory posts no review, only the check run listing them', async () => {
    const payload = openPullPayload();
    const sha = payload.pull_request.head.sha as string;
    const pull = payload.pull_request.number as number;
    const file = { filename: PATH, content: WITHOUT_BENCHMARK_FINDING, patch: addedFilePatch(WITHOUT_BENCHMARK_FINDING) };
    const scope = mockInstallationToken();
    mockPullFiles(scope, pull, [file]);
    mockContents(scope, sha, file);
    const run = mockRunEndpoints(scope, pull, sha, { review: false });

    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews).toEqual([]);
    const check = run.finalCheck();
    expect(check.conclusion).toBe('success');
    expect(check.output.title).toBe('No findings on changed lines');
    expect(check.output.annotations ?? []).toEqual([]);
    expect(check.output.summary).toContain('<details>\n<summary>1 advisory finding (not commented inline; they never fail the check)</summary>');
    expect(check.output.summary).toMatch(/- \*\*prealloc-slice\*\* \(1\):\n {2}- `store\/names_test\.go:8` `out` grows by/);
  });

  it('lists the new advisory findings collapsed in the review, with their fingerprints hidden, and never inline', async () => {
    const payload = openPullPayload();
    const sha = payload.pull_request.head.sha as string;
    const pull = payload.pull_request.number as number;
    const file = { filename: PATH, content: SAMPLE_GO, patch: addedFilePatch(SAMPLE_GO) };
    const scope = mockInstallationToken();
    mockPullFiles(scope, pull, [file]);
    mockContents(scope, sha, file);
    const run = mockRunEndpoints(scope, pull, sha);

    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews).toHaveLength(1);
    const review = run.reviews[0];
    expect(review.comments.map((c: any) => c.body.split('\n')[1])).toEqual(['**benchmark-loop** · Use `for b.Loop()` in benchmarks · ⚠️ warning']);
    expect(review.body).toContain('1 finding on the changed lines: 0 error, 1 warning, 0 notice.');
    expect(review.body).toContain('<summary>1 new advisory finding (not commented inline; they never fail the check)</summary>');
    expect(review.body).toContain('`store/names_test.go:8`');
    expect(readListedMarker(review.body)).toHaveLength(1);
    const check = run.finalCheck();
    expect(check.conclusion).toBe('neutral');
    expect(check.output.annotations.map((a: any) => a.title)).toEqual(['benchmark-loop']);
    expect(check.output.summary).toContain('<summary>1 advisory finding');
  });
});

describe('advisory findings across pushes (the core the app calls)', () => {
  it('lists an advisory finding once in the summaries, but in every check run', async () => {
    const { reviewChange } = await import('../../src/core/review.js');
    const { DEFAULT_CONFIG } = await import('../../src/core/config.js');
    const { COMMENT_TIER_RULES } = await import('./harness.js');
    const context = { rules: COMMENT_TIER_RULES, config: { config: DEFAULT_CONFIG, sources: new Map(), problems: [] } };
    const files = [{ path: PATH, source: SAMPLE_GO, changed: undefined }];
    const first = await reviewChange({ files }, context);
    expect(first.plan.advisory.map((l) => l.finding.rule)).toEqual(['prealloc-slice']);
    const posted = new Set(readListedMarker(first.plan.summary));
    expect(posted.has(first.plan.advisory[0]!.fingerprint)).toBe(true);
    const again = await reviewChange({ files, history: { posted, comments: [] } }, context);
    expect(again.plan.advisory).toEqual([]);
    expect(again.plan.summary).not.toContain('advisory finding');
    expect(again.plan.advisoryInScope.map((f) => f.rule)).toEqual(['prealloc-slice']);
    expect(again.check.output.summary).toContain('<summary>1 advisory finding');
  });

  it('a configured tier makes a rule advisory; tier: comment over an advisory default lets evidence decide', async () => {
    const { reviewChange } = await import('../../src/core/review.js');
    const { DEFAULT_CONFIG } = await import('../../src/core/config.js');
    const { RULES } = await import('../../src/rules/index.js');
    const files = [{ path: 'store/names.go', source: SAMPLE_GO }];
    const review = (rules: Record<string, unknown>) =>
      reviewChange({ files }, { rules: RULES, config: { config: { ...DEFAULT_CONFIG, rules: rules as never }, sources: new Map(), problems: [] } });
    // prealloc-slice and benchmark-loop are measured below the comment tier's precision: advisory by default.
    const byDefault = await review({});
    expect(byDefault.plan.inScope).toEqual([]);
    expect(byDefault.plan.advisoryInScope.map((f) => f.rule).sort()).toEqual(['benchmark-loop', 'prealloc-slice']);
    const configured = await review({ 'prealloc-slice': { tier: 'comment' }, 'benchmark-loop': { level: 'error', tier: 'advisory' } });
    expect(configured.plan.inScope.map((f) => f.rule)).toEqual(['prealloc-slice']);
    expect(configured.plan.advisoryInScope.map((f) => [f.rule, f.severity])).toEqual([['benchmark-loop', 'error']]);
    expect(configured.check.conclusion).toBe('neutral');
  });
});
