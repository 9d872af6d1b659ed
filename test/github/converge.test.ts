/** Reviews that converge and survive GitHub's faults (nock stands in for GitHub). */
import nock from 'nock';
import { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GoStandardsOctokit } from '../../src/github/octokit.js';
import { createApp } from '../../src/github/app.js';
import { readMarker } from '../../src/core/render/fingerprint.js';
import {
  addedFilePatch,
  API,
  deliver,
  makeProbot,
  mockContents,
  mockGraphQLContents,
  mockInstallationToken,
  mockPullFiles,
  mockRunEndpoints,
  OWNER,
  openPullPayload, mockPullWithFiles,
  REPO,
  testSettings,
} from './harness.js';

const REPO_PATH = `/repos/${OWNER}/${REPO}`;
const noSleep = async (): Promise<void> => {};

const V1 = `package p

func A(v interface{}) {}

func B(v interface{}) {}
`;
// B's finding is fixed; C is new; A is unchanged but shifted down two lines.
const V2 = `package p

// A takes anything.
//
func A(v interface{}) {}

func B(v any) {}

func C(v interface{}) {}
`;

const opened = (): any => openPullPayload();

/** What the bot posted on V1, as GitHub lists review comments back. */
async function firstRunComments(): Promise<any[]> {
  const payload = opened();
  const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
  const scope = mockInstallationToken();
  mockPullWithFiles(scope, payload, [file]);
  const run = mockRunEndpoints(scope, payload.pull_request.number, payload.pull_request.head.sha);
  const { probot, app } = makeProbot({ sleep: noSleep });
  await deliver(probot, app, 'pull_request', payload);
  scope.done();
  return run.reviews[0].comments.map((c: any, i: number) => ({ ...c, id: 500 + i, user: { login: 'go-standards[bot]', type: 'Bot' } }));
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('reviews that converge', () => {
  it('drops a repeated delivery of the same webhook', async () => {
    const payload = opened();
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    const run = mockRunEndpoints(scope, payload.pull_request.number, payload.pull_request.head.sha);
    const { probot, app } = makeProbot();
    await probot.receive({ id: 'same-delivery', name: 'pull_request', payload });
    await probot.receive({ id: 'same-delivery', name: 'pull_request', payload });
    await app.queue.onIdle();
    scope.done();
    expect(run.reviews).toHaveLength(1);
  });

  it('posts nothing again when every finding is already commented (a re-check of the same head)', async () => {
    const comments = await firstRunComments();
    const payload = opened();
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    const run = mockRunEndpoints(scope, payload.pull_request.number, payload.pull_request.head.sha, { comments, review: false });
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews).toEqual([]);
    expect(run.finalCheck()).toMatchObject({ conclusion: 'success' });
  });

  it('on a new push comments only new findings and resolves the thread of a fixed one', async () => {
    const comments = await firstRunComments();
    const fixedComment = comments.find((c) => c.line === 5)!; // B
    const payload = openPullPayload('synchronize');
    const sha = payload.pull_request.head.sha;
    const pull = payload.pull_request.number;
    const file = { filename: 'p.go', status: 'modified', content: V2, patch: addedFilePatch(V2) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    const run = mockRunEndpoints(scope, pull, sha, { comments });
    const threads = comments.map((c) => ({ id: `thread-${c.id}`, isResolved: false, comments: { nodes: [{ databaseId: c.id }] } }));
    const resolved: string[] = [];
    scope
      .post('/graphql', (b) => b.query.includes('reviewThreads'))
      .reply(200, { data: { repository: { pullRequest: { reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: threads } } } } });
    scope
      .post('/graphql', (b) => b.query.includes('resolveReviewThread') && (resolved.push(b.variables.threadId), true))
      .reply(200, { data: { resolveReviewThread: { thread: { id: 'x', isResolved: true } } } });
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(resolved).toEqual([`thread-${fixedComment.id}`]);
    expect(run.reviews).toHaveLength(1);
    expect(run.reviews[0].comments.map((c: any) => c.line)).toEqual([9]); // only C
  });

  it('replies once that a finding was fixed when the thread cannot be resolved', async () => {
    const comments = await firstRunComments();
    const payload = openPullPayload('synchronize');
    const { number: pull, head } = payload.pull_request;
    const file = { filename: 'p.go', status: 'modified', content: V2, patch: addedFilePatch(V2) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    mockRunEndpoints(scope, pull, head.sha, { comments });
    scope.post('/graphql').reply(200, { errors: [{ message: 'Resource not accessible by integration' }] });
    let reply: any;
    scope.post(`${REPO_PATH}/pulls/${pull}/comments/${comments[1].id}/replies`, (b) => ((reply = b), true)).reply(201, { id: 900 });
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(reply.body).toContain(`Fixed in ${head.sha}`);
  });

  it('does not post for a head that moved on while the review ran', async () => {
    const payload = opened();
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    const run = mockRunEndpoints(scope, payload.pull_request.number, payload.pull_request.head.sha, { currentHead: 'f'.repeat(40), review: false, checkRun: false });
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews).toEqual([]);
    expect(run.checkRuns).toEqual([]); // the newer head gets its own check run
  });

  it('a check run already shown in progress is closed as skipped when the head moved on', async () => {
    const payload = opened();
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    const run = mockRunEndpoints(scope, payload.pull_request.number, payload.pull_request.head.sha, { currentHead: 'f'.repeat(40), review: false });
    const { probot, app } = makeProbot({ settings: testSettings({ checkInProgressAfterMs: 0 }) });
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews).toEqual([]);
    expect(run.checkRuns).toMatchObject([{ status: 'in_progress' }]);
    expect(run.checkUpdates).toMatchObject([{ status: 'completed', conclusion: 'skipped' }]);
  });

  it('with GraphQL, a push that arrives during a review supersedes it: only the newer head is posted', async () => {
    const first = opened();
    const second = openPullPayload('synchronize');
    second.pull_request.head.sha = 'b'.repeat(40);
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullFiles(scope, first.pull_request.number, [file]);
    mockPullFiles(scope, first.pull_request.number, [file]);
    mockGraphQLContents(scope, [file], 2); // each snapshot sees the head it was asked about
    const run = mockRunEndpoints(scope, first.pull_request.number, second.pull_request.head.sha, { graphql: true });
    const { probot, app } = makeProbot({ settings: testSettings({ contentsVia: 'graphql' }) });
    await Promise.all([
      probot.receive({ id: 'first', name: 'pull_request', payload: first }),
      probot.receive({ id: 'second', name: 'pull_request', payload: second }),
    ]);
    await app.queue.onIdle();
    scope.done();
    expect(run.checkRuns.map((c) => c.head_sha)).toEqual([second.pull_request.head.sha]);
    expect(run.reviews.map((r) => r.commit_id)).toEqual([second.pull_request.head.sha]);
  });

  it('with GraphQL, a head that moved on before the analysis is not fetched or reviewed', async () => {
    const payload = opened();
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullFiles(scope, payload.pull_request.number, [file]);
    mockGraphQLContents(scope, [file], 1, { head: 'f'.repeat(40) });
    const { probot, app } = makeProbot({ settings: testSettings({ contentsVia: 'graphql' }) });
    await deliver(probot, app, 'pull_request', payload);
    scope.done(); // no configuration, check run or review calls
  });

  it('caps inline comments at 30, highest severity first, and lists the rest by rule', async () => {
    const lines = ['package p', '', 'import "testing"', ''];
    for (let i = 0; i < 34; i++) lines.push(`var v${i} interface{}`);
    lines.push('', 'func BenchmarkX(b *testing.B) {', '\tfor i := 0; i < b.N; i++ {', '\t}', '}', '');
    const content = lines.join('\n');
    const payload = opened();
    const file = { filename: 'x.go', content, patch: addedFilePatch(content) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    const run = mockRunEndpoints(scope, payload.pull_request.number, payload.pull_request.head.sha);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    const review = run.reviews[0];
    expect(review.comments).toHaveLength(30);
    expect(readMarker(review.comments[0].body)?.rule).toBe('benchmark-loop'); // the warning comes first
    expect(review.body).toContain('**More findings** (over the limit of 30 inline comments):');
    expect(review.body).toContain('- **empty-interface** (5):');
    // annotations: 35 findings → one update with 35 (under 50)
    expect(run.finalCheck().output.annotations).toHaveLength(35);
    expect(run.finalCheck().conclusion).toBe('neutral');
  });

  it('annotates the 50 most severe findings in one check-run write', async () => {
    const lines = ['package p', ''];
    for (let i = 0; i < 120; i++) lines.push(`var v${i} interface{}`);
    const content = `${lines.join('\n')}\n`;
    const payload = opened();
    const file = { filename: 'x.go', content, patch: addedFilePatch(content) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    const run = mockRunEndpoints(scope, payload.pull_request.number, payload.pull_request.head.sha);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.checkUpdates).toEqual([]);
    expect(run.checkRuns).toHaveLength(1);
    const [check] = run.checkRuns;
    expect(check).toMatchObject({ status: 'completed', conclusion: 'success' }); // notices only
    expect(check.output.annotations).toHaveLength(50);
    expect(check.output.summary).toContain('the 50 most severe of 120 findings');
  });
});

describe('surviving GitHub faults', () => {
  it('a 502 on a review GitHub did create leaves one review', async () => {
    const payload = opened();
    const { number: pull, head } = payload.pull_request;
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    let created: any;
    scope.post(`${REPO_PATH}/check-runs`).reply(201, { id: 7 });
    scope.get(`${REPO_PATH}/pulls/${pull}/comments`).query(true).reply(200, []);
    scope.get(`${REPO_PATH}/pulls/${pull}/reviews`).query(true).reply(200, []);
    scope.get(`${REPO_PATH}/pulls/${pull}`).reply(200, { state: 'open', head: { sha: head.sha }, base: { sha: 'base0000' } });
    scope.post(`${REPO_PATH}/pulls/${pull}/reviews`, (b) => ((created = b), true)).reply(502, { message: 'Bad Gateway' });
    // GitHub did create it: the check before retrying finds it by the run marker.
    scope
      .get(`${REPO_PATH}/pulls/${pull}/reviews`)
      .query(true)
      .reply(200, () => [{ id: 77, body: created.body, user: { type: 'Bot' } }]);
    const { probot, app } = makeProbot({ sleep: noSleep });
    await deliver(probot, app, 'pull_request', payload);
    scope.done(); // exactly one POST of the review
  });

  it('a 502 on a review GitHub did not create is retried once', async () => {
    const payload = opened();
    const { number: pull, head } = payload.pull_request;
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    scope.post(`${REPO_PATH}/pulls/${pull}/reviews`).reply(502, { message: 'Bad Gateway' });
    const run = mockRunEndpoints(scope, pull, head.sha);
    scope.get(`${REPO_PATH}/pulls/${pull}/reviews`).query(true).reply(200, []);
    const { probot, app } = makeProbot({ sleep: noSleep });
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews).toHaveLength(1);
  });

  it('a 422 loses no finding: the review is posted again with every finding in the summary', async () => {
    const payload = opened();
    const { number: pull, head } = payload.pull_request;
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    scope.post(`${REPO_PATH}/pulls/${pull}/reviews`).reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
    const run = mockRunEndpoints(scope, pull, head.sha);
    const { probot, app } = makeProbot({ sleep: noSleep });
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    const retry = run.reviews[0];
    expect(retry.comments).toEqual([]);
    expect(retry.body).toContain('`p.go:3`');
    expect(retry.body).toContain('`p.go:5`');
    expect(retry.body).toContain('GitHub did not accept inline comments');
  });

  it('waits out a 403 secondary rate limit with retry-after and lands the review', async () => {
    const payload = opened();
    const { number: pull, head } = payload.pull_request;
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [file]);
    scope
      .post(`${REPO_PATH}/pulls/${pull}/reviews`)
      .reply(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' });
    const run = mockRunEndpoints(scope, pull, head.sha);
    const probot = new Probot({
      appId: 123,
      privateKey: (await import('./harness.js')).TEST_PRIVATE_KEY,
      logLevel: 'fatal',
      Octokit: GoStandardsOctokit.defaults({ retry: { enabled: false } }),
    });
    const app = createApp({ sleep: noSleep, rules: (await import('./harness.js')).COMMENT_TIER_RULES });
    probot.load(app);
    const started = Date.now();
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('answers the webhook at once while a large pull request is reviewed, and completes with skipped files noted', async () => {
    const payload = opened();
    const { number: pull, head } = payload.pull_request;
    const files: any[] = [];
    for (let i = 0; i < 3000; i++) files.push({ filename: `docs/f${i}.md`, patch: '@@ -0,0 +1 @@\n+x' });
    const huge = { filename: 'big.go', content: 'package p\n', size: 5 * 1024 * 1024, patch: '@@ -0,0 +1 @@\n+package p' };
    const broken = { filename: 'broken.go', content: 'package p\n\nfunc f( {\n\tvar x interface{}\n}\n\nvar ok interface{}\n' };
    (broken as any).patch = addedFilePatch(broken.content);
    files.push(huge, broken, { filename: 'bin.go' });
    const scope = mockInstallationToken();
    const pages = [];
    for (let i = 0; i < files.length; i += 100) pages.push(files.slice(i, i + 100));
    pages.forEach((page, i) => {
      const next: Record<string, string> =
        i + 1 < pages.length ? { link: `<${API}${REPO_PATH}/pulls/${pull}/files?per_page=100&page=${i + 2}>; rel="next"` } : {};
      scope
        .get(`${REPO_PATH}/pulls/${pull}/files`)
        .query(i === 0 ? { per_page: 100 } : { per_page: 100, page: i + 1 })
        .delay(i === 0 ? 1500 : 0)
        .reply(200, page.map((f) => ({ filename: f.filename, status: 'added', patch: f.patch })), next);
    });
    mockContents(scope, head.sha, huge);
    mockContents(scope, head.sha, broken);
    const run = mockRunEndpoints(scope, pull, head.sha);
    const { probot, app } = makeProbot();
    const started = Date.now();
    await probot.receive({ id: 'large', name: 'pull_request', payload });
    expect(Date.now() - started).toBeLessThan(1000);
    await app.queue.onIdle();
    scope.done();
    const body = run.reviews[0].body;
    expect(body).toContain('GitHub lists only the first 3000 files');
    expect(body).toContain('`big.go`: 5.0 MiB, over the 1.0 MiB size cap');
    expect(body).toContain('`bin.go`: GitHub sent no diff');
    expect(body).toContain('syntax errors');
    expect(run.reviews[0].comments.map((c: any) => c.line)).toEqual([7]);
  });
});

describe('the GraphQL snapshot (the default path)', () => {
  it('reads files, go.mod and the bot history in one request: no repeat, the fixed thread resolved', async () => {
    const comments = await firstRunComments();
    const payload = openPullPayload('synchronize');
    const { number: pull, head } = payload.pull_request;
    const file = { filename: 'p.go', status: 'modified', content: V2, patch: addedFilePatch(V2) };
    const scope = mockInstallationToken();
    mockPullFiles(scope, pull, [file]);
    const threads = comments.map((c) => ({
      id: `thread-${c.id}`,
      isResolved: false,
      path: c.path,
      comments: { pageInfo: { hasNextPage: false }, nodes: [{ databaseId: c.id, body: c.body, author: { __typename: 'Bot' } }] },
    }));
    mockGraphQLContents(scope, [file], 1, { threads, goMods: { 'go.mod': 'module x\n\ngo 1.24\n' } });
    const resolved: string[] = [];
    scope
      .post('/graphql', (b) => b.query.includes('resolveReviewThread') && (resolved.push(b.variables.threadId), true))
      .reply(200, { data: { resolveReviewThread: { thread: { id: 'x', isResolved: true } } } });
    const run = mockRunEndpoints(scope, pull, head.sha, { graphql: true });
    const { probot, app } = makeProbot({ settings: testSettings({ contentsVia: 'graphql' }) });
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(resolved).toEqual([`thread-${comments[1].id}`]);
    expect(run.reviews[0].comments.map((c: any) => c.line)).toEqual([9]);
  });

  it('falls back to the REST path when GraphQL is unavailable', async () => {
    const payload = opened();
    const { number: pull, head } = payload.pull_request;
    const file = { filename: 'p.go', content: V1, patch: addedFilePatch(V1) };
    const scope = mockInstallationToken();
    mockPullFiles(scope, pull, [file]);
    scope.post('/graphql').times(2).reply(404, { message: 'Not Found' });
    mockContents(scope, head.sha, file);
    const run = mockRunEndpoints(scope, pull, head.sha);
    const { probot, app } = makeProbot({ settings: testSettings({ contentsVia: 'graphql' }) });
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.reviews).toHaveLength(1);
  });
});
