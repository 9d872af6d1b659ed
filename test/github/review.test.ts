import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_MARKER } from '../../src/core/render/markers.js';
import { addedFilePatch, deliver, examplePayload, makeProbot, mockContents, mockInstallationToken, mockPullFiles, mockRunEndpoints, SAMPLE_GO as GO_FILE, openPullPayload, mockPullWithFiles } from './harness.js';


const openedPayload = (): any => openPullPayload();

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('pull_request.opened', () => {
  it('posts one review with placed comments, suggestions and citations', async () => {
    const payload = openedPayload();
    const sha = payload.pull_request.head.sha as string;
    const pull = payload.pull_request.number as number;
    const file = { filename: 'store/names.go', content: GO_FILE, patch: addedFilePatch(GO_FILE) };
    const scope = mockInstallationToken();
    mockPullFiles(scope, pull, [file, { filename: 'README.md', patch: '@@ -0,0 +1 @@\n+hi' }]);
    mockContents(scope, sha, file);
    const run = mockRunEndpoints(scope, pull, sha);

    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews).toHaveLength(1);
    const review = run.reviews[0];
    expect(review.commit_id).toBe(sha);
    expect(review.event).toBe('COMMENT');
    expect(review.body.startsWith(SUMMARY_MARKER)).toBe(true);
    expect(review.body).toContain('| [benchmark-loop]');
    expect(review.body).toContain('| [prealloc-slice]');
    expect(review.comments).toHaveLength(2);
    const [prealloc, bench] = review.comments;
    expect(prealloc).toMatchObject({ path: 'store/names.go', line: 8, side: 'RIGHT' });
    expect(prealloc.start_line).toBeUndefined();
    expect(prealloc.body).toMatch(/^<!-- go-standards:prealloc-slice:[0-9a-f]{16} -->\n\*\*prealloc-slice\*\* · Preallocate slices filled in a loop · ⚠️ warning\n/);
    expect(prealloc.body).toContain('Cites: Go 1.24+ Ultra-Performance Standards › “Zero-Allocation Patterns (Enforced)”');
    expect(prealloc.body).toContain('[rule docs](https://github.com/go-standards-bot/go-standards-bot/blob/main/docs/rules/prealloc-slice.md)');
    expect(prealloc.body.endsWith('```suggestion\n\tout := make([]string, 0, len(us))\n```')).toBe(true);
    expect(bench).toMatchObject({ path: 'store/names.go', line: 16, side: 'RIGHT' });
    expect(bench.body).toContain('“Go 1.24 Core Features (Mandatory)”');
    expect(bench.body.endsWith('```suggestion\n\tfor b.Loop() {\n```')).toBe(true);
  });

  it('comments only on added lines and keeps suggestions inside one hunk', async () => {
    const payload = openedPayload();
    const sha = payload.pull_request.head.sha as string;
    const pull = payload.pull_request.number as number;
    // Only the benchmark is new; the slice code was already there.
    const lines = GO_FILE.split('\n');
    const patch = ['@@ -13,3 +13,8 @@ func Names(us []User) []string {', ...lines.slice(12, 15).map((l) => ` ${l}`), ...lines.slice(15, 20).map((l) => `+${l}`)].join('\n');
    const file = { filename: 'store/names.go', status: 'modified', content: GO_FILE, patch };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    const run = mockRunEndpoints(scope, pull, sha);

    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews[0].comments.map((c: any) => [c.line, c.body.split('\n')[1]])).toEqual([
      [16, '**benchmark-loop** · Use `for b.Loop()` in benchmarks · ⚠️ warning'],
    ]);
  });

  it('posts nothing for a pull request without Go files', async () => {
    const payload = openedPayload();
    const scope = mockInstallationToken();
    mockPullFiles(scope, payload.pull_request.number, [{ filename: 'docs/a.md', patch: '@@ -0,0 +1 @@\n+x' }]);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
  });

  it('posts nothing when the Go changes have no findings', async () => {
    const payload = openedPayload();
    const content = 'package p\n\nfunc Add(a, b int) int { return a + b }\n';
    const file = { filename: 'p.go', content, patch: addedFilePatch(content) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    const run = mockRunEndpoints(scope, payload.pull_request.number, payload.pull_request.head.sha, { review: false });
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.finalCheck()).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('skips drafts and closed pull requests without calling GitHub', async () => {
    const { probot, app } = makeProbot();
    const draft = openedPayload();
    draft.pull_request.draft = true;
    await deliver(probot, app, 'pull_request', draft);
    const closed = examplePayload('pull_request', 'closed');
    await deliver(probot, app, 'pull_request', closed);
    const reopenedButClosed = examplePayload('pull_request', 'reopened');
    reopenedButClosed.pull_request.state = 'closed';
    await deliver(probot, app, 'pull_request', reopenedButClosed);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('reviews a pull request when it becomes ready for review', async () => {
    const payload = openPullPayload('ready_for_review');
    const file = { filename: 'a.go', content: GO_FILE, patch: addedFilePatch(GO_FILE) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    mockRunEndpoints(scope, payload.pull_request.number, payload.pull_request.head.sha);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
  });

  it('says in the summary which files it skipped: no patch, over the size cap, binary; skips vendor and generated code', async () => {
    const payload = openedPayload();
    const sha = payload.pull_request.head.sha as string;
    const pull = payload.pull_request.number as number;
    const good = { filename: 'svc/a.go', content: GO_FILE, patch: addedFilePatch(GO_FILE) };
    const noPatch = { filename: 'svc/huge_table.go' };
    const big = { filename: 'svc/big.go', content: 'package svc\n', size: 5 * 1024 * 1024, patch: '@@ -0,0 +1 @@\n+package svc' };
    const binary = { filename: 'svc/blob.go', content: 'package svc\u0000\u0001', patch: '@@ -0,0 +1 @@\n+package svc' };
    const generated = {
      filename: 'svc/zz_generated.go',
      content: '// Code generated by stringer; DO NOT EDIT.\n\npackage svc\n\nvar x interface{}\n',
      patch: '@@ -0,0 +1,5 @@\n+// Code generated by stringer; DO NOT EDIT.\n+\n+package svc\n+\n+var x interface{}',
    };
    const vendored = { filename: 'vendor/x/y.go', patch: '@@ -0,0 +1 @@\n+package y' };
    const removed = { filename: 'svc/old.go', status: 'removed', patch: '@@ -1 +0,0 @@\n-package svc' };
    const scope = mockInstallationToken();
    mockPullFiles(scope, pull, [good, noPatch, big, binary, generated, vendored, removed]);
    for (const f of [good, big, binary, generated]) mockContents(scope, sha, f);
    const run = mockRunEndpoints(scope, pull, sha);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    const review = run.reviews[0];
    expect(review.body).toContain('**Files not reviewed:**');
    expect(review.body).toContain('- `svc/huge_table.go`: GitHub sent no diff for it (binary or too large)');
    expect(review.body).toContain('- `svc/big.go`: 5.0 MiB, over the 1.0 MiB size cap');
    expect(review.body).toContain('- `svc/blob.go`: binary content');
    expect(review.body).not.toContain('zz_generated');
    expect(review.body).not.toContain('vendor/');
    expect(review.comments.every((c: any) => c.path === 'svc/a.go')).toBe(true);
  });
});
